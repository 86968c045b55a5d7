-- 0005: step 2, the glossary: terms, their revisions (history) and discussion comments.

CREATE TABLE "glossary_term" (
    "id" TEXT NOT NULL CONSTRAINT "pk_glossary_term" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "normalized_term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "behavioral_health_usage" TEXT NOT NULL,
    "primary_care_usage" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "status_changed_at" TEXT NOT NULL,
    CONSTRAINT "fk_glossary_term_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "glossary_comment" (
    "id" TEXT NOT NULL CONSTRAINT "pk_glossary_comment" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "term_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_glossary_comment_glossary_term_term_id" FOREIGN KEY ("term_id") REFERENCES "glossary_term" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_glossary_comment_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_glossary_comment_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "glossary_revision" (
    "id" TEXT NOT NULL CONSTRAINT "pk_glossary_revision" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "term_id" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "behavioral_health_usage" TEXT NOT NULL,
    "primary_care_usage" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "changed_by_user_id" TEXT NULL,
    "changed_at" TEXT NOT NULL,
    CONSTRAINT "fk_glossary_revision_glossary_term_term_id" FOREIGN KEY ("term_id") REFERENCES "glossary_term" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_glossary_revision_users_changed_by_user_id" FOREIGN KEY ("changed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_glossary_comment_organization_id" ON "glossary_comment" ("organization_id");

CREATE INDEX "ix_glossary_comment_partnership_id" ON "glossary_comment" ("partnership_id");

CREATE INDEX "ix_glossary_comment_term_id" ON "glossary_comment" ("term_id");

CREATE INDEX "ix_glossary_comment_user_id" ON "glossary_comment" ("user_id");

CREATE INDEX "ix_glossary_revision_changed_by_user_id" ON "glossary_revision" ("changed_by_user_id");

CREATE INDEX "ix_glossary_revision_partnership_id" ON "glossary_revision" ("partnership_id");

CREATE INDEX "ix_glossary_revision_term_id" ON "glossary_revision" ("term_id");

CREATE UNIQUE INDEX "ix_glossary_term_partnership_id_normalized_term" ON "glossary_term" ("partnership_id", "normalized_term");
