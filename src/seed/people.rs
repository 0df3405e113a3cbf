//! The demo's accounts: what a demo person is ([`Person`]), and how one becomes a verified
//! account with a profile, through the checks that registration and `PATCH /me` use. The
//! people themselves are in `data/people.rs`.

use chrono::{Months, NaiveDate, Utc};

use super::{DEMO_PASSWORD, Role};
use crate::accounts::model::{User, check_birth_date, check_municipality};
use crate::accounts::model::{check_display_name, check_email};
use crate::accounts::profile::{self, ProfilePatch};
use crate::accounts::registration::insert_user;
use crate::auth::passwords;
use crate::db::DbConnection;
use crate::error::{AppError, FieldError};

pub(super) use super::data::people::PEOPLE;

/// One demo account, as `data/people.rs` lists it.
pub(super) struct Person {
    pub(super) role: Role,
    pub(super) email: &'static str,
    pub(super) name: &'static str,
    /// Age today; the birth date is computed from it.
    pub(super) age: Option<i32>,
    pub(super) municipality: Option<&'static str>,
    pub(super) interests: &'static [&'static str],
    pub(super) availability: &'static [&'static str],
}

/// A volunteer with nothing filled in, for `..NOBODY` in the table.
pub(super) const NOBODY: Person = Person {
    role: Role::Volunteer,
    email: "",
    name: "",
    age: None,
    municipality: None,
    interests: &[],
    availability: &[],
};

/// Today's date `years` years and three months ago: the person turned `years` a quarter of
/// a year ago, whatever the day.
fn birth_date(today: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = u32::try_from(years).ok()?.checked_mul(12)?.checked_add(3)?;
    today.checked_sub_months(Months::new(months))
}

/// Creates a verified account with the checks registration uses, then sets its profile
/// (municipality, interests, availability) through `PATCH /me`'s checks.
pub(super) fn create(
    conn: &mut DbConnection,
    person: &Person,
    password_hash: &str,
    today: NaiveDate,
) -> Result<String, AppError> {
    let birth_date = match person.age {
        Some(age) => {
            Some(birth_date(today, age).ok_or_else(|| AppError::internal("demo birth date"))?)
        }
        None => None,
    };
    let mut errors: Vec<FieldError> = [
        check_email("email", person.email),
        check_display_name("display_name", person.name),
        passwords::check_policy("password", DEMO_PASSWORD, &[person.email, person.name]).err(),
        birth_date.and_then(|d| check_birth_date("birth_date", d).err()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(code) = person.municipality {
        errors.extend(check_municipality(conn, "municipality_code", code)?);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let now = Utc::now().naive_utc();
    let id = uuid::Uuid::now_v7().to_string();
    insert_user(
        conn,
        &User {
            id: id.clone(),
            email: person.email.to_owned(),
            password_hash: password_hash.to_owned(),
            display_name: person.name.to_owned(),
            birth_date,
            municipality_code: person.municipality.map(str::to_owned),
            language: "fi".into(),
            gender: None,
            email_verified_at: Some(now),
            is_admin: person.role == Role::Administrator,
            created_at: now,
            updated_at: now,
            wants_support: false,
            suspended_at: None,
        },
    )?;
    if !person.interests.is_empty() || !person.availability.is_empty() {
        profile::apply(
            conn,
            &id,
            ProfilePatch {
                interests: Some(person.interests.iter().map(|s| (*s).to_owned()).collect()),
                availability: Some(
                    person
                        .availability
                        .iter()
                        .map(|s| (*s).to_owned())
                        .collect(),
                ),
                ..ProfilePatch::default()
            },
        )?;
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_password_passes_the_policy_for_every_account() {
        for p in PEOPLE {
            assert_eq!(
                passwords::check_policy("password", DEMO_PASSWORD, &[p.email, p.name]),
                Ok(()),
                "{}",
                p.email
            );
        }
    }

    #[test]
    fn birth_dates_give_the_intended_age() {
        use crate::accounts::model::age_on;
        for day in ["2026-02-28", "2024-02-29", "2026-12-31", "2026-01-01"] {
            let today: NaiveDate = day.parse().unwrap();
            for age in [14, 16, 19, 24, 28] {
                let born = birth_date(today, age).unwrap();
                assert_eq!(age_on(born, today), age, "{day} {age}");
            }
        }
    }
}
