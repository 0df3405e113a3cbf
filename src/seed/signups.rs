//! The demo's sign-ups, so that every state of a sign-up can be seen and tried:
//!
//! - on upcoming tasks: pending with a short message (one of them on a task that needs a
//!   criminal-record check, not yet seen), accepted automatically, accepted by a member,
//!   accepted after a member recorded the check, waitlisted on a full two-spot task,
//!   declined and withdrawn;
//! - on a task the association then cancelled: cancelled;
//! - on four past tasks, now closed: completed with hours, and one no-show. Aada Koskinen
//!   completed three of them at two associations, one with feedback from both sides, so
//!   her record (`GET /me/record`) has something to show.
//!
//! Everything goes through the functions the API uses (`join::sign_up`,
//! `decisions::decide`, `withdraw`, `record_check`, `feedback::give`, `lifecycle::
//! transition`), so the accepted counts and the histories are right. Sign-up refuses a task
//! that has ended and completion one that has not started, so a past task is created and
//! published with future dates, its sign-ups accepted, its dates moved into the past, and
//! only then are its sign-ups completed (and the timestamps of their history moved to the
//! days around the task) before it is closed.
//!
//! The sign-ups themselves are in `data/signups.rs`; the past tasks are made and closed in
//! [`past`].

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;

use super::associations as demo_associations;
use super::data::signups::{CANCELLED_FOR, CANCELLED_TASK, PAST, UPCOMING};
use super::tasks::{self as demo_tasks, Task};
use crate::db::DbConnection;
use crate::db::schema::{outbox, signups, tasks};
use crate::email::Notifier;
use crate::error::AppError;
use crate::signups::decisions::{self, Decision, RecordCheckInput};
use crate::signups::join::{self, SignUpInput};
use crate::signups::model;
use crate::signups::status::SignupStatus;
use crate::tasks::status::TaskStatus;

pub(super) mod past;

/// The ids the rest of the demo created, by index into `PEOPLE`, `associations::all` and
/// `tasks::all`.
pub(super) struct Ids<'a> {
    pub people: &'a [String],
    pub associations: &'a [String],
    pub tasks: &'a [String],
}

/// What the sign-ups added, for the report.
pub(super) struct Summary {
    /// Past tasks, now closed.
    pub closed: usize,
    /// Cancelled tasks.
    pub cancelled: usize,
    /// Sign-ups per state, in the order of `ALL`; empty states left out.
    pub by_state: Vec<(&'static str, usize)>,
    /// Completed tasks per person, by index into `PEOPLE`.
    pub completed: Vec<usize>,
}

// ---------------------------------------------------------------------------------------
// Sign-ups to upcoming tasks.

/// What happens after signing up.
#[derive(Clone, Copy)]
pub(super) enum Then {
    /// Nothing yet.
    Wait,
    /// A member of the association accepts.
    Accept,
    /// A member of the association declines.
    Decline,
    /// The volunteer withdraws.
    Withdraw,
    /// A member records that they saw the criminal-record extract `days_ago` days ago, and
    /// then accepts.
    CheckAndAccept { days_ago: i64 },
}

/// One sign-up to an upcoming task, as `data/signups.rs` lists it.
pub(super) struct Upcoming {
    /// Title of a task in `tasks::all`.
    pub(super) task: &'static str,
    /// Index into `PEOPLE`.
    pub(super) person: usize,
    pub(super) message: Option<&'static str>,
    pub(super) then: Then,
    /// The state the sign-up must end in; loading fails otherwise.
    pub(super) ends: SignupStatus,
}

// ---------------------------------------------------------------------------------------
// Loading.

fn get<'a>(ids: &'a [String], i: usize, what: &str) -> Result<&'a str, AppError> {
    ids.get(i)
        .map(String::as_str)
        .ok_or_else(|| AppError::internal(format!("demo {what} missing")))
}

/// The owner of the association `association` (an index into `associations::all`).
fn owner<'a>(ids: &Ids<'a>, association: usize) -> Result<&'a str, AppError> {
    let a = demo_associations::all()
        .nth(association)
        .ok_or_else(|| AppError::internal("demo association missing"))?;
    get(ids.people, a.owner, "owner")
}

