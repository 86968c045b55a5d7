-- 0006: step 3, pacing: meeting series, meetings, attendance and action items.

CREATE TABLE meeting_series (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    cadence character varying(40) NOT NULL,
    first_date date NOT NULL,
    start_time time without time zone NOT NULL,
    duration_minutes integer NOT NULL,
    format character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_meeting_series PRIMARY KEY (id),
    CONSTRAINT fk_meeting_series_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE meeting (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    series_id uuid,
    title character varying(200) NOT NULL,
    date date NOT NULL,
    format character varying(40) NOT NULL,
    agenda character varying(20000) NOT NULL,
    minutes character varying(20000) NOT NULL,
    successes character varying(4000) NOT NULL,
    disappointments character varying(4000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_meeting PRIMARY KEY (id),
    CONSTRAINT fk_meeting_meeting_series_series_id FOREIGN KEY (series_id) REFERENCES meeting_series (id) ON DELETE SET NULL,
    CONSTRAINT fk_meeting_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE action_item (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    meeting_id uuid,
    title character varying(300) NOT NULL,
    owner_user_id uuid NOT NULL,
    due_date date NOT NULL,
    status character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    CONSTRAINT pk_action_item PRIMARY KEY (id),
    CONSTRAINT fk_action_item_meeting_meeting_id FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE SET NULL,
    CONSTRAINT fk_action_item_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_action_item_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE meeting_attendance (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    user_id uuid NOT NULL,
    CONSTRAINT pk_meeting_attendance PRIMARY KEY (id),
    CONSTRAINT fk_meeting_attendance_meeting_meeting_id FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_attendance_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id);

CREATE INDEX ix_action_item_owner_user_id ON action_item (owner_user_id);

CREATE INDEX ix_action_item_partnership_id_due_date ON action_item (partnership_id, due_date);

CREATE INDEX ix_meeting_partnership_id_date ON meeting (partnership_id, date);

CREATE INDEX ix_meeting_series_id ON meeting (series_id);

CREATE UNIQUE INDEX ix_meeting_attendance_meeting_id_user_id ON meeting_attendance (meeting_id, user_id);

CREATE INDEX ix_meeting_attendance_partnership_id ON meeting_attendance (partnership_id);

CREATE INDEX ix_meeting_attendance_user_id ON meeting_attendance (user_id);

CREATE INDEX ix_meeting_series_partnership_id ON meeting_series (partnership_id);
