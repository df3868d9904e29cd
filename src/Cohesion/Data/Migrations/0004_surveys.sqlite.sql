-- 0004 Surveys (SQLite): surveys of a place over a period built from the item bank (standard items live in code and
-- are referred to by code) and local questions, the questions each asks in order, submitted or imported responses
-- (no identity: the day, the residence area picked, optional design weight/stratum/cluster from an import), one row
-- per answered item, drafts saved part-way through the online form (encrypted, found by a hash of the respondent's
-- code), and indicator targets set by organisations for an area.

CREATE TABLE "sv_surveys" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sv_surveys" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "residence_level" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "owner_organisation_id" INTEGER NOT NULL,
    "is_open" INTEGER NOT NULL,
    "is_published" INTEGER NOT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "weighting" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "FK_sv_surveys_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_sv_surveys_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "sv_targets" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sv_targets" PRIMARY KEY AUTOINCREMENT,
    "area_id" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "by_period" TEXT NOT NULL,
    "owner_organisation_id" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "FK_sv_targets_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_sv_targets_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "sv_drafts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sv_drafts" PRIMARY KEY AUTOINCREMENT,
    "survey_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "saved_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "FK_sv_drafts_sv_surveys_survey_id" FOREIGN KEY ("survey_id") REFERENCES "sv_surveys" ("id") ON DELETE CASCADE
);

CREATE TABLE "sv_local_items" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sv_local_items" PRIMARY KEY AUTOINCREMENT,
    "survey_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "hint" TEXT NULL,
    "kind" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    CONSTRAINT "FK_sv_local_items_sv_surveys_survey_id" FOREIGN KEY ("survey_id") REFERENCES "sv_surveys" ("id") ON DELETE CASCADE
);

CREATE TABLE "sv_questions" (
    "survey_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "PK_sv_questions" PRIMARY KEY ("survey_id", "item_code"),
    CONSTRAINT "FK_sv_questions_sv_surveys_survey_id" FOREIGN KEY ("survey_id") REFERENCES "sv_surveys" ("id") ON DELETE CASCADE
);

CREATE TABLE "sv_responses" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sv_responses" PRIMARY KEY AUTOINCREMENT,
    "survey_id" INTEGER NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receipt" TEXT NULL,
    "residence_area_id" INTEGER NULL,
    "design_weight" REAL NULL,
    "stratum" TEXT NULL,
    "cluster" TEXT NULL,
    CONSTRAINT "FK_sv_responses_areas_residence_area_id" FOREIGN KEY ("residence_area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_sv_responses_sv_surveys_survey_id" FOREIGN KEY ("survey_id") REFERENCES "sv_surveys" ("id") ON DELETE CASCADE
);

CREATE TABLE "sv_answers" (
    "response_id" INTEGER NOT NULL,
    "item_code" TEXT NOT NULL,
    "choice" TEXT NULL,
    "value" REAL NULL,
    CONSTRAINT "PK_sv_answers" PRIMARY KEY ("response_id", "item_code"),
    CONSTRAINT "FK_sv_answers_sv_responses_response_id" FOREIGN KEY ("response_id") REFERENCES "sv_responses" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_sv_drafts_code_hash" ON "sv_drafts" ("code_hash");

CREATE INDEX "IX_sv_drafts_expires_at" ON "sv_drafts" ("expires_at");

CREATE INDEX "IX_sv_drafts_survey_id" ON "sv_drafts" ("survey_id");

CREATE UNIQUE INDEX "IX_sv_local_items_survey_id_code" ON "sv_local_items" ("survey_id", "code");

CREATE UNIQUE INDEX "IX_sv_responses_receipt" ON "sv_responses" ("receipt");

CREATE INDEX "IX_sv_responses_residence_area_id" ON "sv_responses" ("residence_area_id");

CREATE INDEX "IX_sv_responses_survey_id" ON "sv_responses" ("survey_id");

CREATE INDEX "IX_sv_surveys_area_id" ON "sv_surveys" ("area_id");

CREATE UNIQUE INDEX "IX_sv_surveys_name" ON "sv_surveys" ("name");

CREATE INDEX "IX_sv_surveys_owner_organisation_id" ON "sv_surveys" ("owner_organisation_id");

CREATE INDEX "IX_sv_targets_area_id_indicator" ON "sv_targets" ("area_id", "indicator");

CREATE INDEX "IX_sv_targets_owner_organisation_id" ON "sv_targets" ("owner_organisation_id");
