-- 0013: per-partnership thresholds for the health signals.

CREATE TABLE health_settings (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    mission_acknowledged_percent integer NOT NULL,
    mission_acknowledge_days integer NOT NULL,
    disputed_term_days integer NOT NULL,
    cadence_slack_percent integer NOT NULL,
    attendance_percent integer NOT NULL,
    recent_meetings integer NOT NULL,
    sign_off_days integer NOT NULL,
    face_to_face_days integer NOT NULL,
    negative_unanswered_days integer NOT NULL,
    silence_days integer NOT NULL,
    missed_periods integer NOT NULL,
    low_pulse_score_tenths integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_health_settings PRIMARY KEY (id),
    CONSTRAINT fk_health_settings_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_health_settings_partnership_id ON health_settings (partnership_id);
