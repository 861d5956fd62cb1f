-- Pause, resume and stop a round that is sending.

-- paused: the workers stop before their next provider call and none claims it; stopped: ended for good, what was
-- not sent is skipped with the reason.
ALTER TABLE rounds DROP CONSTRAINT rounds_status_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_status_check
    CHECK (status IN ('draft', 'pending_approval', 'scheduled', 'sending', 'paused', 'sent', 'failed', 'cancelled',
                      'stopped'));
ALTER TABLE rounds ADD COLUMN stopped_by text;
ALTER TABLE rounds ADD COLUMN stop_reason text;

-- Set by the worker in the statement that checks, just before the provider call, that the round is still sending;
-- cleared when the result is recorded. A stop skips every pending message but those a live worker has handed to
-- the provider: their result is recorded as usual, so what went out is never shown as skipped.
ALTER TABLE deliveries ADD COLUMN handed_at timestamptz;
