-- name: materialise-ledger
-- Recipients at launch: the round's audience (round-audience, composed in where the marker is), written once: the
-- same statement marks the round, and a repeat (a lost answer retried) writes nothing more, so the ledger stays the
-- recipient set whatever happens to the lists afterwards.
WITH audience AS (
    /* round-audience */
),
written AS (
    INSERT INTO deliveries (round_id, contact_id, email, email_hash, status)
    SELECT :roundId, a.id, a.email, a.email_hash, 'pending'
    FROM audience a
    WHERE EXISTS (SELECT 1 FROM rounds r WHERE r.id = :roundId AND r.ledger_written_at IS NULL)
    ORDER BY a.email_hash
    ON CONFLICT (round_id, email_hash) WHERE NOT test DO NOTHING
    RETURNING 1
)
UPDATE rounds SET ledger_written_at = now(), recipients = (SELECT count(*) FROM written)
WHERE id = :roundId AND ledger_written_at IS NULL

-- name: round-audience
-- Who the round goes to as things stand: the union of its lists, one per address, minus suppressed addresses and
-- contacts on its excluded lists, narrowed by its conditions. The ledger is written from it and the preview counts
-- it. DeliveryLedger puts the compiled conditions (ConditionSql: fixed text and :seg parameters) in place of the
-- marker below, the one place they go.
SELECT DISTINCT ON (c.email_hash) c.id, c.email, c.email_hash, c.first_name, c.last_name
FROM round_lists rl
JOIN list_members m ON m.list_id = rl.list_id
JOIN contacts c ON c.id = m.contact_id
WHERE rl.round_id = :roundId
  AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = c.email_hash)
  AND NOT EXISTS (SELECT 1 FROM round_excluded_lists x JOIN list_members xm ON xm.list_id = x.list_id
                  WHERE x.round_id = :roundId AND xm.contact_id = c.id)
  AND /* conditions */ TRUE
ORDER BY c.email_hash, c.created_at

-- name: preview-audience
-- How many the round would go to now, and the first :limit of them by address (the same audience as the ledger's).
WITH audience AS (
    /* round-audience */
)
SELECT (SELECT count(*) FROM audience) AS recipients,
       COALESCE((SELECT json_agg(json_build_object('contactId', s.id, 'email', s.email, 'firstName', s.first_name,
                                                   'lastName', s.last_name) ORDER BY s.email, s.id)
                 FROM (SELECT a.id, a.email, a.first_name, a.last_name FROM audience a
                       ORDER BY a.email, a.id LIMIT :limit) s), '[]'::json) AS sample

-- name: find-round-conditions
SELECT conditions, ledger_written_at IS NOT NULL AS ledger_written FROM rounds WHERE id = :roundId

-- name: ledger-audience
-- A launched round's audience is its ledger, written once at launch: its recipients, and the first :limit of them by
-- address (an erased recipient is counted, not shown: it has none).
SELECT (SELECT count(*) FROM deliveries WHERE round_id = :roundId AND NOT test) AS recipients,
       COALESCE((SELECT json_agg(json_build_object('contactId', s.contact_id, 'email', s.email, 'firstName',
                                                   s.first_name, 'lastName', s.last_name) ORDER BY s.email, s.id)
                 FROM (SELECT d.id, d.contact_id, d.email, c.first_name, c.last_name
                       FROM deliveries d LEFT JOIN contacts c ON c.id = d.contact_id
                       WHERE d.round_id = :roundId AND NOT d.test AND d.email IS NOT NULL
                       ORDER BY d.email, d.id LIMIT :limit) s), '[]'::json) AS sample

-- name: next-batch
-- :after is the last id of the read before in the same wave (a wave larger than one read), or the nil UUID.
SELECT d.id, d.email, d.attempts, d.contact_id, c.first_name, c.last_name, c.attributes,
       EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = d.email_hash) AS suppressed
FROM deliveries d
LEFT JOIN contacts c ON c.id = d.contact_id
WHERE d.round_id = :roundId AND d.status = 'pending' AND NOT d.test
  AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
  AND d.id > :after
ORDER BY d.id
LIMIT :limit

-- name: record-results
UPDATE deliveries d
SET status = r.status,
    provider = :provider,
    provider_message_id = COALESCE(r.provider_message_id, d.provider_message_id),
    attempts = d.attempts + r.attempted,
    last_error = r.error,
    next_attempt_at = r.next_attempt_at,
    handed_at = NULL,
    sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE d.sent_at END
FROM json_to_recordset(:results) AS r(id uuid, status text, provider_message_id text, error text, attempted int,
                                      next_attempt_at timestamptz)
WHERE d.id = r.id AND d.status = 'pending'

-- name: earliest-retry
SELECT min(next_attempt_at) AS next_attempt_at, count(*) AS pending
FROM deliveries
WHERE round_id = :roundId AND status = 'pending' AND NOT test

-- name: skip-pending
-- A stopped round: what it has not sent is skipped with the reason, but for messages that a live worker handed to
-- the provider within :leaseSeconds (their result is recorded as usual when the provider answers). Rows handed
-- longer ago belong to a worker that is gone: whether they went out is unknown, and they are skipped too.
UPDATE deliveries
SET status = 'skipped', last_error = 'stopped: ' || :reason, next_attempt_at = NULL, handed_at = NULL
WHERE round_id = :roundId AND status = 'pending' AND NOT test
  AND (handed_at IS NULL OR handed_at < now() - make_interval(secs => :leaseSeconds))

-- name: settle-counts
-- The round's counts from its ledger (a paused or stopped round answers them; a sending one's lag behind).
WITH counts AS (
    SELECT count(*) AS recipients,
           count(*) FILTER (WHERE status = 'sent') AS sent,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'skipped') AS skipped
    FROM deliveries WHERE round_id = :roundId AND NOT test
)
UPDATE rounds r
SET recipients = counts.recipients, sent = counts.sent, failed = counts.failed, skipped = counts.skipped
FROM counts
WHERE r.id = :roundId AND r.ledger_written_at IS NOT NULL

-- name: stopped-with-pending
-- Stopped rounds that still have messages pending after their worker's lease: it was gone before it could record
-- what it had handed to the provider, so nobody else will.
SELECT r.id, r.stop_reason
FROM rounds r
WHERE r.status = 'stopped' AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
  AND EXISTS (SELECT 1 FROM deliveries d WHERE d.round_id = r.id AND d.status = 'pending' AND NOT d.test)
LIMIT 20
