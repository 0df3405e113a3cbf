//! The audit trail: one row for every administrative and membership action (who did what,
//! to which target, when, and a short detail), so that the region can answer "who verified
//! this association" or "who made them an owner" long after the fact.
//!
//! A row is written by the action itself, inside the action's transaction ([`record`]): an
//! action that rolls back leaves no row, and no committed action lacks one. The trail is
//! append-only; the database refuses to update or delete a row (triggers in the
//! migration), so not even a bug in the service can rewrite it. A row's detail never holds
//! personal data (no names, addresses or free text a user wrote): it names ids, roles and
//! statuses, so that the trail can be kept when an account is erased.
//!
//! This module sits below every feature (it imports none): each feature names its actions
//! here, like its problem types in `error.rs`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::date::period;
use crate::api::paging::{Page, paging};
use crate::db::schema::audit_log;
use crate::db::stored::StoredEnum;
use crate::db::{DbConnection, MultiBackend};
use crate::error::AppError;

/// The longest detail kept; a longer one is cut (a detail is a summary, not a document).
pub const MAX_DETAIL: usize = 500;

/// The longest id a filter takes (ids are UUIDs, slugs or file names).
const MAX_ID: usize = 200;

/// Every audited action, stored as its code. Add new ones at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// An administrator verified an association (it becomes public).
    AssociationVerified,
    /// An administrator suspended an association (it leaves search).
    AssociationSuspended,
    /// An administrator approved a claim: the claimant owns the association.
    ClaimApproved,
    /// An administrator rejected a claim.
    ClaimRejected,
    /// Associations were imported from a register file (the command line).
    AssociationsImported,
    /// An administrator approved a counsellor request: the user is a counsellor.
    CounsellorApproved,
    /// An administrator rejected a counsellor request.
    CounsellorRejected,
    /// An administrator took the counsellor role away.
    CounsellorRevoked,
    /// A member invited someone to the association.
    MemberInvited,
    /// Someone accepted an invitation and became a member.
    MemberJoined,
    /// A member's role changed (editor and owner).
    MemberRoleChanged,
    /// A membership ended: the member left or was removed.
    MemberRemoved,
    /// A member entered the result of a criminal record check for a sign-up.
    RecordCheckEntered,
    /// An administrator queued a failed email again.
    EmailRetried,
    /// A user erased their account (the row's ids are all that is left of it).
    AccountErased,
    /// An administrator took a task down (a report of abuse).
    TaskHidden,
    /// An administrator put a task taken down back.
    TaskRestored,
    /// An administrator suspended a user account, ending its sessions.
    UserSuspended,
    /// An administrator lifted a user's suspension.
    UserReinstated,
    /// An administrator closed a report of abuse with an outcome.
    ReportClosed,
}

impl StoredEnum for Action {
    const WHAT: &'static str = "audited action";
    const ALL: &'static [Self] = &[
        Self::AssociationVerified,
        Self::AssociationSuspended,
        Self::ClaimApproved,
        Self::ClaimRejected,
        Self::AssociationsImported,
        Self::CounsellorApproved,
        Self::CounsellorRejected,
        Self::CounsellorRevoked,
        Self::MemberInvited,
        Self::MemberJoined,
        Self::MemberRoleChanged,
        Self::MemberRemoved,
        Self::RecordCheckEntered,
        Self::EmailRetried,
        Self::AccountErased,
        Self::TaskHidden,
        Self::TaskRestored,
        Self::UserSuspended,
        Self::UserReinstated,
        Self::ReportClosed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::AssociationVerified => "association_verified",
            Self::AssociationSuspended => "association_suspended",
            Self::ClaimApproved => "claim_approved",
            Self::ClaimRejected => "claim_rejected",
            Self::AssociationsImported => "associations_imported",
            Self::CounsellorApproved => "counsellor_approved",
            Self::CounsellorRejected => "counsellor_rejected",
            Self::CounsellorRevoked => "counsellor_revoked",
            Self::MemberInvited => "member_invited",
            Self::MemberJoined => "member_joined",
            Self::MemberRoleChanged => "member_role_changed",
            Self::MemberRemoved => "member_removed",
            Self::RecordCheckEntered => "record_check_entered",
            Self::EmailRetried => "email_retried",
            Self::AccountErased => "account_erased",
            Self::TaskHidden => "task_hidden",
            Self::TaskRestored => "task_restored",
            Self::UserSuspended => "user_suspended",
            Self::UserReinstated => "user_reinstated",
            Self::ReportClosed => "report_closed",
        }
    }
}

/// What kind of thing an action was done to; the target's id is read with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Association,
    Claim,
    CounsellorRequest,
    Invitation,
    /// A user account (for a membership: the member).
    User,
    Signup,
    /// A message of the outbox.
    Email,
    /// A batch with no id of its own (an import: the target id is the file's name).
    Batch,
    Task,
    /// A report of abuse.
    Report,
}

impl StoredEnum for TargetKind {
    const WHAT: &'static str = "audit target";
    const ALL: &'static [Self] = &[
        Self::Association,
        Self::Claim,
        Self::CounsellorRequest,
        Self::Invitation,
        Self::User,
        Self::Signup,
        Self::Email,
        Self::Batch,
        Self::Task,
        Self::Report,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Association => "association",
            Self::Claim => "claim",
            Self::CounsellorRequest => "counsellor_request",
            Self::Invitation => "invitation",
            Self::User => "user",
            Self::Signup => "signup",
            Self::Email => "email",
            Self::Batch => "batch",
            Self::Task => "task",
            Self::Report => "report",
        }
    }
}

