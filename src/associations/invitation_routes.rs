//! HTTP handlers for answering invitations: `/invitations/*` (with the emailed link's
//! token) and `/me/invitations*` (from the invited person's account). The owners' side,
//! `POST /associations/{id}/members`, is in `routes.rs`.

use actix_web::{HttpResponse, web};

use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, post_only, private_json};
use crate::associations::invitation_answers::{self, MineQuery, TokenRequest};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::state::AppState;

/// Registers the routes of answering invitations.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(post_only("/invitations/accept", accept_by_token))
        .service(post_only("/invitations/decline", decline_by_token))
        .service(
            web::resource("/me/invitations")
                .default_service(allow_only("GET, HEAD"))
                .route(get_or_head().to(mine)),
        )
        .service(post_only("/me/invitations/{id}/accept", accept_mine))
        .service(post_only("/me/invitations/{id}/decline", decline_mine));
}

async fn accept_by_token(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<HttpResponse, AppError> {
    let app = state.get_ref().clone();
    let membership = state
        .db
        .write(move |conn| invitation_answers::accept_by_token(conn, &app, &user.user_id, req))
        .await?;
    state.wake_mailer();
    Ok(private_json(&membership))
}

/// Needs no account: the link's token alone proves the mailbox.
async fn decline_by_token(
    state: web::Data<AppState>,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<HttpResponse, AppError> {
    state
        .db
        .write(move |conn| invitation_answers::decline_by_token(conn, req))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn mine(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<MineQuery>,
) -> Result<HttpResponse, AppError> {
    let page = state
        .db
        .run(move |conn| invitation_answers::mine(conn, &user.user_id, query.into_inner()))
        .await?;
    Ok(private_json(&page))
}

async fn accept_mine(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let app = state.get_ref().clone();
    let membership = state
        .db
        .write(move |conn| invitation_answers::accept_mine(conn, &app, &user.user_id, &id))
        .await?;
    state.wake_mailer();
    Ok(private_json(&membership))
}

async fn decline_mine(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state
        .db
        .write(move |conn| invitation_answers::decline_mine(conn, &user.user_id, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
