-- 0007 Asset search (SQLite): the published directory's full-text index. Triggers note every change to what it
-- holds, whoever writes (forms, HSDS and CSV imports, the demo seeder, raw bulk inserts), and one refresh per
-- transaction rewrites the noted services' documents (see "Keeping the index right" below).
--
-- as_search_source  a view: one search document per service the public may see (published; an offer only with
--                   consent recorded): its name, alternate name, description, organisation name, taxonomy term
--                   names and where it runs (location names, street, locality, town); and its facets, tokens
--                   for what filters select on (kind, status, free, each taxonomy term, and the grid cells of its
--                   locations: about 1 km and about 10 km square), so that words and filters are answered together
--                   inside the index, without a row lookup per matching record (Assets/Search/SearchFacets.cs
--                   builds the same tokens for queries).
-- as_search_docs    the documents as indexed, one row per visible service. FTS5 "external content" reads its text
--                   from here, and deleting from an FTS5 index needs the exact text that was indexed: keeping that
--                   text in a table of its own (rather than reading the view, which has already changed by the time
--                   a trigger runs) is what keeps the index consistent.
-- as_search         FTS5 over the documents with the Porter stemmer (class, classes), ranked with bm25 and
--                   column weights, facets weighing nothing (Assets/Search/SearchSql.cs).
-- as_search_words   the same documents without stemming, positions or sizes (detail=none, columnsize=0: small), so that
--                   as_search_vocab (fts5vocab) lists the words people actually wrote, for typo correction and
--                   completing the last word typed.
--
-- as_search_dirty   services changed since their documents were last written.
-- as_search_points  each indexed service's points, for distances.
--
-- These objects are outside the EF model on purpose (SchemaTests ignores exactly them): EF cannot describe FTS5
-- tables or triggers, and nothing writes to them but these triggers and the refresh.

CREATE TABLE as_search_docs (
    id INTEGER PRIMARY KEY,
    service_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    alternate_name TEXT,
    description TEXT,
    organisation TEXT,
    terms TEXT,
    places TEXT,
    facets TEXT
);

