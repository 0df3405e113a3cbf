//! The `reports` table: making a report, the administrators' queue, and closing one.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model as accounts;
use crate::api::paging::{Page, paging};
use crate::associations::model::{self as associations_model, VERIFIED};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::{associations, reports, tasks};
use crate::db::stored::StoredEnum;
use crate::email::outbox;
use crate::email::templates::Template;
use crate::error::{AppError, FieldError};
use crate::i18n::Language;
use crate::tasks::model as tasks_model;

/// Longest `details` accepted, in characters.
pub const MAX_DETAILS_CHARS: usize = 2000;
/// Longest closing `note`, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Reports one signed-in user may make in 24 hours (anonymous ones are limited per address).
pub const PER_USER_PER_DAY: i64 = 20;

/// What is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Task,
    Association,
}

impl StoredEnum for Target {
    const WHAT: &'static str = "report target";
    const ALL: &'static [Self] = &[Self::Task, Self::Association];

    fn as_str(self) -> &'static str {
        match self {
            Self::Task => "task",
            Self::Association => "association",
        }
    }
}

/// Why, as the reporter picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    InappropriateForMinors,
    AsksForMoney,
    NotReal,
    Other,
}

impl StoredEnum for Reason {
    const WHAT: &'static str = "report reason";
    const ALL: &'static [Self] = &[
        Self::InappropriateForMinors,
        Self::AsksForMoney,
        Self::NotReal,
        Self::Other,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::InappropriateForMinors => "inappropriate_for_minors",
            Self::AsksForMoney => "asks_for_money",
            Self::NotReal => "not_real",
            Self::Other => "other",
        }
    }
}

/// Where a report stands in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    Open,
    Closed,
}

impl StoredEnum for ReportStatus {
    const WHAT: &'static str = "report status";
    const ALL: &'static [Self] = &[Self::Open, Self::Closed];

    fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
}

/// How a report ended, as the administrator records it when closing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Looked into; nothing to do.
    NoAction,
    /// The task was taken down (only for a report of a task).
    TaskHidden,
    /// The association (the reported one, or the reported task's) was suspended.
    AssociationSuspended,
    /// A user account behind it was suspended.
    UserSuspended,
}

impl StoredEnum for Outcome {
    const WHAT: &'static str = "report outcome";
    const ALL: &'static [Self] = &[
        Self::NoAction,
        Self::TaskHidden,
        Self::AssociationSuspended,
        Self::UserSuspended,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::NoAction => "no_action",
            Self::TaskHidden => "task_hidden",
            Self::AssociationSuspended => "association_suspended",
            Self::UserSuspended => "user_suspended",
        }
    }
}

/// `POST /reports` body's target.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    pub kind: String,
    pub id: String,
}

/// `POST /reports` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    pub target: TargetInput,
    pub reason: String,
    pub details: Option<String>,
}

/// `POST /admin/reports/{id}/close` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    pub outcome: String,
    pub note: Option<String>,
}

/// `GET /admin/reports` query.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    pub status: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// What the reporter gets back: enough to know it arrived.
#[derive(Debug, Serialize)]
pub struct Received {
    pub id: String,
    pub status: &'static str,
    pub created_at: DateTime<Utc>,
}

/// The reported thing as an administrator sees it in the queue.
#[derive(Debug, Serialize)]
pub struct TargetView {
    pub kind: &'static str,
    pub id: String,
    /// The task's title or the association's name; `null` once it was deleted.
    pub name: Option<String>,
    /// The task's or the association's status now.
    pub status: Option<String>,
    /// For a task: whether it is taken down now.
    pub hidden: Option<bool>,
    /// For a task: its association.
    pub association_id: Option<String>,
}

/// A report as administrators see it.
#[derive(Debug, Serialize)]
pub struct ReportView {
    pub id: String,
    pub target: TargetView,
    pub reason: &'static str,
    pub details: Option<String>,
    /// `null` for an anonymous report.
    pub reporter_id: Option<String>,
    pub status: &'static str,
    pub outcome: Option<&'static str>,
    pub note: Option<String>,
    pub closed_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = reports)]
