-- name: insert-member
INSERT INTO team_members (email, name, role, slack_user_id, preferences)
VALUES (lower(:email), :name, :role, :slackUserId, :preferences::jsonb)
RETURNING id, email, subject, name, role, slack_user_id, preferences, active, created_at, updated_at

-- name: find-member
SELECT id, email, subject, name, role, slack_user_id, preferences, active, created_at, updated_at
FROM team_members
WHERE id = :memberId

-- name: lock-member
SELECT id, email, subject, name, role, slack_user_id, preferences, active, created_at, updated_at
FROM team_members
WHERE id = :memberId
FOR UPDATE

-- name: lock-active-admins
-- Every change that could remove an admin locks all of them first, so two admins demoting each other at once
-- are serialised and the second sees that it would leave none.
SELECT id FROM team_members WHERE role = 'admin' AND active ORDER BY id FOR UPDATE

-- name: page-members
SELECT id, email, subject, name, role, slack_user_id, preferences, active, created_at, updated_at
FROM team_members
WHERE (:active::boolean IS NULL OR active = :active)
  AND (:role::text IS NULL OR role = :role)
  AND (:afterCreatedAt::timestamptz IS NULL OR (created_at, id) > (:afterCreatedAt, :afterId))
ORDER BY created_at, id
LIMIT :limit

-- name: update-member
UPDATE team_members
SET name = :name, role = :role, slack_user_id = :slackUserId, preferences = :preferences::jsonb,
    active = :active, updated_at = now()
WHERE id = :memberId
RETURNING id, email, subject, name, role, slack_user_id, preferences, active, created_at, updated_at

-- name: member-summary
SELECT m.name,
       (SELECT count(*) FROM notification_inbox i WHERE i.member_id = m.id AND i.read_at IS NULL) AS unread
FROM team_members m
WHERE m.id = :memberId
