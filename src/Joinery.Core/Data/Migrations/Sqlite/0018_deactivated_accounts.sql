-- 0018: a site administrator can deactivate an account: no sign-in, no API token, no session.

ALTER TABLE "users" ADD COLUMN "deactivated_at" TEXT NULL;
