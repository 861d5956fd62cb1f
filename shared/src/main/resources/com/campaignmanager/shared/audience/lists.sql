-- name: insert-list
INSERT INTO lists (name, description)
VALUES (:name, :description)
RETURNING id, name, description, created_at, updated_at, 0::bigint AS contact_count

-- name: find-list
SELECT l.id, l.name, l.description, l.created_at, l.updated_at,
       (SELECT count(*) FROM list_members m WHERE m.list_id = l.id) AS contact_count
FROM lists l
WHERE l.id = :listId

-- name: page-lists
SELECT l.id, l.name, l.description, l.created_at, l.updated_at,
       (SELECT count(*) FROM list_members m WHERE m.list_id = l.id) AS contact_count
FROM lists l
WHERE (:q::text IS NULL OR l.name ILIKE '%' || :q || '%' OR l.description ILIKE '%' || :q || '%')
  AND (:afterCreatedAt::timestamptz IS NULL OR (l.created_at, l.id) > (:afterCreatedAt, :afterId))
ORDER BY l.created_at, l.id
LIMIT :limit

-- name: update-list
UPDATE lists
SET name = COALESCE(:name, name),
    description = COALESCE(:description, description),
    updated_at = now()
WHERE id = :listId
RETURNING id, name, description, created_at, updated_at,
          (SELECT count(*) FROM list_members m WHERE m.list_id = lists.id) AS contact_count

-- name: delete-list
DELETE FROM lists WHERE id = :listId
