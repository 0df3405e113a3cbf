ALTER TABLE tasks ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE tasks SET search_document = tasks.description || char(10) ||
    (SELECT name FROM associations WHERE associations.id = tasks.association_id);
CREATE VIRTUAL TABLE tasks_fts USING fts5(
    title, search_document,
    content = 'tasks', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO tasks_fts (tasks_fts) VALUES ('rebuild');
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
DROP TABLE search_changes;
