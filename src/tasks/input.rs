//! Creating and editing tasks. A PATCH is applied to the stored task first and the result
//! is checked as a whole, so rules that tie fields together (end after start, deadline
//! before start, a place unless remote) hold whichever fields a request changes.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use crate::api::present;
use crate::db::DbConnection;
use crate::db::schema::{categories, task_categories, tasks};
use crate::error::{AppError, FieldError};
use crate::tasks::model::{Placement, Task};

/// Languages a task may be done in (ISO 639 codes): the national ones, Sámi, and the
/// languages most spoken by newcomers in Finland.
pub const LANGUAGES: &[&str] = &[
    "fi", "sv", "en", "se", "smn", "sms", "ru", "et", "ar", "so", "fa", "ku", "uk", "sq", "vi",
    "zh", "es", "de", "fr", "tr", "th", "pl", "fil", "sgn",
];

/// Body of `POST /associations/{id}/tasks` and `PATCH /tasks/{id}`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub categories: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub municipality_code: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub address: Option<Option<String>>,
    pub remote_online: Option<bool>,
    pub remote_phone: Option<bool>,
    pub schedule_type: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub starts_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub ends_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub estimated_hours: Option<Option<f64>>,
    /// `null` means unlimited.
    #[serde(default, deserialize_with = "present")]
    pub spots: Option<Option<i32>>,
    pub approval_mode: Option<String>,
    pub waitlist: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub min_age: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    pub max_age: Option<Option<i32>>,
    pub languages: Option<Vec<String>>,
    pub beginner_friendly: Option<bool>,
    pub supported: Option<bool>,
    pub criminal_record_check: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub application_deadline: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub contact_person: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub placement: Option<Option<Placement>>,
}

/// Every writable field of a task, as it will be stored.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = tasks, treat_none_as_null = true)]
pub struct Draft {
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
}

