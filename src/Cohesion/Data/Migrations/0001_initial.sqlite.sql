-- 0001 initial schema (SQLite): areas, datasets and counts, accounts, audit, data-protection keys.
-- Generated from the model with 'cohesion db script --provider sqlite', then reviewed.
CREATE TABLE "areas" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_areas" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parent_id" INTEGER NULL,
    CONSTRAINT "FK_areas_areas_parent_id" FOREIGN KEY ("parent_id") REFERENCES "areas" ("id") ON DELETE RESTRICT
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "ip_address" TEXT NOT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NOT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "organisations" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_organisations" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);


CREATE TABLE "area_boundaries" (
    "area_id" INTEGER NOT NULL CONSTRAINT "PK_area_boundaries" PRIMARY KEY,
    "geometry_json" TEXT NOT NULL,
    "min_lon" REAL NOT NULL,
    "min_lat" REAL NOT NULL,
    "max_lon" REAL NOT NULL,
    "max_lat" REAL NOT NULL,
    CONSTRAINT "FK_area_boundaries_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE
);


CREATE TABLE "area_groupings" (
    "area_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    CONSTRAINT "PK_area_groupings" PRIMARY KEY ("area_id", "group_id"),
    CONSTRAINT "FK_area_groupings_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_area_groupings_areas_group_id" FOREIGN KEY ("group_id") REFERENCES "areas" ("id") ON DELETE CASCADE
);


CREATE TABLE "datasets" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_datasets" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "owner_organisation_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "FK_datasets_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);


CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_sign_ins" INTEGER NOT NULL,
    "locked_until" TEXT NULL,
    "must_change_password" INTEGER NOT NULL,
    "disabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_sign_in_at" TEXT NULL,
    CONSTRAINT "FK_users_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);


CREATE TABLE "dataset_categories" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_dataset_categories" PRIMARY KEY AUTOINCREMENT,
    "dataset_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "is_total" INTEGER NOT NULL,
    CONSTRAINT "FK_dataset_categories_datasets_dataset_id" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE
);


CREATE TABLE "dataset_imports" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_dataset_imports" PRIMARY KEY AUTOINCREMENT,
    "dataset_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "rows_read" INTEGER NOT NULL,
    "counts_stored" INTEGER NOT NULL,
    "imported_at" TEXT NOT NULL,
    "imported_by" TEXT NOT NULL,
    CONSTRAINT "FK_dataset_imports_datasets_dataset_id" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE
);


CREATE TABLE "area_counts" (
    "dataset_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "is_derived" INTEGER NOT NULL,
    CONSTRAINT "PK_area_counts" PRIMARY KEY ("dataset_id", "period", "area_id", "category_id"),
    CONSTRAINT "FK_area_counts_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_area_counts_dataset_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "dataset_categories" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_area_counts_datasets_dataset_id" FOREIGN KEY ("dataset_id") REFERENCES "datasets" ("id") ON DELETE CASCADE
);


CREATE INDEX "IX_area_counts_area_id" ON "area_counts" ("area_id");


CREATE INDEX "IX_area_counts_category_id" ON "area_counts" ("category_id");


CREATE INDEX "IX_area_groupings_group_id" ON "area_groupings" ("group_id");


CREATE UNIQUE INDEX "IX_areas_code" ON "areas" ("code");


CREATE INDEX "IX_areas_level_code" ON "areas" ("level", "code");


CREATE INDEX "IX_areas_parent_id" ON "areas" ("parent_id");


CREATE INDEX "IX_audit_entries_action" ON "audit_entries" ("action");


CREATE INDEX "IX_audit_entries_at" ON "audit_entries" ("at");


CREATE UNIQUE INDEX "IX_dataset_categories_dataset_id_code" ON "dataset_categories" ("dataset_id", "code");


CREATE INDEX "IX_dataset_imports_dataset_id" ON "dataset_imports" ("dataset_id");


CREATE UNIQUE INDEX "IX_datasets_name" ON "datasets" ("name");


CREATE INDEX "IX_datasets_owner_organisation_id" ON "datasets" ("owner_organisation_id");


CREATE UNIQUE INDEX "IX_organisations_name" ON "organisations" ("name");


CREATE UNIQUE INDEX "IX_users_email" ON "users" ("email");


CREATE INDEX "IX_users_organisation_id" ON "users" ("organisation_id");



