//! What happens to a sign-up after it is made: a member accepts, declines, completes (once
//! the task has started, with hours that fit its schedule: [`hours`]) or marks a no-show,
//! records a criminal-record check; the volunteer withdraws; a cancelled task cancels it.
//! Each checks the state machine under the task's lock, and a place that frees up goes to
//! the oldest waitlisted volunteer.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use crate::associations::model::Association;
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::signups;
use crate::email::Notifier;
use crate::error::{AppError, FieldError, ProblemType};
use crate::signups::hours;
use crate::signups::model::{self, Context, Side, Signup};
use crate::signups::notify;
use crate::signups::status::{SignupStatus, Step};
use crate::signups::transitions::{apply, promote};
use crate::tasks::model::{self as tasks_model, Task};

/// A member's decision on a sign-up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    Accept,
    Decline,
    Complete { hours: f64 },
    NoShow,
}

impl Decision {
    /// The step of the state machine ([`crate::signups::status`]) the decision takes.
    fn step(self) -> Step {
        match self {
            Self::Accept => Step::Accept,
            Self::Decline => Step::Decline,
            Self::Complete { .. } => Step::Complete,
            Self::NoShow => Step::NoShow,
        }
    }
}

/// The body of `/complete`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompleteInput {
    pub hours: f64,
}

/// Checks the hours of a completed task: more than 0, at most 1000, in quarter hours. What
/// the task's schedule allows is checked under its lock ([`hours::plausible`]).
pub fn check_hours(hours: f64) -> Result<f64, AppError> {
    if !(hours.is_finite() && hours > 0.0 && hours <= 1000.0) {
        return Err(AppError::Validation(vec![FieldError::new(
            "hours",
            "out_of_range",
            "Give the hours done, more than 0 and at most 1000.",
        )]));
    }
    Ok((hours * 4.0).round().max(1.0) / 4.0)
}

/// Re-reads the sign-up and its task under the task's lock: what the caller saw before
/// the lock may have changed.
fn relock(conn: &mut DbConnection, ctx: &Context) -> Result<(Signup, Task), AppError> {
    let task = tasks_model::lock(conn, &ctx.task.id)?;
    let signup = model::find(conn, &ctx.signup.id)?.ok_or(AppError::NotFound)?;
    Ok((signup, task))
}

/// A member decides on a sign-up; returns it as it now is.
pub fn decide(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup_id: &str,
    member_id: &str,
    decision: Decision,
) -> Result<Signup, AppError> {
    let ctx = model::for_side(conn, signup_id, member_id, Side::Association)?;
    let (signup, task) = relock(conn, &ctx)?;
    let step = decision.step();
    step.check(signup.status)?;
    if decision == Decision::Accept {
        if task.criminal_record_check && signup.record_checked_on.is_none() {
            return Err(AppError::rule(
                ProblemType::RecordCheckRequired,
                "Record that you have seen the volunteer's criminal record extract first.",
            ));
        }
        if task.spots_left() == Some(0) {
            return Err(AppError::rule(
                ProblemType::TaskFull,
                "All spots are taken; decline someone or add spots first.",
            ));
        }
    }
    if let Decision::Complete { hours } = decision {
        let now = Utc::now().naive_utc();
        let hours = hours::plausible(&task, &signup, check_hours(hours)?, now)?;
        diesel::update(signups::table.find(&signup.id))
            .set(signups::hours.eq(hours))
            .execute(conn)?;
    }
    let updated = apply(conn, &signup, step, Some(member_id))?;
    match decision {
        Decision::Accept | Decision::Decline => {
            notify::decided(conn, notifier, &updated, &task, &ctx.association)?;
        }
        Decision::Complete { .. } => {
            notify::completed(conn, notifier, &updated, &task, &ctx.association)?;
        }
        Decision::NoShow => {}
    }
    // A place (or, where members decide, a slot for a decision) may have freed up.
    promote(conn, notifier, &task.id)?;
    Ok(updated)
}

/// The volunteer withdraws; the association is told and the place, if any, moves on.
pub fn withdraw(
    conn: &mut DbConnection,
    notifier: &Notifier,
    signup_id: &str,
    volunteer_id: &str,
) -> Result<Signup, AppError> {
    let ctx = model::for_side(conn, signup_id, volunteer_id, Side::Volunteer)?;
    let (signup, task) = relock(conn, &ctx)?;
    let updated = apply(conn, &signup, Step::Withdraw, Some(volunteer_id))?;
    notify::withdrawn(conn, notifier, &updated, &task, &ctx.association)?;
    promote(conn, notifier, &task.id)?;
    Ok(updated)
}

/// The body of `/record-check`: the day the extract was seen (default today).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordCheckInput {
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub seen_on: Option<NaiveDate>,
}

/// A member records that they saw the volunteer's criminal-record extract: only the day
/// and who saw it, never what it said (act 148/2014).
pub fn record_check(
    conn: &mut DbConnection,
    signup_id: &str,
    member_id: &str,
    input: RecordCheckInput,
) -> Result<Signup, AppError> {
    let ctx = model::for_side(conn, signup_id, member_id, Side::Association)?;
    let (signup, task) = relock(conn, &ctx)?;
    if !task.criminal_record_check {
        return Err(AppError::rule(
            ProblemType::RecordCheckNotRequired,
            "This task does not require a criminal record check.",
        ));
    }
    if !signup.status.is_open() {
        return Err(AppError::illegal_transition(
            signup.status.as_str(),
            "checked",
        ));
    }
    let today = Utc::now().date_naive();
    let seen_on = input.seen_on.unwrap_or(today);
    if seen_on > today {
        return Err(AppError::field(
            "seen_on",
            "in_future",
            "The extract cannot have been seen in the future.",
        ));
    }
    let now = Utc::now().naive_utc();
    diesel::update(signups::table.find(&signup.id))
        .set((
            signups::record_checked_on.eq(seen_on),
            signups::record_checked_by.eq(member_id),
            signups::updated_at.eq(now),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        now,
        Entry::new(
            Some(member_id),
            Action::RecordCheckEntered,
            TargetKind::Signup,
            &signup.id,
        )
        .detail(format!("task {}: extract seen on {seen_on}", task.id)),
    )?;
    model::find(conn, &signup.id)?.ok_or(AppError::NotFound)
}

/// Cancels every open sign-up of a task that is being cancelled, emailing each volunteer.
/// The caller holds the task's lock.
pub fn cancel_open(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task: &Task,
    association: &Association,
) -> Result<(), AppError> {
    let open: Vec<Signup> = signups::table
        .filter(signups::task_id.eq(&task.id))
        .filter(signups::status.eq_any(SignupStatus::OPEN.map(SignupStatus::as_str)))
        .order((signups::created_at, signups::id))
        .select(Signup::as_select())
        .load(conn)?;
    for signup in open {
        let cancelled = apply(conn, &signup, Step::Cancel, None)?;
        notify::task_cancelled(conn, notifier, &cancelled, task, association)?;
    }
    Ok(())
}
