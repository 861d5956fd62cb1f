-- name: upsert-contacts
-- One chunk of contacts for one list, sorted by email_key (a fixed lock order for concurrent imports). Contacts
-- whose data would not change are not rewritten, so a repeated import changes nothing.
WITH input AS (
    SELECT r.email, lower(r.email) AS email_key, r.email_hash, r.first_name, r.last_name,
           COALESCE(r.attributes, '{}'::jsonb) AS attributes
    FROM json_to_recordset(:rows) AS r(email text, email_hash text, first_name text, last_name text, attributes jsonb)
),
before AS (
    SELECT c.id, (m.contact_id IS NOT NULL) AS was_member
    FROM input i
    JOIN contacts c ON c.email_key = i.email_key
    LEFT JOIN list_members m ON m.list_id = :listId AND m.contact_id = c.id
),
upserted AS (
    INSERT INTO contacts AS c (email, email_key, email_hash, first_name, last_name, attributes)
    SELECT email, email_key, email_hash, first_name, last_name, attributes FROM input ORDER BY email_key
    ON CONFLICT (email_key) DO UPDATE
        SET first_name = COALESCE(EXCLUDED.first_name, c.first_name),
            last_name  = COALESCE(EXCLUDED.last_name, c.last_name),
            attributes = c.attributes || EXCLUDED.attributes,
            updated_at = now()
        WHERE (c.first_name, c.last_name, c.attributes)
              IS DISTINCT FROM (COALESCE(EXCLUDED.first_name, c.first_name),
                                COALESCE(EXCLUDED.last_name, c.last_name),
                                c.attributes || EXCLUDED.attributes)
    RETURNING c.id
)
SELECT (SELECT count(*) FROM upserted u JOIN before b ON b.id = u.id WHERE b.was_member) AS updated_members,
       (SELECT count(*) FROM input i JOIN suppressions s ON s.email_hash = i.email_hash) AS suppressed

-- name: add-members
-- A statement of its own (a new snapshot): it also sees contacts that a concurrent import committed meanwhile.
INSERT INTO list_members (list_id, contact_id, source)
SELECT :listId, c.id, :source
FROM json_array_elements_text(:emailKeys) AS k(email_key)
JOIN contacts c ON c.email_key = k.email_key
ON CONFLICT DO NOTHING

-- name: find-contact
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes, c.created_at, c.updated_at,
       s.reason AS suppression_reason, s.created_at AS suppressed_at
FROM contacts c
LEFT JOIN suppressions s ON s.email_hash = c.email_hash
WHERE c.id = :contactId

-- name: page-contacts
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes, c.created_at, c.updated_at,
       s.reason AS suppression_reason, s.created_at AS suppressed_at
FROM contacts c
LEFT JOIN suppressions s ON s.email_hash = c.email_hash
WHERE (:q::text IS NULL OR c.email_key LIKE '%' || lower(:q) || '%' OR c.first_name ILIKE '%' || :q || '%'
       OR c.last_name ILIKE '%' || :q || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (c.created_at, c.id) > (:afterCreatedAt, :afterId))
ORDER BY c.created_at, c.id
LIMIT :limit

-- name: page-list-contacts
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes, c.created_at, c.updated_at,
       s.reason AS suppression_reason, s.created_at AS suppressed_at
FROM list_members m
JOIN contacts c ON c.id = m.contact_id
LEFT JOIN suppressions s ON s.email_hash = c.email_hash
WHERE m.list_id = :listId
  AND (:q::text IS NULL OR c.email_key LIKE '%' || lower(:q) || '%' OR c.first_name ILIKE '%' || :q || '%'
       OR c.last_name ILIKE '%' || :q || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (c.created_at, c.id) > (:afterCreatedAt, :afterId))
ORDER BY c.created_at, c.id
LIMIT :limit

-- name: lock-contact
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes, c.created_at, c.updated_at,
       s.reason AS suppression_reason, s.created_at AS suppressed_at
FROM contacts c
LEFT JOIN suppressions s ON s.email_hash = c.email_hash
WHERE c.id = :contactId
FOR UPDATE OF c

-- name: update-contact
-- Attributes are merged at the top level: the given keys replace the contact's, a key given as null is removed,
-- the others stay.
UPDATE contacts
SET first_name = CASE WHEN :setFirstName THEN :firstName ELSE first_name END,
    last_name  = CASE WHEN :setLastName THEN :lastName ELSE last_name END,
    attributes = CASE WHEN :attributes::jsonb IS NULL THEN attributes
                      ELSE (attributes || :attributes::jsonb)
                           - ARRAY(SELECT key FROM jsonb_each(:attributes::jsonb) WHERE jsonb_typeof(value) = 'null')
                 END,
    updated_at = now()
WHERE id = :contactId

-- name: remove-member
DELETE FROM list_members WHERE list_id = :listId AND contact_id = :contactId

-- name: find-memberships
SELECT l.id AS list_id, l.name AS list_name, m.added_at, m.source
FROM list_members m
JOIN lists l ON l.id = m.list_id
WHERE m.contact_id = :contactId
ORDER BY m.added_at, l.id

-- name: count-existing-contacts
SELECT count(*) AS existing
FROM contacts
WHERE id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))

-- name: bulk-add-to-list
INSERT INTO list_members (list_id, contact_id, source)
SELECT :listId, c.id, :source
FROM contacts c
WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))
ON CONFLICT DO NOTHING

-- name: bulk-remove-from-list
DELETE FROM list_members
WHERE list_id = :listId
  AND contact_id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))

-- name: bulk-suppress
-- The suppressions and their audit entries (by hash, as SuppressionRepository writes them) in one statement; the
-- count is of the suppressions added.
WITH added AS (
    INSERT INTO suppressions (email_hash, email, reason, source)
    SELECT c.email_hash, c.email, 'manual', :source
    FROM contacts c
    WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))
    ON CONFLICT (email_hash) DO NOTHING
    RETURNING email_hash, reason, source
)
INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
SELECT :actor, 'suppression.added', 'suppression', email_hash,
       jsonb_build_object('reason', reason, 'source', source, 'roundId', NULL)
FROM added

-- name: find-provider-events
SELECT e.event_type, e.occurred_at, e.message_id, e.custom_id, e.result
FROM provider_events e
JOIN contacts c ON c.email_hash = e.email_hash
WHERE c.id = :contactId
ORDER BY e.occurred_at DESC
LIMIT 100

-- name: find-contact-deliveries
-- What was sent to the person (the ledger), newest first; provider events refer to a delivery by its id (CustomID).
SELECT d.id, d.round_id, r.name AS round_name, d.status, d.test, d.sent_at, d.created_at,
       (SELECT count(*) FROM provider_events e WHERE e.custom_id = d.id::text AND e.event_type = 'open') AS opens,
       (SELECT count(*) FROM provider_events e WHERE e.custom_id = d.id::text AND e.event_type = 'click') AS clicks
FROM deliveries d
JOIN rounds r ON r.id = d.round_id
WHERE d.contact_id = :contactId
ORDER BY d.created_at DESC
LIMIT 100
