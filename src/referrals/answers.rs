//! The client's side: claiming a link, accepting or declining, and sharing progress.
//!
//! A referral belongs to a client once it is bound to their account: at creation for an
//! address with a verified account, on the first answer for an address that registered
//! later (the same address, verified), on the claim for a link. Until then the owner of
//! the verified address sees it too. Anyone else gets `404`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use crate::accounts::model as accounts;
use crate::api::text;
use crate::associations::model::{self as associations, VERIFIED};
use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::referrals;
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::error::{AppError, FieldError, ProblemType};
use crate::referrals::model::{self, Event, Referral, ReferralStatus};
use crate::referrals::notify::{self, Outcome};
use crate::signups::join::{self, SignUpInput};
use crate::tasks::model as tasks;

/// Longest message or reason a client writes.
pub const ANSWER_MAX: usize = 1000;

/// `POST /referrals/claim` body: the code of a link.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    pub code: String,
}

/// `POST /referrals/{id}/accept` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInput {
    /// Whether the counsellor may follow how it goes; asked every time, never assumed.
    pub share_progress: bool,
    /// For a task, the sign-up's message to the association; otherwise kept for the
    /// counsellor (seen only while shared).
    #[serde(default)]
    pub message: Option<String>,
}

/// `POST /referrals/{id}/decline` body (may be left out).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclineInput {
    #[serde(default)]
    pub reason: Option<String>,
}

/// `PATCH /me/referrals/{id}` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingInput {
    pub share_progress: bool,
}

/// The referral `id` if it is the client's: bound to them, or sent to their verified
/// address and not yet bound to anyone.
pub fn find_for_client(
    conn: &mut DbConnection,
    id: &str,
    user_id: &str,
) -> Result<Referral, AppError> {
    let referral = model::find(conn, id)?.ok_or(AppError::NotFound)?;
    match &referral.client_id {
        Some(client) if client == user_id => Ok(referral),
        Some(_) => Err(AppError::NotFound),
        None => {
            let user = accounts::find(conn, user_id)?.ok_or(AppError::Unauthorized)?;
            let verified = user.email_verified_at.is_some();
            if verified && referral.client_email.as_deref() == Some(user.email.as_str()) {
                Ok(referral)
            } else {
                Err(AppError::NotFound)
            }
        }
    }
}

/// A free-text answer: cleaned, bounded, empty as `None`.
fn answer_text(field: &str, raw: Option<String>) -> Result<Option<String>, AppError> {
    let Some(raw) = raw else { return Ok(None) };
    let cleaned = text::multi_line(field, &raw).map_err(|e| AppError::Validation(vec![e]))?;
    if cleaned.chars().count() > ANSWER_MAX {
        return Err(AppError::Validation(vec![FieldError::new(
            field,
            "too_long",
            format!("Use at most {ANSWER_MAX} characters."),
        )]));
    }
    Ok(Some(cleaned).filter(|t| !t.is_empty()))
}

/// `409` unless the referral can still be answered at `now`.
fn check_open(referral: &Referral, now: NaiveDateTime) -> Result<(), AppError> {
    if referral.is_open(now) {
        return Ok(());
    }
    let current = referral.status_at(now);
    Err(AppError::wrong_state(
        current.as_str(),
        format!("The referral is {current}, so it can no longer be answered."),
    ))
}

/// Refuses an acceptance when the offer itself is gone: a task no longer open (with the
/// sign-up's own problem: the sign-up would only say "not found" for a task the client can
/// no longer see) or an association no longer verified. The referral stays open.
fn check_still_offered(
    conn: &mut DbConnection,
    referral: &Referral,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let association =
        associations::find(conn, &referral.association_id)?.ok_or(AppError::NotFound)?;
    match &referral.task_id {
        Some(task_id) => {
            let task = tasks::find(conn, task_id)?.ok_or(AppError::NotFound)?;
            match join::check(conn, &task, &association, Some(user_id), now)? {
                Some(refusal) => Err(refusal.error(&task)),
                None => Ok(()),
            }
        }
        None if association.status != VERIFIED => Err(AppError::rule(
            ProblemType::AssociationNotVerified,
            "The association is not verified at the moment, so it cannot be accepted.",
        )),
        None => Ok(()),
    }
}

/// Binds an unbound referral to the client who answers it.
fn bind(conn: &mut DbConnection, referral: &Referral, user_id: &str) -> Result<(), AppError> {
    if referral.client_id.is_none() {
        diesel::update(referrals::table.find(&referral.id))
            .set(referrals::client_id.eq(user_id))
            .execute(conn)?;
    }
    Ok(())
}

