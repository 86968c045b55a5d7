-- 0009: step 8, measured outcomes: measures with baselines, their monthly data, and improvement cycles.

CREATE TABLE "measure" (
    "id" TEXT NOT NULL CONSTRAINT "pk_measure" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "why_it_matters" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "numerator" TEXT NOT NULL,
    "denominator" TEXT NOT NULL,
    "data_source" TEXT NOT NULL,
    "owner_user_id" TEXT NULL,
    "better_direction" TEXT NOT NULL,
    "target" REAL NULL,
    "frequency" TEXT NOT NULL,
    "baseline_from" TEXT NULL,
    "baseline_to" TEXT NULL,
    "baseline_value" REAL NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_measure_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_measure_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "improvement_cycle" (
    "id" TEXT NOT NULL CONSTRAINT "pk_improvement_cycle" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "measure_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "prediction" TEXT NOT NULL,
    "do" TEXT NOT NULL,
    "study" TEXT NOT NULL,
    "act" TEXT NULL,
    "next_step" TEXT NOT NULL,
    "started_on" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "created_by_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_improvement_cycle_measure_measure_id" FOREIGN KEY ("measure_id") REFERENCES "measure" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_improvement_cycle_users_created_by_user_id" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "measure_point" (
    "id" TEXT NOT NULL CONSTRAINT "pk_measure_point" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "measure_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "numerator" INTEGER NULL,
    "denominator" INTEGER NULL,
    "astronomical" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_by_user_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_measure_point_measure_measure_id" FOREIGN KEY ("measure_id") REFERENCES "measure" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_measure_point_users_recorded_by_user_id" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_improvement_cycle_created_by_user_id" ON "improvement_cycle" ("created_by_user_id");

CREATE INDEX "ix_improvement_cycle_measure_id" ON "improvement_cycle" ("measure_id");

CREATE INDEX "ix_improvement_cycle_partnership_id" ON "improvement_cycle" ("partnership_id");

CREATE INDEX "ix_measure_owner_user_id" ON "measure" ("owner_user_id");

CREATE INDEX "ix_measure_partnership_id" ON "measure" ("partnership_id");

CREATE UNIQUE INDEX "ix_measure_point_measure_id_period" ON "measure_point" ("measure_id", "period");

CREATE INDEX "ix_measure_point_partnership_id" ON "measure_point" ("partnership_id");

CREATE INDEX "ix_measure_point_recorded_by_user_id" ON "measure_point" ("recorded_by_user_id");
