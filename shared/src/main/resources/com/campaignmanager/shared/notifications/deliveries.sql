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
