//! The demo's past tasks, now closed, and the sign-ups that make a volunteer's record:
//! completed with hours, a no-show, and feedback from both sides. Sign-up refuses a task
//! that has ended and completion one that has not started, so a past task is created and
//! published with future dates and its sign-ups accepted; then its dates are moved into the
//! past, its sign-ups completed, and the timestamps of their history moved to the days
//! around the task before it is closed. The past tasks themselves are in
//! `data/signups.rs` (`PAST`).

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::{Ids, get, owner};
use crate::db::DbConnection;
use crate::db::schema::{signup_events, signups, tasks};
use crate::email::Notifier;
use crate::error::AppError;
use crate::seed::tasks::{self as demo_tasks, Task, When, at};
use crate::signups::decisions::{self, Decision};
use crate::signups::feedback::{self, FeedbackInput};
use crate::signups::join::{self, SignUpInput};
use crate::signups::model;
use crate::signups::status::SignupStatus;
use crate::tasks::model as tasks_model;
use crate::tasks::status::TaskStatus;

/// How a volunteer's part in a past task ended.
#[derive(Clone, Copy)]
pub(in crate::seed) enum Outcome {
    Completed { hours: f64 },
    NoShow,
}

/// A rating from 1 to 5 with a comment.
pub(in crate::seed) type Rating = (i64, &'static str);

/// Feedback from both sides: the volunteer's on the association, and the association's on
/// the volunteer.
pub(in crate::seed) struct Feedback {
    pub(in crate::seed) volunteer: Rating,
    pub(in crate::seed) association: Rating,
}

/// One volunteer's part in a past task.
pub(in crate::seed) struct Took {
    /// Index into `PEOPLE`.
    pub(in crate::seed) person: usize,
    pub(in crate::seed) outcome: Outcome,
    pub(in crate::seed) feedback: Option<Feedback>,
}

/// A past task and who took part in it.
pub(in crate::seed) struct Past {
    /// The task started this many days before the demo is loaded. Its `when` is `Fixed`
    /// with future dates (a task that has ended cannot be signed up to); the dates move back
    /// by `days + ago` once the sign-ups are accepted, and then they are completed.
    pub(in crate::seed) ago: i64,
    pub(in crate::seed) task: Task,
    pub(in crate::seed) took_part: &'static [Took],
}

/// Creates a past task with future dates and signs its volunteers up, then moves the dates
/// into the past, completes them (or marks a no-show), gives the feedback and closes the
/// task.
pub(super) fn create(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    today: NaiveDate,
    past: &Past,
) -> Result<(), AppError> {
    let association_id = get(ids.associations, past.task.association, "association")?;
    let member = owner(ids, past.task.association)?;
    let task_id = demo_tasks::create(conn, &past.task, association_id, today)?;
    let mut made = Vec::with_capacity(past.took_part.len());
    for took in past.took_part {
        let volunteer = get(ids.people, took.person, "volunteer")?;
        let signup = join::sign_up(conn, notifier, &task_id, volunteer, SignUpInput::default())?;
        if signup.status == SignupStatus::Pending {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
        made.push(signup.id);
    }
    // A task is completed only once it has started, with hours its schedule allows.
    let (start, end) = move_into_past(conn, &task_id, today, past)?;
    for (took, signup_id) in past.took_part.iter().zip(&made) {
        let volunteer = get(ids.people, took.person, "volunteer")?;
        let decision = match took.outcome {
            Outcome::Completed { hours } => Decision::Complete { hours },
            Outcome::NoShow => Decision::NoShow,
        };
        decisions::decide(conn, notifier, signup_id, member, decision)?;
        if let Some(f) = &took.feedback {
            for (who, (rating, comment)) in [(volunteer, f.volunteer), (member, f.association)] {
                let input = FeedbackInput {
                    rating,
                    comment: Some(comment.to_owned()),
                };
                feedback::give(conn, signup_id, who, input)?;
            }
        }
    }
    for id in &made {
        backdate(conn, id, start, end)?;
    }
    demo_tasks::move_to(conn, notifier, &task_id, TaskStatus::Closed)
}

/// Moves a past task's dates back by `days + ago` days, so that it started `ago` days
/// before today: its start, end and deadline, and its creation and publication three weeks
/// before the start. Dates only: the status, the counts and the sign-ups stay as they are.
/// Returns the new start and end.
fn move_into_past(
    conn: &mut DbConnection,
    task_id: &str,
    today: NaiveDate,
    past: &Past,
) -> Result<(NaiveDateTime, NaiveDateTime), AppError> {
    let When::Fixed { days, hour, .. } = past.task.when else {
        return Err(AppError::internal("a past demo task needs fixed dates"));
    };
    let task = tasks_model::find(conn, task_id)?.ok_or(AppError::NotFound)?;
    let (Some(starts_at), Some(ends_at)) = (task.starts_at, task.ends_at) else {
        return Err(AppError::internal("a past demo task needs fixed dates"));
    };
    let shift = Duration::days(days + past.ago);
    let start = starts_at - shift;
    let end = ends_at - shift;
    if start != at(today, -past.ago, hour).naive_utc() {
        return Err(AppError::internal(
            "a past demo task moved to the wrong day",
        ));
    }
    let created = start - Duration::days(21);
    diesel::update(tasks::table.find(task_id))
        .set((
            tasks::starts_at.eq(start),
            tasks::ends_at.eq(end),
            tasks::application_deadline.eq(task.application_deadline.map(|d| d - shift)),
            tasks::created_at.eq(created),
            tasks::published_at.eq(created),
        ))
        .execute(conn)?;
    Ok((start, end))
}

/// Moves a past task's sign-up and its history to the days around the task: signed up ten
/// days before the start, accepted by a member two days later (or at once where the task
/// accepts automatically), completed or marked a no-show the day after the end, and the
/// feedback the day after that. Only timestamps change: the states, the hours, the
/// deciders and the steps of the history are as the checked functions wrote them.
fn backdate(
    conn: &mut DbConnection,
    signup_id: &str,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<(), AppError> {
    let signed_up = start - Duration::days(10);
    let decided = start - Duration::days(8);
    let done = end + Duration::days(1);
    let feedback_at = done + Duration::days(1);
    let s = model::find(conn, signup_id)?.ok_or(AppError::NotFound)?;
    // A no-show is a decision taken after the task; an automatic acceptance has no decider.
    let decided_at = match (s.status, &s.decided_by) {
        (SignupStatus::NoShow, _) => Some(done),
        (_, Some(_)) => Some(decided),
        (_, None) => s.decided_at.map(|_| signed_up),
    };
    diesel::update(signups::table.find(signup_id))
        .set((
            signups::created_at.eq(signed_up),
            signups::decided_at.eq(decided_at),
            signups::completed_at.eq(s.completed_at.map(|_| done)),
            signups::volunteer_feedback_at.eq(s.volunteer_feedback_at.map(|_| feedback_at)),
            signups::association_feedback_at.eq(s.association_feedback_at.map(|_| feedback_at)),
            signups::updated_at.eq(done),
        ))
        .execute(conn)?;
    let events: Vec<(String, Option<String>, String)> = signup_events::table
        .filter(signup_events::signup_id.eq(signup_id))
        .select((
            signup_events::id,
            signup_events::from_status,
            signup_events::to_status,
        ))
        .load(conn)?;
    for (id, from, to) in events {
        let at = match (from, SignupStatus::parse(&to)) {
            (None, _) => signed_up,
            (_, Some(SignupStatus::Completed | SignupStatus::NoShow)) => done,
            _ => decided,
        };
        diesel::update(signup_events::table.find(id))
            .set(signup_events::at.eq(at))
            .execute(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::tests::age_ok;
    use super::*;
    use crate::seed::data::people::AADA;
    use crate::seed::data::signups::PAST;

    #[test]
    fn past_tasks_are_over_and_their_volunteers_may_join() {
        for past in PAST {
            let When::Fixed {
                days,
                hours,
                deadline,
                ..
            } = past.task.when
            else {
                panic!("{}", past.task.title);
            };
            assert!(days >= 1, "created as upcoming: {}", past.task.title);
            assert!(
                deadline.is_none_or(|d| days - d >= 1),
                "{}",
                past.task.title
            );
            // Ended, and completed (a day after the end) before today.
            assert!(past.ago * 24 > hours + 24, "{}", past.task.title);
            assert!(!demo_tasks::all().any(|t| t.title == past.task.title));
            for took in past.took_part {
                assert!(age_ok(&past.task, took.person), "{}", past.task.title);
                // Completion logs at most the length of a fixed task (`signups::hours`).
                if let Outcome::Completed { hours: done } = took.outcome {
                    assert!(done <= hours as f64, "{}", past.task.title);
                }
            }
            assert!(
                past.task
                    .spots
                    .is_none_or(|s| s >= past.took_part.len() as i32),
                "{}",
                past.task.title
            );
        }
    }

    #[test]
    fn one_volunteer_has_a_record_at_two_associations_with_feedback() {
        let of_aada: Vec<&Past> = PAST
            .iter()
            .filter(|p| {
                p.took_part
                    .iter()
                    .any(|t| t.person == AADA && matches!(t.outcome, Outcome::Completed { .. }))
            })
            .collect();
        assert!((2..=3).contains(&of_aada.len()));
        let associations: BTreeSet<usize> = of_aada.iter().map(|p| p.task.association).collect();
        assert_eq!(associations.len(), 2);
        assert!(
            of_aada
                .iter()
                .flat_map(|p| p.took_part)
                .any(|t| t.person == AADA && t.feedback.is_some())
        );
        for past in PAST {
            for took in past.took_part {
                if let Some(f) = &took.feedback {
                    assert!((1..=5).contains(&f.volunteer.0));
                    assert!((1..=5).contains(&f.association.0));
                }
            }
        }
    }
}
