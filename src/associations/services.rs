//! Services (palvelut) an association offers: what counsellors look for on a card.

use chrono::Utc;
use diesel::prelude::*;
use serde::Deserialize;

use crate::api::{present, text};
use crate::associations::model::{self, Service};
use crate::db::DbConnection;
use crate::db::schema::association_services;
use crate::error::{AppError, FieldError};

/// Most services one association may list.
pub const MAX_SERVICES: i64 = 50;

/// Body of `POST` (name required) and `PATCH` (all optional) on services.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceInput {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub target_group: Option<Option<String>>,
    /// `null` or absent means free of charge.
    #[serde(default, deserialize_with = "present")]
    pub price: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub how_to_get: Option<Option<String>>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = association_services)]
struct ServiceChanges {
    name: Option<String>,
    description: Option<Option<String>>,
    target_group: Option<Option<String>>,
    price: Option<Option<String>>,
    how_to_get: Option<Option<String>>,
    /// Always set, so a changeset is never empty.
    updated_at: chrono::NaiveDateTime,
}

fn check(input: ServiceInput, creating: bool) -> Result<ServiceChanges, AppError> {
    let mut errors = Vec::new();
    // Names and short fields are one line; the description and how to get it may have breaks.
    let mut text = |field: &str, value: Option<Option<String>>, limit: usize| {
        let multi = matches!(field, "description" | "how_to_get");
        value.map(|v| {
            let v = v
                .and_then(|s| match text::field(field, &s, multi) {
                    Ok(s) => Some(s),
                    Err(error) => {
                        errors.push(error);
                        None
                    }
                })
                .filter(|s| !s.is_empty());
            if v.as_ref().is_some_and(|s| s.chars().count() > limit) {
                errors.push(FieldError::new(
                    field,
                    "too_long",
                    format!("Use at most {limit} characters."),
                ));
            }
            v
        })
    };
    let changes = ServiceChanges {
        updated_at: Utc::now().naive_utc(),
        description: text("description", input.description, 2000),
        target_group: text("target_group", input.target_group, 300),
        price: text("price", input.price, 200),
        how_to_get: text("how_to_get", input.how_to_get, 1000),
        name: None,
    };
    let name = match input.name.map(|n| text::name("name", &n)) {
        Some(Ok(name)) => Some(name),
        Some(Err(error)) => {
            errors.push(error);
            Some(String::new())
        }
        None => None,
    };
    match &name {
        Some(n) if n.is_empty() && errors.iter().any(|e| e.field == "name") => {}
        Some(n) if (1..=150).contains(&n.chars().count()) => {}
        Some(_) => errors.push(FieldError::new(
            "name",
            "invalid",
            "The name must be 1–150 characters.",
        )),
        None if creating => errors.push(FieldError::new(
            "name",
            "required",
            "Give the service a name.",
        )),
        None => {}
    }
    if errors.is_empty() {
        Ok(ServiceChanges { name, ..changes })
    } else {
        Err(AppError::Validation(errors))
    }
}

fn find(
    conn: &mut DbConnection,
    association_id: &str,
    service_id: &str,
) -> Result<Service, AppError> {
    association_services::table
        .filter(association_services::id.eq(service_id))
        .filter(association_services::association_id.eq(association_id))
        .select(Service::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)
}

/// Adds a service.
pub fn create(
    conn: &mut DbConnection,
    association_id: &str,
    input: ServiceInput,
) -> Result<Service, AppError> {
    let changes = check(input, true)?;
    let count: i64 = association_services::table
        .filter(association_services::association_id.eq(association_id))
        .count()
        .get_result(conn)?;
    if count >= MAX_SERVICES {
        return Err(AppError::Conflict(format!(
            "An association can list at most {MAX_SERVICES} services."
        )));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let now = Utc::now().naive_utc();
    diesel::insert_into(association_services::table)
        .values((
            association_services::id.eq(&id),
            association_services::association_id.eq(association_id),
            association_services::name.eq(changes.name.clone().unwrap_or_default()),
            association_services::created_at.eq(now),
            association_services::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(association_services::table.find(&id))
        .set(&changes)
        .execute(conn)?;
    model::touch(conn, association_id)?;
    find(conn, association_id, &id)
}

/// Edits a service.
pub fn update(
    conn: &mut DbConnection,
    association_id: &str,
    service_id: &str,
    input: ServiceInput,
) -> Result<Service, AppError> {
    find(conn, association_id, service_id)?;
    let changes = check(input, false)?;
    diesel::update(association_services::table.find(service_id))
        .set(&changes)
        .execute(conn)?;
    model::touch(conn, association_id)?;
    find(conn, association_id, service_id)
}

/// Removes a service.
pub fn delete(
    conn: &mut DbConnection,
    association_id: &str,
    service_id: &str,
) -> Result<(), AppError> {
    find(conn, association_id, service_id)?;
    diesel::delete(association_services::table.find(service_id)).execute(conn)?;
    model::touch(conn, association_id)
}
