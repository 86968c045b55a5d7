-- 0017: Close: a transition plan per service (who continues care, how the people served are
-- told, who keeps which records) with the dates each was done; archiving a partnership.

ALTER TABLE partnerships ADD archived_at timestamp with time zone;
ALTER TABLE partnerships ADD archived_by_user_id uuid;
ALTER TABLE partnerships ADD CONSTRAINT fk_partnerships_users_archived_by_user_id FOREIGN KEY (archived_by_user_id) REFERENCES users (id) ON DELETE RESTRICT;
CREATE INDEX ix_partnerships_archived_by_user_id ON partnerships (archived_by_user_id);

CREATE TABLE service_transition (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    service_id uuid NOT NULL,
    continuing_organization_id uuid,
    continuing_provider character varying(200) NOT NULL,
    how_told character varying(1000) NOT NULL,
    records_kept_by_organization_id uuid NOT NULL,
    records character varying(1000) NOT NULL,
    people_served integer,
    owner_user_id uuid,
    due_on date,
    care_handed_over_on date,
    people_told_on date,
    records_settled_on date,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_service_transition PRIMARY KEY (id),
    CONSTRAINT fk_service_transition_organizations_continuing_organization_id FOREIGN KEY (continuing_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "fk_service_transition_organizations_records_kept_by_organizati~" FOREIGN KEY (records_kept_by_organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_service_transition_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_service_transition_service_service_id FOREIGN KEY (service_id) REFERENCES service (id),
    CONSTRAINT fk_service_transition_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX ix_service_transition_continuing_organization_id ON service_transition (continuing_organization_id);
CREATE INDEX ix_service_transition_owner_user_id ON service_transition (owner_user_id);
CREATE INDEX ix_service_transition_partnership_id ON service_transition (partnership_id);
CREATE INDEX ix_service_transition_records_kept_by_organization_id ON service_transition (records_kept_by_organization_id);
CREATE UNIQUE INDEX ix_service_transition_service_id ON service_transition (service_id);
