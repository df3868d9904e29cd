-- 0003 Place Standard (SQLite): engagements (an exercise assessing one area over one period, owned by an
-- organisation, open or closed to responses, published or not), assessments (individual or group, with optional
-- broad answers about the respondent and nothing that identifies them), a score per theme (no row when not
-- answered), comments per theme with their moderation state, and drafts saved part-way through the online form
-- (encrypted, found by a hash of the respondent's code, deleted on submission or expiry).

CREATE TABLE "ps_engagements" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_ps_engagements" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "area_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "owner_organisation_id" INTEGER NOT NULL,
    "is_open" INTEGER NOT NULL,
    "is_published" INTEGER NOT NULL,
    "is_synthetic" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    CONSTRAINT "FK_ps_engagements_areas_area_id" FOREIGN KEY ("area_id") REFERENCES "areas" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ps_engagements_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "ps_assessments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_ps_assessments" PRIMARY KEY AUTOINCREMENT,
    "engagement_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "group_label" TEXT NULL,
    "age_band" TEXT NULL,
    "sex" TEXT NULL,
    "ethnic_group" TEXT NULL,
    "disability" TEXT NULL,
    "submitted_on" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "receipt" TEXT NULL,
    CONSTRAINT "FK_ps_assessments_ps_engagements_engagement_id" FOREIGN KEY ("engagement_id") REFERENCES "ps_engagements" ("id") ON DELETE CASCADE
);

CREATE TABLE "ps_drafts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_ps_drafts" PRIMARY KEY AUTOINCREMENT,
    "engagement_id" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "saved_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "FK_ps_drafts_ps_engagements_engagement_id" FOREIGN KEY ("engagement_id") REFERENCES "ps_engagements" ("id") ON DELETE CASCADE
);

CREATE TABLE "ps_comments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_ps_comments" PRIMARY KEY AUTOINCREMENT,
    "assessment_id" INTEGER NOT NULL,
    "theme" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "flags" TEXT NOT NULL,
    "moderated_at" TEXT NULL,
    "moderated_by" TEXT NULL,
    CONSTRAINT "FK_ps_comments_ps_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "ps_assessments" ("id") ON DELETE CASCADE
);

CREATE TABLE "ps_scores" (
    "assessment_id" INTEGER NOT NULL,
    "theme" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    CONSTRAINT "PK_ps_scores" PRIMARY KEY ("assessment_id", "theme"),
    CONSTRAINT "FK_ps_scores_ps_assessments_assessment_id" FOREIGN KEY ("assessment_id") REFERENCES "ps_assessments" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_ps_assessments_engagement_id" ON "ps_assessments" ("engagement_id");

CREATE UNIQUE INDEX "IX_ps_assessments_receipt" ON "ps_assessments" ("receipt");

CREATE INDEX "IX_ps_comments_assessment_id_theme" ON "ps_comments" ("assessment_id", "theme");

CREATE UNIQUE INDEX "IX_ps_drafts_code_hash" ON "ps_drafts" ("code_hash");

CREATE INDEX "IX_ps_drafts_engagement_id" ON "ps_drafts" ("engagement_id");

CREATE INDEX "IX_ps_drafts_expires_at" ON "ps_drafts" ("expires_at");

CREATE INDEX "IX_ps_engagements_area_id" ON "ps_engagements" ("area_id");

CREATE UNIQUE INDEX "IX_ps_engagements_name" ON "ps_engagements" ("name");

CREATE INDEX "IX_ps_engagements_owner_organisation_id" ON "ps_engagements" ("owner_organisation_id");
