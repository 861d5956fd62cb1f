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

-- name: page-inbox
SELECT n.id, n.type, n.severity, n.title, n.body, n.entity_type, n.entity_id, n.detail, i.created_at, i.read_at
FROM notification_inbox i
JOIN notifications n ON n.id = i.notification_id
WHERE i.member_id = :memberId
  AND (NOT :unreadOnly OR i.read_at IS NULL)
  AND (:afterCreatedAt::timestamptz IS NULL OR (i.created_at, i.notification_id) < (:afterCreatedAt, :afterId))
ORDER BY i.created_at DESC, i.notification_id DESC
LIMIT :limit

-- name: mark-read
UPDATE notification_inbox SET read_at = coalesce(read_at, now())
WHERE member_id = :memberId AND notification_id = :notificationId
RETURNING read_at

-- name: mark-all-read
UPDATE notification_inbox SET read_at = now() WHERE member_id = :memberId AND read_at IS NULL

-- name: page-deliveries
SELECT d.id, d.notification_id, n.type, n.title, d.channel, d.recipient, d.status, d.attempts, d.last_error,
       d.next_attempt_at, d.sent_at, d.created_at
FROM notification_deliveries d
JOIN notifications n ON n.id = d.notification_id
WHERE (:status::text IS NULL OR d.status = :status)
  AND (:afterCreatedAt::timestamptz IS NULL OR (d.created_at, d.id) < (:afterCreatedAt, :afterId))
ORDER BY d.created_at DESC, d.id DESC
LIMIT :limit

-- name: claim-due-deliveries
-- Taken with a lease: an overlapping run skips them, and a run that dies leaves them to be taken again once
-- the lease has passed.
UPDATE notification_deliveries d
SET next_attempt_at = now() + make_interval(secs => :leaseSeconds), attempts = d.attempts + 1
FROM notifications n
WHERE n.id = d.notification_id
  AND d.id IN (SELECT id FROM notification_deliveries
               WHERE status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT :limit
               FOR UPDATE SKIP LOCKED)
RETURNING d.id, d.channel, d.recipient, d.mentions, d.attempts, n.type, n.severity, n.title, n.body,
          n.entity_type, n.entity_id

-- name: record-delivery
UPDATE notification_deliveries
SET status = :status,
    attempts = attempts - :refund,
    last_error = :lastError,
    sent_at = CASE WHEN :status = 'sent' THEN now() END,
    next_attempt_at = now() + make_interval(secs => :retryInSeconds)
WHERE id = :deliveryId

-- name: disable-channel
-- The first report wins; the returned row says whether this call was the one that switched it off.
INSERT INTO notification_channels (channel, disabled_at, reason)
VALUES (:channel, now(), :reason)
ON CONFLICT (channel) DO UPDATE SET disabled_at = now(), reason = excluded.reason
WHERE notification_channels.disabled_at IS NULL
RETURNING channel

-- name: disable-pending-deliveries
UPDATE notification_deliveries
SET status = 'disabled', last_error = :reason
WHERE channel = :channel AND status = 'pending'

-- name: enable-channel
UPDATE notification_channels SET disabled_at = NULL, reason = NULL WHERE channel = :channel

-- name: channel-states
SELECT channel, disabled_at, reason FROM notification_channels

-- name: purge-old-notifications
-- Notifications (with their in-app rows and deliveries) older than the retention, unless a delivery of one is
-- still pending: the tables stay the size of the retention, not of the product's age.
DELETE FROM notifications n
WHERE n.created_at < now() - make_interval(days => :days::int)
  AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id AND d.status = 'pending')