impl Draft {
    /// The starting point of a new task: everything empty, manual approval, no waitlist.
    fn empty() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            municipality_code: None,
            address: None,
            remote_online: false,
            remote_phone: false,
            schedule_type: String::new(),
            starts_at: None,
            ends_at: None,
            estimated_hours: None,
            spots: None,
            approval_mode: "manual".into(),
            waitlist: false,
            min_age: None,
            max_age: None,
            languages: "[\"fi\"]".into(),
            beginner_friendly: false,
            supported: false,
            criminal_record_check: false,
            application_deadline: None,
            contact_person: None,
            placement: None,
        }
    }

    fn from_task(t: &Task) -> Self {
        Self {
            title: t.title.clone(),
            description: t.description.clone(),
            municipality_code: t.municipality_code.clone(),
            address: t.address.clone(),
            remote_online: t.remote_online,
            remote_phone: t.remote_phone,
            schedule_type: t.schedule_type.clone(),
            starts_at: t.starts_at,
            ends_at: t.ends_at,
            estimated_hours: t.estimated_hours,
            spots: t.spots,
            approval_mode: t.approval_mode.clone(),
            waitlist: t.waitlist,
            min_age: t.min_age,
            max_age: t.max_age,
            languages: t.languages.clone(),
            beginner_friendly: t.beginner_friendly,
            supported: t.supported,
            criminal_record_check: t.criminal_record_check,
            application_deadline: t.application_deadline,
            contact_person: t.contact_person.clone(),
            placement: t.placement.clone(),
        }
    }
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Applies an input to a task (or to an empty draft) and checks the result. Returns the
/// draft and the categories to store (`None`: leave them).
pub fn prepare(
    conn: &mut DbConnection,
    existing: Option<&Task>,
    input: TaskInput,
) -> Result<(Draft, Option<Vec<String>>), AppError> {
    let creating = existing.is_none();
    let mut d = existing.map_or_else(Draft::empty, Draft::from_task);
    let mut errors: Vec<FieldError> = Vec::new();
    let mut fail =
        |field: &str, code: &str, message: &str| errors.push(FieldError::new(field, code, message));

    if let Some(title) = input.title {
        d.title = title.trim().to_owned();
    }
    if let Some(description) = input.description {
        d.description = description.trim().to_owned();
    }
    if let Some(v) = input.municipality_code {
        d.municipality_code = trimmed(v);
    }
    if let Some(v) = input.address {
        d.address = trimmed(v);
    }
    if let Some(v) = input.remote_online {
        d.remote_online = v;
    }
    if let Some(v) = input.remote_phone {
        d.remote_phone = v;
    }
    if let Some(v) = input.schedule_type {
        d.schedule_type = v;
    }
    if let Some(v) = input.starts_at {
        d.starts_at = v.map(|t| t.naive_utc());
    }
    if let Some(v) = input.ends_at {
        d.ends_at = v.map(|t| t.naive_utc());
    }
    if let Some(v) = input.estimated_hours {
        d.estimated_hours = v;
    }
    if let Some(v) = input.spots {
        d.spots = v;
    }
    if let Some(v) = input.approval_mode {
        d.approval_mode = v;
    }
    if let Some(v) = input.waitlist {
        d.waitlist = v;
    }
    if let Some(v) = input.min_age {
        d.min_age = v;
    }
    if let Some(v) = input.max_age {
        d.max_age = v;
    }
    if let Some(v) = input.beginner_friendly {
        d.beginner_friendly = v;
    }
    if let Some(v) = input.supported {
        d.supported = v;
    }
    if let Some(v) = input.criminal_record_check {
        d.criminal_record_check = v;
    }
    if let Some(v) = input.application_deadline {
        d.application_deadline = v.map(|t| t.naive_utc());
    }
    if let Some(v) = input.contact_person {
        d.contact_person = trimmed(v);
    }
    if let Some(v) = input.placement {
        if let Some(p) = &v {
            if p.field_of_study.trim().is_empty() || p.field_of_study.chars().count() > 200 {
                fail(
                    "placement.field_of_study",
                    "invalid",
                    "Name the field of study (1–200 characters).",
                );
            }
            if p.duration.as_ref().is_some_and(|s| s.chars().count() > 200) {
                fail(
                    "placement.duration",
                    "too_long",
                    "Use at most 200 characters.",
                );
            }
        }
        d.placement = v.and_then(|p| serde_json::to_string(&p).ok());
    }
    if let Some(mut languages) = input.languages {
        languages.sort();
        languages.dedup();
        if languages.is_empty() {
            fail("languages", "required", "Name at least one language.");
        }
        for (i, code) in languages.iter().enumerate() {
            if !LANGUAGES.contains(&code.as_str()) {
                fail(
                    &format!("languages[{i}]"),
                    "unknown_value",
                    "Use an ISO 639 code such as fi, sv, en, ru, ar.",
                );
            }
        }
        d.languages = serde_json::to_string(&languages).unwrap_or_else(|_| "[]".into());
    }

    if !(5..=150).contains(&d.title.chars().count()) {
        fail(
            "title",
            if d.title.is_empty() {
                "required"
            } else {
                "invalid"
            },
            "The title must be 5–150 characters.",
        );
    }
    if !(20..=10_000).contains(&d.description.chars().count()) {
        fail(
            "description",
            if d.description.is_empty() {
                "required"
            } else {
                "invalid"
            },
            "The description must be 20–10000 characters.",
        );
    }
    if !["fixed", "flexible", "ongoing"].contains(&d.schedule_type.as_str()) {
        fail(
            "schedule_type",
            if d.schedule_type.is_empty() {
                "required"
            } else {
                "unknown_value"
            },
            "The schedule type is fixed, flexible or ongoing.",
        );
    } else if d.schedule_type != "ongoing" && (d.starts_at.is_none() || d.ends_at.is_none()) {
        let field = if d.starts_at.is_none() {
            "starts_at"
        } else {
            "ends_at"
        };
        fail(
            field,
            "required",
            "A fixed or flexible task has a start and an end.",
        );
    }
    if let (Some(start), Some(end)) = (d.starts_at, d.ends_at)
        && end < start
    {
        fail(
            "ends_at",
            "before_start",
            "The end cannot be before the start.",
        );
    }
    if let (Some(deadline), Some(start)) = (d.application_deadline, d.starts_at)
        && deadline > start
    {
        fail(
            "application_deadline",
            "after_start",
            "The application deadline cannot be after the start.",
        );
    }
    if let Some(min) = d.min_age
        && !(13..=120).contains(&min)
    {
        fail("min_age", "out_of_range", "The minimum age is 13–120.");
    }
    if let Some(max) = d.max_age
        && (!(13..=120).contains(&max) || d.min_age.is_some_and(|min| max < min))
    {
        fail(
            "max_age",
            "out_of_range",
            "The maximum age is 13–120 and not below the minimum.",
        );
    }
    if d.spots.is_some_and(|s| !(1..=100_000).contains(&s)) {
        fail(
            "spots",
            "out_of_range",
            "Give at least one spot, or null for unlimited.",
        );
    }
    if let (Some(spots), Some(task)) = (d.spots, existing)
        && spots < task.accepted_count
    {
        fail(
            "spots",
            "below_accepted",
            "More volunteers are already accepted than that; decline some first.",
        );
    }
    if d.estimated_hours
        .is_some_and(|h| !(h > 0.0 && h <= 10_000.0))
    {
        fail(
            "estimated_hours",
            "out_of_range",
            "Give the estimate in hours, more than 0.",
        );
    }
    if !["manual", "automatic"].contains(&d.approval_mode.as_str()) {
        fail(
            "approval_mode",
            "unknown_value",
            "The approval mode is manual or automatic.",
        );
    }
    if d.municipality_code.is_none() && !d.remote_online && !d.remote_phone {
        fail(
            "municipality_code",
            "required",
            "Give the municipality, or mark the task as remote.",
        );
    }
    if d.address.as_ref().is_some_and(|a| a.chars().count() > 300) {
        fail("address", "too_long", "Use at most 300 characters.");
    }
    if d.contact_person
        .as_ref()
        .is_some_and(|a| a.chars().count() > 200)
    {
        fail("contact_person", "too_long", "Use at most 200 characters.");
    }
    if let Some(code) = d.municipality_code.clone()
        && let Some(e) =
            crate::accounts::model::check_municipality(conn, "municipality_code", &code)?
    {
        errors.push(e);
    }
    let categories = match input.categories {
        Some(mut list) => {
            list.sort();
            list.dedup();
            if list.is_empty() || list.len() > 5 {
                errors.push(FieldError::new(
                    "categories",
                    "count",
                    "Give 1–5 categories.",
                ));
            }
            let known: Vec<String> = categories::table
                .filter(categories::slug.eq_any(&list))
                .select(categories::slug)
                .load(conn)?;
            for (i, slug) in list.iter().enumerate() {
                if !known.contains(slug) {
                    errors.push(FieldError::new(
                        format!("categories[{i}]"),
                        "unknown_value",
                        "Use a slug from GET /api/v1/categories.",
                    ));
                }
            }
            Some(list)
        }
        None if creating => {
            errors.push(FieldError::new(
                "categories",
                "required",
                "Give 1–5 categories.",
            ));
            None
        }
        None => None,
    };
    if errors.is_empty() {
        Ok((d, categories))
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(AppError::Validation(errors))
    }
}

/// Replaces a task's categories.
pub fn set_categories(
    conn: &mut DbConnection,
    task_id: &str,
    list: &[String],
) -> Result<(), AppError> {
    diesel::delete(task_categories::table.filter(task_categories::task_id.eq(task_id)))
        .execute(conn)?;
    for slug in list {
        diesel::insert_into(task_categories::table)
            .values((
                task_categories::task_id.eq(task_id),
                task_categories::category_slug.eq(slug),
            ))
            .execute(conn)?;
    }
    Ok(())
}
