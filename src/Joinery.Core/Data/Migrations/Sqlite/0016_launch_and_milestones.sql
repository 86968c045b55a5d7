-- 0016: Prepare, Pilot and Operate: the launch plan (start date, pilot length), readiness checklist,
-- training roster, referral sources, go / no-go decisions, milestones and their celebrations;
-- a health threshold for the launch signals.

ALTER TABLE "health_settings" ADD COLUMN "launch_warning_days" INTEGER NOT NULL DEFAULT 30;

CREATE TABLE "launch_plan" (
    "id" TEXT NOT NULL CONSTRAINT "pk_launch_plan" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "start_date" TEXT NULL,
    "pilot_months" INTEGER NOT NULL,
    "checklist_changed_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_launch_plan_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "checklist_item" (
    "id" TEXT NOT NULL CONSTRAINT "pk_checklist_item" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner_user_id" TEXT NULL,
    "due_on" TEXT NULL,
    "done_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_checklist_item_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_checklist_item_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "training_record" (
    "id" TEXT NOT NULL CONSTRAINT "pk_training_record" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "member_user_id" TEXT NULL,
    "staff_name" TEXT NOT NULL,
    "course" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "completed_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_training_record_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_training_record_users_member_user_id" FOREIGN KEY ("member_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "referral_source" (
    "id" TEXT NOT NULL CONSTRAINT "pk_referral_source" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "told_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_referral_source_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "go_decision" (
    "id" TEXT NOT NULL CONSTRAINT "pk_go_decision" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "go" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "fk_go_decision_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_go_decision_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_go_decision_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "milestone" (
    "id" TEXT NOT NULL CONSTRAINT "pk_milestone" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "planned_on" TEXT NULL,
    "achieved_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_milestone_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "celebration" (
    "id" TEXT NOT NULL CONSTRAINT "pk_celebration" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "milestone_id" TEXT NOT NULL,
    "celebrated_on" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "thanked" TEXT NOT NULL,
    "recorded_by_user_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_celebration_milestone_milestone_id" FOREIGN KEY ("milestone_id") REFERENCES "milestone" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_celebration_users_recorded_by_user_id" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_launch_plan_partnership_id" ON "launch_plan" ("partnership_id");

CREATE INDEX "ix_checklist_item_owner_user_id" ON "checklist_item" ("owner_user_id");

CREATE INDEX "ix_checklist_item_partnership_id" ON "checklist_item" ("partnership_id");

CREATE INDEX "ix_training_record_member_user_id" ON "training_record" ("member_user_id");

CREATE INDEX "ix_training_record_partnership_id" ON "training_record" ("partnership_id");

CREATE INDEX "ix_referral_source_partnership_id" ON "referral_source" ("partnership_id");

CREATE INDEX "ix_go_decision_organization_id" ON "go_decision" ("organization_id");

CREATE INDEX "ix_go_decision_partnership_id_organization_id" ON "go_decision" ("partnership_id", "organization_id");

CREATE INDEX "ix_go_decision_user_id" ON "go_decision" ("user_id");

CREATE INDEX "ix_milestone_partnership_id" ON "milestone" ("partnership_id");

CREATE INDEX "ix_celebration_milestone_id" ON "celebration" ("milestone_id");

CREATE INDEX "ix_celebration_partnership_id" ON "celebration" ("partnership_id");

CREATE INDEX "ix_celebration_recorded_by_user_id" ON "celebration" ("recorded_by_user_id");
