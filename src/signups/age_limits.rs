//! A task's age limits hold for its open sign-ups after an edit, too. Signing up checks the
//! volunteer's age on the start date (today for ongoing tasks); raising the minimum age,
//! lowering the maximum or moving the start date could otherwise leave a volunteer on the
//! task who no longer qualifies.
//!
//! Such an edit is refused (409 `signups-out-of-age-range`, the sign-ups named in
//! `conflicting`) rather than the volunteers being moved out: the edit may be a mistake,
//! and a member who means it declines those sign-ups first, which emails each volunteer
//! through the usual decision. All open sign-ups count — `accepted`, and also `pending`
//! and `waitlisted`, since accepting them or moving them up does not look at age again.
//! Only a sign-up that the edit itself puts out of range is named: a volunteer on an
//! ongoing task who has since grown past its maximum age does not block an unrelated edit.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{signups, users};
use crate::error::{AppError, ProblemType};
use crate::signups::join::{age_range, age_refusal};
use crate::signups::status::SignupStatus;
use crate::tasks::model::Task;

/// Refuses an edit that would put an open sign-up of the task outside its age limits:
/// `before` is the task as stored, `after` as the edit would leave it. Runs inside the
/// edit's transaction, under the task's lock, before anything is written.
pub fn check_edit(conn: &mut DbConnection, before: &Task, after: &Task) -> Result<(), AppError> {
    let same_rule = before.min_age == after.min_age
        && before.max_age == after.max_age
        && before.starts_at == after.starts_at
        && before.schedule_type == after.schedule_type;
    if same_rule {
        return Ok(());
    }
    let open: Vec<(String, Option<NaiveDate>)> = signups::table
        .inner_join(users::table)
        .filter(signups::task_id.eq(&before.id))
        .filter(signups::status.eq_any(SignupStatus::OPEN.map(SignupStatus::as_str)))
        .order((signups::created_at, signups::id))
        .select((signups::id, users::birth_date))
        .load(conn)?;
    let now = Utc::now().naive_utc();
    let out: Vec<String> = open
        .into_iter()
        .filter_map(|(id, birth_date)| {
            let birth_date = birth_date?;
            let left_out = age_refusal(after, birth_date, now).is_some()
                && age_refusal(before, birth_date, now).is_none();
            left_out.then_some(id)
        })
        .collect();
    if out.is_empty() {
        return Ok(());
    }
    Err(AppError::ConflictsWith {
        code: ProblemType::SignupsOutOfAgeRange,
        detail: format!(
            "{} open sign-up(s), listed in `conflicting`, would no longer meet the task's age \
             limits (aged {}) on its start date. Decline them first, or keep the age limits and \
             the start date.",
            out.len(),
            age_range(after)
        ),
        conflicting: out,
    })
}
