-- name: find-contact
SELECT c.id, c.email, c.first_name, c.last_name, c.attributes
FROM contacts c
WHERE c.id = :contactId

