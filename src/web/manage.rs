//! An association member's pages: their associations, each one's tasks, a new task, and a
//! task's sign-ups with the decisions on them (accept, decline, complete with hours,
//! no-show). The handlers call the same feature functions as the API's; the feature checks
//! that the reader is a member, so a stranger's request is a 403 page here as there.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::access;
use crate::associations::members::{self, Membership};
use crate::email::Notifier;
use crate::error::{AppError, FieldError};
use crate::signups::decisions::{self, Decision};
use crate::signups::model::Side;
use crate::signups::views::{self, SignupView};
use crate::state::AppState;
use crate::tasks::hooks::Hooks;
use crate::tasks::lifecycle;
use crate::tasks::model as tasks_model;
use crate::tasks::status::TaskStatus;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::task_form::TaskForm;

/// `/{lang}/me/associations`.
#[derive(Template, WebTemplate)]
#[template(path = "my_associations.html")]
pub struct MyAssociations {
    pub page: Page,
    pub memberships: Vec<Membership>,
}

/// `GET /{lang}/me/associations`.
pub async fn mine(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let memberships = state
        .db
        .run(move |conn| members::of_user(conn, &user.user_id))
        .await?;
    Ok(page::ok(
        &req,
        MyAssociations {
            page: page.titled("my-associations-title"),
            memberships,
        },
    ))
}

/// A task in the members' list.
pub struct TaskRow {
    pub id: String,
    pub title: String,
    pub status: String,
    pub when: String,
}

/// `/{lang}/manage/associations/{id}`: the association's tasks.
#[derive(Template, WebTemplate)]
#[template(path = "manage_association.html")]
pub struct ManageAssociation {
    pub page: Page,
    pub id: String,
    pub verified: bool,
    /// Owners see the members' page.
    pub owner: bool,
    pub tasks: Vec<TaskRow>,
}

/// `GET /{lang}/manage/associations/{id}`.
pub async fn association(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let (association, role, tasks) = state
        .db
        .run(move |conn| {
            let (association, role) = access::member(conn, &key, &user.user_id)?;
            let tasks = tasks_model::of_association(conn, &association.id)?;
            Ok((association, role, tasks))
        })
        .await?;
    let rows = tasks
        .iter()
        .map(|t| TaskRow {
            id: t.id.clone(),
            title: t.title.clone(),
            status: page.t(&format!("task-status-{}", t.status.as_str())),
            when: t
                .starts_at
                .map(|at| format::moment(page.lang, at))
                .unwrap_or_else(|| page.t(&format!("schedule-{}", t.schedule_type))),
        })
        .collect();
    Ok(page::ok(
        &req,
        ManageAssociation {
            page: page.titled_as(&association.name),
            verified: association.status == crate::associations::model::VERIFIED,
            owner: role == crate::associations::model::OWNER,
            id: association.id,
            tasks: rows,
        },
    ))
}

/// The task form: a new task (a draft) or an edit of one.
#[derive(Template, WebTemplate)]
#[template(path = "task_new.html")]
pub struct NewTask {
    pub page: Page,
    /// Where the form posts (under the language).
    pub action: String,
    /// The text key of the submit button.
    pub save_key: &'static str,
    pub form: TaskForm,
    pub errors: Vec<Problem>,
    pub categories: Vec<(String, String)>,
    pub municipalities: super::reference::Options,
    /// For an edit: the version and the values the editor saw (`stale`).
    pub version: Option<i32>,
    pub seen: String,
    /// For a stale edit: what someone else changed meanwhile.
    pub changes: Vec<super::stale::Change>,
}

impl NewTask {
    /// The message under a field, if it was refused.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }
}

/// Builds the task form page (`title_key` names the page).
pub async fn task_form_page(
    state: &AppState,
    cache: &Cache,
    page: Page,
    title_key: &str,
    action: String,
    form: TaskForm,
    errors: Vec<Problem>,
) -> Result<NewTask, AppError> {
    let lists = cache.get(state).await?;
    let categories = lists
        .categories
        .iter()
        .map(|c| (c.slug.clone(), lists.category_name(&c.slug, page.lang)))
        .collect();
    let municipalities = lists.municipality_options(page.lang);
    Ok(NewTask {
        page: page.titled(title_key),
        action,
        save_key: "task-form-save",
        form,
        errors,
        categories,
        municipalities,
        version: None,
        seen: String::new(),
        changes: Vec::new(),
    })
}

async fn new_task_page(
    state: &AppState,
    cache: &Cache,
    page: Page,
    association_id: String,
    form: TaskForm,
    errors: Vec<Problem>,
) -> Result<NewTask, AppError> {
    let action = format!("/manage/associations/{association_id}/tasks/new");
    task_form_page(state, cache, page, "task-new-title", action, form, errors).await
}

/// `GET /{lang}/manage/associations/{id}/tasks/new`.
pub async fn new_task(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let association = state
        .db
        .run(move |conn| Ok(access::member(conn, &key, &user.user_id)?.0))
        .await?;
    let form = TaskForm {
        schedule_type: "fixed".into(),
        approval_mode: "manual".into(),
        ..TaskForm::default()
    };
    let body = new_task_page(&state, &cache, page, association.id, form, Vec::new()).await?;
    Ok(page::ok(&req, body))
}

