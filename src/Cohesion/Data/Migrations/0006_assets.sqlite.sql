-- 0006 Assets (SQLite): the community asset directory, shaped after Open Referral UK (HSDS 3.0) so it can be
-- exchanged with other directories: organisations that run services, services (with residents' offers and spaces
-- as kinds of service), locations and what they offer disabled people, schedules (RFC 5545 recurrences), languages,
-- costs, contacts, phones, the Cohesion areas a service is for, taxonomies and the terms services are classified by;
-- each service's saved versions for history and restore; residents' proposals and problem reports for moderation.
-- Ids are UUIDs so records keep their identity across directories. (0005 is the surveys' weight trimming.)

CREATE TABLE "as_revisions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_as_revisions" PRIMARY KEY AUTOINCREMENT,
    "service_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot_json" TEXT NOT NULL,
    "changed_at" TEXT NOT NULL,
    "changed_by" TEXT NOT NULL,
    "summary" TEXT NOT NULL
);

CREATE TABLE "as_taxonomies" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_taxonomies" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "uri" TEXT NULL,
    "version" TEXT NULL
);

CREATE TABLE "as_taxonomy_terms" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_taxonomy_terms" PRIMARY KEY,
    "taxonomy_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "term_uri" TEXT NULL,
    CONSTRAINT "FK_as_taxonomy_terms_as_taxonomies_taxonomy_id" FOREIGN KEY ("taxonomy_id") REFERENCES "as_taxonomies" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_as_taxonomy_terms_as_taxonomy_terms_parent_id" FOREIGN KEY ("parent_id") REFERENCES "as_taxonomy_terms" ("id") ON DELETE RESTRICT
);

CREATE TABLE "as_organisations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_organisations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NOT NULL,
    "email" TEXT NULL,
    "website" TEXT NULL,
    "legal_status" TEXT NULL,
    "maintainer_organisation_id" INTEGER NULL,
    "last_checked_on" TEXT NULL,
    "review" TEXT NOT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_as_organisations_organisations_maintainer_organisation_id" FOREIGN KEY ("maintainer_organisation_id") REFERENCES "organisations" ("id") ON DELETE SET NULL
);

CREATE TABLE "as_locations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_locations" PRIMARY KEY,
    "organisation_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NULL,
    "description" TEXT NULL,
    "address1" TEXT NULL,
    "address2" TEXT NULL,
    "city" TEXT NULL,
    "postcode" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "area_id" INTEGER NULL,
    "transportation" TEXT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_as_locations_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_as_locations_as_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "as_organisations" ("id") ON DELETE SET NULL
);

CREATE TABLE "as_services" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_services" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT NULL,
    "description" TEXT NOT NULL,
    "url" TEXT NULL,
    "email" TEXT NULL,
    "status" TEXT NOT NULL,
    "publication" TEXT NOT NULL,
    "is_free" INTEGER NOT NULL,
    "fees_description" TEXT NULL,
    "eligibility_description" TEXT NULL,
    "minimum_age" INTEGER NULL,
    "maximum_age" INTEGER NULL,
    "application_process" TEXT NULL,
    "interpretation_services" TEXT NULL,
    "offered_by" TEXT NULL,
    "consent_recorded_on" TEXT NULL,
    "contact_consent" INTEGER NOT NULL,
    "capacity" INTEGER NULL,
    "booking_details" TEXT NULL,
    "maintainer_organisation_id" INTEGER NULL,
    "last_checked_on" TEXT NULL,
    "review" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_as_services_as_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "as_organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_as_services_organisations_maintainer_organisation_id" FOREIGN KEY ("maintainer_organisation_id") REFERENCES "organisations" ("id") ON DELETE SET NULL
);

CREATE TABLE "as_accessibility" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_accessibility" PRIMARY KEY,
    "location_id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "details" TEXT NULL,
    "url" TEXT NULL,
    CONSTRAINT "FK_as_accessibility_as_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "as_locations" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_contacts" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_contacts" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "name" TEXT NULL,
    "title" TEXT NULL,
    "email" TEXT NULL,
    "phone" TEXT NULL,
    CONSTRAINT "FK_as_contacts_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_cost_options" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_cost_options" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "option" TEXT NULL,
    "amount" TEXT NULL,
    "currency" TEXT NOT NULL,
    "amount_description" TEXT NULL,
    CONSTRAINT "FK_as_cost_options_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_languages" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_languages" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "FK_as_languages_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_phones" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_phones" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "type" TEXT NULL,
    "description" TEXT NULL,
    CONSTRAINT "FK_as_phones_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_problem_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_as_problem_reports" PRIMARY KEY AUTOINCREMENT,
    "service_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "resolved_at" TEXT NULL,
    "resolved_by" TEXT NULL,
    "resolution" TEXT NULL,
    CONSTRAINT "FK_as_problem_reports_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_proposals" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_as_proposals" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "where" TEXT NULL,
    "area_id" INTEGER NULL,
    "term_id" TEXT NULL,
    "website" TEXT NULL,
    "proposer_contact" TEXT NULL,
    "submitted_at" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "resolved_at" TEXT NULL,
    "resolved_by" TEXT NULL,
    "resolution" TEXT NULL,
    "service_id" TEXT NULL,
    CONSTRAINT "FK_as_proposals_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_as_proposals_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_as_proposals_as_taxonomy_terms_term_id" FOREIGN KEY ("term_id") REFERENCES "as_taxonomy_terms" ("id") ON DELETE SET NULL
);

