//! What the service did, for administrators in the browser: the email outbox by status
//! (failed by default, each recipient masked as the API masks it) with a retry once the
//! cause is fixed, and the audit trail with its filters and pages. The same functions as
//! `GET /admin/emails`, `POST /admin/emails/{id}/retry` and `GET /admin/audit`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::admin::emails::{self, EmailQuery, EmailView};
use crate::audit::{self, Action, AuditEntry, AuditQuery, TargetKind};
use crate::db::stored::StoredEnum as _;
use crate::email::outbox::OutboxStatus;
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::web::admin_common::{ActionForm, Facet, PER_PAGE, Pager, QueueQuery, back_to, facets};
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};

/// One email as the outbox list shows it: never its body, the recipient masked.
pub struct EmailRow {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub attempts: i32,
    pub last_error: String,
    pub created: String,
    pub failed: bool,
}

fn email_row(page: &Page, e: EmailView) -> EmailRow {
    EmailRow {
        failed: e.status == OutboxStatus::Failed.as_str(),
        created: format::utc_moment(page.lang, e.created_at),
        last_error: e.last_error.unwrap_or_default(),
        id: e.id,
        kind: e.kind,
        recipient: e.recipient,
        subject: e.subject,
        attempts: e.attempts,
    }
}

/// `/{lang}/admin/emails`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_emails.html")]
pub struct AdminEmails {
    pub page: Page,
    pub status: String,
    pub filters: Vec<Facet>,
    pub items: Vec<EmailRow>,
    pub total: i64,
    pub pager: Pager,
}

/// `GET /{lang}/admin/emails?status=failed|pending|sent`: newest first.
pub async fn emails(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let query = query.into_inner();
    let status = match query.status.as_str() {
        "" => OutboxStatus::Failed.as_str().to_owned(),
        other => other.to_owned(),
    };
    let email_query = EmailQuery {
        status: Some(status.clone()),
        page: query.page,
        per_page: Some(PER_PAGE),
    };
    let list = state
        .db
        .run(move |conn| emails::list(conn, email_query))
        .await?;
    // The one the administrator came for first.
    let codes = [
        OutboxStatus::Failed.as_str(),
        OutboxStatus::Pending.as_str(),
        OutboxStatus::Sent.as_str(),
    ];
    let path = "/admin/emails";
    Ok(page::ok(
        &req,
        AdminEmails {
            filters: facets(&page, path, &codes, "email-status-", &status),
            pager: Pager::new(
                &page,
                path,
                &[("status", &status)],
                list.page,
                list.per_page,
                list.total,
            ),
            items: list
                .items
                .into_iter()
                .map(|e| email_row(&page, e))
                .collect(),
            total: list.total,
            status,
            page: page.titled("admin-emails-title"),
        },
    ))
}

/// `POST /{lang}/admin/emails/{id}/retry`: a failed email is queued again at once and the
/// mailer woken; the retry is in the audit trail.
pub async fn retry_email(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id) = path.into_inner();
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| emails::retry(conn, &admin.user_id, &id, now))
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&back_to("/admin/emails", &form.status)))
}

/// One row of the trail as the page shows it.
pub struct AuditRow {
    pub at: String,
    pub at_iso: String,
    pub actor: String,
    pub actor_href: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub target_href: String,
    /// The target's own page, where it has one (a task, an association).
    pub target_page: String,
    pub detail: String,
}

/// The trail's filter form, as typed: every field optional.
#[derive(Debug, Default, Deserialize)]
pub struct AuditForm {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub per_page: Option<i64>,
}

fn day(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid",
            "Give a day (2026-11-30).",
        ));
    }
    parsed
}