/// `POST /{lang}/manage/associations/{id}/tasks/new`: a draft, then its page.
pub async fn create_task(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let association_key = key.clone();
    let form = TaskForm::from_pairs(pairs);
    let created = match form.input() {
        Ok(input) => {
            state
                .db
                .write(move |conn| {
                    let (association, _) = access::member(conn, &key, &user.user_id)?;
                    lifecycle::create(conn, &association, input)
                })
                .await
        }
        Err(fields) => Err(AppError::Validation(fields)),
    };
    match created {
        Ok(id) => Ok(page.redirect(&format!("/manage/tasks/{id}"))),
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let body = new_task_page(&state, &cache, page, association_key, form, errors).await?;
            Ok(page::send(&req, StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Err(e) => Err(e),
    }
}

/// A sign-up in the member's list, with the actions its status allows.
pub struct SignupRow {
    pub id: String,
    pub name: String,
    pub age: String,
    pub message: String,
    pub status: String,
    pub can_decide: bool,
    pub can_finish: bool,
    pub hours: String,
    /// The task requires an extract and the sign-up is open: the check can be recorded.
    pub needs_record_check: bool,
    /// The day a member saw the extract, once recorded.
    pub record_checked: String,
    pub feedback: super::signup_actions::FeedbackRow,
}

/// `/{lang}/manage/tasks/{id}`.
#[derive(Template, WebTemplate)]
#[template(path = "manage_task.html")]
pub struct ManageTask {
    pub page: Page,
    pub id: String,
    pub association_id: String,
    pub status: String,
    pub can_publish: bool,
    pub can_close: bool,
    pub can_cancel: bool,
    pub signups: Vec<SignupRow>,
    pub default_hours: String,
}

fn signup_row(page: &Page, view: SignupView) -> SignupRow {
    use crate::signups::status::SignupStatus::{Accepted, Pending, Waitlisted};
    let feedback = super::signup_actions::FeedbackRow::of(&view);
    let record_checked = view
        .record_check
        .as_ref()
        .and_then(|c| c.seen_on)
        .map(|d| format::date(page.lang, d))
        .unwrap_or_default();
    let needs_record_check =
        view.task.criminal_record_check && view.status.is_open() && record_checked.is_empty();
    let volunteer = view.volunteer;
    SignupRow {
        feedback,
        record_checked,
        needs_record_check,
        name: volunteer
            .as_ref()
            .map(|v| v.display_name.clone())
            .unwrap_or_default(),
        age: volunteer
            .as_ref()
            .and_then(|v| v.age)
            .map(|a| a.to_string())
            .unwrap_or_default(),
        message: view.message.unwrap_or_default(),
        status: page.t(&format!("signup-status-{}", view.status.as_str())),
        can_decide: matches!(view.status, Pending | Waitlisted),
        can_finish: view.status == Accepted,
        hours: view
            .hours
            .map(|h| format::hours(page.lang, h))
            .unwrap_or_default(),
        id: view.id,
    }
}

/// `GET /{lang}/manage/tasks/{id}`.
pub async fn task(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let (task, signups) = state
        .db
        .run(move |conn| {
            let (task, _) = lifecycle::editable(conn, &id, &user.user_id)?;
            let signups = views::page_of(conn, Side::Association, &task.id, None, 1, 100)?;
            Ok((task, signups))
        })
        .await?;
    let status = task.status;
    Ok(page::ok(
        &req,
        ManageTask {
            id: task.id.clone(),
            association_id: task.association_id.clone(),
            status: page.t(&format!("task-status-{}", status.as_str())),
            can_publish: status == TaskStatus::Draft,
            can_close: status == TaskStatus::Published,
            can_cancel: matches!(status, TaskStatus::Draft | TaskStatus::Published),
            signups: signups
                .items
                .into_iter()
                .map(|v| signup_row(&page, v))
                .collect(),
            default_hours: task
                .estimated_hours
                .map(|h| format::hours(page.lang, h))
                .unwrap_or_default(),
            page: page.titled_as(&task.title),
        },
    ))
}

/// `POST /{lang}/manage/tasks/{id}/{publish|close|cancel}`.
pub async fn move_task(
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id, action) = path.into_inner();
    let target = match action.as_str() {
        "publish" => TaskStatus::Published,
        "close" => TaskStatus::Closed,
        "cancel" => TaskStatus::Cancelled,
        _ => return Err(AppError::NotFound),
    };
    let notifier = Notifier::new(&state);
    let task_id = id.clone();
    state
        .db
        .write(move |conn| {
            let (task, association) = lifecycle::editable(conn, &task_id, &user.user_id)?;
            lifecycle::transition(conn, &hooks, &notifier, &task, &association, target)
        })
        .await?;
    state.wake_mailer();
    state.wake_jobs();
    Ok(page.redirect(&format!("/manage/tasks/{id}")))
}

/// What a decision form sends (`hours` only when completing).
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub hours: String,
}

/// `POST /{lang}/manage/signups/{id}/{accept|decline|complete|no-show}`: back to the task.
pub async fn decide(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id, action) = path.into_inner();
    let decision = match action.as_str() {
        "accept" => Decision::Accept,
        "decline" => Decision::Decline,
        "no-show" => Decision::NoShow,
        "complete" => {
            let hours: f64 = form.hours.trim().replace(',', ".").parse().map_err(|_| {
                AppError::Validation(vec![FieldError::new(
                    "hours",
                    "invalid",
                    "Give the hours as a number.",
                )])
            })?;
            Decision::Complete {
                hours: decisions::check_hours(hours)?,
            }
        }
        _ => return Err(AppError::NotFound),
    };
    let notifier = Notifier::new(&state);
    let signup = state
        .db
        .write(move |conn| decisions::decide(conn, &notifier, &id, &user.user_id, decision))
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&format!("/manage/tasks/{}", signup.task_id)))
}
