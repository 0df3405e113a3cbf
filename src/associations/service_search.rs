//! `GET /services`: the services (palvelut) of verified associations, found by words, place,
//! the association's field of activity, target group and price, each with who offers it
//! and how to reach them. This is what service counselling (palveluohjaus) looks for,
//! alongside `GET /tasks?supported=true&beginner_friendly=true`.
//!
//! Here: the query ([`ServiceQuery`]), its checks against the reference data, and the
//! database side of the answer ([`hydrate`]). The search itself is `crate::search`.

use diesel::prelude::*;
use serde::Serialize;

use crate::api::paging::paging;
use crate::api::query;
use crate::associations::model::{Service, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{association_services, associations, categories, regions};
use crate::error::{AppError, FieldError};
use crate::reference::places::{Place, place_of, places};

/// The parsed query string of `GET /services`.
#[derive(Debug, Default)]
pub struct ServiceQuery {
    pub q: Option<String>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub category: Option<String>,
    pub target_group: Option<String>,
    /// `true`: only free services (no price); `false`: only priced ones.
    pub free: Option<bool>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

impl ServiceQuery {
    /// Parses a raw query string. Every bad parameter, an unknown one included, is reported
    /// by name, so that a typo in a filter never silently widens the search.
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let mut q = Self::default();
        let mut errors = Vec::new();
        for (key, value) in url::form_urlencoded::parse(raw.as_bytes()) {
            let value = value.into_owned();
            match key.as_ref() {
                "q" => q.q = Some(value),
                "municipality" => q.municipality = Some(value),
                "region" => q.region = Some(value),
                "category" => q.category = Some(value),
                "target_group" => q.target_group = Some(value),
                "free" => q.free = query::boolean("free", &value, &mut errors),
                "page" => q.page = query::number("page", &value, &mut errors),
                "per_page" => q.per_page = query::number("per_page", &value, &mut errors),
                other => errors.push(FieldError::new(
                    other,
                    "unknown_parameter",
                    "This filter does not exist.",
                )),
            }
        }
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

/// Who offers a service and how to reach them: the contact that the association's public
/// card shows, nothing more, so that a counsellor can pass it on without opening the card.
#[derive(Debug, Serialize)]
pub struct Provider {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub municipality: Place,
    pub contact_person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// The columns of [`Provider`] as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = associations)]
struct ProviderRow {
    id: String,
    slug: String,
    name: String,
    municipality_code: String,
    contact_person: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
}

/// One service found, with its association.
#[derive(Debug, Serialize)]
pub struct ServiceHit {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub target_group: Option<String>,
    /// `null` means free of charge.
    pub price: Option<String>,
    /// Whether it is free of charge (no price), so that a client need not know that rule.
    pub free: bool,
    pub how_to_get: Option<String>,
    pub association: Provider,
}

/// Checks the parameters against the reference data and the paging bounds; every problem
/// in one `422`. An unknown code is refused rather than matching nothing, so that a typo
/// never reads as "nothing is offered here".
pub fn check(conn: &mut DbConnection, q: &ServiceQuery) -> Result<(i64, i64), AppError> {
    let mut errors = Vec::new();
    if let Some(code) = &q.municipality {
        errors.extend(crate::accounts::model::check_municipality(
            conn,
            "municipality",
            code,
        )?);
    }
    if let Some(code) = &q.region {
        let known: i64 = regions::table
            .filter(regions::code.eq(code))
            .count()
            .get_result(conn)?;
        if known == 0 {
            errors.push(FieldError::new(
                "region",
                "unknown_value",
                "Use a region code from GET /api/v1/regions.",
            ));
        }
    }
    if let Some(slug) = &q.category {
        let known: i64 = categories::table
            .filter(categories::slug.eq(slug))
            .count()
            .get_result(conn)?;
        if known == 0 {
            errors.push(FieldError::new(
                "category",
                "unknown_value",
                "Use a category slug from GET /api/v1/categories.",
            ));
        }
    }
    match paging(q.page, q.per_page) {
        Ok(bounds) if errors.is_empty() => Ok(bounds),
        Ok(_) => Err(AppError::Validation(errors)),
        Err(AppError::Validation(more)) => {
            errors.extend(more);
            Err(AppError::Validation(errors))
        }
        Err(other) => Err(other),
    }
}

/// The services with these ids, of verified associations, with who offers them, in this
/// order; one the database no longer lists is left out.
pub fn hydrate(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<ServiceHit>, AppError> {
    // By primary key only, the status checked here (see `tasks::search::hydrate`).
    let rows: Vec<(Service, ProviderRow, String)> = association_services::table
        .inner_join(associations::table)
        .filter(association_services::id.eq_any(ids))
        .select((
            Service::as_select(),
            ProviderRow::as_select(),
            associations::status,
        ))
        .load(conn)?;
    let mut rows: Vec<(Service, ProviderRow)> = rows
        .into_iter()
        .filter(|(_, _, status)| status == VERIFIED)
        .map(|(s, a, _)| (s, a))
        .collect();
    rows.sort_by_key(|(s, _)| ids.iter().position(|id| *id == s.id));
    let codes: Vec<&str> = rows
        .iter()
        .map(|(_, a)| a.municipality_code.as_str())
        .collect();
    let places = places(conn, &codes)?;
    Ok(rows
        .into_iter()
        .map(|(s, a)| ServiceHit {
            free: s.price.is_none(),
            id: s.id,
            name: s.name,
            description: s.description,
            target_group: s.target_group,
            price: s.price,
            how_to_get: s.how_to_get,
            association: Provider {
                municipality: place_of(&places, &a.municipality_code),
                id: a.id,
                slug: a.slug,
                name: a.name,
                contact_person: a.contact_person,
                email: a.email,
                phone: a.phone,
                website: a.website,
            },
        })
        .collect())
}
