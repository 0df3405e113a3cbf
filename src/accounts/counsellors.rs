//! The service counsellor role (palveluohjaaja): a user asks for it, an administrator
//! approves or rejects the request (with a reason the user reads), and may revoke it later.
//!
//! The approved request *is* the role: a user is a counsellor while one of their requests is
//! `approved`, and the organisation, title and municipality that `GET /me` shows are the ones
//! an administrator saw when approving. A partial unique index keeps one open request
//! (pending or approved) per user under any concurrency.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::{self, check_email, check_municipality, normalize_email};
use crate::api::paging::{Page, paging};
use crate::api::text;
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::{counsellor_requests, users};
use crate::db::stored::StoredEnum;
use crate::email::{Notifier, Template, outbox};
use crate::error::{AppError, FieldError, ProblemType};
use crate::i18n::Language;

/// Longest organisation name (e.g. "Lappeenrannan kaupungin nuorisopalvelut, Ohjaamo").
pub const ORGANISATION_MAX: usize = 200;
/// Longest job title.
pub const TITLE_MAX: usize = 150;
/// Longest reason an administrator gives for a rejection or a revocation.
pub const REASON_MAX: usize = 1000;

/// Where a request stands; stored as this text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for an administrator.
    Pending,
    /// The user is a counsellor.
    Approved,
    /// An administrator said no; the user may ask again.
    Rejected,
    /// The role was taken away; the user may ask again.
    Revoked,
}

impl StoredEnum for RequestStatus {
    const WHAT: &'static str = "status";
    const ALL: &'static [Self] = &[Self::Pending, Self::Approved, Self::Rejected, Self::Revoked];

    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Revoked => "revoked",
        }
    }
}

impl fmt::Display for RequestStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reading a stored status: text that names no status is corruption and is reported.
impl TryFrom<String> for RequestStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::from_stored(&text)
    }
}

/// A request as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = counsellor_requests)]
pub struct RequestRow {
    pub id: String,
    pub user_id: String,
    pub organisation: String,
    pub title: String,
    pub municipality_code: String,
    pub work_email: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: RequestStatus,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// `POST /me/counsellor-request` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    pub organisation: String,
    pub title: String,
    pub municipality_code: String,
    #[serde(default)]
    pub work_email: Option<String>,
}

/// `POST /admin/counsellor-requests/{id}/reject` and `…/revoke` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonInput {
    pub reason: String,
}

/// A request as its author and the administrators see it.
#[derive(Debug, Serialize)]
pub struct RequestView {
    pub id: String,
    pub organisation: String,
    pub title: String,
    pub municipality_code: String,
    pub work_email: Option<String>,
    pub status: RequestStatus,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Who asked: for the administrators' list only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Requester>,
}

/// The account behind a request, for the administrator who checks it.
#[derive(Debug, Serialize)]
pub struct Requester {
    pub id: String,
    pub display_name: String,
    pub email: String,
}

/// The role as `GET /me` shows it.
#[derive(Debug, Serialize)]
pub struct Role {
    pub organisation: String,
    pub title: String,
    pub municipality_code: String,
    pub since: DateTime<Utc>,
}

impl From<RequestRow> for RequestView {
    fn from(row: RequestRow) -> Self {
        Self {
            id: row.id,
            organisation: row.organisation,
            title: row.title,
            municipality_code: row.municipality_code,
            work_email: row.work_email,
            status: row.status,
            reason: row.reason,
            created_at: row.created_at.and_utc(),
            decided_at: row.decided_at.map(|t| t.and_utc()),
            revoked_at: row.revoked_at.map(|t| t.and_utc()),
            user: None,
        }
    }
}

/// A one-line name-like field of the request, required and bounded.
fn required_line(field: &str, raw: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    match text::name(field, raw) {
        Ok(value) if value.is_empty() => {
            errors.push(FieldError::new(
                field,
                "required",
                "This field is required.",
            ));
            value
        }
        Ok(value) if value.chars().count() > max => {
            errors.push(FieldError::new(
                field,
                "too_long",
                format!("Use at most {max} characters."),
            ));
            value
        }
        Ok(value) => value,
        Err(error) => {
            errors.push(error);
            String::new()
        }
    }
}

/// Checks a reason an administrator writes to the user.
pub fn check_reason(raw: &str) -> Result<String, AppError> {
    let reason = text::multi_line("reason", raw).map_err(|e| AppError::Validation(vec![e]))?;
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            "required",
            "Tell the user why, in a sentence or two.",
        ));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(AppError::field(
            "reason",
            "too_long",
            "Use at most 1000 characters.",
        ));
    }
    Ok(reason)
}

