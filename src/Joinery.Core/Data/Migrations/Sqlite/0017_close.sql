-- 0017: Close: a transition plan per service (who continues care, how the people served are
-- told, who keeps which records) with the dates each was done; archiving a partnership.

ALTER TABLE "partnerships" ADD COLUMN "archived_at" TEXT NULL;
ALTER TABLE "partnerships" ADD COLUMN "archived_by_user_id" TEXT NULL CONSTRAINT "fk_partnerships_users_archived_by_user_id" REFERENCES "users" ("id") ON DELETE RESTRICT;
CREATE INDEX "ix_partnerships_archived_by_user_id" ON "partnerships" ("archived_by_user_id");

CREATE TABLE "service_transition" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service_transition" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "continuing_organization_id" TEXT NULL,
    "continuing_provider" TEXT NOT NULL,
    "how_told" TEXT NOT NULL,
    "records_kept_by_organization_id" TEXT NOT NULL,
    "records" TEXT NOT NULL,
    "people_served" INTEGER NULL,
    "owner_user_id" TEXT NULL,
    "due_on" TEXT NULL,
    "care_handed_over_on" TEXT NULL,
    "people_told_on" TEXT NULL,
    "records_settled_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_service_transition_organizations_continuing_organization_id" FOREIGN KEY ("continuing_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_transition_organizations_records_kept_by_organization_id" FOREIGN KEY ("records_kept_by_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_transition_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_service_transition_service_service_id" FOREIGN KEY ("service_id") REFERENCES "service" ("id"),
    CONSTRAINT "fk_service_transition_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE INDEX "ix_service_transition_continuing_organization_id" ON "service_transition" ("continuing_organization_id");
CREATE INDEX "ix_service_transition_owner_user_id" ON "service_transition" ("owner_user_id");
CREATE INDEX "ix_service_transition_partnership_id" ON "service_transition" ("partnership_id");
CREATE INDEX "ix_service_transition_records_kept_by_organization_id" ON "service_transition" ("records_kept_by_organization_id");
CREATE UNIQUE INDEX "ix_service_transition_service_id" ON "service_transition" ("service_id");
