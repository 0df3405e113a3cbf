//! The task row, its public view, and the rules of who sees what.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::schema::{associations, task_categories, tasks};
use crate::error::AppError;
use crate::reference::places::Place;
use crate::tasks::draft::Draft;
use crate::tasks::status::TaskStatus;

/// A task as stored: its identity and state around the writable fields ([`Draft`]).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tasks)]
pub struct Task {
    pub id: String,
    pub association_id: String,
    #[diesel(embed)]
    pub fields: Draft,
    #[diesel(deserialize_as = String)]
    pub status: TaskStatus,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    /// Accepted sign-ups, kept in step by `signups` (a CHECK keeps it within `spots`).
    pub accepted_count: i32,
    /// When an administrator took the task down (a report of abuse): then nobody but its
    /// association sees it, whatever its status, and it cannot be published again until
    /// an administrator restores it.
    pub hidden_at: Option<NaiveDateTime>,
}

/// A task reads as its fields (`task.title`, `task.spots`): the split into [`Draft`] exists
/// so the field list is written once, not so that every reader spells `task.fields`.
impl std::ops::Deref for Task {
    type Target = Draft;

    fn deref(&self) -> &Draft {
        &self.fields
    }
}

impl Task {
    /// Whether the public sees it and can join it: published, not taken down, and of a
    /// verified association (`association_status`).
    pub fn is_public(&self, association_status: &str) -> bool {
        self.status == TaskStatus::Published
            && self.hidden_at.is_none()
            && association_status == crate::associations::model::VERIFIED
    }

    /// Free spots; `None` for a task without a limit.
    pub fn spots_left(&self) -> Option<i32> {
        self.spots.map(|s| (s - self.accepted_count).max(0))
    }

    /// Whether a spot is free (or there is no limit).
    pub fn has_free_spot(&self) -> bool {
        self.spots.is_none_or(|s| s > self.accepted_count)
    }

    /// Whether a volunteer can still join: a free spot, or a waitlist to go on.
    pub fn can_be_joined(&self) -> bool {
        self.waitlist || self.has_free_spot()
    }

    /// Whether the task's time is over, after which nobody joins or moves up.
    pub fn has_ended(&self, now: NaiveDateTime) -> bool {
        self.ends_at.is_some_and(|e| e < now)
    }

    /// Whether a waitlisted volunteer can still usefully move up: not after the task is
    /// over, and not once a one-off (fixed) event has begun.
    pub fn can_move_up(&self, now: NaiveDateTime) -> bool {
        let begun = self.schedule_type == "fixed" && self.starts_at.is_some_and(|s| s < now);
        self.status != TaskStatus::Cancelled && !self.has_ended(now) && !begun
    }
}

/// The association a task belongs to, as shown with the task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskAssociation {
    pub id: String,
    pub name: String,
    pub slug: String,
}

/// Whether the signed-in caller can sign up, and if not, why.
#[derive(Debug, Clone, Serialize)]
pub struct SignUpStatus {
    pub can_sign_up: bool,
    pub reason: Option<&'static str>,
}

/// A task as the API shows it: its fields flattened in, with names for its association
/// and municipality, its free spots and (for one task) whether the reader can sign up.
#[derive(Debug, Serialize)]
pub struct TaskView {
    pub id: String,
    pub association: TaskAssociation,
    pub categories: Vec<String>,
    pub municipality: Option<Place>,
    #[serde(flatten)]
    pub fields: Draft,
    pub spots_left: Option<i32>,
    /// The announcement text that act 148/2014 requires when the check is done.
    pub criminal_record_notice: Option<&'static str>,
    pub status: TaskStatus,
    /// On a single task: whether the reader can sign up, and why not (`null` in lists).
    pub sign_up: Option<SignUpStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// Taken down by the administrators (a report of abuse): only its association and the
    /// administrators see it, and it takes no sign-ups.
    pub hidden: bool,
}

/// Act 148/2014 requires the announcement to say that the extract will be checked.
pub const CRIMINAL_RECORD_NOTICE: &str = "Tehtävään valitun on esitettävä rikostaustaote (laki 148/2014). \
Den som väljs ska visa upp ett straffregisterutdrag (lag 148/2014). \
The person chosen must show a criminal record extract (act 148/2014).";

/// Where a task is, in one line for an email or a calendar: its address and its
/// municipality (Finnish name); `None` for a task with neither.
pub fn location(conn: &mut DbConnection, task: &Task) -> Result<Option<String>, AppError> {
    let municipality = match &task.municipality_code {
        Some(code) => crate::reference::places::places(conn, &[code.as_str()])?
            .pop()
            .map(|p| p.name_fi),
        None => None,
    };
    let parts: Vec<String> = [task.address.clone(), municipality]
        .into_iter()
        .flatten()
        .collect();
    Ok((!parts.is_empty()).then(|| parts.join(", ")))
}

