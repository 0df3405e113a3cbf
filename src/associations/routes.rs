//! HTTP handlers for `/associations/*` and the search of their services (`/services`);
//! answering invitations is in `invitation_routes.rs`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::api::json::ApiJson;
use crate::api::{allow_only, cache_per_caller, get_or_head, post_only};
use crate::associations::access::{self, Viewer};
use crate::associations::card::{self, CardInput};
use crate::associations::claims::{self, ClaimRequest};
use crate::associations::hooks::Hooks;
use crate::associations::invitations::{self, InviteRequest};
use crate::associations::members::{self, ChangeRole};
use crate::associations::model::{self, Card, OWNER};
use crate::associations::services::{self, ServiceInput};
use crate::auth::{AuthUser, MaybeAuthUser};
use crate::error::AppError;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        // GET and HEAD are the search's (`crate::search::routes`, registered first).
        web::resource("/associations")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(web::post().to(create)),
    )
    .service(
        web::resource("/associations/{id}")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(get_card))
            .route(web::patch().to(patch_card)),
    )
    .service(
        web::resource("/associations/{id}/members")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(list_members))
            .route(web::post().to(invite_member)),
    )
    .service(
        web::resource("/associations/{id}/members/{user_id}")
            .default_service(allow_only("PATCH, DELETE"))
            .route(web::patch().to(change_role))
            .route(web::delete().to(remove_member)),
    )
    .service(
        web::resource("/associations/{id}/services")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(list_services))
            .route(web::post().to(create_service)),
    )
    .service(
        web::resource("/associations/{id}/services/{service_id}")
            .default_service(allow_only("PATCH, DELETE"))
            .route(web::patch().to(update_service))
            .route(web::delete().to(delete_service)),
    )
    .service(post_only("/associations/{id}/claim", claim));
    crate::associations::invitation_routes::configure(cfg);
}

/// The card with its `ETag` (the version an editor must send back in `If-Match`).
/// How long shared caches may keep the anonymous view of a verified card.
const SHARED_MAX_AGE_SECS: u32 = 60;

fn card_response(
    mut response: actix_web::HttpResponseBuilder,
    card: &Card,
    version: i32,
) -> HttpResponse {
    response
        .insert_header((header::ETAG, format!("\"{version}\"")))
        .json(card)
}

async fn create(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    ApiJson(input): ApiJson<CardInput>,
) -> Result<HttpResponse, AppError> {
    let (card, version) = state
        .db
        .write(move |conn| {
            let association = card::create(conn, &user.user_id, input)?;
            let version = association.version;
            let card = model::card(conn, &hooks, association, Some(OWNER.to_owned()))?;
            Ok((card, version))
        })
        .await?;
    let mut response = HttpResponse::Created();
    response.insert_header((
        header::LOCATION,
        format!("/api/v1/associations/{}", card.id),
    ));
    Ok(card_response(response, &card, version))
}

async fn get_card(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: MaybeAuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let signed_in = user.0.is_some();
    let (card, version, member) = state
        .db
        .run(move |conn| {
            let viewer = Viewer::load(conn, user.0.map(|u| u.user_id))?;
            let (association, role) = access::visible(conn, &key, &viewer)?;
            let version = association.version;
            let member = role.is_some() || viewer.is_admin;
            Ok((
                model::card(conn, &hooks, association, role)?,
                version,
                member,
            ))
        })
        .await?;
    let mut response = HttpResponse::Ok();
    // A hidden card or a member's view must not be kept by shared caches; only an anonymous
    // reader's view of a verified card is (`member` implies signed in).
    let shared = !signed_in && !member && card.status == model::VERIFIED;
    cache_per_caller(&mut response, shared.then_some(SHARED_MAX_AGE_SECS));
    Ok(card_response(response, &card, version))
}

async fn patch_card(
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    user: AuthUser,
    req: HttpRequest,
    path: web::Path<String>,
    ApiJson(input): ApiJson<CardInput>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let expected = crate::api::if_match(&req);
    let (card, version) = state
        .db
        .write(move |conn| {
            // Members edit the card; administrators may too, and only they may correct
            // the identifiers once the association is verified.
            let viewer = Viewer::load(conn, Some(user.user_id.clone()))?;
            let (association, role) = access::visible(conn, &key, &viewer)?;
            let editor = if viewer.is_admin {
                card::Editor::Administrator
            } else if role.is_some() {
                card::Editor::Member
            } else {
                return Err(AppError::Forbidden);
            };
            let updated = card::update(conn, association, expected, input, editor)?;
            let version = updated.version;
            Ok((model::card(conn, &hooks, updated, role)?, version))
        })
        .await?;
    Ok(card_response(HttpResponse::Ok(), &card, version))
}

