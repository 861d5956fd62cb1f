-- Campaigns, their rounds (scheduled sends of one message to lists), and the delivery ledger of every send.

CREATE TABLE campaigns (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '',
    from_email  text        NOT NULL,
    from_name   text        NOT NULL DEFAULT '',
    reply_to    text,
    timezone    text        NOT NULL DEFAULT 'UTC',
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_created_idx ON campaigns (created_at, id);

CREATE TABLE rounds (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id      uuid        NOT NULL REFERENCES campaigns (id),
    name             text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    subject          text        NOT NULL DEFAULT '',
    html_body        text        NOT NULL DEFAULT '',
    text_body        text        NOT NULL DEFAULT '',
    scheduled_at     timestamptz,
    status           text        NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'pending_approval', 'scheduled', 'sending', 'sent', 'failed', 'cancelled')),
    trigger          text        CHECK (trigger IN ('schedule', 'manual')),
    submitted_by     text,
    submitted_at     timestamptz,
    approved_by      text,
    approved_at      timestamptz,
    rejection_reason text,
    launched_at      timestamptz,
    completed_at     timestamptz,
    -- Who is sending it and until when: a worker that dies leaves the round to be taken up after the lease.
    lease_owner      text,
    lease_expires_at timestamptz,
    recipients       integer     NOT NULL DEFAULT 0,
    sent             integer     NOT NULL DEFAULT 0,
    failed           integer     NOT NULL DEFAULT 0,
    skipped          integer     NOT NULL DEFAULT 0,
    failure_reason   text,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- An approval covers exactly what was approved: it cannot stand beside content changed after it.
    CONSTRAINT rounds_approval_complete CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);
CREATE INDEX rounds_due_idx ON rounds (scheduled_at) WHERE status = 'scheduled';
CREATE INDEX rounds_sending_idx ON rounds (lease_expires_at) WHERE status = 'sending';
CREATE INDEX rounds_campaign_idx ON rounds (campaign_id, created_at, id);

CREATE TABLE round_lists (
    round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    list_id  uuid NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, list_id)
);
CREATE INDEX round_lists_list_idx ON round_lists (list_id);

-- The ledger: one row per recipient of a round, written before the provider is called, so that a send is never
-- repeated and always answerable. The address stays with the row (the contact may be erased later: then only
-- its hash remains).
CREATE TABLE deliveries (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id            uuid        NOT NULL REFERENCES rounds (id),
    contact_id          uuid        REFERENCES contacts (id) ON DELETE SET NULL,
    email               text,
    email_hash          text        NOT NULL CHECK (email_hash ~ '^[0-9a-f]{64}$'),
    status              text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    provider            text,
    provider_message_id text,
    attempts            integer     NOT NULL DEFAULT 0,
    last_error          text,
    sent_at             timestamptz,
    test                boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX deliveries_round_recipient_key ON deliveries (round_id, email_hash) WHERE NOT test;
CREATE INDEX deliveries_round_status_idx ON deliveries (round_id, status, id);
CREATE INDEX deliveries_contact_idx ON deliveries (contact_id);
