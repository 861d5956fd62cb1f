-- name: lock-contacts
-- In id order: two erasures of overlapping sets take their locks in one order.
SELECT id, email_key, email_hash
FROM contacts
WHERE id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))
ORDER BY id
FOR UPDATE

-- name: suppress-erased
-- The hash stays as an erased suppression (never mailed again), the address goes; audited like every change to
-- the list, by the hash.
WITH erased AS (
    INSERT INTO suppressions AS s (email_hash, email, reason, source)
    SELECT DISTINCT value, NULL::text, 'erased', :source FROM json_array_elements_text(:emailHashes)
    ON CONFLICT (email_hash) DO UPDATE
        SET email = NULL, reason = 'erased', source = EXCLUDED.source
        WHERE s.reason <> 'erased'
    RETURNING s.email_hash, (xmax = 0) AS inserted
)
INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
SELECT :actor, CASE WHEN inserted THEN 'suppression.added' ELSE 'suppression.changed' END, 'suppression',
       email_hash, jsonb_build_object('reason', 'erased', 'source', :source::text, 'roundId', NULL)
FROM erased

-- name: forget-provider-events
-- The events keep their facts (type, time, hash, message ids) for the metrics, not the address or the payload.
UPDATE provider_events
SET email = NULL, payload = '{}'::jsonb
WHERE email_hash IN (SELECT value FROM json_array_elements_text(:emailHashes))
  AND (email IS NOT NULL OR payload <> '{}'::jsonb)

-- name: forget-outbox-messages
-- The local provider's copies (round sends and test sends): that a message went out stays, not to whom, nor what
-- it said (subject and bodies were rendered with the person's data; headers and bodies carry their links).
UPDATE outbox_messages o
SET to_email = '(erased)', to_name = NULL, subject = NULL, html_body = NULL, text_body = NULL,
    headers = '{}'::jsonb
WHERE o.custom_id IN (SELECT d.id::text FROM deliveries d
                      WHERE d.email_hash IN (SELECT value FROM json_array_elements_text(:emailHashes)))
   OR lower(o.to_email) IN (SELECT value FROM json_array_elements_text(:emailKeys))

-- name: forget-deliveries
-- The ledger (round and test sends) keeps that a message was sent, the hash and the contact id it was for (what an
-- unsubscribe link in it names), not the address; nor a provider error that quoted it.
UPDATE deliveries
SET email = NULL,
    last_error = CASE WHEN strpos(lower(last_error), lower(email)) > 0 THEN '(address erased)' ELSE last_error END
WHERE email_hash IN (SELECT value FROM json_array_elements_text(:emailHashes))
  AND email IS NOT NULL

-- name: forget-contact-audit
-- The trail keeps who did what to the contact and when, not the names and attributes of its snapshots.
UPDATE audit_events
SET detail = detail - 'before' - 'after'
WHERE entity_type = 'contact'
  AND entity_id IN (SELECT value FROM json_array_elements_text(:contactIds))
  AND (detail -> 'before' IS NOT NULL OR detail -> 'after' IS NOT NULL)

-- name: forget-addresses-in-audit
-- Any snapshot that quotes the address (a test send's recipients, a task's text): each occurrence, in any case,
-- becomes "(erased)". One pass over the trail whatever the number of addresses: the address-like words of each
-- detail are looked up among the erased ones, and only the rows that quote one are rewritten.
WITH erased AS (
    SELECT value AS email_key FROM json_array_elements_text(:emailKeys)
),
quoting AS (
    SELECT a.id,
           '(?<![[:alnum:]._+-])(' || string_agg(DISTINCT regexp_replace(e.email_key, '([^[:alnum:]])', '\\\1', 'g'), '|')
               || ')(?![[:alnum:]_-]|\.[[:alnum:]])' AS pattern
    FROM audit_events a
    CROSS JOIN LATERAL regexp_matches(a.detail::text, '[[:alnum:]!#$%&''*+/=?^_`{|}~.-]+@[[:alnum:].-]+', 'g') AS m (word)
    JOIN erased e ON e.email_key = lower(rtrim(m.word[1], '.'))
    WHERE strpos(a.detail::text, '@') > 0
    GROUP BY a.id
)
UPDATE audit_events a
SET detail = regexp_replace(a.detail::text, q.pattern, '(erased)', 'gi')::jsonb
FROM quoting q
WHERE a.id = q.id

-- name: forget-addresses-in-notifications
-- As in the trail: notifications (title, body, detail) that quote the address.
WITH erased AS (
    SELECT value AS email_key FROM json_array_elements_text(:emailKeys)
),
quoting AS (
    SELECT n.id,
           '(?<![[:alnum:]._+-])(' || string_agg(DISTINCT regexp_replace(e.email_key, '([^[:alnum:]])', '\\\1', 'g'), '|')
               || ')(?![[:alnum:]_-]|\.[[:alnum:]])' AS pattern
    FROM notifications n
    CROSS JOIN LATERAL regexp_matches(n.title || ' ' || n.body || ' ' || n.detail::text,
                                      '[[:alnum:]!#$%&''*+/=?^_`{|}~.-]+@[[:alnum:].-]+', 'g') AS m (word)
    JOIN erased e ON e.email_key = lower(rtrim(m.word[1], '.'))
    WHERE strpos(n.title || ' ' || n.body || ' ' || n.detail::text, '@') > 0
    GROUP BY n.id
)
UPDATE notifications n
SET title = regexp_replace(n.title, q.pattern, '(erased)', 'gi'),
    body = regexp_replace(n.body, q.pattern, '(erased)', 'gi'),
    detail = regexp_replace(n.detail::text, q.pattern, '(erased)', 'gi')::jsonb
FROM quoting q
WHERE n.id = q.id

-- name: forget-addresses-in-tasks
-- As in the trail: tasks whose title or notes quote the address (what their notifications were made from).
WITH erased AS (
    SELECT value AS email_key FROM json_array_elements_text(:emailKeys)
),
quoting AS (
    SELECT t.id,
           '(?<![[:alnum:]._+-])(' || string_agg(DISTINCT regexp_replace(e.email_key, '([^[:alnum:]])', '\\\1', 'g'), '|')
               || ')(?![[:alnum:]_-]|\.[[:alnum:]])' AS pattern
    FROM tasks t
    CROSS JOIN LATERAL regexp_matches(t.title || ' ' || t.notes,
                                      '[[:alnum:]!#$%&''*+/=?^_`{|}~.-]+@[[:alnum:].-]+', 'g') AS m (word)
    JOIN erased e ON e.email_key = lower(rtrim(m.word[1], '.'))
    WHERE strpos(t.title || ' ' || t.notes, '@') > 0
    GROUP BY t.id
)
UPDATE tasks t
SET title = regexp_replace(t.title, q.pattern, '(erased)', 'gi'),
    notes = regexp_replace(t.notes, q.pattern, '(erased)', 'gi')
FROM quoting q
WHERE t.id = q.id

-- name: audit-erasures
INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
SELECT :actor, 'contact.erased', 'contact', value, '{}'::jsonb
FROM json_array_elements_text(:contactIds)

-- name: delete-contacts
-- Their list memberships go with them (ON DELETE CASCADE).
DELETE FROM contacts WHERE id IN (SELECT value::uuid FROM json_array_elements_text(:contactIds))
