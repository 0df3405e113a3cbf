-- The audit trail (issue 14): one row per administrative or membership action, written in
-- the action's transaction. Append-only: the triggers below refuse to change or delete a
-- row. actor_id and target_id have no foreign keys, on purpose: the trail outlives the
-- accounts and entities it names (see src/audit.rs).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    at          TIMESTAMP NOT NULL,
    actor_id    TEXT,
    action      TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    detail      TEXT NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_target_idx ON audit_log (target_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
