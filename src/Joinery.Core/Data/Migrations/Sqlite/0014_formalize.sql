-- 0014: formalize: the service catalog (HRSA scope, Part 2, business-associate functions), cost items, and the agreements register with parties, signatories, required-element checks and attached documents.

CREATE TABLE "agreement" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agreement" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effective_on" TEXT NULL,
    "expires_on" TEXT NULL,
    "renewal_notice_on" TEXT NULL,
    "notice_days" INTEGER NULL,
    "notes" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_agreement_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "service" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "delivered_by_organization_id" TEXT NOT NULL,
    "billed_by_organization_id" TEXT NOT NULL,
    "site" TEXT NOT NULL,
    "payers" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "involves_part2" INTEGER NOT NULL,
    "associate_function" TEXT NOT NULL,
    "associate_organization_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_service_organizations_associate_organization_id" FOREIGN KEY ("associate_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_organizations_billed_by_organization_id" FOREIGN KEY ("billed_by_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_organizations_delivered_by_organization_id" FOREIGN KEY ("delivered_by_organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_service_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "cost_item" (
    "id" TEXT NOT NULL CONSTRAINT "pk_cost_item" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "from_month" TEXT NULL,
    "to_month" TEXT NULL,
    "recorded_by_user_id" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_cost_item_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_cost_item_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_cost_item_users_recorded_by_user_id" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "agreement_document" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agreement_document" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "agreement_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "uploaded_by_user_id" TEXT NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_agreement_document_agreement_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_agreement_document_users_uploaded_by_user_id" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "agreement_element_check" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agreement_element_check" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "agreement_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "reviewed_by_user_id" TEXT NOT NULL,
    "reviewed_at" TEXT NOT NULL,
    CONSTRAINT "fk_agreement_element_check_agreement_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_agreement_element_check_users_reviewed_by_user_id" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "agreement_party" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agreement_party" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "agreement_id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    CONSTRAINT "fk_agreement_party_agreement_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_agreement_party_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "agreement_signatory" (
    "id" TEXT NOT NULL CONSTRAINT "pk_agreement_signatory" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "agreement_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "signed_on" TEXT NULL,
    CONSTRAINT "fk_agreement_signatory_agreement_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_agreement_signatory_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_agreement_partnership_id" ON "agreement" ("partnership_id");

CREATE UNIQUE INDEX "ix_agreement_document_agreement_id" ON "agreement_document" ("agreement_id");

CREATE INDEX "ix_agreement_document_partnership_id" ON "agreement_document" ("partnership_id");

CREATE INDEX "ix_agreement_document_uploaded_by_user_id" ON "agreement_document" ("uploaded_by_user_id");

CREATE UNIQUE INDEX "ix_agreement_element_check_agreement_id_code" ON "agreement_element_check" ("agreement_id", "code");

CREATE INDEX "ix_agreement_element_check_partnership_id" ON "agreement_element_check" ("partnership_id");

CREATE INDEX "ix_agreement_element_check_reviewed_by_user_id" ON "agreement_element_check" ("reviewed_by_user_id");

CREATE UNIQUE INDEX "ix_agreement_party_agreement_id_organization_id" ON "agreement_party" ("agreement_id", "organization_id");

CREATE INDEX "ix_agreement_party_organization_id" ON "agreement_party" ("organization_id");

CREATE INDEX "ix_agreement_party_partnership_id" ON "agreement_party" ("partnership_id");

CREATE INDEX "ix_agreement_signatory_agreement_id" ON "agreement_signatory" ("agreement_id");

CREATE INDEX "ix_agreement_signatory_organization_id" ON "agreement_signatory" ("organization_id");

CREATE INDEX "ix_agreement_signatory_partnership_id" ON "agreement_signatory" ("partnership_id");

CREATE INDEX "ix_cost_item_organization_id" ON "cost_item" ("organization_id");

CREATE INDEX "ix_cost_item_partnership_id" ON "cost_item" ("partnership_id");

CREATE INDEX "ix_cost_item_recorded_by_user_id" ON "cost_item" ("recorded_by_user_id");

CREATE INDEX "ix_service_associate_organization_id" ON "service" ("associate_organization_id");

CREATE INDEX "ix_service_billed_by_organization_id" ON "service" ("billed_by_organization_id");

CREATE INDEX "ix_service_delivered_by_organization_id" ON "service" ("delivered_by_organization_id");

CREATE INDEX "ix_service_partnership_id" ON "service" ("partnership_id");
