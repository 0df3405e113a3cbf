-- The change feed of the search index (issue 12): every change that affects what a search
-- shows adds a row here in the same transaction, and each server instance applies the rows
-- past its position to its own index. A row names the entity to look at again, not what
-- changed: applying a row re-reads the entity, so applying one twice is harmless.
CREATE TABLE search_changes (
    seq        BIGSERIAL PRIMARY KEY,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);

-- Text search moves to the index: the GIN expression indexes and the text they were built
-- on go.
DROP INDEX tasks_search_idx;
ALTER TABLE tasks DROP COLUMN search_document;
DROP INDEX associations_search_idx;
ALTER TABLE associations DROP COLUMN search_document;
DROP INDEX association_services_search_idx;
DROP INDEX association_services_target_group_idx;
ALTER TABLE association_services DROP COLUMN search_document;
