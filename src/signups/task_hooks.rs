//! What sign-ups add to tasks: the "can I sign up?" hint in a task's view, an edit refused
//! when it would put open sign-ups out of the age limits, the waitlist moving up after an
//! edit, and open sign-ups cancelled with their task. Plugged into
//! [`crate::tasks::hooks::Hooks`] at start-up, so that tasks never import sign-ups.

use crate::associations::model::Association;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::signups::join::{self, Refusal};
use crate::signups::{age_limits, decisions, transitions};
use crate::tasks::hooks::Hooks;
use crate::tasks::model::{SignUpStatus, Task};

/// The task hooks that sign-ups provide.
pub fn hooks() -> Hooks {
    Hooks {
        sign_up_hint,
        check_edit: age_limits::check_edit,
        edited: |conn, notifier, task| transitions::promote(conn, notifier, &task.id),
        cancelled: decisions::cancel_open,
    }
}

/// Whether `user_id` could sign up to the task now, and if not, why. The reasons are stable
/// codes a front end can translate (see [`Refusal`]); the same rules as signing up itself.
pub fn sign_up_hint(
    conn: &mut DbConnection,
    task: &Task,
    association: &Association,
    user_id: Option<&str>,
) -> Result<SignUpStatus, AppError> {
    let refusal = join::check(
        conn,
        task,
        association,
        user_id,
        chrono::Utc::now().naive_utc(),
    )?;
    Ok(SignUpStatus {
        can_sign_up: refusal.is_none(),
        reason: refusal.map(Refusal::reason),
    })
}
