-- 0019: health thresholds belong to the features that use them: one row per partnership and
-- threshold a steward has set (a feature's new threshold needs no column), instead of one wide row.

CREATE TABLE health_threshold (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    name character varying(60) NOT NULL,
    value integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_health_threshold PRIMARY KEY (id),
    CONSTRAINT fk_health_threshold_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_health_threshold_partnership_id_name ON health_threshold (partnership_id, name);

-- Every value a partnership saved moves over.
INSERT INTO health_threshold (id, partnership_id, name, value, updated_at)
SELECT gen_random_uuid(), partnership_id, 'MissionAcknowledgedPercent', mission_acknowledged_percent, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'MissionAcknowledgeDays', mission_acknowledge_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'DisputedTermDays', disputed_term_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'CadenceSlackPercent', cadence_slack_percent, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'AttendancePercent', attendance_percent, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'RecentMeetings', recent_meetings, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'SignOffDays', sign_off_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'FaceToFaceDays', face_to_face_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'NegativeUnansweredDays', negative_unanswered_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'SilenceDays', silence_days, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'MissedPeriods', missed_periods, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'LowPulseScoreTenths', low_pulse_score_tenths, updated_at FROM health_settings
UNION ALL
SELECT gen_random_uuid(), partnership_id, 'LaunchWarningDays', launch_warning_days, updated_at FROM health_settings;

DROP TABLE health_settings;
