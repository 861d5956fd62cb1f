-- name: find-contact
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes
FROM contacts c
WHERE c.id = :contactId

-- name: first-audience-contact
-- The sample a preview shows without a contact: the first contact on the round's lists who may be mailed.
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes
FROM round_lists rl
JOIN list_members m ON m.list_id = rl.list_id
JOIN contacts c ON c.id = m.contact_id
WHERE rl.round_id = :roundId
  AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = c.email_hash)
ORDER BY c.created_at, c.id
LIMIT 1
