//! What `GET /tasks` asks for ([`TaskQuery`], parsed and checked here, where the task's
//! fields are known) and the database side of the answer: the page of ids that the search
//! index found, loaded as views ([`hydrate`]). The search itself is `crate::search`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::api::query::boolean as bool_param;
use crate::db::DbConnection;
use crate::db::schema::{associations, tasks};
use crate::error::{AppError, FieldError};
use crate::tasks::model::{self, Task, TaskAssociation, TaskView};
use crate::tasks::status::TaskStatus;

/// The parsed query string (`category` may repeat).
#[derive(Debug, Default)]
pub struct TaskQuery {
    pub q: Option<String>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub categories: Vec<String>,
    pub schedule_type: Option<String>,
    pub remote: Option<bool>,
    pub age: Option<i32>,
    pub starts_after: Option<chrono::NaiveDateTime>,
    pub starts_before: Option<chrono::NaiveDateTime>,
    pub has_spots: Option<bool>,
    pub beginner_friendly: Option<bool>,
    pub supported: Option<bool>,
    pub language: Option<String>,
    pub placement: Option<bool>,
    pub include_past: bool,
    pub sort: Option<String>,
    pub facets: bool,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
    /// A cursor from a previous page's `next_after`: the page after that one (`page` is
    /// then ignored).
    pub after: Option<String>,
}

/// A date-time bound: RFC 3339, or a plain date meaning its midnight (UTC).
fn time_param(
    field: &str,
    value: &str,
    errors: &mut Vec<FieldError>,
) -> Option<chrono::NaiveDateTime> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Some(t.with_timezone(&Utc).naive_utc());
    }
    if let Some(d) = crate::api::date::parse_strict(value) {
        return d.and_hms_opt(0, 0, 0);
    }
    errors.push(FieldError::new(
        field,
        "invalid",
        "Use a date (2026-06-01) or an RFC 3339 time.",
    ));
    None
}

impl TaskQuery {
    /// Parses a raw query string; every bad parameter is reported by name.
    pub fn parse(query: &str) -> Result<Self, AppError> {
        let mut q = Self::default();
        let mut errors = Vec::new();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "q" => q.q = Some(value),
                "municipality" => q.municipality = Some(value),
                "region" => q.region = Some(value),
                "category" => q.categories.push(value),
                "schedule_type" => q.schedule_type = Some(value),
                "remote" => q.remote = bool_param("remote", &value, &mut errors),
                "age" => match value.parse::<i32>() {
                    Ok(age) if (0..=150).contains(&age) => q.age = Some(age),
                    _ => errors.push(FieldError::new(
                        "age",
                        "invalid",
                        "Give the age in whole years.",
                    )),
                },
                "starts_after" => q.starts_after = time_param("starts_after", &value, &mut errors),
                "starts_before" => {
                    q.starts_before = time_param("starts_before", &value, &mut errors)
                }
                "has_spots" => q.has_spots = bool_param("has_spots", &value, &mut errors),
                "beginner_friendly" => {
                    q.beginner_friendly = bool_param("beginner_friendly", &value, &mut errors)
                }
                "supported" => q.supported = bool_param("supported", &value, &mut errors),
                "language" => q.language = Some(value),
                "placement" => q.placement = bool_param("placement", &value, &mut errors),
                "include_past" => {
                    q.include_past =
                        bool_param("include_past", &value, &mut errors).unwrap_or(false)
                }
                "facets" => q.facets = bool_param("facets", &value, &mut errors).unwrap_or(false),
                "sort" => q.sort = Some(value),
                "after" => q.after = Some(value),
                "page" => match value.parse() {
                    Ok(p) => q.page = Some(p),
                    Err(_) => {
                        errors.push(FieldError::new("page", "invalid", "Give a page number."))
                    }
                },
                "per_page" => match value.parse() {
                    Ok(p) => q.per_page = Some(p),
                    Err(_) => errors.push(FieldError::new("per_page", "invalid", "Give a number.")),
                },
                other => errors.push(FieldError::new(
                    other,
                    "unknown_parameter",
                    "This filter does not exist.",
                )),
            }
        }
        if let Some(s) = &q.schedule_type
            && !["fixed", "flexible", "ongoing"].contains(&s.as_str())
        {
            errors.push(FieldError::new(
                "schedule_type",
                "unknown_value",
                "fixed, flexible or ongoing.",
            ));
        }
        if let Some(s) = &q.sort
            && !["relevance", "newest", "starts_at", "deadline"].contains(&s.as_str())
        {
            errors.push(FieldError::new(
                "sort",
                "unknown_value",
                "relevance, newest, starts_at or deadline.",
            ));
        }
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(AppError::Validation(errors))
        }
    }

    /// What decides the matches (everything but the paging and the order), as a key for
    /// their count: two queries with the same key match the same tasks.
    pub fn matching_key(&self) -> String {
        let mut categories = self.categories.clone();
        categories.sort();
        categories.dedup();
        format!(
            "{:?}",
            (
                &self.q,
                &self.municipality,
                &self.region,
                categories,
                &self.schedule_type,
                self.remote,
                self.age,
                self.starts_after,
                self.starts_before,
                (
                    self.has_spots,
                    self.beginner_friendly,
                    self.supported,
                    &self.language,
                    self.placement,
                    self.include_past,
                ),
            )
        )
    }
}