async fn list_members(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let members = state
        .db
        .run(move |conn| {
            let association = access::owner(conn, &key, &user.user_id)?;
            members::list(conn, &association.id)
        })
        .await?;
    Ok(crate::api::private_json(&members))
}

/// Always `202` with the address and role asked for: the same status, body and headers
/// whether the address has an account, is invited already or is a member.
async fn invite_member(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(req): ApiJson<InviteRequest>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let app = state.get_ref().clone();
    let invited = state
        .db
        .write(move |conn| {
            let association = access::owner(conn, &key, &user.user_id)?;
            invitations::invite(conn, &app, &association, &user.user_id, req)
        })
        .await?;
    state.wake_mailer();
    Ok(HttpResponse::Accepted()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(invited))
}

#[derive(Deserialize)]
struct MemberPath {
    id: String,
    user_id: String,
}

async fn change_role(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<MemberPath>,
    ApiJson(req): ApiJson<ChangeRole>,
) -> Result<HttpResponse, AppError> {
    let MemberPath { id, user_id } = path.into_inner();
    state
        .db
        .write(move |conn| {
            let association = access::owner(conn, &id, &user.user_id)?;
            members::change_role(conn, &user.user_id, &association.id, &user_id, req)?;
            members::list(conn, &association.id)
        })
        .await
        .map(|members| crate::api::private_json(&members))
}

/// Any member may leave (the last owner too); owners remove other members, and
/// administrators anyone.
async fn remove_member(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<MemberPath>,
) -> Result<HttpResponse, AppError> {
    let MemberPath { id, user_id } = path.into_inner();
    state
        .db
        .write(move |conn| {
            let association = if user_id == user.user_id {
                access::member(conn, &id, &user.user_id)?.0
            } else {
                let viewer = Viewer::load(conn, Some(user.user_id.clone()))?;
                if viewer.is_admin {
                    access::visible(conn, &id, &viewer)?.0
                } else {
                    access::owner(conn, &id, &user.user_id)?
                }
            };
            members::remove(conn, &user.user_id, &association.id, &user_id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn list_services(
    state: web::Data<AppState>,
    user: MaybeAuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let services = state
        .db
        .run(move |conn| {
            let viewer = Viewer::load(conn, user.0.map(|u| u.user_id))?;
            let (association, _) = access::visible(conn, &key, &viewer)?;
            model::services(conn, &association.id)
        })
        .await?;
    let total = services.len();
    Ok(HttpResponse::Ok().json(serde_json::json!({ "items": services, "total": total })))
}

async fn create_service(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<ServiceInput>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let service = state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &key, &user.user_id)?;
            services::create(conn, &association.id, input)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!(
                "/api/v1/associations/{}/services/{}",
                service.association_id, service.id
            ),
        ))
        .json(service))
}

#[derive(Deserialize)]
struct ServicePath {
    id: String,
    service_id: String,
}

async fn update_service(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<ServicePath>,
    ApiJson(input): ApiJson<ServiceInput>,
) -> Result<HttpResponse, AppError> {
    let ServicePath { id, service_id } = path.into_inner();
    let service = state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &id, &user.user_id)?;
            services::update(conn, &association.id, &service_id, input)
        })
        .await?;
    Ok(HttpResponse::Ok().json(service))
}

async fn delete_service(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<ServicePath>,
) -> Result<HttpResponse, AppError> {
    let ServicePath { id, service_id } = path.into_inner();
    state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &id, &user.user_id)?;
            services::delete(conn, &association.id, &service_id)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn claim(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(req): ApiJson<ClaimRequest>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let claim = state
        .db
        .write(move |conn| {
            let viewer = Viewer {
                user_id: Some(user.user_id.clone()),
                is_admin: false,
            };
            let (association, _) = access::visible(conn, &key, &viewer)?;
            claims::create(conn, &association.id, &user.user_id, req)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(claim))
}
