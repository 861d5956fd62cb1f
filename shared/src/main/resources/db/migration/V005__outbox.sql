-- The local stand-in for an email provider (EMAIL_PROVIDER=outbox): every message "sent" is stored here instead,
-- so that a developer, the tests and the deliveries view can see exactly what would have gone out.

CREATE TABLE outbox_messages (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The delivery ledger's id for the message: a batch sent again stores nothing twice.
    custom_id    text        NOT NULL CHECK (length(custom_id) BETWEEN 1 AND 255),
    campaign_tag text,
    from_email   text,
    from_name    text,
    reply_to     text,
    to_email     text        NOT NULL,
    to_name      text,
    subject      text,
    html_body    text,
    text_body    text,
    headers      jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(headers) = 'object'),
    test         boolean     NOT NULL DEFAULT false,
    stored_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outbox_messages_custom_id_key UNIQUE (custom_id)
);

-- What went out, newest first, overall and for one round.
CREATE INDEX outbox_messages_stored_idx ON outbox_messages (stored_at DESC, id DESC);
CREATE INDEX outbox_messages_campaign_idx ON outbox_messages (campaign_tag, stored_at DESC, id DESC);
