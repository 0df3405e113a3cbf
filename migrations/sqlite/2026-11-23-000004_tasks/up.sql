-- Volunteer tasks (vapaaehtoistehtävä) posted by associations.

CREATE TABLE tasks (
    id                    TEXT PRIMARY KEY NOT NULL,
    association_id        TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL,
    municipality_code     TEXT REFERENCES municipalities (code),
    address               TEXT,
    remote_online         BOOLEAN NOT NULL DEFAULT FALSE,
    remote_phone          BOOLEAN NOT NULL DEFAULT FALSE,
    schedule_type         TEXT NOT NULL CHECK (schedule_type IN ('fixed', 'flexible', 'ongoing')),
    starts_at             TIMESTAMP,
    ends_at               TIMESTAMP,
    estimated_hours       DOUBLE PRECISION,
    spots                 INTEGER,
    approval_mode         TEXT NOT NULL CHECK (approval_mode IN ('manual', 'automatic')),
    waitlist              BOOLEAN NOT NULL DEFAULT FALSE,
    min_age               INTEGER,
    max_age               INTEGER,
    languages             TEXT NOT NULL DEFAULT '[]',
    beginner_friendly     BOOLEAN NOT NULL DEFAULT FALSE,
    supported             BOOLEAN NOT NULL DEFAULT FALSE,
    criminal_record_check BOOLEAN NOT NULL DEFAULT FALSE,
    application_deadline  TIMESTAMP,
    contact_person        TEXT,
    -- Student placement (harjoittelupaikka) details as JSON {field_of_study, duration,
    -- credits}; NULL when the task is not offered as a placement.
    placement             TEXT,
    status                TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'cancelled')),
    search_document       TEXT NOT NULL DEFAULT '',
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    published_at          TIMESTAMP
);
CREATE INDEX tasks_association_idx ON tasks (association_id, status);
CREATE INDEX tasks_published_idx ON tasks (status, published_at);
CREATE INDEX tasks_starts_idx ON tasks (status, starts_at);
CREATE INDEX tasks_deadline_idx ON tasks (status, application_deadline);
CREATE INDEX tasks_municipality_idx ON tasks (municipality_code, status);

CREATE TABLE task_categories (
    task_id       TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    category_slug TEXT NOT NULL REFERENCES categories (slug),
    PRIMARY KEY (task_id, category_slug)
);
CREATE INDEX task_categories_category_idx ON task_categories (category_slug, task_id);

-- Full-text search over title, description and the association's name (kept in
-- search_document by the application), as for associations.
CREATE VIRTUAL TABLE tasks_fts USING fts5(
    title, search_document,
    content = 'tasks', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, title, search_document) VALUES (new.rowid, new.title, new.search_document);
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, search_document)
    VALUES ('delete', old.rowid, old.title, old.search_document);
END;
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, search_document ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, title, search_document)
    VALUES ('delete', old.rowid, old.title, old.search_document);
    INSERT INTO tasks_fts (rowid, title, search_document) VALUES (new.rowid, new.title, new.search_document);
END;
