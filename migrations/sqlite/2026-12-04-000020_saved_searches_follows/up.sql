-- Matching (issue 13): saved searches (a filter set of GET /tasks, a name, how to alert)
-- and follows of associations. Both go with their user; a follow goes with its association.
CREATE TABLE saved_searches (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    query      TEXT NOT NULL,
    alert      TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, created_at);
-- Every alerting search is checked against each newly listed task.
CREATE INDEX saved_searches_alert_idx ON saved_searches (alert);

CREATE TABLE association_follows (
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, association_id)
);
-- The followers of the association of a newly listed task.
CREATE INDEX association_follows_association_idx ON association_follows (association_id);
