//! The administrators' pages: the queue of associations to verify, and the regional
//! figures as server-rendered SVG bar charts (suppressed cells shown as such) with the
//! same numbers in a table and as CSV. The handlers call the features' own functions, and
//! those check the role again; a page refuses anyone but an administrator first.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{Datelike as _, NaiveDate};
use serde::Deserialize;

use crate::associations::model::{PENDING, Summary, VERIFIED};
use crate::associations::moderation;
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::stats::routes::{Stats, StatsQuery, figures_for, to_csv};
use crate::web::csrf::CsrfForm;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::Cache;

/// `/{lang}/admin/associations`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_associations.html")]
pub struct AdminAssociations {
    pub page: Page,
    pub status: String,
    pub items: Vec<Summary>,
    pub total: i64,
}

/// `?status=`.
#[derive(Debug, Deserialize)]
pub struct StatusQuery {
    #[serde(default)]
    pub status: String,
}

/// `GET /{lang}/admin/associations?status=pending|verified|suspended`.
pub async fn associations(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<StatusQuery>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let status = match query.into_inner().status.as_str() {
        "" => PENDING.to_owned(),
        other => other.to_owned(),
    };
    let wanted = status.clone();
    let list = state
        .db
        .run(move |conn| moderation::list(conn, Some(&wanted), Some(1), Some(100)))
        .await?;
    Ok(page::ok(
        &req,
        AdminAssociations {
            page: page.titled("admin-associations-title"),
            status,
            items: list.items,
            total: list.total,
        },
    ))
}

/// `POST /{lang}/admin/associations/{id}/{verify|suspend}`: the owners are emailed and the
/// audit trail records it, as through the API.
pub async fn set_status(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id, action) = path.into_inner();
    let status = match action.as_str() {
        "verify" => VERIFIED,
        "suspend" => crate::associations::model::SUSPENDED,
        _ => return Err(AppError::NotFound),
    };
    let app = state.get_ref().clone();
    state
        .db
        .write(move |conn| moderation::set_status(conn, &app, &admin.user_id, &id, status))
        .await?;
    state.wake_mailer();
    Ok(page.redirect("/admin/associations"))
}

/// One bar of a chart.
pub struct Bar {
    pub label: String,
    /// The value as text, or the word for a suppressed cell.
    pub shown: String,
    pub suppressed: bool,
    /// Width in the chart's units (0–100).
    pub width: i64,
    /// The bar's top in the chart's units.
    pub y: i64,
}

/// One chart: a table of the figures.
pub struct Chart {
    pub id: String,
    pub title: String,
    pub bars: Vec<Bar>,
    pub total: String,
    /// The SVG's height in its units.
    pub height: i64,
}

/// Units of height per bar in a chart.
const BAR_STEP: i64 = 28;

/// `/{lang}/admin/figures`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_figures.html")]
pub struct Figures {
    pub page: Page,
    pub from: String,
    pub to: String,
    pub region: String,
    pub regions: Vec<(String, String)>,
    pub charts: Vec<Chart>,
    pub hours: String,
    pub median: String,
    pub csv_link: String,
    pub errors: Vec<Problem>,
}

/// The figures form: months (`2026-11`) and a region, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct FiguresQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub region: String,
}

fn month(
    field: &str,
    value: &str,
    last_day: bool,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let first = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok();
    let Some(first) = first else {
        errors.push(FieldError::new(field, "invalid", "Give a month (2026-11)."));
        return None;
    };
    if !last_day {
        return Some(first);
    }
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
}

impl FiguresQuery {
    fn stats_query(&self) -> Result<StatsQuery, AppError> {
        let mut errors = Vec::new();
        let query = StatsQuery {
            from: month("from", &self.from, false, &mut errors),
            to: month("to", &self.to, true, &mut errors),
            region: Some(self.region.trim().to_owned()).filter(|r| !r.is_empty()),
            municipality: None,
            format: None,
        };
        if errors.is_empty() {
            Ok(query)
        } else {
            Err(AppError::Validation(errors))
        }
    }

    fn query_string(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("from", &self.from)
            .append_pair("to", &self.to)
            .append_pair("region", &self.region)
            .finish()
    }
}