CREATE TABLE "as_schedules" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_schedules" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "location_id" TEXT NULL,
    "freq" TEXT NULL,
    "interval" INTEGER NULL,
    "by_day" TEXT NULL,
    "by_month_day" TEXT NULL,
    "dt_start" TEXT NULL,
    "until" TEXT NULL,
    "valid_from" TEXT NULL,
    "valid_to" TEXT NULL,
    "opens_at" TEXT NULL,
    "closes_at" TEXT NULL,
    "description" TEXT NULL,
    CONSTRAINT "FK_as_schedules_as_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "as_locations" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_as_schedules_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_service_areas" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_service_areas" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "area_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    CONSTRAINT "FK_as_service_areas_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_as_service_areas_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_service_locations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_as_service_locations" PRIMARY KEY,
    "service_id" TEXT NOT NULL,
    "location_id" TEXT NOT NULL,
    "description" TEXT NULL,
    CONSTRAINT "FK_as_service_locations_as_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "as_locations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_as_service_locations_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE
);

CREATE TABLE "as_service_terms" (
    "service_id" TEXT NOT NULL,
    "term_id" TEXT NOT NULL,
    CONSTRAINT "PK_as_service_terms" PRIMARY KEY ("service_id", "term_id"),
    CONSTRAINT "FK_as_service_terms_as_services_service_id" FOREIGN KEY ("service_id") REFERENCES "as_services" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_as_service_terms_as_taxonomy_terms_term_id" FOREIGN KEY ("term_id") REFERENCES "as_taxonomy_terms" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_as_accessibility_location_id" ON "as_accessibility" ("location_id");

CREATE INDEX "IX_as_contacts_service_id" ON "as_contacts" ("service_id");

CREATE INDEX "IX_as_cost_options_service_id" ON "as_cost_options" ("service_id");

CREATE INDEX "IX_as_languages_code" ON "as_languages" ("code");

CREATE INDEX "IX_as_languages_service_id" ON "as_languages" ("service_id");

CREATE INDEX "IX_as_locations_area_id" ON "as_locations" ("area_id");

CREATE INDEX "IX_as_locations_latitude_longitude" ON "as_locations" ("latitude", "longitude");

CREATE INDEX "IX_as_locations_organisation_id" ON "as_locations" ("organisation_id");

CREATE INDEX "IX_as_organisations_maintainer_organisation_id" ON "as_organisations" ("maintainer_organisation_id");

CREATE INDEX "IX_as_organisations_name" ON "as_organisations" ("name");

CREATE INDEX "IX_as_phones_service_id" ON "as_phones" ("service_id");

CREATE INDEX "IX_as_problem_reports_service_id" ON "as_problem_reports" ("service_id");

CREATE INDEX "IX_as_problem_reports_state" ON "as_problem_reports" ("state");

CREATE INDEX "IX_as_proposals_area_id" ON "as_proposals" ("area_id");

CREATE INDEX "IX_as_proposals_service_id" ON "as_proposals" ("service_id");

CREATE INDEX "IX_as_proposals_state" ON "as_proposals" ("state");

CREATE INDEX "IX_as_proposals_term_id" ON "as_proposals" ("term_id");

CREATE UNIQUE INDEX "IX_as_revisions_service_id_version" ON "as_revisions" ("service_id", "version");

CREATE INDEX "IX_as_schedules_location_id" ON "as_schedules" ("location_id");

CREATE INDEX "IX_as_schedules_service_id" ON "as_schedules" ("service_id");

CREATE INDEX "IX_as_service_areas_area_id" ON "as_service_areas" ("area_id");

CREATE INDEX "IX_as_service_areas_service_id" ON "as_service_areas" ("service_id");

CREATE INDEX "IX_as_service_locations_location_id" ON "as_service_locations" ("location_id");

CREATE UNIQUE INDEX "IX_as_service_locations_service_id_location_id" ON "as_service_locations" ("service_id", "location_id");

CREATE INDEX "IX_as_service_terms_term_id" ON "as_service_terms" ("term_id");

CREATE INDEX "IX_as_services_maintainer_organisation_id" ON "as_services" ("maintainer_organisation_id");

CREATE INDEX "IX_as_services_organisation_id" ON "as_services" ("organisation_id");

CREATE INDEX "IX_as_services_publication_kind" ON "as_services" ("publication", "kind");

CREATE INDEX "IX_as_services_updated_at" ON "as_services" ("updated_at");

CREATE UNIQUE INDEX "IX_as_taxonomies_name" ON "as_taxonomies" ("name");

CREATE INDEX "IX_as_taxonomy_terms_parent_id" ON "as_taxonomy_terms" ("parent_id");

CREATE UNIQUE INDEX "IX_as_taxonomy_terms_taxonomy_id_code" ON "as_taxonomy_terms" ("taxonomy_id", "code");
