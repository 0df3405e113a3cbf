//! A task's page (`/{lang}/tasks/{id}`) and signing up from it. The page shows what the
//! API's `GET /tasks/{id}` shows, read with the same feature functions; signing up calls
//! the same `signups::join::sign_up` as `POST /api/v1/tasks/{id}/signups`.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::access::Viewer;
use crate::email::Notifier;
use crate::error::AppError;
use crate::matching::similar::{SimilarQuery, similar};
use crate::search::SearchIndex;
use crate::signups::join::{self, SignUpInput};
use crate::signups::model::Signup;
use crate::state::AppState;
use crate::tasks::hooks::Hooks;
use crate::tasks::lifecycle;
use crate::tasks::model::TaskView;
use crate::web::csrf::CsrfForm;
use crate::web::errors;
use crate::web::format;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::search::Card;

/// The task page.
#[derive(Template, WebTemplate)]
#[template(path = "task.html")]
pub struct TaskPage {
    pub page: Page,
    pub card: Card,
    pub description: String,
    pub association: String,
    pub address: String,
    pub ends: String,
    pub deadline: String,
    pub hours: String,
    pub ages: String,
    pub record_notice: bool,
    pub contact: String,
    /// The reader's open sign-up: its status in words.
    pub my_status: Option<String>,
    /// Why the reader cannot sign up, in words; `None` when they can.
    pub refusal: Option<String>,
    /// A sign-up that was just refused, in words.
    pub error: Option<String>,
    pub signed_in: bool,
    pub share_url: String,
    /// Where the sign-up form posts.
    pub signup_action: String,
    /// The reader is a service counsellor: offer to refer a client.
    pub counsellor: bool,
    /// Tasks like this one (the matching feature's `similar`).
    pub similar: Vec<Card>,
}

/// `GET /{lang}/tasks/{id}`.
pub async fn show(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    cache: web::Data<Cache>,
    index: web::Data<SearchIndex>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let body = render(&state, &hooks, &cache, &index, page, id, None).await?;
    Ok(page::ok(&req, body))
}

/// Up to four tasks like `id`; none when it is not public or the index cannot say.
async fn similar_to(state: &AppState, index: &web::Data<SearchIndex>, id: String) -> Vec<TaskView> {
    let query = SimilarQuery { limit: Some(4) };
    crate::search::routes::run(state, index.clone(), move |index, conn, now| {
        similar(index, conn, &id, &query, now)
    })
    .await
    .map(|found| found.items)
    .unwrap_or_default()
}

async fn render(
    state: &AppState,
    hooks: &web::Data<Hooks>,
    cache: &Cache,
    index: &web::Data<SearchIndex>,
    page: Page,
    id: String,
    error: Option<String>,
) -> Result<TaskPage, AppError> {
    let lists = cache.get(state).await?;
    let user_id = page.user.as_ref().map(|u| u.user_id.clone());
    let hooks = hooks.clone();
    let (view, mine): (TaskView, Option<Signup>) = state
        .db
        .run(move |conn| {
            let viewer = Viewer::load(conn, user_id.clone())?;
            let (task, association, _) = lifecycle::visible(conn, &id, &viewer)?;
            let mine = match &user_id {
                Some(user) => join::open_signup(conn, &task.id, user)?,
                None => None,
            };
            let view = lifecycle::view_for(conn, &hooks, task, &association, &viewer)?;
            Ok((view, mine))
        })
        .await?;
    let similar = if view.status == crate::tasks::status::TaskStatus::Published {
        similar_to(state, index, view.id.clone()).await
    } else {
        Vec::new()
    };
    let fields = &view.fields;
    let refusal = match &view.sign_up {
        Some(s) if !s.can_sign_up => s
            .reason
            .filter(|r| *r != "already_signed_up")
            .map(|r| page.t(&format!("signup-reason-{r}"))),
        _ => None,
    };
    let ages = match (fields.min_age, fields.max_age) {
        (Some(min), Some(max)) => format!("{min}–{max}"),
        (Some(min), None) => format!("{min}+"),
        (None, Some(max)) => format!("–{max}"),
        (None, None) => page.t("task-all-ages"),
    };
    let share_url = format!(
        "{}{}",
        state.config.public_base_url,
        page.href(&format!("/tasks/{}", view.id))
    );
    Ok(TaskPage {
        card: Card::of(&page, &lists, &view),
        description: fields.description.clone(),
        association: view.association.name.clone(),
        address: fields.address.clone().unwrap_or_default(),
        ends: fields
            .ends_at
            .map(|e| format::moment(page.lang, e))
            .unwrap_or_default(),
        deadline: fields
            .application_deadline
            .map(|d| format::moment(page.lang, d))
            .unwrap_or_default(),
        hours: fields
            .estimated_hours
            .map(|h| format::hours(page.lang, h))
            .unwrap_or_default(),
        ages,
        record_notice: fields.criminal_record_check,
        contact: fields.contact_person.clone().unwrap_or_default(),
        my_status: mine.map(|s| page.t(&format!("signup-status-{}", s.status.as_str()))),
        refusal,
        error,
        signed_in: page.user.is_some(),
        counsellor: page.user.as_ref().is_some_and(|u| u.is_counsellor),
        similar: similar.iter().map(|t| Card::of(&page, &lists, t)).collect(),
        share_url,
        signup_action: page.href(&format!("/tasks/{}/signup", view.id)),
        page: page.titled_as(&fields.title),
    })
}

/// What the sign-up form sends.
#[derive(Debug, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    pub message: String,
}

/// `POST /{lang}/tasks/{id}/signup`: signs up and shows the task again, with the new
/// status (htmx swaps in just that part). A refusal shows its reason on the same page.
pub async fn sign_up(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    (hooks, cache, index): (web::Data<Hooks>, web::Data<Cache>, web::Data<SearchIndex>),
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<SignUpForm>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let Some(user) = page.user.clone() else {
        return Ok(page.to_login());
    };
    let notifier = Notifier::new(&state);
    let task_id = id.clone();
    let input = SignUpInput {
        message: Some(form.message).filter(|m| !m.trim().is_empty()),
        referral_id: None,
    };
    let done = state
        .db
        .write(move |conn| join::sign_up(conn, &notifier, &task_id, &user.user_id, input))
        .await;
    match done {
        Ok(_) => {
            state.wake_mailer();
            Ok(page.redirect(&format!("/tasks/{id}")))
        }
        Err(
            e @ (AppError::Refused { .. } | AppError::EmailNotVerified | AppError::Validation(_)),
        ) => {
            let status = actix_web::ResponseError::status_code(&e);
            let message = match &e {
                AppError::Validation(fields) => crate::web::forms::problems(&page, fields)
                    .into_iter()
                    .map(|p| p.message)
                    .collect::<Vec<_>>()
                    .join(" "),
                other => errors::message(&page, other),
            };
            let body = render(&state, &hooks, &cache, &index, page, id, Some(message)).await?;
            Ok(page::send(&req, status, body))
        }
        Err(e) => Err(e),
    }
}
