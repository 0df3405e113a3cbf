//! HTTP handlers for sign-ups and the volunteering record. Everything here is personal
//! data, so every answer is `Cache-Control: no-store`.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use diesel::prelude::*;
use serde::Deserialize;

use crate::api::json::{ApiJson, OptionalJson};
use crate::api::{allow_only, get_or_head, private_json};
use crate::associations::access;
use crate::associations::search::{Page, paging};
use crate::auth::AuthUser;
use crate::db::DbConnection;
use crate::db::schema::signups;
use crate::error::AppError;
use crate::signups::decisions::{self, CompleteInput, Decision, RecordCheckInput};
use crate::signups::feedback::{self, FeedbackInput};
use crate::signups::join::{self, SignUpInput};
use crate::signups::model::{self, ALL, Side, Signup};
use crate::signups::notify::Notifier;
use crate::signups::record::{self, SharingPatch};
use crate::signups::record_html;
use crate::signups::views::{self, SignupView};
use crate::state::AppState;
use crate::tasks::model as tasks_model;

/// Registers the routes of this feature.
pub fn configure(cfg: &mut web::ServiceConfig) {
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
    .service(post("/signups/{id}/accept", accept))
    .service(post("/signups/{id}/decline", decline))
    .service(post("/signups/{id}/complete", complete))
    .service(post("/signups/{id}/no-show", no_show))
    .service(post("/signups/{id}/withdraw", withdraw))
    .service(post("/signups/{id}/record-check", record_check))
    .service(post("/signups/{id}/feedback", give_feedback))
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
    .service(post("/me/record/code", regenerate_code))
    .service(
        web::resource("/records/{code}")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(check_record)),
    );
}

/// A resource that only takes POST.
fn post<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .default_service(allow_only("POST"))
        .route(web::post().to(handler))
}

/// `status`, `page` and `per_page` of a sign-up list.
#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

impl ListQuery {
    fn check(&self) -> Result<(Option<String>, i64, i64), AppError> {
        let (page, per_page) = paging(self.page, self.per_page)?;
        if let Some(status) = &self.status
            && !ALL.contains(&status.as_str())
        {
            return Err(AppError::field(
                "status",
                "unknown_value",
                "The status is one of pending, accepted, waitlisted, declined, withdrawn, completed, no_show, cancelled.",
            ));
        }
        Ok((self.status.clone(), page, per_page))
    }
}

/// One page of sign-ups matching `filter`, oldest first for a task, newest first for a
/// volunteer.
fn page_of(
    conn: &mut DbConnection,
    side: Side,
    owner: &str,
    status: Option<String>,
    page: i64,
    per_page: i64,
) -> Result<Page<SignupView>, AppError> {
    let filtered = || {
        let mut q = signups::table.into_boxed();
        q = match side {
            Side::Association => q.filter(signups::task_id.eq(owner.to_owned())),
            Side::Volunteer => q.filter(signups::volunteer_id.eq(owner.to_owned())),
        };
        if let Some(s) = &status {
            q = q.filter(signups::status.eq(s.clone()));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let ordered = match side {
        Side::Association => filtered().order((signups::created_at.asc(), signups::id.asc())),
        Side::Volunteer => filtered().order((signups::created_at.desc(), signups::id.desc())),
    };
    let rows: Vec<Signup> = ordered
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Signup::as_select())
        .load(conn)?;
    Ok(Page {
        items: views::build(conn, rows, side)?,
        total,
        page,
        per_page,
    })
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
            page_of(conn, Side::Association, &task.id, status, page, per_page)
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
        .run(move |conn| page_of(conn, Side::Volunteer, &user.user_id, status, page, per_page))
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
