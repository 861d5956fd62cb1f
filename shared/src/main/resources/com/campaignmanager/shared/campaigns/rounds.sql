-- name: insert-round
INSERT INTO rounds (campaign_id, name, subject, html_body, text_body, scheduled_at, template_id, created_by)
VALUES (:campaignId, :name, :subject, :htmlBody, :textBody, :scheduledAt, :templateId, :createdBy)
RETURNING id

-- name: set-round-lists
-- Replaces the round's lists with the given ones (a JSON array of ids).
WITH wanted AS (
    SELECT value::uuid AS list_id FROM json_array_elements_text(:listIds)
),
removed AS (
    DELETE FROM round_lists r WHERE r.round_id = :roundId AND r.list_id NOT IN (SELECT list_id FROM wanted)
)
INSERT INTO round_lists (round_id, list_id)
SELECT :roundId, list_id FROM wanted
ON CONFLICT DO NOTHING

-- name: find-missing-lists
SELECT value AS list_id
FROM json_array_elements_text(:listIds)
WHERE value::uuid NOT IN (SELECT id FROM lists)

-- name: find-round
SELECT r.id, r.campaign_id, r.name, r.subject, r.html_body, r.text_body, r.scheduled_at, r.status, r.trigger,
       r.submitted_by, r.submitted_at, r.approved_by, r.approved_at, r.rejection_reason, r.launched_at,
       r.completed_at, r.recipients, r.sent, r.failed, r.skipped, r.failure_reason, r.stopped_by, r.stop_reason,
       r.created_by, r.created_at,
       r.updated_at, r.version, r.approved_version, r.template_id, r.approved_template_version, c.timezone,
       COALESCE((SELECT json_agg(l.list_id ORDER BY l.list_id) FROM round_lists l WHERE l.round_id = r.id), '[]'::json)
           AS list_ids
       , r.conditions, r.segment_id, COALESCE((SELECT json_agg(x.list_id ORDER BY x.list_id) FROM round_excluded_lists x
                                               WHERE x.round_id = r.id), '[]'::json) AS excluded_list_ids
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.id = :roundId

-- name: lock-round
SELECT r.id, r.campaign_id, r.status, r.submitted_by, r.scheduled_at, (r.scheduled_at > now()) AS in_future,
       r.version, array_to_json(r.approval_excluded) AS approval_excluded, (r.launched_at IS NOT NULL) AS launched
FROM rounds r
WHERE r.id = :roundId
FOR UPDATE

-- name: lock-campaign-rounds
-- Every round of a campaign, locked in id order: the launcher's claim (FOR UPDATE SKIP LOCKED) passes them by
-- while a campaign change that affects them (archive, a new sender) is deciding.
SELECT r.id, r.status, (r.launched_at IS NOT NULL) AS launched
FROM rounds r
WHERE r.campaign_id = :campaignId
ORDER BY r.id
FOR UPDATE

-- name: exclude-from-approval
-- The submitter, or someone who changed what the waiting round sends: they may not approve it.
UPDATE rounds
SET approval_excluded = ARRAY(SELECT DISTINCT e FROM unnest(approval_excluded
        || ARRAY(SELECT json_array_elements_text(:identities))) AS e ORDER BY e)
WHERE id = :roundId

