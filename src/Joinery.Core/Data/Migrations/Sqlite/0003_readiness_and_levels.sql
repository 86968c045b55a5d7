-- 0003: the readiness and alignment check (rounds, responses, answers, comments) and the level of integration (finder results, agreed levels).

CREATE TABLE "level_decision" (
    "id" TEXT NOT NULL CONSTRAINT "pk_level_decision" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "current_level" INTEGER NOT NULL,
    "target_level" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "decided_by_user_id" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_level_decision_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_level_decision_users_decided_by_user_id" FOREIGN KEY ("decided_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "level_finding" (
    "id" TEXT NOT NULL CONSTRAINT "pk_level_finding" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "found_at" TEXT NOT NULL,
    CONSTRAINT "fk_level_finding_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_level_finding_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_level_finding_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "readiness_round" (
    "id" TEXT NOT NULL CONSTRAINT "pk_readiness_round" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "opened_at" TEXT NOT NULL,
    "opened_by_user_id" TEXT NOT NULL,
    CONSTRAINT "fk_readiness_round_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_readiness_round_users_opened_by_user_id" FOREIGN KEY ("opened_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "readiness_response" (
    "id" TEXT NOT NULL CONSTRAINT "pk_readiness_response" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "submitted_at" TEXT NOT NULL,
    CONSTRAINT "fk_readiness_response_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_readiness_response_readiness_round_round_id" FOREIGN KEY ("round_id") REFERENCES "readiness_round" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_readiness_response_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "readiness_answer" (
    "id" TEXT NOT NULL CONSTRAINT "pk_readiness_answer" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "score" INTEGER NULL,
    CONSTRAINT "fk_readiness_answer_readiness_response_response_id" FOREIGN KEY ("response_id") REFERENCES "readiness_response" ("id") ON DELETE CASCADE
);

CREATE TABLE "readiness_comment" (
    "id" TEXT NOT NULL CONSTRAINT "pk_readiness_comment" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "response_id" TEXT NOT NULL,
    "factor_code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "fk_readiness_comment_readiness_response_response_id" FOREIGN KEY ("response_id") REFERENCES "readiness_response" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_level_decision_decided_by_user_id" ON "level_decision" ("decided_by_user_id");

CREATE INDEX "ix_level_decision_partnership_id" ON "level_decision" ("partnership_id");

CREATE INDEX "ix_level_finding_organization_id" ON "level_finding" ("organization_id");

CREATE INDEX "ix_level_finding_partnership_id" ON "level_finding" ("partnership_id");

CREATE INDEX "ix_level_finding_user_id" ON "level_finding" ("user_id");

CREATE UNIQUE INDEX "ix_readiness_answer_response_id_item_code" ON "readiness_answer" ("response_id", "item_code");

CREATE UNIQUE INDEX "ix_readiness_comment_response_id_factor_code" ON "readiness_comment" ("response_id", "factor_code");

CREATE INDEX "ix_readiness_response_organization_id" ON "readiness_response" ("organization_id");

CREATE INDEX "ix_readiness_response_partnership_id" ON "readiness_response" ("partnership_id");

CREATE UNIQUE INDEX "ix_readiness_response_round_id_user_id" ON "readiness_response" ("round_id", "user_id");

CREATE INDEX "ix_readiness_response_user_id" ON "readiness_response" ("user_id");

CREATE INDEX "ix_readiness_round_opened_by_user_id" ON "readiness_round" ("opened_by_user_id");

CREATE UNIQUE INDEX "ix_readiness_round_partnership_id_number" ON "readiness_round" ("partnership_id", "number");
