-- 0009 Open Referral UK paging (SQLite): the ORUK API pages the published directory in id order. With only the
-- (publication, kind) index, every page sorted all 50,000 published ids in a temporary b-tree (about 50 ms of CPU);
-- this index holds them in order with the kind beside, so a page is a walk along the index and the count reads no table.

CREATE INDEX "IX_as_services_publication_id_kind" ON "as_services" ("publication", "id", "kind");
