-- 0011: step 7, empowerment: the feedback forum (items, possibly anonymous, with their status history and "me too" support).

CREATE TABLE feedback_item (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    body character varying(4000) NOT NULL,
    author_user_id uuid,
    author_organization_id uuid,
    author_level character varying(40),
    status character varying(40) NOT NULL,
    status_changed_at timestamp with time zone NOT NULL,
    answer character varying(4000) NOT NULL,
    answered_by_user_id uuid,
    answered_at timestamp with time zone,
    posted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feedback_item PRIMARY KEY (id),
    CONSTRAINT fk_feedback_item_organizations_author_organization_id FOREIGN KEY (author_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_feedback_item_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_item_users_answered_by_user_id FOREIGN KEY (answered_by_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_feedback_item_users_author_user_id FOREIGN KEY (author_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE feedback_status_change (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    item_id uuid NOT NULL,
    from_status character varying(40) NOT NULL,
    to_status character varying(40) NOT NULL,
    reason character varying(2000) NOT NULL,
    changed_by_user_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feedback_status_change PRIMARY KEY (id),
    CONSTRAINT fk_feedback_status_change_feedback_item_item_id FOREIGN KEY (item_id) REFERENCES feedback_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_status_change_users_changed_by_user_id FOREIGN KEY (changed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE feedback_support (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    item_id uuid NOT NULL,
    user_id uuid NOT NULL,
    supported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_feedback_support PRIMARY KEY (id),
    CONSTRAINT fk_feedback_support_feedback_item_item_id FOREIGN KEY (item_id) REFERENCES feedback_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_support_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_feedback_item_answered_by_user_id ON feedback_item (answered_by_user_id);

CREATE INDEX ix_feedback_item_author_organization_id ON feedback_item (author_organization_id);

CREATE INDEX ix_feedback_item_author_user_id ON feedback_item (author_user_id);

CREATE INDEX ix_feedback_item_partnership_id ON feedback_item (partnership_id);

CREATE INDEX ix_feedback_status_change_changed_by_user_id ON feedback_status_change (changed_by_user_id);

CREATE INDEX ix_feedback_status_change_item_id ON feedback_status_change (item_id);

CREATE INDEX ix_feedback_status_change_partnership_id ON feedback_status_change (partnership_id);

CREATE UNIQUE INDEX ix_feedback_support_item_id_user_id ON feedback_support (item_id, user_id);

CREATE INDEX ix_feedback_support_partnership_id ON feedback_support (partnership_id);

CREATE INDEX ix_feedback_support_user_id ON feedback_support (user_id);
