-- 0011: step 7, empowerment: the feedback forum (items, possibly anonymous, with their status history and "me too" support).

CREATE TABLE "feedback_item" (
    "id" TEXT NOT NULL CONSTRAINT "pk_feedback_item" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_user_id" TEXT NULL,
    "author_organization_id" TEXT NULL,
    "author_level" TEXT NULL,
    "status" TEXT NOT NULL,
    "status_changed_at" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "answered_by_user_id" TEXT NULL,
    "answered_at" TEXT NULL,
    "posted_at" TEXT NOT NULL,
    CONSTRAINT "fk_feedback_item_organizations_author_organization_id" FOREIGN KEY ("author_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_feedback_item_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_feedback_item_users_answered_by_user_id" FOREIGN KEY ("answered_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_feedback_item_users_author_user_id" FOREIGN KEY ("author_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "feedback_status_change" (
    "id" TEXT NOT NULL CONSTRAINT "pk_feedback_status_change" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by_user_id" TEXT NOT NULL,
    "changed_at" TEXT NOT NULL,
    CONSTRAINT "fk_feedback_status_change_feedback_item_item_id" FOREIGN KEY ("item_id") REFERENCES "feedback_item" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_feedback_status_change_users_changed_by_user_id" FOREIGN KEY ("changed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "feedback_support" (
    "id" TEXT NOT NULL CONSTRAINT "pk_feedback_support" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "supported_at" TEXT NOT NULL,
    CONSTRAINT "fk_feedback_support_feedback_item_item_id" FOREIGN KEY ("item_id") REFERENCES "feedback_item" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_feedback_support_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_feedback_item_answered_by_user_id" ON "feedback_item" ("answered_by_user_id");

CREATE INDEX "ix_feedback_item_author_organization_id" ON "feedback_item" ("author_organization_id");

CREATE INDEX "ix_feedback_item_author_user_id" ON "feedback_item" ("author_user_id");

CREATE INDEX "ix_feedback_item_partnership_id" ON "feedback_item" ("partnership_id");

CREATE INDEX "ix_feedback_status_change_changed_by_user_id" ON "feedback_status_change" ("changed_by_user_id");

CREATE INDEX "ix_feedback_status_change_item_id" ON "feedback_status_change" ("item_id");

CREATE INDEX "ix_feedback_status_change_partnership_id" ON "feedback_status_change" ("partnership_id");

CREATE UNIQUE INDEX "ix_feedback_support_item_id_user_id" ON "feedback_support" ("item_id", "user_id");

CREATE INDEX "ix_feedback_support_partnership_id" ON "feedback_support" ("partnership_id");

CREATE INDEX "ix_feedback_support_user_id" ON "feedback_support" ("user_id");
