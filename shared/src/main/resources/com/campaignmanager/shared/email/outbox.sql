-- name: store-messages
-- One statement per batch. ON CONFLICT DO NOTHING makes a resent batch store nothing new; the outer SELECT still
-- answers every incoming message with its row id: from this insert, or from the row stored before (the
-- statement's snapshot does not see its own inserts, hence both joins). A null id means a concurrent call is
-- storing the same message right now. Sorted by custom_id: overlapping batches take their locks in one order.
WITH incoming AS (
    SELECT m.custom_id, m.campaign_tag, m.from_email, m.from_name, m.reply_to, m.to_email, m.to_name, m.subject,
           m.html_body, m.text_body, COALESCE(m.headers::jsonb, '{}'::jsonb) AS headers, COALESCE(m.test, false) AS test
    FROM json_to_recordset(:messages) AS m(custom_id text, campaign_tag text, from_email text, from_name text,
                                           reply_to text, to_email text, to_name text, subject text,
                                           html_body text, text_body text, headers json, test boolean)
),
inserted AS (
    INSERT INTO outbox_messages (custom_id, campaign_tag, from_email, from_name, reply_to, to_email, to_name,
                                 subject, html_body, text_body, headers, test)
    SELECT custom_id, campaign_tag, from_email, from_name, reply_to, to_email, to_name,
           subject, html_body, text_body, headers, test
    FROM incoming
    ORDER BY custom_id
    ON CONFLICT (custom_id) DO NOTHING
    RETURNING id, custom_id
)
SELECT DISTINCT i.custom_id, COALESCE(n.id, o.id) AS id, n.id IS NOT NULL AS stored
FROM incoming i
LEFT JOIN inserted n ON n.custom_id = i.custom_id
LEFT JOIN outbox_messages o ON o.custom_id = i.custom_id

-- name: find-message
SELECT id, custom_id, campaign_tag, from_email, from_name, reply_to, to_email, to_name, subject, html_body,
       text_body, headers, test, stored_at
FROM outbox_messages
WHERE custom_id = :customId

-- name: page-messages
-- Newest first; without the bodies, which the single-message view shows.
SELECT id, custom_id, campaign_tag, from_email, from_name, reply_to, to_email, to_name, subject, headers, test,
       stored_at
FROM outbox_messages
WHERE (:campaignTag::text IS NULL OR campaign_tag = :campaignTag)
  AND (:beforeStoredAt::timestamptz IS NULL OR (stored_at, id) < (:beforeStoredAt, :beforeId))
ORDER BY stored_at DESC, id DESC
LIMIT :limit
