-- name: insert-events
-- Sorted by key: concurrent deliveries of overlapping batches take their locks in one order. An event about an
-- erased address (it may arrive after the erasure) is stored as the erasure left the others: its facts and the
-- hash, without the address or the payload.
INSERT INTO provider_events (provider, idempotency_key, event_type, email, email_hash, message_id, custom_id,
                             occurred_at, payload, suppression_reason, soft_bounce)
SELECT e.provider, e.idempotency_key, e.event_type,
       CASE WHEN erased.email_hash IS NULL THEN e.email END, e.email_hash, e.message_id, e.custom_id,
       e.occurred_at, CASE WHEN erased.email_hash IS NULL THEN e.payload::jsonb ELSE '{}'::jsonb END,
       e.suppression_reason, e.soft_bounce
FROM json_to_recordset(:events) AS e(provider text, idempotency_key text, event_type text, email text,
                                     email_hash text, message_id text, custom_id text, occurred_at timestamptz,
                                     payload text, suppression_reason text, soft_bounce boolean)
LEFT JOIN suppressions erased ON erased.email_hash = e.email_hash AND erased.reason = 'erased'
ORDER BY e.idempotency_key
ON CONFLICT (provider, idempotency_key) DO NOTHING
RETURNING idempotency_key

-- name: apply-events
-- Claims the named events (or, with :keys null, those received before :staleBefore) that are not applied yet:
-- a concurrent delivery of the same events waits on their row locks, then finds them applied and skips them.
-- Adds the suppressions they ask for in the same statement. A spam complaint replaces a reason that could be
-- lifted (manual, unsubscribed, bounces): lifting it would mean mailing someone who reported us.
WITH claimed AS (
    UPDATE provider_events e
    SET applied_at = now(),
        result = CASE
            WHEN e.email_hash IS NULL AND (e.suppression_reason IS NOT NULL OR e.soft_bounce) THEN 'ignored:no-address'
            WHEN e.suppression_reason IS NOT NULL THEN 'suppression:' || e.suppression_reason
            WHEN e.soft_bounce THEN 'soft-bounce'
            ELSE 'recorded'
        END
    WHERE e.applied_at IS NULL
      AND e.id IN (
          -- Two branches so that each uses its own index (the key, or the unapplied events).
          SELECT k.id FROM provider_events k
          WHERE k.provider = :provider AND k.idempotency_key IN (SELECT value FROM json_array_elements_text(:keys))
          UNION ALL
          SELECT u.id FROM provider_events u
          WHERE :keys::json IS NULL AND u.applied_at IS NULL AND u.received_at < :staleBefore)
    RETURNING e.provider, e.idempotency_key, e.email, e.email_hash, e.suppression_reason, e.soft_bounce,
              e.occurred_at
),
candidates AS (
    SELECT DISTINCT ON (email_hash) email_hash, email, suppression_reason,
           'provider:' || provider || ':' || idempotency_key AS source
    FROM claimed
    WHERE suppression_reason IS NOT NULL AND email_hash IS NOT NULL
    ORDER BY email_hash, (suppression_reason = 'spam_complaint') DESC, occurred_at
),
suppressed AS (
    INSERT INTO suppressions AS s (email_hash, email, reason, source)
    SELECT email_hash, email, suppression_reason, source FROM candidates ORDER BY email_hash
    ON CONFLICT (email_hash) DO UPDATE
        SET reason = EXCLUDED.reason, source = EXCLUDED.source
        WHERE EXCLUDED.reason = 'spam_complaint' AND s.reason NOT IN ('spam_complaint', 'erased')
    RETURNING s.email_hash, s.reason, s.source, (xmax = 0) AS inserted
),
-- Audited as SuppressionRepository audits: by the hash, never the address.
audited AS (
    INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
    SELECT 'provider:' || split_part(source, ':', 2),
           CASE WHEN inserted THEN 'suppression.added' ELSE 'suppression.changed' END, 'suppression', email_hash,
           jsonb_build_object('reason', reason, 'source', source, 'roundId', NULL)
    FROM suppressed
    RETURNING id
)
SELECT c.idempotency_key, c.email_hash, c.suppression_reason, c.soft_bounce,
       (SELECT count(*) FROM suppressed) AS suppressed
FROM claimed c

-- name: suppress-over-soft-bounce-limit
-- "N soft bounces in the last D days": addresses not suppressed yet with :bounceLimit or more unspent soft
-- bounces since :since. The suppression names the bounce that reached the limit; the bounces are then spent.
WITH over_limit AS (
    SELECT e.email_hash,
           (array_agg(e.email ORDER BY e.occurred_at DESC))[1] AS email,
           (array_agg('provider:' || e.provider || ':' || e.idempotency_key ORDER BY e.occurred_at DESC))[1] AS source
    FROM provider_events e
    WHERE e.soft_bounce AND NOT e.soft_bounce_spent AND e.email_hash IS NOT NULL
      AND e.occurred_at > :since
      AND (:emailHashes::json IS NULL
           OR e.email_hash IN (SELECT value FROM json_array_elements_text(:emailHashes)))
      AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email_hash = e.email_hash)
    GROUP BY e.email_hash
    HAVING count(*) >= :bounceLimit
),
suppressed AS (
    INSERT INTO suppressions (email_hash, email, reason, source)
    SELECT email_hash, email, 'soft_bounce_limit', source FROM over_limit ORDER BY email_hash
    ON CONFLICT (email_hash) DO NOTHING
    RETURNING email_hash, reason, source
),
audited AS (
    INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
    SELECT 'provider:' || split_part(source, ':', 2), 'suppression.added', 'suppression', email_hash,
           jsonb_build_object('reason', reason, 'source', source, 'roundId', NULL)
    FROM suppressed
    RETURNING id
),
spent AS (
    UPDATE provider_events e
    SET soft_bounce_spent = true
    FROM suppressed s
    WHERE e.email_hash = s.email_hash AND e.soft_bounce AND NOT e.soft_bounce_spent
    RETURNING e.id
)
SELECT (SELECT count(*) FROM suppressed) AS suppressed, (SELECT count(*) FROM spent) AS spent
