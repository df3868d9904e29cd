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
CREATE OR REPLACE FUNCTION as_search_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
    WITH gone AS (DELETE FROM as_search_dirty RETURNING service_id) SELECT array_agg(service_id) INTO ids FROM gone;
    -- A bulk write's tables have no statistics for the rows it added (ANALYZE counts this transaction's own rows):
    -- without them the planner joins 50,000 services as if there were a handful, and the refresh took 448 s, not 20.
    IF cardinality(ids) > 1000 THEN
        ANALYZE as_services, as_organisations, as_service_terms, as_service_locations, as_locations, as_search_docs, as_search_points;
    END IF;
    IF ids IS NULL THEN
        RETURN;
    END IF;
    IF cardinality(ids) >= 10000
       AND cardinality(ids) * 4 >= (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'as_search_docs'::regclass) THEN
        DROP INDEX ix_as_search_docs_document;
        DROP INDEX ix_as_search_docs_facets;
        PERFORM as_search_refresh(ids);
        CREATE INDEX ix_as_search_docs_document ON as_search_docs USING gin (document);
        CREATE INDEX ix_as_search_docs_facets ON as_search_docs USING gin (facets);
    ELSE
        PERFORM as_search_refresh(ids);
    END IF;
END $$;
