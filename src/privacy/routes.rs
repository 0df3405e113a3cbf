//! The routes of privacy: `GET /me/export`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::api::{allow_only, get_or_head};
use crate::auth::extractor::AuthUser;
use crate::db;
use crate::error::AppError;
use crate::privacy::export::export;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/me/export")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(export_mine)),
    );
}

/// `GET /me/export`: the caller's data as a JSON file (`no-store`; offered as a download).
async fn export_mine(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, AppError> {
    let now = state.config.clock.now();
    let document = state
        .db
        .run(move |conn| db::read_tx(conn, |conn| export(conn, &user.user_id, now)))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"talkoot-export.json\"",
        ))
        .json(document))
}
