-- name: find-link-address
-- The address an unsubscribe link was sent to, by what its token names: the contact while it exists; else the
-- ledger, which keeps the contact id and the hash after the contact was merged away or erased (the address too,
-- unless erased); else the test delivery the token names (a test recipient who is not a contact). contact_id is
-- the contact that has the address now, if any.
SELECT a.email, a.email_hash, (SELECT c.id FROM contacts c WHERE c.email_hash = a.email_hash LIMIT 1) AS contact_id
FROM (
    SELECT c.email, c.email_hash, 1 AS choice FROM contacts c WHERE c.id = :recipientId
    UNION ALL
    (SELECT d.email, d.email_hash, 2 FROM deliveries d
     WHERE d.contact_id = :recipientId AND (:roundId::uuid IS NULL OR d.round_id = :roundId)
     ORDER BY d.email IS NULL, d.created_at DESC
     LIMIT 1)
    UNION ALL
    SELECT d.email, d.email_hash, 3 FROM deliveries d WHERE d.id = :recipientId AND d.test
) a
ORDER BY a.choice
LIMIT 1
