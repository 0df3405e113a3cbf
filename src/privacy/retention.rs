//! Retention (issue 14): what the service no longer needs goes, by itself, once a day.
//!
//! One job of the background scheduler ([`JobKind::Retention`]) sweeps at 02:30 UTC (the
//! quiet hours in Finland) and schedules the next sweep in the same transaction. Each run is
//! named after its due time ([`jobs::schedule_named`]), so the instances that start and the
//! runs that schedule the next all name the same row, and one sweep a day is left however
//! many instances run. What it removes, each after the days of [`RetentionPolicy`]:
//! - accounts whose address was never verified, erased as `DELETE /me` erases;
//! - emailed links that were used or expired;
//! - sessions that expired or were ended, with their refresh tokens;
//! - the text of delivered emails, and of failed ones (their subject, time and status stay
//!   for the export);
//! - the reporter's words and the administrators' note on closed reports of abuse;
//! - invitations that were answered or expired (they hold an address of someone who may
//!   have no account);
//! - the search change feed's old rows (an index offline for longer is rebuilt on start);
//! - failed-login counters whose window closed long ago.
//!
//! Referrals expire on their own due time (`referrals::expiry`), not here.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use diesel::prelude::*;

use crate::config::RetentionPolicy;
use crate::db::DbConnection;
use crate::db::schema::{
    association_invitations, email_tokens, login_throttle, outbox, reports, search_changes,
    sessions, users,
};
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::email::outbox::OutboxStatus;
use crate::error::AppError;
use crate::jobs::{self, JobKind};
use crate::privacy::erasure::{ErasedBy, erase};

/// When the daily sweep runs (UTC).
const SWEEP_AT: NaiveTime = match NaiveTime::from_hms_opt(2, 30, 0) {
    Some(t) => t,
    None => panic!("a valid time"),
};

/// How long a failed-login counter is kept after its window opened; the window itself is
/// an hour, so a day old counter counts nothing.
const THROTTLE_DAYS: i64 = 1;

/// What one sweep removed, for the log.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub unverified_accounts: usize,
    /// Unverified accounts that could not be erased (the sweep goes on without them).
    pub accounts_left: usize,
    pub spent_tokens: usize,
    pub ended_sessions: usize,
    pub email_bodies: usize,
    pub report_texts: usize,
    pub invitations: usize,
    pub feed_rows: usize,
    pub login_counters: usize,
}

/// The next sweep strictly after `now`.
pub fn next_sweep(now: NaiveDateTime) -> NaiveDateTime {
    let today = now.date().and_time(SWEEP_AT);
    if today > now {
        today
    } else {
        today + Duration::days(1)
    }
}

/// Makes sure a sweep is scheduled (at start-up) and that waiting sweeps use `policy`, the
/// configuration this instance started with.
pub fn ensure_scheduled(
    conn: &mut DbConnection,
    policy: &RetentionPolicy,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    jobs::queue::replace_payloads(conn, JobKind::Retention, policy)?;
    schedule_after(conn, policy, now)
}

fn schedule_after(
    conn: &mut DbConnection,
    policy: &RetentionPolicy,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let due = next_sweep(now);
    let id = format!("retention-{}", due.format("%Y-%m-%dT%H:%M"));
    jobs::schedule_named(conn, &id, JobKind::Retention, policy, due)?;
    Ok(())
}

/// The job: sweeps, then schedules the next sweep.
pub fn run(
    conn: &mut DbConnection,
    notifier: &Notifier,
    payload: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let policy: RetentionPolicy = jobs::read_payload(payload)?;
    let swept = sweep(conn, notifier, &policy, now)?;
    tracing::info!(?swept, "retention sweep");
    schedule_after(conn, &policy, now)
}

/// Removes what `policy` no longer keeps at `now`.
pub fn sweep(
    conn: &mut DbConnection,
    notifier: &Notifier,
    policy: &RetentionPolicy,
    now: NaiveDateTime,
) -> Result<Swept, AppError> {
    let before = |days: i64| now - Duration::days(days);
    let mut swept = Swept::default();

    let unverified: Vec<String> = users::table
        .filter(users::email_verified_at.is_null())
        .filter(users::created_at.lt(before(policy.unverified_account_days)))
        .select(users::id)
        .load(conn)?;
    for id in unverified {
        // Each in a savepoint: one that cannot go (say, the only owner of an association
        // an administrator created for them) stays, and the others still go.
        match conn.transaction(|conn| erase(conn, notifier, &id, ErasedBy::Retention, now)) {
            Ok(()) => swept.unverified_accounts += 1,
            Err(e) => {
                tracing::warn!(user_id = %id, error = %e, "an unverified account was kept");
                swept.accounts_left += 1;
            }
        }
    }

    let tokens_before = before(policy.spent_token_days);
    swept.spent_tokens = diesel::delete(
        email_tokens::table.filter(
            email_tokens::used_at
                .lt(tokens_before)
                .or(email_tokens::expires_at.lt(tokens_before)),
        ),
    )
    .execute(conn)?;

    let sessions_before = before(policy.ended_session_days);
    swept.ended_sessions = diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .lt(sessions_before)
                .or(sessions::revoked_at.lt(sessions_before)),
        ),
    )
    .execute(conn)?;

    let bodies_before = before(policy.email_body_days);
    swept.email_bodies = diesel::update(
        outbox::table
            .filter(
                outbox::status
                    .eq(OutboxStatus::Sent.as_str())
                    .and(outbox::sent_at.lt(bodies_before))
                    .or(outbox::status
                        .eq(OutboxStatus::Failed.as_str())
                        .and(outbox::created_at.lt(bodies_before))),
            )
            .filter(outbox::body_text.ne("")),
    )
    .set(outbox::body_text.eq(""))
    .execute(conn)?;

    swept.report_texts = diesel::update(
        reports::table
            .filter(reports::closed_at.lt(before(policy.report_days)))
            .filter(
                reports::details
                    .is_not_null()
                    .or(reports::note.is_not_null()),
            ),
    )
    .set((
        reports::details.eq(None::<String>),
        reports::note.eq(None::<String>),
    ))
    .execute(conn)?;

    let invitations_before = before(policy.invitation_days);
    swept.invitations = diesel::delete(
        association_invitations::table.filter(
            association_invitations::responded_at
                .lt(invitations_before)
                .or(association_invitations::expires_at.lt(invitations_before)),
        ),
    )
    .execute(conn)?;

    // The newest row stays, so that the feed's head never goes back.
    let head = crate::changes::head(conn)?;
    swept.feed_rows = diesel::delete(
        search_changes::table
            .filter(search_changes::changed_at.lt(before(policy.change_feed_days)))
            .filter(search_changes::seq.lt(head)),
    )
    .execute(conn)?;

    swept.login_counters = diesel::delete(
        login_throttle::table.filter(login_throttle::window_start.lt(before(THROTTLE_DAYS))),
    )
    .execute(conn)?;
    Ok(swept)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::next_sweep;

    fn at(h: u32, m: u32) -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .expect("a valid time")
    }

    #[test]
    fn the_next_sweep_is_the_next_half_past_two() {
        assert_eq!(next_sweep(at(1, 0)), at(2, 30));
        assert_eq!(next_sweep(at(2, 30)), at(2, 30) + chrono::Duration::days(1));
        assert_eq!(
            next_sweep(at(23, 59)),
            at(2, 30) + chrono::Duration::days(1)
        );
    }
}
