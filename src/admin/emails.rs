//! Emails that could not be delivered, for administrators: a list by status with each
//! recipient masked (an administrator needs to see that mail to a domain bounces, not whose
//! mail it was), and a retry once the cause is fixed.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::paging::{Page, paging};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::outbox;
use crate::db::stored::StoredEnum;
use crate::email::outbox::OutboxStatus;
use crate::error::AppError;
use crate::telemetry::without_addresses;

/// `GET /admin/emails` query: `status` (default `failed`) and paging.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailQuery {
    pub status: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// An email as administrators see it: no body, the recipient masked.
#[derive(Debug, Serialize)]
pub struct EmailView {
    pub id: String,
    pub kind: String,
    /// `a***@example.fi`: the first character and the domain.
    pub recipient: String,
    pub subject: String,
    pub status: &'static str,
    pub attempts: i32,
    /// The last delivery error, with any address in it replaced by `[address]`.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub next_attempt_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub retried_at: Option<DateTime<Utc>>,
}

/// The stored columns of a view.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
struct Row {
    id: String,
    kind: String,
    recipient: String,
    subject: String,
    status: String,
    attempts: i32,
    last_error: Option<String>,
    created_at: NaiveDateTime,
    next_attempt_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
    retried_at: Option<NaiveDateTime>,
}

impl TryFrom<Row> for EmailView {
    type Error = AppError;

    fn try_from(r: Row) -> Result<Self, AppError> {
        Ok(Self {
            recipient: mask(&r.recipient),
            status: OutboxStatus::from_stored(&r.status)
                .map_err(AppError::internal)?
                .as_str(),
            last_error: r.last_error.as_deref().map(without_addresses),
            id: r.id,
            kind: r.kind,
            subject: r.subject,
            attempts: r.attempts,
            created_at: r.created_at.and_utc(),
            next_attempt_at: r.next_attempt_at.and_utc(),
            sent_at: r.sent_at.map(|t| t.and_utc()),
            retried_at: r.retried_at.map(|t| t.and_utc()),
        })
    }
}

/// `aino.virtanen@example.fi` → `a***@example.fi`; something that is not an address keeps
/// only its first character.
pub fn mask(address: &str) -> String {
    let first: String = address.chars().take(1).collect();
    match address.rsplit_once('@') {
        Some((_, domain)) => format!("{first}***@{domain}"),
        None => format!("{first}***"),
    }
}

/// One page of emails with the status asked for, newest first.
pub fn list(conn: &mut DbConnection, query: EmailQuery) -> Result<Page<EmailView>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let status = match query.status.as_deref() {
        None => OutboxStatus::Failed,
        Some(s) => OutboxStatus::from_param("status", s)?,
    };
    let total: i64 = outbox::table
        .filter(outbox::status.eq(status.as_str()))
        .count()
        .get_result(conn)?;
    let rows: Vec<Row> = outbox::table
        .filter(outbox::status.eq(status.as_str()))
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Row::as_select())
        .load(conn)?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(EmailView::try_from)
            .collect::<Result<_, _>>()?,
        total,
        page,
        per_page,
    })
}

/// Queues a failed email again at once, on behalf of the administrator `admin_id`
/// (recorded in the audit trail). Only a failed email can be retried: any other is `409`
/// naming its status, and an unknown one `404`.
pub fn retry(
    conn: &mut DbConnection,
    admin_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<EmailView, AppError> {
    let row: Row = outbox::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    // Guarded by the status, so two administrators retrying at once queue it once.
    let changed = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.eq(OutboxStatus::Failed.as_str())),
    )
    .set((
        outbox::status.eq(OutboxStatus::Pending.as_str()),
        outbox::next_attempt_at.eq(now),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::retried_at.eq(Some(now)),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(AppError::wrong_state(
            &row.status,
            format!(
                "Only a failed email can be sent again; this one is {}.",
                row.status
            ),
        ));
    }
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), Action::EmailRetried, TargetKind::Email, id)
            .detail(format!("{}, after {} attempts", row.kind, row.attempts)),
    )?;
    let row: Row = outbox::table
        .find(id)
        .select(Row::as_select())
        .first(conn)?;
    EmailView::try_from(row)
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn a_masked_address_keeps_its_first_character_and_domain() {
        assert_eq!(mask("aino.virtanen@example.fi"), "a***@example.fi");
        assert_eq!(mask("ä@ö.fi"), "ä***@ö.fi");
        assert_eq!(mask("ei-osoite"), "e***");
        assert_eq!(mask(""), "***");
    }
}
