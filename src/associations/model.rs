//! The association row, its public card, and the reads every association feature shares.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::associations::hooks::Hooks;
use crate::changes::{self, Entity};
use crate::db::schema::{association_members, association_services, associations};
use crate::db::{DbConnection, json};
use crate::error::AppError;
use crate::reference::places::{Place, place_of, places};

/// `pending` until an administrator verifies it; `suspended` hides it again.
pub const PENDING: &str = "pending";
pub const VERIFIED: &str = "verified";
pub const SUSPENDED: &str = "suspended";
/// Member roles: owners manage members; editors edit the card, services and tasks.
pub const OWNER: &str = "owner";
pub const EDITOR: &str = "editor";
/// Owners decide who else acts for the association and so who sees its volunteers' (often
/// minors') details; that responsibility is an adult's. Younger members are editors.
pub const OWNER_MIN_AGE: i32 = 18;

/// An association as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = associations)]
pub struct Association {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub register_number: Option<String>,
    pub business_id: Option<String>,
    pub municipality_code: String,
    pub field_of_activity: Option<String>,
    pub status: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub activities: Option<String>,
    pub target_groups: Option<String>,
    pub how_to_join: Option<String>,
    pub membership_fee: Option<String>,
    pub contact_person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub social_links: String,
    pub meeting_address: Option<String>,
    pub languages: String,
    pub accessibility: Option<String>,
    pub logo_url: Option<String>,
    pub founding_year: Option<i32>,
    pub version: i32,
    pub imported: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub verified_at: Option<NaiveDateTime>,
}

/// A service (palvelu) as shown on the card.
#[derive(Debug, Clone, Serialize, Queryable, Selectable)]
#[diesel(table_name = association_services)]
pub struct Service {
    pub id: String,
    #[serde(skip)]
    pub association_id: String,
    pub name: String,
    pub description: Option<String>,
    pub target_group: Option<String>,
    /// `null` means free of charge.
    pub price: Option<String>,
    pub how_to_get: Option<String>,
    #[serde(skip)]
    pub created_at: NaiveDateTime,
    #[serde(skip)]
    pub updated_at: NaiveDateTime,
}

/// The public card (yhdistyskortti).
#[derive(Debug, Serialize)]
pub struct Card {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub status: String,
    pub register_number: Option<String>,
    pub business_id: Option<String>,
    pub municipality: Place,
    pub field_of_activity: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub activities: Option<String>,
    pub target_groups: Option<String>,
    pub how_to_join: Option<String>,
    pub membership_fee: Option<String>,
    pub contact_person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub social_links: Vec<String>,
    pub meeting_address: Option<String>,
    pub languages: Vec<String>,
    pub accessibility: Option<String>,
    pub logo_url: Option<String>,
    pub founding_year: Option<i32>,
    pub services: Vec<Service>,
    /// What the features above associations add (the open tasks), from
    /// [`Hooks::card_extras`].
    #[serde(flatten)]
    pub extras: crate::associations::hooks::CardExtras,
    /// True when a verified association has no owner (imported, or left by its last
    /// owner), so that someone who represents it can claim it.
    pub claimable: bool,
    /// The caller's role in the association, if any.
    pub my_role: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
}

/// One row of a list or search result.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub status: String,
    pub summary: Option<String>,
    pub municipality: Place,
    pub field_of_activity: Option<String>,
    pub logo_url: Option<String>,
}

/// Loads by id, or by slug when `key` is not an id.
pub fn find(conn: &mut DbConnection, key: &str) -> Result<Option<Association>, AppError> {
    let by_id = associations::table
        .find(key)
        .select(Association::as_select())
        .first(conn)
        .optional()?;
    if by_id.is_some() {
        return Ok(by_id);
    }
    Ok(associations::table
        .filter(associations::slug.eq(key))
        .select(Association::as_select())
        .first(conn)
        .optional()?)
}

/// The services of an association, by name.
pub fn services(conn: &mut DbConnection, association_id: &str) -> Result<Vec<Service>, AppError> {
    Ok(association_services::table
        .filter(association_services::association_id.eq(association_id))
        .order((association_services::name, association_services::id))
        .select(Service::as_select())
        .load(conn)?)
}

/// How many owners the association has: the last one may not be demoted, nor erase their
/// account, before handing it over.
pub fn owners(conn: &mut DbConnection, association_id: &str) -> Result<i64, AppError> {
    Ok(association_members::table
        .filter(association_members::association_id.eq(association_id))
        .filter(association_members::role.eq(OWNER))
        .count()
        .get_result(conn)?)
}

