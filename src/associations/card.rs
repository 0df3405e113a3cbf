//! Creating an association and editing its card: one input type for both, checked field
//! by field into a diesel changeset.

use chrono::{Datelike, Utc};
use diesel::prelude::*;
use serde::Deserialize;
use validator::ValidateEmail as _;

use crate::api::{present, text};
use crate::associations::identifiers;
use crate::associations::model::{self, Association, OWNER, PENDING};
use crate::db::schema::{association_members, associations, categories};
use crate::db::{DbConnection, json};
use crate::error::{AppError, FieldError};

/// Body of `POST /associations` and `PATCH /associations/{id}`. Every field may be left
/// out of a PATCH; `null` clears an optional one.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardInput {
    #[serde(default, deserialize_with = "present")]
    pub name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub municipality_code: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub register_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub business_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub field_of_activity: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub summary: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub activities: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub target_groups: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub how_to_join: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub membership_fee: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub contact_person: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub website: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub social_links: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "present")]
    pub meeting_address: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub languages: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "present")]
    pub accessibility: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub logo_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub founding_year: Option<Option<i32>>,
}

/// The checked changes, ready for an UPDATE or INSERT.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = associations)]
pub struct Changes {
    pub name: Option<String>,
    pub municipality_code: Option<String>,
    pub register_number: Option<Option<String>>,
    pub business_id: Option<Option<String>>,
    pub field_of_activity: Option<Option<String>>,
    pub summary: Option<Option<String>>,
    pub description: Option<Option<String>>,
    pub activities: Option<Option<String>>,
    pub target_groups: Option<Option<String>>,
    pub how_to_join: Option<Option<String>>,
    pub membership_fee: Option<Option<String>>,
    pub contact_person: Option<Option<String>>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub website: Option<Option<String>>,
    pub social_links: Option<String>,
    pub meeting_address: Option<Option<String>>,
    pub languages: Option<String>,
    pub accessibility: Option<Option<String>>,
    pub logo_url: Option<Option<String>>,
    pub founding_year: Option<Option<i32>>,
    /// Set when the changes are written, so the changeset is never empty.
    pub updated_at: Option<chrono::NaiveDateTime>,
}

/// The free-text fields that may hold line breaks; the others are one line.
const MULTI_LINE: &[&str] = &[
    "description",
    "activities",
    "target_groups",
    "how_to_join",
    "accessibility",
];

/// Limits of the free-text fields, in characters.
const LIMITS: &[(&str, usize)] = &[
    ("summary", 250),
    ("description", 5000),
    ("activities", 2000),
    ("target_groups", 1000),
    ("how_to_join", 1000),
    ("membership_fee", 200),
    ("contact_person", 100),
    ("meeting_address", 300),
    ("accessibility", 1000),
];

struct Checker<'c> {
    conn: &'c mut DbConnection,
    errors: Vec<FieldError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// Cleans a clearable text field (NFC, trimmed, line breaks only where the field is
    /// multi-line; see [`text`]); empty text clears it.
    fn text(&mut self, field: &str, value: Option<Option<String>>) -> Option<Option<String>> {
        let limit = LIMITS
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(500, |(_, l)| *l);
        value.map(|v| {
            let v = v
                .and_then(
                    |s| match text::field(field, &s, MULTI_LINE.contains(&field)) {
                        Ok(s) => Some(s),
                        Err(error) => {
                            self.errors.push(error);
                            None
                        }
                    },
                )
                .filter(|s| !s.is_empty());
            if let Some(s) = &v
                && s.chars().count() > limit
            {
                self.fail(
                    field,
                    "too_long",
                    format!("Use at most {limit} characters."),
                );
            }
            v
        })
    }

    fn checked(
        &mut self,
        field: &str,
        value: Option<Option<String>>,
        check: fn(&str) -> Option<String>,
        message: &str,
    ) -> Option<Option<String>> {
        let value = value.map(|v| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()));
        value.map(|v| {
            v.and_then(|s| {
                let checked = check(&s);
                if checked.is_none() {
                    self.fail(field, "invalid", message);
                }
                checked
            })
        })
    }

    fn unique(
        &mut self,
        field: &str,
        value: &Option<Option<String>>,
        own_id: Option<&str>,
    ) -> Result<(), AppError> {
        let Some(Some(value)) = value else {
            return Ok(());
        };
        let mut query = associations::table.select(associations::id).into_boxed();
        query = match field {
            "business_id" => query.filter(associations::business_id.eq(value.clone())),
            _ => query.filter(associations::register_number.eq(value.clone())),
        };
        let holders: Vec<String> = query.load(self.conn)?;
        if holders.iter().any(|id| Some(id.as_str()) != own_id) {
            self.fail(
                field,
                "taken",
                "Another association already has this identifier; claim it instead.",
            );
        }
        Ok(())
    }
}

