//! HTTP handlers for `/admin/*`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::accounts::counsellors;
use crate::accounts::roles::AdminUser;
use crate::admin::emails::{self, EmailQuery};
use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, post_only, private_json};
use crate::associations::hooks::Hooks;
use crate::associations::model::{self, SUSPENDED, VERIFIED};
use crate::associations::{claims, moderation};
use crate::audit::{self, AuditQuery};
use crate::email::Notifier;
use crate::error::AppError;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/admin/associations")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_associations)),
    )
    .service(post_only("/admin/associations/{id}/verify", verify))
    .service(post_only("/admin/associations/{id}/suspend", suspend))
    .service(
        web::resource("/admin/claims")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_claims)),
    )
    .service(post_only("/admin/claims/{id}/approve", approve))
    .service(post_only("/admin/claims/{id}/reject", reject))
    .service(
        web::resource("/admin/counsellor-requests")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_counsellor_requests)),
    )
    .service(post_only(
        "/admin/counsellor-requests/{id}/approve",
        approve_counsellor,
    ))
    .service(post_only(
        "/admin/counsellor-requests/{id}/reject",
        reject_counsellor,
    ))
    .service(post_only(
        "/admin/counsellor-requests/{id}/revoke",
        revoke_counsellor,
    ))
    .service(
        web::resource("/admin/emails")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_emails)),
    )
    .service(post_only("/admin/emails/{id}/retry", retry_email))
    .service(
        web::resource("/admin/audit")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_audit)),
    );
}

/// `GET /admin/emails?status=`: emails by status (default `failed`), recipients masked.
async fn list_emails(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<EmailQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state.db.run(move |conn| emails::list(conn, q)).await?;
    Ok(private_json(&page))
}

/// `POST /admin/emails/{id}/retry`: a failed email is queued again at once.
async fn retry_email(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let now = state.config.clock.now();
    let email = state
        .db
        .write(move |conn| emails::retry(conn, &admin.0.user_id, &id, now))
        .await?;
    state.wake_mailer();
    Ok(private_json(&email))
}

/// `GET /admin/audit`: the audit trail, newest first.
async fn list_audit(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state.db.run(move |conn| audit::list(conn, q)).await?;
    Ok(private_json(&page))
}

#[derive(Deserialize)]
struct StatusQuery {
    status: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

async fn list_associations(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<StatusQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state
        .db
        .run(move |conn| moderation::list(conn, q.status.as_deref(), q.page, q.per_page))
        .await?;
    Ok(private_json(&page))
}

async fn set_status(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    admin: AdminUser,
    id: String,
    status: &'static str,
) -> Result<HttpResponse, AppError> {
    let app = state.get_ref().clone();
    let card = state
        .db
        .write(move |conn| {
            let association = moderation::set_status(conn, &app, &admin.0.user_id, &id, status)?;
            model::card(conn, &hooks, association, None)
        })
        .await?;
    state.wake_mailer();
    Ok(private_json(&card))
}

async fn verify(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_status(state, hooks, admin, path.into_inner(), VERIFIED).await
}

async fn suspend(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_status(state, hooks, admin, path.into_inner(), SUSPENDED).await
}

async fn list_claims(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<StatusQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state
        .db
        .run(move |conn| claims::list(conn, q.status.as_deref(), q.page, q.per_page))
        .await?;
    Ok(private_json(&page))
}

async fn decide(
    state: web::Data<AppState>,
    admin: AdminUser,
    id: String,
    approve: bool,
) -> Result<HttpResponse, AppError> {
    let app = state.get_ref().clone();
    let claim = state
        .db
        .write(move |conn| claims::decide(conn, &app, &id, &admin.0.user_id, approve))
        .await?;
    state.wake_mailer();
    Ok(private_json(&claim))
}

async fn approve(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide(state, admin, path.into_inner(), true).await
}

async fn reject(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide(state, admin, path.into_inner(), false).await
}

async fn list_counsellor_requests(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<counsellors::ListQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state.db.run(move |conn| counsellors::list(conn, q)).await?;
    Ok(private_json(&page))
}

async fn decide_counsellor(
    state: web::Data<AppState>,
    admin: AdminUser,
    id: String,
    decision: counsellors::Decision,
) -> Result<HttpResponse, AppError> {
    let links = Notifier::new(&state);
    let request = state
        .db
        .write(move |conn| counsellors::decide(conn, &links, &id, &admin.0.user_id, decision))
        .await?;
    state.wake_mailer();
    Ok(private_json(&request))
}

async fn approve_counsellor(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide_counsellor(
        state,
        admin,
        path.into_inner(),
        counsellors::Decision::Approve,
    )
    .await
}

/// Reject and revoke: the same checked reason, a different decision.
async fn decide_with_reason(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
    body: counsellors::ReasonInput,
    decision: fn(String) -> counsellors::Decision,
) -> Result<HttpResponse, AppError> {
    let reason = counsellors::check_reason(&body.reason)?;
    decide_counsellor(state, admin, path.into_inner(), decision(reason)).await
}

async fn reject_counsellor(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
    ApiJson(body): ApiJson<counsellors::ReasonInput>,
) -> Result<HttpResponse, AppError> {
    decide_with_reason(state, admin, path, body, |reason| {
        counsellors::Decision::Reject { reason }
    })
    .await
}

async fn revoke_counsellor(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
    ApiJson(body): ApiJson<counsellors::ReasonInput>,
) -> Result<HttpResponse, AppError> {
    decide_with_reason(state, admin, path, body, |reason| {
        counsellors::Decision::Revoke { reason }
    })
    .await
}
