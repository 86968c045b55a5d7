-- 0002: invitations to join a partnership, and the record of phase changes with override reasons.

CREATE TABLE "invitations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_invitations" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "accepted_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_invitations_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_invitations_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_invitations_users_invited_by_user_id" FOREIGN KEY ("invited_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "phase_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_phase_changes" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "changed_by_user_id" TEXT NOT NULL,
    "changed_at" TEXT NOT NULL,
    "unmet_criteria" TEXT NOT NULL,
    "override_reason" TEXT NOT NULL,
    CONSTRAINT "fk_phase_changes_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_phase_changes_users_changed_by_user_id" FOREIGN KEY ("changed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_invitations_invited_by_user_id" ON "invitations" ("invited_by_user_id");

CREATE INDEX "ix_invitations_organization_id" ON "invitations" ("organization_id");

CREATE INDEX "ix_invitations_partnership_id" ON "invitations" ("partnership_id");

CREATE UNIQUE INDEX "ix_invitations_token_hash" ON "invitations" ("token_hash");

CREATE INDEX "ix_phase_changes_changed_by_user_id" ON "phase_changes" ("changed_by_user_id");

CREATE INDEX "ix_phase_changes_partnership_id" ON "phase_changes" ("partnership_id");
