-- name: lock-migrations
-- Held until the transaction ends; every run of every deploy takes the same key.
SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(:lockKey)) AS lock_taken

-- name: create-schema-migrations
CREATE TABLE IF NOT EXISTS schema_migrations (
    version      integer     PRIMARY KEY,
    file_name    text        NOT NULL,
    checksum     text        NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    execution_ms bigint      NOT NULL
)

-- name: find-applied-migrations
SELECT version, file_name, checksum
FROM schema_migrations
ORDER BY version

-- name: record-migration
INSERT INTO schema_migrations (version, file_name, checksum, execution_ms)
VALUES (:version, :fileName, :checksum, :executionMs)
