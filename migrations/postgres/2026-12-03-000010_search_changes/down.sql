-- The SQL full-text search as it was, with its text recomputed from the rows.
ALTER TABLE association_services ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE association_services
SET search_document = concat_ws(E'\n', association_services.description,
    association_services.target_group, association_services.how_to_get, associations.name)
FROM associations
WHERE associations.id = association_services.association_id;
CREATE INDEX association_services_search_idx ON association_services USING GIN ((
    setweight(to_tsvector('finnish', name), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));
CREATE INDEX association_services_target_group_idx ON association_services USING GIN ((
    to_tsvector('finnish', coalesce(target_group, ''))
));

ALTER TABLE associations ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE associations
SET search_document = concat_ws(E'\n', summary, description, activities, target_groups,
    how_to_join);
CREATE INDEX associations_search_idx ON associations USING GIN ((
    setweight(to_tsvector('finnish', name), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));

ALTER TABLE tasks ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE tasks SET search_document = concat_ws(E'\n', tasks.description,
    (SELECT name FROM associations WHERE associations.id = tasks.association_id));
CREATE INDEX tasks_search_idx ON tasks USING GIN ((
    setweight(to_tsvector('finnish', title), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));
DROP TABLE search_changes;