/// The tasks with these ids, in this order, that are (still) listed at `now` — or, with
/// `include_past`, published by a verified association at all. A search hit that the
/// database no longer lists is dropped here rather than shown.
pub fn hydrate(
    conn: &mut DbConnection,
    ids: &[String],
    include_past: bool,
    now: NaiveDateTime,
) -> Result<Vec<TaskView>, AppError> {
    // Looked up by primary key only, and the listing checked here: a plan that cannot go
    // wrong whatever the table statistics say (a status condition once made PostgreSQL
    // scan every published task's index entry for a page of twenty).
    let rows: Vec<(Task, String, String, String)> = tasks::table
        .inner_join(associations::table)
        .filter(tasks::id.eq_any(ids))
        .select((
            Task::as_select(),
            associations::status,
            associations::name,
            associations::slug,
        ))
        .load(conn)?;
    let mut rows: Vec<(Task, TaskAssociation)> = rows
        .into_iter()
        .filter(|(task, association, ..)| {
            task.is_public(association) && (include_past || listed_at(task, now))
        })
        .map(|(task, _, name, slug)| {
            let association = TaskAssociation {
                id: task.association_id.clone(),
                name,
                slug,
            };
            (task, association)
        })
        .collect();
    rows.sort_by_key(|(t, _)| ids.iter().position(|id| *id == t.id));
    model::views_of(conn, rows)
}

/// Whether a published task is still open to join at `now`: not ended, deadline not passed.
pub fn listed_at(task: &Task, now: NaiveDateTime) -> bool {
    task.ends_at.is_none_or(|e| e >= now) && task.application_deadline.is_none_or(|d| d >= now)
}

/// Open tasks of one association (published, not ended, deadline not passed: the ones
/// `GET /tasks` lists), soonest first, for its card.
pub fn open_tasks_of(
    conn: &mut DbConnection,
    association_id: &str,
) -> Result<Vec<TaskView>, AppError> {
    let now = Utc::now().naive_utc();
    let rows: Vec<Task> = tasks::table
        .filter(tasks::association_id.eq(association_id))
        .filter(tasks::status.eq(TaskStatus::Published.as_str()))
        .filter(tasks::hidden_at.is_null())
        .filter(tasks::ends_at.is_null().or(tasks::ends_at.ge(now)))
        .filter(
            tasks::application_deadline
                .is_null()
                .or(tasks::application_deadline.ge(now)),
        )
        .order((
            tasks::starts_at.is_null(),
            tasks::starts_at.asc(),
            tasks::id,
        ))
        .limit(50)
        .select(Task::as_select())
        .load(conn)?;
    model::views(conn, rows)
}
