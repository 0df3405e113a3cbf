//! Listing and searching verified associations.
//!
//! Text search is backend-specific and sits in [`crate::db::fulltext`]: PostgreSQL's `finnish`
//! configuration stems inflected words ("nuorille" meets "nuoret"), SQLite's FTS5 matches
//! prefixes; both match every word of the query as a prefix. Everything else (filters,
//! counting, paging) is one diesel query for both.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Double, Text};
use serde::Deserialize;

use crate::api::paging::{Page, paging};
use crate::associations::model::{self, Association, Summary, VERIFIED};
use crate::db::fulltext::{self, text_sql};
use crate::db::schema::{associations, municipalities};
use crate::db::{DbConnection, MultiBackend};
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

/// Lists verified associations matching the query, sorted by relevance (with `q`) or name.
pub fn search(conn: &mut DbConnection, query: SearchQuery) -> Result<Page<Summary>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let words = query.q.as_deref().map(fulltext::words).unwrap_or_default();
    let sort = query.sort.as_deref().unwrap_or(if words.is_empty() {
        "name"
    } else {
        "relevance"
    });
    if !matches!(sort, "relevance" | "name") {
        return Err(AppError::field(
            "sort",
            "unknown_value",
            "Sort by relevance or name.",
        ));
    }
    let build = |conn: &DbConnection| {
        let mut q = associations::table
            .filter(associations::status.eq(VERIFIED))
            .into_boxed::<MultiBackend>();
        if let Some(code) = &query.municipality {
            q = q.filter(associations::municipality_code.eq(code.clone()));
        }
        if let Some(region) = &query.region {
            let in_region = municipalities::table
                .filter(municipalities::region_code.eq(region.clone()))
                .select(municipalities::code);
            q = q.filter(associations::municipality_code.eq_any(in_region));
        }
        if let Some(category) = &query.category {
            q = q.filter(associations::field_of_activity.eq(category.clone()));
        }
        if !words.is_empty() {
            let c = text_sql(conn, "associations", "name", &words).condition;
            q = q.filter(
                sql::<Bool>(&c.before)
                    .bind::<Text, _>(c.value)
                    .sql(&c.after),
            );
        }
        q
    };
    let total: i64 = build(conn).count().get_result(conn)?;
    let mut rows = build(conn);
    if sort == "relevance" && !words.is_empty() {
        let r = text_sql(conn, "associations", "name", &words).rank;
        rows = rows.order((
            sql::<Double>(&r.before)
                .bind::<Text, _>(r.value)
                .sql(&r.after)
                .desc(),
            associations::name.asc(),
        ));
    } else {
        rows = rows.order((associations::name.asc(), associations::id.asc()));
    }
    let rows: Vec<Association> = rows
        .select(Association::as_select())
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(conn)?;
    Ok(Page {
        items: model::summaries(conn, rows)?,
        total,
        page,
        per_page,
    })
}
