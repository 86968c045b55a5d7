-- 0004: step 1, the partnership's mission: versions, comments, endorsements, acknowledgements, communications.

CREATE TABLE "mission_communication" (
    "id" TEXT NOT NULL CONSTRAINT "pk_mission_communication" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_by_user_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_mission_communication_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_communication_users_recorded_by_user_id" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mission_version" (
    "id" TEXT NOT NULL CONSTRAINT "pk_mission_version" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "vision" TEXT NOT NULL,
    "mission" TEXT NOT NULL,
    "change_note" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    CONSTRAINT "fk_mission_version_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_version_users_author_user_id" FOREIGN KEY ("author_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mission_acknowledgement" (
    "id" TEXT NOT NULL CONSTRAINT "pk_mission_acknowledgement" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "acknowledged_at" TEXT NOT NULL,
    CONSTRAINT "fk_mission_acknowledgement_mission_version_version_id" FOREIGN KEY ("version_id") REFERENCES "mission_version" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_acknowledgement_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "mission_comment" (
    "id" TEXT NOT NULL CONSTRAINT "pk_mission_comment" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_mission_comment_mission_version_version_id" FOREIGN KEY ("version_id") REFERENCES "mission_version" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_comment_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mission_comment_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "mission_endorsement" (
    "id" TEXT NOT NULL CONSTRAINT "pk_mission_endorsement" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "endorsed_at" TEXT NOT NULL,
    "voided_at" TEXT NULL,
    CONSTRAINT "fk_mission_endorsement_mission_version_version_id" FOREIGN KEY ("version_id") REFERENCES "mission_version" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_mission_endorsement_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_mission_endorsement_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_mission_acknowledgement_partnership_id" ON "mission_acknowledgement" ("partnership_id");

CREATE INDEX "ix_mission_acknowledgement_user_id" ON "mission_acknowledgement" ("user_id");

CREATE UNIQUE INDEX "ix_mission_acknowledgement_version_id_user_id" ON "mission_acknowledgement" ("version_id", "user_id");

CREATE INDEX "ix_mission_comment_organization_id" ON "mission_comment" ("organization_id");

CREATE INDEX "ix_mission_comment_partnership_id" ON "mission_comment" ("partnership_id");

CREATE INDEX "ix_mission_comment_user_id" ON "mission_comment" ("user_id");

CREATE INDEX "ix_mission_comment_version_id" ON "mission_comment" ("version_id");

CREATE INDEX "ix_mission_communication_partnership_id" ON "mission_communication" ("partnership_id");

CREATE INDEX "ix_mission_communication_recorded_by_user_id" ON "mission_communication" ("recorded_by_user_id");

CREATE INDEX "ix_mission_endorsement_organization_id" ON "mission_endorsement" ("organization_id");

CREATE INDEX "ix_mission_endorsement_partnership_id" ON "mission_endorsement" ("partnership_id");

CREATE INDEX "ix_mission_endorsement_user_id" ON "mission_endorsement" ("user_id");

CREATE UNIQUE INDEX "ix_mission_endorsement_version_id_organization_id_user_id" ON "mission_endorsement" ("version_id", "organization_id", "user_id");

CREATE INDEX "ix_mission_version_author_user_id" ON "mission_version" ("author_user_id");

CREATE UNIQUE INDEX "ix_mission_version_partnership_id_number" ON "mission_version" ("partnership_id", "number");
