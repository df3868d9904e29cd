-- 0007 Asset search (PostgreSQL): the published directory's full-text index. Triggers note every change to what it
-- holds, whoever writes (forms, HSDS and CSV imports, the demo seeder, binary COPY), and one refresh per transaction,
-- run by a deferred trigger as the transaction commits, rewrites the noted services' documents, so every writer keeps
-- it right without calling anything (see "Keeping the index right" below).
--
-- as_search_docs    one row per service the public may see (published; an offer only with consent recorded):
--   document        tsvector ('english': stemmed, stop words dropped), weighted A name and alternate name,
--                   B organisation name and taxonomy term names, C description, D where it runs (location names,
--                   street, locality, town); GIN-indexed, ranked with ts_rank_cd (Assets/Search/SearchSql.cs).
--   words           the same text unstemmed ('simple'), unindexed: ts_stat over it lists the words people actually
--                   wrote, for typo correction and completing the last word typed.
--   facets          tokens for what filters select on (kind, status, free, each taxonomy term, and the grid cells of
--                   its locations: about 1 km and about 10 km square), GIN-indexed, so that words and filters are
--                   answered together by the two indexes, without a row lookup per matching record
--                   (Assets/Search/SearchFacets.cs builds the same tokens for queries).
-- Text is lower-cased and common Latin accents folded (café = cafe) by as_search_fold, without the unaccent
-- extension, which an installation may not be allowed to create.
--
-- as_search_points  each indexed service's points (its locations with coordinates), beside its document, so that a
--                   text + distance search reads them by the document's key, the distance computed in SQL.
-- as_search_dirty   services changed in this transaction whose documents are not yet rewritten.
--
-- These objects are outside the EF model on purpose (SchemaTests ignores exactly them).

CREATE TABLE as_search_docs (
    service_id uuid NOT NULL PRIMARY KEY,
    document tsvector NOT NULL,
    words tsvector NOT NULL,
    facets tsvector NOT NULL
);

CREATE INDEX ix_as_search_docs_document ON as_search_docs USING gin (document);
CREATE INDEX ix_as_search_docs_facets ON as_search_docs USING gin (facets);

CREATE TABLE as_search_points (
    service_id uuid NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    PRIMARY KEY (service_id, lat, lon)
);

CREATE TABLE as_search_dirty (service_id uuid NOT NULL PRIMARY KEY);

-- Plain ASCII text (most of it; a UTF-8 string is ASCII when it has as many bytes as characters) skips translate,
-- which costs more than stemming: 100 µs for a four-sentence description, and 60% of a bulk refresh's time.
CREATE FUNCTION as_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN octet_length(coalesce(t, '')) = char_length(coalesce(t, '')) THEN lower(coalesce(t, ''))
        ELSE translate(lower(coalesce(t, '')),
            'àáâãäåāăąçćčďèéêëēĕėęěìíîïīĭįıłñńňòóôõöøōŏőřśšşţťùúûüūŭůűųýÿźżžğ',
            'aaaaaaaaacccdeeeeeeeeeiiiiiiiilnnnooooooooorsssttuuuuuuuuuyyzzzg') END
$$;

