-- name: insert-audit-event
INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
VALUES (:actor, :action, :entityType, :entityId, :detail)

-- name: page-audit-events
SELECT id, occurred_at, actor, action, entity_type, entity_id, detail
FROM audit_events
WHERE (:entityType::text IS NULL OR entity_type = :entityType)
  AND (:entityId::text IS NULL OR entity_id = :entityId)
  AND (:actor::text IS NULL OR actor = :actor)
  AND (:from::timestamptz IS NULL OR occurred_at >= :from)
  AND (:to::timestamptz IS NULL OR occurred_at < :to)
  AND (:afterOccurredAt::timestamptz IS NULL OR (occurred_at, id) < (:afterOccurredAt, :afterId))
ORDER BY occurred_at DESC, id DESC
LIMIT :limit
