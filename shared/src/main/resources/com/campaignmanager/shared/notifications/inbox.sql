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

-- name: enable-channel
UPDATE notification_channels SET disabled_at = NULL, reason = NULL WHERE channel = :channel
