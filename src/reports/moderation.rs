//! What administrators do about a report: take a task down (and put it back), suspend a
//! user account (and lift it). Associations are suspended with the existing
//! `POST /admin/associations/{id}/suspend`. Each writes its audit row in its transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::counsellors::lock_account;
use crate::audit::{self, Action, Entry, TargetKind};
use crate::auth::sessions;
use crate::db::DbConnection;
use crate::db::schema::{tasks, users};
use crate::error::AppError;
use crate::tasks::lifecycle::touch;

/// Why the sessions of a suspended account ended (`sessions.revoke_reason`).
const SUSPENDED: &str = "suspended";

/// Takes a task down (`hide`) or puts it back: out of search at once (the change feed, in
/// this transaction), closed to sign-ups and hidden from everyone but its association and
/// the administrators. Doing what is already so changes nothing and records nothing.
pub fn set_task_hidden(
    conn: &mut DbConnection,
    admin_id: &str,
    task_id: &str,
    hide: bool,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let hidden_at: Option<NaiveDateTime> = tasks::table
        .find(task_id)
        .select(tasks::hidden_at)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    if hidden_at.is_some() == hide {
        return Ok(());
    }
    diesel::update(tasks::table.find(task_id))
        .set(tasks::hidden_at.eq(hide.then_some(now)))
        .execute(conn)?;
    touch(conn, task_id)?;
    let action = if hide {
        Action::TaskHidden
    } else {
        Action::TaskRestored
    };
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), action, TargetKind::Task, task_id),
    )?;
    Ok(())
}

/// Suspends a user account (`suspend`) or lifts the suspension. A suspended account cannot
/// log in and every session it had ends now. An administrator cannot suspend themselves
/// (`409`), so the region never locks itself out by a slip.
pub fn set_user_suspended(
    conn: &mut DbConnection,
    admin_id: &str,
    user_id: &str,
    suspend: bool,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    // The same lock a login takes before it starts a session.
    lock_account(conn, user_id)?;
    let suspended_at: Option<NaiveDateTime> = users::table
        .find(user_id)
        .select(users::suspended_at)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    if suspend && user_id == admin_id {
        return Err(AppError::Conflict(
            "An administrator cannot suspend their own account.".into(),
        ));
    }
    if suspended_at.is_some() == suspend {
        return Ok(());
    }
    diesel::update(users::table.find(user_id))
        .set(users::suspended_at.eq(suspend.then_some(now)))
        .execute(conn)?;
    if suspend {
        sessions::revoke_all(conn, user_id, SUSPENDED)?;
    }
    let action = if suspend {
        Action::UserSuspended
    } else {
        Action::UserReinstated
    };
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), action, TargetKind::User, user_id),
    )?;
    Ok(())
}
