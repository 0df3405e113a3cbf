//! HTTP handlers for referrals: the counsellor's (`/referrals`) and the client's
//! (`/referrals/claim`, `/referrals/{id}/accept|decline`, `/me/referrals`). Everything here
//! is personal data, so every answer is `Cache-Control: no-store`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;

use crate::accounts::roles::CounsellorUser;
use crate::api::json::{ApiJson, OptionalJson};
use crate::api::{allow_only, get_or_head, post_only, private_json};
use crate::auth::AuthUser;
use crate::db::DbConnection;
use crate::email::Notifier;
use crate::error::AppError;
use crate::referrals::answers::{self, AcceptInput, ClaimInput, DeclineInput, SharingInput};
use crate::referrals::create::{self, Counsellor, CreateInput};
use crate::referrals::model::Referral;
use crate::referrals::summary::{self, SummaryQuery};
use crate::referrals::views::{self, ListQuery};
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/referrals")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(list_mine_as_counsellor))
            .route(web::post().to(create_referral)),
    )
    // Before `/referrals/{id}`, so that "claim" and "summary" are never taken for an id.
    .service(post_only("/referrals/claim", claim))
    .service(
        web::resource("/referrals/summary")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(my_figures)),
    )
    .service(
        web::resource("/referrals/{id}")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(get_as_counsellor)),
    )
    .service(post_only("/referrals/{id}/accept", accept))
    .service(post_only("/referrals/{id}/decline", decline))
    .service(
        web::resource("/me/referrals")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_mine_as_client)),
    )
    .service(
        web::resource("/me/referrals/{id}")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(get_as_client))
            .route(web::patch().to(patch_sharing)),
    );
}

async fn create_referral(
    state: web::Data<AppState>,
    counsellor: CounsellorUser,
    ApiJson(input): ApiJson<CreateInput>,
) -> Result<HttpResponse, AppError> {
    let links = Notifier::new(&state);
    let config = state.config.clone();
    let view = state
        .db
        .write(move |conn| {
            let now = config.clock.now();
            let who = Counsellor {
                user_id: &counsellor.user.user_id,
                limits: &config.referrals,
            };
            let created = create::create(conn, &links, &who, input, now)?;
            let mut view = views::for_counsellor(conn, created.referral, now)?;
            view.link = created
                .claim_code
                .map(|code| format!("{}/r/{code}", config.public_base_url));
            Ok::<_, AppError>(view)
        })
        .await?;
    state.wake_mailer();
    state.wake_jobs();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/referrals/{}", view.id)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(&view))
}

async fn list_mine_as_counsellor(
    state: web::Data<AppState>,
    counsellor: CounsellorUser,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let clock = state.config.clock.clone();
    let page = state
        .db
        .run(move |conn| {
            views::list_for_counsellor(
                conn,
                &counsellor.user.user_id,
                query.into_inner(),
                clock.now(),
            )
        })
        .await?;
    Ok(private_json(&page))
}

async fn my_figures(
    state: web::Data<AppState>,
    counsellor: CounsellorUser,
    query: web::Query<SummaryQuery>,
) -> Result<HttpResponse, AppError> {
    let clock = state.config.clock.clone();
    let figures = state
        .db
        .run(move |conn| {
            summary::summary(
                conn,
                &counsellor.user.user_id,
                query.into_inner(),
                clock.now(),
            )
        })
        .await?;
    Ok(private_json(&figures))
}

async fn get_as_counsellor(
    state: web::Data<AppState>,
    counsellor: CounsellorUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let clock = state.config.clock.clone();
    let view = state
        .db
        .run(move |conn| {
            views::one_for_counsellor(conn, &path, &counsellor.user.user_id, clock.now())
        })
        .await?;
    Ok(private_json(&view))
}

/// Runs one of the client's answers in a write transaction at the clock's now, and shows
/// the referral as the client sees it afterwards.
async fn answered<F>(state: &AppState, answer: F) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConnection, &Notifier, NaiveDateTime) -> Result<Referral, AppError>
        + Send
        + 'static,
{
    let links = Notifier::new(state);
    let clock = state.config.clock.clone();
    let view = state
        .db
        .write(move |conn| {
            let now = clock.now();
            let referral = answer(conn, &links, now)?;
            views::for_client(conn, referral, now)
        })
        .await?;
    state.wake_mailer();
    Ok(private_json(&view))
}

async fn claim(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(input): ApiJson<ClaimInput>,
) -> Result<HttpResponse, AppError> {
    answered(&state, move |conn, _, now| {
        answers::claim(conn, &input.code, &user.user_id, now)
    })
    .await
}

async fn accept(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<AcceptInput>,
) -> Result<HttpResponse, AppError> {
    answered(&state, move |conn, links, now| {
        answers::accept(conn, links, &path, &user.user_id, input, now)
    })
    .await
}

async fn decline(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    OptionalJson(input): OptionalJson<DeclineInput>,
) -> Result<HttpResponse, AppError> {
    answered(&state, move |conn, links, now| {
        answers::decline(conn, links, &path, &user.user_id, input, now)
    })
    .await
}

async fn list_mine_as_client(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let clock = state.config.clock.clone();
    let page = state
        .db
        .run(move |conn| {
            views::list_for_client(conn, &user.user_id, query.into_inner(), clock.now())
        })
        .await?;
    Ok(private_json(&page))
}

async fn get_as_client(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let clock = state.config.clock.clone();
    let view = state
        .db
        .run(move |conn| {
            let referral = answers::find_for_client(conn, &path, &user.user_id)?;
            views::for_client(conn, referral, clock.now())
        })
        .await?;
    Ok(private_json(&view))
}

async fn patch_sharing(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<SharingInput>,
) -> Result<HttpResponse, AppError> {
    answered(&state, move |conn, _, now| {
        answers::set_sharing(conn, &path, &user.user_id, input, now)
    })
    .await
}
