//! `GET /tasks`, `GET /associations` and `GET /services`, answered from the index.

use actix_web::{HttpRequest, HttpResponse, guard, web};
use chrono::NaiveDateTime;

use crate::api::{allow_only, get_or_head};
use crate::associations::search::SearchQuery;
use crate::associations::service_search::ServiceQuery;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::{SearchIndex, associations, services, tasks};
use crate::state::AppState;
use crate::tasks::search::TaskQuery;

/// Registers the routes of this feature. Register before `associations`: `/associations`
/// takes `POST` there, and only `GET` and `HEAD` are caught here (the guard lets the rest
/// fall through to that resource).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/tasks")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list)),
    )
    .service(
        web::resource("/associations")
            .guard(guard::Any(guard::Get()).or(guard::Head()))
            .to(list_associations),
    )
    .service(
        web::resource("/services")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(find_services)),
    );
}

/// Runs a search on the blocking pool, in one of the index's slots, after bringing the
/// index up to date: every change committed before the request is in its answer.
pub async fn answer<T, F>(
    state: &AppState,
    index: web::Data<SearchIndex>,
    search: F,
) -> Result<HttpResponse, AppError>
where
    T: serde::Serialize + Send + 'static,
    F: FnOnce(&SearchIndex, &mut DbConnection, NaiveDateTime) -> Result<T, AppError>
        + Send
        + 'static,
{
    Ok(HttpResponse::Ok().json(run(state, index, search).await?))
}

/// Runs a search on the blocking pool, in one of the index's slots, after bringing the
/// index up to date, and returns what it found (the API's [`answer`] and the web pages
/// both search through here).
pub async fn run<T, F>(
    state: &AppState,
    index: web::Data<SearchIndex>,
    search: F,
) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&SearchIndex, &mut DbConnection, NaiveDateTime) -> Result<T, AppError>
        + Send
        + 'static,
{
    let now = state.config.clock.now();
    let index = index.into_inner();
    let slot = index.slot().await?;
    state
        .db
        .run(move |conn| {
            let _slot = slot;
            index.catch_up(conn, now, false)?;
            search(&index, conn, now)
        })
        .await
}

/// `GET /associations`: public, cached by nobody (the default `no-store`).
async fn list_associations(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    answer(&state, index, move |index, conn, _| {
        associations::search(index, conn, &query)
    })
    .await
}

/// `GET /services`: public, like the cards the services come from.
async fn find_services(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let query = ServiceQuery::parse(req.query_string())?;
    answer(&state, index, move |index, conn, _| {
        services::search(index, conn, &query)
    })
    .await
}

/// `GET /tasks`.
async fn list(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let query = TaskQuery::parse(req.query_string())?;
    answer(&state, index, move |index, conn, now| {
        tasks::search(index, conn, &query, now)
    })
    .await
}
