-- name: find-nothing
SELECT 1 WHERE false;
