-- 0020: e-mail notifications: each person's choices (urgent items at once, a daily or weekly
-- digest, kinds they muted) and a record that an item was e-mailed (a hash, never its text).

CREATE TABLE "notification_settings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notification_settings" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "immediate" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "muted" TEXT NOT NULL,
    "unsubscribe_key" TEXT NOT NULL,
    "last_digest_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_notification_settings_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_notification_settings_user_id" ON "notification_settings" ("user_id");
CREATE UNIQUE INDEX "ix_notification_settings_unsubscribe_key" ON "notification_settings" ("unsubscribe_key");

CREATE TABLE "sent_notification" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sent_notification" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    CONSTRAINT "fk_sent_notification_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_sent_notification_user_id_item_key" ON "sent_notification" ("user_id", "item_key");
