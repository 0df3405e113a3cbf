//! `GET /tasks`: published tasks of verified associations, filtered, searched, sorted and
//! paged, with optional facet counts.
//!
//! Relevance is only computed for the newest [`RANK_CANDIDATES`] matches, so a very common
//! word costs a bounded amount of ranking work; paging is bounded as for associations.

use chrono::{DateTime, Utc};
use diesel::dsl::{count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Double, Text};
use serde::Serialize;

use crate::api::paging::{Page, paging};
use crate::api::query::boolean as bool_param;
use crate::db::fulltext::{self, text_sql};
use crate::db::schema::{associations, municipalities, task_categories, tasks};
use crate::db::{DbConnection, MultiBackend};
use crate::error::{AppError, FieldError};
use crate::tasks::model::{self, Task, TaskView};
use crate::tasks::status::TaskStatus;

/// How many of the newest matches relevance sorting ranks.
pub const RANK_CANDIDATES: i64 = 2000;

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
}

/// Counts per value for the current filters.
#[derive(Debug, Serialize)]
pub struct Facets {
    pub categories: Vec<FacetCount>,
    pub regions: Vec<FacetCount>,
    pub schedule_types: Vec<FacetCount>,
}

/// One facet value and how many tasks have it.
#[derive(Debug, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: i64,
}

/// The answer of `GET /tasks`.
#[derive(Debug, Serialize)]
pub struct TaskPage {
    #[serde(flatten)]
    pub page: Page<TaskView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// Applies every filter of `$q` to a boxed query whose source includes `tasks`.
macro_rules! with_filters {
    ($query:expr, $conn:expr, $q:expr, $words:expr) => {{
        let q: &TaskQuery = $q;
        let now = Utc::now().naive_utc();
        let verified = associations::table
            .filter(associations::status.eq(crate::associations::model::VERIFIED))
            .select(associations::id);
        let mut query = $query
            .filter(tasks::status.eq(TaskStatus::Published.as_str()))
            .filter(tasks::association_id.eq_any(verified));
        if !q.include_past {
            query = query
                .filter(tasks::ends_at.is_null().or(tasks::ends_at.ge(now)))
                .filter(
                    tasks::application_deadline
                        .is_null()
                        .or(tasks::application_deadline.ge(now)),
                );
        }
        if let Some(code) = &q.municipality {
            query = query.filter(tasks::municipality_code.eq(code.clone()));
        }
        if let Some(region) = &q.region {
            let m = diesel::alias!(municipalities as region_filter);
            let codes = m
                .filter(m.field(municipalities::region_code).eq(region.clone()))
                .select(m.field(municipalities::code).nullable());
            query = query.filter(tasks::municipality_code.eq_any(codes));
        }
        for category in &q.categories {
            // An alias, so that the facet query that joins task_categories can filter too.
            let tc = diesel::alias!(task_categories as category_filter);
            let ids = tc
                .filter(
                    tc.field(task_categories::category_slug)
                        .eq(category.clone()),
                )
                .select(tc.field(task_categories::task_id));
            query = query.filter(tasks::id.eq_any(ids));
        }
        if let Some(schedule) = &q.schedule_type {
            query = query.filter(tasks::schedule_type.eq(schedule.clone()));
        }
        match q.remote {
            Some(true) => {
                query = query.filter(
                    tasks::remote_online
                        .eq(true)
                        .or(tasks::remote_phone.eq(true)),
                )
            }
            Some(false) => {
                query = query.filter(
                    tasks::remote_online
                        .eq(false)
                        .and(tasks::remote_phone.eq(false)),
                )
            }
            None => {}
        }
        if let Some(age) = q.age {
            query = query
                .filter(tasks::min_age.is_null().or(tasks::min_age.le(age)))
                .filter(tasks::max_age.is_null().or(tasks::max_age.ge(age)));
        }
        if let Some(after) = q.starts_after {
            query = query.filter(tasks::starts_at.ge(after));
        }
        if let Some(before) = q.starts_before {
            query = query.filter(tasks::starts_at.lt(before));
        }
        // A spot is taken by an accepted sign-up (tasks.accepted_count, kept by `signups`).
        match q.has_spots {
            Some(true) => {
                query = query.filter(
                    tasks::spots
                        .is_null()
                        .or(tasks::spots.gt(tasks::accepted_count.nullable())),
                )
            }
            Some(false) => query = query.filter(tasks::spots.le(tasks::accepted_count.nullable())),
            None => {}
        }
        if let Some(v) = q.beginner_friendly {
            query = query.filter(tasks::beginner_friendly.eq(v));
        }
        if let Some(v) = q.supported {
            query = query.filter(tasks::supported.eq(v));
        }
        if let Some(language) = &q.language {
            // languages is a JSON array of codes; the quotes make the match exact.
            query = query.filter(
                tasks::languages.like(format!("%\"{}\"%", language.replace(['%', '_', '"'], ""))),
            );
        }
        match q.placement {
            Some(true) => query = query.filter(tasks::placement.is_not_null()),
            Some(false) => query = query.filter(tasks::placement.is_null()),
            None => {}
        }
        if !$words.is_empty() {
            let c = text_sql($conn, "tasks", "title", $words).condition;
            query = query.filter(
                sql::<Bool>(&c.before)
                    .bind::<Text, _>(c.value)
                    .sql(&c.after),
            );
        }
        query
    }};
}

fn filtered<'a>(
    conn: &DbConnection,
    q: &'a TaskQuery,
    words: &[String],
) -> tasks::BoxedQuery<'a, MultiBackend> {
    with_filters!(tasks::table.into_boxed::<MultiBackend>(), conn, q, words)
}

