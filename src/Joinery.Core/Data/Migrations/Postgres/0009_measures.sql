-- 0009: step 8, measured outcomes: measures with baselines, their monthly data, and improvement cycles.

CREATE TABLE measure (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    why_it_matters character varying(2000) NOT NULL,
    type character varying(40) NOT NULL,
    kind character varying(40) NOT NULL,
    unit character varying(40) NOT NULL,
    numerator character varying(500) NOT NULL,
    denominator character varying(500) NOT NULL,
    data_source character varying(500) NOT NULL,
    owner_user_id uuid,
    better_direction character varying(40) NOT NULL,
    target double precision,
    frequency character varying(40) NOT NULL,
    baseline_from date,
    baseline_to date,
    baseline_value double precision,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_measure PRIMARY KEY (id),
    CONSTRAINT fk_measure_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_measure_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE improvement_cycle (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    plan character varying(4000) NOT NULL,
    prediction character varying(4000) NOT NULL,
    "do" character varying(4000) NOT NULL,
    study character varying(4000) NOT NULL,
    act character varying(40),
    next_step character varying(4000) NOT NULL,
    started_on date NOT NULL,
    ended_on date,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_improvement_cycle PRIMARY KEY (id),
    CONSTRAINT fk_improvement_cycle_measure_measure_id FOREIGN KEY (measure_id) REFERENCES measure (id) ON DELETE CASCADE,
    CONSTRAINT fk_improvement_cycle_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE measure_point (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    period date NOT NULL,
    value double precision NOT NULL,
    numerator integer,
    denominator integer,
    astronomical boolean NOT NULL,
    note character varying(500) NOT NULL,
    recorded_by_user_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_measure_point PRIMARY KEY (id),
    CONSTRAINT fk_measure_point_measure_measure_id FOREIGN KEY (measure_id) REFERENCES measure (id) ON DELETE CASCADE,
    CONSTRAINT fk_measure_point_users_recorded_by_user_id FOREIGN KEY (recorded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_improvement_cycle_created_by_user_id ON improvement_cycle (created_by_user_id);

CREATE INDEX ix_improvement_cycle_measure_id ON improvement_cycle (measure_id);

CREATE INDEX ix_improvement_cycle_partnership_id ON improvement_cycle (partnership_id);

CREATE INDEX ix_measure_owner_user_id ON measure (owner_user_id);

CREATE INDEX ix_measure_partnership_id ON measure (partnership_id);

CREATE UNIQUE INDEX ix_measure_point_measure_id_period ON measure_point (measure_id, period);

CREATE INDEX ix_measure_point_partnership_id ON measure_point (partnership_id);

CREATE INDEX ix_measure_point_recorded_by_user_id ON measure_point (recorded_by_user_id);
