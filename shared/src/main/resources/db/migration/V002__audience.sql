-- Who a round goes to: lists, contacts, memberships and the global suppression list.

CREATE TABLE lists (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX lists_name_key ON lists (lower(name));
CREATE INDEX lists_created_idx ON lists (created_at, id);

-- email keeps what the person typed (trimmed, domain lower-cased); email_key is what makes two addresses the
-- same one; email_hash (SHA-256 of email_key, hex, computed by the application) is what stays in the suppression
-- list after the person is erased.
CREATE TABLE contacts (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email       text        NOT NULL,
    email_key   text        NOT NULL,
    email_hash  text        NOT NULL CHECK (email_hash ~ '^[0-9a-f]{64}$'),
    first_name  text,
    last_name   text,
    attributes  jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contacts_email_key UNIQUE (email_key),
    CONSTRAINT contacts_email_key_is_lower CHECK (email_key = lower(email))
);
CREATE INDEX contacts_created_idx ON contacts (created_at, id);
CREATE INDEX contacts_email_hash_idx ON contacts (email_hash);

CREATE TABLE list_members (
    list_id    uuid        NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    contact_id uuid        NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    added_at   timestamptz NOT NULL DEFAULT now(),
    source     text        NOT NULL,
    PRIMARY KEY (list_id, contact_id)
);
CREATE INDEX list_members_contact_idx ON list_members (contact_id);

-- Global: applied at send time. Keyed by the hash so that an erased address stays suppressed without being kept.
CREATE TABLE suppressions (
    email_hash text        PRIMARY KEY,
    email      text,
    reason     text        NOT NULL CHECK (reason IN ('manual', 'unsubscribed', 'hard_bounce', 'soft_bounce_limit',
                                                      'spam_complaint', 'blocked', 'erased')),
    source     text        NOT NULL,
    round_id   uuid,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suppressions_created_idx ON suppressions (created_at, email_hash);
