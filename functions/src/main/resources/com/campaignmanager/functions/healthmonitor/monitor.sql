-- name: count-overdue-rounds
-- Rounds that should be going out but are not: approved and due for more than 5 minutes (the launch job runs
-- every minute), or sending with a lease that expired more than 5 minutes ago (no worker took them up).
SELECT count(*) FILTER (WHERE status = 'scheduled' AND scheduled_at < now() - interval '5 minutes') AS not_launched,
       count(*) FILTER (WHERE status = 'sending' AND lease_expires_at < now() - interval '5 minutes') AS stalled
FROM rounds
WHERE status IN ('scheduled', 'sending')
