-- name: due-round-notices
-- Every round notice the job could give now that has not been given: its key is computed here, so what was
-- said before is skipped by the query rather than published again (which would be harmless, but a call each).
WITH candidates AS (
    SELECT 'reminder-24h' AS kind, r.id AS round_id,
           'round:' || r.id || ':reminder:24h:' || extract(epoch FROM r.scheduled_at)::bigint AS dedup_key
    FROM rounds r
    WHERE r.status = 'scheduled'
      AND r.scheduled_at > now() + interval '1 hour' AND r.scheduled_at <= now() + interval '24 hours'
    UNION ALL
    SELECT 'reminder-1h', r.id,
           'round:' || r.id || ':reminder:1h:' || extract(epoch FROM r.scheduled_at)::bigint
    FROM rounds r
    WHERE r.status = 'scheduled' AND r.scheduled_at > now() AND r.scheduled_at <= now() + interval '1 hour'
    UNION ALL
    SELECT 'launched', r.id, 'round:' || r.id || ':launched:' || extract(epoch FROM r.launched_at)::bigint
    FROM rounds r
    -- A round that failed its preflight at launch was claimed but never sent to anyone: it did not "start
    -- sending", and its failure notice says what happened.
    WHERE r.launched_at > now() - interval '2 days'
      AND (r.status IN ('sending', 'paused', 'sent', 'stopped') OR (r.status = 'failed' AND r.recipients > 0))
    UNION ALL
    SELECT 'completed', r.id, 'round:' || r.id || ':completed'
    FROM rounds r
    WHERE r.status = 'sent' AND r.completed_at > now() - interval '2 days'
    UNION ALL
    SELECT 'failed', r.id, 'round:' || r.id || ':failed'
    FROM rounds r
    WHERE r.status = 'failed' AND r.updated_at > now() - interval '2 days'
)
SELECT c.kind, c.dedup_key, r.id, r.name, r.campaign_id, cp.name AS campaign_name, cp.timezone, r.scheduled_at,
       r.trigger, r.recipients, r.sent, r.failed, r.skipped, r.failure_reason, r.submitted_by, r.created_by,
       r.approved_by,
       (SELECT a.detail FROM audit_events a
        WHERE a.entity_type = 'round' AND a.entity_id = r.id::text AND a.action = 'round.failed'
        ORDER BY a.occurred_at DESC LIMIT 1) AS failure_detail
FROM candidates c
JOIN rounds r ON r.id = c.round_id
JOIN campaigns cp ON cp.id = r.campaign_id
WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = c.dedup_key)
ORDER BY r.scheduled_at, c.kind
LIMIT 200

-- name: overdue-tasks
SELECT t.id, t.title, t.due_at, t.assignee_id, t.created_by, t.campaign_id, c.name AS campaign_name, c.timezone,
       k.dedup_key
FROM tasks t
JOIN campaigns c ON c.id = t.campaign_id
CROSS JOIN LATERAL (SELECT 'task:' || t.id || ':overdue:' || extract(epoch FROM t.due_at)::bigint AS dedup_key) k
WHERE t.status <> 'done' AND t.assignee_id IS NOT NULL
  AND t.due_at < now() AND t.due_at > now() - interval '7 days'
  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = k.dedup_key)
ORDER BY t.due_at
LIMIT 200
