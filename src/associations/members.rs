//! Members (owners and editors) and invitations. An owner adds people by email: an
//! existing account becomes a member at once; an unknown address gets an invitation that
//! turns into membership when that address registers and confirms it. An association
//! always keeps at least one owner once it has one.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::check_email;
use crate::accounts::model::{self as accounts, normalize_email};
use crate::associations::model::{self, Association, EDITOR, OWNER};
use crate::db::DbConnection;
use crate::db::schema::{association_invitations, association_members, users};
use crate::email::{Template, outbox};
use crate::error::{AppError, FieldError};
use crate::i18n::Language;
use crate::state::AppState;

/// A member as the owners see them.
#[derive(Debug, Serialize)]
pub struct Member {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub since: DateTime<Utc>,
}

/// An invitation that waits for its address to register.
#[derive(Debug, Serialize)]
pub struct Invitation {
    pub email: String,
    pub role: String,
    pub invited_at: DateTime<Utc>,
}

/// `GET /associations/{id}/members`.
#[derive(Debug, Serialize)]
pub struct Members {
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
}

/// `POST /associations/{id}/members` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddMember {
    pub email: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// `PATCH /associations/{id}/members/{user_id}` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRole {
    pub role: String,
}

/// The answer to adding a member. It is the same whether the address already had an
/// account (added at once) or not (invited), so that adding people cannot be used to find
/// out who has an account.
#[derive(Debug, Serialize)]
pub struct Added {
    pub email: String,
    pub role: String,
}

fn check_role(role: &str) -> Result<(), AppError> {
    if role == OWNER || role == EDITOR {
        Ok(())
    } else {
        Err(AppError::field(
            "role",
            "unknown_value",
            "The role is owner or editor.",
        ))
    }
}

/// Lists members and open invitations.
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
    let invitations: Vec<(String, String, NaiveDateTime)> = association_invitations::table
        .filter(association_invitations::association_id.eq(association_id))
        .order(association_invitations::created_at)
        .select((
            association_invitations::email,
            association_invitations::role,
            association_invitations::created_at,
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
            .map(|(email, role, at)| Invitation {
                email,
                role,
                invited_at: at.and_utc(),
            })
            .collect(),
    })
}

fn insert_member(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
    role: &str,
) -> Result<(), AppError> {
    diesel::insert_into(association_members::table)
        .values((
            association_members::association_id.eq(association_id),
            association_members::user_id.eq(user_id),
            association_members::role.eq(role),
            association_members::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Adds a member by email (or invites the address); the person is emailed either way.
pub fn add(
    conn: &mut DbConnection,
    state: &AppState,
    association: &Association,
    inviter_id: &str,
    req: AddMember,
) -> Result<Added, AppError> {
    let email = normalize_email(&req.email);
    let role = req.role.unwrap_or_else(|| EDITOR.to_owned());
    let mut errors: Vec<FieldError> = check_email("email", &email).into_iter().collect();
    if let Err(AppError::Validation(e)) = check_role(&role) {
        errors.extend(e);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let inviter = accounts::find(conn, inviter_id)?.ok_or(AppError::Unauthorized)?;
    let now = Utc::now().naive_utc();
    match accounts::find_by_email(conn, &email)? {
        Some(user) => {
            if crate::associations::access::role_of(conn, &association.id, &user.id)?.is_some() {
                return Err(AppError::Conflict(
                    "This person is already a member.".into(),
                ));
            }
            insert_member(conn, &association.id, &user.id, &role)?;
            let link = state.link(&format!("/associations/{}", association.slug));
            let mail = Template::MemberAdded {
                name: user.display_name.clone(),
                association: association.name.clone(),
                role: role.clone(),
                link,
            }
            .render(Language::from_code(&user.language));
            outbox::enqueue(conn, Some(&user.id), &user.email, &mail)?;
            Ok(Added {
                email: user.email,
                role,
            })
        }
        None => {
            let exists: i64 = association_invitations::table
                .filter(association_invitations::association_id.eq(&association.id))
                .filter(association_invitations::email.eq(&email))
                .count()
                .get_result(conn)?;
            if exists > 0 {
                return Err(AppError::Conflict(
                    "This address has already been invited.".into(),
                ));
            }
            diesel::insert_into(association_invitations::table)
                .values((
                    association_invitations::id.eq(uuid::Uuid::now_v7().to_string()),
                    association_invitations::association_id.eq(&association.id),
                    association_invitations::email.eq(&email),
                    association_invitations::role.eq(&role),
                    association_invitations::invited_by.eq(inviter_id),
                    association_invitations::created_at.eq(now),
                ))
                .execute(conn)?;
            let link = state.link("/register");
            let mail = Template::MemberInvited {
                association: association.name.clone(),
                inviter: inviter.display_name,
                link,
            }
            .render(Language::from_code(&inviter.language));
            outbox::enqueue(conn, None, &email, &mail)?;
            Ok(Added { email, role })
        }
    }
}

fn owners(conn: &mut DbConnection, association_id: &str) -> Result<i64, AppError> {
    Ok(association_members::table
        .filter(association_members::association_id.eq(association_id))
        .filter(association_members::role.eq(OWNER))
        .count()
        .get_result(conn)?)
}

fn current_role(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
) -> Result<String, AppError> {
    crate::associations::access::role_of(conn, association_id, user_id)?.ok_or(AppError::NotFound)
}

/// Changes a member's role; the last owner cannot be demoted.
pub fn change_role(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
    req: ChangeRole,
) -> Result<(), AppError> {
    check_role(&req.role)?;
    model::lock(conn, association_id)?;
    let role = current_role(conn, association_id, user_id)?;
    if role == OWNER && req.role != OWNER && owners(conn, association_id)? <= 1 {
        return Err(AppError::Conflict(
            "The last owner cannot be demoted; make someone else an owner first.".into(),
        ));
    }
    diesel::update(association_members::table.find((association_id, user_id)))
        .set(association_members::role.eq(&req.role))
        .execute(conn)?;
    Ok(())
}

/// Removes a member; the last owner cannot be removed.
pub fn remove(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
) -> Result<(), AppError> {
    model::lock(conn, association_id)?;
    let role = current_role(conn, association_id, user_id)?;
    if role == OWNER && owners(conn, association_id)? <= 1 {
        return Err(AppError::Conflict(
            "The last owner cannot be removed; make someone else an owner first.".into(),
        ));
    }
    diesel::delete(association_members::table.find((association_id, user_id))).execute(conn)?;
    Ok(())
}

/// Turns the invitations of a newly confirmed address into memberships.
pub fn accept_invitations(
    conn: &mut DbConnection,
    user_id: &str,
    email: &str,
) -> Result<(), AppError> {
    let invitations: Vec<(String, String)> = association_invitations::table
        .filter(association_invitations::email.eq(email))
        .select((
            association_invitations::association_id,
            association_invitations::role,
        ))
        .load(conn)?;
    for (association_id, role) in invitations {
        if crate::associations::access::role_of(conn, &association_id, user_id)?.is_none() {
            insert_member(conn, &association_id, user_id, &role)?;
        }
    }
    diesel::delete(association_invitations::table.filter(association_invitations::email.eq(email)))
        .execute(conn)?;
    Ok(())
}
