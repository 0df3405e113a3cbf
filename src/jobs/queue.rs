//! The `jobs` table: scheduling a job inside a caller's transaction, and running the next
//! due one in a transaction of its own.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::clock::Clock;
use crate::config::MailWorkerConfig;
use crate::db::schema::jobs;
use crate::db::{DbConnection, write_tx};
use crate::email::Notifier;
use crate::email::outbox::backoff;
use crate::error::AppError;
use crate::jobs::{Handlers, JobKind};

/// Where a job stands. A job that ran is deleted, so there is no `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    /// Waiting for `run_at` (a first run or a retry).
    Pending,
    /// Kept after `give_up_after` of failed runs, for an operator to look at.
    Failed,
}

impl JobStatus {
    /// The code stored in `jobs.status`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Failed => "failed",
        }
    }
}

/// Schedules a job to run at `run_at` (or as soon as possible after). Call it inside the
/// transaction of the change that asks for the job, so that both commit or neither does.
pub fn schedule<P: Serialize>(
    conn: &mut DbConnection,
    kind: JobKind,
    payload: &P,
    run_at: NaiveDateTime,
) -> Result<String, AppError> {
    // A new v7 id names no other job, so the insert always adds it.
    let id = uuid::Uuid::now_v7().to_string();
    schedule_named(conn, &id, kind, payload, run_at)?;
    Ok(id)
}

/// A payload as stored in `jobs.payload`.
fn encode<P: Serialize>(payload: &P) -> Result<String, AppError> {
    serde_json::to_string(payload).map_err(|e| AppError::internal(format!("job payload: {e}")))
}

/// Schedules a recurring job's run under a name of its own (`id`, e.g. the kind and the due
/// time), unless a job of that name exists already; `true` if this call added it. Every
/// instance that starts (and every run that schedules the next) names the same due time
/// the same way, so however many of them try, one row per due time is left.
pub fn schedule_named<P: Serialize>(
    conn: &mut DbConnection,
    id: &str,
    kind: JobKind,
    payload: &P,
    run_at: NaiveDateTime,
) -> Result<bool, AppError> {
    let payload = encode(payload)?;
    let row = || {
        (
            jobs::id.eq(id),
            jobs::kind.eq(kind.code()),
            jobs::payload.eq(&payload),
            jobs::status.eq(JobStatus::Pending.code()),
            jobs::attempts.eq(0),
            jobs::run_at.eq(run_at),
            jobs::created_at.eq(Utc::now().naive_utc()),
            jobs::first_due_at.eq(Some(run_at)),
        )
    };
    let added = match conn {
        DbConnection::Postgres(pg) => diesel::insert_into(jobs::table)
            .values(row())
            .on_conflict_do_nothing()
            .execute(pg)?,
        DbConnection::Sqlite(lite) => diesel::insert_into(jobs::table)
            .values(row())
            .on_conflict_do_nothing()
            .execute(lite)?,
    };
    Ok(added > 0)
}

/// Replaces the payload of every waiting job of `kind` (a recurring job whose settings
/// changed with a restart).
pub fn replace_payloads<P: Serialize>(
    conn: &mut DbConnection,
    kind: JobKind,
    payload: &P,
) -> Result<usize, AppError> {
    let payload = encode(payload)?;
    Ok(diesel::update(
        jobs::table
            .filter(jobs::kind.eq(kind.code()))
            .filter(jobs::status.eq(JobStatus::Pending.code())),
    )
    .set(jobs::payload.eq(payload))
    .execute(conn)?)
}

/// Schedules a job to run now; wake the scheduler after the transaction commits.
pub fn schedule_now<P: Serialize>(
    conn: &mut DbConnection,
    kind: JobKind,
    payload: &P,
) -> Result<String, AppError> {
    schedule(conn, kind, payload, Utc::now().naive_utc())
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = jobs)]
struct DueJob {
    id: String,
    kind: String,
    payload: String,
    attempts: i32,
    created_at: NaiveDateTime,
    first_due_at: Option<NaiveDateTime>,
}

