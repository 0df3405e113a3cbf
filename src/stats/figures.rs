//! The figures: counted from the database for a period and an area, each table listing
//! every key it can have (a key left out would tell that its count is 0, and a hidden one
//! that it is not), then protected ([`suppression`]).
//!
//! Who is counted where:
//! - associations: verified ones (by the end of the period), by field of activity;
//! - tasks: those first published in the period, by category (a task with two categories
//!   counts in both, so that table has no total) and by schedule type;
//! - sign-ups: those made in the period, by state, by age band on the day of the sign-up
//!   and by gender (an erased volunteer's sign-up keeps its band and gender for this);
//! - completed hours: of sign-ups completed in the period;
//! - the median time from sign-up to decision: of the decisions made in the period;
//! - referrals: those made in the period, by outcome (for a counsellor, only those of their
//!   own organisation, as kept on each referral).
//!
//! An area is a region or a municipality: tasks and their sign-ups by the task's
//! municipality (a task without one is in no area), associations and referrals by the
//! association's.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::model::{age_band, age_on};
use crate::accounts::profile::GENDERS;
use crate::associations::model::VERIFIED;
use crate::db::DbConnection;
use crate::db::schema::{
    associations, categories, municipalities, referrals, regions, signups, task_categories, tasks,
    users,
};
use crate::db::stored::StoredEnum;
use crate::error::AppError;
use crate::referrals::model::ReferralStatus;
use crate::signups::status::SignupStatus;
use crate::stats::suppression::{self, Figure};

/// The age bands, in order, and the key of a sign-up whose volunteer gave no birth date.
pub const AGE_BANDS: [&str; 6] = ["13-15", "16-17", "18-24", "25-29", "30+", "unknown"];
/// The key of a sign-up whose volunteer gave no gender.
pub const NO_GENDER: &str = "not_given";
/// The key of an association without a field of activity.
pub const NO_FIELD: &str = "unspecified";
/// The schedule types of tasks.
pub const SCHEDULE_TYPES: [&str; 3] = ["fixed", "flexible", "ongoing"];

/// Where and when to count.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// `[start, end)`; either end open.
    pub start: Option<NaiveDateTime>,
    pub end: Option<NaiveDateTime>,
    /// The municipalities of the area; `None` for the whole country.
    pub municipalities: Option<Vec<String>>,
    /// Count only the referrals of counsellors of this organisation (and nothing else).
    pub organisation: Option<String>,
}

/// One published cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub key: String,
    pub value: Option<i64>,
    pub suppressed: bool,
}

/// One table: its cells and, where they partition a population, its total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub name: &'static str,
    pub cells: Vec<Cell>,
    pub total: Option<Figure<i64>>,
}

/// Every figure of a scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub tables: Vec<Table>,
    /// `null` for a counsellor, who sees only referral figures.
    pub completed_hours: Option<Figure<f64>>,
    pub median_hours_to_decision: Option<Figure<f64>>,
}

/// The municipalities of a region or of one municipality; `422` naming the parameter for
/// an unknown code.
pub fn area(
    conn: &mut DbConnection,
    region: Option<&str>,
    municipality: Option<&str>,
) -> Result<Option<Vec<String>>, AppError> {
    if let Some(code) = municipality {
        let known: i64 = municipalities::table.find(code).count().get_result(conn)?;
        if known == 0 {
            return Err(AppError::field(
                "municipality",
                "unknown_value",
                "No municipality has this code.",
            ));
        }
        let in_region: i64 = match region {
            Some(region) => municipalities::table
                .find(code)
                .filter(municipalities::region_code.eq(region))
                .count()
                .get_result(conn)?,
            None => 1,
        };
        if in_region == 0 {
            return Err(AppError::field(
                "municipality",
                "not_in_region",
                "The municipality is not in the region.",
            ));
        }
        return Ok(Some(vec![code.to_owned()]));
    }
    let Some(region) = region else {
        return Ok(None);
    };
    let known: i64 = regions::table.find(region).count().get_result(conn)?;
    if known == 0 {
        return Err(AppError::field(
            "region",
            "unknown_value",
            "No region has this code.",
        ));
    }
    Ok(Some(
        municipalities::table
            .filter(municipalities::region_code.eq(region))
            .select(municipalities::code)
            .load(conn)?,
    ))
}

/// A table whose cells partition a population: totalled and protected.
fn partition(name: &'static str, counts: Vec<(String, i64)>) -> Table {
    let values: Vec<i64> = counts.iter().map(|(_, n)| *n).collect();
    let protected = suppression::protect(&values);
    Table {
        name,
        cells: counts
            .into_iter()
            .zip(protected.cells)
            .map(|((key, _), figure)| Cell {
                key,
                value: figure.value,
                suppressed: figure.suppressed,
            })
            .collect(),
        total: Some(protected.total),
    }
}

