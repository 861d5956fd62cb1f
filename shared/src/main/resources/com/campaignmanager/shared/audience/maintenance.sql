-- name: merge-duplicate-contacts
-- Contacts whose addresses differ only by case or surrounding whitespace (possible in data that did not come in
-- through this API): the oldest one keeps every list membership, the others go.
WITH ranked AS (
    SELECT id,
           row_number() OVER (PARTITION BY lower(btrim(email)) ORDER BY created_at, id) AS position,
           first_value(id) OVER (PARTITION BY lower(btrim(email)) ORDER BY created_at, id) AS keep_id
    FROM contacts
),
duplicates AS (
    SELECT id, keep_id FROM ranked WHERE position > 1
),
moved AS (
    INSERT INTO list_members (list_id, contact_id, source, added_at)
    SELECT m.list_id, d.keep_id, 'merged', m.added_at
    FROM list_members m
    JOIN duplicates d ON d.id = m.contact_id
    ON CONFLICT DO NOTHING
    RETURNING 1
),
deleted AS (
    DELETE FROM contacts c USING duplicates d WHERE c.id = d.id RETURNING 1
)
SELECT (SELECT count(*) FROM deleted) AS merged, (SELECT count(*) FROM moved) AS memberships_moved

-- name: count-lists-and-members
SELECT (SELECT count(*) FROM lists) AS lists, (SELECT count(*) FROM list_members) AS memberships

-- name: drop-erased-audit-detail
-- Erasure keeps the fact (who erased whom, when) but nothing else about the person once the retention has passed.
UPDATE audit_events
SET detail = '{}'::jsonb
WHERE entity_type = 'contact'
  AND detail <> '{}'::jsonb
  AND occurred_at < :cutoff
  AND entity_id IN (SELECT entity_id FROM audit_events WHERE action = 'contact.erased')