/// Whether any owner exists (an imported association has none until it is claimed).
pub fn has_owner(conn: &mut DbConnection, association_id: &str) -> Result<bool, AppError> {
    Ok(owners(conn, association_id)? > 0)
}

/// Builds the full card.
pub fn card(
    conn: &mut DbConnection,
    hooks: &Hooks,
    a: Association,
    my_role: Option<String>,
) -> Result<Card, AppError> {
    let services = services(conn, &a.id)?;
    let municipality = place_of(
        &places(conn, &[a.municipality_code.as_str()])?,
        &a.municipality_code,
    );
    let claimable = a.status == VERIFIED && !has_owner(conn, &a.id)?;
    let extras = (hooks.card_extras)(conn, &a.id)?;
    Ok(Card {
        extras,
        social_links: json::read("associations.social_links", &a.social_links)?,
        languages: json::read("associations.languages", &a.languages)?,
        municipality,
        services,
        claimable,
        my_role,
        id: a.id,
        slug: a.slug,
        name: a.name,
        status: a.status,
        register_number: a.register_number,
        business_id: a.business_id,
        field_of_activity: a.field_of_activity,
        summary: a.summary,
        description: a.description,
        activities: a.activities,
        target_groups: a.target_groups,
        how_to_join: a.how_to_join,
        membership_fee: a.membership_fee,
        contact_person: a.contact_person,
        email: a.email,
        phone: a.phone,
        website: a.website,
        meeting_address: a.meeting_address,
        accessibility: a.accessibility,
        logo_url: a.logo_url,
        founding_year: a.founding_year,
        created_at: a.created_at.and_utc(),
        updated_at: a.updated_at.and_utc(),
        verified_at: a.verified_at.map(|t| t.and_utc()),
    })
}

/// Builds list rows for many associations with one query for their places.
pub fn summaries(
    conn: &mut DbConnection,
    rows: Vec<Association>,
) -> Result<Vec<Summary>, AppError> {
    let codes: Vec<&str> = rows.iter().map(|a| a.municipality_code.as_str()).collect();
    let places = places(conn, &codes)?;
    Ok(rows
        .into_iter()
        .map(|a| Summary {
            municipality: place_of(&places, &a.municipality_code),
            id: a.id,
            slug: a.slug,
            name: a.name,
            status: a.status,
            summary: a.summary,
            field_of_activity: a.field_of_activity,
            logo_url: a.logo_url,
        })
        .collect())
}

/// Bumps the version that the ETag is made of and tells the search index to look at the
/// association again (its card, its services and its tasks); call in the transaction of
/// any change to the card, its status or its services.
pub fn touch(conn: &mut DbConnection, association_id: &str) -> Result<(), AppError> {
    let now = Utc::now().naive_utc();
    diesel::update(associations::table.find(association_id))
        .set((
            associations::version.eq(associations::version + 1),
            associations::updated_at.eq(now),
        ))
        .execute(conn)?;
    changes::record(conn, Entity::Association, association_id, now)
}

/// Takes the association's row lock for the rest of the transaction, so that checks such
/// as "is this the last owner?" cannot race. SQLite's `BEGIN IMMEDIATE` already serialises
/// writers, so only PostgreSQL needs a row lock.
pub fn lock(conn: &mut DbConnection, association_id: &str) -> Result<(), AppError> {
    if let DbConnection::Postgres(pg) = conn {
        associations::table
            .find(association_id)
            .select(associations::id)
            .for_update()
            .first::<String>(pg)?;
    }
    Ok(())
}

/// An owner as an email needs them: account id, address, name, language code.
pub type OwnerContact = (String, String, String, String);

/// The owners of an association, oldest membership first: the people told about changes
/// to it (verification, new sign-ups).
pub fn owner_contacts(
    conn: &mut DbConnection,
    association_id: &str,
) -> Result<Vec<OwnerContact>, AppError> {
    Ok(association_members::table
        .inner_join(crate::db::schema::users::table)
        .filter(association_members::association_id.eq(association_id))
        .filter(association_members::role.eq(OWNER))
        .order(association_members::created_at)
        .select((
            crate::db::schema::users::id,
            crate::db::schema::users::email,
            crate::db::schema::users::display_name,
            crate::db::schema::users::language,
        ))
        .load(conn)?)
}
