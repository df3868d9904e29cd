-- 0010 Tensions (SQLite): incident and tension reports with their links and (apart, for the owner's leads only) their
-- reporters; weekly tension assessments per area with evidence and actions; media items; early-warning alerts (one
-- per episode of a count series); the in-app inbox; the monitoring leads of areas; and organisations' API keys (only
-- a hash of each secret). Strands and factors are bit flags in one integer (Tensions/Model/Enums.cs).
-- (0007 and 0009 are the asset directory's search index and Open Referral paging.)

CREATE TABLE "api_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" BLOB NOT NULL,
    "created_by_user_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "last_used_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "FK_api_keys_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_api_keys_users_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_assessments" PRIMARY KEY AUTOINCREMENT,
    "area_id" INTEGER NOT NULL,
    "week_start" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "factors" INTEGER NOT NULL,
    "groups_involved" TEXT NULL,
    "organisation_id" INTEGER NOT NULL,
    "assessed_by_user_id" INTEGER NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_tn_assessments_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_assessments_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_assessments_users_assessed_by_user_id" FOREIGN KEY ("assessed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_leads" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_leads" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "area_id" INTEGER NOT NULL,
    "email_alerts" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_tn_leads_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_tn_leads_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "tn_media_items" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_media_items" PRIMARY KEY AUTOINCREMENT,
    "owner_organisation_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "url" TEXT NULL,
    "tone" TEXT NOT NULL,
    "groups_mentioned" TEXT NULL,
    "area_id" INTEGER NULL,
    "created_by_user_id" INTEGER NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_tn_media_items_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_tn_media_items_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_media_items_users_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_reports" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tn_reports" PRIMARY KEY,
    "client_id" TEXT NULL,
    "owner_organisation_id" INTEGER NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "exact_location" TEXT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "type" TEXT NOT NULL,
    "strands" INTEGER NOT NULL,
    "factors" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "triage" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "people_affected" INTEGER NULL,
    "created_by_user_id" INTEGER NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_tn_reports_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_reports_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_reports_users_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_alerts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_alerts" PRIMARY KEY AUTOINCREMENT,
    "area_id" INTEGER NOT NULL,
    "series_key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "first_week" TEXT NOT NULL,
    "last_week" TEXT NOT NULL,
    "observed" INTEGER NOT NULL,
    "expected" REAL NULL,
    "upper" REAL NULL,
    "score" REAL NULL,
    "state" TEXT NOT NULL,
    "acknowledged_by_user_id" INTEGER NULL,
    "acknowledged_at" TEXT NULL,
    "assessment_id" INTEGER NULL,
    "outcome" TEXT NULL,
    "closed_by_user_id" INTEGER NULL,
    "closed_at" TEXT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_tn_alerts_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tn_alerts_tn_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "tn_assessments" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_tn_alerts_users_acknowledged_by_user_id" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_tn_alerts_users_closed_by_user_id" FOREIGN KEY ("closed_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_evidence" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_evidence" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "report_id" TEXT NULL,
    CONSTRAINT "FK_tn_evidence_tn_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "tn_assessments" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_tn_evidence_tn_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "tn_reports" ("id") ON DELETE SET NULL
);

CREATE TABLE "tn_report_links" (
    "report_id" TEXT NOT NULL,
    "linked_report_id" TEXT NOT NULL,
    CONSTRAINT "PK_tn_report_links" PRIMARY KEY ("report_id", "linked_report_id"),
    CONSTRAINT "FK_tn_report_links_tn_reports_linked_report_id" FOREIGN KEY ("linked_report_id") REFERENCES "tn_reports" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_tn_report_links_tn_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "tn_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "tn_reporters" (
    "report_id" TEXT NOT NULL CONSTRAINT "PK_tn_reporters" PRIMARY KEY,
    "name" TEXT NULL,
    "email" TEXT NULL,
    "phone" TEXT NULL,
    "may_contact" INTEGER NOT NULL,
    CONSTRAINT "FK_tn_reporters_tn_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "tn_reports" ("id") ON DELETE CASCADE
);

CREATE TABLE "inbox_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_inbox_messages" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NULL,
    "alert_id" INTEGER NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL,
    "emailed_at" TEXT NULL,
    CONSTRAINT "FK_inbox_messages_tn_alerts_alert_id" FOREIGN KEY ("alert_id") REFERENCES "tn_alerts" ("id") ON DELETE SET NULL,
    CONSTRAINT "FK_inbox_messages_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "tn_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_tn_actions" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NULL,
    "alert_id" INTEGER NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "owner_user_id" INTEGER NULL,
    "due_on" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "done_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_tn_actions_tn_alerts_alert_id" FOREIGN KEY ("alert_id") REFERENCES "tn_alerts" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_tn_actions_tn_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "tn_assessments" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_tn_actions_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE INDEX "IX_api_keys_created_by_user_id" ON "api_keys" ("created_by_user_id");

CREATE INDEX "IX_api_keys_organisation_id" ON "api_keys" ("organisation_id");

CREATE UNIQUE INDEX "IX_api_keys_prefix" ON "api_keys" ("prefix");

CREATE INDEX "IX_inbox_messages_alert_id" ON "inbox_messages" ("alert_id");

CREATE INDEX "IX_inbox_messages_user_id_read_at" ON "inbox_messages" ("user_id", "read_at");

CREATE INDEX "IX_tn_actions_alert_id" ON "tn_actions" ("alert_id");

CREATE INDEX "IX_tn_actions_assessment_id" ON "tn_actions" ("assessment_id");

CREATE INDEX "IX_tn_actions_owner_user_id" ON "tn_actions" ("owner_user_id");

CREATE INDEX "IX_tn_actions_state_due_on" ON "tn_actions" ("state", "due_on");

CREATE INDEX "IX_tn_alerts_acknowledged_by_user_id" ON "tn_alerts" ("acknowledged_by_user_id");

CREATE INDEX "IX_tn_alerts_area_id_state" ON "tn_alerts" ("area_id", "state");

CREATE INDEX "IX_tn_alerts_assessment_id" ON "tn_alerts" ("assessment_id");

CREATE INDEX "IX_tn_alerts_closed_by_user_id" ON "tn_alerts" ("closed_by_user_id");

CREATE INDEX "IX_tn_alerts_series_key_state" ON "tn_alerts" ("series_key", "state");

CREATE UNIQUE INDEX "IX_tn_assessments_area_id_week_start" ON "tn_assessments" ("area_id", "week_start");

CREATE INDEX "IX_tn_assessments_assessed_by_user_id" ON "tn_assessments" ("assessed_by_user_id");

CREATE INDEX "IX_tn_assessments_organisation_id" ON "tn_assessments" ("organisation_id");

CREATE INDEX "IX_tn_evidence_assessment_id" ON "tn_evidence" ("assessment_id");

CREATE INDEX "IX_tn_evidence_report_id" ON "tn_evidence" ("report_id");

CREATE INDEX "IX_tn_leads_area_id" ON "tn_leads" ("area_id");

CREATE UNIQUE INDEX "IX_tn_leads_user_id_area_id" ON "tn_leads" ("user_id", "area_id");

CREATE INDEX "IX_tn_media_items_area_id" ON "tn_media_items" ("area_id");

CREATE INDEX "IX_tn_media_items_created_by_user_id" ON "tn_media_items" ("created_by_user_id");

CREATE INDEX "IX_tn_media_items_owner_organisation_id" ON "tn_media_items" ("owner_organisation_id");

CREATE INDEX "IX_tn_media_items_published_on" ON "tn_media_items" ("published_on");

CREATE INDEX "IX_tn_report_links_linked_report_id" ON "tn_report_links" ("linked_report_id");

CREATE INDEX "IX_tn_reports_area_id" ON "tn_reports" ("area_id");

CREATE INDEX "IX_tn_reports_created_by_user_id" ON "tn_reports" ("created_by_user_id");

CREATE INDEX "IX_tn_reports_occurred_at_area_id_type" ON "tn_reports" ("occurred_at", "area_id", "type");

CREATE UNIQUE INDEX "IX_tn_reports_owner_organisation_id_client_id" ON "tn_reports" ("owner_organisation_id", "client_id");
