//! Tasks as iCalendar (RFC 5545) events, built with the `icalendar` crate: one public task
//! (`GET /tasks/{id}.ics`, "add to calendar") here, and a volunteer's own feed in
//! `signups::calendar`, which uses the same event.
//!
//! An event's UID is the task's id, so a calendar that subscribed to a feed updates the
//! event in place, and its SEQUENCE is the task's version, so an edit supersedes what the
//! calendar holds. A task without a start time has no place in a calendar.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::{Duration, NaiveDateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::api::{allow_only, get_or_head};
use crate::associations::access::Viewer;
use crate::associations::model::Association;
use crate::error::AppError;
use crate::state::AppState;
use crate::tasks::lifecycle;
use crate::tasks::model::{self, Task};
use crate::tasks::status::TaskStatus;

/// The media type of a calendar.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

/// How long an event without an end or an estimate lasts in a calendar.
const DEFAULT_LENGTH: Duration = Duration::hours(2);

/// What an event says beyond the task itself.
pub struct EventInfo<'a> {
    pub association: &'a Association,
    /// Address and municipality, as one line.
    pub location: Option<String>,
    /// The task's page.
    pub url: String,
    /// Shown as cancelled (the task, or the volunteer's place in it, was cancelled).
    pub cancelled: bool,
}

/// When a task ends in a calendar: its end, else its start plus its estimated hours, else
/// a default length.
fn ends(task: &Task, starts: NaiveDateTime) -> NaiveDateTime {
    let estimated = task
        .estimated_hours
        .filter(|h| h.is_finite() && *h > 0.0 && *h < 24.0 * 365.0)
        .map(|h| Duration::minutes((h * 60.0).round() as i64));
    task.ends_at
        .filter(|e| *e > starts)
        .or_else(|| estimated.map(|d| starts + d))
        .unwrap_or(starts + DEFAULT_LENGTH)
}

/// The task as an event; `None` when it has no start time.
pub fn event(task: &Task, info: &EventInfo<'_>) -> Option<Event> {
    let starts = task.starts_at?;
    let mut description = format!("{}\n\n{}", info.association.name, task.description);
    if let Some(contact) = task
        .contact_person
        .as_deref()
        .or(info.association.contact_person.as_deref())
    {
        description.push_str(&format!("\n\n{contact}"));
    }
    description.push_str(&format!("\n\n{}", info.url));
    let mut event = Event::new();
    event
        .uid(&format!("task-{}@talkoot", task.id))
        .summary(&task.title)
        .description(&description)
        .starts(starts.and_utc())
        .ends(ends(task, starts).and_utc())
        .url(&info.url)
        .sequence(u32::try_from(task.version).unwrap_or(0))
        .last_modified(task.updated_at.and_utc())
        .timestamp(Utc::now())
        .status(if info.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if let Some(location) = &info.location {
        event.location(location);
    }
    Some(event.done())
}

/// A calendar of `events`, named.
pub fn calendar(name: &str, events: Vec<Event>) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for event in events {
        calendar.push(event);
    }
    calendar.done().to_string()
}

/// Registers `GET /tasks/{id}.ics`; before `/tasks/{id}`, which would take the name too.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/tasks/{id}.ics")
            .default_service(allow_only("GET, HEAD"))
            .route(get_or_head().to(task_ics)),
    );
}

async fn task_ics(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let base = state.config.public_base_url.clone();
    let text = state
        .db
        .run(move |conn| {
            // Public tasks only: the file is for sharing, so it never shows a draft.
            let anyone = Viewer::load(conn, None)?;
            let (task, association, _) = lifecycle::visible(conn, &id, &anyone)?;
            let info = EventInfo {
                association: &association,
                location: model::location(conn, &task)?,
                url: format!("{base}/tasks/{}", task.id),
                cancelled: task.status == TaskStatus::Cancelled,
            };
            let event = event(&task, &info).ok_or(AppError::NotFound)?;
            Ok(calendar(&task.title, vec![event]))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type(CONTENT_TYPE)
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"talkoot-task.ics\"",
        ))
        .body(text))
}
