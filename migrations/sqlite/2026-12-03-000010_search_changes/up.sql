-- The change feed of the search index (issue 12): every change that affects what a search
-- shows adds a row here in the same transaction, and each server instance applies the rows
-- past its position to its own index. A row names the entity to look at again, not what
-- changed: applying a row re-reads the entity, so applying one twice is harmless.
CREATE TABLE search_changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

-- Text search moves to the index: the FTS5 tables, their triggers and the text they
-- indexed go.
DROP TRIGGER tasks_fts_insert;
DROP TRIGGER tasks_fts_delete;
DROP TRIGGER tasks_fts_update;
DROP TABLE tasks_fts;
ALTER TABLE tasks DROP COLUMN search_document;
DROP TRIGGER associations_fts_insert;
DROP TRIGGER associations_fts_delete;
DROP TRIGGER associations_fts_update;
DROP TABLE associations_fts;
ALTER TABLE associations DROP COLUMN search_document;
DROP TRIGGER association_services_fts_insert;
DROP TRIGGER association_services_fts_delete;
DROP TRIGGER association_services_fts_update;
DROP TABLE association_services_fts;
ALTER TABLE association_services DROP COLUMN search_document;
