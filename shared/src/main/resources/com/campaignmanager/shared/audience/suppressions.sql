-- name: insert-suppression
-- The first reason stays, except that an erasure always wins (and forgets the address). A row comes back only
-- when the list changed; inserted is false when an existing entry was turned into an erasure.
INSERT INTO suppressions AS s (email_hash, email, reason, source, round_id)
VALUES (:emailHash, :email, :reason, :source, :roundId)
ON CONFLICT (email_hash) DO UPDATE
    SET email = NULL, reason = 'erased', source = EXCLUDED.source
    WHERE EXCLUDED.reason = 'erased' AND s.reason <> 'erased'
RETURNING email_hash, (xmax = 0) AS inserted

-- name: find-suppression
SELECT email, reason, source, round_id, created_at FROM suppressions WHERE email_hash = :emailHash

-- name: page-suppressions
SELECT email_hash, email, reason, source, round_id, created_at
FROM suppressions
WHERE (:reason::text IS NULL OR reason = :reason)
  AND (:q::text IS NULL OR lower(email) LIKE '%' || lower(:q) || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (created_at, email_hash) > (:afterCreatedAt, :afterHash))
ORDER BY created_at, email_hash
LIMIT :limit

-- name: delete-suppression
DELETE FROM suppressions WHERE email_hash = :emailHash AND reason NOT IN ('spam_complaint', 'erased')
RETURNING reason
