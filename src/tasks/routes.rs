//! HTTP handlers for tasks.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::api::json::ApiJson;
use crate::api::{allow_only, cache_per_caller, get_or_head, post_only};
use crate::associations::access::{self, Viewer};
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::email::Notifier;
use crate::error::AppError;
use crate::state::AppState;
use crate::tasks::draft::TaskInput;
use crate::tasks::hooks::Hooks;
use crate::tasks::lifecycle;
use crate::tasks::model::TaskView;
use crate::tasks::status::TaskStatus;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::tasks::ics::configure(cfg);
    cfg.service(
        web::resource("/tasks/{id}")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(get_task))
            .route(web::patch().to(patch_task)),
    )
    .service(post_only("/tasks/{id}/publish", publish))
    .service(post_only("/tasks/{id}/close", close))
    .service(post_only("/tasks/{id}/cancel", cancel))
    .service(post_only("/associations/{id}/tasks", create));
}

/// How long shared caches may keep the anonymous view of a published task.
const SHARED_MAX_AGE_SECS: u32 = 60;

/// A task with its version as the `ETag`. Answers to changes get the default `no-store`;
/// `GET` sets its own cache headers first.
fn task_response(
    mut response: actix_web::HttpResponseBuilder,
    task: &TaskView,
    version: i32,
) -> HttpResponse {
    response.insert_header((header::ETAG, format!("\"{version}\"")));
    response.json(task)
}

async fn create(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<TaskInput>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let (view, version) = state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &key, &user.user_id)?;
            let id = lifecycle::create(conn, &association, input)?;
            reread(conn, &hooks, &id, user.user_id)
        })
        .await?;
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, format!("/api/v1/tasks/{}", view.id)));
    Ok(task_response(response, &view, version))
}

/// The task as its member sees it after a change, with the version for the ETag.
fn reread(
    conn: &mut crate::db::DbConnection,
    hooks: &Hooks,
    id: &str,
    user_id: String,
) -> Result<(TaskView, i32), AppError> {
    let viewer = Viewer::load(conn, Some(user_id))?;
    let (task, association, _) = lifecycle::visible(conn, id, &viewer)?;
    let version = task.version;
    Ok((
        lifecycle::view_for(conn, hooks, task, &association, &viewer)?,
        version,
    ))
}

async fn get_task(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: MaybeAuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let signed_in = user.0.is_some();
    let (view, version, member) = state
        .db
        .run(move |conn| {
            let viewer = Viewer::load(conn, user.0.map(|u| u.user_id))?;
            let (task, association, member) = lifecycle::visible(conn, &id, &viewer)?;
            let version = task.version;
            Ok((
                lifecycle::view_for(conn, &hooks, task, &association, &viewer)?,
                version,
                member,
            ))
        })
        .await?;
    // The sign-up status is personal, and a draft is not for shared caches: only an
    // anonymous reader's view of a published task is (`member` implies signed in).
    let shared = !signed_in && !member && view.status == TaskStatus::Published;
    let mut response = HttpResponse::Ok();
    cache_per_caller(&mut response, shared.then_some(SHARED_MAX_AGE_SECS));
    Ok(task_response(response, &view, version))
}

async fn patch_task(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    req: HttpRequest,
    path: web::Path<String>,
    ApiJson(input): ApiJson<TaskInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let expected = crate::api::if_match(&req);
    let notifier = Notifier::new(&state);
    let (view, version) = state
        .db
        .write(move |conn| {
            let (task, _) = lifecycle::editable(conn, &id, &user.user_id)?;
            lifecycle::update(conn, &hooks, &notifier, task, expected, input)?;
            reread(conn, &hooks, &id, user.user_id)
        })
        .await?;
    state.wake_mailer();
    Ok(task_response(HttpResponse::Ok(), &view, version))
}

async fn move_to(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    id: String,
    target: TaskStatus,
) -> Result<HttpResponse, AppError> {
    let notifier = Notifier::new(&state);
    let (view, version) = state
        .db
        .write(move |conn| {
            let (task, association) = lifecycle::editable(conn, &id, &user.user_id)?;
            lifecycle::transition(conn, &hooks, &notifier, &task, &association, target)?;
            reread(conn, &hooks, &id, user.user_id)
        })
        .await?;
    state.wake_mailer();
    state.wake_jobs();
    Ok(task_response(HttpResponse::Ok(), &view, version))
}

async fn publish(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, hooks, user, path.into_inner(), TaskStatus::Published).await
}

async fn close(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, hooks, user, path.into_inner(), TaskStatus::Closed).await
}

async fn cancel(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, hooks, user, path.into_inner(), TaskStatus::Cancelled).await
}
