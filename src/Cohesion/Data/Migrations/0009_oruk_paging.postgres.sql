-- 0009 Open Referral UK paging (PostgreSQL): the ORUK API pages the published directory in id order. With only the
-- (publication, kind) index, every page sorted all 50,000 published ids; this index holds them in order with the
-- kind beside, so a page is an index-only walk.

CREATE INDEX "IX_as_services_publication_id_kind" ON as_services (publication, id, kind);
