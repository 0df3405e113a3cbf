//! Search: an embedded tantivy index of what is searchable, derived from the database and
//! kept current from the change feed (`crate::changes`). The database stays the truth:
//! the index can always be rebuilt from it (`talkoot reindex`), and every page of hits is
//! loaded from the database, which drops anything it no longer lists.
//!
//! This feature sits above tasks and associations (it reads them to build documents) and
//! below matching; the features below record their changes in the feed without knowing
//! about it.

pub mod associations;
pub mod count_cache;
pub mod documents;
pub mod facets;
pub mod finnish;
pub mod follower;
pub mod index;
pub mod match_columns;
pub mod order;
pub mod organisations;
pub mod ranking;
pub mod routes;
pub mod schema;
pub mod services;
pub mod single;
pub mod tasks;
pub mod text;

pub use index::SearchIndex;
