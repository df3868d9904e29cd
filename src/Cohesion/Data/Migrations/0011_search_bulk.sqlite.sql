-- 0011 The search index under bulk loads and broad searches: PostgreSQL only (serial scans, GIN rebuilds; SQLite runs
-- every query in one thread and its FTS5 index merges its own segments). Kept so both providers carry the same versions.
SELECT 1;
