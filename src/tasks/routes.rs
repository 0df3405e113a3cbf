//! HTTP handlers for tasks.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head};
use crate::associations::access::{self, Viewer};
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::AppError;
use crate::signups::notify::Notifier;
use crate::state::AppState;
use crate::tasks::input::TaskInput;
use crate::tasks::lifecycle;
use crate::tasks::model::{CANCELLED, CLOSED, PUBLISHED, TaskView};
use crate::tasks::search::{self, TaskQuery};

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/tasks")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list)),
    )
    .service(
        web::resource("/tasks/{id}")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(get_task))
            .route(web::patch().to(patch_task)),
    )
    .service(
        web::resource("/tasks/{id}/publish")
            .default_service(allow_only("POST"))
            .route(web::post().to(publish)),
    )
    .service(
        web::resource("/tasks/{id}/close")
            .default_service(allow_only("POST"))
            .route(web::post().to(close)),
    )
    .service(
        web::resource("/tasks/{id}/cancel")
            .default_service(allow_only("POST"))
            .route(web::post().to(cancel)),
    )
    .service(
        web::resource("/associations/{id}/tasks")
            .default_service(allow_only("POST"))
            .route(web::post().to(create)),
    );
}

fn task_response(
    mut response: actix_web::HttpResponseBuilder,
    task: &TaskView,
    version: i32,
    private: bool,
) -> HttpResponse {
    response.insert_header((header::ETAG, format!("\"{version}\"")));
    if !private {
        response.insert_header((header::CACHE_CONTROL, "public, max-age=60"));
    }
    response.json(task)
}

async fn list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let query = TaskQuery::parse(req.query_string())?;
    let page = state
        .db
        .run(move |conn| search::search(conn, query))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

async fn create(
    state: web::Data<AppState>,
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
            reread(conn, &id, user.user_id)
        })
        .await?;
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, format!("/api/v1/tasks/{}", view.id)));
    Ok(task_response(response, &view, version, true))
}

/// The task as its member sees it after a change, with the version for the ETag.
fn reread(
    conn: &mut crate::db::DbConnection,
    id: &str,
    user_id: String,
) -> Result<(TaskView, i32), AppError> {
    let viewer = Viewer::load(conn, Some(user_id))?;
    let (task, association, _) = lifecycle::visible(conn, id, &viewer)?;
    let version = task.version;
    Ok((
        lifecycle::view_for(conn, task, &association, &viewer)?,
        version,
    ))
}

async fn get_task(
    state: web::Data<AppState>,
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
                lifecycle::view_for(conn, task, &association, &viewer)?,
                version,
                member,
            ))
        })
        .await?;
    // The sign-up status is personal, and a draft is not for shared caches.
    Ok(task_response(
        HttpResponse::Ok(),
        &view,
        version,
        signed_in || member || view.status != PUBLISHED,
    ))
}

async fn patch_task(
    state: web::Data<AppState>,
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
            lifecycle::update(conn, &notifier, task, expected, input)?;
            reread(conn, &id, user.user_id)
        })
        .await?;
    state.wake_mailer();
    Ok(task_response(HttpResponse::Ok(), &view, version, true))
}

async fn move_to(
    state: web::Data<AppState>,
    user: AuthUser,
    id: String,
    target: &'static str,
) -> Result<HttpResponse, AppError> {
    let notifier = Notifier::new(&state);
    let (view, version) = state
        .db
        .write(move |conn| {
            let (task, association) = lifecycle::editable(conn, &id, &user.user_id)?;
            lifecycle::transition(conn, &notifier, &task, &association, target)?;
            reread(conn, &id, user.user_id)
        })
        .await?;
    state.wake_mailer();
    Ok(task_response(HttpResponse::Ok(), &view, version, true))
}

async fn publish(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, user, path.into_inner(), PUBLISHED).await
}

async fn close(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, user, path.into_inner(), CLOSED).await
}

async fn cancel(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    move_to(state, user, path.into_inner(), CANCELLED).await
}
