-- 0001: organizations, people (Identity), partnerships, members, tokens, settings, the audit chain.
-- Generated from the model with `joinery db script`, then kept as written.

CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "organization_id" TEXT NULL,
    "partnership_id" TEXT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

CREATE TABLE "audit_heads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_heads" PRIMARY KEY,
    "last_id" INTEGER NOT NULL,
    "last_hash" TEXT NOT NULL
);

CREATE TABLE "organizations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_organizations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mission" TEXT NOT NULL,
    "vision" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "partnerships" (
    "id" TEXT NOT NULL CONSTRAINT "pk_partnerships" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "site_settings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_site_settings" PRIMARY KEY,
    "require_mfa" INTEGER NOT NULL
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "is_site_admin" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_users_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "partner_organizations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_partner_organizations" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    CONSTRAINT "fk_partner_organizations_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_partner_organizations_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "memberships" (
    "id" TEXT NOT NULL CONSTRAINT "pk_memberships" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "is_champion" INTEGER NOT NULL,
    "champion_for" TEXT NOT NULL,
    "joined_at" TEXT NOT NULL,
    CONSTRAINT "fk_memberships_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_memberships_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "personal_access_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_personal_access_tokens" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "last_used_at" TEXT NULL,
    CONSTRAINT "fk_personal_access_tokens_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_audit_entries_partnership_id_id" ON "audit_entries" ("partnership_id", "id");

CREATE UNIQUE INDEX "ix_memberships_partnership_id_user_id" ON "memberships" ("partnership_id", "user_id");

CREATE INDEX "ix_memberships_user_id" ON "memberships" ("user_id");

CREATE UNIQUE INDEX "ix_organizations_name" ON "organizations" ("name");

CREATE INDEX "ix_partner_organizations_organization_id" ON "partner_organizations" ("organization_id");

CREATE UNIQUE INDEX "ix_partner_organizations_partnership_id_organization_id" ON "partner_organizations" ("partnership_id", "organization_id");

CREATE UNIQUE INDEX "ix_partnerships_name" ON "partnerships" ("name");

CREATE UNIQUE INDEX "ix_personal_access_tokens_token_hash" ON "personal_access_tokens" ("token_hash");

CREATE INDEX "ix_personal_access_tokens_user_id" ON "personal_access_tokens" ("user_id");

CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");

CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");

CREATE INDEX "email_index" ON "users" ("normalized_email");

CREATE INDEX "ix_users_organization_id" ON "users" ("organization_id");

CREATE UNIQUE INDEX "user_name_index" ON "users" ("normalized_user_name");

INSERT INTO audit_heads (id, last_id, last_hash) VALUES (1, 0, '');
