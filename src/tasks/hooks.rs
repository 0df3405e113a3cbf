//! What features above tasks add to them, plugged in at start-up. Sign-ups sit above tasks
//! (they import tasks, never the reverse), yet a task's view says whether the reader can sign
//! up, an edit must keep its sign-ups within the age limits, and editing or cancelling a task
//! moves its sign-ups; these function pointers let the task code call that without importing
//! `signups`. `startup.rs` wires them, and so does the demo seed.

use crate::associations::model::Association;
use crate::db::DbConnection;
use crate::email::Notifier;
use crate::error::AppError;
use crate::tasks::model::{SignUpStatus, Task};

/// The reactions and view parts of the features above tasks.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// Whether `user_id` (or an anonymous reader) could sign up to the task now, and why not.
    pub sign_up_hint:
        fn(&mut DbConnection, &Task, &Association, Option<&str>) -> Result<SignUpStatus, AppError>,
    /// Before an edit is written, inside its transaction and under the task's lock, with
    /// the task as stored and as the edit would leave it: refuses an edit that the task's
    /// sign-ups rule out (one that would leave an open sign-up outside the age limits).
    pub check_edit: fn(&mut DbConnection, &Task, &Task) -> Result<(), AppError>,
    /// After an edit, inside its transaction (more spots may move the waitlist up).
    pub edited: fn(&mut DbConnection, &Notifier, &Task) -> Result<(), AppError>,
    /// After the task was cancelled, inside the same transaction.
    pub cancelled: fn(&mut DbConnection, &Notifier, &Task, &Association) -> Result<(), AppError>,
}
