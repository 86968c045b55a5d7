-- 0021: search across a partnership (decision 0011). One table holds a row per searchable record
-- (title, body, kind, id, partnership, date) with a generated tsvector (title weighted above body)
-- under a GIN index; triggers on each searched table keep it current, and the rows that exist
-- already are indexed below. Not part of EF's model: only SearchPartnership reads it, with SQL of its own.

CREATE TABLE search_index (
    kind character varying(20) NOT NULL,
    record_id uuid NOT NULL,
    partnership_id uuid NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    on_date date NOT NULL,
    document tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')) STORED,
    CONSTRAINT pk_search_index PRIMARY KEY (kind, record_id),
    CONSTRAINT fk_search_index_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

CREATE INDEX ix_search_index_document ON search_index USING gin (document);

CREATE INDEX ix_search_index_partnership_id ON search_index (partnership_id);

-- term: glossary_term
CREATE FUNCTION search_index_glossary_term() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'term' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.term, NEW.definition || E'\n' || NEW.behavioral_health_usage || E'\n' || NEW.primary_care_usage, 'term', NEW.id, NEW.partnership_id, (NEW.updated_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON glossary_term FOR EACH ROW EXECUTE FUNCTION search_index_glossary_term();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.term, t.definition || E'\n' || t.behavioral_health_usage || E'\n' || t.primary_care_usage, 'term', t.id, t.partnership_id, (t.updated_at AT TIME ZONE 'UTC')::date FROM glossary_term AS t;

-- meeting: meeting
CREATE FUNCTION search_index_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'meeting' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.title, NEW.agenda || E'\n' || NEW.minutes || E'\n' || NEW.successes || E'\n' || NEW.disappointments, 'meeting', NEW.id, NEW.partnership_id, NEW.date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION search_index_meeting();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.title, t.agenda || E'\n' || t.minutes || E'\n' || t.successes || E'\n' || t.disappointments, 'meeting', t.id, t.partnership_id, t.date FROM meeting AS t;

-- decision: decision
CREATE FUNCTION search_index_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'decision' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.title, NEW.problem || E'\n' || NEW.options || E'\n' || NEW.compromise || E'\n' || NEW.citation, 'decision', NEW.id, NEW.partnership_id, (NEW.updated_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION search_index_decision();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.title, t.problem || E'\n' || t.options || E'\n' || t.compromise || E'\n' || t.citation, 'decision', t.id, t.partnership_id, (t.updated_at AT TIME ZONE 'UTC')::date FROM decision AS t;

-- feedback: feedback_item
CREATE FUNCTION search_index_feedback_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'feedback' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.title, NEW.body || E'\n' || NEW.answer, 'feedback', NEW.id, NEW.partnership_id, (NEW.posted_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON feedback_item FOR EACH ROW EXECUTE FUNCTION search_index_feedback_item();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.title, t.body || E'\n' || t.answer, 'feedback', t.id, t.partnership_id, (t.posted_at AT TIME ZONE 'UTC')::date FROM feedback_item AS t;

-- measure: measure
CREATE FUNCTION search_index_measure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'measure' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.name, NEW.why_it_matters || E'\n' || NEW.numerator || E'\n' || NEW.denominator || E'\n' || NEW.data_source, 'measure', NEW.id, NEW.partnership_id, (NEW.updated_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON measure FOR EACH ROW EXECUTE FUNCTION search_index_measure();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.name, t.why_it_matters || E'\n' || t.numerator || E'\n' || t.denominator || E'\n' || t.data_source, 'measure', t.id, t.partnership_id, (t.updated_at AT TIME ZONE 'UTC')::date FROM measure AS t;

-- agreement: agreement
CREATE FUNCTION search_index_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'agreement' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.title, NEW.notes, 'agreement', NEW.id, NEW.partnership_id, (NEW.updated_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON agreement FOR EACH ROW EXECUTE FUNCTION search_index_agreement();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.title, t.notes, 'agreement', t.id, t.partnership_id, (t.updated_at AT TIME ZONE 'UTC')::date FROM agreement AS t;

-- action-item: action_item
CREATE FUNCTION search_index_action_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE kind = 'action-item' AND record_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
        VALUES (NEW.title, '', 'action-item', NEW.id, NEW.partnership_id, NEW.due_date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_index AFTER INSERT OR UPDATE OR DELETE ON action_item FOR EACH ROW EXECUTE FUNCTION search_index_action_item();
INSERT INTO search_index (title, body, kind, record_id, partnership_id, on_date)
SELECT t.title, '', 'action-item', t.id, t.partnership_id, t.due_date FROM action_item AS t;
