//! The administrators' decision queues in the browser: claims on ownerless associations and
//! requests for the service counsellor role (with the list of counsellors, whose role can be
//! revoked). Like `admin`, every handler refuses anyone but an administrator first and then
//! calls the feature's own function, exactly as `src/admin/routes.rs` does, so the checks,
//! the audit trail and the emails are the API's.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::accounts::counsellors::{self, Decision, ListQuery, RequestStatus, RequestView};
use crate::associations::claims::{self, ClaimView};
use crate::db::stored::StoredEnum as _;
use crate::email::Notifier;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::admin_common::{
    ActionForm, Facet, PER_PAGE, Pager, QueueQuery, back_to, facets, row_problems,
};
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::Problem;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;

/// The statuses of a claim, in the order the filter shows them. The claims feature keeps
/// them as text (`claims::list` accepts exactly these); the first is its default.
pub const CLAIM_STATUSES: [&str; 3] = ["pending", "approved", "rejected"];

/// One claim as the queue shows it.
pub struct ClaimRow {
    pub id: String,
    pub association_id: String,
    pub association: String,
    pub claimant: String,
    pub email: String,
    pub justification: String,
    pub created: String,
    pub decided: String,
    pub pending: bool,
}

fn claim_row(page: &Page, c: ClaimView) -> ClaimRow {
    ClaimRow {
        pending: c.status == CLAIM_STATUSES[0],
        created: format::utc_moment(page.lang, c.created_at),
        decided: c
            .decided_at
            .map(|at| format::utc_moment(page.lang, at))
            .unwrap_or_default(),
        id: c.id,
        association_id: c.association_id,
        association: c.association_name,
        claimant: c.claimant_name,
        email: c.claimant_email,
        justification: c.justification,
    }
}

/// `/{lang}/admin/claims`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_claims.html")]
pub struct AdminClaims {
    pub page: Page,
    pub status: String,
    pub filters: Vec<Facet>,
    pub items: Vec<ClaimRow>,
    pub total: i64,
    pub pager: Pager,
}

/// `GET /{lang}/admin/claims?status=pending|approved|rejected`: the claims, oldest first.
pub async fn claims(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let query = query.into_inner();
    let status = match query.status.as_str() {
        "" => CLAIM_STATUSES[0].to_owned(),
        other => other.to_owned(),
    };
    let wanted = status.clone();
    let at = query.page;
    let list = state
        .db
        .run(move |conn| claims::list(conn, Some(&wanted), at, Some(PER_PAGE)))
        .await?;
    let path = "/admin/claims";
    Ok(page::ok(
        &req,
        AdminClaims {
            filters: facets(&page, path, &CLAIM_STATUSES, "claim-status-", &status),
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
                .map(|c| claim_row(&page, c))
                .collect(),
            total: list.total,
            status,
            page: page.titled("admin-claims-title"),
        },
    ))
}

/// `POST /{lang}/admin/claims/{id}/{approve|reject}`: the claimant is emailed, and on
/// approval becomes the owner; the audit trail records it, as through the API.
pub async fn decide_claim(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id, action) = path.into_inner();
    let approve = match action.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let app = state.get_ref().clone();
    state
        .db
        .write(move |conn| claims::decide(conn, &app, &id, &admin.user_id, approve))
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&back_to("/admin/claims", &form.status)))
}

/// One request for the counsellor role as the queue shows it.
pub struct RequestRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub title: String,
    pub municipality: String,
    pub work_email: String,
    pub created: String,
    pub decided: String,
    pub reason: String,
    pub pending: bool,
    pub approved: bool,
}

/// `/{lang}/admin/counsellor-requests`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_counsellors.html")]
pub struct AdminCounsellors {
    pub page: Page,
    pub status: String,
    pub filters: Vec<Facet>,
    pub items: Vec<RequestRow>,
    pub total: i64,
    pub pager: Pager,
    pub errors: Vec<Problem>,
    /// The row whose reason was refused, and the reason as typed, to show it again.
    pub typed_for: String,
    pub typed: String,
}