/// Adds the sign-ups (and the past and cancelled tasks they need) and deletes the emails
/// they queued. Runs inside the demo's write transaction.
pub(super) fn load(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    today: NaiveDate,
) -> Result<Summary, AppError> {
    let started = Utc::now().naive_utc();
    // The emails are deleted below, so where their links point does not matter.
    let notifier = Notifier::with_base_url(String::new());
    for past in PAST {
        past::create(conn, ids, &notifier, today, past)?;
    }
    let mut made = Vec::with_capacity(UPCOMING.len());
    for u in UPCOMING {
        made.push(upcoming(conn, ids, &notifier, u)?);
    }
    // Checked once all are made: a later sign-up must not have moved an earlier one.
    for (u, id) in UPCOMING.iter().zip(&made) {
        let signup = model::find(conn, id)?.ok_or(AppError::NotFound)?;
        if signup.status != u.ends {
            return Err(AppError::internal(format!(
                "demo sign-up to {:?} is {}, not {}",
                u.task, signup.status, u.ends
            )));
        }
    }
    cancelled_task(conn, ids, &notifier, today)?;

    // The demo is history, not news: every sign-up above queued emails (to the invented
    // volunteers, owners and association addresses) that tell of things as if they had just
    // happened. Delivered, they would go to addresses nobody owns and confuse whoever reads
    // the demo's mail, so they are deleted before the commit. Only this run's sign-up
    // emails go; anything else waiting in the outbox stays.
    diesel::delete(
        outbox::table
            .filter(outbox::kind.like("signup\\_%").escape('\\'))
            .filter(outbox::created_at.ge(started)),
    )
    .execute(conn)?;

    summary(conn, ids)
}

fn summary(conn: &mut DbConnection, ids: &Ids<'_>) -> Result<Summary, AppError> {
    let count = |n: i64| usize::try_from(n).unwrap_or_default();
    let mut by_state = Vec::new();
    for state in SignupStatus::ALL {
        let n: i64 = signups::table
            .filter(signups::status.eq(state.as_str()))
            .count()
            .get_result(conn)?;
        if n > 0 {
            by_state.push((state.as_str(), count(n)));
        }
    }
    let mut completed = Vec::with_capacity(ids.people.len());
    for id in ids.people {
        let n: i64 = signups::table
            .filter(signups::volunteer_id.eq(id))
            .filter(signups::status.eq(SignupStatus::Completed.as_str()))
            .count()
            .get_result(conn)?;
        completed.push(count(n));
    }
    let closed: i64 = tasks::table
        .filter(tasks::status.eq(TaskStatus::Closed.as_str()))
        .count()
        .get_result(conn)?;
    let cancelled: i64 = tasks::table
        .filter(tasks::status.eq(TaskStatus::Cancelled.as_str()))
        .count()
        .get_result(conn)?;
    Ok(Summary {
        closed: count(closed),
        cancelled: count(cancelled),
        by_state,
        completed,
    })
}

/// The task titled `title` in `tasks::all`, with its index there.
fn find_task(title: &str) -> Option<(usize, &'static Task)> {
    demo_tasks::all()
        .enumerate()
        .find(|(_, t)| t.title == title)
}

