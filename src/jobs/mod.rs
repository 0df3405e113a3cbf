//! Background jobs: work a request hands off, so that its answer (and the time it takes)
//! does not depend on that work.
//!
//! A request writes a job row in its own transaction ([`schedule`]) and wakes the
//! scheduler; the scheduler ([`runner::Runner`]) later runs the job's handler in a write
//! transaction that also deletes the row, so a job's effects and its removal commit
//! together (a crash in between leaves the job to run again, never half done). A failed run
//! is rolled back and retried with the email worker's backoff; after `give_up_after` the
//! row is kept as `failed`. On PostgreSQL the row is locked `FOR UPDATE SKIP LOCKED`, so
//! several instances never run the same job.
//!
//! Handlers touch only the database; anything that leaves the process (email) goes through
//! the outbox they write to. This layer imports no feature: each [`JobKind`] is listed
//! here, like a problem type in `error.rs`, and `startup.rs` wires the feature function that
//! runs it ([`Handlers`]), like the features' hooks.

pub mod queue;
pub mod runner;

use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;

use crate::db::DbConnection;
use crate::email::Notifier;
use crate::error::AppError;

pub use queue::{JobStatus, schedule, schedule_named, schedule_now};

/// Every kind of job, stored as its code. Add new kinds at the end (and a field in
/// [`Handlers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Finish a registration: create the account or mail the owner of the address.
    Registration,
    /// Send a new verification link if the address belongs to an unverified account.
    VerificationResend,
    /// Send a password reset link if the address belongs to an account.
    PasswordReset,
    /// Expire a referral still unanswered at its due time and tell the counsellor.
    ReferralExpiry,
    /// A task became listed: note it for every saved search it matches and every follower
    /// of its association, and schedule their digests.
    TaskListed,
    /// Send a user's digest of new matches (daily, or instant).
    AlertDigest,
    /// A day before a fixed-time task starts: remind its accepted volunteers and send the
    /// association's contact the list of who is coming.
    TaskReminders,
    /// The daily sweep of what the retention policy says is no longer needed; each run
    /// schedules the next.
    Retention,
}

impl JobKind {
    /// Every kind, for parsing stored codes.
    pub const ALL: [Self; 8] = [
        Self::Registration,
        Self::VerificationResend,
        Self::PasswordReset,
        Self::ReferralExpiry,
        Self::TaskListed,
        Self::AlertDigest,
        Self::TaskReminders,
        Self::Retention,
    ];

    /// The stable code stored in `jobs.kind`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Registration => "registration",
            Self::VerificationResend => "verification_resend",
            Self::PasswordReset => "password_reset",
            Self::ReferralExpiry => "referral_expiry",
            Self::TaskListed => "task_listed",
            Self::AlertDigest => "alert_digest",
            Self::TaskReminders => "task_reminders",
            Self::Retention => "retention",
        }
    }

    /// The kind stored as `code`; `None` for a code this build does not know (a newer
    /// instance's job), which the scheduler leaves for a later retry.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// Runs one job inside the scheduler's write transaction: `(conn, links, payload, now)`,
/// where the payload is the JSON text given to [`schedule`] and `now` the scheduler's
/// clock. An error rolls back whatever the handler wrote and schedules a retry.
pub type Handler = fn(&mut DbConnection, &Notifier, &str, NaiveDateTime) -> Result<(), AppError>;

/// The function that runs each kind of job, provided by the features and wired in
/// `startup.rs` (a struct rather than a map, so a new kind cannot be left unwired).
#[derive(Clone, Copy)]
pub struct Handlers {
    pub registration: Handler,
    pub verification_resend: Handler,
    pub password_reset: Handler,
    pub referral_expiry: Handler,
    pub task_listed: Handler,
    pub alert_digest: Handler,
    pub task_reminders: Handler,
    pub retention: Handler,
}

impl Handlers {
    /// The handler of `kind`.
    pub fn for_kind(&self, kind: JobKind) -> Handler {
        match kind {
            JobKind::Registration => self.registration,
            JobKind::VerificationResend => self.verification_resend,
            JobKind::PasswordReset => self.password_reset,
            JobKind::ReferralExpiry => self.referral_expiry,
            JobKind::TaskListed => self.task_listed,
            JobKind::AlertDigest => self.alert_digest,
            JobKind::TaskReminders => self.task_reminders,
            JobKind::Retention => self.retention,
        }
    }
}

/// Reads a job's payload back into the type it was scheduled with. A payload that does not
/// parse is a bug (or a payload of another version) and fails the run, to be retried.
pub fn read_payload<T: DeserializeOwned>(payload: &str) -> Result<T, AppError> {
    serde_json::from_str(payload).map_err(|e| AppError::internal(format!("job payload: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_code() {
        for kind in JobKind::ALL {
            assert_eq!(JobKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(JobKind::from_code("no_such_job"), None);
    }
}
