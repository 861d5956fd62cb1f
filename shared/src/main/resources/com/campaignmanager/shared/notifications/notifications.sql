-- name: publish
-- One statement: the log row (once per deduplication key), the in-app rows of the audience, their e-mails and
-- the Slack post. A key seen before inserts nothing at all, so publishing is safe to repeat.
WITH created AS (
    INSERT INTO notifications (dedup_key, type, severity, title, body, entity_type, entity_id, detail)
    VALUES (:dedupKey, :type, :severity, :title, :body, :entityType, :entityId, :detail::jsonb)
    ON CONFLICT (dedup_key) DO NOTHING
    RETURNING id
), audience AS (
    SELECT m.id, m.email, m.slack_user_id, m.preferences -> :type AS choice
    FROM team_members m
    WHERE m.active
      AND (m.role IN (SELECT json_array_elements_text(:roles::json))
           OR m.id::text IN (SELECT json_array_elements_text(:memberIds::json))
           OR m.email IN (SELECT lower(p) FROM json_array_elements_text(:people::json) p)
           OR m.subject IN (SELECT json_array_elements_text(:people::json)))
      AND m.email NOT IN (SELECT lower(p) FROM json_array_elements_text(:excluded::json) p)
      AND NOT coalesce(m.subject IN (SELECT json_array_elements_text(:excluded::json)), false)
), inbox AS (
    INSERT INTO notification_inbox (notification_id, member_id)
    SELECT c.id, a.id
    FROM created c, audience a
    WHERE coalesce((a.choice ->> 'inApp')::boolean, true)
    RETURNING member_id
), emails AS (
    INSERT INTO notification_deliveries (notification_id, channel, member_id, recipient)
    SELECT c.id, 'email', a.id, a.email
    FROM created c, audience a
    WHERE :emailChannel AND coalesce((a.choice ->> 'email')::boolean, :emailByDefault)
    RETURNING id
), slack AS (
    INSERT INTO notification_deliveries (notification_id, channel, recipient, mentions)
    SELECT c.id, 'slack', 'channel',
           (SELECT string_agg('<@' || a.slack_user_id || '>', ' ' ORDER BY a.slack_user_id)
            FROM audience a
            WHERE a.slack_user_id IS NOT NULL AND coalesce((a.choice ->> 'slack')::boolean, :slackByDefault))
    FROM created c
    WHERE :slackChannel
      AND NOT EXISTS (SELECT 1 FROM notification_channels WHERE channel = 'slack' AND disabled_at IS NOT NULL)
      AND (:slackByDefault OR EXISTS (SELECT 1 FROM audience a WHERE (a.choice ->> 'slack')::boolean))
    RETURNING id
)
SELECT c.id,
       (SELECT count(*) FROM inbox) AS told_in_app,
       (SELECT count(*) FROM emails) AS emails,
       (SELECT count(*) FROM slack) AS slack_posts
FROM created c

-- name: purge-old-notifications
-- Notifications (with their in-app rows and deliveries) older than the retention, unless a delivery of one is
-- still pending: the tables stay the size of the retention, not of the product's age.
DELETE FROM notifications n
WHERE n.created_at < now() - make_interval(days => :days::int)
  AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id AND d.status = 'pending')
