-- name: resolve-caller
-- The member a token names. A member is bound to exactly one subject: by that subject, or, for a member not yet
-- bound to any, by a verified e-mail (which binds the subject for good, audited). The configured first admin
-- (a verified e-mail) becomes a member the first time they call. An e-mail whose member is bound to another
-- subject matches nothing. The bind is a compare-and-set on "not bound yet": of two subjects racing for one
-- member, only the one whose UPDATE took the row gets it.
WITH by_subject AS (
    SELECT id, email, role, active FROM team_members WHERE subject = :subject
), bound AS (
    UPDATE team_members t SET subject = :subject, updated_at = now()
    WHERE :emailVerified AND :email::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM by_subject)
      AND t.subject IS NULL AND t.email = lower(:email)
    RETURNING t.id, t.email, t.role, t.active
), first_admin AS (
    INSERT INTO team_members (email, subject, name, role)
    SELECT lower(:email), :subject, '', 'admin'
    WHERE :firstAdmin AND :emailVerified AND NOT EXISTS (SELECT 1 FROM by_subject)
      AND NOT EXISTS (SELECT 1 FROM team_members WHERE email = lower(:email))
    ON CONFLICT DO NOTHING
    RETURNING id, email, role, active
), audited AS (
    INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
    SELECT email, action, 'member', id::text, jsonb_build_object('subject', :subject::text, 'email', email)
    FROM (SELECT id, email, 'member.bound' AS action FROM bound
          UNION ALL
          SELECT id, email, 'member.first_admin' AS action FROM first_admin) b
)
SELECT id, email, role, active FROM by_subject
UNION ALL
SELECT id, email, role, active FROM bound
UNION ALL
SELECT id, email, role, active FROM first_admin

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