struct Row {
    id: String,
    target_kind: String,
    target_id: String,
    reason: String,
    details: Option<String>,
    reporter_id: Option<String>,
    status: String,
    outcome: Option<String>,
    note: Option<String>,
    closed_by: Option<String>,
    created_at: NaiveDateTime,
    closed_at: Option<NaiveDateTime>,
}

/// An optional free text: at most `max` characters as sent, then tidied; empty is none.
fn free_text(field: &str, raw: Option<String>, max: usize) -> Result<Option<String>, AppError> {
    let Some(raw) = raw else { return Ok(None) };
    if raw.chars().count() > max {
        return Err(AppError::Validation(vec![FieldError::new(
            field,
            "too_long",
            format!("At most {max} characters."),
        )]));
    }
    let text =
        crate::api::text::multi_line(field, &raw).map_err(|e| AppError::Validation(vec![e]))?;
    Ok(Some(text).filter(|t| !t.is_empty()))
}

/// Whether the public can see the target now (only what the public sees can be reported;
/// anything else is a `404`, as it is everywhere else).
fn publicly_visible(conn: &mut DbConnection, target: Target, id: &str) -> Result<bool, AppError> {
    Ok(match target {
        Target::Task => match tasks_model::find(conn, id)? {
            Some(task) => {
                let status: String = associations::table
                    .find(&task.association_id)
                    .select(associations::status)
                    .first(conn)?;
                task.is_public(&status)
            }
            None => false,
        },
        Target::Association => {
            associations::table
                .find(id)
                .filter(associations::status.eq(VERIFIED))
                .count()
                .get_result::<i64>(conn)?
                > 0
        }
    })
}

