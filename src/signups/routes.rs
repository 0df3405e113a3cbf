//! HTTP handlers for sign-ups and the volunteering record. Everything here is personal
//! data, so every answer is `Cache-Control: no-store`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::api::json::{ApiJson, OptionalJson};
use crate::api::{allow_only, get_or_head, post_only, private_json};
use crate::associations::access;
use crate::auth::AuthUser;
use crate::email::Notifier;
use crate::error::AppError;
use crate::signups::decisions::{self, CompleteInput, Decision, RecordCheckInput};
use crate::signups::feedback::{self, FeedbackInput};
use crate::signups::join::{self, SignUpInput};
use crate::signups::model::{self, Side};
use crate::signups::record::{self, SharingPatch};
use crate::signups::record_html;
use crate::signups::views::{self, ListQuery};
use crate::state::AppState;
use crate::tasks::model as tasks_model;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
    crate::signups::calendar::configure(cfg);
    cfg.service(
        web::resource("/tasks/{id}/signups")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(list_for_task))
            .route(web::post().to(sign_up)),
    )
    .service(
        web::resource("/signups/{id}")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(get_signup)),
    )
    .service(post_only("/signups/{id}/accept", accept))
    .service(post_only("/signups/{id}/decline", decline))
    .service(post_only("/signups/{id}/complete", complete))
    .service(post_only("/signups/{id}/no-show", no_show))
    .service(post_only("/signups/{id}/withdraw", withdraw))
    .service(post_only("/signups/{id}/record-check", record_check))
    .service(post_only("/signups/{id}/feedback", give_feedback))
    .service(
        web::resource("/me/signups")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(my_signups)),
    )
    .service(
        web::resource("/me/record")
            .default_service(allow_only("GET, HEAD, PATCH"))
            .route(get_or_head().to(my_record))
            .route(web::patch().to(patch_record)),
    )
    .service(
        web::resource("/me/record.html")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(my_record_html)),
    )
    .service(post_only("/me/record/code", regenerate_code))
    .service(
        web::resource("/records/{code}")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(check_record)),
    );
}

async fn list_for_task(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let (status, page, per_page) = query.check()?;
    let task_id = path.into_inner();
    let result = state
        .db
        .run(move |conn| {
            // Only the association's members; to anyone else the list does not exist.
            let task = tasks_model::find(conn, &task_id)?.ok_or(AppError::NotFound)?;
            access::role_of(conn, &task.association_id, &user.user_id)?
                .ok_or(AppError::NotFound)?;
            views::page_of(conn, Side::Association, &task.id, status, page, per_page)
        })
        .await?;
    Ok(private_json(&result))
}

async fn sign_up(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    OptionalJson(input): OptionalJson<SignUpInput>,
) -> Result<HttpResponse, AppError> {
    let task_id = path.into_inner();
    let notifier = Notifier::new(&state);
    let view = state
        .db
        .write(move |conn| {
            let signup = join::sign_up(conn, &notifier, &task_id, &user.user_id, input)?;
            views::one(conn, signup, Side::Volunteer)
        })
        .await?;
    state.wake_mailer();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/signups/{}", view.id)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(view))
}

async fn get_signup(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let ctx = model::visible(conn, &id, &user.user_id)?;
            views::one(conn, ctx.signup, ctx.side)
        })
        .await?;
    Ok(private_json(&view))
}

async fn decide(
    state: web::Data<AppState>,
    user: AuthUser,
    id: String,
    decision: Decision,
) -> Result<HttpResponse, AppError> {
    let notifier = Notifier::new(&state);
    let view = state
        .db
        .write(move |conn| {
            let signup = decisions::decide(conn, &notifier, &id, &user.user_id, decision)?;
            views::one(conn, signup, Side::Association)
        })
        .await?;
    state.wake_mailer();
    Ok(private_json(&view))
}

async fn accept(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide(state, user, path.into_inner(), Decision::Accept).await
}

async fn decline(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide(state, user, path.into_inner(), Decision::Decline).await
}

async fn complete(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<CompleteInput>,
) -> Result<HttpResponse, AppError> {
    decisions::check_hours(input.hours)?;
    let decision = Decision::Complete { hours: input.hours };
    decide(state, user, path.into_inner(), decision).await
}

async fn no_show(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    decide(state, user, path.into_inner(), Decision::NoShow).await
}

async fn withdraw(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let notifier = Notifier::new(&state);
    let view = state
        .db
        .write(move |conn| {
            let signup = decisions::withdraw(conn, &notifier, &id, &user.user_id)?;
            views::one(conn, signup, Side::Volunteer)
        })
        .await?;
    state.wake_mailer();
    Ok(private_json(&view))
}

async fn record_check(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    OptionalJson(input): OptionalJson<RecordCheckInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let view = state
        .db
        .write(move |conn| {
            let signup = decisions::record_check(conn, &id, &user.user_id, input)?;
            views::one(conn, signup, Side::Association)
        })
        .await?;
    Ok(private_json(&view))
}

async fn give_feedback(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    ApiJson(input): ApiJson<FeedbackInput>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let view = state
        .db
        .write(move |conn| {
            let (signup, side) = feedback::give(conn, &id, &user.user_id, input)?;
            views::one(conn, signup, side)
        })
        .await?;
    Ok(private_json(&view))
}

async fn my_signups(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let (status, page, per_page) = query.check()?;
    let result = state
        .db
        .run(move |conn| {
            views::page_of(conn, Side::Volunteer, &user.user_id, status, page, per_page)
        })
        .await?;
    Ok(private_json(&result))
}

async fn my_record(state: web::Data<AppState>, user: AuthUser) -> Result<HttpResponse, AppError> {
    let base = state.config.public_base_url.clone();
    let record = state
        .db
        .write(move |conn| record::mine(conn, &base, &user.user_id))
        .await?;
    Ok(private_json(&record))
}

async fn patch_record(
    state: web::Data<AppState>,
    user: AuthUser,
    ApiJson(patch): ApiJson<SharingPatch>,
) -> Result<HttpResponse, AppError> {
    let base = state.config.public_base_url.clone();
    let record = state
        .db
        .write(move |conn| record::set_sharing(conn, &base, &user.user_id, patch))
        .await?;
    Ok(private_json(&record))
}

async fn regenerate_code(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, AppError> {
    let base = state.config.public_base_url.clone();
    let record = state
        .db
        .write(move |conn| record::regenerate(conn, &base, &user.user_id))
        .await?;
    Ok(private_json(&record))
}

async fn my_record_html(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<HttpResponse, AppError> {
    let base = state.config.public_base_url.clone();
    let record = state
        .db
        .write(move |conn| record::mine(conn, &base, &user.user_id))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'",
        ))
        .body(record_html::render(&record)))
}

async fn check_record(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = path.into_inner();
    let record = state.db.run(move |conn| record::check(conn, &code)).await?;
    Ok(private_json(&record))
}
