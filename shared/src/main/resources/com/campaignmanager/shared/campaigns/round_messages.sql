-- name: find-round-message
-- The round's content and the layout it is sent with: the template version its approval covered, or while no
-- approval stands (approved_template_version is cleared with approved_at) the template's current version.
SELECT r.subject, r.html_body, r.text_body, r.template_id, t.name AS template_name, t.archived_at,
       v.version AS template_version, v.html_layout, v.text_layout
FROM rounds r
LEFT JOIN templates t ON t.id = r.template_id
LEFT JOIN template_versions v ON v.template_id = r.template_id
                             AND v.version = COALESCE(r.approved_template_version, t.version)
WHERE r.id = :roundId
