//! The email outbox: a message is a row written in the same transaction as the change that
//! causes it, and the worker delivers due rows later. Claiming takes a time-limited lease
//! (`locked_until`) so a crashed sender's rows come back, and on PostgreSQL uses
//! `FOR UPDATE SKIP LOCKED` so that several instances never claim the same row.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::outbox;
use crate::db::stored::StoredEnum;
use crate::email::templates::Rendered;
use crate::error::AppError;

/// Where a message is: waiting (and retried with backoff), delivered, or given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    Sent,
    /// The sender gave up; an administrator may send it again.
    Failed,
}

impl StoredEnum for OutboxStatus {
    const WHAT: &'static str = "email status";
    const ALL: &'static [Self] = &[Self::Pending, Self::Sent, Self::Failed];

    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }
}

/// How long a claimed message is reserved for the worker that claimed it.
pub const LEASE: Duration = Duration::from_secs(300);

/// A message as the worker sees it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i32,
    pub created_at: NaiveDateTime,
    /// When an administrator last sent it again; the sender's give-up time counts from here.
    pub retried_at: Option<NaiveDateTime>,
    /// The one-click unsubscribe address of an alert email (RFC 8058).
    pub list_unsubscribe: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewMessage<'a> {
    id: String,
    actor_id: Option<&'a str>,
    topic: Option<&'a str>,
    user_id: Option<&'a str>,
    kind: &'a str,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    status: &'a str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
    list_unsubscribe: Option<&'a str>,
}

/// How a message is queued beyond its content: who caused it, what it is about, and how
/// long it waits before it is due (see [`crate::email::throttle`]).
#[derive(Debug, Clone, Default)]
pub struct Queued<'a> {
    pub actor_id: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub delay: Duration,
    /// Where a one-click unsubscribe goes (`List-Unsubscribe`, RFC 8058), for email the
    /// recipient asked for and can stop (alerts).
    pub list_unsubscribe: Option<&'a str>,
}

/// Queues a message that the service itself sends (a verification link, a notice nobody's
/// action caused); call inside the transaction that makes the change it reports.
pub fn enqueue(
    conn: &mut DbConnection,
    user_id: Option<&str>,
    recipient: &str,
    email: &Rendered,
) -> Result<String, AppError> {
    enqueue_with(conn, user_id, recipient, email, &Queued::default())
}

/// [`enqueue`] with a cause, a topic and a delay.
pub fn enqueue_with(
    conn: &mut DbConnection,
    user_id: Option<&str>,
    recipient: &str,
    email: &Rendered,
    queued: &Queued<'_>,
) -> Result<String, AppError> {
    let now = Utc::now().naive_utc();
    let id = uuid::Uuid::now_v7().to_string();
    let due = chrono::Duration::from_std(queued.delay)
        .map_err(|e| AppError::internal(format!("email delay: {e}")))?;
    diesel::insert_into(outbox::table)
        .values(NewMessage {
            id: id.clone(),
            actor_id: queued.actor_id,
            topic: queued.topic,
            user_id,
            kind: email.kind,
            recipient,
            subject: &email.subject,
            body_text: &email.body,
            status: OutboxStatus::Pending.as_str(),
            attempts: 0,
            next_attempt_at: now + due,
            created_at: now,
            list_unsubscribe: queued.list_unsubscribe,
        })
        .execute(conn)?;
    Ok(id)
}

fn lease_until(now: NaiveDateTime) -> NaiveDateTime {
    now + chrono::Duration::from_std(LEASE).unwrap_or_else(|_| chrono::Duration::minutes(5))
}

/// Claims up to `limit` due messages for this worker (a lease, not a status change).
pub fn claim_due(conn: &mut DbConnection, limit: i64) -> Result<Vec<OutboxMessage>, AppError> {
    crate::db::write_tx(conn, |conn| {
        let now = Utc::now().naive_utc();
        let due = outbox::status
            .eq(OutboxStatus::Pending.as_str())
            .and(outbox::next_attempt_at.le(now))
            .and(
                outbox::locked_until
                    .is_null()
                    .or(outbox::locked_until.lt(now)),
            );
        let messages: Vec<OutboxMessage> = match conn {
            // Row locks that other instances skip: each due row goes to exactly one claimer.
            DbConnection::Postgres(pg) => outbox::table
                .filter(due)
                .order(outbox::next_attempt_at.asc())
                .limit(limit)
                .for_update()
                .skip_locked()
                .select(OutboxMessage::as_select())
                .load(pg)?,
            // SQLite has no row locks; the IMMEDIATE transaction already excludes other writers.
            DbConnection::Sqlite(lite) => outbox::table
                .filter(due)
                .order(outbox::next_attempt_at.asc())
                .limit(limit)
                .select(OutboxMessage::as_select())
                .load(lite)?,
        };
        if !messages.is_empty() {
            let ids: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
            diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
                .set(outbox::locked_until.eq(lease_until(now)))
                .execute(conn)?;
        }
        Ok(messages)
    })
}

/// Records a successful delivery.
pub fn mark_sent(conn: &mut DbConnection, id: &str) -> Result<(), AppError> {
    let now = Utc::now().naive_utc();
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(OutboxStatus::Sent.as_str()),
            outbox::sent_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: schedules the next one, or gives up (`failed`) when `give_up`.
pub fn mark_attempt_failed(
    conn: &mut DbConnection,
    id: &str,
    error: &str,
    retry_at: NaiveDateTime,
    give_up: bool,
) -> Result<(), AppError> {
    let error: String = error.chars().take(1000).collect();
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(if give_up {
                OutboxStatus::Failed
            } else {
                OutboxStatus::Pending
            }
            .as_str()),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(retry_at),
            outbox::locked_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Delay before retry number `attempt` (1-based): `base · 2^(attempt-1)`, capped.
pub fn backoff(attempt: i32, base: Duration, max: Duration) -> Duration {
    let exponent = u32::try_from(attempt.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    base.saturating_mul(2u32.saturating_pow(exponent)).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let base = Duration::from_secs(30);
        let max = Duration::from_secs(3600);
        assert_eq!(backoff(1, base, max), Duration::from_secs(30));
        assert_eq!(backoff(2, base, max), Duration::from_secs(60));
        assert_eq!(backoff(5, base, max), Duration::from_secs(480));
        assert_eq!(backoff(40, base, max), max);
    }
}
