//! The volunteering record: completed tasks, hours and associations, with a verification
//! code that the volunteer hands to an employer or a school. Whoever has the code sees
//! only what the volunteer chose to share; regenerating the code revokes the old one.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use rand::Rng as _;
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::schema::{associations, signups, tasks, users, volunteer_records};
use crate::error::AppError;
use crate::signups::status::SignupStatus;

/// Letters of a code: Crockford's base32 without I, L, O and U, so that a code read aloud
/// or typed from paper is not mistaken.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 16 letters of 5 bits: 80 bits, far beyond guessing.
const CODE_LETTERS: usize = 16;

/// One completed task on the record.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub task_id: String,
    pub title: String,
    pub association: String,
    pub completed_on: NaiveDate,
    pub hours: Option<f64>,
}

/// Sums of the record.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub tasks: i64,
    pub hours: Option<f64>,
    pub associations: i64,
}

/// What the code shows, as the volunteer chose.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Sharing {
    pub name: bool,
    pub tasks: bool,
    pub hours: bool,
}

/// The volunteer's own record.
#[derive(Debug, Serialize)]
pub struct Record {
    pub display_name: String,
    pub entries: Vec<Entry>,
    pub totals: Totals,
    pub verification: Verification,
}

/// The code and where it can be checked.
#[derive(Debug, Serialize)]
pub struct Verification {
    pub code: String,
    /// The API address that checks the code.
    pub url: String,
    pub share: Sharing,
}

/// What anyone with the code sees.
#[derive(Debug, Serialize)]
pub struct PublicRecord {
    pub genuine: bool,
    pub name: Option<String>,
    pub entries: Option<Vec<Entry>>,
    pub totals: Totals,
    pub checked_at: DateTime<Utc>,
}

/// The body of `PATCH /me/record`: which parts the code shows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingPatch {
    pub share_name: Option<bool>,
    pub share_tasks: Option<bool>,
    pub share_hours: Option<bool>,
}

/// A fresh random code, grouped `XXXX-XXXX-XXXX-XXXX`.
fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let letters: Vec<char> = (0..CODE_LETTERS)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect();
    grouped(&letters)
}

