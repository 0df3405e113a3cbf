//! The hours a completion may log. They go on the volunteer's record, which an employer or
//! a school checks with its code (`GET /records/{code}`), so a record must not be inflated:
//! a task is completed only once it has started, and with no more hours than its schedule
//! allows.
//!
//! The bound, counted from the start to the end of the task, or to now when the task is
//! still going on:
//!
//! - fixed and flexible tasks: at most the length of that time, and at most
//!   [`MAX_HOURS_PER_DAY`] for each started 24 hours of it (a 3-hour event: 3 h; a weekend
//!   camp of 46 hours: 24 h; a flexible window opened 30 minutes ago: 0.5 h);
//! - ongoing tasks, which have no timetable: [`MAX_HOURS_PER_DAY`] for each started 24 hours
//!   since the volunteer was accepted (or since the task's start, if that is later),
//!   counting the day of acceptance (12 h on that day, 24 h within 48 hours, …).
//!   Acceptance is often recorded after the volunteer has already begun, so the time since
//!   it is not itself a bound; the daily cap still stops 1,000 hours from being logged on
//!   the day someone joins.
//!
//! Times are UTC and a day is 24 hours, so no time zone is needed. The maximum is rounded
//! down to the quarter hours that hours are kept in.

use chrono::NaiveDateTime;

use crate::error::{AppError, FieldError, ProblemType};
use crate::signups::model::Signup;
use crate::tasks::draft::Draft;

/// The most hours a volunteer is taken to give a task in one day (24 hours): a long
/// working day with breaks; nobody volunteers around the clock.
pub const MAX_HOURS_PER_DAY: f64 = 12.0;

/// Checks the hours of a completion (already rounded to quarter hours) against the task's
/// schedule at `now`: a 409 `task-not-started` before the task's start, a 422 naming
/// `hours` and the maximum when there are more than [`most`]. Returns the hours.
pub fn plausible(
    task: &Draft,
    signup: &Signup,
    hours: f64,
    now: NaiveDateTime,
) -> Result<f64, AppError> {
    if task.starts_at.is_some_and(|start| start > now) {
        return Err(AppError::rule(
            ProblemType::TaskNotStarted,
            "The task has not started yet; mark it completed once it has.",
        ));
    }
    let accepted_at = signup.decided_at.unwrap_or(signup.created_at);
    let most = most(task, accepted_at, now);
    if hours > most {
        let why = if task.schedule_type == "ongoing" {
            "12 hours for each day since the volunteer was accepted"
        } else {
            "the time from the task's start to its end (or to now), and 12 hours a day"
        };
        return Err(AppError::Validation(vec![FieldError::new(
            "hours",
            "exceeds_schedule",
            format!("At most {most} hours fit this task so far: {why}."),
        )]));
    }
    Ok(hours)
}

/// The most hours a volunteer accepted at `accepted_at` can have given the task by `now`
/// (the rule in the module's comment), in whole quarter hours.
pub fn most(task: &Draft, accepted_at: NaiveDateTime, now: NaiveDateTime) -> f64 {
    let ongoing = task.schedule_type == "ongoing";
    let from = match task.starts_at {
        Some(start) if ongoing => start.max(accepted_at),
        Some(start) => start,
        None => accepted_at,
    };
    let to = task.ends_at.map_or(now, |end| end.min(now));
    let length = seconds_to_hours((to - from).num_seconds().max(0));
    let days = (length / 24.0).ceil().max(1.0);
    let mut most = MAX_HOURS_PER_DAY * days;
    if !ongoing {
        most = most.min(length);
    }
    (most * 4.0).floor() / 4.0
}