/// Runs a search.
pub fn search(conn: &mut DbConnection, q: TaskQuery) -> Result<TaskPage, AppError> {
    let (page, per_page) = paging(q.page, q.per_page)?;
    let words = q.q.as_deref().map(fulltext::words).unwrap_or_default();
    let sort = q.sort.clone().unwrap_or_else(|| {
        if words.is_empty() {
            "newest".into()
        } else {
            "relevance".into()
        }
    });
    let total: i64 = filtered(conn, &q, &words).count().get_result(conn)?;
    let mut rows = filtered(conn, &q, &words);
    rows = match sort.as_str() {
        "relevance" if !words.is_empty() => {
            // Rank only the newest candidates: bounded work for a very common word.
            let candidates: Vec<String> = filtered(conn, &q, &words)
                .select(tasks::id)
                .order(tasks::published_at.desc())
                .limit(RANK_CANDIDATES)
                .load(conn)?;
            let r = text_sql(conn, "tasks", "title", &words).rank;
            filtered(conn, &q, &words)
                .filter(tasks::id.eq_any(candidates))
                .order((
                    sql::<Double>(&r.before)
                        .bind::<Text, _>(r.value)
                        .sql(&r.after)
                        .desc(),
                    tasks::published_at.desc(),
                    tasks::id,
                ))
        }
        "starts_at" => rows.order((
            tasks::starts_at.is_null(),
            tasks::starts_at.asc(),
            tasks::id,
        )),
        "deadline" => rows.order((
            tasks::application_deadline.is_null(),
            tasks::application_deadline.asc(),
            tasks::id,
        )),
        _ => rows.order((tasks::published_at.desc(), tasks::id.desc())),
    };
    let rows: Vec<Task> = rows
        .select(Task::as_select())
        .limit(per_page)
        .offset((page - 1) * per_page)
        .load(conn)?;
    let items = model::views(conn, rows)?;
    let facets = if q.facets {
        Some(facets(conn, &q, &words)?)
    } else {
        None
    };
    Ok(TaskPage {
        page: Page {
            items,
            total,
            page,
            per_page,
        },
        facets,
    })
}

fn counts(rows: Vec<(String, i64)>) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = rows
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

fn facets(conn: &mut DbConnection, q: &TaskQuery, words: &[String]) -> Result<Facets, AppError> {
    let by_category = task_categories::table
        .inner_join(tasks::table)
        .group_by(task_categories::category_slug)
        .select((task_categories::category_slug, count_star()))
        .into_boxed::<MultiBackend>();
    let categories: Vec<(String, i64)> = with_filters!(by_category, conn, q, words).load(conn)?;
    let by_region = tasks::table
        .inner_join(
            municipalities::table.on(tasks::municipality_code.eq(municipalities::code.nullable())),
        )
        .group_by(municipalities::region_code)
        .select((municipalities::region_code, count_star()))
        .into_boxed::<MultiBackend>();
    let regions: Vec<(String, i64)> = with_filters!(by_region, conn, q, words).load(conn)?;
    let by_schedule = tasks::table
        .group_by(tasks::schedule_type)
        .select((tasks::schedule_type, count_star()))
        .into_boxed::<MultiBackend>();
    let schedule_types: Vec<(String, i64)> =
        with_filters!(by_schedule, conn, q, words).load(conn)?;
    Ok(Facets {
        categories: counts(categories),
        regions: counts(regions),
        schedule_types: counts(schedule_types),
    })
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
