-- 0007: step 4, shared solutions: decisions with positions and sign-offs, and the contributions ledger.

CREATE TABLE "contribution" (
    "id" TEXT NOT NULL CONSTRAINT "pk_contribution" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "fte" TEXT NULL,
    "period_start" TEXT NULL,
    "period_end" TEXT NULL,
    "recorded_by_user_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_contribution_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_contribution_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_contribution_users_recorded_by_user_id" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "decision" (
    "id" TEXT NOT NULL CONSTRAINT "pk_decision" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "negotiability" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "compromise" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "meeting_id" TEXT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_decision_meeting_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_decision_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "decision_position" (
    "id" TEXT NOT NULL CONSTRAINT "pk_decision_position" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "updated_by_user_id" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_decision_position_decision_decision_id" FOREIGN KEY ("decision_id") REFERENCES "decision" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_decision_position_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_decision_position_users_updated_by_user_id" FOREIGN KEY ("updated_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "decision_sign_off" (
    "id" TEXT NOT NULL CONSTRAINT "pk_decision_sign_off" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "signed_at" TEXT NOT NULL,
    "voided_at" TEXT NULL,
    CONSTRAINT "fk_decision_sign_off_decision_decision_id" FOREIGN KEY ("decision_id") REFERENCES "decision" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_decision_sign_off_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_decision_sign_off_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_contribution_organization_id" ON "contribution" ("organization_id");

CREATE INDEX "ix_contribution_partnership_id" ON "contribution" ("partnership_id");

CREATE INDEX "ix_contribution_recorded_by_user_id" ON "contribution" ("recorded_by_user_id");

CREATE INDEX "ix_decision_meeting_id" ON "decision" ("meeting_id");

CREATE INDEX "ix_decision_partnership_id" ON "decision" ("partnership_id");

CREATE UNIQUE INDEX "ix_decision_position_decision_id_organization_id" ON "decision_position" ("decision_id", "organization_id");

CREATE INDEX "ix_decision_position_organization_id" ON "decision_position" ("organization_id");

CREATE INDEX "ix_decision_position_partnership_id" ON "decision_position" ("partnership_id");

CREATE INDEX "ix_decision_position_updated_by_user_id" ON "decision_position" ("updated_by_user_id");

CREATE INDEX "ix_decision_sign_off_decision_id" ON "decision_sign_off" ("decision_id");

CREATE INDEX "ix_decision_sign_off_organization_id" ON "decision_sign_off" ("organization_id");

CREATE INDEX "ix_decision_sign_off_partnership_id" ON "decision_sign_off" ("partnership_id");

CREATE INDEX "ix_decision_sign_off_user_id" ON "decision_sign_off" ("user_id");