/// Checks an input. `existing` is the association being edited, `None` when creating.
pub fn check(
    conn: &mut DbConnection,
    input: CardInput,
    existing: Option<&Association>,
) -> Result<Changes, AppError> {
    check_as(conn, input, existing, Editor::Member)
}

/// Who edits a card: identifiers of a verified association are the administrators' to
/// correct (they checked them when verifying), not the members'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    Member,
    Administrator,
}

/// [`check`] for a given kind of editor.
pub fn check_as(
    conn: &mut DbConnection,
    input: CardInput,
    existing: Option<&Association>,
    editor: Editor,
) -> Result<Changes, AppError> {
    let creating = existing.is_none();
    let own_id = existing.map(|a| a.id.clone());
    let mut c = Checker {
        conn,
        errors: Vec::new(),
    };
    let mut changes = Changes::default();

    match input.name.map(|n| n.map(|s| text::name("name", &s))) {
        Some(Some(Err(error))) => c.errors.push(error),
        Some(Some(Ok(name))) if (2..=200).contains(&name.chars().count()) => {
            changes.name = Some(name);
        }
        Some(_) => c.fail("name", "invalid", "The name must be 2–200 characters."),
        None if creating => c.fail("name", "required", "Give the association's name."),
        None => {}
    }
    match input.municipality_code {
        Some(Some(code)) => {
            match crate::accounts::model::check_municipality(c.conn, "municipality_code", &code)? {
                Some(error) => c.errors.push(error),
                None => changes.municipality_code = Some(code),
            }
        }
        Some(None) => c.fail(
            "municipality_code",
            "required",
            "An association has a home municipality.",
        ),
        None if creating => c.fail(
            "municipality_code",
            "required",
            "Give the home municipality's code.",
        ),
        None => {}
    }
    let locked = existing.is_some_and(|a| a.status != PENDING) && editor == Editor::Member;
    for (field, present) in [
        ("register_number", input.register_number.is_some()),
        ("business_id", input.business_id.is_some()),
    ] {
        if locked && present {
            c.fail(
                field,
                "locked",
                "Identifiers of a verified association are changed by an administrator.",
            );
        }
    }
    changes.register_number = c.checked(
        "register_number",
        input.register_number,
        identifiers::register_number,
        "A register number is 1–7 digits, e.g. 123.456.",
    );
    changes.business_id = c.checked(
        "business_id",
        input.business_id,
        identifiers::business_id,
        "This is not a valid business ID (Y-tunnus), e.g. 1234567-8.",
    );
    c.unique(
        "register_number",
        &changes.register_number,
        own_id.as_deref(),
    )?;
    c.unique("business_id", &changes.business_id, own_id.as_deref())?;

    if let Some(Some(slug)) = &input.field_of_activity {
        let known: i64 = categories::table
            .filter(categories::slug.eq(slug))
            .count()
            .get_result(c.conn)?;
        if known == 0 {
            c.fail(
                "field_of_activity",
                "unknown_value",
                "Use a category slug from GET /api/v1/categories.",
            );
        }
    }
    changes.field_of_activity = input.field_of_activity;
    for (field, value, slot) in [
        ("summary", input.summary, &mut changes.summary),
        ("description", input.description, &mut changes.description),
        ("activities", input.activities, &mut changes.activities),
        (
            "target_groups",
            input.target_groups,
            &mut changes.target_groups,
        ),
        ("how_to_join", input.how_to_join, &mut changes.how_to_join),
        (
            "membership_fee",
            input.membership_fee,
            &mut changes.membership_fee,
        ),
        (
            "contact_person",
            input.contact_person,
            &mut changes.contact_person,
        ),
        (
            "meeting_address",
            input.meeting_address,
            &mut changes.meeting_address,
        ),
        (
            "accessibility",
            input.accessibility,
            &mut changes.accessibility,
        ),
    ] {
        *slot = c.text(field, value);
    }
    fn email(s: &str) -> Option<String> {
        (s.len() <= 254 && s.validate_email()).then(|| s.to_lowercase())
    }
    changes.email = c.checked("email", input.email, email, "This is not an email address.");
    changes.phone = c.checked(
        "phone",
        input.phone,
        identifiers::phone,
        "Write the number with its area code, e.g. 040 123 4567.",
    );
    changes.website = c.checked(
        "website",
        input.website,
        identifiers::web_url,
        "Give a full address starting with https://.",
    );
    changes.logo_url = c.checked(
        "logo_url",
        input.logo_url,
        identifiers::web_url,
        "Give a full address starting with https://.",
    );

    if let Some(links) = input.social_links {
        let links = links.unwrap_or_default();
        if links.len() > 10 {
            c.fail("social_links", "too_many", "At most 10 links.");
        }
        let mut checked = Vec::new();
        for (i, link) in links.iter().enumerate() {
            match identifiers::web_url(link) {
                Some(url) => checked.push(url),
                None => c.fail(
                    &format!("social_links[{i}]"),
                    "invalid",
                    "Give a full address starting with https://.",
                ),
            }
        }
        changes.social_links = Some(json::write(&checked)?);
    }
    if let Some(languages) = input.languages {
        let mut languages = languages.unwrap_or_default();
        languages.sort();
        languages.dedup();
        if languages.len() > 20 {
            c.fail("languages", "too_many", "At most 20 languages.");
        }
        for (i, code) in languages.iter().enumerate() {
            if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                c.fail(
                    &format!("languages[{i}]"),
                    "invalid",
                    "Use ISO 639 codes such as fi, sv, en, ru.",
                );
            }
        }
        changes.languages = Some(json::write(&languages)?);
    }
    if let Some(Some(year)) = input.founding_year
        && !(1800..=Utc::now().year()).contains(&year)
    {
        c.fail(
            "founding_year",
            "out_of_range",
            "The year must be between 1800 and this year.",
        );
    }
    changes.founding_year = input.founding_year;

    if c.errors.is_empty() {
        Ok(changes)
    } else {
        c.errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(AppError::Validation(c.errors))
    }
}

