//! A counsellor's figures ("referred 12, accepted 7, completed 4") for their own reports,
//! counted from their referrals over a period of creation dates. Completion is counted only
//! for clients who share their progress, and the answer says so: an honest figure, never a
//! peek at what a client keeps to themselves.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::date::period;
use crate::db::schema::{referrals, signups};
use crate::db::stored::StoredEnum;
use crate::db::{DbConnection, MultiBackend};
use crate::error::AppError;
use crate::referrals::model::{Referral, ReferralStatus};
use crate::signups::status::SignupStatus;

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
    // [start, end) of creation times.
    let (start, end) = period(query.from, query.to)?;
    let mut rows = referrals::table
        .filter(referrals::counsellor_id.eq(counsellor_id))
        .into_boxed::<MultiBackend>();
    let mut completed = signups::table
        .inner_join(referrals::table.on(referrals::signup_id.eq(signups::id.nullable())))
        .filter(referrals::counsellor_id.eq(counsellor_id))
        .filter(referrals::share_progress.eq(true))
        .filter(referrals::status.eq(ReferralStatus::Accepted.as_str()))
        .filter(signups::status.eq(SignupStatus::Completed.as_str()))
        .into_boxed::<MultiBackend>();
    if let Some(start) = start {
        rows = rows.filter(referrals::created_at.ge(start));
        completed = completed.filter(referrals::created_at.ge(start));
    }
    if let Some(end) = end {
        rows = rows.filter(referrals::created_at.lt(end));
        completed = completed.filter(referrals::created_at.lt(end));
    }
    let rows: Vec<Referral> = rows.select(Referral::as_select()).load(conn)?;
    let completed: i64 = completed.count().get_result(conn)?;
    let count = |keep: &dyn Fn(&Referral) -> bool| {
        i64::try_from(rows.iter().filter(|r| keep(r)).count()).unwrap_or(0)
    };
    let status = |status: ReferralStatus| count(&|r| r.status_at(now) == status);
    Ok(Summary {
        from: query.from,
        to: query.to,
        referred: count(&|_| true),
        open: status(ReferralStatus::Sent),
        accepted: status(ReferralStatus::Accepted),
        declined: status(ReferralStatus::Declined),
        expired: status(ReferralStatus::Expired),
        sharing: count(&|r| r.share_progress && r.status == ReferralStatus::Accepted),
        completed_while_sharing: completed,
    })
}
