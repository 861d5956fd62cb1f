-- name: insert-test-delivery
-- A test send is in the ledger too (answerable), marked test and never counted as the round's send.
INSERT INTO deliveries (round_id, contact_id, email, email_hash, status, test)
VALUES (:roundId, (SELECT id FROM contacts WHERE email_hash = :emailHash), :email, :emailHash, 'pending', true)
RETURNING id, contact_id

-- name: test-recipient
SELECT first_name, last_name, attributes FROM contacts WHERE id = :contactId

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
