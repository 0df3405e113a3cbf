//! A counsellor's figures ("referred 12, accepted 7, completed 4") for their own reports,
//! counted from their referrals over a period of creation dates. Completion is counted only
//! for clients who share their progress, and the answer says so: an honest figure, never a
//! peek at what a client keeps to themselves.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::schema::{referrals, signups};
use crate::error::AppError;
use crate::referrals::model::{Referral, ReferralStatus};

/// `GET /referrals/summary` query: referrals made from `from` to `to` (inclusive days, UTC).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryQuery {
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub to: Option<NaiveDate>,
}

/// The figures.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Referrals made in the period.
    pub referred: i64,
    /// Still waiting for an answer.
    pub open: i64,
    pub accepted: i64,
    pub declined: i64,
    pub expired: i64,
    /// Accepted referrals whose client shares their progress now.
    pub sharing: i64,
    /// Of those, the ones whose sign-up is completed.
    pub completed_while_sharing: i64,
}

/// Counts the counsellor's referrals made in the period, as of `now`.
pub fn summary(
    conn: &mut DbConnection,
    counsellor_id: &str,
    query: SummaryQuery,
    now: NaiveDateTime,
) -> Result<Summary, AppError> {
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        return Err(AppError::field(
            "to",
            "before_from",
            "The end of the period is before its start.",
        ));
    }
    let mut rows = referrals::table
        .filter(referrals::counsellor_id.eq(counsellor_id))
        .into_boxed::<crate::db::MultiBackend>();
    if let Some(from) = query.from {
        rows = rows.filter(referrals::created_at.ge(from.and_time(chrono::NaiveTime::MIN)));
    }
    if let Some(to) = query.to.and_then(|d| d.succ_opt()) {
        rows = rows.filter(referrals::created_at.lt(to.and_time(chrono::NaiveTime::MIN)));
    }
    let rows: Vec<Referral> = rows.select(Referral::as_select()).load(conn)?;
    let count = |status: ReferralStatus| {
        i64::try_from(rows.iter().filter(|r| r.status_at(now) == status).count()).unwrap_or(0)
    };
    let shared: Vec<&str> = rows
        .iter()
        .filter(|r| r.share_progress && r.status == ReferralStatus::Accepted)
        .filter_map(|r| r.signup_id.as_deref())
        .collect();
    let completed: i64 = if shared.is_empty() {
        0
    } else {
        signups::table
            .filter(signups::id.eq_any(&shared))
            .filter(signups::status.eq("completed"))
            .count()
            .get_result(conn)?
    };
    Ok(Summary {
        from: query.from,
        to: query.to,
        referred: i64::try_from(rows.len()).unwrap_or(0),
        open: count(ReferralStatus::Sent),
        accepted: count(ReferralStatus::Accepted),
        declined: count(ReferralStatus::Declined),
        expired: count(ReferralStatus::Expired),
        sharing: i64::try_from(
            rows.iter()
                .filter(|r| r.share_progress && r.status == ReferralStatus::Accepted)
                .count(),
        )
        .unwrap_or(0),
        completed_while_sharing: completed,
    })
}
