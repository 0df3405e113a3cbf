//! A task's life: `draft` → `published` → `closed`, or `cancelled` (final), with who may
//! see and change it at each step.

use chrono::Utc;
use diesel::prelude::*;

use crate::associations::access::{self, Viewer};
use crate::associations::model::{self as associations_model, Association, VERIFIED};
use crate::changes::{self, Entity};
use crate::db::DbConnection;
use crate::db::schema::tasks;
use crate::email::Notifier;
use crate::error::AppError;
use crate::tasks::draft::TaskInput;
use crate::tasks::hooks::Hooks;
use crate::tasks::input;
use crate::tasks::model::{self, Task, TaskView};
use crate::tasks::status::TaskStatus;
use crate::tasks::timers;

/// Creates a draft task for an association the caller is a member of.
pub fn create(
    conn: &mut DbConnection,
    association: &Association,
    input: TaskInput,
) -> Result<String, AppError> {
    let (draft, categories) = input::prepare(conn, None, input)?;
    let id = uuid::Uuid::now_v7().to_string();
    let now = Utc::now().naive_utc();
    diesel::insert_into(tasks::table)
        .values((
            tasks::id.eq(&id),
            tasks::association_id.eq(&association.id),
            tasks::status.eq(TaskStatus::Draft.as_str()),
            tasks::created_at.eq(now),
            tasks::updated_at.eq(now),
            draft,
        ))
        .execute(conn)?;
    input::set_categories(conn, &id, &categories.unwrap_or_default())?;
    touch(conn, &id)?;
    Ok(id)
}

/// Bumps the version (the ETag) and tells the search index to look at the task again; call
/// in the transaction of every change to a task.
pub fn touch(conn: &mut DbConnection, task_id: &str) -> Result<(), AppError> {
    let now = Utc::now().naive_utc();
    diesel::update(tasks::table.find(task_id))
        .set((
            tasks::version.eq(tasks::version + 1),
            tasks::updated_at.eq(now),
        ))
        .execute(conn)?;
    changes::record(conn, Entity::Task, task_id, now)
}

/// A task the viewer may see: published (or closed, cancelled) tasks of verified
/// associations for everyone; drafts and hidden associations' tasks for members and
/// administrators only. Returns the task, its association and whether the viewer is a member.
pub fn visible(
    conn: &mut DbConnection,
    task_id: &str,
    viewer: &Viewer,
) -> Result<(Task, Association, bool), AppError> {
    let task = model::find(conn, task_id)?.ok_or(AppError::NotFound)?;
    let association =
        associations_model::find(conn, &task.association_id)?.ok_or(AppError::NotFound)?;
    let member = match &viewer.user_id {
        Some(user_id) => access::role_of(conn, &association.id, user_id)?.is_some(),
        None => false,
    };
    let public = association.status == VERIFIED
        && task.status != TaskStatus::Draft
        && task.hidden_at.is_none();
    if public || member || viewer.is_admin {
        Ok((task, association, member))
    } else {
        Err(AppError::NotFound)
    }
}

/// A task the caller may change (a member of its association).
pub fn editable(
    conn: &mut DbConnection,
    task_id: &str,
    user_id: &str,
) -> Result<(Task, Association), AppError> {
    let viewer = Viewer::load(conn, Some(user_id.to_owned()))?;
    match visible(conn, task_id, &viewer)? {
        (task, association, true) => Ok((task, association)),
        _ => Err(AppError::Forbidden),
    }
}

/// Edits a task if `if_match` is current; a cancelled task is final. An edit that would put
/// open sign-ups outside the age limits is refused before anything is written
/// ([`Hooks::check_edit`]); more spots (or no limit) move waitlisted volunteers up.
pub fn update(
    conn: &mut DbConnection,
    hooks: &Hooks,
    notifier: &Notifier,
    task: Task,
    if_match: Option<Vec<i32>>,
    input: TaskInput,
) -> Result<(), AppError> {
    let task = model::lock(conn, &task.id)?;
    if if_match.is_some_and(|tags| !tags.contains(&task.version)) {
        return Err(AppError::PreconditionFailed);
    }
    if task.status == TaskStatus::Cancelled {
        return Err(AppError::Conflict(
            "A cancelled task cannot be edited.".into(),
        ));
    }
    let (draft, categories) = input::prepare(conn, Some(&task), input)?;
    let edited = Task {
        fields: draft.clone(),
        ..task.clone()
    };
    (hooks.check_edit)(conn, &task, &edited)?;
    diesel::update(tasks::table.find(&task.id))
        .set(draft)
        .execute(conn)?;
    if let Some(list) = categories {
        input::set_categories(conn, &task.id, &list)?;
    }
    touch(conn, &task.id)?;
    if task.status == TaskStatus::Published {
        timers::rescheduled(conn, &task, &edited, Utc::now().naive_utc())?;
    }
    (hooks.edited)(conn, notifier, &task)
}

/// Moves a task to `target` if the transition is allowed. Cancelling cancels the open
/// sign-ups and emails those volunteers.
pub fn transition(
    conn: &mut DbConnection,
    hooks: &Hooks,
    notifier: &Notifier,
    task: &Task,
    association: &Association,
    target: TaskStatus,
) -> Result<(), AppError> {
    let task = &model::lock(conn, &task.id)?;
    if !task.status.can_move_to(target) {
        return Err(AppError::Conflict(format!(
            "A {} task cannot be {target}.",
            task.status
        )));
    }
    if target == TaskStatus::Published && association.status != VERIFIED {
        return Err(AppError::Conflict(
            "Only a verified association can publish tasks.".into(),
        ));
    }
    if target == TaskStatus::Published && task.hidden_at.is_some() {
        return Err(AppError::Conflict(
            "The administrators took this task down; it can be published again once they restore it.".into(),
        ));
    }
    let now = Utc::now().naive_utc();
    diesel::update(tasks::table.find(&task.id))
        .set(tasks::status.eq(target.as_str()))
        .execute(conn)?;
    if target == TaskStatus::Published && task.published_at.is_none() {
        diesel::update(tasks::table.find(&task.id))
            .set(tasks::published_at.eq(now))
            .execute(conn)?;
    }
    if target == TaskStatus::Cancelled {
        (hooks.cancelled)(conn, notifier, task, association)?;
    }
    if target == TaskStatus::Published {
        timers::published(conn, task, now)?;
    }
    touch(conn, &task.id)
}

/// The full view of one task for a viewer.
pub fn view_for(
    conn: &mut DbConnection,
    hooks: &Hooks,
    task: Task,
    association: &Association,
    viewer: &Viewer,
) -> Result<TaskView, AppError> {
    let status = (hooks.sign_up_hint)(conn, &task, association, viewer.user_id.as_deref())?;
    let mut view = model::views(conn, vec![task])?
        .pop()
        .ok_or(AppError::NotFound)?;
    view.sign_up = Some(status);
    Ok(view)
}
