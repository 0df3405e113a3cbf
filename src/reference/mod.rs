//! Reference data shipped with the migrations: regions, municipalities and categories.

pub mod places;
pub mod routes;

use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConnection;
use crate::db::schema::{categories, municipalities, regions};
use crate::error::AppError;

/// A region (maakunta).
#[derive(Debug, Clone, Serialize, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct Region {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
}

/// A municipality (kunta) with its region.
#[derive(Debug, Serialize)]
pub struct Municipality {
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub region: Region,
}

/// A volunteer theme.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct Category {
    pub slug: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
}

/// All regions, by code.
pub fn list_regions(conn: &mut DbConnection) -> Result<Vec<Region>, AppError> {
    Ok(regions::table
        .order(regions::code)
        .select(Region::as_select())
        .load(conn)?)
}

/// Municipalities by code, optionally of one region; `None` if that region does not exist.
pub fn list_municipalities(
    conn: &mut DbConnection,
    region: Option<&str>,
) -> Result<Option<Vec<Municipality>>, AppError> {
    if let Some(code) = region {
        let known: i64 = regions::table
            .filter(regions::code.eq(code))
            .count()
            .get_result(conn)?;
        if known == 0 {
            return Ok(None);
        }
    }
    let mut query = municipalities::table
        .inner_join(regions::table)
        .select((
            (
                municipalities::code,
                municipalities::name_fi,
                municipalities::name_sv,
            ),
            Region::as_select(),
        ))
        .order(municipalities::code)
        .into_boxed();
    if let Some(code) = region {
        query = query.filter(municipalities::region_code.eq(code.to_owned()));
    }
    let rows: Vec<((String, String, String), Region)> = query.load(conn)?;
    Ok(Some(
        rows.into_iter()
            .map(|((code, name_fi, name_sv), region)| Municipality {
                code,
                name_fi,
                name_sv,
                region,
            })
            .collect(),
    ))
}

/// All categories in display order.
pub fn list_categories(conn: &mut DbConnection) -> Result<Vec<Category>, AppError> {
    Ok(categories::table
        .order(categories::sort_order)
        .select(Category::as_select())
        .load(conn)?)
}
