//! Liveness and readiness probes, and the OpenAPI document.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use diesel::connection::SimpleConnection as _;

use crate::api::{allow_only, get_or_head};
use crate::error::AppError;
use crate::search::SearchIndex;
use crate::state::AppState;

/// The API description, embedded so that the binary serves exactly the spec it was built with.
const OPENAPI: &str = include_str!("../openapi.yaml");

/// Registers `/healthz`, `/readyz` and `/openapi.yaml` (outside `/api/v1`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/healthz")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(healthz)),
    )
    .service(
        web::resource("/readyz")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(readyz)),
    )
    .service(
        web::resource("/openapi.yaml")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(openapi)),
    );
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// Ready when a pooled connection answers a trivial query; says how many changes the
/// search index has yet to apply (`search_lag`), which a follower keeps near zero.
async fn readyz(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, AppError> {
    let pool = state.db.pool().clone();
    let index = index.into_inner();
    let ready = web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        conn.batch_execute("SELECT 1").map_err(|e| e.to_string())?;
        index.lag(&mut conn).map_err(|e| e.to_string())
    })
    .await?;
    match ready {
        Ok(lag) => Ok(
            HttpResponse::Ok().json(serde_json::json!({ "status": "ready", "search_lag": lag }))
        ),
        Err(e) => Err(AppError::Unavailable(e)),
    }
}

async fn openapi() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/yaml"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(OPENAPI)
}
