-- 0002: invitations to join a partnership, and the record of phase changes with override reasons.

CREATE TABLE invitations (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    email character varying(254) NOT NULL,
    organization_id uuid NOT NULL,
    role character varying(40) NOT NULL,
    level character varying(40) NOT NULL,
    token_hash character varying(64) NOT NULL,
    invited_by_user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_invitations PRIMARY KEY (id),
    CONSTRAINT fk_invitations_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_invitations_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_invitations_users_invited_by_user_id FOREIGN KEY (invited_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE phase_changes (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    "from" character varying(40) NOT NULL,
    "to" character varying(40) NOT NULL,
    changed_by_user_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    unmet_criteria character varying(1000) NOT NULL,
    override_reason character varying(2000) NOT NULL,
    CONSTRAINT pk_phase_changes PRIMARY KEY (id),
    CONSTRAINT fk_phase_changes_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_phase_changes_users_changed_by_user_id FOREIGN KEY (changed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_invitations_invited_by_user_id ON invitations (invited_by_user_id);

CREATE INDEX ix_invitations_organization_id ON invitations (organization_id);

CREATE INDEX ix_invitations_partnership_id ON invitations (partnership_id);

CREATE UNIQUE INDEX ix_invitations_token_hash ON invitations (token_hash);

CREATE INDEX ix_phase_changes_changed_by_user_id ON phase_changes (changed_by_user_id);

CREATE INDEX ix_phase_changes_partnership_id ON phase_changes (partnership_id);
