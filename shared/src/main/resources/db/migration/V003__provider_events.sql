-- Every event an email provider reported, stored as received before anything acts on it: the webhook's receipt,
-- the address history, and later the per-delivery metrics (attached by custom_id, else message_id).

CREATE TABLE provider_events (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    provider           text        NOT NULL CHECK (provider IN ('mailjet')),
    -- The provider sends no event id, so the application derives one from the event's own fields: a resent
    -- event has the same key and is stored once.
    idempotency_key    text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    event_type         text        NOT NULL,
    email              text,
    email_hash         text        CHECK (email_hash ~ '^[0-9a-f]{64}$'),
    message_id         text,
    custom_id          text,
    occurred_at        timestamptz NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now(),
    payload            jsonb       NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    -- What the event asks of the suppression list, decided when it was read (null: nothing).
    suppression_reason text        CHECK (suppression_reason IN ('unsubscribed', 'hard_bounce', 'spam_complaint',
                                                                 'blocked')),
    soft_bounce        boolean     NOT NULL DEFAULT false,
    -- A soft bounce that already took part in a soft_bounce_limit suppression: after that suppression is lifted,
    -- only new soft bounces count again.
    soft_bounce_spent  boolean     NOT NULL DEFAULT false,
    -- Set in the same transaction as the event's effect: an event is applied once, however often it arrives.
    applied_at         timestamptz,
    result             text,
    CONSTRAINT provider_events_key UNIQUE (provider, idempotency_key)
);

-- The soft-bounce rule: bounces of one address within a window, and all recent ones for the nightly job.
CREATE INDEX provider_events_soft_bounce_idx ON provider_events (email_hash, occurred_at)
    WHERE soft_bounce AND NOT soft_bounce_spent;
CREATE INDEX provider_events_recent_soft_bounce_idx ON provider_events (occurred_at)
    WHERE soft_bounce AND NOT soft_bounce_spent;
-- Attaching events to deliveries: by our CustomID, else by the provider's MessageID.
CREATE INDEX provider_events_custom_id_idx ON provider_events (provider, custom_id) WHERE custom_id IS NOT NULL;
CREATE INDEX provider_events_message_id_idx ON provider_events (provider, message_id) WHERE message_id IS NOT NULL;
-- An address's history, and the events an interrupted request left unapplied.
CREATE INDEX provider_events_email_idx ON provider_events (email_hash, occurred_at DESC);
CREATE INDEX provider_events_unapplied_idx ON provider_events (received_at) WHERE applied_at IS NULL;