/// A slug that no association has yet: the name's slug, or it with `-2`, `-3`, …
fn free_slug(conn: &mut DbConnection, name: &str) -> Result<String, AppError> {
    let mut base = identifiers::slugify(name);
    // A slug must never read as an id, or one association's link could open another.
    if uuid::Uuid::parse_str(&base).is_ok() {
        base = format!("yhdistys-{base}");
    }
    let taken: Vec<String> = associations::table
        .filter(
            associations::slug
                .eq(&base)
                .or(associations::slug.like(format!("{base}-%"))),
        )
        .select(associations::slug)
        .load(conn)?;
    if !taken.contains(&base) {
        return Ok(base);
    }
    Ok((2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .unwrap_or(base))
}

/// Inserts a new association (imported or created) and returns its id.
pub fn insert(
    conn: &mut DbConnection,
    changes: Changes,
    status: &str,
    imported: bool,
) -> Result<String, AppError> {
    let name = changes
        .name
        .clone()
        .ok_or_else(|| AppError::field("name", "required", "Give the association's name."))?;
    let municipality = changes.municipality_code.clone().ok_or_else(|| {
        AppError::field(
            "municipality_code",
            "required",
            "Give the home municipality's code.",
        )
    })?;
    let id = uuid::Uuid::now_v7().to_string();
    let now = Utc::now().naive_utc();
    let slug = free_slug(conn, &name)?;
    diesel::insert_into(associations::table)
        .values((
            associations::id.eq(&id),
            associations::slug.eq(slug),
            associations::name.eq(&name),
            associations::municipality_code.eq(municipality),
            associations::status.eq(status),
            associations::imported.eq(imported),
            associations::created_at.eq(now),
            associations::updated_at.eq(now),
            associations::verified_at.eq((status == model::VERIFIED).then_some(now)),
        ))
        .execute(conn)?;
    apply(conn, &id, changes)?;
    Ok(id)
}

/// Writes checked changes and refreshes the search text and version.
pub fn apply(conn: &mut DbConnection, id: &str, changes: Changes) -> Result<(), AppError> {
    let changes = Changes {
        updated_at: Some(Utc::now().naive_utc()),
        ..changes
    };
    diesel::update(associations::table.find(id))
        .set(&changes)
        .execute(conn)?;
    model::touch(conn, id)
}

/// Creates an association with the caller (an adult) as its owner; it waits for verification.
pub fn create(
    conn: &mut DbConnection,
    user_id: &str,
    input: CardInput,
) -> Result<Association, AppError> {
    let changes = check(conn, input, None)?;
    // The creator becomes its owner, which only an adult can be.
    crate::associations::access::may_own(conn, user_id)?;
    let id = insert(conn, changes, PENDING, false)?;
    diesel::insert_into(association_members::table)
        .values((
            association_members::association_id.eq(&id),
            association_members::user_id.eq(user_id),
            association_members::role.eq(OWNER),
            association_members::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    model::find(conn, &id)?.ok_or(AppError::NotFound)
}

/// Edits the card if `if_match` (the version the editor saw) is still current.
pub fn update(
    conn: &mut DbConnection,
    association: Association,
    if_match: Option<Vec<i32>>,
    input: CardInput,
    editor: Editor,
) -> Result<Association, AppError> {
    model::lock(conn, &association.id)?;
    let current: i32 = associations::table
        .find(&association.id)
        .select(associations::version)
        .first(conn)?;
    if if_match.is_some_and(|tags| !tags.contains(&current)) {
        return Err(AppError::PreconditionFailed);
    }
    let changes = check_as(conn, input, Some(&association), editor)?;
    apply(conn, &association.id, changes)?;
    model::find(conn, &association.id)?.ok_or(AppError::NotFound)
}
