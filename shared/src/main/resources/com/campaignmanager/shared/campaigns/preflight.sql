-- name: round-timing
SELECT r.campaign_id, r.scheduled_at, (r.scheduled_at > now()) AS in_future
FROM rounds r
WHERE r.id = :roundId

-- name: sendable-per-list
-- For each of the round's lists: how many of its contacts could be mailed now (not suppressed).
SELECT l.id AS list_id, l.name,
       count(c.id) FILTER (WHERE s.email_hash IS NULL) AS sendable
FROM round_lists rl
JOIN lists l ON l.id = rl.list_id
LEFT JOIN list_members m ON m.list_id = rl.list_id
LEFT JOIN contacts c ON c.id = m.contact_id
LEFT JOIN suppressions s ON s.email_hash = c.email_hash
WHERE rl.round_id = :roundId
GROUP BY l.id, l.name
ORDER BY l.name

-- name: nearby-rounds-to-same-lists
-- Other rounds of the campaign going to one of these lists within 24 hours of this one.
SELECT count(DISTINCT o.id) AS nearby
FROM rounds o
JOIN round_lists ol ON ol.round_id = o.id
JOIN rounds r ON r.id = :roundId
WHERE o.campaign_id = r.campaign_id
  AND o.id <> r.id
  AND o.status IN ('pending_approval', 'scheduled', 'sending', 'paused', 'sent', 'stopped')
  AND ol.list_id IN (SELECT list_id FROM round_lists WHERE round_id = r.id)
  AND abs(extract(epoch FROM (o.scheduled_at - r.scheduled_at))) < 86400

-- name: record-preflight
UPDATE rounds SET preflight = :preflight::jsonb, preflight_at = now() WHERE id = :roundId

-- name: ledger-progress
SELECT count(*) AS recipients, count(*) FILTER (WHERE status = 'pending') AS pending
FROM deliveries
WHERE round_id = :roundId AND NOT test

-- name: find-last-preflight
-- The result the last preflight kept on the round and when it ran (both null when none has run).
SELECT preflight, preflight_at FROM rounds WHERE id = :roundId
