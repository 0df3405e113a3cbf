//! A referral as stored, its states and its history.

use std::fmt;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::schema::{referral_events, referrals};
use crate::db::stored::StoredEnum;
use crate::error::AppError;

/// Where a referral stands (DESIGN.md: `sent` → `accepted` | `declined` | `expired`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Waiting for the client's answer.
    Sent,
    /// The client accepted (for a task: and is signed up).
    Accepted,
    /// The client declined.
    Declined,
    /// Nobody answered in time.
    Expired,
}

impl StoredEnum for ReferralStatus {
    const WHAT: &'static str = "referral status";
    const ALL: &'static [Self] = &[Self::Sent, Self::Accepted, Self::Declined, Self::Expired];

    fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
        }
    }
}

impl fmt::Display for ReferralStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reading a stored status: text that names no state is corruption and is reported.
impl TryFrom<String> for ReferralStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::from_stored(&text)
    }
}

/// One entry of a referral's history: every state change and every consent change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Sent,
    Claimed,
    Accepted,
    Declined,
    Expired,
    SharingStarted,
    SharingStopped,
}

impl StoredEnum for Event {
    const WHAT: &'static str = "referral event";
    const ALL: &'static [Self] = &[
        Self::Sent,
        Self::Claimed,
        Self::Accepted,
        Self::Declined,
        Self::Expired,
        Self::SharingStarted,
        Self::SharingStopped,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Claimed => "claimed",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::SharingStarted => "sharing_started",
            Self::SharingStopped => "sharing_stopped",
        }
    }
}

/// A referral as stored. Not `Serialize`: each side gets its own view
/// ([`crate::referrals::views`]), so nothing reaches a side by accident.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = referrals)]
pub struct Referral {
    pub id: String,
    /// `None` once the counsellor's account is erased (only a closed referral: the
    /// erasure expires the open ones first).
    pub counsellor_id: Option<String>,
    pub client_id: Option<String>,
    pub client_email: Option<String>,
    pub claim_hash: Option<String>,
    pub claimed_at: Option<NaiveDateTime>,
    pub task_id: Option<String>,
    pub association_id: String,
    pub service_id: Option<String>,
    pub note: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: ReferralStatus,
    pub share_progress: bool,
    pub consent_changed_at: Option<NaiveDateTime>,
    pub client_message: Option<String>,
    pub decline_reason: Option<String>,
    pub signup_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
    /// The counsellor's organisation when they made it, for the organisation's figures.
    pub organisation: Option<String>,
}

impl Referral {
    /// Whether the client can still answer at `now`: sent, and not past its expiry (the
    /// scheduler may not have marked it yet).
    pub fn is_open(&self, now: NaiveDateTime) -> bool {
        self.status == ReferralStatus::Sent && self.expires_at > now
    }

    /// The status as of `now`: a sent referral past its expiry is expired, whether or not
    /// the scheduler has got to it yet.
    pub fn status_at(&self, now: NaiveDateTime) -> ReferralStatus {
        if self.status == ReferralStatus::Sent && self.expires_at <= now {
            ReferralStatus::Expired
        } else {
            self.status
        }
    }
}

/// Loads a referral by id.
pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Referral>, AppError> {
    Ok(referrals::table
        .find(id)
        .select(Referral::as_select())
        .first(conn)
        .optional()?)
}

/// Takes the referral's row lock for the rest of the transaction, so that two answers (or
/// an answer and the expiry) cannot both go through on PostgreSQL; SQLite's `BEGIN
/// IMMEDIATE` already serialises writers. A missing referral is left to the caller's read.
pub fn lock(conn: &mut DbConnection, id: &str) -> Result<(), AppError> {
    if let DbConnection::Postgres(pg) = conn {
        referrals::table
            .find(id)
            .select(referrals::id)
            .for_update()
            .first::<String>(pg)
            .optional()?;
    }
    Ok(())
}

/// Appends an event to a referral's history.
pub fn record(
    conn: &mut DbConnection,
    referral_id: &str,
    event: Event,
    actor_id: Option<&str>,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(referral_events::table)
        .values((
            referral_events::id.eq(uuid::Uuid::now_v7().to_string()),
            referral_events::referral_id.eq(referral_id),
            referral_events::event.eq(event.as_str()),
            referral_events::actor_id.eq(actor_id),
            referral_events::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// One history entry as the API shows it.
#[derive(Debug, Serialize)]
pub struct HistoryEntry {
    pub event: Event,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A referral's history, oldest first.
pub fn history(conn: &mut DbConnection, referral_id: &str) -> Result<Vec<HistoryEntry>, AppError> {
    let rows: Vec<(String, NaiveDateTime)> = referral_events::table
        .filter(referral_events::referral_id.eq(referral_id))
        .order((referral_events::at.asc(), referral_events::id.asc()))
        .select((referral_events::event, referral_events::at))
        .load(conn)?;
    rows.into_iter()
        .map(|(event, at)| {
            Ok(HistoryEntry {
                event: Event::from_stored(&event).map_err(AppError::internal)?,
                at: at.and_utc(),
            })
        })
        .collect()
}
