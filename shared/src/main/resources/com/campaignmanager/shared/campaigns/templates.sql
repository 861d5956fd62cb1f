-- name: insert-template
INSERT INTO templates (name, description, created_by)
VALUES (:name, :description, :createdBy)
RETURNING id

-- name: insert-template-version
-- A version's layout, never changed afterwards: what an approval covered is what is sent.
INSERT INTO template_versions (template_id, version, html_layout, text_layout, created_by)
SELECT t.id, t.version, :htmlLayout, :textLayout, :createdBy
FROM templates t
WHERE t.id = :templateId

-- name: find-template
-- The template with the layout of :version (its current one when null).
SELECT t.id, t.name, t.description, v.html_layout, v.text_layout, v.version, t.created_by, t.created_at,
       t.updated_at, t.archived_at, t.archived_by
FROM templates t
JOIN template_versions v ON v.template_id = t.id AND v.version = COALESCE(:version::integer, t.version)
WHERE t.id = :templateId

-- name: lock-template
SELECT t.id, t.version, t.archived_at
FROM templates t
WHERE t.id = :templateId
FOR UPDATE

-- name: share-template
-- Held by a round that takes the template, until its transaction ends: an archive (FOR UPDATE) waits for it, then
-- sees the round; the round sees an archive that came first.
SELECT t.id, t.name, t.archived_at
FROM templates t
WHERE t.id = :templateId
FOR SHARE

-- name: update-template
UPDATE templates
SET name = :name, description = :description, version = version + 1, updated_at = now()
WHERE id = :templateId

-- name: archive-template
UPDATE templates SET archived_at = now(), archived_by = :actor, updated_at = now()
WHERE id = :templateId AND archived_at IS NULL

-- name: find-unfinished-rounds-using-template
-- Rounds that may still send with the template: not sent, failed, cancelled or stopped.
SELECT r.id, r.name, r.status
FROM rounds r
WHERE r.template_id = :templateId AND r.status IN ('draft', 'pending_approval', 'scheduled', 'sending', 'paused')
ORDER BY r.created_at, r.id
LIMIT 20

-- name: page-templates
SELECT t.id, t.name, t.description, t.version, t.created_by, t.created_at, t.updated_at
FROM templates t
WHERE t.archived_at IS NULL
  AND (:afterCreatedAt::timestamptz IS NULL OR (t.created_at, t.id) > (:afterCreatedAt, :afterId))
ORDER BY t.created_at, t.id
LIMIT :limit