-- Rewrites the documents and points of the given services: drops those no longer visible, writes the rest. The ids are joined
-- as a set (unnest), not tested with = ANY: a COPY of 50,000 services passes 50,000 ids, and = ANY against an array
-- that size is a linear search per row.
CREATE FUNCTION as_search_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM as_search_docs d
    USING (SELECT DISTINCT unnest(ids) AS id) u
    WHERE d.service_id = u.id
      AND NOT EXISTS (SELECT 1 FROM as_services s WHERE s.id = d.service_id
                      AND s.publication = 'Published' AND (s.kind <> 'Offer' OR s.consent_recorded_on IS NOT NULL));
    INSERT INTO as_search_docs (service_id, document, words, facets)
    SELECT x.id,
        setweight(to_tsvector('english', x.a), 'A') || setweight(to_tsvector('english', x.b), 'B')
        || setweight(to_tsvector('english', x.c), 'C') || setweight(to_tsvector('english', x.d), 'D'),
        to_tsvector('simple', x.a || ' ' || x.b || ' ' || x.c || ' ' || x.d),
        to_tsvector('simple', x.facets)
    FROM (SELECT y.id, y.facets, as_search_fold(y.name || ' ' || coalesce(y.alternate_name, '')) AS a,
            as_search_fold(coalesce(y.organisation, '') || ' ' || y.terms) AS b, as_search_fold(y.description) AS c, as_search_fold(y.places) AS d
    FROM (
        SELECT s.id, s.name, s.alternate_name, s.description, o.name AS organisation,
            coalesce((SELECT string_agg(t.name, ' ') FROM as_service_terms st JOIN as_taxonomy_terms t ON t.id = st.term_id
                      WHERE st.service_id = s.id), '') AS terms,
            coalesce((SELECT string_agg(concat_ws(' ', l.name, l.address1, l.address2, l.city), ' ')
                      FROM as_service_locations sl JOIN as_locations l ON l.id = sl.location_id WHERE sl.service_id = s.id), '') AS places,
            'k' || lower(s.kind) || '0 s' || lower(s.status) || '0' || CASE WHEN s.is_free THEN ' free0' ELSE '' END
            || coalesce((SELECT ' ' || string_agg('t' || replace(st.term_id::text, '-', '') || '0', ' ') FROM as_service_terms st WHERE st.service_id = s.id), '')
            || coalesce((SELECT ' ' || string_agg('g' || trunc((l.latitude + 90) * 100)::bigint || 'x' || trunc((l.longitude + 180) * 64)::bigint
                || '0 c' || trunc((l.latitude + 90) * 10)::bigint || 'x' || trunc((l.longitude + 180) * 6.4)::bigint || '0', ' ')
                FROM as_service_locations sl JOIN as_locations l ON l.id = sl.location_id
                WHERE sl.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL), '') AS facets
        FROM (SELECT DISTINCT unnest(ids) AS id) u
        JOIN as_services s ON s.id = u.id
        LEFT JOIN as_organisations o ON o.id = s.organisation_id
        WHERE s.publication = 'Published' AND (s.kind <> 'Offer' OR s.consent_recorded_on IS NOT NULL)
    ) y) x
    ON CONFLICT (service_id) DO UPDATE SET document = excluded.document, words = excluded.words, facets = excluded.facets
    WHERE as_search_docs.document IS DISTINCT FROM excluded.document OR as_search_docs.words IS DISTINCT FROM excluded.words
       OR as_search_docs.facets IS DISTINCT FROM excluded.facets;
    DELETE FROM as_search_points p USING (SELECT DISTINCT unnest(ids) AS id) u WHERE p.service_id = u.id;
    INSERT INTO as_search_points (service_id, lat, lon)
    SELECT DISTINCT d.service_id, l.latitude, l.longitude
    FROM (SELECT DISTINCT unnest(ids) AS id) u JOIN as_search_docs d ON d.service_id = u.id
    JOIN as_service_locations sl ON sl.service_id = u.id JOIN as_locations l ON l.id = sl.location_id
    WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL
    ON CONFLICT DO NOTHING;
$$;

-- Keeping the index right. The triggers below only note the services a statement changed, in as_search_dirty; a
-- deferred constraint trigger on that table runs as_search_flush() as the transaction commits, which rewrites the
-- noted services' documents in one set-based statement and empties the table. Rewriting in each trigger, as this
-- migration first did, rebuilt a service's document for its own row and again for each statement adding its terms
-- and locations, each time an upsert into GIN-indexed tsvectors: a 50,000-service COPY took 278 s. A writer may call
-- as_search_flush() itself (SearchIndex.RefreshAsync) to see its changes in a search before it commits; the deferred
-- trigger then finds nothing left to do. Two writers of one service cannot both hold its note (primary key): the
-- second waits for the first to commit, and the upsert in as_search_refresh covers any other overlap.
CREATE FUNCTION as_search_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
    WITH gone AS (DELETE FROM as_search_dirty RETURNING service_id) SELECT array_agg(service_id) INTO ids FROM gone;
    -- A bulk write's tables have no statistics for the rows it added (ANALYZE counts this transaction's own rows):
    -- without them the planner joins 50,000 services as if there were a handful, and the refresh took 448 s, not 20.
    IF cardinality(ids) > 1000 THEN
        ANALYZE as_services, as_organisations, as_service_terms, as_service_locations, as_locations, as_search_docs, as_search_points;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM as_search_refresh(ids);
    END IF;
