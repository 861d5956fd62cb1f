-- Per-round statistics, collected hourly: the latest row is the current figure, the rows before it its history.
CREATE TABLE round_metrics (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id      uuid        NOT NULL REFERENCES rounds (id),
    collected_at  timestamptz NOT NULL DEFAULT now(),
    recipients    integer     NOT NULL,
    sent          integer     NOT NULL,
    failed        integer     NOT NULL,
    skipped       integer     NOT NULL,
    opens         integer     NOT NULL,
    unique_opens  integer     NOT NULL,
    clicks        integer     NOT NULL,
    unique_clicks integer     NOT NULL,
    bounces       integer     NOT NULL,
    complaints    integer     NOT NULL,
    unsubscribes  integer     NOT NULL
);
CREATE INDEX round_metrics_round_idx ON round_metrics (round_id, collected_at DESC);
