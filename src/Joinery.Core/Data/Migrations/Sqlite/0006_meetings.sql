-- 0006: step 3, pacing: meeting series, meetings, attendance and action items.

CREATE TABLE "meeting_series" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting_series" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "first_date" TEXT NOT NULL,
    "start_time" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_meeting_series_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "meeting" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "series_id" TEXT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "agenda" TEXT NOT NULL,
    "minutes" TEXT NOT NULL,
    "successes" TEXT NOT NULL,
    "disappointments" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_meeting_meeting_series_series_id" FOREIGN KEY ("series_id") REFERENCES "meeting_series" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_meeting_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_item" (
    "id" TEXT NOT NULL CONSTRAINT "pk_action_item" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "meeting_id" TEXT NULL,
    "title" TEXT NOT NULL,
    "owner_user_id" TEXT NOT NULL,
    "due_date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "completed_at" TEXT NULL,
    CONSTRAINT "fk_action_item_meeting_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_action_item_partnerships_partnership_id" FOREIGN KEY ("partnership_id") REFERENCES "partnerships" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_item_users_owner_user_id" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "meeting_attendance" (
    "id" TEXT NOT NULL CONSTRAINT "pk_meeting_attendance" PRIMARY KEY,
    "partnership_id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "fk_meeting_attendance_meeting_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_meeting_attendance_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_action_item_meeting_id" ON "action_item" ("meeting_id");

CREATE INDEX "ix_action_item_owner_user_id" ON "action_item" ("owner_user_id");

CREATE INDEX "ix_action_item_partnership_id_due_date" ON "action_item" ("partnership_id", "due_date");

CREATE INDEX "ix_meeting_partnership_id_date" ON "meeting" ("partnership_id", "date");

CREATE INDEX "ix_meeting_series_id" ON "meeting" ("series_id");

CREATE UNIQUE INDEX "ix_meeting_attendance_meeting_id_user_id" ON "meeting_attendance" ("meeting_id", "user_id");

CREATE INDEX "ix_meeting_attendance_partnership_id" ON "meeting_attendance" ("partnership_id");

CREATE INDEX "ix_meeting_attendance_user_id" ON "meeting_attendance" ("user_id");

CREATE INDEX "ix_meeting_series_partnership_id" ON "meeting_series" ("partnership_id");
