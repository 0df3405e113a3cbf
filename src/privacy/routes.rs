//! The routes of privacy: `GET /me/export` and `DELETE /me`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::accounts::login::confirm_password;
use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head};
use crate::auth::extractor::AuthUser;
use crate::db;
use crate::email::Notifier;
use crate::error::AppError;
use crate::privacy::erasure::{ErasedBy, erase};
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

/// `DELETE /me`, for the accounts feature's `/me` resource.
pub fn erase_me() -> actix_web::Route {
    web::delete().to(erase_mine)
}

/// The body of `DELETE /me`: the password, re-entered.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Confirm {
    password: String,
}

/// `DELETE /me`: with the right password the account is erased (`204`); a wrong one is
/// `403 wrong-password` and changes nothing, and wrong ones count like failed logins
/// (`429` over the hourly limit).
async fn erase_mine(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(body): ApiJson<Confirm>,
) -> Result<HttpResponse, AppError> {
    confirm_password(&state, &user.user_id, body.password).await?;
    let notifier = Notifier::new(&state);
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| erase(conn, &notifier, &user.user_id, ErasedBy::TheUser, now))
        .await?;
    state.wake_mailer();
    Ok(HttpResponse::NoContent().finish())
}
