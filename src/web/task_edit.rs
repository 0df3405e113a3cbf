//! Editing a task from its member page: the form filled with the task as it is, saved
//! through the same `tasks::lifecycle::update` the API's `PATCH` calls, with the version
//! the editor saw standing in for `If-Match`. A stale edit shows what changed meanwhile
//! (`stale`) instead of overwriting it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::email::Notifier;
use crate::error::AppError;
use crate::state::AppState;
use crate::tasks::hooks::Hooks;
use crate::tasks::lifecycle;
use crate::tasks::model::{self as tasks_model, Task};
use crate::web::csrf::CsrfForm;
use crate::web::forms;
use crate::web::manage::{NewTask, task_form_page};
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::stale;
use crate::web::task_form::TaskForm;

/// The task and its categories as the form shows them.
fn current(conn: &mut crate::db::DbConnection, task: &Task) -> Result<TaskForm, AppError> {
    let categories = tasks_model::categories_of(conn, &[task.id.as_str()])?
        .into_iter()
        .map(|(_, slug)| slug)
        .collect();
    Ok(TaskForm::from_task(task, categories))
}

async fn edit_page(
    state: &AppState,
    cache: &Cache,
    page: Page,
    id: &str,
    form: TaskForm,
    version: i32,
    seen: String,
) -> Result<NewTask, AppError> {
    let action = format!("/manage/tasks/{id}/edit");
    let mut body = task_form_page(
        state,
        cache,
        page,
        "task-edit-title",
        action,
        form,
        Vec::new(),
    )
    .await?;
    body.save_key = "task-edit-save";
    body.version = Some(version);
    body.seen = seen;
    Ok(body)
}

/// Saves the edit if `version` is still the task's.
async fn attempt(
    state: &AppState,
    hooks: &web::Data<Hooks>,
    id: &str,
    editor: &str,
    version: Option<i32>,
    input: crate::tasks::draft::TaskInput,
) -> Result<(), AppError> {
    let notifier = Notifier::new(state);
    let (hooks, id, editor) = (hooks.clone(), id.to_owned(), editor.to_owned());
    state
        .db
        .write(move |conn| {
            let (task, _) = lifecycle::editable(conn, &id, &editor)?;
            // A form without a version (never sent by our page) must not overwrite blindly.
            let seen = Some(version.into_iter().collect());
            lifecycle::update(conn, &hooks, &notifier, task, seen, input)
        })
        .await
}

/// `GET /{lang}/manage/tasks/{id}/edit`.
pub async fn form(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let task_id = id.clone();
    let (form, version) = state
        .db
        .run(move |conn| {
            let (task, _) = lifecycle::editable(conn, &task_id, &user.user_id)?;
            Ok((current(conn, &task)?, task.version))
        })
        .await?;
    let seen = stale::seal(&form.pairs());
    let body = edit_page(&state, &cache, page, &id, form, version, seen).await?;
    Ok(page::ok(&req, body))
}

/// `POST /{lang}/manage/tasks/{id}/edit`: saved, back to the task's member page; refused
/// fields or a stale version show the form again with the editor's input.
pub async fn save(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<Hooks>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let (version, seen) = stale::opened_at(&pairs);
    let form = TaskForm::from_pairs(pairs);
    let input = match form.input() {
        Ok(input) => input,
        Err(fields) => {
            let errors = forms::problems(&page, &fields);
            let mut body =
                edit_page(&state, &cache, page, &id, form, version.unwrap_or(0), seen).await?;
            body.errors = errors;
            return Ok(page::send(&req, StatusCode::UNPROCESSABLE_ENTITY, body));
        }
    };
    let mut saved = attempt(&state, &hooks, &id, &user.user_id, version, input).await;
    let mut current_state = None;
    if matches!(saved, Err(AppError::PreconditionFailed)) {
        let (task_id, reader) = (id.clone(), user.user_id.clone());
        let (now, now_version) = state
            .db
            .run(move |conn| {
                let (task, _) = lifecycle::editable(conn, &task_id, &reader)?;
                Ok((current(conn, &task)?, task.version))
            })
            .await?;
        let lists = cache.get(&state).await?;
        let changes = stale::changes(
            &seen,
            &now.pairs(),
            |field| TaskForm::label_key(field).map(|key| page.t(key)),
            |field, value| stale::readable(&page, &lists, field, value),
        );
        if changes.is_empty() {
            // Only the status or sign-ups moved on, none of the form's fields: nothing
            // of anyone's would be overwritten.
            let again = form.input().map_err(AppError::Validation)?;
            saved = attempt(&state, &hooks, &id, &user.user_id, Some(now_version), again).await;
        } else {
            current_state = Some((now, now_version, changes));
        }
    }
    match saved {
        Ok(()) => {
            state.wake_mailer();
            state.wake_jobs();
            Ok(page.redirect(&format!("/manage/tasks/{id}")))
        }
        Err(AppError::PreconditionFailed) => {
            let Some((now, version, changes)) = current_state else {
                return Err(AppError::PreconditionFailed);
            };
            let form = TaskForm::from_pairs(stale::merge(&seen, &form.pairs(), &now.pairs()));
            let mut body = edit_page(
                &state,
                &cache,
                page,
                &id,
                form,
                version,
                stale::seal(&now.pairs()),
            )
            .await?;
            body.changes = changes;
            Ok(page::send(&req, StatusCode::CONFLICT, body))
        }
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let mut body =
                edit_page(&state, &cache, page, &id, form, version.unwrap_or(0), seen).await?;
            body.errors = errors;
            Ok(page::send(&req, StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Err(e) => Err(e),
    }
}
