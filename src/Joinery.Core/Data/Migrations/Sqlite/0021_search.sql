-- 0021: search across a partnership (decision 0011). One full-text table holds a row per searchable
-- record (title, body, kind, id, partnership, date); triggers on each searched table keep it current,
-- and the rows that exist already are indexed below. Porter stemming, like PostgreSQL's english
-- configuration, so "meetings" finds "meeting" on both databases. Not part of EF's model: only
-- SearchPartnership reads it, with SQL of its own.

CREATE VIRTUAL TABLE "search_index" USING fts5(
    "title", "body",
    "kind" UNINDEXED, "record_id" UNINDEXED, "partnership_id" UNINDEXED, "on_date" UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- term: glossary_term
CREATE TRIGGER "search_index_glossary_term_insert" AFTER INSERT ON "glossary_term" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."term", new."definition" || char(10) || new."behavioral_health_usage" || char(10) || new."primary_care_usage", 'term', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_glossary_term_update" AFTER UPDATE ON "glossary_term" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'term' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."term", new."definition" || char(10) || new."behavioral_health_usage" || char(10) || new."primary_care_usage", 'term', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_glossary_term_delete" AFTER DELETE ON "glossary_term" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'term' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."term", t."definition" || char(10) || t."behavioral_health_usage" || char(10) || t."primary_care_usage", 'term', t."id", t."partnership_id", substr(t."updated_at", 1, 10) FROM "glossary_term" AS t;

-- meeting: meeting
CREATE TRIGGER "search_index_meeting_insert" AFTER INSERT ON "meeting" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."agenda" || char(10) || new."minutes" || char(10) || new."successes" || char(10) || new."disappointments", 'meeting', new."id", new."partnership_id", substr(new."date", 1, 10));
END;
CREATE TRIGGER "search_index_meeting_update" AFTER UPDATE ON "meeting" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'meeting' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."agenda" || char(10) || new."minutes" || char(10) || new."successes" || char(10) || new."disappointments", 'meeting', new."id", new."partnership_id", substr(new."date", 1, 10));
END;
CREATE TRIGGER "search_index_meeting_delete" AFTER DELETE ON "meeting" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'meeting' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."title", t."agenda" || char(10) || t."minutes" || char(10) || t."successes" || char(10) || t."disappointments", 'meeting', t."id", t."partnership_id", substr(t."date", 1, 10) FROM "meeting" AS t;

-- decision: decision
CREATE TRIGGER "search_index_decision_insert" AFTER INSERT ON "decision" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."problem" || char(10) || new."options" || char(10) || new."compromise" || char(10) || new."citation", 'decision', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_decision_update" AFTER UPDATE ON "decision" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'decision' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."problem" || char(10) || new."options" || char(10) || new."compromise" || char(10) || new."citation", 'decision', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_decision_delete" AFTER DELETE ON "decision" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'decision' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."title", t."problem" || char(10) || t."options" || char(10) || t."compromise" || char(10) || t."citation", 'decision', t."id", t."partnership_id", substr(t."updated_at", 1, 10) FROM "decision" AS t;

-- feedback: feedback_item
CREATE TRIGGER "search_index_feedback_item_insert" AFTER INSERT ON "feedback_item" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."body" || char(10) || new."answer", 'feedback', new."id", new."partnership_id", substr(new."posted_at", 1, 10));
END;
CREATE TRIGGER "search_index_feedback_item_update" AFTER UPDATE ON "feedback_item" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'feedback' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."body" || char(10) || new."answer", 'feedback', new."id", new."partnership_id", substr(new."posted_at", 1, 10));
END;
CREATE TRIGGER "search_index_feedback_item_delete" AFTER DELETE ON "feedback_item" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'feedback' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."title", t."body" || char(10) || t."answer", 'feedback', t."id", t."partnership_id", substr(t."posted_at", 1, 10) FROM "feedback_item" AS t;

-- measure: measure
CREATE TRIGGER "search_index_measure_insert" AFTER INSERT ON "measure" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."name", new."why_it_matters" || char(10) || new."numerator" || char(10) || new."denominator" || char(10) || new."data_source", 'measure', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_measure_update" AFTER UPDATE ON "measure" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'measure' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."name", new."why_it_matters" || char(10) || new."numerator" || char(10) || new."denominator" || char(10) || new."data_source", 'measure', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_measure_delete" AFTER DELETE ON "measure" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'measure' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."name", t."why_it_matters" || char(10) || t."numerator" || char(10) || t."denominator" || char(10) || t."data_source", 'measure', t."id", t."partnership_id", substr(t."updated_at", 1, 10) FROM "measure" AS t;

-- agreement: agreement
CREATE TRIGGER "search_index_agreement_insert" AFTER INSERT ON "agreement" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."notes", 'agreement', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_agreement_update" AFTER UPDATE ON "agreement" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'agreement' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", new."notes", 'agreement', new."id", new."partnership_id", substr(new."updated_at", 1, 10));
END;
CREATE TRIGGER "search_index_agreement_delete" AFTER DELETE ON "agreement" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'agreement' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."title", t."notes", 'agreement', t."id", t."partnership_id", substr(t."updated_at", 1, 10) FROM "agreement" AS t;

-- action-item: action_item
CREATE TRIGGER "search_index_action_item_insert" AFTER INSERT ON "action_item" BEGIN
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", '', 'action-item', new."id", new."partnership_id", substr(new."due_date", 1, 10));
END;
CREATE TRIGGER "search_index_action_item_update" AFTER UPDATE ON "action_item" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'action-item' AND "record_id" = old."id";
    INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
    VALUES (new."title", '', 'action-item', new."id", new."partnership_id", substr(new."due_date", 1, 10));
END;
CREATE TRIGGER "search_index_action_item_delete" AFTER DELETE ON "action_item" BEGIN
    DELETE FROM "search_index" WHERE "kind" = 'action-item' AND "record_id" = old."id";
END;
INSERT INTO "search_index" ("title", "body", "kind", "record_id", "partnership_id", "on_date")
SELECT t."title", '', 'action-item', t."id", t."partnership_id", substr(t."due_date", 1, 10) FROM "action_item" AS t;
