-- name: remove-suppressed-members
-- One statement: the removals and their audit events commit together or not at all.
WITH removed AS (
    DELETE FROM list_members m
    USING contacts c, suppressions s
    WHERE c.id = m.contact_id AND s.email_hash = c.email_hash
    RETURNING m.list_id, m.contact_id, m.added_at, m.source, s.reason
),
audited AS (
    INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
    SELECT :actor, 'contact.removed-from-list', 'contact', r.contact_id::text,
           jsonb_build_object('listId', r.list_id, 'suppressionReason', r.reason, 'addedAt', r.added_at,
                              'addedBy', r.source)
    FROM removed r
    RETURNING id
)
SELECT (SELECT count(*) FROM removed) AS removed, (SELECT count(*) FROM audited) AS audited
