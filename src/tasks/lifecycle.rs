//! A task's life: `draft` → `published` → `closed`, or `cancelled` (final), with who may
//! see and change it at each step.

use chrono::Utc;
use diesel::prelude::*;

use crate::associations::access::{self, Viewer};
use crate::associations::model::{self as associations_model, Association, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{associations, tasks};
use crate::error::AppError;
use crate::signups::notify::Notifier;
use crate::signups::{decisions, transitions};
use crate::tasks::input::{self, TaskInput};
use crate::tasks::model::{
    self, CANCELLED, CLOSED, DRAFT, PUBLISHED, SignUpStatus, Task, TaskView,
};

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
            tasks::title.eq(&draft.title),
            tasks::description.eq(&draft.description),
            tasks::schedule_type.eq(&draft.schedule_type),
            tasks::approval_mode.eq(&draft.approval_mode),
            tasks::status.eq(DRAFT),
            tasks::created_at.eq(now),
            tasks::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(tasks::table.find(&id))
        .set(&draft)
        .execute(conn)?;
    input::set_categories(conn, &id, &categories.unwrap_or_default())?;
    touch(conn, &id)?;
    Ok(id)
}

/// Refreshes the indexed text (title, description, association name) and the version.
pub fn touch(conn: &mut DbConnection, task_id: &str) -> Result<(), AppError> {
    let (description, name): (String, String) = tasks::table
        .inner_join(associations::table)
        .filter(tasks::id.eq(task_id))
        .select((tasks::description, associations::name))
        .first(conn)?;
    diesel::update(tasks::table.find(task_id))
        .set((
            tasks::search_document.eq(format!("{description}\n{name}")),
            tasks::version.eq(tasks::version + 1),
            tasks::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
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
    let public = association.status == VERIFIED && task.status != DRAFT;
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

/// Edits a task if `if_match` is current; a cancelled task is final. More spots (or no
/// limit) move waitlisted volunteers up.
pub fn update(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task: Task,
    if_match: Option<Vec<i32>>,
    input: TaskInput,
) -> Result<(), AppError> {
    let task = model::lock(conn, &task.id)?;
    if if_match.is_some_and(|tags| !tags.contains(&task.version)) {
        return Err(AppError::PreconditionFailed);
    }
    if task.status == CANCELLED {
        return Err(AppError::Conflict(
            "A cancelled task cannot be edited.".into(),
        ));
    }
    let (draft, categories) = input::prepare(conn, Some(&task), input)?;
    diesel::update(tasks::table.find(&task.id))
        .set(&draft)
        .execute(conn)?;
    if let Some(list) = categories {
        input::set_categories(conn, &task.id, &list)?;
    }
    touch(conn, &task.id)?;
    transitions::promote(conn, notifier, &task.id)
}

/// Moves a task to `target` if the transition is allowed. Cancelling cancels the open
/// sign-ups and emails those volunteers.
pub fn transition(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task: &Task,
    association: &Association,
    target: &str,
) -> Result<(), AppError> {
    let task = &model::lock(conn, &task.id)?;
    let allowed = match target {
        PUBLISHED => task.status == DRAFT || task.status == CLOSED,
        CLOSED => task.status == PUBLISHED,
        CANCELLED => task.status != CANCELLED,
        _ => false,
    };
    if !allowed {
        return Err(AppError::Conflict(format!(
            "A {} task cannot be {target}.",
            task.status
        )));
    }
    if target == PUBLISHED && association.status != VERIFIED {
        return Err(AppError::Conflict(
            "Only a verified association can publish tasks.".into(),
        ));
    }
    let now = Utc::now().naive_utc();
    diesel::update(tasks::table.find(&task.id))
        .set(tasks::status.eq(target))
        .execute(conn)?;
    if target == PUBLISHED && task.published_at.is_none() {
        diesel::update(tasks::table.find(&task.id))
            .set(tasks::published_at.eq(now))
            .execute(conn)?;
    }
    if target == CANCELLED {
        decisions::cancel_open(conn, notifier, task, association)?;
    }
    touch(conn, &task.id)
}

/// Whether `user_id` could sign up to the task now, and if not, why. The reasons are
/// stable codes a front end can translate (see `signups::join::Refusal`).
pub fn sign_up_status(
    conn: &mut DbConnection,
    task: &Task,
    association: &Association,
    user_id: Option<&str>,
) -> Result<SignUpStatus, AppError> {
    let refusal = crate::signups::join::check(conn, task, association, user_id)?;
    Ok(SignUpStatus {
        can_sign_up: refusal.is_none(),
        reason: refusal.map(crate::signups::join::Refusal::reason),
    })
}

/// The full view of one task for a viewer.
pub fn view_for(
    conn: &mut DbConnection,
    task: Task,
    association: &Association,
    viewer: &Viewer,
) -> Result<TaskView, AppError> {
    let status = sign_up_status(conn, &task, association, viewer.user_id.as_deref())?;
    let mut view = model::views(conn, vec![task])?
        .pop()
        .ok_or(AppError::NotFound)?;
    view.sign_up = Some(status);
    Ok(view)
}
