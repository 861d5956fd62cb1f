-- name: search
-- Names and descriptions by full text (the 'simple' configuration: names are not English prose) plus trigram
-- word similarity for typos ("autmn" finds "Autumn sale": 0.44, a looser bar than the operator's 0.6, so it is
-- computed per row — campaigns, rounds and lists are hundreds, not millions); contacts by exact email, email prefix
-- or a name like the query, all three indexed (V008), as contacts may be millions.
WITH q AS (
    SELECT plainto_tsquery('simple', :q) AS ts, lower(:q) AS text
), hits AS (
    SELECT 'campaign' AS type, c.id, c.name AS title, c.description AS detail, NULL::uuid AS campaign_id,
           ts_rank(to_tsvector('simple', c.name || ' ' || c.description), q.ts) * 2 + word_similarity(q.text, c.name)
               AS score
    FROM campaigns c, q
    WHERE :campaigns AND (to_tsvector('simple', c.name || ' ' || c.description) @@ q.ts OR word_similarity(q.text, c.name) >= 0.4)
    UNION ALL
    SELECT 'round', r.id, r.name, r.subject, r.campaign_id,
           ts_rank(to_tsvector('simple', r.name || ' ' || r.subject), q.ts) * 2 + word_similarity(q.text, r.name)
    FROM rounds r, q
    WHERE :rounds AND (to_tsvector('simple', r.name || ' ' || r.subject) @@ q.ts OR word_similarity(q.text, r.name) >= 0.4)
    UNION ALL
    SELECT 'list', l.id, l.name, l.description, NULL,
           ts_rank(to_tsvector('simple', l.name || ' ' || l.description), q.ts) * 2 + word_similarity(q.text, l.name)
    FROM lists l, q
    WHERE :lists AND (to_tsvector('simple', l.name || ' ' || l.description) @@ q.ts OR word_similarity(q.text, l.name) >= 0.4)
    UNION ALL
    SELECT 'contact', c.id, c.email, btrim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), NULL,
           CASE WHEN c.email_key = q.text THEN 3.0
                WHEN c.email_key LIKE :emailPrefix || '%' THEN 2.0
                ELSE word_similarity(q.text, coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) END
    FROM contacts c, q
    WHERE :contacts
      AND (c.email_key = q.text OR c.email_key LIKE :emailPrefix || '%'
           OR q.text <% (coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')))
)
SELECT type, id, title, detail, campaign_id, score
FROM hits
ORDER BY score DESC, type, id
LIMIT :limit OFFSET :offset
