//! The task row, its public view, and the rules of who sees what.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::associations::model::Place;
use crate::db::DbConnection;
use crate::db::schema::{associations, task_categories, tasks};
use crate::error::AppError;

pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";
pub const CLOSED: &str = "closed";
pub const CANCELLED: &str = "cancelled";

/// A task as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tasks)]
pub struct Task {
    pub id: String,
    pub association_id: String,
    pub title: String,
    pub description: String,
    pub municipality_code: Option<String>,
    pub address: Option<String>,
    pub remote_online: bool,
    pub remote_phone: bool,
    pub schedule_type: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub estimated_hours: Option<f64>,
    pub spots: Option<i32>,
    pub approval_mode: String,
    pub waitlist: bool,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub languages: String,
    pub beginner_friendly: bool,
    pub supported: bool,
    pub criminal_record_check: bool,
    pub application_deadline: Option<NaiveDateTime>,
    pub contact_person: Option<String>,
    pub placement: Option<String>,
    pub status: String,
    pub search_document: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    /// Accepted sign-ups, kept in step by `signups` (a CHECK keeps it within `spots`).
    pub accepted_count: i32,
}

impl Task {
    /// Free spots; `None` for a task without a limit.
    pub fn spots_left(&self) -> Option<i32> {
        self.spots.map(|s| (s - self.accepted_count).max(0))
    }

    /// Whether the task's time is over, after which nobody joins or moves up.
    pub fn has_ended(&self, now: NaiveDateTime) -> bool {
        self.ends_at.is_some_and(|e| e < now)
    }

    /// Whether a waitlisted volunteer can still usefully move up: not after the task is
    /// over, and not once a one-off (fixed) event has begun.
    pub fn can_move_up(&self, now: NaiveDateTime) -> bool {
        let begun = self.schedule_type == "fixed" && self.starts_at.is_some_and(|s| s < now);
        self.status != CANCELLED && !self.has_ended(now) && !begun
    }
}

/// Student placement (harjoittelupaikka) details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub field_of_study: String,
    pub duration: Option<String>,
    /// Whether the placement counts for study credits.
    pub credits: bool,
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

/// A task as the API shows it.
#[derive(Debug, Serialize)]
pub struct TaskView {
    pub id: String,
    pub association: TaskAssociation,
    pub title: String,
    pub description: String,
    pub categories: Vec<String>,
    pub municipality: Option<Place>,
    pub address: Option<String>,
    pub remote_online: bool,
    pub remote_phone: bool,
    pub schedule_type: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub estimated_hours: Option<f64>,
    pub spots: Option<i32>,
    pub spots_left: Option<i32>,
    pub approval_mode: String,
    pub waitlist: bool,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub languages: Vec<String>,
    pub beginner_friendly: bool,
    pub supported: bool,
    pub criminal_record_check: bool,
    /// The announcement text that act 148/2014 requires when the check is done.
    pub criminal_record_notice: Option<&'static str>,
    pub application_deadline: Option<DateTime<Utc>>,
    pub contact_person: Option<String>,
    pub placement: Option<Placement>,
    pub status: String,
    pub sign_up: Option<SignUpStatus>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

/// Act 148/2014 requires the announcement to say that the extract will be checked.
pub const CRIMINAL_RECORD_NOTICE: &str = "Tehtävään valitun on esitettävä rikostaustaote (laki 148/2014). \
Den som väljs ska visa upp ett straffregisterutdrag (lag 148/2014). \
The person chosen must show a criminal record extract (act 148/2014).";

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
    let ids: Vec<&str> = rows.iter().map(|t| t.id.as_str()).collect();
    let categories = categories_of(conn, &ids)?;
    let association_ids: Vec<&str> = rows.iter().map(|t| t.association_id.as_str()).collect();
    let owners: Vec<(String, String, String)> = associations::table
        .filter(associations::id.eq_any(&association_ids))
        .select((associations::id, associations::name, associations::slug))
        .load(conn)?;
    let codes: Vec<&str> = rows
        .iter()
        .filter_map(|t| t.municipality_code.as_deref())
        .collect();
    let places = crate::associations::model::places(conn, &codes)?;
    Ok(rows
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
    let spots_left = t.spots_left();
    TaskView {
        id: t.id,
        association,
        title: t.title,
        description: t.description,
        categories,
        municipality,
        address: t.address,
        remote_online: t.remote_online,
        remote_phone: t.remote_phone,
        schedule_type: t.schedule_type,
        starts_at: t.starts_at.map(|d| d.and_utc()),
        ends_at: t.ends_at.map(|d| d.and_utc()),
        estimated_hours: t.estimated_hours,
        spots_left,
        spots: t.spots,
        approval_mode: t.approval_mode,
        waitlist: t.waitlist,
        min_age: t.min_age,
        max_age: t.max_age,
        languages: serde_json::from_str(&t.languages).unwrap_or_default(),
        beginner_friendly: t.beginner_friendly,
        supported: t.supported,
        criminal_record_notice: t.criminal_record_check.then_some(CRIMINAL_RECORD_NOTICE),
        criminal_record_check: t.criminal_record_check,
        application_deadline: t.application_deadline.map(|d| d.and_utc()),
        contact_person: t.contact_person,
        placement: t
            .placement
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok()),
        status: t.status,
        sign_up: None,
        created_at: t.created_at.and_utc(),
        updated_at: t.updated_at.and_utc(),
        published_at: t.published_at.map(|d| d.and_utc()),
    }
}
