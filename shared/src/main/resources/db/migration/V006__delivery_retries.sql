-- A delivery the provider could not take yet waits until this time before it is tried again.
ALTER TABLE deliveries ADD COLUMN next_attempt_at timestamptz;
CREATE INDEX deliveries_pending_idx ON deliveries (round_id, next_attempt_at, id) WHERE status = 'pending';
