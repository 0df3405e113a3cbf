//! Expiry: a referral nobody answered within its time becomes `expired`, and the counsellor
//! is told. Each referral schedules one job due at its `expires_at` (the jobs table is the
//! due-time column the scheduler claims from, safely across instances); the job's handler
//! runs here, inside the scheduler's transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::schema::referrals;
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::error::AppError;
use crate::jobs::{self, JobKind};
use crate::referrals::model::{self, Event, ReferralStatus};
use crate::referrals::notify::{self, Outcome};

/// The payload of a [`JobKind::ReferralExpiry`] job.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExpiryJob {
    pub referral_id: String,
}

/// Expires the referral if it is still unanswered at `now`. An answered (or vanished)
/// referral needs nothing; one whose expiry is still ahead (the clock of the instance that
/// made it ran ahead) gets a new job at its due time.
pub fn expire(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let job: ExpiryJob = jobs::read_payload(payload)?;
    model::lock(conn, &job.referral_id)?;
    let Some(referral) = model::find(conn, &job.referral_id)? else {
        return Ok(());
    };
    if referral.status != ReferralStatus::Sent {
        return Ok(());
    }
    if referral.expires_at > now {
        jobs::schedule(conn, JobKind::ReferralExpiry, &job, referral.expires_at)?;
        return Ok(());
    }
    // Guarded by the status, so an answer that committed in between wins.
    let changed = diesel::update(
        referrals::table
            .find(&referral.id)
            .filter(referrals::status.eq(ReferralStatus::Sent.as_str())),
    )
    .set(referrals::status.eq(ReferralStatus::Expired.as_str()))
    .execute(conn)?;
    if changed == 0 {
        return Ok(());
    }
    model::record(conn, &referral.id, Event::Expired, None, now)?;
    notify::to_counsellor(conn, links, &referral, Outcome::Expired)
}