/// Takes the account's row lock (`FOR NO KEY UPDATE`) for the rest of the transaction on
/// PostgreSQL, so that a revocation and a referral made at the same moment happen one
/// after the other; SQLite's `BEGIN IMMEDIATE` already serialises writers.
pub fn lock_account(conn: &mut DbConnection, user_id: &str) -> Result<(), AppError> {
    if let DbConnection::Postgres(pg) = conn {
        users::table
            .find(user_id)
            .select(users::id)
            .for_no_key_update()
            .first::<String>(pg)
            .optional()?;
    }
    Ok(())
}

/// The user's approved request, if they are a counsellor now.
pub fn role(conn: &mut DbConnection, user_id: &str) -> Result<Option<RequestRow>, AppError> {
    Ok(counsellor_requests::table
        .filter(counsellor_requests::user_id.eq(user_id))
        .filter(counsellor_requests::status.eq(RequestStatus::Approved.as_str()))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?)
}

/// Whether the user is a counsellor now.
pub fn is_counsellor(conn: &mut DbConnection, user_id: &str) -> Result<bool, AppError> {
    Ok(role(conn, user_id)?.is_some())
}

/// The refusal of a counsellor's action to anyone who is not one (any more).
pub fn not_a_counsellor() -> AppError {
    AppError::ineligible(
        ProblemType::NotACounsellor,
        "Only an approved service counsellor can do this.",
    )
}

/// The role for `GET /me`.
pub fn role_view(conn: &mut DbConnection, user_id: &str) -> Result<Option<Role>, AppError> {
    Ok(role(conn, user_id)?.map(|row| Role {
        organisation: row.organisation,
        title: row.title,
        municipality_code: row.municipality_code,
        since: row.decided_at.unwrap_or(row.created_at).and_utc(),
    }))
}

/// The user's latest request, whatever its status (`GET /me/counsellor-request`).
pub fn latest(conn: &mut DbConnection, user_id: &str) -> Result<RequestView, AppError> {
    counsellor_requests::table
        .filter(counsellor_requests::user_id.eq(user_id))
        .order((
            counsellor_requests::created_at.desc(),
            counsellor_requests::id.desc(),
        ))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?
        .map(RequestView::from)
        .ok_or(AppError::NotFound)
}