fn trimmed(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

impl AuditForm {
    fn query(&self) -> Result<AuditQuery, AppError> {
        let mut errors = Vec::new();
        let query = AuditQuery {
            actor: trimmed(&self.actor),
            action: trimmed(&self.action),
            target: trimmed(&self.target),
            from: day("from", &self.from, &mut errors),
            to: day("to", &self.to, &mut errors),
            page: self.page,
            per_page: Some(self.per_page.unwrap_or(PER_PAGE)),
        };
        if errors.is_empty() {
            Ok(query)
        } else {
            Err(AppError::Validation(errors))
        }
    }

    /// The filters as query parameters, for the pager and the row links.
    fn params(&self) -> Vec<(&'static str, String)> {
        vec![
            ("actor", self.actor.trim().to_owned()),
            ("action", self.action.trim().to_owned()),
            ("target", self.target.trim().to_owned()),
            ("from", self.from.trim().to_owned()),
            ("to", self.to.trim().to_owned()),
            (
                "per_page",
                self.per_page.map(|n| n.to_string()).unwrap_or_default(),
            ),
        ]
    }
}

/// `/{lang}/admin/audit`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_audit.html")]
pub struct AdminAudit {
    pub page: Page,
    pub form: AuditForm,
    /// `(code, words)` of every audited action, for the filter.
    pub actions: Vec<(&'static str, String)>,
    pub items: Vec<AuditRow>,
    pub total: i64,
    pub pager: Pager,
    pub errors: Vec<Problem>,
}

fn audit_row(page: &Page, e: AuditEntry) -> AuditRow {
    let filter = |key: &str, value: &str| {
        page.href(&crate::web::admin_common::with_query(
            "/admin/audit",
            &[(key, value)],
        ))
    };
    let target_page = if e.target_kind == TargetKind::Task.as_str() {
        page.href(&format!("/tasks/{}", e.target_id))
    } else if e.target_kind == TargetKind::Association.as_str() {
        page.href(&format!("/associations/{}", e.target_id))
    } else if e.target_kind == TargetKind::User.as_str() {
        page.href(&format!("/admin/users/{}", e.target_id))
    } else {
        String::new()
    };
    AuditRow {
        at: format::utc_moment(page.lang, e.at),
        at_iso: format::iso(e.at.naive_utc()),
        actor_href: e
            .actor_id
            .as_deref()
            .map(|a| filter("actor", a))
            .unwrap_or_default(),
        actor: e.actor_id.unwrap_or_else(|| page.t("audit-actor-service")),
        action: page.t(&format!("audit-action-{}", e.action)),
        target_kind: page.t(&format!("audit-target-{}", e.target_kind)),
        target_href: filter("target", &e.target_id),
        target_page,
        target_id: e.target_id,
        detail: e.detail,
    }
}

/// `GET /{lang}/admin/audit?actor=&action=&target=&from=&to=&page=`: the trail, newest
/// first; a filter it cannot read is named at the top of the form.
pub async fn audit(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<AuditForm>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let form = query.into_inner();
    let found = match form.query() {
        Ok(q) => state.db.run(move |conn| audit::list(conn, q)).await,
        Err(e) => Err(e),
    };
    let (list, errors) = match found {
        Ok(list) => (Some(list), Vec::new()),
        Err(AppError::Validation(fields)) => (None, fields),
        Err(e) => return Err(e),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let params = form.params();
    let borrowed: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (items, total, pager) = match list {
        Some(list) => (
            list.items
                .into_iter()
                .map(|e| audit_row(&page, e))
                .collect(),
            list.total,
            Pager::new(
                &page,
                "/admin/audit",
                &borrowed,
                list.page,
                list.per_page,
                list.total,
            ),
        ),
        None => (
            Vec::new(),
            0,
            Pager::new(&page, "/admin/audit", &borrowed, 1, PER_PAGE, 0),
        ),
    };
    let body = AdminAudit {
        actions: Action::ALL
            .iter()
            .map(|a| (a.as_str(), page.t(&format!("audit-action-{}", a.as_str()))))
            .collect(),
        errors: forms::problems(&page, &errors),
        items,
        total,
        pager,
        form,
        page: page.titled("admin-audit-title"),
    };
    Ok(page::send(&req, status, body))
}
