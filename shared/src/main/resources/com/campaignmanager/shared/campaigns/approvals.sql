-- name: page-pending
-- Waiting longest first, with the last preflight result stored on the round.
SELECT r.id, r.name, r.status, r.campaign_id, c.name AS campaign_name, c.timezone, r.scheduled_at, r.submitted_by,
       r.submitted_at, extract(epoch FROM now() - r.submitted_at)::bigint AS waited_seconds, r.preflight,
       r.preflight_at, NULL::text AS decision, NULL::text AS decided_by, NULL::timestamptz AS decided_at,
       NULL::text AS reason, r.id::text AS position_id, r.submitted_at AS position_at
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.status = 'pending_approval'
  AND (:afterAt::timestamptz IS NULL OR (r.submitted_at, r.id::text) > (:afterAt, :afterId))
ORDER BY r.submitted_at, r.id::text
LIMIT :limit

-- name: page-decided
-- Every approval and rejection from the audit trail, newest first, with the round as it is now.
SELECT r.id, r.name, r.status, r.campaign_id, c.name AS campaign_name, c.timezone, r.scheduled_at,
       a.detail -> 'before' ->> 'submittedBy' AS submitted_by,
       (a.detail -> 'before' ->> 'submittedAt')::timestamptz AS submitted_at,
       extract(epoch FROM a.occurred_at - (a.detail -> 'before' ->> 'submittedAt')::timestamptz)::bigint
           AS waited_seconds,
       r.preflight, r.preflight_at,
       CASE a.action WHEN 'round.approved' THEN 'approved' ELSE 'rejected' END AS decision,
       a.actor AS decided_by, a.occurred_at AS decided_at, a.detail -> 'after' ->> 'rejectionReason' AS reason,
       a.id::text AS position_id, a.occurred_at AS position_at
FROM audit_events a
JOIN rounds r ON r.id::text = a.entity_id
JOIN campaigns c ON c.id = r.campaign_id
WHERE a.entity_type = 'round' AND a.action IN ('round.approved', 'round.rejected')
  AND (:afterAt::timestamptz IS NULL OR (a.occurred_at, a.id::text) < (:afterAt, :afterId))
ORDER BY a.occurred_at DESC, a.id::text DESC
LIMIT :limit
