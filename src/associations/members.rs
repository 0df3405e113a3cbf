//! Members (owners and editors) as the owners manage them. Nobody is made a member here:
//! people join by accepting an invitation ([`crate::associations::invitations`]), by
//! creating the association, or by an approved claim.
//!
//! The owners' list shows members with their name and address, and open invitations only as
//! the address that was typed, the role and the dates, so it never tells whether an address
//! has an account. A member may leave at any time, the last owner included: the association
//! is then ownerless, and once verified it can be claimed again like an imported one. An
//! administrator may remove anyone. The last owner cannot be demoted (leaving is the way out).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::associations::access::{may_own, role_of};
use crate::associations::invitations::{InvitationStatus, check_role};
use crate::associations::model::{self, OWNER};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::{association_invitations, association_members, users};
use crate::db::stored::StoredEnum;
use crate::error::AppError;

/// A member as the owners see them.
#[derive(Debug, Serialize)]
pub struct Member {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub since: DateTime<Utc>,
}

/// An invitation not answered yet, as the owners see it: nothing about any account.
#[derive(Debug, Serialize)]
pub struct Invitation {
    pub email: String,
    pub role: String,
    pub invited_at: DateTime<Utc>,
    /// After this the link no longer works; inviting the address again renews it.
    pub expires_at: DateTime<Utc>,
}

/// `GET /associations/{id}/members`.
#[derive(Debug, Serialize)]
pub struct Members {
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
}

/// `PATCH /associations/{id}/members/{user_id}` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRole {
    pub role: String,
}

/// Lists members and the invitations still waiting for an answer (expired ones too, with
/// their expiry, so that the owner knows to invite again).
pub fn list(conn: &mut DbConnection, association_id: &str) -> Result<Members, AppError> {
    let rows: Vec<(String, String, String, String, NaiveDateTime)> = association_members::table
        .inner_join(users::table)
        .filter(association_members::association_id.eq(association_id))
        .order((
            association_members::created_at,
            association_members::user_id,
        ))
        .select((
            users::id,
            users::display_name,
            users::email,
            association_members::role,
            association_members::created_at,
        ))
        .load(conn)?;
    let invitations: Vec<(String, String, NaiveDateTime, NaiveDateTime)> =
        association_invitations::table
            .filter(association_invitations::association_id.eq(association_id))
            .filter(association_invitations::status.eq(InvitationStatus::Pending.as_str()))
            .order((
                association_invitations::created_at,
                association_invitations::id,
            ))
            .select((
                association_invitations::email,
                association_invitations::role,
                association_invitations::created_at,
                association_invitations::expires_at,
            ))
            .load(conn)?;
    Ok(Members {
        members: rows
            .into_iter()
            .map(|(user_id, display_name, email, role, since)| Member {
                user_id,
                display_name,
                email,
                role,
                since: since.and_utc(),
            })
            .collect(),
        invitations: invitations
            .into_iter()
            .map(|(email, role, at, expires)| Invitation {
                email,
                role,
                invited_at: at.and_utc(),
                expires_at: expires.and_utc(),
            })
            .collect(),
    })
}

/// Changes a member's role on behalf of `actor_id` (recorded in the audit trail): the last
/// owner cannot be demoted, and only an adult can be made an owner.
pub fn change_role(
    conn: &mut DbConnection,
    actor_id: &str,
    association_id: &str,
    user_id: &str,
    req: ChangeRole,
) -> Result<(), AppError> {
    if let Some(error) = check_role("role", &req.role) {
        return Err(AppError::Validation(vec![error]));
    }
    model::lock(conn, association_id)?;
    let role = role_of(conn, association_id, user_id)?.ok_or(AppError::NotFound)?;
    if role == OWNER && req.role != OWNER && model::owners(conn, association_id)? <= 1 {
        return Err(AppError::Conflict(
            "The last owner cannot be demoted; make someone else an owner first, or leave.".into(),
        ));
    }
    if role != OWNER && req.role == OWNER {
        may_own(conn, user_id)?;
    }
    if role == req.role {
        return Ok(());
    }
    diesel::update(association_members::table.find((association_id, user_id)))
        .set(association_members::role.eq(&req.role))
        .execute(conn)?;
    audit::record(
        conn,
        Utc::now().naive_utc(),
        Entry::new(
            Some(actor_id),
            Action::MemberRoleChanged,
            TargetKind::User,
            user_id,
        )
        .detail(format!(
            "association {association_id}: {role} -> {}",
            req.role
        )),
    )
}

/// Ends a membership on behalf of `actor_id` (recorded in the audit trail). Who may do it
/// is the caller's check (the member themselves, an owner, or an administrator); the last
/// owner leaving makes the association ownerless.
pub fn remove(
    conn: &mut DbConnection,
    actor_id: &str,
    association_id: &str,
    user_id: &str,
) -> Result<(), AppError> {
    model::lock(conn, association_id)?;
    let role = role_of(conn, association_id, user_id)?.ok_or(AppError::NotFound)?;
    diesel::delete(association_members::table.find((association_id, user_id))).execute(conn)?;
    let how = if actor_id == user_id {
        "left"
    } else {
        "removed"
    };
    audit::record(
        conn,
        Utc::now().naive_utc(),
        Entry::new(
            Some(actor_id),
            Action::MemberRemoved,
            TargetKind::User,
            user_id,
        )
        .detail(format!("association {association_id}: {role}, {how}")),
    )
}

/// An association someone belongs to, as their own list shows it.
#[derive(Debug, Clone)]
pub struct Membership {
    pub association_id: String,
    pub slug: String,
    pub name: String,
    pub status: String,
    pub role: String,
}

/// The associations a person is a member of, by name.
pub fn of_user(conn: &mut DbConnection, user_id: &str) -> Result<Vec<Membership>, AppError> {
    use crate::db::schema::associations;
    let rows: Vec<(String, String, String, String, String)> = association_members::table
        .inner_join(associations::table)
        .filter(association_members::user_id.eq(user_id))
        .order(associations::name)
        .select((
            associations::id,
            associations::slug,
            associations::name,
            associations::status,
            association_members::role,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(association_id, slug, name, status, role)| Membership {
            association_id,
            slug,
            name,
            status,
            role,
        })
        .collect())
}
