-- Associations (yhdistys) and their public cards, members, invitations, services and claims.

CREATE TABLE associations (
    id                TEXT PRIMARY KEY NOT NULL,
    slug              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    register_number   TEXT UNIQUE,
    business_id       TEXT UNIQUE,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    field_of_activity TEXT REFERENCES categories (slug),
    status            TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'suspended')),
    summary           TEXT,
    description       TEXT,
    activities        TEXT,
    target_groups     TEXT,
    how_to_join       TEXT,
    membership_fee    TEXT,
    contact_person    TEXT,
    email             TEXT,
    phone             TEXT,
    website           TEXT,
    social_links      TEXT NOT NULL DEFAULT '[]',
    meeting_address   TEXT,
    languages         TEXT NOT NULL DEFAULT '[]',
    accessibility     TEXT,
    logo_url          TEXT,
    founding_year     INTEGER,
    search_document   TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    imported          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    verified_at       TIMESTAMP
);
CREATE INDEX associations_status_municipality_idx ON associations (status, municipality_code);
CREATE INDEX associations_field_idx ON associations (field_of_activity);
CREATE INDEX associations_name_idx ON associations (name);

CREATE TABLE association_members (
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (association_id, user_id)
);
CREATE INDEX association_members_user_idx ON association_members (user_id);

CREATE TABLE association_invitations (
    id             TEXT PRIMARY KEY NOT NULL,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    email          TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'editor')),
    invited_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     TIMESTAMP NOT NULL,
    UNIQUE (association_id, email)
);
CREATE INDEX association_invitations_email_idx ON association_invitations (email);

CREATE TABLE association_services (
    id             TEXT PRIMARY KEY NOT NULL,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    description    TEXT,
    target_group   TEXT,
    price          TEXT,
    how_to_get     TEXT,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX association_services_association_idx ON association_services (association_id);

CREATE TABLE association_claims (
    id             TEXT PRIMARY KEY NOT NULL,
    association_id TEXT NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
    user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    justification  TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at     TIMESTAMP,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX association_claims_status_idx ON association_claims (status, created_at);

-- Finnish-aware full-text search: the finnish snowball stemmer makes "nuorille" meet
-- "nuoret". The expression is repeated verbatim in the search query so the planner uses
-- this index.
CREATE INDEX associations_search_idx ON associations USING GIN ((
    setweight(to_tsvector('finnish', name), 'A') ||
    setweight(to_tsvector('finnish', search_document), 'B')
));
