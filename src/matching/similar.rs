//! `GET /tasks/{id}/similar`: a handful of open tasks like one task, for "if this one is
//! full, try these". Like is: the same categories, the same municipality or region, and
//! the words of the title (BM25 over the other tasks' titles and texts). Only tasks that
//! can still be joined (a free spot or a waitlist) are offered, never the task itself.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Searcher, Term};

use crate::db::DbConnection;
use crate::db::schema::{associations, municipalities, tasks};
use crate::error::{AppError, FieldError};
use crate::matching::recommend::{filter, ids_of, signal};
use crate::search::finnish;
use crate::search::index::{Kind, SearchIndex, search_error};
use crate::search::schema::{TaskFields, flag};
use crate::search::text::term;
use crate::tasks::model::{self, TaskView};
use crate::tasks::search::hydrate;

/// How much a shared category counts.
const CATEGORY: f32 = 3.0;
/// How much the same municipality counts.
const MUNICIPALITY: f32 = 2.0;
/// How much the same region counts (on top of the municipality).
const REGION: f32 = 1.0;
/// Words of the title used, at most.
const MAX_WORDS: usize = 8;
/// Tasks offered by default, and at most.
const DEFAULT_LIMIT: i64 = 5;
const MAX_LIMIT: i64 = 20;

/// The query string: `limit` (1–20, default 5).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarQuery {
    pub limit: Option<i64>,
}

/// The answer.
#[derive(Debug, Serialize)]
pub struct Similar {
    pub items: Vec<TaskView>,
}

/// The tasks like `task_id`: 404 unless that task is public (published by a verified
/// association; it may be over or full: that is when one looks for others).
pub fn similar(
    index: &SearchIndex,
    conn: &mut DbConnection,
    task_id: &str,
    query: &SimilarQuery,
    now: NaiveDateTime,
) -> Result<Similar, AppError> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::Validation(vec![FieldError::new(
            "limit",
            "out_of_range",
            format!("limit runs from 1 to {MAX_LIMIT}."),
        )]));
    }
    let row: Option<(model::Task, String, Option<String>)> = tasks::table
        .inner_join(associations::table)
        .left_join(
            municipalities::table.on(tasks::municipality_code.eq(municipalities::code.nullable())),
        )
        .filter(tasks::id.eq(task_id))
        .select((
            model::Task::as_select(),
            associations::status,
            municipalities::region_code.nullable(),
        ))
        .first(conn)
        .optional()?;
    let Some((task, association_status, region)) = row else {
        return Err(AppError::NotFound);
    };
    if !task.is_public(&association_status) {
        return Err(AppError::NotFound);
    }
    let categories: Vec<String> = model::categories_of(conn, &[task.id.as_str()])?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let (searcher, fields) = index.searcher(Kind::Listed);
    let f = fields.tasks;
    let like = like_query(&task, &categories, region.as_deref(), &f);
    let hits = ranked(&searcher, &*like, limit as usize)?;
    let ids = ids_of(&searcher, &f, &hits)?;
    Ok(Similar {
        items: hydrate(conn, &ids, false, now)?,
    })
}

fn like_query(
    task: &model::Task,
    categories: &[String],
    region: Option<&str>,
    f: &TaskFields,
) -> Box<dyn Query> {
    let mut like: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for category in categories {
        like.push(signal(term(f.category, category), CATEGORY));
    }
    if let Some(code) = &task.municipality_code {
        like.push(signal(term(f.municipality, code), MUNICIPALITY));
    }
    if let Some(region) = region {
        like.push(signal(term(f.region, region), REGION));
    }
    let mut words: Vec<String> = finnish::split_words(&task.title)
        .iter()
        .flat_map(|w| finnish::terms_of(w))
        .collect();
    words.sort();
    words.dedup();
    for word in words.into_iter().take(MAX_WORDS) {
        for field in [f.title, f.text] {
            like.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &word),
                    IndexRecordOption::WithFreqs,
                )),
            ));
        }
    }
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(like)) as Box<dyn Query>,
        ),
        filter(term(f.flags, flag::JOINABLE)),
        (Occur::MustNot, term(f.id, &task.id)),
    ]))
}

/// The best `limit` hits: highest score, then soonest start, then id.
fn ranked(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> Result<Vec<DocAddress>, AppError> {
    let collector = TopDocs::with_limit(limit).order_by((
        (SortBySimilarityScore, Order::Desc),
        (
            SortByStaticFastValue::<i64>::for_field("starts_sort"),
            Order::Asc,
        ),
        (
            SortByStaticFastValue::<u64>::for_field("tiebreak"),
            Order::Asc,
        ),
    ));
    Ok(searcher
        .search(query, &collector)
        .map_err(search_error)?
        .into_iter()
        .map(|(_, address)| address)
        .collect())
}
