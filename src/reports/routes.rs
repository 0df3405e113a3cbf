//! The routes of reports: `POST /reports` for anyone, and the administrators' queue and
//! moderation under `/admin`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::roles::AdminUser;
use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, post_only, private_json};
use crate::auth::MaybeAuthUser;
use crate::auth::rate_limit::Limiter;
use crate::error::AppError;
use crate::reports::model::{self, Closing, NewReport, ReportQuery};
use crate::reports::moderation;
use crate::state::AppState;

/// The per-address limiter of `POST /reports` (anonymous reports are welcome, floods not).
#[derive(Clone)]
pub struct ReportLimiter(pub Limiter);

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(post_only("/reports", create))
        .service(
            web::resource("/admin/reports")
                .default_service(allow_only("GET, HEAD"))
                .route(get_or_head().to(list)),
        )
        .service(post_only("/admin/reports/{id}/close", close))
        .service(post_only("/admin/tasks/{id}/hide", hide_task))
        .service(post_only("/admin/tasks/{id}/restore", restore_task))
        .service(post_only("/admin/users/{id}/suspend", suspend_user))
        .service(post_only("/admin/users/{id}/reinstate", reinstate_user));
}

/// `POST /reports`: `201` with the report's id; anyone, counted per address.
async fn create(
    state: web::Data<AppState>,
    limiter: web::Data<ReportLimiter>,
    req: HttpRequest,
    user: MaybeAuthUser,
    ApiJson(input): ApiJson<NewReport>,
) -> Result<HttpResponse, AppError> {
    limiter.0.check(&req)?;
    let now = state.config.clock.now();
    let reporter = user.0.map(|u| u.user_id);
    let received = state
        .db
        .write(move |conn| model::create(conn, reporter.as_deref(), input, now))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(received))
}

/// `GET /admin/reports?status=`: the queue.
async fn list(
    state: web::Data<AppState>,
    _: AdminUser,
    q: web::Query<ReportQuery>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let page = state.db.run(move |conn| model::list(conn, q)).await?;
    Ok(private_json(&page))
}

/// `POST /admin/reports/{id}/close`.
async fn close(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<Closing>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let now = state.config.clock.now();
    let report = state
        .db
        .write(move |conn| model::close(conn, &admin.0.user_id, &id, input, now))
        .await?;
    state.wake_mailer();
    Ok(private_json(&report))
}

async fn task_hidden(
    state: web::Data<AppState>,
    admin: AdminUser,
    id: String,
    hide: bool,
) -> Result<HttpResponse, AppError> {
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| moderation::set_task_hidden(conn, &admin.0.user_id, &id, hide, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /admin/tasks/{id}/hide`: `204`; the task leaves search at once.
async fn hide_task(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    task_hidden(state, admin, path.into_inner(), true).await
}

/// `POST /admin/tasks/{id}/restore`: `204`; the task is as it was before.
async fn restore_task(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    task_hidden(state, admin, path.into_inner(), false).await
}

async fn user_suspended(
    state: web::Data<AppState>,
    admin: AdminUser,
    id: String,
    suspend: bool,
) -> Result<HttpResponse, AppError> {
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| {
            moderation::set_user_suspended(conn, &admin.0.user_id, &id, suspend, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /admin/users/{id}/suspend`: `204`; the account's sessions end and it cannot log in.
async fn suspend_user(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    user_suspended(state, admin, path.into_inner(), true).await
}

/// `POST /admin/users/{id}/reinstate`: `204`; the account can log in again.
async fn reinstate_user(
    state: web::Data<AppState>,
    admin: AdminUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    user_suspended(state, admin, path.into_inner(), false).await
}