END $$;

-- Deferred triggers run once per noted row at commit: the first flushes them all, the rest find their note gone.
CREATE FUNCTION as_search_dirty_committing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM as_search_dirty WHERE service_id = NEW.service_id) THEN
        PERFORM as_search_flush();
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER as_search_dirty_flush AFTER INSERT ON as_search_dirty DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION as_search_dirty_committing();

-- as_services: inserted and deleted services; updated ones only when indexed text or visibility changed.
CREATE FUNCTION as_search_services_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO as_search_dirty (service_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO as_search_dirty (service_id) SELECT id FROM old_rows ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO as_search_dirty (service_id)
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name, n.alternate_name, n.description, n.organisation_id, n.publication, n.kind, n.consent_recorded_on, n.status, n.is_free)
            IS DISTINCT FROM (o.name, o.alternate_name, o.description, o.organisation_id, o.publication, o.kind, o.consent_recorded_on, o.status, o.is_free)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER as_services_search_ai AFTER INSERT ON as_services REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_services_changed();
CREATE TRIGGER as_services_search_au AFTER UPDATE ON as_services REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_services_changed();
CREATE TRIGGER as_services_search_ad AFTER DELETE ON as_services REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_services_changed();

-- as_service_terms and as_service_locations: the services of the rows added, removed or moved.
CREATE FUNCTION as_search_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO as_search_dirty (service_id) SELECT DISTINCT service_id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO as_search_dirty (service_id) SELECT DISTINCT service_id FROM old_rows ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO as_search_dirty (service_id) SELECT service_id FROM new_rows UNION SELECT service_id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER as_service_terms_search_ai AFTER INSERT ON as_service_terms REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();
CREATE TRIGGER as_service_terms_search_au AFTER UPDATE ON as_service_terms REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();
CREATE TRIGGER as_service_terms_search_ad AFTER DELETE ON as_service_terms REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();
CREATE TRIGGER as_service_locations_search_ai AFTER INSERT ON as_service_locations REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();
CREATE TRIGGER as_service_locations_search_au AFTER UPDATE ON as_service_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();
CREATE TRIGGER as_service_locations_search_ad AFTER DELETE ON as_service_locations REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_links_changed();

-- Renamed organisations, taxonomy terms and locations: every service whose document carries the old name.
CREATE FUNCTION as_search_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'as_organisations' THEN
        INSERT INTO as_search_dirty (service_id)
        SELECT s.id FROM as_services s JOIN new_rows n ON n.id = s.organisation_id JOIN old_rows o ON o.id = n.id
        WHERE n.name IS DISTINCT FROM o.name
        ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'as_taxonomy_terms' THEN
        INSERT INTO as_search_dirty (service_id)
        SELECT DISTINCT st.service_id FROM as_service_terms st JOIN new_rows n ON n.id = st.term_id JOIN old_rows o ON o.id = n.id
        WHERE n.name IS DISTINCT FROM o.name
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO as_search_dirty (service_id)
        SELECT DISTINCT sl.service_id FROM as_service_locations sl JOIN new_rows n ON n.id = sl.location_id JOIN old_rows o ON o.id = n.id
        WHERE (n.name, n.address1, n.address2, n.city, n.latitude, n.longitude) IS DISTINCT FROM (o.name, o.address1, o.address2, o.city, o.latitude, o.longitude)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER as_organisations_search_au AFTER UPDATE ON as_organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_names_changed();
CREATE TRIGGER as_taxonomy_terms_search_au AFTER UPDATE ON as_taxonomy_terms REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_names_changed();
CREATE TRIGGER as_locations_search_au AFTER UPDATE ON as_locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION as_search_names_changed();

-- Services already in the directory when this migration runs.
SELECT as_search_refresh(ARRAY(SELECT id FROM as_services));
