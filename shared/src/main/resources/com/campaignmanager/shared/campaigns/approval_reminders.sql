-- name: due-approval-notices
-- Rounds waiting for a decision longer than :overdueHours (a reminder each further period they wait), and
-- rounds due within 24 hours that are not approved: they will not go out.
WITH candidates AS (
    SELECT 'overdue' AS kind, r.id AS round_id,
           'round:' || r.id || ':approval-overdue:' || extract(epoch FROM r.submitted_at)::bigint || ':'
               || floor(extract(epoch FROM now() - r.submitted_at) / (:overdueHours * 3600))::bigint AS dedup_key
    FROM rounds r
    WHERE r.status = 'pending_approval' AND r.submitted_at <= now() - make_interval(hours => :overdueHours::int)
    UNION ALL
    SELECT 'not-approved', r.id,
           'round:' || r.id || ':not-approved:' || extract(epoch FROM r.scheduled_at)::bigint
    FROM rounds r
    WHERE r.status IN ('draft', 'pending_approval')
      AND r.scheduled_at > now() AND r.scheduled_at <= now() + interval '24 hours'
)
SELECT c.kind, c.dedup_key, r.id, r.name, r.status, r.campaign_id, cp.name AS campaign_name, cp.timezone,
       r.scheduled_at, r.submitted_by, r.submitted_at, r.created_by,
       extract(epoch FROM now() - r.submitted_at)::bigint AS waited_seconds
FROM candidates c
JOIN rounds r ON r.id = c.round_id
JOIN campaigns cp ON cp.id = r.campaign_id
WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = c.dedup_key)
ORDER BY r.scheduled_at
LIMIT 200
