//! `GET /regions`, `/municipalities` and `/categories`: public, cacheable lists.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::api::{allow_only, get_or_head};
use crate::error::AppError;
use crate::reference;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/regions")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(regions)),
    )
    .service(
        web::resource("/municipalities")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(municipalities)),
    )
    .service(
        web::resource("/categories")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(categories)),
    );
}

/// Reference lists are complete (a few hundred rows), so they are not paginated.
#[derive(Serialize)]
struct Listing<T> {
    items: Vec<T>,
    total: usize,
}

fn cacheable<T: Serialize>(items: Vec<T>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(Listing {
            total: items.len(),
            items,
        })
}

#[derive(Deserialize)]
struct MunicipalityQuery {
    region: Option<String>,
}

async fn regions(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    Ok(cacheable(state.db.run(reference::list_regions).await?))
}

async fn municipalities(
    state: web::Data<AppState>,
    query: web::Query<MunicipalityQuery>,
) -> Result<HttpResponse, AppError> {
    let region = query.into_inner().region;
    let filter = region.clone();
    let items = state
        .db
        .run(move |conn| reference::list_municipalities(conn, filter.as_deref()))
        .await?;
    match items {
        Some(items) => Ok(cacheable(items)),
        None => Err(AppError::field(
            "region",
            "unknown_region",
            &format!("No region has the code '{}'.", region.unwrap_or_default()),
        )),
    }
}

async fn categories(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    Ok(cacheable(state.db.run(reference::list_categories).await?))
}
