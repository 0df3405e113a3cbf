ALTER TABLE tasks ADD COLUMN search_document TEXT NOT NULL DEFAULT '';
UPDATE tasks SET search_document = concat_ws(E'\n', tasks.description,
    (SELECT name FROM associations WHERE associations.id = tasks.association_id));
CREATE INDEX tasks_search_idx ON tasks USING GIN ((
    setweight(to_tsvector('finnish', title), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));
DROP TABLE search_changes;
