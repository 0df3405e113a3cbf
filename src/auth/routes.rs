//! HTTP handlers for `/auth/*`: thin wrappers that parse, call the feature and answer.

use actix_governor::Governor;
use actix_web::{HttpResponse, web};

use crate::accounts::registration::{self, RegisterRequest, ResendRequest, VerifyRequest};
use crate::api::json::ApiJson;
use crate::api::{accepted, allow_only, private_json};
use crate::auth::AuthUser;
use crate::auth::login::{self, LoginRequest, RefreshRequest};
use crate::auth::password_reset::{self, ResetConfirm, ResetRequest};
use crate::auth::rate_limit::Limiter;
use crate::error::AppError;
use crate::state::AppState;

/// The per-IP limiters, built once per process and shared by all workers.
#[derive(Clone)]
pub struct Limiters {
    pub login: Limiter,
    pub register: Limiter,
    pub reset: Limiter,
}

/// The message of every 202: identical for known and unknown addresses.
const REGISTER_ACCEPTED: &str = "If the address can be used, a message is on its way to it.";
const RESET_ACCEPTED: &str =
    "If an account uses this address, a password reset link is on its way to it.";

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig, limiters: &Limiters) {
    cfg.service(
        web::resource("/auth/register")
            .wrap(Governor::new(&limiters.register))
            .default_service(allow_only("POST"))
            .route(web::post().to(register)),
    )
    .service(
        web::resource("/auth/verify-email/resend")
            .wrap(Governor::new(&limiters.register))
            .default_service(allow_only("POST"))
            .route(web::post().to(resend)),
    )
    .service(
        web::resource("/auth/verify-email")
            .default_service(allow_only("POST"))
            .route(web::post().to(verify)),
    )
    .service(
        web::resource("/auth/login")
            .wrap(Governor::new(&limiters.login))
            .default_service(allow_only("POST"))
            .route(web::post().to(log_in)),
    )
    .service(
        web::resource("/auth/refresh")
            .default_service(allow_only("POST"))
            .route(web::post().to(refresh)),
    )
    .service(
        web::resource("/auth/logout")
            .default_service(allow_only("POST"))
            .route(web::post().to(log_out)),
    )
    .service(
        web::resource("/auth/password-reset")
            .wrap(Governor::new(&limiters.reset))
            .default_service(allow_only("POST"))
            .route(web::post().to(reset)),
    )
    .service(
        web::resource("/auth/password-reset/confirm")
            .wrap(Governor::new(&limiters.reset))
            .default_service(allow_only("POST"))
            .route(web::post().to(reset_confirm)),
    );
}

async fn register(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> Result<HttpResponse, AppError> {
    registration::register(&state, req).await?;
    Ok(accepted(REGISTER_ACCEPTED))
}

async fn resend(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<ResendRequest>,
) -> Result<HttpResponse, AppError> {
    registration::resend(&state, req).await?;
    Ok(accepted(REGISTER_ACCEPTED))
}

async fn verify(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<VerifyRequest>,
) -> Result<HttpResponse, AppError> {
    registration::verify(&state, req).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn log_in(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<HttpResponse, AppError> {
    Ok(private_json(&login::login(&state, req).await?))
}

async fn refresh(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> Result<HttpResponse, AppError> {
    Ok(private_json(&login::refresh(&state, req).await?))
}

async fn log_out(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(req): ApiJson<RefreshRequest>,
) -> Result<HttpResponse, AppError> {
    login::logout(&state, user.user_id, user.session_id, req).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn reset(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<ResetRequest>,
) -> Result<HttpResponse, AppError> {
    password_reset::request(&state, req).await?;
    Ok(accepted(RESET_ACCEPTED))
}

async fn reset_confirm(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<ResetConfirm>,
) -> Result<HttpResponse, AppError> {
    password_reset::confirm(&state, req).await?;
    Ok(HttpResponse::NoContent().finish())
}
