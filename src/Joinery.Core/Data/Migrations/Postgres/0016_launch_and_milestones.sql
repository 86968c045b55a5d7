-- 0016: Prepare, Pilot and Operate: the launch plan (start date, pilot length), readiness checklist,
-- training roster, referral sources, go / no-go decisions, milestones and their celebrations;
-- a health threshold for the launch signals.

ALTER TABLE "health_settings" ADD COLUMN "launch_warning_days" integer NOT NULL DEFAULT 30;

CREATE TABLE launch_plan (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    start_date date,
    pilot_months integer NOT NULL,
    checklist_changed_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_launch_plan PRIMARY KEY (id),
    CONSTRAINT fk_launch_plan_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE checklist_item (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    area character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    owner_user_id uuid,
    due_on date,
    done_on date,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_checklist_item PRIMARY KEY (id),
    CONSTRAINT fk_checklist_item_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_checklist_item_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE training_record (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    member_user_id uuid,
    staff_name character varying(200) NOT NULL,
    course character varying(200) NOT NULL,
    due_on date,
    completed_on date,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_training_record PRIMARY KEY (id),
    CONSTRAINT fk_training_record_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_training_record_users_member_user_id FOREIGN KEY (member_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE referral_source (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(40) NOT NULL,
    channel character varying(40) NOT NULL,
    told_on date,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_referral_source PRIMARY KEY (id),
    CONSTRAINT fk_referral_source_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE go_decision (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    go boolean NOT NULL,
    note character varying(2000) NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_go_decision PRIMARY KEY (id),
    CONSTRAINT fk_go_decision_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_go_decision_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    CONSTRAINT fk_go_decision_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE milestone (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    planned_on date,
    achieved_on date,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_milestone PRIMARY KEY (id),
    CONSTRAINT fk_milestone_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE TABLE celebration (
    id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    milestone_id uuid NOT NULL,
    celebrated_on date NOT NULL,
    how character varying(2000) NOT NULL,
    thanked character varying(2000) NOT NULL,
    recorded_by_user_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_celebration PRIMARY KEY (id),
    CONSTRAINT fk_celebration_milestone_milestone_id FOREIGN KEY (milestone_id) REFERENCES milestone (id) ON DELETE CASCADE,
    CONSTRAINT fk_celebration_users_recorded_by_user_id FOREIGN KEY (recorded_by_user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_launch_plan_partnership_id ON launch_plan (partnership_id);

CREATE INDEX ix_checklist_item_owner_user_id ON checklist_item (owner_user_id);

CREATE INDEX ix_checklist_item_partnership_id ON checklist_item (partnership_id);

CREATE INDEX ix_training_record_member_user_id ON training_record (member_user_id);

CREATE INDEX ix_training_record_partnership_id ON training_record (partnership_id);

CREATE INDEX ix_referral_source_partnership_id ON referral_source (partnership_id);

CREATE INDEX ix_go_decision_organization_id ON go_decision (organization_id);

CREATE INDEX ix_go_decision_partnership_id_organization_id ON go_decision (partnership_id, organization_id);

CREATE INDEX ix_go_decision_user_id ON go_decision (user_id);

CREATE INDEX ix_milestone_partnership_id ON milestone (partnership_id);

CREATE INDEX ix_celebration_milestone_id ON celebration (milestone_id);

CREATE INDEX ix_celebration_partnership_id ON celebration (partnership_id);

CREATE INDEX ix_celebration_recorded_by_user_id ON celebration (recorded_by_user_id);
