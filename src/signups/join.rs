//! Signing up: who may join a task, and what they get — `accepted` while spots remain on
//! an automatic task, `pending` where a member decides, `waitlisted` when full.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use crate::accounts::model::age_on;
use crate::api::text;
use crate::associations::access::Viewer;
use crate::associations::model::Association;
use crate::db::DbConnection;
use crate::db::schema::{signups, users};
use crate::email::Notifier;
use crate::error::{AppError, FieldError, ProblemType};
use crate::signups::model::{self, Signup};
use crate::signups::notify;
use crate::signups::status::SignupStatus;
use crate::signups::transitions::{entered, needs_review};
use crate::tasks::draft::Draft;
use crate::tasks::lifecycle;
use crate::tasks::model::{self as tasks_model, Task};

/// Longest note a volunteer can send with a sign-up.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// The body of `POST /tasks/{id}/signups`; it may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignUpInput {
    pub message: Option<String>,
    /// The referral this sign-up answers, when a client accepts one (never from the body:
    /// only the referral feature sets it).
    #[serde(skip)]
    pub referral_id: Option<String>,
}

/// Why someone cannot sign up. The same reasons drive the hint on a task (`sign_up.reason`,
/// snake_case) and the refusal of a sign-up (problem type, kebab-case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotPublished,
    DeadlinePassed,
    Ended,
    SignInRequired,
    BirthDateMissing,
    TooYoung,
    TooOld,
    AlreadySignedUp,
    Full,
}

impl Refusal {
    /// The stable code of the hint on a task.
    pub fn reason(self) -> &'static str {
        match self {
            Self::NotPublished => "not_published",
            Self::DeadlinePassed => "deadline_passed",
            Self::Ended => "ended",
            Self::SignInRequired => "sign_in_required",
            Self::BirthDateMissing => "birth_date_missing",
            Self::TooYoung => "too_young",
            Self::TooOld => "too_old",
            Self::AlreadySignedUp => "already_signed_up",
            Self::Full => "full",
        }
    }

    /// The refusal of an actual sign-up, with a problem type a client can act on.
    pub fn error(self, task: &Task) -> AppError {
        let range = age_range(task);
        match self {
            Self::NotPublished => AppError::rule(
                ProblemType::TaskNotOpen,
                "The task is not open for sign-ups.",
            ),
            Self::DeadlinePassed => AppError::rule(
                ProblemType::DeadlinePassed,
                "The application deadline has passed.",
            ),
            Self::Ended => AppError::rule(ProblemType::TaskEnded, "The task is already over."),
            Self::SignInRequired => AppError::Unauthorized,
            Self::BirthDateMissing => AppError::ineligible(
                ProblemType::BirthDateMissing,
                "Add your birth date to your profile: tasks have age limits.",
            ),
            Self::TooYoung => AppError::ineligible(
                ProblemType::TooYoung,
                format!("The task is for volunteers aged {range} on its start date."),
            ),
            Self::TooOld => AppError::ineligible(
                ProblemType::TooOld,
                format!("The task is for volunteers aged {range} on its start date."),
            ),
            Self::AlreadySignedUp => AppError::rule(
                ProblemType::AlreadySignedUp,
                "You have already signed up to this task.",
            ),
            Self::Full => {
                AppError::rule(ProblemType::TaskFull, "All spots of this task are taken.")
            }
        }
    }
}

/// Checks every rule for `user_id` signing up to `task` at `now` (the caller's clock, so
/// that a referral's checks and its expiry read the same time). The caller should hold the
/// task's lock when the answer decides a sign-up.
pub fn check(
    conn: &mut DbConnection,
    task: &Task,
    association: &Association,
    user_id: Option<&str>,
    now: NaiveDateTime,
) -> Result<Option<Refusal>, AppError> {
    if !task.is_public(&association.status) {
        return Ok(Some(Refusal::NotPublished));
    }
    if task.application_deadline.is_some_and(|d| d < now) {
        return Ok(Some(Refusal::DeadlinePassed));
    }
    if task.has_ended(now) {
        return Ok(Some(Refusal::Ended));
    }
    let Some(user_id) = user_id else {
        return Ok(Some(Refusal::SignInRequired));
    };
    let birth_date: Option<NaiveDate> = users::table
        .find(user_id)
        .select(users::birth_date)
        .first(conn)?;
    let Some(birth_date) = birth_date else {
        return Ok(Some(Refusal::BirthDateMissing));
    };
    if let Some(refusal) = age_refusal(task, birth_date, now) {
        return Ok(Some(refusal));
    }
    if open_signup(conn, &task.id, user_id)?.is_some() {
        return Ok(Some(Refusal::AlreadySignedUp));
    }
    if task.spots_left() == Some(0) && !task.waitlist {
        return Ok(Some(Refusal::Full));
    }
    Ok(None)
}

