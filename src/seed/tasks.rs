//! The demo's tasks: what a demo task is (its dates are relative to the day the demo is
//! loaded), the list of the published ones, and how one is created and published through
//! the API's checks (`lifecycle::create`, `lifecycle::transition`). The tasks themselves
//! are in `data/tasks_ek.rs` (Etelä-Karjala) and `data/tasks_kymenlaakso.rs`; the
//! sign-ups add a few more (`data/signups.rs`) that they close or cancel.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::data::{tasks_ek, tasks_kymenlaakso};
use crate::associations::model as associations_model;
use crate::db::DbConnection;
use crate::email::Notifier;
use crate::error::AppError;
use crate::signups::task_hooks;
use crate::tasks::draft::{Placement, TaskInput};
use crate::tasks::lifecycle;
use crate::tasks::model as tasks_model;
use crate::tasks::status::TaskStatus;

/// When a task happens, in days from the day the demo is loaded. Hours are UTC (Finnish
/// time is two or three hours ahead).
#[derive(Clone, Copy)]
pub(super) enum When {
    /// Starts in `days` days at `hour`, lasts `hours`; sign-ups close `deadline` days before.
    Fixed {
        days: i64,
        hour: u32,
        hours: i64,
        deadline: Option<i64>,
    },
    /// Done at any time between `from` and `to` days from now.
    Flexible { from: i64, to: i64 },
    /// Goes on without dates.
    Ongoing,
}

/// Where a task is done.
#[derive(Clone, Copy)]
pub(super) enum Place {
    /// In the association's home municipality.
    Home,
    /// In another municipality.
    In(&'static str),
    /// Remotely, with no place.
    Remote { online: bool, phone: bool },
    /// Remotely, by phone, for people of a municipality.
    PhoneFrom(&'static str),
}

/// One demo task; `association` is an index into the associations (`associations::all`).
pub(super) struct Task {
    pub(super) association: usize,
    pub(super) title: &'static str,
    pub(super) description: &'static str,
    pub(super) categories: &'static [&'static str],
    pub(super) place: Place,
    pub(super) address: Option<&'static str>,
    pub(super) when: When,
    pub(super) hours: Option<f64>,
    pub(super) spots: Option<i32>,
    pub(super) automatic: bool,
    pub(super) waitlist: bool,
    pub(super) min_age: Option<i32>,
    pub(super) max_age: Option<i32>,
    pub(super) languages: &'static [&'static str],
    pub(super) beginner: bool,
    pub(super) supported: bool,
    pub(super) record_check: bool,
    /// Field of study and duration; placements always count for credits here.
    pub(super) placement: Option<(&'static str, &'static str)>,
    pub(super) contact: Option<&'static str>,
}

/// The defaults of a demo task, for `..TASK` in the tables: ongoing, in the association's
/// home municipality, in Finnish, approved by hand, with no limits.
pub(super) const TASK: Task = Task {
    association: 0,
    title: "",
    description: "",
    categories: &[],
    place: Place::Home,
    address: None,
    when: When::Ongoing,
    hours: None,
    spots: None,
    automatic: false,
    waitlist: false,
    min_age: None,
    max_age: None,
    languages: &["fi"],
    beginner: false,
    supported: false,
    record_check: false,
    placement: None,
    contact: None,
};

/// Every task the demo publishes and leaves open, Etelä-Karjala's and then Kymenlaakso's,
/// in the order they are created. The sign-ups find theirs here by title.
pub(super) fn all() -> impl Iterator<Item = &'static Task> {
    tasks_ek::TASKS.iter().chain(tasks_kymenlaakso::TASKS)
}

/// `hour` o'clock UTC, `days` days from `today`.
pub(super) fn at(today: NaiveDate, days: i64, hour: u32) -> DateTime<Utc> {
    (today + Duration::days(days))
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
        .and_utc()
}

