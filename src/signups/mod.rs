//! Sign-ups (ilmoittautuminen): a volunteer joins a task, the association answers, and a
//! completed task becomes part of the volunteer's record.
//!
//! Every change to a sign-up goes through [`transitions::apply`], which keeps the task's
//! accepted count, the history and the timestamps in step; every caller first locks the
//! task ([`crate::tasks::model::lock`]) so that capacity is decided one change at a time.

pub mod age_limits;
pub mod calendar;
pub mod decisions;
pub mod feedback;
pub mod hours;
pub mod join;
pub mod model;
pub mod notify;
pub mod record;
pub mod record_html;
pub mod reminders;
pub mod routes;
pub mod status;
pub mod task_hooks;
pub mod transitions;
pub mod views;
