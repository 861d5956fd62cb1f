-- name: insert-audit-event
INSERT INTO audit_events (actor, action, entity_type, entity_id, detail)
VALUES (:actor, :action, :entityType, :entityId, :detail)
