//! `GET /stats`: administrators see every figure; a service counsellor sees only the
//! referral figures of their own organisation; anyone else gets a `403`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::accounts::counsellors;
use crate::accounts::model as accounts;
use crate::api::date::period;
use crate::api::{allow_only, get_or_head};
use crate::auth::AuthUser;
use crate::db;
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::stats::figures::{self, Figures, Scope};

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/stats")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(stats)),
    );
}

/// `GET /stats` query.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatsQuery {
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub to: Option<NaiveDate>,
    pub region: Option<String>,
    pub municipality: Option<String>,
    /// `json` (default) or `csv`.
    pub format: Option<String>,
}

/// The answer: what was counted, and the figures.
#[derive(Debug, Serialize)]
pub struct Stats {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub region: Option<String>,
    pub municipality: Option<String>,
    /// For a counsellor, the organisation whose referrals are counted; `null` for
    /// administrators, who see everything.
    pub organisation: Option<String>,
    #[serde(flatten)]
    pub figures: Figures,
}

async fn stats(
    state: web::Data<AppState>,
    user: AuthUser,
    q: web::Query<StatsQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let csv = match q.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(_) => {
            return Err(AppError::field(
                "format",
                "unknown_value",
                "The format is one of: json, csv.",
            ));
        }
    };
    let stats = state
        .db
        .run(move |conn| figures_for(conn, &user.user_id, q))
        .await?;
    if csv {
        return Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header((
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"talkoot-stats.csv\"",
            ))
            .body(to_csv(&stats.figures)?));
    }
    Ok(crate::api::private_json(&stats))
}

/// The figures that `user_id` may read for a query: an administrator everything, a
/// counsellor their organisation's referrals, anyone else `403`. The API and the web
/// pages' charts both answer from here.
pub fn figures_for(
    conn: &mut crate::db::DbConnection,
    user_id: &str,
    q: StatsQuery,
) -> Result<Stats, AppError> {
    let (start, end) = period(q.from, q.to)?;
    whole_months(q.from, q.to)?;
    db::read_tx(conn, |conn| {
        let organisation = if accounts::is_admin(conn, user_id)? {
            None
        } else {
            match counsellors::role(conn, user_id)? {
                Some(role) => Some(role.organisation),
                None => return Err(AppError::Forbidden),
            }
        };
        let municipalities = figures::area(conn, q.region.as_deref(), q.municipality.as_deref())?;
        let scope = Scope {
            start,
            end,
            municipalities,
            organisation: organisation.clone(),
        };
        Ok(Stats {
            figures: figures::count(conn, &scope)?,
            from: q.from,
            to: q.to,
            region: q.region,
            municipality: q.municipality,
            organisation,
        })
    })
}

/// Periods run in whole calendar months. Two periods a day apart would otherwise tell
/// that day's sign-ups by subtraction, which is often one young person's age and gender.
fn whole_months(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if from.is_some_and(|d| d.day() != 1) {
        errors.push(FieldError::new(
            "from",
            "not_month_start",
            "Figures are for whole months: start on the first day of a month.",
        ));
    }
    if to.is_some_and(|d| d.succ_opt().is_some_and(|next| next.day() != 1)) {
        errors.push(FieldError::new(
            "to",
            "not_month_end",
            "Figures are for whole months: end on the last day of a month.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

/// The figures as CSV (`table,key,value,suppressed`): every cell, then each table's
/// total (key `total`), then the hours and the median (table `summary`). A suppressed
/// value is an empty field. Written with the `csv` crate, which quotes what needs quoting.
pub fn to_csv(figures: &Figures) -> Result<Vec<u8>, AppError> {
    let failed = |e: csv::Error| AppError::internal(format!("writing CSV: {e}"));
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["table", "key", "value", "suppressed"])
        .map_err(failed)?;
    let cell = |value: Option<String>, suppressed: bool| {
        (value.unwrap_or_default(), suppressed.to_string())
    };
    for table in &figures.tables {
        for c in &table.cells {
            let (value, suppressed) = cell(c.value.map(|v| v.to_string()), c.suppressed);
            out.write_record([table.name, c.key.as_str(), &value, &suppressed])
                .map_err(failed)?;
        }
        if let Some(total) = &table.total {
            let (value, suppressed) = cell(total.value.map(|v| v.to_string()), total.suppressed);
            out.write_record([table.name, "total", &value, &suppressed])
                .map_err(failed)?;
        }
    }
    for (key, figure) in [
        ("completed_hours", &figures.completed_hours),
        (
            "median_hours_to_decision",
            &figures.median_hours_to_decision,
        ),
    ] {
        if let Some(figure) = figure {
            let (value, suppressed) = cell(figure.value.map(|v| v.to_string()), figure.suppressed);
            out.write_record(["summary", key, &value, &suppressed])
                .map_err(failed)?;
        }
    }
    out.into_inner()
        .map_err(|e| AppError::internal(format!("writing CSV: {e}")))
}
