-- name: seed
-- Grows every table the team views read by :n rows of contacts (and a tenth of that in campaigns, rounds,
-- tasks, notifications), set-based. The dashboard reads all of it; search, approvals and timelines parts.
WITH new_campaigns AS (
    INSERT INTO campaigns (name, description, from_email, created_by, timezone)
    SELECT (ARRAY['Autumn', 'Winter', 'Spring', 'Summer'])[1 + g % 4] || ' campaign ' || g, 'seeded',
           'news@example.com', 'bench', 'Europe/Paris'
    FROM generate_series(1, greatest(:n / 10, 1)) g
    RETURNING id
), new_rounds AS (
    INSERT INTO rounds (campaign_id, name, subject, html_body, status, scheduled_at, submitted_by, submitted_at,
                        launched_at, completed_at, recipients, sent, trigger, created_by, preflight, preflight_at)
    SELECT c.id, 'Round ' || k, 'Subject', '<p>x</p>',
           (ARRAY['pending_approval', 'scheduled', 'sent'])[k],
           now() + (k - 2) * interval '3 days', 'ed@example.com', now() - interval '2 hours',
           CASE WHEN k = 3 THEN now() - interval '6 days' END, CASE WHEN k = 3 THEN now() - interval '6 days' END,
           100, CASE WHEN k = 3 THEN 100 ELSE 0 END, CASE WHEN k = 3 THEN 'schedule' END, 'bench',
           '{"ready": true, "items": []}'::jsonb, now()
    FROM new_campaigns c CROSS JOIN generate_series(1, 3) k
    RETURNING id, status
), new_metrics AS (
    INSERT INTO round_metrics (round_id, recipients, sent, failed, skipped, opens, unique_opens, clicks,
                               unique_clicks, bounces, complaints, unsubscribes)
    SELECT id, 100, 100, 0, 0, 50, 40, 10, 5, 2, 0, 1 FROM new_rounds WHERE status = 'sent'
    RETURNING id
), new_tasks AS (
    INSERT INTO tasks (campaign_id, title, due_at, created_by)
    SELECT id, 'Check the proofs', now() - interval '1 day', 'bench' FROM new_campaigns
    RETURNING id
), new_contacts AS (
    INSERT INTO contacts (email, email_key, email_hash, first_name, last_name)
    SELECT e, e, encode(sha256(e::bytea), 'hex'), 'Reader', 'Number ' || g
    FROM (SELECT g, 'reader-' || g || '-' || substr(md5(random()::text), 1, 8) || '@example.com' AS e
          FROM generate_series(1, :n) g) x
    RETURNING id, email, email_hash
), new_members AS (
    INSERT INTO list_members (list_id, contact_id, source)
    SELECT (SELECT id FROM lists ORDER BY created_at LIMIT 1), id, 'bench' FROM new_contacts
    RETURNING contact_id
), new_suppressions AS (
    INSERT INTO suppressions (email_hash, email, reason, source)
    SELECT email_hash, email, 'manual', 'bench' FROM new_contacts WHERE random() < 0.1
    RETURNING email_hash
), new_notifications AS (
    INSERT INTO notifications (dedup_key, type, title)
    SELECT 'bench:' || gen_random_uuid(), 'round.failed', 'Seeded' FROM generate_series(1, greatest(:n / 10, 1))
    RETURNING id
), new_deliveries AS (
    INSERT INTO notification_deliveries (notification_id, channel, recipient, status, attempts, last_error)
    SELECT id, 'slack', 'channel', 'failed', 6, '500' FROM new_notifications
    RETURNING id
)
SELECT (SELECT count(*) FROM new_campaigns) AS campaigns, (SELECT count(*) FROM new_rounds) AS rounds,
       (SELECT count(*) FROM new_metrics) AS metrics, (SELECT count(*) FROM new_tasks) AS tasks,
       (SELECT count(*) FROM new_members) AS members, (SELECT count(*) FROM new_suppressions) AS suppressions,
       (SELECT count(*) FROM new_deliveries) AS deliveries
