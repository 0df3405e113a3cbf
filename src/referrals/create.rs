//! Making a referral: what may be offered, to whom, and how often.
//!
//! The rules, in one place:
//! * only a task open for sign-ups (published, verified association, deadline and end not
//!   passed, not full without a waitlist) or a verified association (and one of its
//!   services) can be offered; anything else is a `409` naming why, and an unknown id a
//!   `422` naming the field;
//! * a client with an account who is outside the task's age range is refused with the very
//!   problem the sign-up would give (`403 too-young` / `too-old`), so the counsellor learns
//!   it before the client does; nothing else about the client is revealed;
//! * a counsellor makes at most [`ReferralLimits::per_counsellor_per_day`] referrals in 24
//!   hours (`429` with `Retry-After`), and has at most
//!   [`ReferralLimits::open_per_address`] open referrals to one address
//!   (`409 too-many-open-referrals`);
//! * without an address the referral is a link (`{PUBLIC_BASE_URL}/r/{code}`) with a random
//!   code, shown once, in this answer only;
//! * every referral expires after [`ReferralLimits::expire_after`], driven by a job due at
//!   that time.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;

use crate::accounts::counsellors;
use crate::accounts::model::{self as accounts, age_on, check_email, normalize_email};
use crate::api::text;
use crate::associations::model::{self as associations, Association, VERIFIED};
use crate::auth::tokens;
use crate::config::ReferralLimits;
use crate::db::DbConnection;
use crate::db::schema::{association_services, referrals};
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::error::{AppError, FieldError, ProblemType};
use crate::jobs::{self, JobKind};
use crate::referrals::expiry::ExpiryJob;
use crate::referrals::model::{self, Event, Referral, ReferralStatus};
use crate::referrals::notify;
use crate::signups::join::{self, Refusal};
use crate::tasks::model::{self as tasks, Task};

/// The age of majority: below it a client is a minor, whose age range is checked at once.
pub const ADULT: i32 = 18;

/// Longest note a counsellor may write to a client.
pub const NOTE_MAX: usize = 1000;

/// `POST /referrals` body: a task, or an association (and one of its services).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateInput {
    #[serde(default)]
    pub client_email: Option<String>,
    #[serde(default)]
    pub task_id: Option<String>,
    #[serde(default)]
    pub association_id: Option<String>,
    #[serde(default)]
    pub service_id: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The note is about a possibly vulnerable person: it never appears in a log line, so the
/// input is not `Debug` with its contents.
impl std::fmt::Debug for CreateInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateInput")
            .field("task_id", &self.task_id)
            .field("association_id", &self.association_id)
            .field("service_id", &self.service_id)
            .finish_non_exhaustive()
    }
}

/// Who refers: the counsellor's account and the limits that apply to them.
pub struct Counsellor<'a> {
    pub user_id: &'a str,
    pub limits: &'a ReferralLimits,
}

/// A new referral, and for a link referral the code to hand over (shown only now).
pub struct Created {
    pub referral: Referral,
    pub claim_code: Option<String>,
}

/// What a referral offers, checked.
struct Target {
    task: Option<Task>,
    association: Association,
    service_id: Option<String>,
}