/// Files a request for the role. A verified account only; one open request (or a current
/// role) per user, else `409 counsellor-request-open`.
pub fn request(
    conn: &mut DbConnection,
    user_id: &str,
    input: RequestInput,
) -> Result<RequestView, AppError> {
    let user = model::find(conn, user_id)?.ok_or(AppError::Unauthorized)?;
    if user.email_verified_at.is_none() {
        return Err(AppError::EmailNotVerified);
    }
    let mut errors = Vec::new();
    let organisation = required_line(
        "organisation",
        &input.organisation,
        ORGANISATION_MAX,
        &mut errors,
    );
    let title = required_line("title", &input.title, TITLE_MAX, &mut errors);
    let municipality = input.municipality_code.trim().to_owned();
    errors.extend(check_municipality(
        conn,
        "municipality_code",
        &municipality,
    )?);
    let work_email = input.work_email.map(|e| normalize_email(&e));
    if let Some(email) = &work_email {
        errors.extend(check_email("work_email", email));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let open = counsellor_requests::table
        .filter(counsellor_requests::user_id.eq(user_id))
        .filter(counsellor_requests::status.eq_any([
            RequestStatus::Pending.as_str(),
            RequestStatus::Approved.as_str(),
        ]))
        .count()
        .get_result::<i64>(conn)?;
    if open > 0 {
        return Err(already_open());
    }
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(counsellor_requests::table)
        .values((
            counsellor_requests::id.eq(&id),
            counsellor_requests::user_id.eq(user_id),
            counsellor_requests::organisation.eq(&organisation),
            counsellor_requests::title.eq(&title),
            counsellor_requests::municipality_code.eq(&municipality),
            counsellor_requests::work_email.eq(&work_email),
            counsellor_requests::status.eq(RequestStatus::Pending.as_str()),
            counsellor_requests::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => already_open(),
            other => other.into(),
        })?;
    latest(conn, user_id)
}

fn already_open() -> AppError {
    AppError::rule(
        ProblemType::CounsellorRequestOpen,
        "You already have a pending request or the counsellor role.",
    )
}

/// `GET /admin/counsellor-requests` query.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub status: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The administrators' list, oldest first (the queue), optionally of one status.
pub fn list(conn: &mut DbConnection, query: ListQuery) -> Result<Page<RequestView>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let status = query
        .status
        .as_deref()
        .map(|s| RequestStatus::from_param("status", s))
        .transpose()?;
    let filtered = || {
        let mut q = counsellor_requests::table
            .inner_join(users::table.on(users::id.eq(counsellor_requests::user_id)))
            .into_boxed();
        if let Some(status) = status {
            q = q.filter(counsellor_requests::status.eq(status.as_str()));
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<(RequestRow, (String, String, String))> = filtered()
        .order((
            counsellor_requests::created_at.asc(),
            counsellor_requests::id.asc(),
        ))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select((
            RequestRow::as_select(),
            (users::id, users::display_name, users::email),
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(row, (id, display_name, email))| RequestView {
            user: Some(Requester {
                id,
                display_name,
                email,
            }),
            ..RequestView::from(row)
        })
        .collect();
    Ok(Page {
        items,
        total,
        page,
        per_page,
    })
}

/// What an administrator does to a request.
#[derive(Debug, Clone)]
pub enum Decision {
    Approve,
    Reject { reason: String },
    Revoke { reason: String },
}

/// Approves or rejects a pending request, or revokes an approved one, and emails the user
/// in their language. Anything else is `409 illegal-transition` naming the current status.
pub fn decide(
    conn: &mut DbConnection,
    links: &Notifier,
    id: &str,
    admin_id: &str,
    decision: Decision,
) -> Result<RequestView, AppError> {
    let row: RequestRow = counsellor_requests::table
        .find(id)
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    lock_account(conn, &row.user_id)?;
    let (from, to, reason) = match &decision {
        Decision::Approve => (RequestStatus::Pending, RequestStatus::Approved, None),
        Decision::Reject { reason } => (
            RequestStatus::Pending,
            RequestStatus::Rejected,
            Some(reason.clone()),
        ),
        Decision::Revoke { reason } => (
            RequestStatus::Approved,
            RequestStatus::Revoked,
            Some(reason.clone()),
        ),
    };
    let now = Utc::now().naive_utc();
    let revoking = to == RequestStatus::Revoked;
    // Guarded by the status it was read in, so two administrators cannot both decide.
    let changed = diesel::update(
        counsellor_requests::table
            .find(id)
            .filter(counsellor_requests::status.eq(from.as_str())),
    )
    .set((
        counsellor_requests::status.eq(to.as_str()),
        counsellor_requests::reason.eq(&reason),
        counsellor_requests::decided_by.eq(admin_id),
        counsellor_requests::decided_at.eq(if revoking { row.decided_at } else { Some(now) }),
        counsellor_requests::revoked_at.eq(revoking.then_some(now)),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(AppError::wrong_state(
            row.status.as_str(),
            format!("A request that is {} cannot be changed so.", row.status),
        ));
    }
    let action = match &decision {
        Decision::Approve => Action::CounsellorApproved,
        Decision::Reject { .. } => Action::CounsellorRejected,
        Decision::Revoke { .. } => Action::CounsellorRevoked,
    };
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), action, TargetKind::CounsellorRequest, id).detail(format!(
            "user {}: {} -> {}",
            row.user_id,
            from.as_str(),
            to.as_str()
        )),
    )?;
    let user = model::find(conn, &row.user_id)?.ok_or(AppError::NotFound)?;
    let template = match decision {
        Decision::Approve => Template::CounsellorApproved {
            name: user.display_name.clone(),
            organisation: row.organisation.clone(),
            link: links.link("/referrals"),
        },
        Decision::Reject { reason } => Template::CounsellorRejected {
            name: user.display_name.clone(),
            reason,
        },
        Decision::Revoke { reason } => Template::CounsellorRevoked {
            name: user.display_name.clone(),
            reason,
        },
    };
    outbox::enqueue(
        conn,
        Some(&user.id),
        &user.email,
        &template.render(Language::from_code(&user.language)),
    )?;
    let row: RequestRow = counsellor_requests::table
        .find(id)
        .select(RequestRow::as_select())
        .first(conn)?;
    Ok(RequestView {
        user: Some(Requester {
            id: user.id,
            display_name: user.display_name,
            email: user.email,
        }),
        ..RequestView::from(row)
    })
}
