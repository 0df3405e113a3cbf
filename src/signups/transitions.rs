//! The one place where a sign-up changes state: the status, the timestamp of that step, who
//! took it, the task's accepted count and the history row are written together. Callers
//! hold the task's lock ([`crate::tasks::model::lock`]) and run inside `db::write_tx`.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::changes::{self, Entity};
use crate::db::DbConnection;
use crate::db::schema::{signup_events, signups, tasks};
use crate::email::Notifier;
use crate::error::AppError;
use crate::signups::model::Signup;
use crate::signups::notify;
use crate::signups::status::{SignupStatus, Step};
use crate::tasks::model::{self as tasks_model, Task};

/// Takes `step` on `signup`, made by `actor` (`None`: the service itself); a step the state
/// machine does not allow from the current state is a 409. Returns the sign-up as it now is.
pub fn apply(
    conn: &mut DbConnection,
    signup: &Signup,
    step: Step,
    actor: Option<&str>,
) -> Result<Signup, AppError> {
    step.check(signup.status)?;
    let to = step.target();
    let now = Utc::now().naive_utc();
    diesel::update(signups::table.find(&signup.id))
        .set((signups::status.eq(to.as_str()), signups::updated_at.eq(now)))
        .execute(conn)?;
    entered(conn, signup, Some(signup.status), to, actor, now)?;
    crate::signups::model::find(conn, &signup.id)?.ok_or(AppError::NotFound)
}

/// What entering `to` (from `from`; `None` for a new sign-up) writes beside the status:
/// the step's timestamp and decider, the task's accepted count and the history row.
pub fn entered(
    conn: &mut DbConnection,
    signup: &Signup,
    from: Option<SignupStatus>,
    to: SignupStatus,
    actor: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    // A sign-up accepted on arrival was decided by the task's rules, not by the volunteer.
    let decider = if from.is_some() { actor } else { None };
    stamp(conn, &signup.id, to, decider, now)?;
    let delta =
        i32::from(to == SignupStatus::Accepted) - i32::from(from == Some(SignupStatus::Accepted));
    if delta != 0 {
        diesel::update(tasks::table.find(&signup.task_id))
            .set(tasks::accepted_count.eq(tasks::accepted_count + delta))
            .execute(conn)?;
        // Free spots are searchable (`has_spots`).
        changes::record(conn, Entity::Task, &signup.task_id, now)?;
    }
    record_event(conn, &signup.id, from, to, actor, now)
}

/// Writes the timestamp (and, for a decision, the decider) that belongs to entering `to`.
fn stamp(
    conn: &mut DbConnection,
    id: &str,
    to: SignupStatus,
    actor: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = signups::table.find(id);
    match to {
        SignupStatus::Accepted | SignupStatus::Declined | SignupStatus::NoShow => {
            diesel::update(row)
                .set((signups::decided_at.eq(now), signups::decided_by.eq(actor)))
                .execute(conn)?
        }
        SignupStatus::Withdrawn => diesel::update(row)
            .set(signups::withdrawn_at.eq(now))
            .execute(conn)?,
        SignupStatus::Completed => diesel::update(row)
            .set((
                signups::completed_at.eq(now),
                signups::completed_by.eq(actor),
            ))
            .execute(conn)?,
        SignupStatus::Cancelled => diesel::update(row)
            .set(signups::cancelled_at.eq(now))
            .execute(conn)?,
        SignupStatus::Pending | SignupStatus::Waitlisted => 0,
    };
    Ok(())
}

/// Appends one step to the sign-up's history.
fn record_event(
    conn: &mut DbConnection,
    signup_id: &str,
    from: Option<SignupStatus>,
    to: SignupStatus,
    actor: Option<&str>,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(signup_events::table)
        .values((
            signup_events::id.eq(uuid::Uuid::now_v7().to_string()),
            signup_events::signup_id.eq(signup_id),
            signup_events::from_status.eq(from.map(SignupStatus::as_str)),
            signup_events::to_status.eq(to.as_str()),
            signup_events::actor_id.eq(actor),
            signup_events::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether a member must look at each sign-up before it is accepted: manual approval, or
/// a criminal-record check that only a person can record.
pub fn needs_review(task: &Task) -> bool {
    task.approval_mode == "manual" || task.criminal_record_check
}

/// Counts a task's sign-ups in one state.
fn count_in(conn: &mut DbConnection, task_id: &str, status: SignupStatus) -> Result<i64, AppError> {
    Ok(signups::table
        .filter(signups::task_id.eq(task_id))
        .filter(signups::status.eq(status.as_str()))
        .count()
        .get_result(conn)?)
}

/// Moves waitlisted sign-ups up while there is room: to `accepted` when the task accepts
/// automatically, to `pending` when a member decides (then only as many as there are free
/// spots not already awaiting a decision). Each volunteer moved up is emailed. Nothing
/// moves on a cancelled or finished task, nor once a fixed event has begun.
pub fn promote(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task_id: &str,
) -> Result<(), AppError> {
    loop {
        let task = tasks_model::find(conn, task_id)?.ok_or(AppError::NotFound)?;
        if !task.can_move_up(Utc::now().naive_utc()) {
            return Ok(());
        }
        let review = needs_review(&task);
        let room = match task.spots_left() {
            None => i64::MAX,
            Some(left) if review => {
                i64::from(left) - count_in(conn, task_id, SignupStatus::Pending)?
            }
            Some(left) => i64::from(left),
        };
        if room <= 0 {
            return Ok(());
        }
        let next: Option<Signup> = signups::table
            .filter(signups::task_id.eq(task_id))
            .filter(signups::status.eq(SignupStatus::Waitlisted.as_str()))
            .order((signups::created_at, signups::id))
            .select(Signup::as_select())
            .first(conn)
            .optional()?;
        let Some(next) = next else {
            return Ok(());
        };
        let step = if review {
            Step::MoveUpForReview
        } else {
            Step::Accept
        };
        let moved = apply(conn, &next, step, None)?;
        notify::moved_up(conn, notifier, &moved, &task)?;
    }
}
