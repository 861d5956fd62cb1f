-- name: page-timeline
-- One history of a campaign, oldest first: its audit trail (campaign, rounds, tasks), the sends from the rounds
-- themselves (launched; completed with counts), each round's last preflight, and metric milestones (the first
-- snapshot at which unique opens reached 10, 25 and 50 % of the messages sent).
WITH campaign_rounds AS (
    SELECT id, name, trigger, launched_at, completed_at, status, recipients, sent, failed, skipped, preflight,
           preflight_at
    FROM rounds
    WHERE campaign_id = :campaignId
), entries AS (
    SELECT a.occurred_at AS at, 'audit:' || a.id AS id, a.action AS kind, a.actor,
           a.entity_type, a.entity_id,
           CASE WHEN a.entity_type = 'round' THEN (SELECT name FROM campaign_rounds WHERE id::text = a.entity_id)
                WHEN a.entity_type = 'task' THEN coalesce(a.detail -> 'after' ->> 'title', a.detail -> 'before' ->> 'title')
           END AS subject,
           jsonb_strip_nulls(jsonb_build_object('reason', a.detail -> 'after' ->> 'rejectionReason',
               'checklist', a.detail -> 'preflight', 'status', a.detail -> 'after' ->> 'status')) AS data
    FROM audit_events a
    WHERE ((a.entity_type = 'campaign' AND a.entity_id = :campaignId::text)
           OR (a.entity_type = 'round' AND a.entity_id IN (SELECT id::text FROM campaign_rounds))
           OR (a.entity_type = 'task' AND a.detail ->> 'campaignId' = :campaignId::text))
      AND a.action NOT IN ('round.sent')
    UNION ALL
    SELECT r.launched_at, 'launched:' || r.id, 'round.launched',
           CASE WHEN r.trigger = 'manual'
                THEN (SELECT a.actor FROM audit_events a WHERE a.entity_type = 'round' AND a.entity_id = r.id::text
                      AND a.action = 'round.send_now' ORDER BY a.occurred_at DESC LIMIT 1)
                ELSE 'scheduler' END,
           'round', r.id::text, r.name, jsonb_build_object('trigger', r.trigger)
    FROM campaign_rounds r
    WHERE r.launched_at IS NOT NULL
    UNION ALL
    SELECT r.completed_at, 'completed:' || r.id, 'round.completed', 'scheduler', 'round', r.id::text, r.name,
           jsonb_build_object('recipients', r.recipients, 'sent', r.sent, 'failed', r.failed, 'skipped', r.skipped)
    FROM campaign_rounds r
    WHERE r.status = 'sent' AND r.completed_at IS NOT NULL
    UNION ALL
    SELECT r.preflight_at, 'preflight:' || r.id, 'round.preflight', NULL, 'round', r.id::text, r.name,
           jsonb_build_object('ready', r.preflight -> 'ready',
               'fails', (SELECT count(*) FROM jsonb_array_elements(r.preflight -> 'items') i WHERE i ->> 'status' = 'fail'),
               'warnings', (SELECT count(*) FROM jsonb_array_elements(r.preflight -> 'items') i WHERE i ->> 'status' = 'warn'))
    FROM campaign_rounds r
    WHERE r.preflight_at IS NOT NULL
    UNION ALL
    SELECT min(m.collected_at), 'metric:' || m.round_id || ':' || t.pct, 'round.metric_milestone', NULL, 'round',
           m.round_id::text, min(r.name), jsonb_build_object('uniqueOpensPercent', t.pct)
    FROM round_metrics m
    JOIN campaign_rounds r ON r.id = m.round_id
    CROSS JOIN (VALUES (10), (25), (50)) AS t (pct)
    WHERE m.sent > 0 AND m.unique_opens * 100 >= t.pct * m.sent
    GROUP BY m.round_id, t.pct
)
SELECT at, id, kind, actor, entity_type, entity_id, subject, data
FROM entries
WHERE (:afterAt::timestamptz IS NULL OR (at, id) > (:afterAt, :afterId))
ORDER BY at, id
LIMIT :limit
