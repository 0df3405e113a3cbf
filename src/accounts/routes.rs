//! HTTP handlers for `/me` and the user's request for the counsellor role.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::accounts::counsellors::{self, RequestInput};

use crate::accounts::profile::{self, ProfilePatch};
use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, private_json};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::state::AppState;

/// Registers the routes of this feature. `erase_me` is `DELETE /me`, which erases the
/// account across every feature and so belongs to the privacy feature above this one;
/// `startup.rs` hands it in, like a hook.
pub fn configure(cfg: &mut web::ServiceConfig, erase_me: actix_web::Route) {
    cfg.service(
        web::resource("/me")
            .default_service(allow_only("GET, HEAD, PATCH, DELETE"))
            .route(get_or_head().to(get_me))
            .route(web::patch().to(patch_me))
            .route(erase_me),
    )
    .service(
        web::resource("/me/counsellor-request")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(my_counsellor_request))
            .route(web::post().to(request_counsellor_role)),
    );
}

async fn my_counsellor_request(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, AppError> {
    let request = state
        .db
        .run(move |conn| counsellors::latest(conn, &user.user_id))
        .await?;
    Ok(private_json(&request))
}

async fn request_counsellor_role(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(input): ApiJson<RequestInput>,
) -> Result<HttpResponse, AppError> {
    let request = state
        .db
        .write(move |conn| counsellors::request(conn, &user.user_id, input))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, "/api/v1/me/counsellor-request"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(&request))
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