/// One action to record.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The user who acted; `None` for the service itself or the command line.
    pub actor: Option<&'a str>,
    pub action: Action,
    pub target: TargetKind,
    pub target_id: &'a str,
    /// A short summary without personal data, e.g. `"editor -> owner"`.
    pub detail: String,
}

impl<'a> Entry<'a> {
    /// An entry for `action` by `actor` on the `target` with id `target_id`, without detail.
    pub fn new(
        actor: Option<&'a str>,
        action: Action,
        target: TargetKind,
        target_id: &'a str,
    ) -> Self {
        Self {
            actor,
            action,
            target,
            target_id,
            detail: String::new(),
        }
    }

    /// The same entry with a detail.
    pub fn detail(self, detail: impl Into<String>) -> Self {
        Self {
            detail: detail.into(),
            ..self
        }
    }
}

/// Appends `entry` at `at`; call inside the transaction of the action it records.
pub fn record(
    conn: &mut DbConnection,
    at: NaiveDateTime,
    entry: Entry<'_>,
) -> Result<(), AppError> {
    let detail: String = entry.detail.chars().take(MAX_DETAIL).collect();
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(at),
            audit_log::actor_id.eq(entry.actor),
            audit_log::action.eq(entry.action.as_str()),
            audit_log::target_kind.eq(entry.target.as_str()),
            audit_log::target_id.eq(entry.target_id),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)?;
    Ok(())
}

/// A row of the trail as administrators read it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<String>,
    pub action: &'static str,
    pub target_kind: &'static str,
    pub target_id: String,
    pub detail: String,
}

/// `GET /admin/audit`: every filter optional; `from` and `to` are inclusive days (UTC).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub target: Option<String>,
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::api::date::optional")]
    pub to: Option<NaiveDate>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

type Row = (
    i64,
    NaiveDateTime,
    Option<String>,
    String,
    String,
    String,
    String,
);

/// The columns of [`Row`], in its order.
const COLUMNS: (
    audit_log::id,
    audit_log::at,
    audit_log::actor_id,
    audit_log::action,
    audit_log::target_kind,
    audit_log::target_id,
    audit_log::detail,
) = (
    audit_log::id,
    audit_log::at,
    audit_log::actor_id,
    audit_log::action,
    audit_log::target_kind,
    audit_log::target_id,
    audit_log::detail,
);

/// A stored row as administrators read it; an unknown code is corruption (a 500).
fn to_entry(row: Row) -> Result<AuditEntry, AppError> {
    let (id, at, actor_id, action, target_kind, target_id, detail) = row;
    Ok(AuditEntry {
        id,
        at: at.and_utc(),
        actor_id,
        action: Action::from_stored(&action)
            .map_err(AppError::internal)?
            .as_str(),
        target_kind: TargetKind::from_stored(&target_kind)
            .map_err(AppError::internal)?
            .as_str(),
        target_id,
        detail,
    })
}

/// One page of the trail, newest first, filtered by `query`.
pub fn list(conn: &mut DbConnection, query: AuditQuery) -> Result<Page<AuditEntry>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    for (field, value) in [("actor", &query.actor), ("target", &query.target)] {
        if value.as_ref().is_some_and(|v| v.chars().count() > MAX_ID) {
            return Err(AppError::field(
                field,
                "too_long",
                &format!("An id is at most {MAX_ID} characters."),
            ));
        }
    }
    let action = query
        .action
        .as_deref()
        .map(|a| Action::from_param("action", a))
        .transpose()?;
    let (start, end) = period(query.from, query.to)?;
    let filtered = || {
        let mut rows = audit_log::table.into_boxed::<MultiBackend>();
        if let Some(actor) = &query.actor {
            rows = rows.filter(audit_log::actor_id.eq(actor.clone()));
        }
        if let Some(action) = action {
            rows = rows.filter(audit_log::action.eq(action.as_str()));
        }
        if let Some(target) = &query.target {
            rows = rows.filter(audit_log::target_id.eq(target.clone()));
        }
        if let Some(start) = start {
            rows = rows.filter(audit_log::at.ge(start));
        }
        if let Some(end) = end {
            rows = rows.filter(audit_log::at.lt(end));
        }
        rows
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<Row> = filtered()
        .order(audit_log::id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(COLUMNS)
        .load(conn)?;
    let items = rows.into_iter().map(to_entry).collect::<Result<_, _>>()?;
    Ok(Page {
        items,
        total,
        page,
        per_page,
    })
}

/// Every row naming `user_id` as actor or target, oldest first: their part of the trail,
/// for their data export.
pub fn of_user(conn: &mut DbConnection, user_id: &str) -> Result<Vec<AuditEntry>, AppError> {
    let rows: Vec<Row> = audit_log::table
        .filter(
            audit_log::actor_id
                .eq(user_id)
                .or(audit_log::target_id.eq(user_id)),
        )
        .order(audit_log::id)
        .select(COLUMNS)
        .load(conn)?;
    rows.into_iter().map(to_entry).collect()
}