/// What a refused reason brings back to the page.
struct Refused {
    errors: Vec<Problem>,
    id: String,
    reason: String,
}

async fn counsellor_page(
    req: &HttpRequest,
    page: Page,
    state: &web::Data<AppState>,
    cache: &web::Data<Cache>,
    status: String,
    at: Option<i64>,
    refused: Option<Refused>,
) -> Result<HttpResponse, AppError> {
    let lists = cache.get(state).await?;
    let status = match status.as_str() {
        "" => RequestStatus::Pending.as_str().to_owned(),
        other => other.to_owned(),
    };
    let query = ListQuery {
        status: Some(status.clone()),
        page: at,
        per_page: Some(PER_PAGE),
    };
    let list = state
        .db
        .run(move |conn| counsellors::list(conn, query))
        .await?;
    let row = |r: RequestView| {
        let (name, email) = r
            .user
            .map(|u| (u.display_name, u.email))
            .unwrap_or_default();
        RequestRow {
            pending: r.status == RequestStatus::Pending,
            approved: r.status == RequestStatus::Approved,
            municipality: lists.municipality_name(&r.municipality_code, page.lang),
            created: format::utc_moment(page.lang, r.created_at),
            decided: r
                .revoked_at
                .or(r.decided_at)
                .map(|at| format::utc_moment(page.lang, at))
                .unwrap_or_default(),
            work_email: r.work_email.unwrap_or_default(),
            reason: r.reason.unwrap_or_default(),
            id: r.id,
            name,
            email,
            organisation: r.organisation,
            title: r.title,
        }
    };
    let codes: Vec<&str> = RequestStatus::ALL.iter().map(|s| s.as_str()).collect();
    let path = "/admin/counsellor-requests";
    let (errors, typed_for, typed, http) = match refused {
        Some(r) => (r.errors, r.id, r.reason, StatusCode::UNPROCESSABLE_ENTITY),
        None => (Vec::new(), String::new(), String::new(), StatusCode::OK),
    };
    let body = AdminCounsellors {
        filters: facets(&page, path, &codes, "counsellor-status-", &status),
        pager: Pager::new(
            &page,
            path,
            &[("status", &status)],
            list.page,
            list.per_page,
            list.total,
        ),
        items: list.items.into_iter().map(row).collect(),
        total: list.total,
        status,
        errors,
        typed_for,
        typed,
        page: page.titled("admin-counsellors-title"),
    };
    Ok(page::send(req, http, body))
}

/// `GET /{lang}/admin/counsellor-requests?status=pending|approved|rejected|revoked`: the
/// pending requests by default; `approved` is the list of counsellors.
pub async fn counsellor_requests(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    page.signed_in_as(|u| u.is_admin)?;
    let query = query.into_inner();
    counsellor_page(&req, page, &state, &cache, query.status, query.page, None).await
}

/// `POST /{lang}/admin/counsellor-requests/{id}/{approve|reject|revoke}`: rejecting and
/// revoking take the reason the user is emailed; a missing or overlong one shows the queue
/// again with the problem named at the top.
pub async fn decide_counsellor(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id, action) = path.into_inner();
    let reason = || counsellors::check_reason(&form.reason);
    let checked = match action.as_str() {
        "approve" => Ok(Decision::Approve),
        "reject" => reason().map(|reason| Decision::Reject { reason }),
        "revoke" => reason().map(|reason| Decision::Revoke { reason }),
        _ => return Err(AppError::NotFound),
    };
    let decision = match checked {
        Ok(decision) => decision,
        Err(AppError::Validation(fields)) => {
            let refused = Refused {
                errors: row_problems(&page, &fields, &id),
                id,
                reason: form.reason,
            };
            return counsellor_page(&req, page, &state, &cache, form.status, None, Some(refused))
                .await;
        }
        Err(e) => return Err(e),
    };
    let links = Notifier::new(&state);
    state
        .db
        .write(move |conn| counsellors::decide(conn, &links, &id, &admin.user_id, decision))
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&back_to("/admin/counsellor-requests", &form.status)))
}
