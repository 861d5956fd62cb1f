-- Four-eyes that holds, and launches that a retry cannot undo.

-- Every change to what a round sends, to whom, when, or to its status counts up: an approval names the version
-- the approver saw (GET answers it as an ETag), and a changed round answers 412 to a decision on an old one.
ALTER TABLE rounds ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE rounds ADD COLUMN approved_version integer;

-- Who may not approve the version waiting for approval: the submitter and whoever changed what it sends, to whom
-- or when while it waited (identity keys 'subject:…' and 'member:…', and the actor as shown in the audit trail).
ALTER TABLE rounds ADD COLUMN approval_excluded text[] NOT NULL DEFAULT '{}';
UPDATE rounds SET approval_excluded = ARRAY[submitted_by] WHERE submitted_by IS NOT NULL;

-- Set by the statement that writes the ledger: from then on the ledger is the round's recipient set, and a round
-- claimed again (a dead worker, a retry wait) is resumed from it, never checked or materialised again.
ALTER TABLE rounds ADD COLUMN ledger_written_at timestamptz;
UPDATE rounds SET ledger_written_at = launched_at WHERE launched_at IS NOT NULL;

-- Test sends are limited per round and hour.
CREATE INDEX deliveries_test_sends_idx ON deliveries (round_id, created_at) WHERE test;