/// A table of overlapping cells (no total): each cell protected on its own.
fn overlapping(name: &'static str, counts: Vec<(String, i64)>) -> Table {
    Table {
        name,
        cells: counts
            .into_iter()
            .map(|(key, n)| {
                let figure = suppression::count(n);
                Cell {
                    key,
                    value: figure.value,
                    suppressed: figure.suppressed,
                }
            })
            .collect(),
        total: None,
    }
}

/// Counts `found` keys under every key of `keys`, in that order (an unexpected key is
/// counted under the last).
fn tally<'a>(keys: &[String], found: impl IntoIterator<Item = &'a str>) -> Vec<(String, i64)> {
    let mut counts: BTreeMap<&str, i64> = keys.iter().map(|k| (k.as_str(), 0)).collect();
    let fallback = keys.last().map(String::as_str).unwrap_or_default();
    for key in found {
        let slot = if counts.contains_key(key) {
            key
        } else {
            fallback
        };
        if let Some(n) = counts.get_mut(slot) {
            *n += 1;
        }
    }
    keys.iter()
        .map(|k| (k.clone(), counts.get(k.as_str()).copied().unwrap_or(0)))
        .collect()
}

fn owned(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

/// Counts every figure of `scope`.
pub fn count(conn: &mut DbConnection, scope: &Scope) -> Result<Figures, AppError> {
    if let Some(organisation) = &scope.organisation {
        return Ok(Figures {
            tables: vec![referrals_by_outcome(conn, scope, Some(organisation))?],
            completed_hours: None,
            median_hours_to_decision: None,
        });
    }
    let category_slugs: Vec<String> = categories::table
        .order((categories::sort_order, categories::slug))
        .select(categories::slug)
        .load(conn)?;
    let mut tables = vec![associations_by_field(conn, scope, &category_slugs)?];
    tables.extend(tasks_tables(conn, scope, &category_slugs)?);
    let signups = signup_figures(conn, scope)?;
    tables.extend(signups.tables);
    tables.push(referrals_by_outcome(conn, scope, None)?);
    Ok(Figures {
        tables,
        completed_hours: Some(signups.hours),
        median_hours_to_decision: Some(signups.median),
    })
}

fn associations_by_field(
    conn: &mut DbConnection,
    scope: &Scope,
    category_slugs: &[String],
) -> Result<Table, AppError> {
    let mut query = associations::table
        .filter(associations::status.eq(VERIFIED))
        .select(associations::field_of_activity)
        .into_boxed();
    if let Some(end) = scope.end {
        query = query.filter(associations::verified_at.lt(end));
    }
    if let Some(codes) = &scope.municipalities {
        query = query.filter(associations::municipality_code.eq_any(codes));
    }
    let fields: Vec<Option<String>> = query.load(conn)?;
    let mut keys = category_slugs.to_vec();
    keys.push(NO_FIELD.to_owned());
    Ok(partition(
        "associations_by_field",
        tally(
            &keys,
            fields.iter().map(|f| f.as_deref().unwrap_or(NO_FIELD)),
        ),
    ))
}

fn tasks_tables(
    conn: &mut DbConnection,
    scope: &Scope,
    category_slugs: &[String],
) -> Result<Vec<Table>, AppError> {
    let mut query = tasks::table
        .filter(tasks::published_at.is_not_null())
        .select((tasks::id, tasks::schedule_type))
        .into_boxed();
    if let Some(start) = scope.start {
        query = query.filter(tasks::published_at.ge(start));
    }
    if let Some(end) = scope.end {
        query = query.filter(tasks::published_at.lt(end));
    }
    if let Some(codes) = &scope.municipalities {
        query = query.filter(tasks::municipality_code.eq_any(codes));
    }
    let rows: Vec<(String, String)> = query.load(conn)?;
    let mut categories_found = Vec::new();
    for chunk in rows.chunks(5000) {
        let ids: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
        categories_found.extend(
            task_categories::table
                .filter(task_categories::task_id.eq_any(ids))
                .select(task_categories::category_slug)
                .load::<String>(conn)?,
        );
    }
    Ok(vec![
        overlapping(
            "tasks_by_category",
            tally(category_slugs, categories_found.iter().map(String::as_str)),
        ),
        partition(
            "tasks_by_schedule_type",
            tally(
                &owned(&SCHEDULE_TYPES),
                rows.iter().map(|(_, s)| s.as_str()),
            ),
        ),
    ])
}

/// One sign-up as the figures see it.
type SignupRow = (
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<f64>,
    Option<NaiveDate>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// What the sign-ups give: three tables and two statistics.
struct SignupFigures {
    tables: Vec<Table>,
    hours: Figure<f64>,
    median: Figure<f64>,
}

fn signup_figures(conn: &mut DbConnection, scope: &Scope) -> Result<SignupFigures, AppError> {
    let mut query = signups::table
        .inner_join(tasks::table)
        .left_join(users::table)
        .select((
            signups::status,
            signups::created_at,
            signups::decided_at,
            signups::completed_at,
            signups::hours,
            users::birth_date.nullable(),
            users::gender.nullable(),
            signups::erased_age_band,
            signups::erased_gender,
        ))
        .into_boxed();
    // Every sign-up that was made, decided or completed in the period.
    if let Some(start) = scope.start {
        query = query.filter(
            signups::created_at
                .ge(start)
                .or(signups::decided_at.ge(start))
                .or(signups::completed_at.ge(start)),
        );
    }
    if let Some(end) = scope.end {
        query = query.filter(signups::created_at.lt(end));
    }
    if let Some(codes) = &scope.municipalities {
        query = query.filter(tasks::municipality_code.eq_any(codes));
    }
    let rows: Vec<SignupRow> = query.load(conn)?;
    let within =
        |at: NaiveDateTime| scope.start.is_none_or(|s| at >= s) && scope.end.is_none_or(|e| at < e);

    let made: Vec<&SignupRow> = rows.iter().filter(|r| within(r.1)).collect();
    let states: Vec<String> = SignupStatus::ALL
        .iter()
        .map(|s| s.as_str().to_owned())
        .collect();
    let bands: Vec<&str> = made
        .iter()
        .map(|r| match (&r.7, r.5) {
            (Some(band), _) => band.as_str(),
            (None, Some(born)) => age_band(age_on(born, r.1.date())),
            (None, None) => "unknown",
        })
        .collect();
    let mut gender_keys = owned(GENDERS);
    gender_keys.push(NO_GENDER.to_owned());
    let genders: Vec<&str> = made
        .iter()
        .map(|r| r.8.as_deref().or(r.6.as_deref()).unwrap_or(NO_GENDER))
        .collect();
    let tables = vec![
        partition(
            "signups_by_state",
            tally(&states, made.iter().map(|r| r.0.as_str())),
        ),
        partition("signups_by_age_band", tally(&owned(&AGE_BANDS), bands)),
        partition("signups_by_gender", tally(&gender_keys, genders)),
    ];

    let completed: Vec<f64> = rows
        .iter()
        .filter(|r| r.0 == SignupStatus::Completed.as_str() && r.3.is_some_and(within))
        .filter_map(|r| r.4)
        .collect();
    let hours = suppression::statistic(
        completed.iter().sum(),
        i64::try_from(completed.len()).unwrap_or(i64::MAX),
    );
    let mut waits: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.2.filter(|at| within(*at)).map(|at| at - r.1))
        .map(|wait| wait.num_seconds() as f64 / 3600.0)
        .collect();
    waits.sort_by(f64::total_cmp);
    let median = match waits.len() {
        0 => 0.0,
        n if n % 2 == 1 => waits[n / 2],
        n => (waits[n / 2 - 1] + waits[n / 2]) / 2.0,
    };
    let median = suppression::statistic(
        (median * 10.0).round() / 10.0,
        i64::try_from(waits.len()).unwrap_or(i64::MAX),
    );
    Ok(SignupFigures {
        tables,
        hours,
        median,
    })
}

fn referrals_by_outcome(
    conn: &mut DbConnection,
    scope: &Scope,
    organisation: Option<&str>,
) -> Result<Table, AppError> {
    let mut query = referrals::table
        .inner_join(associations::table)
        .select(referrals::status)
        .into_boxed();
    if let Some(start) = scope.start {
        query = query.filter(referrals::created_at.ge(start));
    }
    if let Some(end) = scope.end {
        query = query.filter(referrals::created_at.lt(end));
    }
    if let Some(codes) = &scope.municipalities {
        query = query.filter(associations::municipality_code.eq_any(codes));
    }
    if let Some(organisation) = organisation {
        // The organisation kept on each referral: the figures outlive the counsellors.
        query = query.filter(referrals::organisation.eq(organisation.to_owned()));
    }
    let statuses: Vec<String> = query.load(conn)?;
    let keys: Vec<String> = ReferralStatus::ALL
        .iter()
        .map(|s| s.as_str().to_owned())
        .collect();
    Ok(partition(
        "referrals_by_outcome",
        tally(&keys, statuses.iter().map(String::as_str)),
    ))
}