/// Claims a link referral for the signed-in user: the first claim binds it to them for
/// good; the same user claiming again gets it back; anyone else, an unknown code, or a
/// referral no longer open gets `400 invalid-token` (the same answer for all, so a code
/// cannot be probed).
pub fn claim(
    conn: &mut DbConnection,
    code: &str,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<Referral, AppError> {
    let referral = referrals::table
        .filter(referrals::claim_hash.eq(tokens::hash(code.trim())))
        .select(Referral::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::InvalidToken)?;
    match &referral.client_id {
        Some(client) if client == user_id => return Ok(referral),
        Some(_) => return Err(AppError::InvalidToken),
        None => {}
    }
    // Claimed once means claimed for good, even if that account was erased since.
    if !referral.is_open(now)
        || referral.claimed_at.is_some()
        || referral.counsellor_id.as_deref() == Some(user_id)
    {
        return Err(AppError::InvalidToken);
    }
    // Guarded, so that of two people claiming at once exactly one gets it.
    let claimed = diesel::update(
        referrals::table
            .find(&referral.id)
            .filter(referrals::client_id.is_null())
            .filter(referrals::claimed_at.is_null()),
    )
    .set((
        referrals::client_id.eq(user_id),
        referrals::claimed_at.eq(now),
    ))
    .execute(conn)?;
    if claimed == 0 {
        return Err(AppError::InvalidToken);
    }
    model::record(conn, &referral.id, Event::Claimed, Some(user_id), now)?;
    model::find(conn, &referral.id)?.ok_or(AppError::NotFound)
}

/// Accepts: for a task, signs the client up under every sign-up rule through the sign-up's
/// own code (a refusal leaves the referral open and says why); for an association or a
/// service, records the acceptance. The consent is stored with its time.
pub fn accept(
    conn: &mut DbConnection,
    links: &Notifier,
    id: &str,
    user_id: &str,
    input: AcceptInput,
    now: NaiveDateTime,
) -> Result<Referral, AppError> {
    let message = answer_text("message", input.message)?;
    model::lock(conn, id)?;
    let referral = find_for_client(conn, id, user_id)?;
    check_open(&referral, now)?;
    check_still_offered(conn, &referral, user_id, now)?;
    bind(conn, &referral, user_id)?;
    let signup_id = match &referral.task_id {
        Some(task_id) => {
            let signup = join::sign_up(
                conn,
                links,
                task_id,
                user_id,
                SignUpInput {
                    message: message.clone(),
                    referral_id: Some(referral.id.clone()),
                },
            )?;
            Some(signup.id)
        }
        None => None,
    };
    diesel::update(referrals::table.find(&referral.id))
        .set((
            referrals::status.eq(ReferralStatus::Accepted.as_str()),
            referrals::answered_at.eq(now),
            referrals::share_progress.eq(input.share_progress),
            referrals::consent_changed_at.eq(now),
            referrals::client_message.eq(message.filter(|_| referral.task_id.is_none())),
            referrals::signup_id.eq(&signup_id),
        ))
        .execute(conn)?;
    model::record(conn, &referral.id, Event::Accepted, Some(user_id), now)?;
    // The consent given with the answer is a change only if it differs from what the
    // client had already set; the history records changes.
    if input.share_progress != referral.share_progress {
        let event = if input.share_progress {
            Event::SharingStarted
        } else {
            Event::SharingStopped
        };
        model::record(conn, &referral.id, event, Some(user_id), now)?;
    }
    notify::to_counsellor(conn, links, &referral, Outcome::Accepted)?;
    model::find(conn, &referral.id)?.ok_or(AppError::NotFound)
}

/// Declines, with an optional reason for the counsellor.
pub fn decline(
    conn: &mut DbConnection,
    links: &Notifier,
    id: &str,
    user_id: &str,
    input: DeclineInput,
    now: NaiveDateTime,
) -> Result<Referral, AppError> {
    let reason = answer_text("reason", input.reason)?;
    model::lock(conn, id)?;
    let referral = find_for_client(conn, id, user_id)?;
    check_open(&referral, now)?;
    bind(conn, &referral, user_id)?;
    diesel::update(referrals::table.find(&referral.id))
        .set((
            referrals::status.eq(ReferralStatus::Declined.as_str()),
            referrals::answered_at.eq(now),
            referrals::decline_reason.eq(&reason),
        ))
        .execute(conn)?;
    model::record(conn, &referral.id, Event::Declined, Some(user_id), now)?;
    notify::to_counsellor(conn, links, &referral, Outcome::Declined)?;
    model::find(conn, &referral.id)?.ok_or(AppError::NotFound)
}

/// Turns sharing on or off, at any time; off hides the progress from the counsellor at
/// once (the counsellor's view reads this flag on every request). A change is kept in the
/// history with its time; setting the value it already has changes nothing.
pub fn set_sharing(
    conn: &mut DbConnection,
    id: &str,
    user_id: &str,
    input: SharingInput,
    now: NaiveDateTime,
) -> Result<Referral, AppError> {
    model::lock(conn, id)?;
    let referral = find_for_client(conn, id, user_id)?;
    bind(conn, &referral, user_id)?;
    if referral.share_progress != input.share_progress {
        diesel::update(referrals::table.find(&referral.id))
            .set((
                referrals::share_progress.eq(input.share_progress),
                referrals::consent_changed_at.eq(now),
            ))
            .execute(conn)?;
        let event = if input.share_progress {
            Event::SharingStarted
        } else {
            Event::SharingStopped
        };
        model::record(conn, &referral.id, event, Some(user_id), now)?;
    }
    model::find(conn, &referral.id)?.ok_or(AppError::NotFound)
}
