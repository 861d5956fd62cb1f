-- Segments: a round's audience narrowed by conditions on contact fields and attributes, and widened lists made
-- smaller by excluded lists; saved segments that rounds copy their conditions from.

-- A saved segment: conditions (validated by the application, the JSON a round copies) under a unique name.
CREATE TABLE segments (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '',
    conditions  jsonb       NOT NULL CHECK (jsonb_typeof(conditions) = 'object'),
    version     integer     NOT NULL DEFAULT 1,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT segments_name_key UNIQUE (name)
);
CREATE INDEX segments_created_idx ON segments (created_at, id);

-- The round's own copy of its conditions (what it is approved with), and the segment it copied them from, if any:
-- a segment's edit reaches the rounds that use it; deleting a segment leaves drafts and finished rounds their copy.
ALTER TABLE rounds ADD COLUMN conditions jsonb CHECK (conditions IS NULL OR jsonb_typeof(conditions) = 'object');
ALTER TABLE rounds ADD COLUMN segment_id uuid REFERENCES segments (id) ON DELETE SET NULL;
CREATE INDEX rounds_segment_idx ON rounds (segment_id) WHERE segment_id IS NOT NULL;

-- Contacts on these lists are not recipients of the round.
CREATE TABLE round_excluded_lists (
    round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    list_id  uuid NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, list_id)
);
CREATE INDEX round_excluded_lists_list_idx ON round_excluded_lists (list_id);

-- Conditions on attributes test equality by containment (attributes @> {"plan": "pro"}): jsonb_path_ops is the
-- smaller GIN index that serves exactly that.
CREATE INDEX contacts_attributes_idx ON contacts USING gin (attributes jsonb_path_ops);

-- An attribute's text as an instant, or NULL when it is not an ISO date (YYYY-MM-DD, midnight UTC) or date-time
-- (with an offset, else UTC): a contact with a malformed date simply does not match before/after, and a launch
-- never fails on a cast. The format is checked before pg_input_is_valid, so words PostgreSQL also reads as times
-- ('now', 'epoch') are not dates here.
CREATE FUNCTION audience_instant(value text) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE
        WHEN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND pg_input_is_valid(value, 'date')
            THEN (value::date)::timestamp AT TIME ZONE 'UTC'
        WHEN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})*)*(Z|[+-][0-9]{2}(:[0-9]{2})*)*$'
             AND pg_input_is_valid(value, 'timestamp')
             AND value !~ '(Z|[+-][0-9]{2}(:[0-9]{2})*)$'
            THEN value::timestamp AT TIME ZONE 'UTC'
        WHEN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,6})*)*(Z|[+-][0-9]{2}(:[0-9]{2})*)$'
             AND pg_input_is_valid(value, 'timestamptz')
            THEN value::timestamptz
    END;
