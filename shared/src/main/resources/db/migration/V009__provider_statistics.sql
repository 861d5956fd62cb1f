-- Round statistics from two sources: our ledger with the provider's webhook events ('ledger'), and the
-- provider's own counters for the round's campaign (Mailjet statcounters: 'mailjet').
ALTER TABLE round_metrics ADD COLUMN source text NOT NULL DEFAULT 'ledger' CHECK (source IN ('ledger', 'mailjet'));
DROP INDEX round_metrics_round_idx;
CREATE INDEX round_metrics_round_idx ON round_metrics (round_id, source, collected_at DESC);
