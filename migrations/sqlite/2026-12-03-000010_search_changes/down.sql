-- The SQL full-text search as it was, with its text recomputed from the rows.
ALTER TABLE association_services ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE association_services
SET search_document =
    coalesce(description || char(10), '') ||
    coalesce(target_group || char(10), '') ||
    coalesce(how_to_get || char(10), '') ||
    (SELECT name FROM associations WHERE associations.id = association_services.association_id);
CREATE VIRTUAL TABLE association_services_fts USING fts5(
    name, search_document, target_group,
    content = 'association_services', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER association_services_fts_insert AFTER INSERT ON association_services BEGIN
    INSERT INTO association_services_fts (rowid, name, search_document, target_group)
    VALUES (new.rowid, new.name, new.search_document, new.target_group);
END;
CREATE TRIGGER association_services_fts_delete AFTER DELETE ON association_services BEGIN
    INSERT INTO association_services_fts (association_services_fts, rowid, name, search_document, target_group)
    VALUES ('delete', old.rowid, old.name, old.search_document, old.target_group);
END;
CREATE TRIGGER association_services_fts_update
AFTER UPDATE OF name, search_document, target_group ON association_services BEGIN
    INSERT INTO association_services_fts (association_services_fts, rowid, name, search_document, target_group)
    VALUES ('delete', old.rowid, old.name, old.search_document, old.target_group);
    INSERT INTO association_services_fts (rowid, name, search_document, target_group)
    VALUES (new.rowid, new.name, new.search_document, new.target_group);
END;
INSERT INTO association_services_fts (association_services_fts) VALUES ('rebuild');

ALTER TABLE associations ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE associations
SET search_document =
    coalesce(summary || char(10), '') || coalesce(description || char(10), '') ||
    coalesce(activities || char(10), '') || coalesce(target_groups || char(10), '') ||
    coalesce(how_to_join, '');
CREATE VIRTUAL TABLE associations_fts USING fts5(
    name, search_document,
    content = 'associations', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER associations_fts_insert AFTER INSERT ON associations BEGIN
    INSERT INTO associations_fts (rowid, name, search_document)
    VALUES (new.rowid, new.name, new.search_document);
END;
CREATE TRIGGER associations_fts_delete AFTER DELETE ON associations BEGIN
    INSERT INTO associations_fts (associations_fts, rowid, name, search_document)
    VALUES ('delete', old.rowid, old.name, old.search_document);
END;
CREATE TRIGGER associations_fts_update AFTER UPDATE OF name, search_document ON associations BEGIN
    INSERT INTO associations_fts (associations_fts, rowid, name, search_document)
    VALUES ('delete', old.rowid, old.name, old.search_document);
    INSERT INTO associations_fts (rowid, name, search_document)
    VALUES (new.rowid, new.name, new.search_document);
END;
INSERT INTO associations_fts (associations_fts) VALUES ('rebuild');

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