/// What [`run_next`] did.
#[derive(Debug)]
pub enum Ran {
    /// No job was due.
    Idle,
    /// A job ran and is gone.
    Done(JobKind),
    /// A job failed; it runs again after `retry_in`, or never (`gave_up`).
    Failed {
        kind: String,
        attempt: i32,
        error: String,
        retry_in: Duration,
        gave_up: bool,
    },
}

/// Runs the next due job, if any, in one write transaction: claim it (on PostgreSQL a row
/// lock that other instances skip), run its handler in a savepoint, and delete it; or, when
/// the handler fails, roll back the savepoint and record the failure and the next try.
pub fn run_next(
    conn: &mut DbConnection,
    handlers: &Handlers,
    links: &Notifier,
    retry: &MailWorkerConfig,
    clock: &Clock,
) -> Result<Ran, AppError> {
    write_tx(conn, |conn| {
        let now = clock.now();
        let Some(job) = claim_due(conn, now)? else {
            return Ok(Ran::Idle);
        };
        let kind = JobKind::from_code(&job.kind);
        let outcome = match kind {
            Some(kind) => {
                conn.transaction(|conn| (handlers.for_kind(kind))(conn, links, &job.payload, now))
            }
            None => Err(AppError::internal(format!(
                "unknown job kind {:?}",
                job.kind
            ))),
        };
        match (outcome, kind) {
            (Ok(()), Some(kind)) => {
                diesel::delete(jobs::table.find(&job.id)).execute(conn)?;
                Ok(Ran::Done(kind))
            }
            (outcome, _) => {
                let error = match outcome {
                    Err(e) => e.to_string(),
                    Ok(()) => "unknown job kind".to_owned(),
                };
                record_failure(conn, job, error, now, retry)
            }
        }
    })
}

fn claim_due(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Option<DueJob>, AppError> {
    let due = jobs::status
        .eq(JobStatus::Pending.code())
        .and(jobs::run_at.le(now));
    let order = (jobs::run_at.asc(), jobs::id.asc());
    Ok(match conn {
        // Another instance skips the locked row and takes the next one.
        DbConnection::Postgres(pg) => jobs::table
            .filter(due)
            .order(order)
            .for_update()
            .skip_locked()
            .select(DueJob::as_select())
            .first(pg)
            .optional()?,
        // SQLite has no row locks; the IMMEDIATE transaction already excludes other writers.
        DbConnection::Sqlite(lite) => jobs::table
            .filter(due)
            .order(order)
            .select(DueJob::as_select())
            .first(lite)
            .optional()?,
    })
}

fn record_failure(
    conn: &mut DbConnection,
    job: DueJob,
    error: String,
    now: NaiveDateTime,
    retry: &MailWorkerConfig,
) -> Result<Ran, AppError> {
    let attempt = job.attempts.saturating_add(1);
    let retry_in = backoff(attempt, retry.base_backoff, retry.max_backoff);
    // Counted from when the job first came due: one scheduled a month ahead must not give
    // up at its first failure.
    let due_since = job.first_due_at.unwrap_or(job.created_at);
    let age = (now - due_since).to_std().unwrap_or_default();
    let gave_up = age >= retry.give_up_after;
    let retry_at =
        now + chrono::Duration::from_std(retry_in).unwrap_or_else(|_| chrono::Duration::hours(1));
    let stored: String = error.chars().take(1000).collect();
    diesel::update(jobs::table.find(&job.id))
        .set((
            jobs::status.eq(if gave_up {
                JobStatus::Failed
            } else {
                JobStatus::Pending
            }
            .code()),
            jobs::attempts.eq(attempt),
            jobs::run_at.eq(retry_at),
            jobs::last_error.eq(Some(stored)),
        ))
        .execute(conn)?;
    Ok(Ran::Failed {
        kind: job.kind,
        attempt,
        error,
        retry_in,
        gave_up,
    })
}
