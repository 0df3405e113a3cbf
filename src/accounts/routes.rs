//! HTTP handlers for `/me`.

use actix_web::{HttpResponse, web};

use crate::accounts::profile::{self, ProfilePatch};
use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, private_json};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/me")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(get_me))
            .route(web::patch().to(patch_me)),
    );
}

async fn get_me(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, AppError> {
    let profile = state
        .db
        .run(move |conn| profile::load(conn, &user.user_id))
        .await?;
    Ok(private_json(&profile))
}

async fn patch_me(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(patch): ApiJson<ProfilePatch>,
) -> Result<HttpResponse, AppError> {
    let profile = state
        .db
        .write(move |conn| profile::apply(conn, &user.user_id, patch))
        .await?;
    Ok(private_json(&profile))
}
