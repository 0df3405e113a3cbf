//! A volunteer's own calendar feed (`GET /me/calendar.ics?token=…`): the tasks they were
//! accepted to, for a calendar app to subscribe to. Calendar apps cannot log in, so the
//! feed is behind a secret token in its URL, made with `POST /me/calendar-token` (which
//! replaces any earlier one, so a leaked URL can be shut) and removed with `DELETE`; like
//! every token, only its SHA-256 is stored.
//!
//! The feed shows accepted and completed sign-ups, and those whose task was cancelled as
//! `STATUS:CANCELLED`, so that the event is struck out in the calendar rather than silently
//! gone. A withdrawn or declined sign-up leaves it.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{allow_only, get_or_head};
use crate::associations::model::Association;
use crate::auth::AuthUser;
use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::{associations, signups, tasks, users};
use crate::error::AppError;
use crate::signups::status::SignupStatus;
use crate::state::AppState;
use crate::tasks::ics::{self, CONTENT_TYPE, EventInfo};
use crate::tasks::model::{self, Task};

/// Registers the feed and its token.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/me/calendar.ics")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(feed)),
    )
    .service(
        web::resource("/me/calendar-token")
            .default_service(allow_only("POST, DELETE"))
            .route(web::post().to(new_token))
            .route(web::delete().to(remove_token)),
    );
}

/// The answer to `POST /me/calendar-token`: the feed's URL, shown this once.
#[derive(Debug, Serialize)]
struct FeedUrl {
    url: String,
}

async fn new_token(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, AppError> {
    let token = tokens::generate();
    let hash = token.hash.clone();
    state
        .db
        .write(move |conn| {
            diesel::update(users::table.find(&user.user_id))
                .set(users::calendar_token_hash.eq(Some(hash)))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    let url = format!(
        "{}/api/v1/me/calendar.ics?token={}",
        state.config.public_base_url, token.plain
    );
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(FeedUrl { url }))
}

async fn remove_token(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, AppError> {
    state
        .db
        .write(move |conn| {
            diesel::update(users::table.find(&user.user_id))
                .set(users::calendar_token_hash.eq(None::<String>))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize)]
struct FeedQuery {
    token: String,
}

async fn feed(
    state: web::Data<AppState>,
    query: web::Query<FeedQuery>,
) -> Result<HttpResponse, AppError> {
    let hash = tokens::hash(&query.token);
    let base = state.config.public_base_url.clone();
    let text = state
        .db
        .run(move |conn| {
            let user: String = users::table
                .filter(users::calendar_token_hash.eq(&hash))
                .select(users::id)
                .first(conn)
                .optional()?
                .ok_or(AppError::NotFound)?;
            calendar_of(conn, &user, &base)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(CONTENT_TYPE)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}

/// The feed of one volunteer.
pub fn calendar_of(conn: &mut DbConnection, user_id: &str, base: &str) -> Result<String, AppError> {
    let shown = [
        SignupStatus::Accepted.as_str(),
        SignupStatus::Completed.as_str(),
        SignupStatus::Cancelled.as_str(),
    ];
    let rows: Vec<(String, Task, Association)> = signups::table
        .inner_join(tasks::table.inner_join(associations::table))
        .filter(signups::volunteer_id.eq(user_id))
        .filter(signups::status.eq_any(shown))
        .filter(tasks::starts_at.is_not_null())
        .order((tasks::starts_at, tasks::id))
        .select((signups::status, Task::as_select(), Association::as_select()))
        .load(conn)?;
    let mut events = Vec::with_capacity(rows.len());
    for (status, task, association) in rows {
        let info = EventInfo {
            association: &association,
            location: model::location(conn, &task)?,
            url: format!("{base}/tasks/{}", task.id),
            cancelled: status == SignupStatus::Cancelled.as_str(),
        };
        events.extend(ics::event(&task, &info));
    }
    Ok(ics::calendar("Talkoot", events))
}
