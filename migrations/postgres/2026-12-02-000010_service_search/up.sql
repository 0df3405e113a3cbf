-- Searching services (GET /services): each service gets the text that search indexes
-- besides its name (description, target group, how to get it and the association's name,
-- kept by the application), and a Finnish-aware GIN index as for associations and tasks.

ALTER TABLE association_services ADD COLUMN search_document TEXT NOT NULL DEFAULT '';

-- The same text the application writes: the parts that are set, one per line.
UPDATE association_services
SET search_document = concat_ws(E'\n', association_services.description,
    association_services.target_group, association_services.how_to_get, associations.name)
FROM associations
WHERE associations.id = association_services.association_id;

-- Name (weight A) and search_document (B); the expression is repeated verbatim in the
-- search query (src/db/fulltext.rs) so the planner uses this index.
CREATE INDEX association_services_search_idx ON association_services USING GIN ((
    setweight(to_tsvector('finnish', name), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));
-- The `target_group` filter matches words of the target group only.
CREATE INDEX association_services_target_group_idx ON association_services USING GIN ((
    to_tsvector('finnish', coalesce(target_group, ''))
));
