//! Reminders a day before a fixed-time task starts (the `TaskReminders` job that
//! `tasks::timers` schedules): each accepted volunteer gets one, and the association the
//! list of who is coming. Whether anything is sent is decided when the job runs: nothing
//! for a task cancelled (its sign-ups are cancelled with it) or no longer fixed, nothing at
//! the old time for a task moved (its edit scheduled a job for the new time), nothing for a
//! sign-up withdrawn meanwhile.
//!
//! Each reminder is sent once: `signups.reminded_at` and `tasks.roster_sent_at` are set by
//! a conditional update that only one transaction can win, so two jobs for the same task
//! (an edit back and forth, or two instances) never send twice.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::associations::model::{self as associations_model, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{signups, tasks, users};
use crate::email::Notifier;
use crate::error::AppError;
use crate::jobs::read_payload;
use crate::signups::model::Signup;
use crate::signups::notify;
use crate::signups::status::SignupStatus;
use crate::tasks::model;
use crate::tasks::status::TaskStatus;
use crate::tasks::timers::{TaskJob, reminders_due};

/// How early a job may run and still count as on time (a scheduler that polls).
const EARLY: Duration = Duration::minutes(5);

/// Job handler (`TaskReminders`).
pub fn send(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let job: TaskJob = read_payload(payload)?;
    let Some(task) = model::find(conn, &job.task_id)? else {
        return Ok(());
    };
    // A task the administrators took down reminds nobody.
    let open = matches!(task.status, TaskStatus::Published | TaskStatus::Closed)
        && task.hidden_at.is_none();
    let (Some(due), Some(starts)) = (reminders_due(&task), task.starts_at) else {
        return Ok(());
    };
    // Moved later: the job for the new time does it. Already begun: too late to remind.
    if !open || due > now + EARLY || starts <= now {
        return Ok(());
    }
    let Some(association) = associations_model::find(conn, &task.association_id)? else {
        return Ok(());
    };
    if association.status != VERIFIED {
        return Ok(());
    }
    let place = model::location(conn, &task)?;
    let accepted: Vec<Signup> = signups::table
        .filter(signups::task_id.eq(&task.id))
        .filter(signups::status.eq(SignupStatus::Accepted.as_str()))
        .order((signups::created_at, signups::id))
        .select(Signup::as_select())
        .load(conn)?;
    for signup in &accepted {
        let won = diesel::update(
            signups::table
                .filter(signups::id.eq(&signup.id))
                .filter(signups::reminded_at.is_null()),
        )
        .set(signups::reminded_at.eq(now))
        .execute(conn)?;
        if won == 1 {
            notify::reminder(
                conn,
                links,
                signup,
                &task,
                &association,
                starts,
                place.clone(),
            )?;
        }
    }
    if accepted.is_empty() {
        return Ok(());
    }
    let won = diesel::update(
        tasks::table
            .filter(tasks::id.eq(&task.id))
            .filter(tasks::roster_sent_at.is_null()),
    )
    .set(tasks::roster_sent_at.eq(now))
    .execute(conn)?;
    if won == 1 {
        let ids: Vec<&str> = accepted
            .iter()
            .filter_map(|s| s.volunteer_id.as_deref())
            .collect();
        let mut names: Vec<String> = users::table
            .filter(users::id.eq_any(&ids))
            .select(users::display_name)
            .load(conn)?;
        names.sort();
        notify::roster(conn, links, &task, &association, starts, names)?;
    }
    Ok(())
}
