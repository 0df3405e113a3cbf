//! `GET /tasks`, answered from the index.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::api::{allow_only, get_or_head};
use crate::error::AppError;
use crate::search::{TaskIndex, tasks};
use crate::state::AppState;
use crate::tasks::search::TaskQuery;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/tasks")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list)),
    );
}

async fn list(
    state: web::Data<AppState>,
    index: web::Data<TaskIndex>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let query = TaskQuery::parse(req.query_string())?;
    let now = state.config.clock.now();
    let index = index.into_inner();
    let page = state
        .db
        .run(move |conn| {
            // Every change committed before this request is searchable in its answer.
            index.catch_up(conn, now, false)?;
            tasks::search(&index, conn, &query, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}
