//! What `GET /associations` asks for ([`SearchQuery`]) and the database side of the
//! answer: the verified associations the search index found, loaded as summaries in the
//! index's order ([`hydrate`]). The search itself is `crate::search`.

use diesel::prelude::*;
use serde::Deserialize;

use crate::associations::model::{self, Association, Summary, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::associations;
use crate::error::AppError;

/// Query string of `GET /associations`.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    pub q: Option<String>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub category: Option<String>,
    pub sort: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// How `GET /associations` sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (the default with words).
    Relevance,
    /// By name (the default without words).
    Name,
}

impl SearchQuery {
    /// The sort asked for, or the default for whether the query has words; an unknown
    /// one is a `422` naming `sort`.
    pub fn sort(&self, has_words: bool) -> Result<Sort, AppError> {
        match self.sort.as_deref() {
            Some("relevance") if has_words => Ok(Sort::Relevance),
            Some("relevance" | "name") => Ok(Sort::Name),
            None if has_words => Ok(Sort::Relevance),
            None => Ok(Sort::Name),
            Some(_) => Err(AppError::field(
                "sort",
                "unknown_value",
                "Sort by relevance or name.",
            )),
        }
    }
}

/// The verified associations with these ids, as summaries, in this order; one the
/// database no longer lists is left out.
pub fn hydrate(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<Summary>, AppError> {
    // By primary key only, the status checked here (see `tasks::search::hydrate`).
    let mut rows: Vec<Association> = associations::table
        .filter(associations::id.eq_any(ids))
        .select(Association::as_select())
        .load(conn)?;
    rows.retain(|a| a.status == VERIFIED);
    rows.sort_by_key(|a| ids.iter().position(|id| *id == a.id));
    model::summaries(conn, rows)
}
