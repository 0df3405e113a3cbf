-- Searching services (GET /services): each service gets the text that search indexes
-- besides its name (description, target group, how to get it and the association's name,
-- kept by the application), and an FTS5 index over name and that text as for associations
-- and tasks. The target group is indexed as a column of its own too, so that the
-- `target_group` filter matches words of the target group only.

ALTER TABLE association_services ADD COLUMN search_document TEXT NOT NULL DEFAULT '';

-- The same text the application writes: the parts that are set, one per line.
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
-- Index the rows that existed before the triggers.
INSERT INTO association_services_fts (association_services_fts) VALUES ('rebuild');