/// Loads a task by id.
pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<Task>, AppError> {
    Ok(tasks::table
        .find(id)
        .select(Task::as_select())
        .first(conn)
        .optional()?)
}

/// Loads a task and, on PostgreSQL, locks its row until the transaction ends, so that
/// everything that counts its sign-ups (sign-up, accept, withdraw, spots edits, cancel)
/// runs one at a time per task. SQLite needs no row lock: `db::write_tx` takes the
/// database's write lock up front.
pub fn lock(conn: &mut DbConnection, id: &str) -> Result<Task, AppError> {
    let task = match conn {
        DbConnection::Postgres(pg) => tasks::table
            .find(id)
            .select(Task::as_select())
            .for_update()
            .first(pg)
            .optional()?,
        DbConnection::Sqlite(_) => find(conn, id)?,
    };
    task.ok_or(AppError::NotFound)
}

/// The categories of many tasks in one query.
pub fn categories_of(
    conn: &mut DbConnection,
    ids: &[&str],
) -> Result<Vec<(String, String)>, AppError> {
    Ok(task_categories::table
        .filter(task_categories::task_id.eq_any(ids))
        .order((task_categories::task_id, task_categories::category_slug))
        .select((task_categories::task_id, task_categories::category_slug))
        .load(conn)?)
}

/// Builds the views of many tasks with a fixed number of queries (no N+1).
pub fn views(conn: &mut DbConnection, rows: Vec<Task>) -> Result<Vec<TaskView>, AppError> {
    let association_ids: Vec<&str> = rows.iter().map(|t| t.association_id.as_str()).collect();
    let owners: Vec<(String, String, String)> = associations::table
        .filter(associations::id.eq_any(&association_ids))
        .select((associations::id, associations::name, associations::slug))
        .load(conn)?;
    let rows = rows
        .into_iter()
        .map(|t| {
            let association = owners
                .iter()
                .find(|(id, _, _)| *id == t.association_id)
                .map(|(id, name, slug)| TaskAssociation {
                    id: id.clone(),
                    name: name.clone(),
                    slug: slug.clone(),
                })
                .unwrap_or(TaskAssociation {
                    id: t.association_id.clone(),
                    name: String::new(),
                    slug: String::new(),
                });
            (t, association)
        })
        .collect();
    views_of(conn, rows)
}

/// [`views`] of tasks whose association the caller has already loaded (a search page
/// reads it in the same query as the tasks: one query fewer per page).
pub fn views_of(
    conn: &mut DbConnection,
    rows: Vec<(Task, TaskAssociation)>,
) -> Result<Vec<TaskView>, AppError> {
    let ids: Vec<&str> = rows.iter().map(|(t, _)| t.id.as_str()).collect();
    let categories = categories_of(conn, &ids)?;
    let codes: Vec<&str> = rows
        .iter()
        .filter_map(|(t, _)| t.municipality_code.as_deref())
        .collect();
    let places = crate::reference::places::places(conn, &codes)?;
    Ok(rows
        .into_iter()
        .map(|(t, association)| {
            let categories = categories
                .iter()
                .filter(|(id, _)| *id == t.id)
                .map(|(_, c)| c.clone())
                .collect();
            let municipality = t
                .municipality_code
                .as_deref()
                .and_then(|c| places.iter().find(|p| p.code == c).cloned());
            view(t, association, categories, municipality)
        })
        .collect())
}

fn view(
    t: Task,
    association: TaskAssociation,
    categories: Vec<String>,
    municipality: Option<Place>,
) -> TaskView {
    TaskView {
        spots_left: t.spots_left(),
        criminal_record_notice: t.criminal_record_check.then_some(CRIMINAL_RECORD_NOTICE),
        id: t.id,
        association,
        categories,
        municipality,
        fields: t.fields,
        status: t.status,
        sign_up: None,
        created_at: t.created_at.and_utc(),
        updated_at: t.updated_at.and_utc(),
        published_at: t.published_at.map(|d| d.and_utc()),
        hidden: t.hidden_at.is_some(),
    }
}

/// Every task of an association, newest first (its members' list, drafts included).
pub fn of_association(
    conn: &mut DbConnection,
    association_id: &str,
) -> Result<Vec<Task>, AppError> {
    Ok(tasks::table
        .filter(tasks::association_id.eq(association_id))
        .order((tasks::created_at.desc(), tasks::id.desc()))
        .select(Task::as_select())
        .load(conn)?)
}
