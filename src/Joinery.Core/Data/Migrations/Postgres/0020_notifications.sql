-- 0020: e-mail notifications: each person's choices (urgent items at once, a daily or weekly
-- digest, kinds they muted) and a record that an item was e-mailed (a hash, never its text).

CREATE TABLE notification_settings (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    immediate boolean NOT NULL,
    digest character varying(40) NOT NULL,
    muted character varying(1000) NOT NULL,
    unsubscribe_key character varying(48) NOT NULL,
    last_digest_at timestamp with time zone NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_notification_settings PRIMARY KEY (id),
    CONSTRAINT fk_notification_settings_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_notification_settings_user_id ON notification_settings (user_id);
CREATE UNIQUE INDEX ix_notification_settings_unsubscribe_key ON notification_settings (unsubscribe_key);

CREATE TABLE sent_notification (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    item_key character varying(64) NOT NULL,
    channel character varying(40) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sent_notification PRIMARY KEY (id),
    CONSTRAINT fk_sent_notification_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sent_notification_user_id_item_key ON sent_notification (user_id, item_key);
