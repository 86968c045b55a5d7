-- 0003: the readiness and alignment check (rounds, responses, answers, comments) and the level of integration (finder results, agreed levels).

CREATE TABLE level_decision (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    current_level integer NOT NULL,
    target_level integer NOT NULL,
    note character varying(2000) NOT NULL,
    decided_by_user_id uuid NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_level_decision PRIMARY KEY (id),
    CONSTRAINT fk_level_decision_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_level_decision_users_decided_by_user_id FOREIGN KEY (decided_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE level_finding (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    answers character varying(400) NOT NULL,
    level integer NOT NULL,
    found_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_level_finding PRIMARY KEY (id),
    CONSTRAINT fk_level_finding_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_level_finding_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_level_finding_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE readiness_round (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    number integer NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    opened_by_user_id uuid NOT NULL,
    CONSTRAINT pk_readiness_round PRIMARY KEY (id),
    CONSTRAINT fk_readiness_round_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_readiness_round_users_opened_by_user_id FOREIGN KEY (opened_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE readiness_response (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    round_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_readiness_response PRIMARY KEY (id),
    CONSTRAINT fk_readiness_response_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_readiness_response_readiness_round_round_id FOREIGN KEY (round_id) REFERENCES readiness_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_readiness_response_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE readiness_answer (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    response_id uuid NOT NULL,
    item_code character varying(60) NOT NULL,
    score integer,
    CONSTRAINT pk_readiness_answer PRIMARY KEY (id),
    CONSTRAINT fk_readiness_answer_readiness_response_response_id FOREIGN KEY (response_id) REFERENCES readiness_response (id) ON DELETE CASCADE
);

CREATE TABLE readiness_comment (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    response_id uuid NOT NULL,
    factor_code character varying(60) NOT NULL,
    text character varying(2000) NOT NULL,
    CONSTRAINT pk_readiness_comment PRIMARY KEY (id),
    CONSTRAINT fk_readiness_comment_readiness_response_response_id FOREIGN KEY (response_id) REFERENCES readiness_response (id) ON DELETE CASCADE
);

CREATE INDEX ix_level_decision_decided_by_user_id ON level_decision (decided_by_user_id);

CREATE INDEX ix_level_decision_partnership_id ON level_decision (partnership_id);

CREATE INDEX ix_level_finding_organization_id ON level_finding (organization_id);

CREATE INDEX ix_level_finding_partnership_id ON level_finding (partnership_id);

CREATE INDEX ix_level_finding_user_id ON level_finding (user_id);

CREATE UNIQUE INDEX ix_readiness_answer_response_id_item_code ON readiness_answer (response_id, item_code);

CREATE UNIQUE INDEX ix_readiness_comment_response_id_factor_code ON readiness_comment (response_id, factor_code);

CREATE INDEX ix_readiness_response_organization_id ON readiness_response (organization_id);

CREATE INDEX ix_readiness_response_partnership_id ON readiness_response (partnership_id);

CREATE UNIQUE INDEX ix_readiness_response_round_id_user_id ON readiness_response (round_id, user_id);

CREATE INDEX ix_readiness_response_user_id ON readiness_response (user_id);

CREATE INDEX ix_readiness_round_opened_by_user_id ON readiness_round (opened_by_user_id);

CREATE UNIQUE INDEX ix_readiness_round_partnership_id_number ON readiness_round (partnership_id, number);
