-- 0011 The search index under bulk loads and broad searches (PostgreSQL).
--
-- Serial scans. The planner split searches matching a few thousand services ("english" matches 2,600 of 50,000) into
-- a parallel bitmap scan: starting the worker process cost more than it saved on the two cores this runs on, and the
-- ORUK page for that search took 38 ms of database time instead of 10. A search reads the index's table for short
-- interactive lookups only, so its scans stay in the one process.
ALTER TABLE as_search_docs SET (parallel_workers = 0);

-- Bulk refreshes rebuild the GIN indexes. Writing 50,000 new documents into the two GIN indexes one by one took
-- 13.9 s of a 50,000-service import's commit; dropping them, writing the documents and building them afresh took 9.0
-- (the build reads each document once and sorts). It pays when the refresh rewrites a quarter of the table or more
-- (the build's cost follows the table's size, the insertions' the number rewritten), and from 10,000 documents. The
-- drop locks the table until the commit: searches made meanwhile wait for the import to commit, as they would for
-- its documents anyway.
--
-- 0007's as_search_refresh keeps its body under a new name (as_search_write) and as_search_refresh becomes the one
-- place that chooses, so as_search_flush() and anything else that refreshes get the choice without being rewritten.
ALTER FUNCTION as_search_refresh(uuid[]) RENAME TO as_search_write;

CREATE FUNCTION as_search_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) >= 10000
       AND cardinality(ids) * 4 >= (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'as_search_docs'::regclass) THEN
        DROP INDEX ix_as_search_docs_document;
        DROP INDEX ix_as_search_docs_facets;
        PERFORM as_search_write(ids);
        CREATE INDEX ix_as_search_docs_document ON as_search_docs USING gin (document);
        CREATE INDEX ix_as_search_docs_facets ON as_search_docs USING gin (facets);
    ELSE
        PERFORM as_search_write(ids);
    END IF;
END $$;
