-- Templates: a reusable layout (HTML, and optionally text) with one {{content}} slot that a round fills.

-- version counts every edit (the ETag); a template is archived, never deleted, so that the rounds sent with it
-- stay answerable.
CREATE TABLE templates (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '',
    version     integer     NOT NULL DEFAULT 1,
    archived_at timestamptz,
    archived_by text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX templates_created_idx ON templates (created_at, id) WHERE archived_at IS NULL;

-- Every version's layout, never changed: what an approval covered is what the launcher sends.
CREATE TABLE template_versions (
    template_id uuid        NOT NULL REFERENCES templates (id),
    version     integer     NOT NULL,
    html_layout text        NOT NULL,
    text_layout text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (template_id, version)
);

-- A round that names a template gives only its content; approved_template_version is the template's version its
-- approval covered (set with approved_at, cleared with it).
ALTER TABLE rounds ADD COLUMN template_id uuid REFERENCES templates (id);
ALTER TABLE rounds ADD COLUMN approved_template_version integer;
CREATE INDEX rounds_template_idx ON rounds (template_id) WHERE template_id IS NOT NULL;
