-- name: insert-campaign
INSERT INTO campaigns (name, description, from_email, from_name, reply_to, timezone, created_by)
VALUES (:name, :description, :fromEmail, :fromName, :replyTo, :timezone, :createdBy)
RETURNING id, name, description, from_email, from_name, reply_to, timezone, status, created_by, created_at, updated_at

-- name: find-campaign
SELECT id, name, description, from_email, from_name, reply_to, timezone, status, created_by, created_at, updated_at
FROM campaigns
WHERE id = :campaignId

-- name: lock-campaign
SELECT id, name, description, from_email, from_name, reply_to, timezone, status, created_by, created_at, updated_at
FROM campaigns
WHERE id = :campaignId
FOR UPDATE

-- name: page-campaigns
SELECT id, name, description, from_email, from_name, reply_to, timezone, status, created_by, created_at, updated_at
FROM campaigns
WHERE (:status::text IS NULL OR status = :status)
  AND (:q::text IS NULL OR name ILIKE '%' || :q || '%' OR description ILIKE '%' || :q || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (created_at, id) > (:afterCreatedAt, :afterId))
ORDER BY created_at, id
LIMIT :limit

-- name: update-campaign
UPDATE campaigns
SET name = :name, description = :description, from_email = :fromEmail, from_name = :fromName,
    reply_to = :replyTo, timezone = :timezone, updated_at = now()
WHERE id = :campaignId
RETURNING id, name, description, from_email, from_name, reply_to, timezone, status, created_by, created_at, updated_at

-- name: archive-campaign
UPDATE campaigns SET status = 'archived', updated_at = now() WHERE id = :campaignId AND status = 'active'