fn key_name(page: &Page, lists: &crate::web::reference::Lists, table: &str, key: &str) -> String {
    let specific = match table {
        "tasks_by_category" => return lists.category_name(key, page.lang),
        "tasks_by_schedule_type" => format!("schedule-{key}"),
        "signups_by_state" => format!("signup-status-{key}"),
        _ => format!("stats-key-{key}"),
    };
    if crate::i18n::has_text(page.lang, &specific) {
        page.t(&specific)
    } else {
        key.to_owned()
    }
}

fn charts(page: &Page, lists: &crate::web::reference::Lists, stats: &Stats) -> Vec<Chart> {
    let suppressed_word = page.t("stats-suppressed");
    stats
        .figures
        .tables
        .iter()
        .map(|table| {
            let max = table
                .cells
                .iter()
                .filter_map(|c| c.value)
                .max()
                .unwrap_or(0)
                .max(1);
            let bars: Vec<Bar> = table
                .cells
                .iter()
                .zip(0_i64..)
                .map(|(cell, i)| Bar {
                    label: key_name(page, lists, table.name, &cell.key),
                    shown: match cell.value {
                        Some(v) => v.to_string(),
                        None => suppressed_word.clone(),
                    },
                    suppressed: cell.suppressed,
                    width: cell.value.map_or(0, |v| (v * 100) / max),
                    y: i * BAR_STEP,
                })
                .collect();
            Chart {
                id: table.name.replace('_', "-"),
                title: page.t(&format!("stats-table-{}", table.name)),
                height: (i64::try_from(bars.len()).unwrap_or(0) * BAR_STEP).max(BAR_STEP),
                bars,
                total: match &table.total {
                    Some(f) => f
                        .value
                        .map_or_else(|| suppressed_word.clone(), |v| v.to_string()),
                    None => String::new(),
                },
            }
        })
        .collect()
}

/// `GET /{lang}/admin/figures?from=2026-01&to=2026-11&region=09`.
pub async fn figures(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    query: web::Query<FiguresQuery>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let lists = cache.get(&state).await?;
    let form = query.into_inner();
    let found = match form.stats_query() {
        Ok(q) => {
            state
                .db
                .run(move |conn| figures_for(conn, &admin.user_id, q))
                .await
        }
        Err(e) => Err(e),
    };
    let (stats, errors) = match found {
        Ok(stats) => (Some(stats), Vec::new()),
        Err(AppError::Validation(fields)) => (None, fields),
        Err(e) => return Err(e),
    };
    let status = if errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let none = page.t("stats-suppressed");
    let figure = |f: Option<&crate::stats::suppression::Figure<f64>>| match f {
        Some(f) => f
            .value
            .map_or_else(|| none.clone(), |v| crate::web::format::hours(page.lang, v)),
        None => String::new(),
    };
    let body = Figures {
        charts: stats
            .as_ref()
            .map(|s| charts(&page, &lists, s))
            .unwrap_or_default(),
        hours: figure(
            stats
                .as_ref()
                .and_then(|s| s.figures.completed_hours.as_ref()),
        ),
        median: figure(
            stats
                .as_ref()
                .and_then(|s| s.figures.median_hours_to_decision.as_ref()),
        ),
        regions: lists
            .regions
            .iter()
            .map(|r| (r.code.clone(), lists.region_name(&r.code, page.lang)))
            .collect(),
        csv_link: page.href(&format!("/admin/figures.csv?{}", form.query_string())),
        errors: forms::problems(&page, &errors),
        from: form.from,
        to: form.to,
        region: form.region,
        page: page.titled("admin-figures-title"),
    };
    Ok(page::send(&req, status, body))
}

/// `GET /{lang}/admin/figures.csv?…`: the same figures as the API's `format=csv`.
pub async fn figures_csv(
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<FiguresQuery>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let q = query.into_inner().stats_query()?;
    let stats = state
        .db
        .run(move |conn| figures_for(conn, &admin.user_id, q))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"talkoot-figures.csv\"",
        ))
        .body(to_csv(&stats.figures)?))
}