CREATE VIRTUAL TABLE as_search USING fts5(
    name, alternate_name, description, organisation, terms, places, facets,
    content='as_search_docs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

-- ORDER BY rank: the same weights, so the first page of a large match is found without ranking in SQL.
INSERT INTO as_search (as_search, rank) VALUES ('rank', 'bm25(10.0, 6.0, 1.0, 3.0, 4.0, 2.0, 0.0)');

CREATE VIRTUAL TABLE as_search_words USING fts5(
    name, alternate_name, description, organisation, terms, places,
    content='as_search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0);

CREATE VIRTUAL TABLE as_search_vocab USING fts5vocab(as_search_words, row);

CREATE VIEW as_search_source AS
SELECT s.id AS service_id, s.name, s.alternate_name, s.description, o.name AS organisation,
    (SELECT group_concat(t.name, ' ') FROM as_service_terms st JOIN as_taxonomy_terms t ON t.id = st.term_id
     WHERE st.service_id = s.id) AS terms,
    (SELECT group_concat(trim(coalesce(l.name, '') || ' ' || coalesce(l.address1, '') || ' ' || coalesce(l.address2, '') || ' ' || coalesce(l.city, '')), ' ')
     FROM as_service_locations sl JOIN as_locations l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS places,
    'k' || lower(s.kind) || '0 s' || lower(s.status) || '0' || CASE WHEN s.is_free THEN ' free0' ELSE '' END
    || coalesce((SELECT ' ' || group_concat('t' || lower(replace(st.term_id, '-', '')) || '0', ' ') FROM as_service_terms st WHERE st.service_id = s.id), '')
    || coalesce((SELECT ' ' || group_concat('g' || CAST((l.latitude + 90) * 100 AS INTEGER) || 'x' || CAST((l.longitude + 180) * 64 AS INTEGER)
        || '0 c' || CAST((l.latitude + 90) * 10 AS INTEGER) || 'x' || CAST((l.longitude + 180) * 6.4 AS INTEGER) || '0', ' ')
        FROM as_service_locations sl JOIN as_locations l ON l.id = sl.location_id
        WHERE sl.service_id = s.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL), '') AS facets
FROM as_services s LEFT JOIN as_organisations o ON o.id = s.organisation_id
WHERE s.publication = 'Published' AND (s.kind <> 'Offer' OR s.consent_recorded_on IS NOT NULL);

-- The FTS5 indexes follow the documents table (the pattern in the FTS5 documentation, section 4.4.3). Documents are
-- only ever inserted and deleted (a refresh deletes and writes again), never updated.
CREATE TRIGGER as_search_docs_ai AFTER INSERT ON as_search_docs BEGIN
    INSERT INTO as_search (rowid, name, alternate_name, description, organisation, terms, places, facets)
    VALUES (new.id, new.name, new.alternate_name, new.description, new.organisation, new.terms, new.places, new.facets);
    INSERT INTO as_search_words (rowid, name, alternate_name, description, organisation, terms, places)
    VALUES (new.id, new.name, new.alternate_name, new.description, new.organisation, new.terms, new.places);
END;

CREATE TRIGGER as_search_docs_ad AFTER DELETE ON as_search_docs BEGIN
    INSERT INTO as_search (as_search, rowid, name, alternate_name, description, organisation, terms, places, facets)
    VALUES ('delete', old.id, old.name, old.alternate_name, old.description, old.organisation, old.terms, old.places, old.facets);
    INSERT INTO as_search_words (as_search_words, rowid, name, alternate_name, description, organisation, terms, places)
    VALUES ('delete', old.id, old.name, old.alternate_name, old.description, old.organisation, old.terms, old.places);
END;

-- Keeping the index right: the triggers below only note which services changed (as_search_dirty); one set-based
-- refresh per transaction rewrites their documents, just before the transaction commits (Assets/Search/SearchIndex.cs:
-- an EF Core interceptor for every EF transaction, SearchIndex.RefreshAsync for raw writers, and a search that finds
-- committed notes refreshes first). Rewriting the document in each trigger, as this migration first did, rebuilt a
-- service's document once for the service and again for each term and location row: a 50,000-service bulk import
-- took 63 s here and 278 s on PostgreSQL. SQLite has no commit-time trigger, hence the interceptor.
CREATE TABLE as_search_dirty (service_id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;

-- Each indexed service's points (its locations with coordinates), keyed by its document's id, next to the document:
-- a text + distance search joins the full-text matches to these by integer key, with no lookup of locations by
-- UUID. The distance itself is computed in SQL (haversine; Assets/Search/SearchSql.cs).
CREATE TABLE as_search_points (
    doc_id INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    PRIMARY KEY (doc_id, lat, lon)
) WITHOUT ROWID;

CREATE TRIGGER as_search_docs_points_ad AFTER DELETE ON as_search_docs BEGIN
    DELETE FROM as_search_points WHERE doc_id = old.id;
END;

-- The refresh, run as INSERT INTO as_search_flush VALUES (1) so its SQL lives here beside the schema: drop the noted
-- services' documents (their FTS5 entries and points go with them), write again those still visible, note nothing.
CREATE VIEW as_search_flush AS SELECT 1 AS go;

CREATE TRIGGER as_search_flush_run INSTEAD OF INSERT ON as_search_flush BEGIN
    DELETE FROM as_search_docs WHERE service_id IN (SELECT service_id FROM as_search_dirty);
    INSERT INTO as_search_docs (service_id, name, alternate_name, description, organisation, terms, places, facets)
    SELECT service_id, name, alternate_name, description, organisation, terms, places, facets FROM as_search_source
    WHERE service_id IN (SELECT service_id FROM as_search_dirty);
    INSERT INTO as_search_points (doc_id, lat, lon)
    SELECT DISTINCT d.id, l.latitude, l.longitude
    FROM as_search_dirty x JOIN as_search_docs d ON d.service_id = x.service_id
    JOIN as_service_locations sl ON sl.service_id = x.service_id JOIN as_locations l ON l.id = sl.location_id
    WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL;
    DELETE FROM as_search_dirty;
END;

CREATE TRIGGER as_services_search_ai AFTER INSERT ON as_services BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.id);
END;

CREATE TRIGGER as_services_search_au AFTER UPDATE OF id, name, alternate_name, description, organisation_id, publication, kind, consent_recorded_on, status, is_free ON as_services BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.id);
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.id);
END;

CREATE TRIGGER as_services_search_ad AFTER DELETE ON as_services BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.id);
END;

CREATE TRIGGER as_service_terms_search_ai AFTER INSERT ON as_service_terms BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.service_id);
END;

CREATE TRIGGER as_service_terms_search_au AFTER UPDATE ON as_service_terms BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.service_id);
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.service_id);
END;

CREATE TRIGGER as_service_terms_search_ad AFTER DELETE ON as_service_terms BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.service_id);
END;

CREATE TRIGGER as_service_locations_search_ai AFTER INSERT ON as_service_locations BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.service_id);
END;

CREATE TRIGGER as_service_locations_search_au AFTER UPDATE OF service_id, location_id ON as_service_locations BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.service_id);
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (new.service_id);
END;

CREATE TRIGGER as_service_locations_search_ad AFTER DELETE ON as_service_locations BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) VALUES (old.service_id);
END;

CREATE TRIGGER as_locations_search_au AFTER UPDATE OF name, address1, address2, city, latitude, longitude ON as_locations BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) SELECT service_id FROM as_service_locations WHERE location_id = new.id;
END;

CREATE TRIGGER as_organisations_search_au AFTER UPDATE OF name ON as_organisations WHEN old.name IS NOT new.name BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) SELECT id FROM as_services WHERE organisation_id = new.id;
END;

CREATE TRIGGER as_taxonomy_terms_search_au AFTER UPDATE OF name ON as_taxonomy_terms WHEN old.name IS NOT new.name BEGIN
    INSERT OR IGNORE INTO as_search_dirty (service_id) SELECT service_id FROM as_service_terms WHERE term_id = new.id;
END;

-- Services already in the directory when this migration runs.
INSERT OR IGNORE INTO as_search_dirty (service_id) SELECT id FROM as_services;
INSERT INTO as_search_flush (go) VALUES (1);
