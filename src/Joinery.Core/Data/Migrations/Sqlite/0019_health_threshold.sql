-- 0019: health thresholds belong to the features that use them: one row per partnership and
-- threshold a steward has set (a feature's new threshold needs no column), instead of one wide row.

CREATE TABLE "health_threshold" (
    "id" TEXT NOT NULL CONSTRAINT "pk_health_threshold" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_health_threshold_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_health_threshold_partnership_id_name" ON "health_threshold" ("partnership_id", "name");

-- Every value a partnership saved moves over; a new id per threshold is the settings row's id with
-- its last two hex digits replaced by the threshold's number.
INSERT INTO "health_threshold" ("id", "partnership_id", "name", "value", "updated_at")
SELECT substr("id", 1, 34) || '01', "partnership_id", 'MissionAcknowledgedPercent', "mission_acknowledged_percent", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '02', "partnership_id", 'MissionAcknowledgeDays', "mission_acknowledge_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '03', "partnership_id", 'DisputedTermDays', "disputed_term_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '04', "partnership_id", 'CadenceSlackPercent', "cadence_slack_percent", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '05', "partnership_id", 'AttendancePercent', "attendance_percent", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '06', "partnership_id", 'RecentMeetings', "recent_meetings", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '07', "partnership_id", 'SignOffDays', "sign_off_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '08', "partnership_id", 'FaceToFaceDays', "face_to_face_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '09', "partnership_id", 'NegativeUnansweredDays', "negative_unanswered_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '0A', "partnership_id", 'SilenceDays', "silence_days", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '0B', "partnership_id", 'MissedPeriods', "missed_periods", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '0C', "partnership_id", 'LowPulseScoreTenths', "low_pulse_score_tenths", "updated_at" FROM "health_settings"
UNION ALL
SELECT substr("id", 1, 34) || '0D', "partnership_id", 'LaunchWarningDays', "launch_warning_days", "updated_at" FROM "health_settings";

DROP TABLE "health_settings";
