//! Email that one person's action sends to others, bounded and coalesced. A volunteer who
//! signs up and withdraws in a loop, or an owner who invites a hundred addresses, must not
//! turn the service into a mail cannon:
//!
//! - per person: an action that starts something (a sign-up, an invitation) is refused once
//!   its author has caused [`EmailLimits::per_person_per_hour`] emails to other people in the
//!   last hour (their own receipts are free; every caused email counts, but an action that
//!   ends something, such as a withdrawal, is never refused);
//! - per recipient: an address receives at most [`EmailLimits::per_recipient_per_hour`]
//!   unsolicited emails (invitations) caused by others in an hour;
//! - over either bound the action is refused with `429` and `Retry-After`, inside its
//!   transaction, so nothing of it remains;
//! - a notice with a topic waits [`EmailLimits::coalesce_after`], and a newer notice about the
//!   same topic to the same address replaces it while it waits.
//!
//! The counts are read from the outbox itself (`actor_id`, `created_at`), so they hold
//! across instances and restarts.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::dsl::min;
use diesel::prelude::*;

use crate::config::EmailLimits;
use crate::db::DbConnection;
use crate::db::schema::outbox;
use crate::email::outbox::{Queued, enqueue_with};
use crate::email::templates::Rendered;
use crate::error::AppError;

/// Who causes a message, and what it is about.
#[derive(Debug, Clone)]
pub struct Cause<'a> {
    /// The person whose action sends it.
    pub actor: &'a str,
    /// What the message is about (`signup:{task}:{volunteer}`); a newer message about the
    /// same topic replaces a waiting one.
    pub topic: Option<String>,
    /// Which bounds may refuse the action.
    pub bound: Bound,
}

/// Which bounds apply to an action's email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Counted, never refused: an action that ends something (a withdrawal) or answers
    /// someone who asked (a member's decision on a sign-up).
    Unbounded,
    /// Refused past the author's hourly bound (a sign-up).
    PerPerson,
    /// Also refused past the recipient's hourly bound: the recipient never asked for it
    /// (an invitation).
    PerPersonAndRecipient,
}

/// The window the bounds count in.
fn window() -> Duration {
    Duration::hours(1)
}

/// Queues a message that `cause` sends to `recipient`, within the bounds of `limits`
/// (`None`: unbounded, for the demo seed and the command line).
pub fn enqueue_caused(
    conn: &mut DbConnection,
    limits: Option<&EmailLimits>,
    cause: &Cause<'_>,
    user_id: Option<&str>,
    recipient: &str,
    email: &Rendered,
) -> Result<(), AppError> {
    let queued = Queued {
        actor_id: Some(cause.actor),
        topic: cause.topic.as_deref(),
        delay: std::time::Duration::ZERO,
        list_unsubscribe: None,
    };
    // Their own receipts are free, and the command line and the seed are unbounded.
    let limits = match limits {
        Some(limits) if user_id != Some(cause.actor) => limits,
        _ => return enqueue_with(conn, user_id, recipient, email, &queued).map(drop),
    };
    let now = Utc::now().naive_utc();
    let coalescing = !limits.coalesce_after.is_zero() && cause.topic.is_some();
    if coalescing && replace_waiting(conn, cause, recipient, email, now)? {
        return Ok(());
    }
    let since = now - window();
    if cause.bound != Bound::Unbounded {
        let by_actor = outbox::table
            .filter(outbox::actor_id.eq(cause.actor))
            .filter(
                outbox::user_id
                    .is_null()
                    .or(outbox::user_id.ne(cause.actor)),
            )
            .filter(outbox::created_at.gt(since));
        let sent: i64 = by_actor.count().get_result(conn)?;
        if sent >= i64::from(limits.per_person_per_hour) {
            let oldest = by_actor.select(min(outbox::created_at)).first(conn)?;
            return Err(retry_after(oldest, now));
        }
    }
    if cause.bound == Bound::PerPersonAndRecipient {
        // Unsolicited email to this address caused by anyone (not the address's own doing).
        let to_recipient = outbox::table
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::actor_id.is_not_null())
            .filter(
                outbox::user_id
                    .is_null()
                    .or(outbox::user_id.nullable().ne(outbox::actor_id)),
            )
            .filter(outbox::created_at.gt(since));
        let received: i64 = to_recipient.count().get_result(conn)?;
        if received >= i64::from(limits.per_recipient_per_hour) {
            let oldest = to_recipient.select(min(outbox::created_at)).first(conn)?;
            return Err(retry_after(oldest, now));
        }
    }
    let delay = if coalescing {
        limits.coalesce_after
    } else {
        std::time::Duration::ZERO
    };
    enqueue_with(conn, user_id, recipient, email, &Queued { delay, ..queued }).map(drop)
}

/// Rewrites a message about the same topic to the same address that is still waiting (not
/// yet claimed by a sender); `true` if there was one.
fn replace_waiting(
    conn: &mut DbConnection,
    cause: &Cause<'_>,
    recipient: &str,
    email: &Rendered,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    let changed = diesel::update(
        outbox::table
            .filter(outbox::topic.eq(cause.topic.as_deref()))
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::status.eq("pending"))
            .filter(outbox::attempts.eq(0))
            .filter(outbox::next_attempt_at.gt(now))
            .filter(outbox::locked_until.is_null()),
    )
    .set((
        outbox::kind.eq(email.kind),
        outbox::subject.eq(&email.subject),
        outbox::body_text.eq(&email.body),
        outbox::actor_id.eq(cause.actor),
    ))
    .execute(conn)?;
    Ok(changed > 0)
}

/// The 429 for a bound reached: come back when the oldest counted message leaves the window.
fn retry_after(oldest: Option<NaiveDateTime>, now: NaiveDateTime) -> AppError {
    let free_at = oldest.map_or(now, |t| t + window());
    let secs = (free_at - now).num_seconds().max(1);
    AppError::RateLimited {
        retry_after_secs: u64::try_from(secs).unwrap_or(1),
    }
}
