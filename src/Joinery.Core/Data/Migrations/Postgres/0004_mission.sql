-- 0004: step 1, the partnership's mission: versions, comments, endorsements, acknowledgements, communications.

CREATE TABLE mission_communication (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    channel character varying(40) NOT NULL,
    "on" date NOT NULL,
    audience character varying(500) NOT NULL,
    note character varying(500) NOT NULL,
    recorded_by_user_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_mission_communication PRIMARY KEY (id),
    CONSTRAINT fk_mission_communication_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_communication_users_recorded_by_user_id FOREIGN KEY (recorded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE mission_version (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    number integer NOT NULL,
    vision character varying(4000) NOT NULL,
    mission character varying(4000) NOT NULL,
    change_note character varying(500) NOT NULL,
    author_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    CONSTRAINT pk_mission_version PRIMARY KEY (id),
    CONSTRAINT fk_mission_version_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_version_users_author_user_id FOREIGN KEY (author_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE mission_acknowledgement (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    version_id uuid NOT NULL,
    user_id uuid NOT NULL,
    acknowledged_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_mission_acknowledgement PRIMARY KEY (id),
    CONSTRAINT fk_mission_acknowledgement_mission_version_version_id FOREIGN KEY (version_id) REFERENCES mission_version (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_acknowledgement_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE mission_comment (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    version_id uuid NOT NULL,
    user_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    level character varying(40) NOT NULL,
    text character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_mission_comment PRIMARY KEY (id),
    CONSTRAINT fk_mission_comment_mission_version_version_id FOREIGN KEY (version_id) REFERENCES mission_version (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_comment_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mission_comment_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE mission_endorsement (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    version_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    endorsed_at timestamp with time zone NOT NULL,
    voided_at timestamp with time zone,
    CONSTRAINT pk_mission_endorsement PRIMARY KEY (id),
    CONSTRAINT fk_mission_endorsement_mission_version_version_id FOREIGN KEY (version_id) REFERENCES mission_version (id) ON DELETE CASCADE,
    CONSTRAINT fk_mission_endorsement_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mission_endorsement_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_mission_acknowledgement_partnership_id ON mission_acknowledgement (partnership_id);

CREATE INDEX ix_mission_acknowledgement_user_id ON mission_acknowledgement (user_id);

CREATE UNIQUE INDEX ix_mission_acknowledgement_version_id_user_id ON mission_acknowledgement (version_id, user_id);

CREATE INDEX ix_mission_comment_organization_id ON mission_comment (organization_id);

CREATE INDEX ix_mission_comment_partnership_id ON mission_comment (partnership_id);

CREATE INDEX ix_mission_comment_user_id ON mission_comment (user_id);

CREATE INDEX ix_mission_comment_version_id ON mission_comment (version_id);

CREATE INDEX ix_mission_communication_partnership_id ON mission_communication (partnership_id);

CREATE INDEX ix_mission_communication_recorded_by_user_id ON mission_communication (recorded_by_user_id);

CREATE INDEX ix_mission_endorsement_organization_id ON mission_endorsement (organization_id);

CREATE INDEX ix_mission_endorsement_partnership_id ON mission_endorsement (partnership_id);

CREATE INDEX ix_mission_endorsement_user_id ON mission_endorsement (user_id);

CREATE UNIQUE INDEX ix_mission_endorsement_version_id_organization_id_user_id ON mission_endorsement (version_id, organization_id, user_id);

CREATE INDEX ix_mission_version_author_user_id ON mission_version (author_user_id);

CREATE UNIQUE INDEX ix_mission_version_partnership_id_number ON mission_version (partnership_id, number);
