-- 0012: step 5, expectations: each partner's list (hidden until every partner submits), pairs across partners, agreed expectations linked to measures, and pilot reviews.

CREATE TABLE expectation_item (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    text character varying(1000) NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_expectation_item PRIMARY KEY (id),
    CONSTRAINT fk_expectation_item_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_expectation_item_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_expectation_item_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE expectation_submission (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    submitted_by_user_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_expectation_submission PRIMARY KEY (id),
    CONSTRAINT fk_expectation_submission_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_expectation_submission_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_expectation_submission_users_submitted_by_user_id FOREIGN KEY (submitted_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE pilot_review (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    pilot_from date NOT NULL,
    pilot_to date NOT NULL,
    held_on date,
    summary character varying(4000) NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_pilot_review PRIMARY KEY (id),
    CONSTRAINT fk_pilot_review_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_pilot_review_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE expectation_pair (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    first_item_id uuid NOT NULL,
    second_item_id uuid NOT NULL,
    relation character varying(40) NOT NULL,
    note character varying(1000) NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_expectation_pair PRIMARY KEY (id),
    CONSTRAINT fk_expectation_pair_expectation_item_first_item_id FOREIGN KEY (first_item_id) REFERENCES expectation_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_expectation_pair_expectation_item_second_item_id FOREIGN KEY (second_item_id) REFERENCES expectation_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_expectation_pair_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE agreed_expectation (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    statement character varying(1000) NOT NULL,
    owner_user_id uuid NOT NULL,
    measure_id uuid,
    reevaluate_on date,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agreed_expectation PRIMARY KEY (id),
    CONSTRAINT fk_agreed_expectation_measure_measure_id FOREIGN KEY (measure_id) REFERENCES measure (id) ON DELETE SET NULL,
    CONSTRAINT fk_agreed_expectation_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreed_expectation_users_created_by_user_id FOREIGN KEY (created_by_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agreed_expectation_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE agreed_source (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    agreed_expectation_id uuid NOT NULL,
    item_id uuid NOT NULL,
    CONSTRAINT pk_agreed_source PRIMARY KEY (id),
    CONSTRAINT fk_agreed_source_agreed_expectation_agreed_expectation_id FOREIGN KEY (agreed_expectation_id) REFERENCES agreed_expectation (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreed_source_expectation_item_item_id FOREIGN KEY (item_id) REFERENCES expectation_item (id) ON DELETE CASCADE
);

CREATE TABLE pilot_evaluation (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    review_id uuid NOT NULL,
    agreed_expectation_id uuid NOT NULL,
    result character varying(40) NOT NULL,
    response character varying(2000) NOT NULL,
    recorded_by_user_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_pilot_evaluation PRIMARY KEY (id),
    CONSTRAINT fk_pilot_evaluation_agreed_expectation_agreed_expectation_id FOREIGN KEY (agreed_expectation_id) REFERENCES agreed_expectation (id) ON DELETE CASCADE,
    CONSTRAINT fk_pilot_evaluation_pilot_review_review_id FOREIGN KEY (review_id) REFERENCES pilot_review (id) ON DELETE CASCADE,
    CONSTRAINT fk_pilot_evaluation_users_recorded_by_user_id FOREIGN KEY (recorded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_agreed_expectation_created_by_user_id ON agreed_expectation (created_by_user_id);

CREATE INDEX ix_agreed_expectation_measure_id ON agreed_expectation (measure_id);

CREATE INDEX ix_agreed_expectation_owner_user_id ON agreed_expectation (owner_user_id);

CREATE INDEX ix_agreed_expectation_partnership_id ON agreed_expectation (partnership_id);

CREATE UNIQUE INDEX ix_agreed_source_agreed_expectation_id_item_id ON agreed_source (agreed_expectation_id, item_id);

CREATE INDEX ix_agreed_source_item_id ON agreed_source (item_id);

CREATE INDEX ix_agreed_source_partnership_id ON agreed_source (partnership_id);

CREATE INDEX ix_expectation_item_created_by_user_id ON expectation_item (created_by_user_id);

CREATE INDEX ix_expectation_item_organization_id ON expectation_item (organization_id);

CREATE INDEX ix_expectation_item_partnership_id_organization_id ON expectation_item (partnership_id, organization_id);

CREATE INDEX ix_expectation_pair_created_by_user_id ON expectation_pair (created_by_user_id);

CREATE UNIQUE INDEX ix_expectation_pair_first_item_id_second_item_id ON expectation_pair (first_item_id, second_item_id);

CREATE INDEX ix_expectation_pair_partnership_id ON expectation_pair (partnership_id);

CREATE INDEX ix_expectation_pair_second_item_id ON expectation_pair (second_item_id);

CREATE INDEX ix_expectation_submission_organization_id ON expectation_submission (organization_id);

CREATE UNIQUE INDEX ix_expectation_submission_partnership_id_organization_id ON expectation_submission (partnership_id, organization_id);

CREATE INDEX ix_expectation_submission_submitted_by_user_id ON expectation_submission (submitted_by_user_id);

CREATE INDEX ix_pilot_evaluation_agreed_expectation_id ON pilot_evaluation (agreed_expectation_id);

CREATE INDEX ix_pilot_evaluation_partnership_id ON pilot_evaluation (partnership_id);

CREATE INDEX ix_pilot_evaluation_recorded_by_user_id ON pilot_evaluation (recorded_by_user_id);

CREATE UNIQUE INDEX ix_pilot_evaluation_review_id_agreed_expectation_id ON pilot_evaluation (review_id, agreed_expectation_id);

CREATE INDEX ix_pilot_review_created_by_user_id ON pilot_review (created_by_user_id);

CREATE INDEX ix_pilot_review_partnership_id ON pilot_review (partnership_id);
