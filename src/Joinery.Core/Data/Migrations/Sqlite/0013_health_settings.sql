-- 0013: per-partnership thresholds for the health signals.

CREATE TABLE "health_settings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_health_settings" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "mission_acknowledged_percent" INTEGER NOT NULL,
    "mission_acknowledge_days" INTEGER NOT NULL,
    "disputed_term_days" INTEGER NOT NULL,
    "cadence_slack_percent" INTEGER NOT NULL,
    "attendance_percent" INTEGER NOT NULL,
    "recent_meetings" INTEGER NOT NULL,
    "sign_off_days" INTEGER NOT NULL,
    "face_to_face_days" INTEGER NOT NULL,
    "negative_unanswered_days" INTEGER NOT NULL,
    "silence_days" INTEGER NOT NULL,
    "missed_periods" INTEGER NOT NULL,
    "low_pulse_score_tenths" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_health_settings_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_health_settings_partnership_id" ON "health_settings" ("partnership_id");