/// Makes one sign-up to an upcoming task and takes its next step; returns its id.
fn upcoming(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    u: &Upcoming,
) -> Result<String, AppError> {
    let (index, task) = find_task(u.task)
        .ok_or_else(|| AppError::internal(format!("demo task {:?} missing", u.task)))?;
    let task_id = get(ids.tasks, index, "task")?;
    let volunteer = get(ids.people, u.person, "volunteer")?;
    let member = owner(ids, task.association)?;
    let input = SignUpInput {
        message: u.message.map(str::to_owned),
        referral_id: None,
    };
    let signup = join::sign_up(conn, notifier, task_id, volunteer, input)?;
    match u.then {
        Then::Wait => {}
        Then::Accept => {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
        Then::Decline => {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Decline)?;
        }
        Then::Withdraw => {
            decisions::withdraw(conn, notifier, &signup.id, volunteer)?;
        }
        Then::CheckAndAccept { days_ago } => {
            let seen_on = Utc::now().date_naive() - Duration::days(days_ago);
            decisions::record_check(
                conn,
                &signup.id,
                member,
                RecordCheckInput {
                    seen_on: Some(seen_on),
                },
            )?;
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
    }
    Ok(signup.id)
}

/// Creates [`CANCELLED_TASK`], signs a volunteer up, and cancels the task (which cancels
/// the sign-up).
fn cancelled_task(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    today: NaiveDate,
) -> Result<(), AppError> {
    let association_id = get(ids.associations, CANCELLED_TASK.association, "association")?;
    let task_id = demo_tasks::create(conn, &CANCELLED_TASK, association_id, today)?;
    let volunteer = get(ids.people, CANCELLED_FOR, "volunteer")?;
    join::sign_up(conn, notifier, &task_id, volunteer, SignUpInput::default())?;
    demo_tasks::move_to(conn, notifier, &task_id, TaskStatus::Cancelled)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::Role;
    use super::super::people::PEOPLE;
    use super::past::Outcome;
    use super::*;
    use SignupStatus::{Cancelled, Completed, NoShow, Pending, Waitlisted};

    pub(super) fn age_ok(task: &Task, person: usize) -> bool {
        let age = PEOPLE[person].age.unwrap();
        task.min_age.is_none_or(|min| age >= min) && task.max_age.is_none_or(|max| age <= max)
    }

    #[test]
    fn every_upcoming_sign_up_names_a_task_its_volunteer_may_join() {
        for u in UPCOMING {
            let matches = demo_tasks::all().filter(|t| t.title == u.task).count();
            assert_eq!(matches, 1, "{}", u.task);
            let (_, task) = find_task(u.task).unwrap();
            assert_eq!(PEOPLE[u.person].role, Role::Volunteer);
            assert!(
                age_ok(task, u.person),
                "{} {}",
                PEOPLE[u.person].name,
                u.task
            );
            if let Then::CheckAndAccept { .. } = u.then {
                assert!(task.record_check, "{}", u.task);
            }
        }
        assert!(age_ok(&CANCELLED_TASK, CANCELLED_FOR));
        assert!(
            UPCOMING
                .iter()
                .any(|u| find_task(u.task).unwrap().1.record_check
                    && matches!(u.then, Then::CheckAndAccept { .. })),
            "a recorded criminal-record check"
        );
        for u in UPCOMING.iter().filter(|u| u.ends == Pending) {
            assert!(u.message.is_some(), "a pending sign-up has a message");
        }
    }

    #[test]
    fn the_waitlisted_sign_up_is_on_a_small_automatic_task() {
        let waiting: Vec<&Upcoming> = UPCOMING.iter().filter(|u| u.ends == Waitlisted).collect();
        assert_eq!(waiting.len(), 1);
        let title = waiting[0].task;
        let (_, task) = find_task(title).unwrap();
        assert!(task.automatic && task.waitlist);
        let before = UPCOMING
            .iter()
            .take_while(|u| u.ends != Waitlisted)
            .filter(|u| u.task == title)
            .count();
        assert_eq!(task.spots, i32::try_from(before).ok());
    }

    #[test]
    fn every_state_of_a_sign_up_is_shown() {
        let mut states: BTreeSet<&str> = UPCOMING.iter().map(|u| u.ends.as_str()).collect();
        states.insert(Cancelled.as_str());
        for past in PAST {
            for took in past.took_part {
                states.insert(match took.outcome {
                    Outcome::Completed { .. } => Completed.as_str(),
                    Outcome::NoShow => NoShow.as_str(),
                });
            }
        }
        assert_eq!(
            states,
            SignupStatus::ALL
                .map(SignupStatus::as_str)
                .into_iter()
                .collect()
        );
    }
}
