//! Places for display: a municipality code resolved to names in both official languages
//! together with its region, in one query for a whole list.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::schema::{municipalities, regions};
use crate::error::AppError;

/// A municipality with its region's names, as every view (cards, tasks, sign-ups) shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub region_code: String,
    pub region_name_fi: String,
    pub region_name_sv: String,
}

/// The places of a set of municipality codes, in one query.
pub fn places(conn: &mut DbConnection, codes: &[&str]) -> Result<Vec<Place>, AppError> {
    let rows: Vec<(String, String, String, String, String, String)> = municipalities::table
        .inner_join(regions::table)
        .filter(municipalities::code.eq_any(codes))
        .select((
            municipalities::code,
            municipalities::name_fi,
            municipalities::name_sv,
            regions::code,
            regions::name_fi,
            regions::name_sv,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(code, name_fi, name_sv, region_code, region_name_fi, region_name_sv)| Place {
                code,
                name_fi,
                name_sv,
                region_code,
                region_name_fi,
                region_name_sv,
            },
        )
        .collect())
}

/// The place of `code` among `places`; a code with no row (never expected: codes are
/// foreign keys) still shows its code rather than failing the whole view.
pub fn place_of(places: &[Place], code: &str) -> Place {
    places
        .iter()
        .find(|p| p.code == code)
        .cloned()
        .unwrap_or_else(|| Place {
            code: code.to_owned(),
            name_fi: String::new(),
            name_sv: String::new(),
            region_code: String::new(),
            region_name_fi: String::new(),
            region_name_sv: String::new(),
        })
}
