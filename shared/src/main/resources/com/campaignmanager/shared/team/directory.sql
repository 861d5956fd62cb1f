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
