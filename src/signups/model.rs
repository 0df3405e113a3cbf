//! The sign-up row, its states, and the one question every route asks: who is the caller
//! to this sign-up?

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::associations::access;
use crate::associations::model::{self as associations_model, Association};
use crate::db::DbConnection;
use crate::db::schema::signups;
use crate::error::AppError;
use crate::signups::status::SignupStatus;
use crate::tasks::model::{self as tasks_model, Task};

/// A sign-up as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = signups)]
pub struct Signup {
    pub id: String,
    pub task_id: String,
    /// `None` once the volunteer erased their account: the row stays, anonymous, for the
    /// figures (only closed sign-ups; open ones are withdrawn first).
    pub volunteer_id: Option<String>,
    pub message: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: SignupStatus,
    pub referral_id: Option<String>,
    pub hours: Option<f64>,
    pub record_checked_on: Option<NaiveDate>,
    pub record_checked_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    pub completed_by: Option<String>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub volunteer_rating: Option<i32>,
    pub volunteer_comment: Option<String>,
    pub volunteer_feedback_at: Option<NaiveDateTime>,
    pub association_rating: Option<i32>,
    pub association_comment: Option<String>,
    pub association_feedback_at: Option<NaiveDateTime>,
    pub association_feedback_by: Option<String>,
}

impl Signup {
    /// The volunteer; `NotFound` for an anonymous row whose volunteer erased their account,
    /// on which nothing more happens.
    pub fn volunteer(&self) -> Result<&str, AppError> {
        self.volunteer_id.as_deref().ok_or(AppError::NotFound)
    }
}

/// Loads a sign-up by id.
pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Signup>, AppError> {
    Ok(signups::table
        .find(id)
        .select(Signup::as_select())
        .first(conn)
        .optional()?)
}

/// How the caller stands to a sign-up. Minors' data is involved, so nobody else (not even
/// an administrator) learns that the sign-up exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The volunteer who signed up.
    Volunteer,
    /// A member of the task's association.
    Association,
}

/// A sign-up with its task and association, as seen by one side.
#[derive(Debug, Clone)]
pub struct Context {
    pub signup: Signup,
    pub task: Task,
    pub association: Association,
    pub side: Side,
}

/// Loads a sign-up the caller may see, or 404. Someone who is both the volunteer and a
/// member of the association sees it as the volunteer.
pub fn visible(
    conn: &mut DbConnection,
    signup_id: &str,
    user_id: &str,
) -> Result<Context, AppError> {
    let signup = find(conn, signup_id)?.ok_or(AppError::NotFound)?;
    let task = tasks_model::find(conn, &signup.task_id)?.ok_or(AppError::NotFound)?;
    let association =
        associations_model::find(conn, &task.association_id)?.ok_or(AppError::NotFound)?;
    let side = if signup.volunteer_id.as_deref() == Some(user_id) {
        Side::Volunteer
    } else if access::role_of(conn, &association.id, user_id)?.is_some() {
        Side::Association
    } else {
        return Err(AppError::NotFound);
    };
    Ok(Context {
        signup,
        task,
        association,
        side,
    })
}

/// Like [`visible`], for an action only `side` may take: the other side gets 403 (they can
/// see the sign-up, so hiding it would only confuse), everyone else 404.
pub fn for_side(
    conn: &mut DbConnection,
    signup_id: &str,
    user_id: &str,
    side: Side,
) -> Result<Context, AppError> {
    let ctx = visible(conn, signup_id, user_id)?;
    if ctx.side == side {
        return Ok(ctx);
    }
    // A volunteer who is also a member is the volunteer on their own sign-up: they cannot
    // accept themselves.
    Err(AppError::Forbidden)
}