/// Files a report by `reporter` (`None`: anonymous). A signed-in reporter may file
/// [`PER_USER_PER_DAY`] a day (`429` after).
pub fn create(
    conn: &mut DbConnection,
    reporter: Option<&str>,
    input: NewReport,
    now: NaiveDateTime,
) -> Result<Received, AppError> {
    let target = Target::from_param("target.kind", &input.target.kind);
    let reason = Reason::from_param("reason", &input.reason);
    let details = free_text("details", input.details, MAX_DETAILS_CHARS);
    let mut errors = Vec::new();
    for result in [
        target.as_ref().err(),
        reason.as_ref().err(),
        details.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    {
        if let AppError::Validation(fields) = result {
            errors.extend(fields.iter().cloned());
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (target, reason, details) = (target?, reason?, details?);
    if uuid::Uuid::parse_str(&input.target.id).is_err()
        || !publicly_visible(conn, target, &input.target.id)?
    {
        return Err(AppError::NotFound);
    }
    if let Some(reporter) = reporter {
        let recent: i64 = reports::table
            .filter(reports::reporter_id.eq(reporter))
            .filter(reports::created_at.gt(now - chrono::Duration::days(1)))
            .count()
            .get_result(conn)?;
        if recent >= PER_USER_PER_DAY {
            return Err(AppError::RateLimited {
                retry_after_secs: 3600,
            });
        }
    }
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(reports::table)
        .values((
            reports::id.eq(&id),
            reports::target_kind.eq(target.as_str()),
            reports::target_id.eq(&input.target.id),
            reports::reason.eq(reason.as_str()),
            reports::details.eq(details),
            reports::reporter_id.eq(reporter),
            reports::status.eq(ReportStatus::Open.as_str()),
            reports::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(Received {
        id,
        status: ReportStatus::Open.as_str(),
        created_at: now.and_utc(),
    })
}

/// The queue: reports with `status` (default `open`), oldest first, so the longest waiting
/// is handled first; closed ones newest first.
pub fn list(conn: &mut DbConnection, query: ReportQuery) -> Result<Page<ReportView>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let status = match query.status.as_deref() {
        None => ReportStatus::Open,
        Some(s) => ReportStatus::from_param("status", s)?,
    };
    let total: i64 = reports::table
        .filter(reports::status.eq(status.as_str()))
        .count()
        .get_result(conn)?;
    let base = reports::table
        .filter(reports::status.eq(status.as_str()))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Row::as_select());
    let rows: Vec<Row> = match status {
        ReportStatus::Open => base
            .order((reports::created_at.asc(), reports::id.asc()))
            .load(conn)?,
        ReportStatus::Closed => base
            .order((reports::closed_at.desc(), reports::id.desc()))
            .load(conn)?,
    };
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(view(conn, row)?);
    }
    Ok(Page {
        items,
        total,
        page,
        per_page,
    })
}

fn find(conn: &mut DbConnection, id: &str) -> Result<Row, AppError> {
    reports::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)
}

fn view(conn: &mut DbConnection, row: Row) -> Result<ReportView, AppError> {
    let kind = Target::from_stored(&row.target_kind).map_err(AppError::internal)?;
    let target = match kind {
        Target::Task => {
            let task: Option<(String, String, Option<NaiveDateTime>, String)> = tasks::table
                .find(&row.target_id)
                .select((
                    tasks::title,
                    tasks::status,
                    tasks::hidden_at,
                    tasks::association_id,
                ))
                .first(conn)
                .optional()?;
            TargetView {
                kind: kind.as_str(),
                id: row.target_id.clone(),
                name: task.as_ref().map(|t| t.0.clone()),
                status: task.as_ref().map(|t| t.1.clone()),
                hidden: task.as_ref().map(|t| t.2.is_some()),
                association_id: task.map(|t| t.3),
            }
        }
        Target::Association => {
            let association = associations_model::find(conn, &row.target_id)?;
            TargetView {
                kind: kind.as_str(),
                id: row.target_id.clone(),
                name: association.as_ref().map(|a| a.name.clone()),
                status: association.map(|a| a.status),
                hidden: None,
                association_id: None,
            }
        }
    };
    Ok(ReportView {
        id: row.id,
        target,
        reason: Reason::from_stored(&row.reason)
            .map_err(AppError::internal)?
            .as_str(),
        details: row.details,
        reporter_id: row.reporter_id,
        status: ReportStatus::from_stored(&row.status)
            .map_err(AppError::internal)?
            .as_str(),
        outcome: row
            .outcome
            .as_deref()
            .map(Outcome::from_stored)
            .transpose()
            .map_err(AppError::internal)?
            .map(Outcome::as_str),
        note: row.note,
        closed_by: row.closed_by,
        created_at: row.created_at.and_utc(),
        closed_at: row.closed_at.map(|t| t.and_utc()),
    })
}

/// Closes an open report with an outcome and a note (for the administrators; the reporter
/// is told only whether anything was done). A closed report is `409`; a
/// task taken down as the outcome of a report of an association is `422`.
pub fn close(
    conn: &mut DbConnection,
    admin_id: &str,
    id: &str,
    input: Closing,
    now: NaiveDateTime,
) -> Result<ReportView, AppError> {
    let outcome = Outcome::from_param("outcome", &input.outcome)?;
    let note = free_text("note", input.note, MAX_NOTE_CHARS)?;
    let row = find(conn, id)?;
    if outcome == Outcome::TaskHidden && row.target_kind != Target::Task.as_str() {
        return Err(AppError::field(
            "outcome",
            "not_a_task",
            "Only a report of a task can end with the task taken down.",
        ));
    }
    // Guarded by the status, so two administrators closing it at once close it once.
    let closed = diesel::update(
        reports::table
            .find(id)
            .filter(reports::status.eq(ReportStatus::Open.as_str())),
    )
    .set((
        reports::status.eq(ReportStatus::Closed.as_str()),
        reports::outcome.eq(outcome.as_str()),
        reports::note.eq(&note),
        reports::closed_by.eq(admin_id),
        reports::closed_at.eq(now),
    ))
    .execute(conn)?;
    if closed == 0 {
        return Err(AppError::wrong_state(
            ReportStatus::Closed.as_str(),
            "This report is already closed.",
        ));
    }
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), Action::ReportClosed, TargetKind::Report, id).detail(format!(
            "{} {}: {}",
            row.target_kind,
            row.target_id,
            outcome.as_str()
        )),
    )?;
    let row = find(conn, id)?;
    let report = view(conn, row)?;
    if let Some(reporter) = report.reporter_id.as_deref()
        && let Some(user) = accounts::find(conn, reporter)?
    {
        let template = Template::ReportClosed {
            name: user.display_name,
            target: report.target.name.clone().unwrap_or_default(),
            acted: outcome != Outcome::NoAction,
        };
        outbox::enqueue(
            conn,
            Some(&user.id),
            &user.email,
            &template.render(Language::from_code(&user.language)),
        )?;
    }
    Ok(report)
}
