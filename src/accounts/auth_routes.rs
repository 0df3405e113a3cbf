//! HTTP handlers for `/auth/*`: thin wrappers that parse, call the feature and answer.

use actix_web::body::BoxBody;
use actix_web::dev::ServiceRequest;
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpResponse, ResponseError as _, web};

use crate::accounts::login::{self, LoginRequest, RefreshRequest};
use crate::accounts::password_reset::{self, ResetConfirm, ResetRequest};
use crate::accounts::registration::{self, RegisterRequest, ResendRequest, VerifyRequest};
use crate::api::json::ApiJson;
use crate::api::{accepted, post_only, private_json};
use crate::auth::AuthUser;
use crate::auth::rate_limit::Limiter;
use crate::error::AppError;
use crate::state::AppState;

/// The per-IP limiters, built once per process and shared by all workers.
#[derive(Clone)]
pub struct Limiters {
    pub login: Limiter,
    pub register: Limiter,
    pub reset: Limiter,
    /// `POST /reports` (built here with the others, handed to the reports feature).
    pub reports: Limiter,
}

/// The message of every 202: identical for known and unknown addresses.
const REGISTER_ACCEPTED: &str = "If the address can be used, a message is on its way to it.";
const RESET_ACCEPTED: &str =
    "If an account uses this address, a password reset link is on its way to it.";

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig, limiters: &Limiters) {
    // Counts each request to the resource before anything else, even one whose body fails.
    let limited = |limiter: &Limiter| {
        let limiter = limiter.clone();
        from_fn(move |req: ServiceRequest, next: Next<BoxBody>| {
            let checked = limiter.check(req.request());
            async move {
                match checked {
                    Ok(()) => next.call(req).await,
                    // Answered here, so the 429 passes the app's header and error layers
                    // like any other response.
                    Err(limited) => Ok(req.into_response(limited.error_response())),
                }
            }
        })
    };
    cfg.service(post_only("/auth/register", register).wrap(limited(&limiters.register)))
        .service(post_only("/auth/verify-email/resend", resend).wrap(limited(&limiters.register)))
        .service(post_only("/auth/verify-email", verify))
        .service(post_only("/auth/login", log_in).wrap(limited(&limiters.login)))
        .service(post_only("/auth/refresh", refresh))
        .service(post_only("/auth/logout", log_out))
        .service(post_only("/auth/password-reset", reset).wrap(limited(&limiters.reset)))
        .service(
            post_only("/auth/password-reset/confirm", reset_confirm).wrap(limited(&limiters.reset)),
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
