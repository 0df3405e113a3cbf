//! A sign-up as each side sees it. The association sees what it needs to reach the
//! volunteer (name, email, age — never the birth date — municipality, message); the
//! volunteer sees the task. Feedback ratings stay with whoever gave them; only the
//! comment reaches the other side.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::age_on;
use crate::api::paging::{Page, paging};
use crate::db::DbConnection;
use crate::db::schema::{associations, signup_events, signups, tasks, users};
use crate::error::AppError;
use crate::reference::places::{Place, places};
use crate::signups::model::{Side, Signup};
use crate::signups::status::SignupStatus;
use crate::tasks::model::TaskAssociation;

/// The task a sign-up is for.
#[derive(Debug, Serialize)]
pub struct SignupTask {
    pub id: String,
    pub title: String,
    pub schedule_type: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub criminal_record_check: bool,
    pub association: TaskAssociation,
}

/// How the association reaches the volunteer.
#[derive(Debug, Serialize)]
pub struct VolunteerContact {
    pub id: String,
    pub display_name: String,
    pub email: String,
    /// Age today, in whole years; the birth date itself is never shown.
    pub age: Option<i32>,
    pub municipality: Option<Place>,
}

/// The criminal-record check of a sign-up to a task that requires one.
#[derive(Debug, Serialize)]
pub struct RecordCheck {
    pub seen_on: Option<NaiveDate>,
    /// Who saw the extract (shown to the association only).
    pub seen_by: Option<String>,
}

/// Feedback given by the caller's own side.
#[derive(Debug, Serialize)]
pub struct OwnFeedback {
    pub rating: i32,
    pub comment: Option<String>,
    pub given_at: DateTime<Utc>,
}

/// The feedback on a completed sign-up, as the caller's side may see it.
#[derive(Debug, Serialize)]
pub struct FeedbackView {
    pub mine: Option<OwnFeedback>,
    /// The other side's comment (its rating is not shown).
    pub from_other_side: Option<String>,
}

/// One step of the sign-up's history.
#[derive(Debug, Serialize)]
pub struct Event {
    pub from: Option<String>,
    pub to: String,
    /// `volunteer`, `association` or `service` (a waitlist move-up).
    pub by: &'static str,
    pub at: DateTime<Utc>,
}

