-- 0005: step 2, the glossary: terms, their revisions (history) and discussion comments.

CREATE TABLE glossary_term (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    term character varying(120) NOT NULL,
    normalized_term character varying(120) NOT NULL,
    category character varying(40) NOT NULL,
    behavioral_health_usage character varying(2000) NOT NULL,
    primary_care_usage character varying(2000) NOT NULL,
    definition character varying(2000) NOT NULL,
    status character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    status_changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_glossary_term PRIMARY KEY (id),
    CONSTRAINT fk_glossary_term_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE glossary_comment (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    term_id uuid NOT NULL,
    user_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    text character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_glossary_comment PRIMARY KEY (id),
    CONSTRAINT fk_glossary_comment_glossary_term_term_id FOREIGN KEY (term_id) REFERENCES glossary_term (id) ON DELETE CASCADE,
    CONSTRAINT fk_glossary_comment_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_glossary_comment_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE glossary_revision (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    term_id uuid NOT NULL,
    term character varying(120) NOT NULL,
    category character varying(40) NOT NULL,
    behavioral_health_usage character varying(2000) NOT NULL,
    primary_care_usage character varying(2000) NOT NULL,
    definition character varying(2000) NOT NULL,
    status character varying(40) NOT NULL,
    changed_by_user_id uuid,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_glossary_revision PRIMARY KEY (id),
    CONSTRAINT fk_glossary_revision_glossary_term_term_id FOREIGN KEY (term_id) REFERENCES glossary_term (id) ON DELETE CASCADE,
    CONSTRAINT fk_glossary_revision_users_changed_by_user_id FOREIGN KEY (changed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_glossary_comment_organization_id ON glossary_comment (organization_id);

CREATE INDEX ix_glossary_comment_partnership_id ON glossary_comment (partnership_id);

CREATE INDEX ix_glossary_comment_term_id ON glossary_comment (term_id);

CREATE INDEX ix_glossary_comment_user_id ON glossary_comment (user_id);

CREATE INDEX ix_glossary_revision_changed_by_user_id ON glossary_revision (changed_by_user_id);

CREATE INDEX ix_glossary_revision_partnership_id ON glossary_revision (partnership_id);

CREATE INDEX ix_glossary_revision_term_id ON glossary_revision (term_id);

CREATE UNIQUE INDEX ix_glossary_term_partnership_id_normalized_term ON glossary_term (partnership_id, normalized_term);
