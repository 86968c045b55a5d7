-- 0010: step 6, trust: pulse survey rounds, participation (who answered, to stop a second answer) and
-- anonymous answers and comments that name no person and carry no time.

CREATE TABLE "pulse_round" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pulse_round" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "opened_at" TEXT NOT NULL,
    "opened_by_user_id" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    "closed_by_user_id" TEXT NULL,
    CONSTRAINT "fk_pulse_round_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_pulse_round_users_closed_by_user_id" FOREIGN KEY ("closed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pulse_round_users_opened_by_user_id" FOREIGN KEY ("opened_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "pulse_answer" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pulse_answer" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "organization_id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    CONSTRAINT "fk_pulse_answer_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_pulse_answer_pulse_round_round_id" FOREIGN KEY ("round_id") REFERENCES "pulse_round" ("id") ON DELETE CASCADE
);

CREATE TABLE "pulse_comment" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pulse_comment" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "fk_pulse_comment_pulse_round_round_id" FOREIGN KEY ("round_id") REFERENCES "pulse_round" ("id") ON DELETE CASCADE
);

CREATE TABLE "pulse_participation" (
    "id" TEXT NOT NULL CONSTRAINT "pk_pulse_participation" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "fk_pulse_participation_pulse_round_round_id" FOREIGN KEY ("round_id") REFERENCES "pulse_round" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_pulse_participation_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_pulse_answer_organization_id" ON "pulse_answer" ("organization_id");

CREATE INDEX "ix_pulse_answer_partnership_id" ON "pulse_answer" ("partnership_id");

CREATE INDEX "ix_pulse_answer_round_id" ON "pulse_answer" ("round_id");

CREATE INDEX "ix_pulse_comment_partnership_id" ON "pulse_comment" ("partnership_id");

CREATE INDEX "ix_pulse_comment_round_id" ON "pulse_comment" ("round_id");

CREATE INDEX "ix_pulse_participation_partnership_id" ON "pulse_participation" ("partnership_id");

CREATE UNIQUE INDEX "ix_pulse_participation_round_id_user_id" ON "pulse_participation" ("round_id", "user_id");

CREATE INDEX "ix_pulse_participation_user_id" ON "pulse_participation" ("user_id");

CREATE INDEX "ix_pulse_round_closed_by_user_id" ON "pulse_round" ("closed_by_user_id");

CREATE INDEX "ix_pulse_round_opened_by_user_id" ON "pulse_round" ("opened_by_user_id");

CREATE UNIQUE INDEX "ix_pulse_round_partnership_id_number" ON "pulse_round" ("partnership_id", "number");
