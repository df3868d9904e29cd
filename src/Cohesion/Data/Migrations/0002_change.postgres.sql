-- 0002 community change (PostgreSQL): see 0002_change.sqlite.sql. Defaults fill existing rows and are then
-- dropped, so the schema matches the model exactly.
ALTER TABLE datasets ADD COLUMN kind character varying(24) NOT NULL DEFAULT 'Counts';
ALTER TABLE datasets ADD COLUMN sensitivity character varying(24) NOT NULL DEFAULT 'Open';
ALTER TABLE datasets ADD COLUMN sharing_agreement character varying(500) NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN disclosure_policy character varying(24) NOT NULL DEFAULT 'none';
ALTER TABLE datasets ADD COLUMN period_kind character varying(8) NOT NULL DEFAULT '';
ALTER TABLE datasets ALTER COLUMN kind DROP DEFAULT, ALTER COLUMN sensitivity DROP DEFAULT, ALTER COLUMN sharing_agreement DROP DEFAULT,
    ALTER COLUMN disclosure_policy DROP DEFAULT, ALTER COLUMN period_kind DROP DEFAULT;

ALTER TABLE dataset_imports ADD COLUMN extract_date date;
ALTER TABLE dataset_imports ADD COLUMN rows_rejected bigint NOT NULL DEFAULT 0;
ALTER TABLE dataset_imports ADD COLUMN rejected_by_reason character varying(4000) NOT NULL DEFAULT '';
ALTER TABLE dataset_imports ALTER COLUMN rows_rejected DROP DEFAULT, ALTER COLUMN rejected_by_reason DROP DEFAULT;

CREATE TABLE change_figures (
    dataset_id integer NOT NULL,
    period character varying(16) NOT NULL,
    area_id integer NOT NULL,
    exact bytea NOT NULL,
    published bytea NOT NULL,
    CONSTRAINT "PK_change_figures" PRIMARY KEY (dataset_id, period, area_id),
    CONSTRAINT "FK_change_figures_areas_area_id" FOREIGN KEY (area_id) REFERENCES areas (id) ON DELETE CASCADE,
    CONSTRAINT "FK_change_figures_datasets_dataset_id" FOREIGN KEY (dataset_id) REFERENCES datasets (id) ON DELETE CASCADE
);

CREATE INDEX "IX_change_figures_area_id_dataset_id" ON change_figures (area_id, dataset_id);
