-- name: claim-round
-- One round per call: a scheduled round that is due by the database's clock (and not put off by a launch that
-- found the provider unavailable), or a sending round whose worker let its lease expire (it died, or it is waiting
-- for retries). SKIP LOCKED: overlapping invocations each take a different round, never the same one; a
-- campaign change that locks the round (archive, a new sender) is passed by. {@code resumed}: the ledger was
-- written by an earlier claim, so this one only continues it.
WITH due AS (
    SELECT id, (ledger_written_at IS NOT NULL) AS resumed
    FROM rounds
    WHERE (status = 'scheduled' AND scheduled_at <= now() AND (lease_expires_at IS NULL OR lease_expires_at < now()))
       OR (status = 'sending' AND lease_expires_at < now())
    ORDER BY scheduled_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
),
claimed AS (
    UPDATE rounds r
    SET status = 'sending',
        lease_owner = :owner,
        lease_expires_at = now() + make_interval(secs => :leaseSeconds),
        launched_at = COALESCE(r.launched_at, now()),
        trigger = COALESCE(r.trigger, 'schedule'),
        updated_at = now()
    FROM due, campaigns c
    WHERE r.id = due.id
      AND c.id = r.campaign_id
    RETURNING r.id, due.resumed, r.subject, r.html_body, r.text_body, c.from_email, c.from_name, c.reply_to,
              r.template_id, r.approved_template_version
)
-- With the template version the approval covered (read as RoundMessages reads it).
SELECT k.id, k.resumed, k.subject, k.html_body, k.text_body, k.from_email, k.from_name, k.reply_to, k.template_id,
       v.version AS template_version, v.html_layout, v.text_layout
FROM claimed k
LEFT JOIN templates t ON t.id = k.template_id
LEFT JOIN template_versions v ON v.template_id = k.template_id
                             AND v.version = COALESCE(k.approved_template_version, t.version)

-- name: defer-launch
-- The provider is briefly unavailable at launch: nothing was written, so the round goes back to being due and
-- is tried again in a minute (not launched, not failed).
UPDATE rounds
SET status = 'scheduled', lease_owner = NULL, lease_expires_at = now() + interval '1 minute',
    launched_at = NULL, updated_at = now()
WHERE id = :roundId AND lease_owner = :owner AND status = 'sending' AND ledger_written_at IS NULL

-- name: hand-over-batch
-- Just before each provider call: is the round still this worker's and still sending (not paused, stopped, or
-- taken over)? If so the lease is extended and the messages about to be handed to the provider are marked, in one
-- statement; if not, nothing changes and the worker calls no provider. A pause or stop that commits after this
-- finds the batch handed, and its result is recorded as usual.
WITH still_sending AS (
    UPDATE rounds
    SET lease_expires_at = now() + make_interval(secs => :leaseSeconds)
    WHERE id = :roundId AND lease_owner = :owner AND status = 'sending'
    RETURNING id
),
handed AS (
    UPDATE deliveries d
    SET handed_at = now()
    FROM still_sending s
    WHERE d.round_id = s.id AND d.status = 'pending'
      AND d.id IN (SELECT value::uuid FROM json_array_elements_text(:deliveryIds))
    RETURNING d.id
)
SELECT (SELECT count(*) FROM still_sending) AS sending, r.status, r.stop_reason
FROM rounds r
WHERE r.id = :roundId

-- name: leave-round
-- The worker stops sending a round that was paused or stopped: its lease ends now, so that a resumed round is taken
-- up by the next run (a round resumed while its worker was still in a provider call stays that worker's).
UPDATE rounds SET lease_expires_at = now() WHERE id = :roundId AND lease_owner = :owner

-- name: wait-for-retries
UPDATE rounds SET lease_expires_at = :until WHERE id = :roundId AND lease_owner = :owner AND status = 'sending'

-- name: finish-round
WITH counts AS (
    SELECT count(*) AS recipients,
           count(*) FILTER (WHERE status = 'sent') AS sent,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'skipped') AS skipped
    FROM deliveries WHERE round_id = :roundId AND NOT test
)
UPDATE rounds r
SET status = CASE WHEN counts.failed > 0 AND counts.sent = 0 THEN 'failed' ELSE 'sent' END,
    recipients = counts.recipients, sent = counts.sent, failed = counts.failed, skipped = counts.skipped,
    completed_at = now(), lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
FROM counts
WHERE r.id = :roundId AND r.lease_owner = :owner AND r.status = 'sending'
RETURNING r.status, r.recipients, r.sent, r.failed, r.skipped

-- name: failure-context
SELECT r.name, r.campaign_id, c.name AS campaign_name, r.sent, r.recipients, r.submitted_by, r.created_by
FROM rounds r
JOIN campaigns c ON c.id = r.campaign_id
WHERE r.id = :roundId

-- name: fail-round
UPDATE rounds
SET status = 'failed', failure_reason = :reason, completed_at = now(), lease_owner = NULL, lease_expires_at = NULL,
    updated_at = now()
WHERE id = :roundId AND status = 'sending' AND lease_owner = :owner
