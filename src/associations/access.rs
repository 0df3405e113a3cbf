//! Who may see and change an association. Pending and suspended associations are invisible
//! (404, not 403) to everyone but their members and administrators, so their existence does
//! not leak; a visible one answers 403 to a caller who may not change it.

use chrono::Utc;
use diesel::prelude::*;

use crate::accounts::model::{age_on, is_admin};
use crate::associations::model::{self, Association, OWNER, OWNER_MIN_AGE, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{association_members, users};
use crate::error::{AppError, ProblemType};

/// The caller as far as an association is concerned.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: Option<String>,
    pub is_admin: bool,
}

impl Viewer {
    /// Looks up the administrator role of a signed-in caller.
    pub fn load(conn: &mut DbConnection, user_id: Option<String>) -> Result<Self, AppError> {
        let is_admin = match &user_id {
            Some(id) => is_admin(conn, id)?,
            None => false,
        };
        Ok(Self { user_id, is_admin })
    }
}

/// The caller's role in an association, if they are a member.
pub fn role_of(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
) -> Result<Option<String>, AppError> {
    Ok(association_members::table
        .find((association_id, user_id))
        .select(association_members::role)
        .first(conn)
        .optional()?)
}

/// An association the viewer may see, with the viewer's role in it.
pub fn visible(
    conn: &mut DbConnection,
    key: &str,
    viewer: &Viewer,
) -> Result<(Association, Option<String>), AppError> {
    let association = model::find(conn, key)?.ok_or(AppError::NotFound)?;
    let role = match &viewer.user_id {
        Some(user_id) => role_of(conn, &association.id, user_id)?,
        None => None,
    };
    if association.status == VERIFIED || role.is_some() || viewer.is_admin {
        Ok((association, role))
    } else {
        Err(AppError::NotFound)
    }
}

/// An association the caller is a member of (owner or editor); returns the role.
pub fn member(
    conn: &mut DbConnection,
    key: &str,
    user_id: &str,
) -> Result<(Association, String), AppError> {
    let viewer = Viewer::load(conn, Some(user_id.to_owned()))?;
    match visible(conn, key, &viewer)? {
        (association, Some(role)) => Ok((association, role)),
        (_, None) => Err(AppError::Forbidden),
    }
}

/// An association the caller owns.
pub fn owner(conn: &mut DbConnection, key: &str, user_id: &str) -> Result<Association, AppError> {
    match member(conn, key, user_id)? {
        (association, role) if role == OWNER => Ok(association),
        _ => Err(AppError::Forbidden),
    }
}

/// Refuses the owner role to someone under [`OWNER_MIN_AGE`] today, wherever the role is
/// taken: creating an association, accepting an owner's invitation, being promoted, claiming.
/// An account without a birth date (only administrators made on the command line) may own.
pub fn may_own(conn: &mut DbConnection, user_id: &str) -> Result<(), AppError> {
    let birth_date: Option<chrono::NaiveDate> = users::table
        .find(user_id)
        .select(users::birth_date)
        .first(conn)
        .optional()?
        .flatten();
    match birth_date {
        Some(born) if age_on(born, Utc::now().date_naive()) < OWNER_MIN_AGE => {
            Err(AppError::ineligible(
                ProblemType::OwnerMustBeAdult,
                format!(
                    "An owner must be at least {OWNER_MIN_AGE} years old; a younger member can be an editor."
                ),
            ))
        }
        _ => Ok(()),
    }
}