/// Makes a referral at `now`, queues the client's email (if there is an address) and the
/// expiry job. Runs inside a write transaction.
pub fn create(
    conn: &mut DbConnection,
    links: &Notifier,
    counsellor: &Counsellor<'_>,
    input: CreateInput,
    now: NaiveDateTime,
) -> Result<Created, AppError> {
    let (email, note) = check_fields(&input)?;
    let target = target(conn, &input, now)?;
    lock_counsellor(conn, counsellor.user_id)?;
    check_daily_cap(conn, counsellor, now)?;
    let client = match &email {
        Some(email) => {
            if accounts::find(conn, counsellor.user_id)?.is_some_and(|me| &me.email == email) {
                return Err(AppError::field(
                    "client_email",
                    "own_address",
                    "You cannot refer yourself.",
                ));
            }
            check_open_to_address(conn, counsellor, email, now)?;
            accounts::find_by_email(conn, email)?
        }
        None => None,
    };
    // A minor outside the task's age range is refused now, with the sign-up's own problem,
    // so that the counsellor hears it before the young person does. Only a verified
    // account's birth date counts (anyone can register an address without verifying it),
    // and only a minor's: an adult's age is left to the sign-up, so that a counsellor
    // cannot probe an adult's age with tasks of different ranges.
    let minor_born = client
        .as_ref()
        .filter(|c| c.email_verified_at.is_some())
        .and_then(|c| c.birth_date)
        .filter(|born| age_on(*born, now.date()) < ADULT);
    if let (Some(task), Some(born)) = (&target.task, minor_born)
        && let Some(refusal) = join::age_refusal(task, born, now)
    {
        return Err(refusal.error(task));
    }
    // Kept on the referral for the organisation's figures, which outlive the account.
    let organisation = counsellors::role(conn, counsellor.user_id)?.map(|r| r.organisation);
    let id = uuid::Uuid::now_v7().to_string();
    let code = email.is_none().then(tokens::generate);
    let expires_at = now + counsellor.limits.expire_after;
    diesel::insert_into(referrals::table)
        .values((
            referrals::id.eq(&id),
            referrals::counsellor_id.eq(counsellor.user_id),
            referrals::organisation.eq(organisation),
            referrals::client_id.eq(client
                .as_ref()
                .filter(|c| c.email_verified_at.is_some())
                .map(|c| c.id.clone())),
            referrals::client_email.eq(&email),
            referrals::claim_hash.eq(code.as_ref().map(|c| c.hash.clone())),
            referrals::task_id.eq(target.task.as_ref().map(|t| t.id.clone())),
            referrals::association_id.eq(&target.association.id),
            referrals::service_id.eq(&target.service_id),
            referrals::note.eq(&note),
            referrals::status.eq(ReferralStatus::Sent.as_str()),
            referrals::share_progress.eq(false),
            referrals::created_at.eq(now),
            referrals::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    model::record(conn, &id, Event::Sent, Some(counsellor.user_id), now)?;
    jobs::schedule(
        conn,
        JobKind::ReferralExpiry,
        &ExpiryJob {
            referral_id: id.clone(),
        },
        expires_at,
    )?;
    let referral = model::find(conn, &id)?.ok_or(AppError::NotFound)?;
    if let Some(email) = &email {
        notify::to_client(conn, links, &referral, email, client.as_ref(), counsellor)?;
    }
    Ok(Created {
        referral,
        claim_code: code.map(|c| c.plain),
    })
}

/// The address (normalised) and the note (cleaned), or every field error at once.
fn check_fields(input: &CreateInput) -> Result<(Option<String>, Option<String>), AppError> {
    let mut errors = Vec::new();
    // Left out (or null) means a link; a blank address is a mistake, not a wish for one.
    let email = input.client_email.as_deref().map(normalize_email);
    match &email {
        Some(email) if email.is_empty() => errors.push(FieldError::new(
            "client_email",
            "required",
            "Give the client's address, or leave the field out to get a link.",
        )),
        Some(email) => errors.extend(check_email("client_email", email)),
        None => {}
    }
    let note = match input.note.as_deref().map(|n| text::multi_line("note", n)) {
        Some(Ok(note)) if note.chars().count() > NOTE_MAX => {
            errors.push(FieldError::new(
                "note",
                "too_long",
                format!("Use at most {NOTE_MAX} characters."),
            ));
            None
        }
        Some(Ok(note)) => Some(note).filter(|n| !n.is_empty()),
        Some(Err(error)) => {
            errors.push(error);
            None
        }
        None => None,
    };
    match (&input.task_id, &input.association_id, &input.service_id) {
        (None, None, _) => errors.push(FieldError::new(
            "task_id",
            "required",
            "Refer to a task (task_id) or an association (association_id).",
        )),
        (Some(_), Some(_), _) => errors.push(FieldError::new(
            "association_id",
            "not_with_task",
            "Refer to a task or an association, not both.",
        )),
        (Some(_), None, Some(_)) => errors.push(FieldError::new(
            "service_id",
            "not_with_task",
            "A service goes with its association_id, not with a task.",
        )),
        _ => {}
    }
    if errors.is_empty() {
        Ok((email, note))
    } else {
        Err(AppError::Validation(errors))
    }
}

fn unknown(field: &str) -> AppError {
    AppError::field(field, "unknown", "Nothing with this id can be referred to.")
}

/// The task or association offered, if it can be offered now.
fn target(
    conn: &mut DbConnection,
    input: &CreateInput,
    now: NaiveDateTime,
) -> Result<Target, AppError> {
    if let Some(task_id) = &input.task_id {
        let task = tasks::find(conn, task_id)?.ok_or_else(|| unknown("task_id"))?;
        let association =
            associations::find(conn, &task.association_id)?.ok_or_else(|| unknown("task_id"))?;
        // The task-level rules of a sign-up, in the sign-up's own words; "sign in" means
        // they all passed (the client's own rules are checked below, or at acceptance).
        match join::check(conn, &task, &association, None, now)? {
            Some(Refusal::SignInRequired) | None => {}
            Some(refusal) => return Err(refusal.error(&task)),
        }
        if task.spots_left() == Some(0) && !task.waitlist {
            return Err(Refusal::Full.error(&task));
        }
        return Ok(Target {
            task: Some(task),
            association,
            service_id: None,
        });
    }
    let key = input.association_id.as_deref().unwrap_or_default();
    let association = associations::find(conn, key)?
        .filter(|a| a.id == key)
        .ok_or_else(|| unknown("association_id"))?;
    if association.status != VERIFIED {
        return Err(AppError::rule(
            ProblemType::AssociationNotVerified,
            "The association is not verified, so it cannot be offered yet.",
        ));
    }
    if let Some(service_id) = &input.service_id {
        let found: i64 = association_services::table
            .filter(association_services::id.eq(service_id))
            .filter(association_services::association_id.eq(&association.id))
            .count()
            .get_result(conn)?;
        if found == 0 {
            return Err(unknown("service_id"));
        }
    }
    Ok(Target {
        task: None,
        service_id: input.service_id.clone(),
        association,
    })
}

/// Serialises one counsellor's referrals, so that the caps below cannot be raced past on
/// PostgreSQL (SQLite's `BEGIN IMMEDIATE` already serialises writers), and with an
/// administrator revoking the role at the same moment (which takes the same lock), then
/// checks that the role still holds. `FOR NO KEY UPDATE` leaves rows that merely refer to
/// the account (sessions, outbox) free to be written meanwhile.
fn lock_counsellor(conn: &mut DbConnection, user_id: &str) -> Result<(), AppError> {
    counsellors::lock_account(conn, user_id)?;
    if counsellors::is_counsellor(conn, user_id)? {
        Ok(())
    } else {
        Err(counsellors::not_a_counsellor())
    }
}

/// `429` once the counsellor has made their daily number of referrals, with the seconds
/// until the oldest of them is a day old.
fn check_daily_cap(
    conn: &mut DbConnection,
    counsellor: &Counsellor<'_>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let cap = i64::from(counsellor.limits.per_counsellor_per_day);
    let since = now - Duration::hours(24);
    let recent: Vec<NaiveDateTime> = referrals::table
        .filter(referrals::counsellor_id.eq(counsellor.user_id))
        .filter(referrals::created_at.gt(since))
        .order(referrals::created_at.desc())
        .limit(cap)
        .select(referrals::created_at)
        .load(conn)?;
    if i64::try_from(recent.len()).unwrap_or(i64::MAX) < cap {
        return Ok(());
    }
    let oldest = recent.last().copied().unwrap_or(now);
    let wait = (oldest - since).num_seconds().max(1);
    Err(AppError::RateLimited {
        retry_after_secs: u64::try_from(wait).unwrap_or(1),
    })
}

/// `409 too-many-open-referrals` when the counsellor already has their number of open
/// referrals to this address.
fn check_open_to_address(
    conn: &mut DbConnection,
    counsellor: &Counsellor<'_>,
    email: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let open: i64 = referrals::table
        .filter(referrals::counsellor_id.eq(counsellor.user_id))
        .filter(referrals::client_email.eq(email))
        .filter(referrals::status.eq(ReferralStatus::Sent.as_str()))
        .filter(referrals::expires_at.gt(now))
        .count()
        .get_result(conn)?;
    if open >= i64::from(counsellor.limits.open_per_address) {
        return Err(AppError::rule(
            ProblemType::TooManyOpenReferrals,
            format!(
                "You already have {open} open referrals to this address; wait for an answer first."
            ),
        ));
    }
    Ok(())
}
