//! The account row and the rules that every write to it shares.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use validator::ValidateEmail as _;

use crate::api::text;
use crate::db::DbConnection;
use crate::db::schema::{municipalities, users};
use crate::error::{AppError, FieldError};

/// Longest display name; long enough for any real name, short enough for a list row.
pub const DISPLAY_NAME_MAX: usize = 100;
/// RFC 5321's limit for a whole address.
pub const EMAIL_MAX: usize = 254;

/// Finland's age of digital consent: nobody younger may register.
pub const MIN_AGE: i32 = 13;
/// Older than any living person; a birth date before this is a typo.
pub const MAX_AGE: i32 = 120;

/// An account as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub birth_date: Option<NaiveDate>,
    pub municipality_code: Option<String>,
    pub language: String,
    pub gender: Option<String>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Asked for tasks where they get support (matching ranks those higher).
    pub wants_support: bool,
    /// When the administrators suspended the account (a report of abuse): it cannot log
    /// in, and its sessions ended then.
    pub suspended_at: Option<NaiveDateTime>,
}

/// Checks an email address's form; shared by registration and later features.
pub fn check_email(field: &str, email: &str) -> Option<FieldError> {
    if email.chars().count() > EMAIL_MAX {
        Some(FieldError::new(
            field,
            "too_long",
            format!("Use at most {EMAIL_MAX} characters."),
        ))
    } else if !email.validate_email() {
        Some(FieldError::new(
            field,
            "invalid_email",
            "This is not an email address.",
        ))
    } else {
        None
    }
}

/// Checks a display name, already cleaned with [`crate::api::text::nfc`] and trimmed: one
/// line, something visible, no control or formatting characters (`Ella\u{202e}gnp.exe`).
pub fn check_display_name(field: &str, name: &str) -> Option<FieldError> {
    let len = name.chars().count();
    if let Err(error) = text::name(field, name) {
        Some(error)
    } else if len == 0 {
        Some(FieldError::new(
            field,
            "required",
            "Tell us what to call you.",
        ))
    } else if len > DISPLAY_NAME_MAX {
        Some(FieldError::new(
            field,
            "too_long",
            format!("Use at most {DISPLAY_NAME_MAX} characters."),
        ))
    } else {
        None
    }
}

/// Emails are unique case-insensitively; we store them trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Age in whole years on `on`.
pub fn age_on(birth_date: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth_date.year();
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age
}

/// The age bands of the region's figures, by age on the day of the sign-up.
pub fn age_band(age: i32) -> &'static str {
    match age {
        ..=15 => "13-15",
        16..=17 => "16-17",
        18..=24 => "18-24",
        25..=29 => "25-29",
        _ => "30+",
    }
}

/// The name shown for an erased account: the name an account takes for the moment of its
/// erasure (so that the emails the erasure itself sends do not name the person), and the
/// name of an erased counsellor on the referrals they made.
pub const ERASED_NAME: &str = "(poistettu käyttäjä / raderad användare / deleted user)";

/// Checks a birth date given at registration: not in the future, 13 or older, plausible.
pub fn check_birth_date(field: &str, birth_date: NaiveDate) -> Result<(), FieldError> {
    let today = Utc::now().date_naive();
    if birth_date > today {
        return Err(FieldError::new(
            field,
            "in_future",
            "The birth date is in the future.",
        ));
    }
    let age = age_on(birth_date, today);
    if age < MIN_AGE {
        return Err(FieldError::new(
            field,
            "too_young",
            format!("You must be at least {MIN_AGE} years old to register."),
        ));
    }
    if age > MAX_AGE {
        return Err(FieldError::new(
            field,
            "implausible",
            "Check the birth date.",
        ));
    }
    Ok(())
}

/// Checks that a municipality code exists in the reference data.
pub fn check_municipality(
    conn: &mut DbConnection,
    field: &str,
    code: &str,
) -> Result<Option<FieldError>, AppError> {
    let exists: i64 = municipalities::table
        .filter(municipalities::code.eq(code))
        .count()
        .get_result(conn)?;
    Ok((exists == 0).then(|| {
        FieldError::new(
            field,
            "unknown_municipality",
            format!("No municipality has the code '{code}'."),
        )
    }))
}

/// Loads an account by its normalised email.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<User>, AppError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// Loads an account by id.
pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<User>, AppError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// Whether the account holds the administrator role (read on every request that needs it, so
/// revoking the role takes effect at once).
pub fn is_admin(conn: &mut DbConnection, user_id: &str) -> Result<bool, AppError> {
    Ok(users::table
        .find(user_id)
        .select(users::is_admin)
        .first::<bool>(conn)
        .optional()?
        .unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_fall_in_the_figures_bands() {
        let bands: Vec<&str> = [13, 15, 16, 17, 18, 24, 25, 29, 30, 64]
            .into_iter()
            .map(age_band)
            .collect();
        assert_eq!(
            bands,
            [
                "13-15", "13-15", "16-17", "16-17", "18-24", "18-24", "25-29", "25-29", "30+",
                "30+"
            ]
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let born = NaiveDate::from_ymd_opt(2010, 6, 15).unwrap();
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2023, 6, 14).unwrap()),
            12
        );
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2023, 6, 15).unwrap()),
            13
        );
    }

    #[test]
    fn birth_date_rules() {
        let today = Utc::now().date_naive();
        assert_eq!(
            check_birth_date("b", today + chrono::Days::new(1))
                .unwrap_err()
                .code,
            "in_future"
        );
        assert_eq!(
            check_birth_date("b", today - chrono::Days::new(365 * 10))
                .unwrap_err()
                .code,
            "too_young"
        );
        assert_eq!(
            check_birth_date("b", NaiveDate::from_ymd_opt(1850, 1, 1).unwrap())
                .unwrap_err()
                .code,
            "implausible"
        );
        assert!(check_birth_date("b", NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()).is_ok());
    }
}
