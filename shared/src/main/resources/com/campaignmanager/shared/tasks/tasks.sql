-- name: insert-task
INSERT INTO tasks (campaign_id, round_id, title, notes, assignee_id, due_at, status, created_by, completed_at)
VALUES (:campaignId, :roundId, :title, :notes, :assigneeId, :dueAt, :status, :createdBy,
        CASE WHEN :status = 'done' THEN now() END)
RETURNING id

-- name: find-task
SELECT t.id, t.campaign_id, t.round_id, t.title, t.notes, t.assignee_id, t.due_at, t.status, t.created_by,
       t.completed_at, t.created_at, t.updated_at, c.timezone
FROM tasks t
JOIN campaigns c ON c.id = t.campaign_id
WHERE t.id = :taskId

-- name: lock-task
SELECT id FROM tasks WHERE id = :taskId FOR UPDATE

-- name: page-tasks
-- Soonest due first, undated last; the keyset is (due_at or infinity, id).
SELECT t.id, t.campaign_id, t.round_id, t.title, t.notes, t.assignee_id, t.due_at, t.status, t.created_by,
       t.completed_at, t.created_at, t.updated_at, c.timezone
FROM tasks t
JOIN campaigns c ON c.id = t.campaign_id
WHERE (:assigneeId::uuid IS NULL OR t.assignee_id = :assigneeId)
  AND (:campaignId::uuid IS NULL OR t.campaign_id = :campaignId)
  AND (:status::text IS NULL OR t.status = :status)
  AND (:dueBefore::timestamptz IS NULL OR t.due_at < :dueBefore)
  AND (:afterDue::timestamptz IS NULL
       OR (coalesce(t.due_at, 'infinity'::timestamptz), t.id) > (:afterDue::timestamptz, :afterId::uuid))
ORDER BY coalesce(t.due_at, 'infinity'::timestamptz), t.id
LIMIT :limit

-- name: update-task
UPDATE tasks
SET round_id = :roundId, title = :title, notes = :notes, assignee_id = :assigneeId, due_at = :dueAt,
    status = :status,
    completed_at = CASE WHEN :status = 'done' THEN coalesce(completed_at, now()) END,
    updated_at = now()
WHERE id = :taskId

-- name: delete-task
DELETE FROM tasks WHERE id = :taskId

-- name: task-references
-- What a task may point at: the campaign (and whether it is active), the round (of that campaign), the
-- assignee (an active member). One call for all three checks.
SELECT (SELECT status FROM campaigns WHERE id = :campaignId) AS campaign_status,
       (:roundId::uuid IS NULL OR EXISTS (SELECT 1 FROM rounds WHERE id = :roundId AND campaign_id = :campaignId))
           AS round_ok,
       (:assigneeId::uuid IS NULL OR EXISTS (SELECT 1 FROM team_members WHERE id = :assigneeId AND active))
           AS assignee_ok
