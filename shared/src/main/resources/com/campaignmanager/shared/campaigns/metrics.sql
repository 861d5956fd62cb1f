-- name: collect-round-metrics
-- One statement for every round sent in the last 30 days: the ledger's counts, and what the provider reported
-- about its messages (events refer to a delivery by its id, the CustomID).
INSERT INTO round_metrics (round_id, recipients, sent, failed, skipped, opens, unique_opens, clicks, unique_clicks,
                           bounces, complaints, unsubscribes)
SELECT r.id,
       count(DISTINCT d.id) FILTER (WHERE NOT d.test),
       count(DISTINCT d.id) FILTER (WHERE NOT d.test AND d.status = 'sent'),
       count(DISTINCT d.id) FILTER (WHERE NOT d.test AND d.status = 'failed'),
       count(DISTINCT d.id) FILTER (WHERE NOT d.test AND d.status = 'skipped'),
       count(e.id) FILTER (WHERE e.event_type = 'open'),
       count(DISTINCT e.custom_id) FILTER (WHERE e.event_type = 'open'),
       count(e.id) FILTER (WHERE e.event_type = 'click'),
       count(DISTINCT e.custom_id) FILTER (WHERE e.event_type = 'click'),
       count(DISTINCT e.custom_id) FILTER (WHERE e.event_type IN ('bounce', 'blocked')),
       count(DISTINCT e.custom_id) FILTER (WHERE e.event_type = 'spam'),
       count(DISTINCT e.custom_id) FILTER (WHERE e.event_type = 'unsub')
FROM rounds r
LEFT JOIN deliveries d ON d.round_id = r.id
LEFT JOIN provider_events e ON e.custom_id = d.id::text AND NOT d.test
WHERE r.status IN ('sending', 'paused', 'sent', 'failed', 'stopped') AND r.launched_at > now() - interval '30 days'
GROUP BY r.id

-- name: find-round-metrics
SELECT collected_at, source, recipients, sent, failed, skipped, opens, unique_opens, clicks, unique_clicks, bounces,
       complaints, unsubscribes
FROM round_metrics
WHERE round_id = :roundId
ORDER BY collected_at DESC
LIMIT :limit

-- name: rounds-sent-through
-- Recent rounds with messages sent through :provider, whose own counters are then read (newest first, capped:
-- each costs two provider calls).
SELECT r.id
FROM rounds r
WHERE r.status IN ('sending', 'paused', 'sent', 'failed', 'stopped') AND r.launched_at > now() - interval '30 days'
  AND EXISTS (SELECT 1 FROM deliveries d WHERE d.round_id = r.id AND d.provider = :provider AND NOT d.test)
ORDER BY r.launched_at DESC
LIMIT :limit

-- name: insert-provider-metrics
INSERT INTO round_metrics (round_id, source, recipients, sent, failed, skipped, opens, unique_opens, clicks,
                           unique_clicks, bounces, complaints, unsubscribes)
VALUES (:roundId, :source, :recipients, :sent, :failed, 0, :opens, :uniqueOpens, :clicks, :uniqueClicks, :bounces,
        :complaints, :unsubscribes)
