-- name: claim-round
-- One round per call: a scheduled round that is due by the database's clock (and not put off by a launch that
-- found the provider unavailable), or a sending round whose worker let its lease expire (it died, or it is waiting
-- for retries). SKIP LOCKED: overlapping invocations each take a different round, never the same one; a
-- campaign change that locks the round (archive, a new sender) is passed by. {@code resumed}: the ledger was
-- written by an earlier claim, so this one only continues it.
WITH due AS (
    SELECT id, (ledger_written_at IS NOT NULL) AS resumed
    FROM rounds
    WHERE (status = 'scheduled' AND scheduled_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now()))
       OR (status = 'sending' AND lease_expires_at < now())
    ORDER BY scheduled_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE rounds r
SET status = 'sending',
    lease_owner = :owner,
    lease_expires_at = now() + make_interval(secs => :leaseSeconds),
    launched_at = COALESCE(r.launched_at, now()),
    trigger = COALESCE(r.trigger, 'schedule'),
    updated_at = now()
FROM due, campaigns c
WHERE r.id = due.id
  AND c.id = r.campaign_id
RETURNING r.id, due.resumed, r.subject, r.html_body, r.text_body, c.from_email, c.from_name, c.reply_to

-- name: defer-launch
-- The provider is briefly unavailable at launch: nothing was written, so the round goes back to being due and
-- is tried again in a minute (not launched, not failed).
UPDATE rounds
SET status = 'scheduled', lease_owner = NULL, lease_expires_at = now() + interval '1 minute',
    launched_at = NULL, updated_at = now()
WHERE id = :roundId AND lease_owner = :owner AND status = 'sending' AND ledger_written_at IS NULL

-- name: materialise-ledger
-- Recipients at launch: the union of the round's lists, one per address, minus suppressed addresses. Written
-- once: the same statement marks the round, and a repeat (a lost answer retried) writes nothing more, so the
-- ledger stays the recipient set whatever happens to the lists afterwards.
WITH written AS (
    INSERT INTO deliveries (round_id, contact_id, email, email_hash, status)
    SELECT DISTINCT ON (c.email_hash) :roundId, c.id, c.email, c.email_hash, 'pending'
    FROM round_lists rl
    JOIN list_members m ON m.list_id = rl.list_id
    JOIN contacts c ON c.id = m.contact_id
    WHERE rl.round_id = :roundId
      AND EXISTS (SELECT 1 FROM rounds r WHERE r.id = :roundId AND r.ledger_written_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = c.email_hash)
    ORDER BY c.email_hash, c.created_at
    ON CONFLICT (round_id, email_hash) WHERE NOT test DO NOTHING
    RETURNING 1
)
UPDATE rounds SET ledger_written_at = now(), recipients = (SELECT count(*) FROM written)
WHERE id = :roundId AND ledger_written_at IS NULL

-- name: next-batch
SELECT d.id, d.email, d.attempts, d.contact_id, c.first_name, c.last_name, c.attributes,
       EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = d.email_hash) AS suppressed
FROM deliveries d
LEFT JOIN contacts c ON c.id = d.contact_id
WHERE d.round_id = :roundId AND d.status = 'pending' AND NOT d.test
  AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
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
    sent_at = CASE WHEN r.status = 'sent' THEN now() ELSE d.sent_at END
FROM json_to_recordset(:results) AS r(id uuid, status text, provider_message_id text, error text, attempted int,
                                      next_attempt_at timestamptz)
WHERE d.id = r.id AND d.status = 'pending'

-- name: extend-lease
UPDATE rounds
SET lease_expires_at = now() + make_interval(secs => :leaseSeconds)
WHERE id = :roundId AND lease_owner = :owner AND status = 'sending'

-- name: earliest-retry
SELECT min(next_attempt_at) AS next_attempt_at, count(*) AS pending
FROM deliveries
WHERE round_id = :roundId AND status = 'pending' AND NOT test

-- name: wait-for-retries
UPDATE rounds SET lease_expires_at = :until WHERE id = :roundId AND lease_owner = :owner AND status = 'sending'

-- name: finish-round
WITH counts AS (
    SELECT count(*) AS recipients,
           count(*) FILTER (WHERE status = 'sent') AS sent,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'skipped') AS skipped
    FROM deliveries WHERE round_id = :roundId AND NOT test
)
UPDATE rounds r
SET status = CASE WHEN counts.failed > 0 AND counts.sent = 0 THEN 'failed' ELSE 'sent' END,
    recipients = counts.recipients, sent = counts.sent, failed = counts.failed, skipped = counts.skipped,
    completed_at = now(), lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
FROM counts
WHERE r.id = :roundId AND r.lease_owner = :owner AND r.status = 'sending'
RETURNING r.status, r.recipients, r.sent, r.failed, r.skipped

-- name: insert-test-delivery
-- A test send is in the ledger too (answerable), marked test and never counted as the round's send.
INSERT INTO deliveries (round_id, contact_id, email, email_hash, status, test)
VALUES (:roundId, (SELECT id FROM contacts WHERE email_hash = :emailHash), :email, :emailHash, 'pending', true)
RETURNING id, contact_id

-- name: test-recipient
SELECT first_name, last_name, attributes FROM contacts WHERE id = :contactId

-- name: failure-context
SELECT r.name, r.campaign_id, c.name AS campaign_name, r.sent, r.recipients, r.submitted_by, r.created_by
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.id = :roundId

-- name: recent-test-sends
-- Test messages of a round in the last hour, and when the oldest of them leaves that hour.
SELECT count(*) AS sent,
       COALESCE(ceil(EXTRACT(EPOCH FROM (min(created_at) + interval '1 hour' - now()))), 0)::bigint AS retry_after
FROM deliveries
WHERE round_id = :roundId AND test AND created_at > now() - interval '1 hour'

-- name: suppressed-among
-- Which of these address hashes may not be mailed (suppressed, erased), and why.
SELECT s.email_hash, s.reason
FROM suppressions s
WHERE s.email_hash IN (SELECT value FROM json_array_elements_text(:emailHashes))
