//! The signed-in volunteer's own pages: their sign-ups, with the status history and a way
//! to withdraw (the same `signups` functions as `/api/v1/me/signups`).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::email::Notifier;
use crate::error::AppError;
use crate::signups::decisions;
use crate::signups::model::Side;
use crate::signups::views::{self, SignupView};
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::page::{self, Page};

/// One sign-up as the list shows it.
pub struct Row {
    pub id: String,
    pub task_id: String,
    pub title: String,
    pub association: String,
    pub when: String,
    pub status: String,
    pub open: bool,
    pub history: Vec<(String, String)>,
    pub feedback: crate::web::signup_actions::FeedbackRow,
}

/// `/{lang}/me/signups`.
#[derive(Template, WebTemplate)]
#[template(path = "my_signups.html")]
pub struct MySignups {
    pub page: Page,
    pub rows: Vec<Row>,
}

fn row(page: &Page, view: SignupView) -> Row {
    let status = |s: &str| page.t(&format!("signup-status-{s}"));
    Row {
        feedback: crate::web::signup_actions::FeedbackRow::of(&view),
        open: view.status.is_open(),
        status: status(view.status.as_str()),
        history: view
            .history
            .iter()
            .map(|e| (format::utc_moment(page.lang, e.at), status(&e.to)))
            .collect(),
        when: view
            .task
            .starts_at
            .map(|at| format::utc_moment(page.lang, at))
            .unwrap_or_else(|| page.t(&format!("schedule-{}", view.task.schedule_type))),
        id: view.id,
        task_id: view.task.id,
        title: view.task.title,
        association: view.task.association.name,
    }
}

/// `/{lang}/me`: the links to every page of one's own.
#[derive(Template, WebTemplate)]
#[template(path = "me.html")]
pub struct Hub {
    pub page: Page,
}

/// `GET /{lang}/me`.
pub async fn hub(req: HttpRequest, page: Page) -> Result<HttpResponse, AppError> {
    if page.user.is_none() {
        return Ok(page.to_login());
    }
    Ok(page::ok(
        &req,
        Hub {
            page: page.titled("nav-me"),
        },
    ))
}

/// `GET /{lang}/me/signups`.
pub async fn signups(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some(user) = page.user.clone() else {
        return Ok(page.to_login());
    };
    let list = state
        .db
        .run(move |conn| views::page_of(conn, Side::Volunteer, &user.user_id, None, 1, 100))
        .await?;
    let rows = list.items.into_iter().map(|v| row(&page, v)).collect();
    Ok(page::ok(
        &req,
        MySignups {
            page: page.titled("my-signups-title"),
            rows,
        },
    ))
}

/// `POST /{lang}/me/signups/{id}/withdraw`.
pub async fn withdraw(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let Some(user) = page.user.clone() else {
        return Ok(page.to_login());
    };
    let (_, id) = path.into_inner();
    let notifier = Notifier::new(&state);
    state
        .db
        .write(move |conn| decisions::withdraw(conn, &notifier, &id, &user.user_id))
        .await?;
    state.wake_mailer();
    Ok(page.redirect("/me/signups"))
}

/// `/{lang}/me/record`: the volunteering record, with its code and a printable view.
#[derive(Template, WebTemplate)]
#[template(path = "my_record.html")]
pub struct MyRecord {
    pub page: Page,
    pub record: crate::signups::record::Record,
}

impl MyRecord {
    /// A day of the record in the page's language.
    pub fn day(&self, day: &chrono::NaiveDate) -> String {
        format::date(self.page.lang, *day)
    }

    /// Hours in the page's language.
    pub fn hours(&self, hours: &Option<f64>) -> String {
        format::some_hours(self.page.lang, *hours)
    }
}

/// `GET /{lang}/me/record`.
pub async fn record(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some(user) = page.user.clone() else {
        return Ok(page.to_login());
    };
    let base = state.config.public_base_url.clone();
    let record = state
        .db
        .write(move |conn| crate::signups::record::mine(conn, &base, &user.user_id))
        .await?;
    Ok(page::ok(
        &req,
        MyRecord {
            page: page.titled("my-record-title"),
            record,
        },
    ))
}