/// Whether a volunteer born on `birth_date` is too young or too old for the task at `now`:
/// the one age rule, used by signing up and by the check of a task's edit
/// ([`crate::signups::age_limits`]).
pub fn age_refusal(task: &Draft, birth_date: NaiveDate, now: NaiveDateTime) -> Option<Refusal> {
    let age = age_on(birth_date, age_day(task, now));
    if task.min_age.is_some_and(|min| age < min) {
        Some(Refusal::TooYoung)
    } else if task.max_age.is_some_and(|max| age > max) {
        Some(Refusal::TooOld)
    } else {
        None
    }
}

/// The day a volunteer's age is taken on: the start date, or today for ongoing tasks
/// (DESIGN.md) and for tasks without a start.
fn age_day(task: &Draft, now: NaiveDateTime) -> NaiveDate {
    task.starts_at
        .filter(|_| task.schedule_type != "ongoing")
        .map_or(now.date(), |s| s.date())
}

/// The task's age range in words ("15–29", "18 or older"), for refusals.
pub fn age_range(task: &Task) -> String {
    match (task.min_age, task.max_age) {
        (Some(min), Some(max)) => format!("{min}–{max}"),
        (Some(min), None) => format!("{min} or older"),
        (None, Some(max)) => format!("{max} or younger"),
        (None, None) => String::new(),
    }
}

/// The volunteer's open sign-up to a task, if any.
pub fn open_signup(
    conn: &mut DbConnection,
    task_id: &str,
    user_id: &str,
) -> Result<Option<Signup>, AppError> {
    Ok(signups::table
        .filter(signups::task_id.eq(task_id))
        .filter(signups::volunteer_id.eq(user_id))
        .filter(signups::status.eq_any(SignupStatus::OPEN.map(SignupStatus::as_str)))
        .select(Signup::as_select())
        .first(conn)
        .optional()?)
}

/// Checks the length as sent (what the client's own form limit sees), then trims.
fn clean_message(message: Option<String>) -> Result<Option<String>, AppError> {
    if message
        .as_ref()
        .is_some_and(|m| m.chars().count() > MAX_MESSAGE_CHARS)
    {
        return Err(AppError::Validation(vec![FieldError::new(
            "message",
            "too_long",
            "The message is at most 1000 characters.",
        )]));
    }
    Ok(message
        .map(|m| text::tidy_lines(&m))
        .filter(|m| !m.is_empty()))
}

/// Signs `user_id` up to a task and queues the emails. Runs inside a write transaction.
pub fn sign_up(
    conn: &mut DbConnection,
    notifier: &Notifier,
    task_id: &str,
    user_id: &str,
    input: SignUpInput,
) -> Result<Signup, AppError> {
    let message = clean_message(input.message.clone())?;
    let viewer = Viewer::load(conn, Some(user_id.to_owned()))?;
    let (task, association, _) = lifecycle::visible(conn, task_id, &viewer)?;
    let task = tasks_model::lock(conn, &task.id)?;
    let verified: Option<NaiveDateTime> = users::table
        .find(user_id)
        .select(users::email_verified_at)
        .first(conn)?;
    if verified.is_none() {
        return Err(AppError::EmailNotVerified);
    }
    if let Some(refusal) = check(
        conn,
        &task,
        &association,
        Some(user_id),
        Utc::now().naive_utc(),
    )? {
        return Err(refusal.error(&task));
    }
    let status = match task.spots_left() {
        Some(0) => SignupStatus::Waitlisted,
        _ if needs_review(&task) => SignupStatus::Pending,
        _ => SignupStatus::Accepted,
    };
    let id = uuid::Uuid::now_v7().to_string();
    let now = Utc::now().naive_utc();
    diesel::insert_into(signups::table)
        .values((
            signups::id.eq(&id),
            signups::task_id.eq(&task.id),
            signups::volunteer_id.eq(user_id),
            signups::message.eq(&message),
            signups::referral_id.eq(&input.referral_id),
            signups::status.eq(status.as_str()),
            signups::created_at.eq(now),
            signups::updated_at.eq(now),
        ))
        .execute(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => Refusal::AlreadySignedUp.error(&task),
            other => other.into(),
        })?;
    let signup = model::find(conn, &id)?.ok_or(AppError::NotFound)?;
    entered(conn, &signup, None, status, Some(user_id), now)?;
    let signup = model::find(conn, &id)?.ok_or(AppError::NotFound)?;
    notify::received(conn, notifier, &signup, &task, &association)?;
    Ok(signup)
}
