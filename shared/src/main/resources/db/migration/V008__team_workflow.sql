-- Team members, notifications (in-app inbox and outbound deliveries), tasks, and the indexes search uses.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE team_members (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    -- The token's sub, learnt the first time the member signs in (tokens without an email claim carry only it).
    subject       text,
    name          text        NOT NULL DEFAULT '',
    role          text        NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    slack_user_id text,
    -- {"approval.requested": {"inApp": true, "email": false, "slack": true}, ...}; missing means the default.
    preferences   jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(preferences) = 'object'),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_members_email_is_lower CHECK (email = lower(email))
);
CREATE UNIQUE INDEX team_members_email_key ON team_members (email);
CREATE UNIQUE INDEX team_members_subject_key ON team_members (subject) WHERE subject IS NOT NULL;
CREATE INDEX team_members_created_idx ON team_members (created_at, id);

-- The notification log: one row per event, its deduplication key unique, so a job that runs twice, overlaps or
-- is retried never notifies twice.
CREATE TABLE notifications (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    dedup_key   text        NOT NULL,
    type        text        NOT NULL,
    severity    text        NOT NULL DEFAULT 'info' CHECK (severity IN ('info', 'warning', 'critical')),
    title       text        NOT NULL,
    body        text        NOT NULL DEFAULT '',
    entity_type text,
    entity_id   text,
    detail      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notifications_dedup_key UNIQUE (dedup_key)
);
CREATE INDEX notifications_created_idx ON notifications (created_at, id);

-- In-app: one row per member told.
CREATE TABLE notification_inbox (
    notification_id uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    member_id       uuid        NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    read_at         timestamptz,
    PRIMARY KEY (member_id, notification_id)
);
CREATE INDEX notification_inbox_unread_idx ON notification_inbox (member_id, created_at, notification_id)
    WHERE read_at IS NULL;

-- Outbound: email to a member, or the Slack channel. Claimed with a lease, retried with backoff.
CREATE TABLE notification_deliveries (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    notification_id uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    channel         text        NOT NULL CHECK (channel IN ('email', 'slack')),
    member_id       uuid        REFERENCES team_members (id) ON DELETE SET NULL,
    -- The member's address, or 'channel' for Slack.
    recipient       text        NOT NULL,
    -- Slack only: the members to @-mention (their Slack ids), as the message's first line.
    mentions        text,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'disabled')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notification_deliveries_once UNIQUE (notification_id, channel, recipient)
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at, id);

-- A channel switched off because its endpoint said it is gone (Slack 404/410), until someone fixes it.
CREATE TABLE notification_channels (
    channel     text        PRIMARY KEY CHECK (channel IN ('email', 'slack')),
    disabled_at timestamptz,
    reason      text
);

CREATE TABLE tasks (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id  uuid        NOT NULL REFERENCES campaigns (id),
    round_id     uuid        REFERENCES rounds (id),
    title        text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    notes        text        NOT NULL DEFAULT '',
    assignee_id  uuid        REFERENCES team_members (id),
    due_at       timestamptz,
    status       text        NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    created_by   text        NOT NULL,
    completed_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_created_idx ON tasks (created_at, id);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, status);
CREATE INDEX tasks_due_idx ON tasks (due_at) WHERE status <> 'done';
CREATE INDEX tasks_campaign_idx ON tasks (campaign_id);

-- Search: full text over names and descriptions; for contacts (the big table) email prefixes and trigrams of names.
CREATE INDEX campaigns_search_idx ON campaigns
    USING gin (to_tsvector('simple', name || ' ' || description));
CREATE INDEX rounds_search_idx ON rounds USING gin (to_tsvector('simple', name || ' ' || subject));
CREATE INDEX lists_search_idx ON lists USING gin (to_tsvector('simple', name || ' ' || description));
CREATE INDEX contacts_email_prefix_idx ON contacts (email_key text_pattern_ops);
CREATE INDEX contacts_name_trgm_idx ON contacts
    USING gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops);

-- The decisions list and campaign timelines read the audit trail: decisions newest first, and task events by
-- the campaign they belong to (in their detail), without scanning the whole trail.
CREATE INDEX audit_events_decisions_idx ON audit_events (occurred_at DESC)
    WHERE action IN ('round.approved', 'round.rejected');
CREATE INDEX audit_events_task_campaign_idx ON audit_events ((detail ->> 'campaignId')) WHERE entity_type = 'task';

-- What the last preflight said, so lists of rounds (approvals, dashboard) show it without re-running it per row.
ALTER TABLE rounds ADD COLUMN preflight jsonb;
ALTER TABLE rounds ADD COLUMN preflight_at timestamptz;
