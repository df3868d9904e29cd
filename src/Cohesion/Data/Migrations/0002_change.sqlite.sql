-- 0002 community change (SQLite): datasets gain kind, sensitivity, sharing agreement, disclosure policy and
-- period kind; imports gain extract date and rejected rows; change_figures holds the aggregates of GP and
-- school census extracts (never the records). Each row packs one
-- area-period's measures × categories (see ChangeFigure and docs/decisions/0005-packed-change-figures.md). Existing datasets are open counts published as they are.
ALTER TABLE "datasets" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'Counts';
ALTER TABLE "datasets" ADD COLUMN "sensitivity" TEXT NOT NULL DEFAULT 'Open';
ALTER TABLE "datasets" ADD COLUMN "sharing_agreement" TEXT NOT NULL DEFAULT '';
ALTER TABLE "datasets" ADD COLUMN "disclosure_policy" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "datasets" ADD COLUMN "period_kind" TEXT NOT NULL DEFAULT '';

ALTER TABLE "dataset_imports" ADD COLUMN "extract_date" TEXT NULL;
ALTER TABLE "dataset_imports" ADD COLUMN "rows_rejected" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "dataset_imports" ADD COLUMN "rejected_by_reason" TEXT NOT NULL DEFAULT '';

CREATE TABLE "change_figures" (
    "dataset_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "exact" BLOB NOT NULL,
    "published" BLOB NOT NULL,
    CONSTRAINT "PK_change_figures" PRIMARY KEY ("dataset_id", "period", "area_id"),
    CONSTRAINT "FK_change_figures_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_change_figures_datasets_dataset_id" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_change_figures_area_id_dataset_id" ON "change_figures" ("area_id", "dataset_id");