/// Seconds as hours. A task's time spans at most a few years, far below where an `f64`
/// loses whole seconds.
#[expect(
    clippy::cast_precision_loss,
    reason = "spans of years are exact in an f64"
)]
fn seconds_to_hours(seconds: i64) -> f64 {
    seconds as f64 / 3600.0
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 5, 10)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("a date")
    }

    fn task(schedule: &str, start: Option<Duration>, end: Option<Duration>) -> Draft {
        Draft {
            schedule_type: schedule.into(),
            starts_at: start.map(|d| now() + d),
            ends_at: end.map(|d| now() + d),
            ..Draft::default()
        }
    }

    fn hours(h: i64) -> Duration {
        Duration::hours(h)
    }

    #[test]
    fn fixed_tasks_allow_their_length_so_far_and_12_hours_a_day() {
        let ended = task("fixed", Some(hours(-27)), Some(hours(-24)));
        assert_eq!(most(&ended, now(), now()), 3.0);
        let going_on = task("fixed", Some(-Duration::minutes(70)), Some(hours(2)));
        assert_eq!(
            most(&going_on, now(), now()),
            1.0,
            "70 minutes, in quarters"
        );
        let camp = task("fixed", Some(hours(-70)), Some(hours(-24)));
        assert_eq!(most(&camp, now(), now()), 24.0, "46 hours: two days");
        let long_day = task("fixed", Some(hours(-40)), Some(hours(-24)));
        assert_eq!(most(&long_day, now(), now()), 12.0, "16 hours: one day");
    }

    #[test]
    fn flexible_windows_count_up_to_now() {
        let window = task("flexible", Some(hours(-25)), Some(hours(24 * 5)));
        assert_eq!(most(&window, now(), now()), 24.0);
        let opened = task("flexible", Some(-Duration::minutes(30)), Some(hours(5)));
        assert_eq!(most(&opened, now(), now()), 0.5);
        let just = task("flexible", Some(Duration::zero()), Some(hours(5)));
        assert_eq!(most(&just, now(), now()), 0.0);
    }

    #[test]
    fn ongoing_tasks_count_started_days_since_acceptance() {
        let ongoing = task("ongoing", None, None);
        assert_eq!(most(&ongoing, now(), now()), 12.0, "the day of acceptance");
        assert_eq!(most(&ongoing, now() - hours(23), now()), 12.0);
        assert_eq!(most(&ongoing, now() - hours(47), now()), 24.0);
        assert_eq!(most(&ongoing, now() - hours(49), now()), 36.0);
        let started_later = task("ongoing", Some(hours(-1)), None);
        assert_eq!(most(&started_later, now() - hours(100), now()), 12.0);
        let ended = task("ongoing", Some(hours(-200)), Some(hours(-100)));
        assert_eq!(most(&ended, now() - hours(130), now()), 24.0, "30 hours");
    }

    #[test]
    fn before_the_start_nothing_and_over_the_bound_a_422() {
        let signup = |decided: NaiveDateTime| Signup {
            id: "s".into(),
            task_id: "t".into(),
            volunteer_id: Some("v".into()),
            message: None,
            status: crate::signups::status::SignupStatus::Accepted,
            referral_id: None,
            hours: None,
            record_checked_on: None,
            record_checked_by: None,
            created_at: decided,
            decided_at: Some(decided),
            decided_by: None,
            withdrawn_at: None,
            completed_at: None,
            completed_by: None,
            cancelled_at: None,
            updated_at: decided,
            volunteer_rating: None,
            volunteer_comment: None,
            volunteer_feedback_at: None,
            association_rating: None,
            association_comment: None,
            association_feedback_at: None,
            association_feedback_by: None,
        };
        let s = signup(now() - hours(24 * 60));
        let future = task("fixed", Some(hours(24 * 90)), Some(hours(24 * 90 + 3)));
        let refused = plausible(&future, &s, 1000.0, now());
        assert!(matches!(
            refused,
            Err(AppError::Refused {
                code: ProblemType::TaskNotStarted,
                ..
            })
        ));
        let future_ongoing = task("ongoing", Some(hours(1)), None);
        assert!(plausible(&future_ongoing, &s, 1.0, now()).is_err());
        let ended = task("fixed", Some(hours(-27)), Some(hours(-24)));
        assert_eq!(plausible(&ended, &s, 3.0, now()).ok(), Some(3.0));
        let Err(AppError::Validation(errors)) = plausible(&ended, &s, 3.25, now()) else {
            panic!("3.25 hours of a 3-hour task");
        };
        assert_eq!(errors[0].field, "hours");
        assert!(errors[0].message.contains("At most 3 hours"), "{errors:?}");
    }
}