/// Letters in groups of four, as codes are printed and stored.
fn grouped(letters: &[char]) -> String {
    letters
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads a code as people type it: any case, with or without dashes and spaces.
pub fn normalise(code: &str) -> Option<String> {
    let letters: Vec<char> = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = letters.len() == CODE_LETTERS
        && letters
            .iter()
            .all(|c| c.is_ascii() && ALPHABET.contains(&(*c as u8)));
    valid.then(|| grouped(&letters))
}

type Settings = (String, bool, bool, bool);

/// The volunteer's code and sharing choices, creating them on first use.
fn settings(conn: &mut DbConnection, user_id: &str) -> Result<Settings, AppError> {
    let query = volunteer_records::table.find(user_id).select((
        volunteer_records::code,
        volunteer_records::share_name,
        volunteer_records::share_tasks,
        volunteer_records::share_hours,
    ));
    if let Some(found) = query.first::<Settings>(conn).optional()? {
        return Ok(found);
    }
    let now = Utc::now().naive_utc();
    // Two first reads at once both get here on PostgreSQL: the loser's insert fails inside
    // its own savepoint (so the transaction goes on) and both read the winner's code.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(volunteer_records::table)
            .values((
                volunteer_records::user_id.eq(user_id),
                volunteer_records::code.eq(new_code()),
                volunteer_records::created_at.eq(now),
                volunteer_records::updated_at.eq(now),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {}
        Err(other) => return Err(other.into()),
    }
    Ok(query.first(conn)?)
}

/// Task id, title, association, completion time, hours.
type EntryRow = (String, String, String, Option<NaiveDateTime>, Option<f64>);

/// The completed tasks of a volunteer, newest first.
fn entries(conn: &mut DbConnection, user_id: &str) -> Result<Vec<Entry>, AppError> {
    let rows: Vec<EntryRow> = signups::table
        .inner_join(tasks::table.inner_join(associations::table))
        .filter(signups::volunteer_id.eq(user_id))
        .filter(signups::status.eq(SignupStatus::Completed.as_str()))
        .order((signups::completed_at.desc(), signups::id.desc()))
        .select((
            tasks::id,
            tasks::title,
            associations::name,
            signups::completed_at,
            signups::hours,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(task_id, title, association, completed, hours)| Entry {
            task_id,
            title,
            association,
            completed_on: completed.map_or_else(|| Utc::now().date_naive(), |c| c.date()),
            hours,
        })
        .collect())
}

fn totals(entries: &[Entry]) -> Totals {
    let mut names: Vec<&str> = entries.iter().map(|e| e.association.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    Totals {
        tasks: entries.len() as i64,
        hours: Some(entries.iter().filter_map(|e| e.hours).sum()),
        associations: names.len() as i64,
    }
}

/// The volunteer's record. Runs in a write transaction: the first call creates the code.
pub fn mine(conn: &mut DbConnection, base_url: &str, user_id: &str) -> Result<Record, AppError> {
    let (code, name, tasks, hours) = settings(conn, user_id)?;
    let display_name: String = users::table
        .find(user_id)
        .select(users::display_name)
        .first(conn)?;
    let entries = entries(conn, user_id)?;
    Ok(Record {
        display_name,
        totals: totals(&entries),
        entries,
        verification: Verification {
            url: format!("{base_url}/api/v1/records/{code}"),
            code,
            share: Sharing { name, tasks, hours },
        },
    })
}

/// Changes what the code shows.
pub fn set_sharing(
    conn: &mut DbConnection,
    base_url: &str,
    user_id: &str,
    patch: SharingPatch,
) -> Result<Record, AppError> {
    settings(conn, user_id)?;
    let row = volunteer_records::table.find(user_id);
    if let Some(v) = patch.share_name {
        diesel::update(row)
            .set(volunteer_records::share_name.eq(v))
            .execute(conn)?;
    }
    if let Some(v) = patch.share_tasks {
        diesel::update(row)
            .set(volunteer_records::share_tasks.eq(v))
            .execute(conn)?;
    }
    if let Some(v) = patch.share_hours {
        diesel::update(row)
            .set(volunteer_records::share_hours.eq(v))
            .execute(conn)?;
    }
    diesel::update(row)
        .set(volunteer_records::updated_at.eq(Utc::now().naive_utc()))
        .execute(conn)?;
    mine(conn, base_url, user_id)
}

/// Replaces the code; the old one stops working at once.
pub fn regenerate(
    conn: &mut DbConnection,
    base_url: &str,
    user_id: &str,
) -> Result<Record, AppError> {
    settings(conn, user_id)?;
    diesel::update(volunteer_records::table.find(user_id))
        .set((
            volunteer_records::code.eq(new_code()),
            volunteer_records::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    mine(conn, base_url, user_id)
}

/// What a code shows to anyone who has it; 404 for an unknown or revoked code.
pub fn check(conn: &mut DbConnection, code: &str) -> Result<PublicRecord, AppError> {
    let code = normalise(code).ok_or(AppError::NotFound)?;
    let (user_id, share_name, share_tasks, share_hours, name): (String, bool, bool, bool, String) =
        volunteer_records::table
            .inner_join(users::table)
            .filter(volunteer_records::code.eq(&code))
            .select((
                volunteer_records::user_id,
                volunteer_records::share_name,
                volunteer_records::share_tasks,
                volunteer_records::share_hours,
                users::display_name,
            ))
            .first(conn)
            .optional()?
            .ok_or(AppError::NotFound)?;
    let mut entries = entries(conn, &user_id)?;
    let mut totals = totals(&entries);
    if !share_hours {
        totals.hours = None;
        for e in &mut entries {
            e.hours = None;
        }
    }
    Ok(PublicRecord {
        genuine: true,
        name: share_name.then_some(name),
        entries: share_tasks.then_some(entries),
        totals,
        checked_at: Utc::now(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_random_and_read_back_however_typed() {
        let a = new_code();
        let b = new_code();
        assert_ne!(a, b);
        assert_eq!(a.len(), 19);
        assert_eq!(normalise(&a), Some(a.clone()));
        assert_eq!(normalise(&a.to_lowercase()), Some(a.clone()));
        assert_eq!(normalise(&a.replace('-', " ")), Some(a.clone()));
        assert_eq!(normalise(&a.replace('-', "")), Some(a));
        assert_eq!(
            normalise("ABCD-EFGH-IJKL-MNOP"),
            None,
            "I and L are not used"
        );
        assert_eq!(normalise("short"), None);
        assert_eq!(normalise("ÄBCD-EFGH-JKMN-PQRS"), None);
    }
}
