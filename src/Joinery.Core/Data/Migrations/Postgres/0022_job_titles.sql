-- 0022: a person's job title ("care manager", "medical assistant"), shown beside their name; empty when not given.

ALTER TABLE users ADD job_title character varying(100) NOT NULL DEFAULT '';
