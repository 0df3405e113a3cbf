//! The background work a task's life schedules, written in the same transaction as the
//! change that calls for it: when a task becomes listed, the alerts of the saved searches
//! and follows it matches (`TaskListed`); a day before a fixed-time task starts, the
//! reminders (`TaskReminders`). The handlers live in the features above (matching,
//! sign-ups), and each checks again when it runs whether its work still stands: a task
//! cancelled or moved in the meantime reminds nobody at the old time.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::error::AppError;
use crate::jobs::{self, JobKind};
use crate::tasks::model::Task;

/// How long before a fixed-time task starts its reminders go out.
pub const REMINDER_LEAD: Duration = Duration::hours(24);

/// The payload of a task's jobs.
#[derive(Debug, Serialize, Deserialize)]
pub struct TaskJob {
    pub task_id: String,
}

/// When the reminders of `task` are due: a day before a fixed-time task starts; `None` for
/// a flexible or ongoing task, or one without a start time.
pub fn reminders_due(task: &Task) -> Option<NaiveDateTime> {
    match (task.schedule_type.as_str(), task.starts_at) {
        ("fixed", Some(starts)) => Some(starts - REMINDER_LEAD),
        _ => None,
    }
}

/// The task was just published: check it against the saved searches and follows now, and
/// schedule its reminders.
pub fn published(conn: &mut DbConnection, task: &Task, now: NaiveDateTime) -> Result<(), AppError> {
    let job = TaskJob {
        task_id: task.id.clone(),
    };
    jobs::schedule(conn, JobKind::TaskListed, &job, now)?;
    schedule_reminders(conn, task, now)
}

/// A published task's time changed (`edited` as it now stands): schedule its reminders for
/// the new time. A job at the old time finds the task moved and does nothing.
pub fn rescheduled(
    conn: &mut DbConnection,
    before: &Task,
    edited: &Task,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if reminders_due(before) != reminders_due(edited) {
        schedule_reminders(conn, edited, now)?;
    }
    Ok(())
}

fn schedule_reminders(
    conn: &mut DbConnection,
    task: &Task,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    // A task published less than a day before it starts has no one to remind yet: whoever
    // is accepted from here on hears of it in the acceptance email itself.
    if let Some(due) = reminders_due(task).filter(|due| *due > now) {
        let job = TaskJob {
            task_id: task.id.clone(),
        };
        jobs::schedule(conn, JobKind::TaskReminders, &job, due)?;
    }
    Ok(())
}
