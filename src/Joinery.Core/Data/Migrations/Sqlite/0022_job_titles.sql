-- 0022: a person's job title ("care manager", "medical assistant"), shown beside their name; empty when not given.

ALTER TABLE "users" ADD COLUMN "job_title" TEXT NOT NULL DEFAULT '';