-- name: touch-round
-- Something the round sends changed elsewhere (its campaign's sender): a decision on the old version is stale.
UPDATE rounds SET version = version + 1, updated_at = now() WHERE id = :roundId

-- name: page-campaign-rounds
SELECT r.id, r.campaign_id, r.name, r.subject, r.html_body, r.text_body, r.scheduled_at, r.status, r.trigger,
       r.submitted_by, r.submitted_at, r.approved_by, r.approved_at, r.rejection_reason, r.launched_at,
       r.completed_at, r.recipients, r.sent, r.failed, r.skipped, r.failure_reason, r.stopped_by, r.stop_reason,
       r.created_by, r.created_at,
       r.updated_at, r.version, r.approved_version, r.template_id, r.approved_template_version, c.timezone,
       COALESCE((SELECT json_agg(l.list_id ORDER BY l.list_id) FROM round_lists l WHERE l.round_id = r.id), '[]'::json)
           AS list_ids
       , r.conditions, r.segment_id, COALESCE((SELECT json_agg(x.list_id ORDER BY x.list_id) FROM round_excluded_lists x
                                               WHERE x.round_id = r.id), '[]'::json) AS excluded_list_ids
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.campaign_id = :campaignId
  AND (:afterCreatedAt::timestamptz IS NULL OR (r.created_at, r.id) > (:afterCreatedAt, :afterId))
ORDER BY r.created_at, r.id
LIMIT :limit

-- name: update-round-content
UPDATE rounds
SET name = :name, subject = :subject, html_body = :htmlBody, text_body = :textBody, scheduled_at = :scheduledAt,
    template_id = :templateId, version = version + 1, updated_at = now()
WHERE id = :roundId

-- name: transition-round
-- Compare-and-set: only from the expected status; the caller reads the row count.
UPDATE rounds
SET status = :toStatus,
    submitted_by = CASE WHEN :toStatus = 'pending_approval' AND :fromStatus = 'draft' THEN :actor
                        WHEN :toStatus = 'draft' THEN NULL ELSE submitted_by END,
    submitted_at = CASE WHEN :toStatus = 'pending_approval' AND :fromStatus = 'draft' THEN now()
                        WHEN :toStatus = 'draft' THEN NULL ELSE submitted_at END,
    approved_by = CASE WHEN :toStatus = 'scheduled' THEN :actor
                       WHEN :toStatus IN ('draft', 'pending_approval') THEN NULL ELSE approved_by END,
    approved_at = CASE WHEN :toStatus = 'scheduled' THEN now()
                       WHEN :toStatus IN ('draft', 'pending_approval') THEN NULL ELSE approved_at END,
    rejection_reason = CASE WHEN :toStatus = 'draft' THEN :reason
                            WHEN :toStatus = 'pending_approval' THEN NULL ELSE rejection_reason END,
    approved_version = CASE WHEN :toStatus = 'scheduled' THEN version
                            WHEN :toStatus IN ('draft', 'pending_approval') THEN NULL ELSE approved_version END,
    -- The template's version the approval covers: the launcher sends exactly that one.
    approved_template_version = CASE WHEN :toStatus = 'scheduled'
                                     THEN (SELECT t.version FROM templates t WHERE t.id = template_id)
                                     WHEN :toStatus IN ('draft', 'pending_approval') THEN NULL
                                     ELSE approved_template_version END,
    version = version + 1,
    updated_at = now()
WHERE id = :roundId AND status = :fromStatus

-- name: lock-rounds-using-list
-- The rounds waiting for approval, approved, sending or paused to this list, locked like the launcher claims
-- them: a list deletion and an approval or a launch of one of them happen one after the other, never interleaved.
SELECT r.id, r.status, (r.launched_at IS NOT NULL) AS launched
FROM rounds r
WHERE r.status IN ('pending_approval', 'scheduled', 'sending', 'paused')
  AND (r.id IN (SELECT l.round_id FROM round_lists l WHERE l.list_id = :listId)
       OR r.id IN (SELECT x.round_id FROM round_excluded_lists x WHERE x.list_id = :listId))
ORDER BY r.id
FOR UPDATE

-- name: page-deliveries
SELECT id, contact_id, email, status, provider_message_id, attempts, last_error, sent_at
FROM deliveries
WHERE round_id = :roundId AND NOT test
  AND (:status::text IS NULL OR status = :status)
  AND (:afterId::uuid IS NULL OR id > :afterId)
ORDER BY id
LIMIT :limit

-- name: find-sends
-- What went out in a period: rounds launched in [from, to), with who triggered them and their counts.
SELECT r.id AS round_id, r.name AS round_name, c.id AS campaign_id, c.name AS campaign_name, r.trigger,
       COALESCE(r.approved_by, r.created_by) AS actor, r.launched_at, r.completed_at, r.recipients, r.sent, r.failed,
       r.status
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.launched_at >= :from AND r.launched_at < :to
  AND (:afterLaunchedAt::timestamptz IS NULL OR (r.launched_at, r.id) > (:afterLaunchedAt, :afterId))
ORDER BY r.launched_at, r.id
LIMIT :limit

-- name: send-now
-- A scheduled (approved) round made due at once; the launch job sends it within the minute.
UPDATE rounds SET scheduled_at = now(), trigger = 'manual', version = version + 1, updated_at = now()
WHERE id = :roundId AND status = 'scheduled'

-- name: count-overdue-rounds
-- Rounds that should be going out but are not: approved and due for more than 5 minutes (the launch job runs
-- every minute), or sending with a lease that expired more than 5 minutes ago (no worker took them up).
SELECT count(*) FILTER (WHERE status = 'scheduled' AND scheduled_at < now() - interval '5 minutes') AS not_launched,
       count(*) FILTER (WHERE status = 'sending' AND lease_expires_at < now() - interval '5 minutes') AS stalled
FROM rounds
WHERE status IN ('scheduled', 'sending')

-- name: decide-launched-round
-- A decision on a round that had started sending and was changed while paused: either way it goes back to paused,
-- approved (so it may be resumed) or rejected with the reason (so it needs another change and approval, or a stop).
UPDATE rounds
SET status = 'paused',
    approved_by = CASE WHEN :approved THEN :actor END,
    approved_at = CASE WHEN :approved THEN now() END,
    approved_version = CASE WHEN :approved THEN version END,
    approved_template_version = CASE WHEN :approved THEN (SELECT t.version FROM templates t WHERE t.id = template_id) END,
    rejection_reason = CASE WHEN :approved THEN NULL ELSE :reason END,
    version = version + 1,
    updated_at = now()
WHERE id = :roundId AND status = 'pending_approval' AND launched_at IS NOT NULL

-- name: stop-round
-- Final: no worker claims it again (claim-round takes only scheduled and sending rounds) and its counts are the
-- ledger's, settled by the caller.
UPDATE rounds
SET status = 'stopped', stopped_by = :actor, stop_reason = :reason, completed_at = now(), version = version + 1,
    updated_at = now()
WHERE id = :roundId AND status = :fromStatus

-- name: copy-rounds
-- New drafts from one round (:roundId) or every round of a campaign (:sourceCampaignId), into :campaignId: the
-- message, its lists and its audience (conditions, segment, excluded lists), no time, no approval. Created a
-- microsecond apart in the source's order, so that they are listed in it. Answers each source with its copy.
WITH source AS (
    SELECT r.id, gen_random_uuid() AS copy_id, r.name, r.subject, r.html_body, r.text_body, r.template_id,
           r.conditions, r.segment_id, row_number() OVER (ORDER BY r.created_at, r.id) AS position
    FROM rounds r
    WHERE r.id = :roundId OR r.campaign_id = :sourceCampaignId
),
copied AS (
    INSERT INTO rounds (id, campaign_id, name, subject, html_body, text_body, template_id, conditions, segment_id,
                        created_by, created_at, updated_at)
    SELECT s.copy_id, :campaignId, COALESCE(:name, s.name), s.subject, s.html_body, s.text_body, s.template_id,
           s.conditions, s.segment_id, :createdBy,
           now() + s.position * interval '1 microsecond', now()
    FROM source s
    RETURNING id
),
lists AS (
    INSERT INTO round_lists (round_id, list_id)
    SELECT s.copy_id, l.list_id FROM source s JOIN round_lists l ON l.round_id = s.id
),
excluded AS (
    INSERT INTO round_excluded_lists (round_id, list_id)
    SELECT s.copy_id, x.list_id FROM source s JOIN round_excluded_lists x ON x.round_id = s.id
)
SELECT s.id AS source_id, s.copy_id
FROM source s
ORDER BY s.position

-- name: lock-rounds-using-template
-- The rounds that name a template, locked in id order like the launcher claims them (it passes them by while a
-- template change that affects them is deciding).
SELECT r.id, r.status, (r.launched_at IS NOT NULL) AS launched
FROM rounds r
WHERE r.template_id = :templateId
  AND r.status IN ('draft', 'pending_approval', 'scheduled', 'sending', 'paused')
ORDER BY r.id
FOR UPDATE

-- name: set-round-conditions
-- The round's own conditions (validated by the application; NULL: everyone on its lists), tied to no segment.
UPDATE rounds SET conditions = :conditions::jsonb, segment_id = NULL WHERE id = :roundId

-- name: copy-segment-conditions
-- The saved segment's conditions copied onto the round, which is what the round is approved with. FOR SHARE: an
-- edit of the segment in progress finishes first, and this copies what it wrote.
UPDATE rounds r
SET conditions = s.conditions, segment_id = s.id
FROM (SELECT id, conditions FROM segments WHERE id = :segmentId FOR SHARE) s
WHERE r.id = :roundId

-- name: set-round-excluded-lists
-- Replaces the lists whose contacts the round skips (a JSON array of ids).
WITH wanted AS (
    SELECT value::uuid AS list_id FROM json_array_elements_text(:listIds)
),
removed AS (
    DELETE FROM round_excluded_lists x WHERE x.round_id = :roundId AND x.list_id NOT IN (SELECT list_id FROM wanted)
)
INSERT INTO round_excluded_lists (round_id, list_id)
SELECT :roundId, list_id FROM wanted
ON CONFLICT DO NOTHING

-- name: lock-rounds-using-segment
-- The rounds that copy their conditions from the segment and have not started sending, locked as the launcher
-- claims them (a launch and a segment edit happen one after the other).
SELECT r.id, r.status, (r.launched_at IS NOT NULL) AS launched
FROM rounds r
WHERE r.segment_id = :segmentId AND r.launched_at IS NULL
  AND r.status IN ('draft', 'pending_approval', 'scheduled')
ORDER BY r.id
FOR UPDATE
