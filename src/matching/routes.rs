//! The routes of matching: recommendations, similar tasks, saved searches and follows.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::api::json::ApiJson;
use crate::api::{allow_only, get_or_head, private_json};
use crate::auth::extractor::AuthUser;
use crate::error::AppError;
use crate::matching::follows;
use crate::matching::recommend::recommend;
use crate::matching::saved_searches::{self, NewSavedSearch, SavedSearchPatch};
use crate::matching::similar::{SimilarQuery, similar};
use crate::search::SearchIndex;
use crate::search::routes::answer;
use crate::state::AppState;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/me/recommendations")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(recommendations)),
    )
    .service(
        web::resource("/tasks/{id}/similar")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(similar_tasks)),
    )
    .service(
        web::resource("/me/saved-searches")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(list_saved))
            .route(web::post().to(create_saved)),
    )
    .service(
        web::resource("/me/saved-searches/{id}")
            .default_service(allow_only("PATCH, DELETE"))
            .route(web::patch().to(update_saved))
            .route(web::delete().to(delete_saved)),
    )
    .service(
        web::resource("/me/follows")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(list_follows)),
    )
    .service(
        web::resource("/associations/{id}/follow")
            .default_service(allow_only("POST, DELETE"))
            .route(web::post().to(follow))
            .route(web::delete().to(unfollow)),
    );
    crate::matching::unsubscribe::configure(cfg);
}

/// A list without paging (the lists here are short and bounded).
#[derive(Debug, Serialize)]
struct Items<T> {
    items: Vec<T>,
}

/// `page` and `per_page` of the recommendations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageQuery {
    page: Option<i64>,
    per_page: Option<i64>,
}

/// `GET /me/recommendations`: private (`no-store`, the default).
async fn recommendations(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    user: AuthUser,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let PageQuery { page, per_page } = query.into_inner();
    answer(&state, index, move |index, conn, now| {
        recommend(index, conn, &user.user_id, page, per_page, now)
    })
    .await
}

/// `GET /tasks/{id}/similar`: public.
async fn similar_tasks(
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    path: web::Path<String>,
    query: web::Query<SimilarQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let query = query.into_inner();
    answer(&state, index, move |index, conn, now| {
        similar(index, conn, &id, &query, now)
    })
    .await
}

/// `GET /me/saved-searches`.
async fn list_saved(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, AppError> {
    let items = state
        .db
        .run(move |conn| saved_searches::list(conn, &user.user_id))
        .await?;
    Ok(private_json(&Items { items }))
}

/// `POST /me/saved-searches`: `201` with the saved search.
async fn create_saved(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(input): ApiJson<NewSavedSearch>,
) -> Result<HttpResponse, AppError> {
    let now = state.config.clock.now();
    let saved = state
        .db
        .write(move |conn| saved_searches::create(conn, &user.user_id, input, now))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/me/saved-searches/{}", saved.id),
        ))
        .json(saved))
}

/// `PATCH /me/saved-searches/{id}`.
async fn update_saved(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(patch): ApiJson<SavedSearchPatch>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let now = state.config.clock.now();
    let saved = state
        .db
        .write(move |conn| saved_searches::update(conn, &user.user_id, &id, patch, now))
        .await?;
    Ok(private_json(&saved))
}

/// `DELETE /me/saved-searches/{id}`: `204`.
async fn delete_saved(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    state
        .db
        .write(move |conn| saved_searches::delete(conn, &user.user_id, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /me/follows`.
async fn list_follows(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, AppError> {
    let items = state
        .db
        .run(move |conn| follows::list(conn, &user.user_id))
        .await?;
    Ok(private_json(&Items { items }))
}

/// `POST /associations/{id}/follow`: `204`, also when already following.
async fn follow(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| follows::follow(conn, &user.user_id, &key, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `DELETE /associations/{id}/follow`: `204`, also when not following.
async fn unfollow(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = path.into_inner();
    state
        .db
        .write(move |conn| follows::unfollow(conn, &user.user_id, &key))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
