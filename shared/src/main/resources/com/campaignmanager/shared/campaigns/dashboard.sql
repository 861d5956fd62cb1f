-- name: dashboard
-- The whole dashboard in one statement (one Data API call, however much data there is): each section is capped,
-- and counts are given beside the capped lists.
SELECT json_build_object(
    'generatedAt', now(),
    'upcomingRounds', (
        SELECT coalesce(json_agg(u ORDER BY u."scheduledAt"), '[]'::json) FROM (
            SELECT r.id AS "roundId", r.name AS "roundName", r.campaign_id AS "campaignId", c.name AS "campaignName",
                   c.timezone, r.scheduled_at AS "scheduledAt", r.status,
                   CASE r.status WHEN 'scheduled' THEN 'approved' WHEN 'pending_approval' THEN 'pending'
                                 ELSE 'not_submitted' END AS "approval",
                   CASE WHEN r.preflight IS NULL THEN 'unchecked'
                        WHEN (r.preflight ->> 'ready')::boolean THEN 'ready' ELSE 'failing' END AS "preflight",
                   r.preflight_at AS "preflightCheckedAt"
            FROM rounds r JOIN campaigns c ON c.id = r.campaign_id
            WHERE r.status IN ('draft', 'pending_approval', 'scheduled')
              AND r.scheduled_at >= now() AND r.scheduled_at < now() + interval '14 days'
            ORDER BY r.scheduled_at LIMIT :sectionLimit) u),
    'awaitingApproval', json_build_object(
        'total', (SELECT count(*) FROM rounds WHERE status = 'pending_approval'),
        'items', (SELECT coalesce(json_agg(w ORDER BY w."submittedAt"), '[]'::json) FROM (
            SELECT r.id AS "roundId", r.name AS "roundName", r.campaign_id AS "campaignId", c.name AS "campaignName",
                   r.submitted_by AS "submittedBy", r.submitted_at AS "submittedAt", r.scheduled_at AS "scheduledAt",
                   extract(epoch FROM now() - r.submitted_at)::bigint AS "waitedSeconds"
            FROM rounds r JOIN campaigns c ON c.id = r.campaign_id
            WHERE r.status = 'pending_approval'
            ORDER BY r.submitted_at LIMIT :sectionLimit) w)),
    'recentSends', (
        SELECT coalesce(json_agg(s ORDER BY s."launchedAt" DESC), '[]'::json) FROM (
            SELECT r.id AS "roundId", r.name AS "roundName", r.campaign_id AS "campaignId", c.name AS "campaignName",
                   r.status, r.launched_at AS "launchedAt", r.completed_at AS "completedAt",
                   r.recipients, r.sent, r.failed, r.skipped,
                   round(m.unique_opens::numeric / nullif(m.sent, 0), 4) AS "openRate",
                   round(m.unique_clicks::numeric / nullif(m.sent, 0), 4) AS "clickRate",
                   round(m.bounces::numeric / nullif(m.sent, 0), 4) AS "bounceRate",
                   m.collected_at AS "metricsAt"
            FROM rounds r
            JOIN campaigns c ON c.id = r.campaign_id
            LEFT JOIN LATERAL (SELECT * FROM round_metrics x WHERE x.round_id = r.id
                               ORDER BY x.collected_at DESC LIMIT 1) m ON true
            WHERE r.launched_at > now() - interval '30 days'
            ORDER BY r.launched_at DESC LIMIT :sectionLimit) s),
    'audienceGrowth', (
        SELECT json_build_object(
            'contacts', (SELECT count(*) FROM contacts),
            'suppressions', (SELECT count(*) FROM suppressions),
            'days', coalesce(json_agg(json_build_object('date', d.day::date,
                'listMembersAdded', coalesce(a.added, 0), 'suppressionsAdded', coalesce(s.added, 0)) ORDER BY d.day),
                '[]'::json))
        FROM generate_series((now() AT TIME ZONE 'UTC')::date - 29, (now() AT TIME ZONE 'UTC')::date,
                             interval '1 day') AS d (day)
        LEFT JOIN (SELECT (added_at AT TIME ZONE 'UTC')::date AS day, count(*) AS added FROM list_members
                   WHERE added_at >= now() - interval '31 days' GROUP BY 1) a ON a.day = d.day::date
        LEFT JOIN (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS added FROM suppressions
                   WHERE created_at >= now() - interval '31 days' GROUP BY 1) s ON s.day = d.day::date),
    'overdueTasks', json_build_object(
        'total', (SELECT count(*) FROM tasks WHERE status <> 'done' AND due_at < now()),
        'items', (SELECT coalesce(json_agg(t ORDER BY t."dueAt"), '[]'::json) FROM (
            SELECT t.id AS "taskId", t.title, t.campaign_id AS "campaignId", t.assignee_id AS "assigneeId",
                   m.email AS "assigneeEmail", t.due_at AS "dueAt", t.status
            FROM tasks t LEFT JOIN team_members m ON m.id = t.assignee_id
            WHERE t.status <> 'done' AND t.due_at < now()
            ORDER BY t.due_at LIMIT :sectionLimit) t)),
    'failedNotifications', json_build_object(
        'total', (SELECT count(*) FROM notification_deliveries
                  WHERE status IN ('failed', 'disabled') AND created_at > now() - interval '7 days'),
        'channels', (SELECT coalesce(json_agg(json_build_object('channel', channel, 'disabledAt', disabled_at,
                                                                 'reason', reason)), '[]'::json)
                     FROM notification_channels WHERE disabled_at IS NOT NULL),
        'items', (SELECT coalesce(json_agg(f ORDER BY f."createdAt" DESC), '[]'::json) FROM (
            SELECT d.id, n.type, n.title, d.channel, d.recipient, d.status, d.attempts, d.last_error AS "lastError",
                   d.created_at AS "createdAt"
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE d.status IN ('failed', 'disabled') AND d.created_at > now() - interval '7 days'
            ORDER BY d.created_at DESC LIMIT :sectionLimit) f))
) AS dashboard
