//! The user's own profile: `GET /me` and `PATCH /me`.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::counsellors;
use crate::accounts::model::check_display_name;
use crate::accounts::model::{self, User, age_on};
use crate::api::text;
use crate::db::DbConnection;
use crate::db::schema::{categories, user_availability, user_interests, users};
use crate::error::{AppError, FieldError};
use crate::i18n::Language;

/// When a volunteer is usually free; used to match tasks later.
pub const AVAILABILITY_SLOTS: &[&str] = &[
    "weekday_daytime",
    "weekday_evenings",
    "weekends",
    "school_holidays",
    "remote_only",
];
/// Genders accepted for aggregate statistics; the field is optional.
pub const GENDERS: &[&str] = &["female", "male", "other"];
/// Upper bound on interests, so one profile cannot grow without limit.
pub const MAX_INTERESTS: usize = 30;

/// The profile as the owner sees it.
#[derive(Debug, Serialize)]
pub struct Profile {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub birth_date: Option<NaiveDate>,
    pub age: Option<i32>,
    pub municipality_code: Option<String>,
    pub language: Language,
    pub gender: Option<String>,
    pub interests: Vec<String>,
    pub availability: Vec<String>,
    /// Whether they asked for tasks with support (a named contact, guidance).
    pub wants_support: bool,
    pub email_verified: bool,
    pub roles: Vec<&'static str>,
    /// The service counsellor role, while the user holds it: the organisation, title and
    /// municipality an administrator approved.
    pub counsellor: Option<counsellors::Role>,
    /// RFC 3339 in UTC (`…Z`); the database keeps naive UTC.
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `PATCH /me` body: every field optional; `null` clears a clearable one.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilePatch {
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "crate::api::present")]
    pub municipality_code: Option<Option<String>>,
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "crate::api::present")]
    pub gender: Option<Option<String>>,
    pub interests: Option<Vec<String>>,
    pub availability: Option<Vec<String>>,
    pub wants_support: Option<bool>,
}

/// Loads the profile of `user_id`.
pub fn load(conn: &mut DbConnection, user_id: &str) -> Result<Profile, AppError> {
    let user = model::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let interests = user_interests::table
        .filter(user_interests::user_id.eq(user_id))
        .select(user_interests::category_slug)
        .order(user_interests::category_slug)
        .load(conn)?;
    let availability = user_availability::table
        .filter(user_availability::user_id.eq(user_id))
        .select(user_availability::slot)
        .order(user_availability::slot)
        .load(conn)?;
    let counsellor = counsellors::role_view(conn, user_id)?;
    Ok(to_profile(user, interests, availability, counsellor))
}

fn to_profile(
    user: User,
    interests: Vec<String>,
    availability: Vec<String>,
    counsellor: Option<counsellors::Role>,
) -> Profile {
    let verified = user.email_verified_at.is_some();
    let mut roles = Vec::new();
    if verified {
        roles.push("volunteer");
    }
    if counsellor.is_some() {
        roles.push("counsellor");
    }
    if user.is_admin {
        roles.push("admin");
    }
    Profile {
        age: user.birth_date.map(|b| age_on(b, Utc::now().date_naive())),
        id: user.id,
        email: user.email,
        display_name: user.display_name,
        birth_date: user.birth_date,
        municipality_code: user.municipality_code,
        language: Language::from_code(&user.language),
        gender: user.gender,
        interests,
        availability,
        wants_support: user.wants_support,
        email_verified: verified,
        roles,
        counsellor,
        created_at: user.created_at.and_utc(),
        updated_at: user.updated_at.and_utc(),
    }
}

fn check_set(field: &str, values: &[String], allowed: &[&str], max: usize) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if values.len() > max {
        errors.push(FieldError::new(
            field,
            "too_many",
            format!("At most {max} values."),
        ));
    }
    for (i, v) in values.iter().enumerate() {
        if !allowed.contains(&v.as_str()) {
            errors.push(FieldError::new(
                format!("{field}[{i}]"),
                "unknown_value",
                format!("'{v}' is not one of {}.", allowed.join(", ")),
            ));
        }
    }
    errors
}

/// Applies a patch in one transaction; every bad field is reported and nothing is written.
pub fn apply(
    conn: &mut DbConnection,
    user_id: &str,
    patch: ProfilePatch,
) -> Result<Profile, AppError> {
    let mut errors = Vec::new();
    let display_name = patch.display_name.as_deref().map(|n| text::nfc(n.trim()));
    if let Some(name) = &display_name {
        errors.extend(check_display_name("display_name", name));
    }
    if let Some(Some(code)) = &patch.municipality_code {
        errors.extend(model::check_municipality(conn, "municipality_code", code)?);
    }
    if let Some(Some(gender)) = &patch.gender
        && !GENDERS.contains(&gender.as_str())
    {
        errors.push(FieldError::new(
            "gender",
            "unknown_value",
            format!("Use one of {}, or null.", GENDERS.join(", ")),
        ));
    }
    let mut interests = patch.interests.clone();
    if let Some(list) = interests.as_mut() {
        list.sort();
        list.dedup();
        let known: Vec<String> = categories::table.select(categories::slug).load(conn)?;
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        errors.extend(check_set("interests", list, &known, MAX_INTERESTS));
    }
    let mut availability = patch.availability.clone();
    if let Some(list) = availability.as_mut() {
        list.sort();
        list.dedup();
        errors.extend(check_set(
            "availability",
            list,
            AVAILABILITY_SLOTS,
            AVAILABILITY_SLOTS.len(),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = Utc::now().naive_utc();
    let target = users::table.find(user_id);
    if let Some(name) = display_name {
        diesel::update(target)
            .set(users::display_name.eq(name))
            .execute(conn)?;
    }
    if let Some(code) = patch.municipality_code {
        diesel::update(target)
            .set(users::municipality_code.eq(code))
            .execute(conn)?;
    }
    if let Some(language) = patch.language {
        diesel::update(target)
            .set(users::language.eq(language.code()))
            .execute(conn)?;
    }
    if let Some(gender) = patch.gender {
        diesel::update(target)
            .set(users::gender.eq(gender))
            .execute(conn)?;
    }
    if let Some(wants) = patch.wants_support {
        diesel::update(target)
            .set(users::wants_support.eq(wants))
            .execute(conn)?;
    }
    if let Some(list) = interests {
        diesel::delete(user_interests::table.filter(user_interests::user_id.eq(user_id)))
            .execute(conn)?;
        for slug in &list {
            diesel::insert_into(user_interests::table)
                .values((
                    user_interests::user_id.eq(user_id),
                    user_interests::category_slug.eq(slug),
                ))
                .execute(conn)?;
        }
    }
    if let Some(list) = availability {
        diesel::delete(user_availability::table.filter(user_availability::user_id.eq(user_id)))
            .execute(conn)?;
        for slot in &list {
            diesel::insert_into(user_availability::table)
                .values((
                    user_availability::user_id.eq(user_id),
                    user_availability::slot.eq(slot),
                ))
                .execute(conn)?;
        }
    }
    diesel::update(target)
        .set(users::updated_at.eq(now))
        .execute(conn)?;
    load(conn, user_id)
}