/// A sign-up as the API shows it.
#[derive(Debug, Serialize)]
pub struct SignupView {
    pub id: String,
    pub status: SignupStatus,
    pub message: Option<String>,
    /// Whether the sign-up came from accepting a counsellor's referral. Nothing else of
    /// the referral (the counsellor, the note) is shown here.
    pub via_referral: bool,
    pub task: SignupTask,
    /// Present for the association's members only.
    pub volunteer: Option<VolunteerContact>,
    /// 1 for the next to move up; only while waitlisted.
    pub waitlist_position: Option<i64>,
    pub hours: Option<f64>,
    pub record_check: Option<RecordCheck>,
    pub feedback: FeedbackView,
    pub history: Vec<Event>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

type TaskRow = (
    String,
    String,
    String,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    bool,
    String,
    String,
    String,
);

type UserRow = (String, String, String, Option<NaiveDate>, Option<String>);

/// Sign-up id, from, to, actor, time.
type EventRow = (
    String,
    Option<String>,
    String,
    Option<String>,
    NaiveDateTime,
);

/// Builds the views of many sign-ups for one side with a fixed number of queries.
pub fn build(
    conn: &mut DbConnection,
    rows: Vec<Signup>,
    side: Side,
) -> Result<Vec<SignupView>, AppError> {
    let ids: Vec<&str> = rows.iter().map(|s| s.id.as_str()).collect();
    let task_ids: Vec<&str> = rows.iter().map(|s| s.task_id.as_str()).collect();
    let task_rows: Vec<TaskRow> = tasks::table
        .inner_join(associations::table)
        .filter(tasks::id.eq_any(&task_ids))
        .select((
            tasks::id,
            tasks::title,
            tasks::schedule_type,
            tasks::starts_at,
            tasks::ends_at,
            tasks::criminal_record_check,
            associations::id,
            associations::name,
            associations::slug,
        ))
        .load(conn)?;
    let mut user_ids: Vec<&str> = Vec::new();
    if side == Side::Association {
        user_ids.extend(rows.iter().filter_map(|s| s.volunteer_id.as_deref()));
        user_ids.extend(rows.iter().filter_map(|s| s.record_checked_by.as_deref()));
    }
    let people: Vec<UserRow> = users::table
        .filter(users::id.eq_any(&user_ids))
        .select((
            users::id,
            users::display_name,
            users::email,
            users::birth_date,
            users::municipality_code,
        ))
        .load(conn)?;
    let codes: Vec<&str> = people.iter().filter_map(|p| p.4.as_deref()).collect();
    let places = places(conn, &codes)?;
    let events: Vec<EventRow> = signup_events::table
        .filter(signup_events::signup_id.eq_any(&ids))
        .order((signup_events::at, signup_events::id))
        .select((
            signup_events::signup_id,
            signup_events::from_status,
            signup_events::to_status,
            signup_events::actor_id,
            signup_events::at,
        ))
        .load(conn)?;
    let waiting: Vec<(String, String)> = signups::table
        .filter(signups::task_id.eq_any(&task_ids))
        .filter(signups::status.eq(SignupStatus::Waitlisted.as_str()))
        .order((signups::created_at, signups::id))
        .select((signups::id, signups::task_id))
        .load(conn)?;
    let today = Utc::now().date_naive();
    Ok(rows
        .into_iter()
        .filter_map(|s| {
            let t = task_rows.iter().find(|t| t.0 == s.task_id)?;
            let volunteer = people
                .iter()
                .find(|p| s.volunteer_id.as_ref() == Some(&p.0))
                .map(|p| VolunteerContact {
                    id: p.0.clone(),
                    display_name: p.1.clone(),
                    email: p.2.clone(),
                    age: p.3.map(|b| age_on(b, today)),
                    municipality: p
                        .4
                        .as_deref()
                        .and_then(|c| places.iter().find(|pl| pl.code == c).cloned()),
                });
            let waitlist_position = (s.status == SignupStatus::Waitlisted).then(|| {
                waiting
                    .iter()
                    .filter(|(_, task)| *task == s.task_id)
                    .position(|(id, _)| *id == s.id)
                    .map_or(0, |i| i as i64 + 1)
            });
            let record_check = t.5.then(|| RecordCheck {
                seen_on: s.record_checked_on,
                seen_by: s
                    .record_checked_by
                    .as_deref()
                    .filter(|_| side == Side::Association)
                    .and_then(|id| people.iter().find(|p| p.0 == id))
                    .map(|p| p.1.clone()),
            });
            let history = events
                .iter()
                .filter(|e| e.0 == s.id)
                .map(|e| Event {
                    from: e.1.clone(),
                    to: e.2.clone(),
                    by: match e.3.as_deref() {
                        None => "service",
                        Some(actor) if s.volunteer_id.as_deref() == Some(actor) => "volunteer",
                        Some(_) => "association",
                    },
                    at: utc(e.4),
                })
                .collect();
            Some(SignupView {
                feedback: feedback(&s, side),
                via_referral: s.referral_id.is_some(),
                id: s.id,
                status: s.status,
                message: s.message,
                task: SignupTask {
                    id: t.0.clone(),
                    title: t.1.clone(),
                    schedule_type: t.2.clone(),
                    starts_at: t.3.map(utc),
                    ends_at: t.4.map(utc),
                    criminal_record_check: t.5,
                    association: TaskAssociation {
                        id: t.6.clone(),
                        name: t.7.clone(),
                        slug: t.8.clone(),
                    },
                },
                volunteer,
                waitlist_position,
                hours: s.hours,
                record_check,
                history,
                created_at: utc(s.created_at),
                decided_at: s.decided_at.map(utc),
                withdrawn_at: s.withdrawn_at.map(utc),
                completed_at: s.completed_at.map(utc),
                cancelled_at: s.cancelled_at.map(utc),
                updated_at: utc(s.updated_at),
            })
        })
        .collect())
}

fn feedback(s: &Signup, side: Side) -> FeedbackView {
    let own = |rating: Option<i32>, comment: &Option<String>, at: Option<NaiveDateTime>| {
        Some(OwnFeedback {
            rating: rating?,
            comment: comment.clone(),
            given_at: utc(at?),
        })
    };
    match side {
        Side::Volunteer => FeedbackView {
            mine: own(
                s.volunteer_rating,
                &s.volunteer_comment,
                s.volunteer_feedback_at,
            ),
            from_other_side: s.association_comment.clone(),
        },
        Side::Association => FeedbackView {
            mine: own(
                s.association_rating,
                &s.association_comment,
                s.association_feedback_at,
            ),
            from_other_side: s.volunteer_comment.clone(),
        },
    }
}

/// The view of one sign-up.
pub fn one(conn: &mut DbConnection, signup: Signup, side: Side) -> Result<SignupView, AppError> {
    build(conn, vec![signup], side)?
        .pop()
        .ok_or(AppError::NotFound)
}

/// `status`, `page` and `per_page` of a sign-up list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

impl ListQuery {
    /// The checked filter and paging: an unknown status is a 422 naming `status`.
    pub fn check(&self) -> Result<(Option<SignupStatus>, i64, i64), AppError> {
        let (page, per_page) = paging(self.page, self.per_page)?;
        let status = match self.status.as_deref() {
            None => None,
            Some(text) => Some(SignupStatus::parse(text).ok_or_else(|| {
                AppError::field(
                    "status",
                    "unknown_value",
                    "The status is one of pending, accepted, waitlisted, declined, withdrawn, completed, no_show, cancelled.",
                )
            })?),
        };
        Ok((status, page, per_page))
    }
}

/// One page of sign-ups matching `filter`, oldest first for a task, newest first for a
/// volunteer.
pub fn page_of(
    conn: &mut DbConnection,
    side: Side,
    owner: &str,
    status: Option<SignupStatus>,
    page: i64,
    per_page: i64,
) -> Result<Page<SignupView>, AppError> {
    let filtered = || {
        let mut q = signups::table.into_boxed();
        q = match side {
            Side::Association => q.filter(signups::task_id.eq(owner.to_owned())),
            Side::Volunteer => q.filter(signups::volunteer_id.eq(owner.to_owned())),
        };
        if let Some(s) = status {
            q = q.filter(signups::status.eq(s.as_str()));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let ordered = match side {
        Side::Association => filtered().order((signups::created_at.asc(), signups::id.asc())),
        Side::Volunteer => filtered().order((signups::created_at.desc(), signups::id.desc())),
    };
    let rows: Vec<Signup> = ordered
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Signup::as_select())
        .load(conn)?;
    Ok(Page {
        items: build(conn, rows, side)?,
        total,
        page,
        per_page,
    })
}