/// Creates a task through the API's checks and publishes it; returns its id.
pub(super) fn create(
    conn: &mut DbConnection,
    t: &Task,
    association_id: &str,
    today: NaiveDate,
) -> Result<String, AppError> {
    let association = associations_model::find(conn, association_id)?.ok_or(AppError::NotFound)?;
    let (municipality, remote_online, remote_phone) = match t.place {
        Place::Home => (Some(association.municipality_code.clone()), false, false),
        Place::In(code) => (Some(code.to_owned()), false, false),
        Place::Remote { online, phone } => (None, online, phone),
        Place::PhoneFrom(code) => (Some(code.to_owned()), false, true),
    };
    let (schedule, starts_at, ends_at, deadline) = match t.when {
        When::Fixed {
            days,
            hour,
            hours,
            deadline,
        } => {
            let start = at(today, days, hour);
            (
                "fixed",
                Some(start),
                Some(start + Duration::hours(hours)),
                deadline.map(|d| at(today, days - d, 20)),
            )
        }
        When::Flexible { from, to } => (
            "flexible",
            Some(at(today, from, 6)),
            Some(at(today, to, 18)),
            None,
        ),
        When::Ongoing => ("ongoing", None, None, None),
    };
    #[expect(
        clippy::needless_update,
        reason = "a new optional TaskInput field must not need an edit here"
    )]
    let input = TaskInput {
        title: Some(t.title.to_owned()),
        description: Some(t.description.to_owned()),
        categories: Some(t.categories.iter().map(|s| (*s).to_owned()).collect()),
        municipality_code: Some(municipality),
        address: Some(t.address.map(str::to_owned)),
        remote_online: Some(remote_online),
        remote_phone: Some(remote_phone),
        schedule_type: Some(schedule.to_owned()),
        starts_at: Some(starts_at),
        ends_at: Some(ends_at),
        estimated_hours: Some(t.hours),
        spots: Some(t.spots),
        approval_mode: Some(if t.automatic { "automatic" } else { "manual" }.to_owned()),
        waitlist: Some(t.waitlist),
        min_age: Some(t.min_age),
        max_age: Some(t.max_age),
        languages: Some(t.languages.iter().map(|s| (*s).to_owned()).collect()),
        beginner_friendly: Some(t.beginner),
        supported: Some(t.supported),
        criminal_record_check: Some(t.record_check),
        application_deadline: Some(deadline),
        contact_person: Some(t.contact.map(str::to_owned)),
        placement: Some(t.placement.map(|(field, duration)| Placement {
            field_of_study: field.to_owned(),
            duration: Some(duration.to_owned()),
            credits: true,
        })),
        ..TaskInput::default()
    };
    let id = lifecycle::create(conn, &association, input)?;
    // Publishing sends no email, so the links' base does not matter here.
    let notifier = Notifier::with_base_url(String::new());
    move_to(conn, &notifier, &id, TaskStatus::Published)?;
    Ok(id)
}

/// Moves a demo task along its life cycle as a member would, with the sign-ups reacting
/// (a cancelled task cancels its sign-ups).
pub(super) fn move_to(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task_id: &str,
    to: TaskStatus,
) -> Result<(), AppError> {
    let task = tasks_model::find(conn, task_id)?.ok_or(AppError::NotFound)?;
    let association =
        associations_model::find(conn, &task.association_id)?.ok_or(AppError::NotFound)?;
    lifecycle::transition(
        conn,
        &task_hooks::hooks(),
        notifier,
        &task,
        &association,
        to,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_deadline_is_in_the_future_and_before_the_start() {
        for t in all() {
            if let When::Fixed {
                days,
                deadline,
                hours,
                ..
            } = t.when
            {
                assert!(hours > 0, "{}", t.title);
                if let Some(d) = deadline {
                    assert!(days - d >= 2, "{}", t.title);
                }
                assert!(days >= 2, "{}", t.title);
            }
            if let When::Flexible { from, to } = t.when {
                assert!(from >= 1 && to > from, "{}", t.title);
            }
        }
    }
}
