-- 0014: formalize: the service catalog (HRSA scope, Part 2, business-associate functions), cost items, and the agreements register with parties, signatories, required-element checks and attached documents.

CREATE TABLE agreement (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    type character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    status character varying(40) NOT NULL,
    effective_on date,
    expires_on date,
    renewal_notice_on date,
    notice_days integer,
    notes character varying(4000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agreement PRIMARY KEY (id),
    CONSTRAINT fk_agreement_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE service (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000) NOT NULL,
    delivered_by_organization_id uuid NOT NULL,
    billed_by_organization_id uuid NOT NULL,
    site character varying(200) NOT NULL,
    payers character varying(200) NOT NULL,
    scope character varying(40) NOT NULL,
    involves_part2 boolean NOT NULL,
    associate_function character varying(40) NOT NULL,
    associate_organization_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_service PRIMARY KEY (id),
    CONSTRAINT fk_service_organizations_associate_organization_id FOREIGN KEY (associate_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_service_organizations_billed_by_organization_id FOREIGN KEY (billed_by_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_service_organizations_delivered_by_organization_id FOREIGN KEY (delivered_by_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_service_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE cost_item (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    category character varying(40) NOT NULL,
    description character varying(500) NOT NULL,
    organization_id uuid NOT NULL,
    amount numeric(14,2) NOT NULL,
    period character varying(40) NOT NULL,
    from_month date,
    to_month date,
    recorded_by_user_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_cost_item PRIMARY KEY (id),
    CONSTRAINT fk_cost_item_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_cost_item_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_cost_item_users_recorded_by_user_id FOREIGN KEY (recorded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_document (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    file_name character varying(120) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    content bytea NOT NULL,
    uploaded_by_user_id uuid NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agreement_document PRIMARY KEY (id),
    CONSTRAINT fk_agreement_document_agreement_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreement (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_document_users_uploaded_by_user_id FOREIGN KEY (uploaded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_element_check (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    done boolean NOT NULL,
    note character varying(1000) NOT NULL,
    reviewed_by_user_id uuid NOT NULL,
    reviewed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agreement_element_check PRIMARY KEY (id),
    CONSTRAINT fk_agreement_element_check_agreement_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreement (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_element_check_users_reviewed_by_user_id FOREIGN KEY (reviewed_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_party (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    CONSTRAINT pk_agreement_party PRIMARY KEY (id),
    CONSTRAINT fk_agreement_party_agreement_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreement (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_party_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE agreement_signatory (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    agreement_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    title character varying(200) NOT NULL,
    organization_id uuid NOT NULL,
    signed_on date,
    CONSTRAINT pk_agreement_signatory PRIMARY KEY (id),
    CONSTRAINT fk_agreement_signatory_agreement_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreement (id) ON DELETE CASCADE,
    CONSTRAINT fk_agreement_signatory_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE INDEX ix_agreement_partnership_id ON agreement (partnership_id);

CREATE UNIQUE INDEX ix_agreement_document_agreement_id ON agreement_document (agreement_id);

CREATE INDEX ix_agreement_document_partnership_id ON agreement_document (partnership_id);

CREATE INDEX ix_agreement_document_uploaded_by_user_id ON agreement_document (uploaded_by_user_id);

CREATE UNIQUE INDEX ix_agreement_element_check_agreement_id_code ON agreement_element_check (agreement_id, code);

CREATE INDEX ix_agreement_element_check_partnership_id ON agreement_element_check (partnership_id);

CREATE INDEX ix_agreement_element_check_reviewed_by_user_id ON agreement_element_check (reviewed_by_user_id);

CREATE UNIQUE INDEX ix_agreement_party_agreement_id_organization_id ON agreement_party (agreement_id, organization_id);

CREATE INDEX ix_agreement_party_organization_id ON agreement_party (organization_id);

CREATE INDEX ix_agreement_party_partnership_id ON agreement_party (partnership_id);

CREATE INDEX ix_agreement_signatory_agreement_id ON agreement_signatory (agreement_id);

CREATE INDEX ix_agreement_signatory_organization_id ON agreement_signatory (organization_id);

CREATE INDEX ix_agreement_signatory_partnership_id ON agreement_signatory (partnership_id);

CREATE INDEX ix_cost_item_organization_id ON cost_item (organization_id);

CREATE INDEX ix_cost_item_partnership_id ON cost_item (partnership_id);

CREATE INDEX ix_cost_item_recorded_by_user_id ON cost_item (recorded_by_user_id);

CREATE INDEX ix_service_associate_organization_id ON service (associate_organization_id);

CREATE INDEX ix_service_billed_by_organization_id ON service (billed_by_organization_id);

CREATE INDEX ix_service_delivered_by_organization_id ON service (delivered_by_organization_id);

CREATE INDEX ix_service_partnership_id ON service (partnership_id);
