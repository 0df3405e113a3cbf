//! The queue of abuse reports in the browser: each open report with what it is about (a
//! link to the task's or the association's page and its state now), why it was made, and
//! what the `reports` feature lets an administrator do about it: take the task down or put
//! it back, suspend the association, and close the report with an outcome (the reporter, if
//! signed in, is told whether anything was done). The same functions as
//! `src/reports/routes.rs` and `POST /admin/associations/{id}/suspend`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::model::SUSPENDED;
use crate::db::stored::StoredEnum as _;
use crate::error::AppError;
use crate::reports::model::{
    self, Closing, Outcome, ReportQuery, ReportStatus, ReportView, Target,
};
use crate::reports::moderation;
use crate::state::AppState;
use crate::web::admin_common::{
    ActionForm, Facet, PER_PAGE, Pager, QueueQuery, back_to, facets, row_problems,
};
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::Problem;
use crate::web::page::{self, Page};

/// The queue's own path, where every action comes back to.
const QUEUE: &str = "/admin/reports";

/// One report as the queue shows it.
pub struct ReportRow {
    pub id: String,
    /// `task` or `association`.
    pub kind: String,
    pub kind_label: String,
    /// The target's name, or the words for a deleted one.
    pub target: String,
    /// The target's public page; empty once it was deleted.
    pub target_href: String,
    /// The target's state now, in words.
    pub target_state: String,
    pub task_id: Option<String>,
    /// Whether the reported task is taken down now.
    pub hidden: bool,
    /// The association to suspend: the reported one, or the reported task's.
    pub association_id: Option<String>,
    pub reason: String,
    pub details: String,
    pub anonymous: bool,
    pub created: String,
    pub open: bool,
    pub outcome: String,
    pub note: String,
    pub closed: String,
    /// The outcomes this report can be closed with, `(code, words)`.
    pub outcomes: Vec<(&'static str, String)>,
}

fn report_row(page: &Page, r: ReportView) -> ReportRow {
    let is_task = r.target.kind == Target::Task.as_str();
    let deleted = r.target.name.is_none();
    let target_href = match (deleted, is_task) {
        (true, _) => String::new(),
        (false, true) => page.href(&format!("/tasks/{}", r.target.id)),
        (false, false) => page.href(&format!("/associations/{}", r.target.id)),
    };
    let mut state = Vec::new();
    if let Some(status) = &r.target.status {
        let key = if is_task {
            format!("task-status-{status}")
        } else {
            format!("association-status-{status}")
        };
        state.push(page.t(&key));
    }
    if r.target.hidden == Some(true) {
        state.push(page.t("report-task-hidden"));
    }
    let outcomes = Outcome::ALL
        .iter()
        .filter(|o| is_task || **o != Outcome::TaskHidden)
        .map(|o| {
            (
                o.as_str(),
                page.t(&format!("report-outcome-{}", o.as_str())),
            )
        })
        .collect();
    ReportRow {
        kind_label: page.t(&format!("report-target-{}", r.target.kind)),
        kind: r.target.kind.to_owned(),
        target: r
            .target
            .name
            .clone()
            .unwrap_or_else(|| page.t("report-target-deleted")),
        target_href,
        target_state: state.join(", "),
        task_id: is_task.then(|| r.target.id.clone()),
        hidden: r.target.hidden == Some(true),
        association_id: if is_task {
            r.target.association_id.clone()
        } else {
            Some(r.target.id.clone())
                .filter(|_| !deleted && r.target.status.as_deref() != Some(SUSPENDED))
        },
        reason: page.t(&format!("report-reason-{}", r.reason)),
        details: r.details.unwrap_or_default(),
        anonymous: r.reporter_id.is_none(),
        created: format::utc_moment(page.lang, r.created_at),
        open: r.status == ReportStatus::Open.as_str(),
        outcome: r
            .outcome
            .map(|o| page.t(&format!("report-outcome-{o}")))
            .unwrap_or_default(),
        note: r.note.unwrap_or_default(),
        closed: r
            .closed_at
            .map(|at| format::utc_moment(page.lang, at))
            .unwrap_or_default(),
        outcomes,
        id: r.id,
    }
}

/// `/{lang}/admin/reports`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_reports.html")]
pub struct AdminReports {
    pub page: Page,
    pub status: String,
    pub filters: Vec<Facet>,
    pub items: Vec<ReportRow>,
    pub total: i64,
    pub pager: Pager,
    pub errors: Vec<Problem>,
    /// The report whose closing was refused, and its form as typed.
    pub typed_for: String,
    pub typed_outcome: String,
    pub typed_note: String,
}

/// A refused closing, to show again.
struct Refused {
    errors: Vec<Problem>,
    id: String,
    outcome: String,
    note: String,
}

async fn reports_page(
    req: &HttpRequest,
    page: Page,
    state: &web::Data<AppState>,
    status: String,
    at: Option<i64>,
    refused: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let status = match status.as_str() {
        "" => ReportStatus::Open.as_str().to_owned(),
        other => other.to_owned(),
    };
    let query = ReportQuery {
        status: Some(status.clone()),
        page: at,
        per_page: Some(PER_PAGE),
    };
    let list = state.db.run(move |conn| model::list(conn, query)).await?;
    let codes: Vec<&str> = ReportStatus::ALL.iter().map(|s| s.as_str()).collect();
    let (errors, typed_for, typed_outcome, typed_note, http) = match refused {
        Some(r) => (
            r.errors,
            r.id,
            r.outcome,
            r.note,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        None => (
            Vec::new(),
            String::new(),
            String::new(),
            String::new(),
            StatusCode::OK,
        ),
    };
    let body = AdminReports {
        filters: facets(&page, QUEUE, &codes, "report-status-", &status),
        pager: Pager::new(
            &page,
            QUEUE,
            &[("status", &status)],
            list.page,
            list.per_page,
            list.total,
        ),
        items: list
            .items
            .into_iter()
            .map(|r| report_row(&page, r))
            .collect(),
        total: list.total,
        status,
        errors,
        typed_for,
        typed_outcome,
        typed_note,
        page: page.titled("admin-reports-title"),
    };
    Ok(page::send(req, http, body))
}

/// `GET /{lang}/admin/reports?status=open|closed`: open reports oldest first (the longest
/// waiting first), closed ones newest first.
pub async fn reports(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let query = query.into_inner();
    reports_page(&req, page, &state, query.status, query.page, None).await
}

/// The closing form of a report.
#[derive(Debug, Default, Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub note: String,
}

/// `POST /{lang}/admin/reports/{id}/close`: closes a report with an outcome and a note for
/// the administrators; a signed-in reporter is emailed whether anything was done.
pub async fn close(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CloseForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id) = path.into_inner();
    let input = Closing {
        outcome: form.outcome.clone(),
        note: Some(form.note.clone()),
    };
    let now = state.config.clock.now();
    let report_id = id.clone();
    let closed = state
        .db
        .write(move |conn| model::close(conn, &admin.user_id, &report_id, input, now))
        .await;
    match closed {
        Ok(_) => {
            state.wake_mailer();
            Ok(page.redirect(&back_to(QUEUE, &form.status)))
        }
        Err(AppError::Validation(fields)) => {
            let refused = Refused {
                errors: row_problems(&page, &fields, &id),
                id,
                outcome: form.outcome,
                note: form.note,
            };
            reports_page(&req, page, &state, form.status, None, Some(refused)).await
        }
        Err(e) => Err(e),
    }
}

/// `POST /{lang}/admin/tasks/{id}/{hide|restore}`: takes a reported task down (out of
/// search and closed to sign-ups at once) or puts it back; back to the reports.
pub async fn task_visibility(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id, action) = path.into_inner();
    let hide = match action.as_str() {
        "hide" => true,
        "restore" => false,
        _ => return Err(AppError::NotFound),
    };
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| moderation::set_task_hidden(conn, &admin.user_id, &id, hide, now))
        .await?;
    Ok(page.redirect(&back_to(QUEUE, &form.status)))
}

/// `POST /{lang}/admin/reports/suspend-association/{id}`: suspends the association a
/// report is about, as `POST /{lang}/admin/associations/{id}/suspend` does (the owners are
/// emailed, the audit trail records it), but comes back to the reports.
pub async fn suspend_association(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id) = path.into_inner();
    let app = state.get_ref().clone();
    state
        .db
        .write(move |conn| {
            crate::associations::moderation::set_status(conn, &app, &admin.user_id, &id, SUSPENDED)
        })
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&back_to(QUEUE, &form.status)))
}
