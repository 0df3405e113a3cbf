//! What matching knows about a volunteer: their profile, where they live, what they did
//! and liked, and the tasks they are already part of.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{
    municipalities, signups, task_categories, user_availability, user_interests, users,
};
use crate::error::AppError;
use crate::i18n::Language;
use crate::matching::weights::LIKED_RATING;
use crate::signups::status::SignupStatus;

/// The account's columns matching reads (birth date, municipality, its region, language,
/// whether they asked for support), with one interest and one availability slot.
type Row = (
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    String,
    bool,
    Option<String>,
    Option<String>,
);

/// The volunteer's side of a match.
#[derive(Debug, Clone, Default)]
pub struct Volunteer {
    pub birth_date: Option<NaiveDate>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    /// The service language they chose (`fi`, `sv`, `en`): tasks in it rank higher.
    pub language: String,
    pub interests: Vec<String>,
    pub availability: Vec<String>,
    pub wants_support: bool,
    /// How many tasks they have completed (none: beginner-friendly tasks rank higher).
    pub completed: i64,
    /// Categories of completed tasks they rated [`LIKED_RATING`] or better.
    pub liked: Vec<String>,
    /// Tasks they cannot sign up to again: an open sign-up, or one completed.
    pub taken: Vec<String>,
}

impl Volunteer {
    /// Loads the volunteer `user_id`.
    pub fn load(conn: &mut DbConnection, user_id: &str) -> Result<Self, AppError> {
        // The account, its region, interests and availability in one reading: a
        // recommendation is asked for on every visit, so its round trips count. The two
        // lists multiply (at most 30 interests by 5 slots, so at most 150 narrow rows).
        let rows: Vec<Row> = users::table
            .left_join(municipalities::table)
            .left_join(user_interests::table)
            .left_join(user_availability::table)
            .filter(users::id.eq(user_id))
            .select((
                users::birth_date,
                users::municipality_code,
                municipalities::region_code.nullable(),
                users::language,
                users::wants_support,
                user_interests::category_slug.nullable(),
                user_availability::slot.nullable(),
            ))
            .load(conn)?;
        let (birth_date, municipality, region, language, wants_support, ..) =
            rows.first().cloned().ok_or(AppError::NotFound)?;
        let (mut interests, mut availability) = (Vec::new(), Vec::new());
        for (.., interest, slot) in rows {
            interests.extend(interest);
            availability.extend(slot);
        }
        for list in [&mut interests, &mut availability] {
            list.sort();
            list.dedup();
        }
        let mut taken_statuses: Vec<&str> = SignupStatus::OPEN.iter().map(|s| s.as_str()).collect();
        taken_statuses.push(SignupStatus::Completed.as_str());
        let mine: Vec<(String, String, Option<i32>)> = signups::table
            .filter(signups::volunteer_id.eq(user_id))
            .filter(signups::status.eq_any(&taken_statuses))
            .select((signups::task_id, signups::status, signups::volunteer_rating))
            .order(signups::task_id)
            .load(conn)?;
        let completed_str = SignupStatus::Completed.as_str();
        let completed = mine.iter().filter(|(_, s, _)| s == completed_str).count() as i64;
        let liked_tasks: Vec<&str> = mine
            .iter()
            .filter(|(_, s, rating)| {
                s == completed_str && rating.is_some_and(|r| r >= LIKED_RATING)
            })
            .map(|(id, ..)| id.as_str())
            .collect();
        let mut liked: Vec<String> = if liked_tasks.is_empty() {
            Vec::new()
        } else {
            task_categories::table
                .filter(task_categories::task_id.eq_any(&liked_tasks))
                .select(task_categories::category_slug)
                .load(conn)?
        };
        liked.sort();
        liked.dedup();
        let mut taken: Vec<String> = mine.into_iter().map(|(id, ..)| id).collect();
        taken.dedup();
        Ok(Self {
            birth_date,
            municipality,
            region,
            language: Language::from_code(&language).code().to_owned(),
            interests,
            availability,
            wants_support,
            completed,
            liked,
            taken,
        })
    }

    /// Profile fields that would make recommendations better, for a hint: the empty ones
    /// among birth date (without it only tasks without age limits can be offered),
    /// municipality, interests and availability.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.birth_date.is_none() {
            out.push("birth_date");
        }
        if self.municipality.is_none() {
            out.push("municipality_code");
        }
        if self.interests.is_empty() {
            out.push("interests");
        }
        if self.availability.is_empty() {
            out.push("availability");
        }
        out
    }
}
