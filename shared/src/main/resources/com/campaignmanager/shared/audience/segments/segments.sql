-- name: insert-segment
INSERT INTO segments (name, description, conditions, created_by)
VALUES (:name, :description, :conditions::jsonb, :createdBy)
RETURNING id, name, description, conditions, version, created_by, created_at, updated_at

-- name: find-segment
SELECT id, name, description, conditions, version, created_by, created_at, updated_at
FROM segments
WHERE id = :segmentId

-- name: lock-segment
-- Held while an edit or a deletion decides: a round copying the segment (FOR SHARE) waits, then copies what is left.
SELECT id, name, description, conditions, version, created_by, created_at, updated_at
FROM segments
WHERE id = :segmentId
FOR UPDATE

-- name: page-segments
SELECT id, name, description, conditions, version, created_by, created_at, updated_at
FROM segments
WHERE (:q::text IS NULL OR name ILIKE '%' || :q || '%' OR description ILIKE '%' || :q || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (created_at, id) > (:afterCreatedAt, :afterId))
ORDER BY created_at, id
LIMIT :limit

-- name: update-segment
UPDATE segments
SET name = COALESCE(:name, name),
    description = COALESCE(:description, description),
    conditions = COALESCE(:conditions::jsonb, conditions),
    version = version + 1,
    updated_at = now()
WHERE id = :segmentId
RETURNING id, name, description, conditions, version, created_by, created_at, updated_at

-- name: delete-segment
DELETE FROM segments WHERE id = :segmentId
