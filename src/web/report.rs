//! Reporting a task or an association to the administrators from its page: anyone may
//! (signed in or not), counted per address by the same limiter as `POST /api/v1/reports`,
//! through the same `reports::model::create`. The reader sees a thank-you page; what the
//! administrators decide reaches a signed-in reporter by email.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::accounts::auth_routes::Limiters;
use crate::error::AppError;
use crate::reports::model::{self, NewReport, TargetInput};
use crate::state::AppState;
use crate::web::account::Notice;
use crate::web::csrf::CsrfForm;
use crate::web::page::{self, Page};

/// The reasons a form offers, as the feature names them.
pub const REASONS: [&str; 4] = [
    "inappropriate_for_minors",
    "asks_for_money",
    "not_real",
    "other",
];

/// What the report form sends.
#[derive(Debug, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub details: String,
}

/// `POST /{lang}/{tasks|associations}/{id}/report`.
pub async fn send(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> Result<HttpResponse, AppError> {
    let (_, kind, id) = path.into_inner();
    let (kind, back) = match kind.as_str() {
        "tasks" => ("task", format!("/tasks/{id}")),
        "associations" => ("association", format!("/associations/{id}")),
        _ => return Err(AppError::NotFound),
    };
    limiters.reports.check(&req)?;
    let reporter = page.user.as_ref().map(|u| u.user_id.clone());
    let input = NewReport {
        target: TargetInput {
            kind: kind.to_owned(),
            id,
        },
        reason: form.reason,
        details: Some(form.details).filter(|d| !d.trim().is_empty()),
    };
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| model::create(conn, reporter.as_deref(), input, now))
        .await?;
    let link = Some((page.href(&back), page.t("report-back")));
    Ok(page::send(
        &req,
        StatusCode::OK,
        Notice {
            message: page.t("report-thanks"),
            page: page.titled("report-thanks-title"),
            link,
        },
    ))
}
