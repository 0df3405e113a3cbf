//! Saved searches: a volunteer keeps a filter set of `GET /tasks` under a name and chooses
//! how to hear about new tasks that match it (`alert`: a daily digest, at once, or not at
//! all). The filters come as a typed object ([`Filters`], the filter parameters of
//! `GET /tasks`), are checked by the same parser as `GET /tasks`, and are stored as one
//! canonical query string (pairs sorted), so that the same search saved twice reads the same.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::text;
use crate::db::DbConnection;
use crate::db::schema::{alert_matches, saved_searches};
use crate::db::stored::StoredEnum;
use crate::error::{AppError, FieldError};
use crate::tasks::search::TaskQuery;

/// How many searches one volunteer may keep: enough for anyone's real interests, and a
/// bound on the work each new task costs (every alerting search is checked against it).
pub const MAX_PER_USER: i64 = 20;
/// Longest name.
pub const MAX_NAME_CHARS: usize = 100;
/// Most categories in one saved search.
pub const MAX_CATEGORIES: usize = 10;
/// Longest search words.
pub const MAX_Q_CHARS: usize = 200;
/// Longest code (municipality, region, language).
pub const MAX_CODE_CHARS: usize = 20;
/// Longest category slug.
pub const MAX_CATEGORY_CHARS: usize = 50;

/// The filters of a saved search: the filter parameters of `GET /tasks`, typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_after: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_before: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_spots: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beginner_friendly: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<bool>,
}

impl Filters {
    /// The filters as sorted `GET /tasks` query pairs.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut text = |key: &'static str, value: &Option<String>| {
            if let Some(v) = value {
                out.push((key, v.clone()));
            }
        };
        text("q", &self.q);
        text("municipality", &self.municipality);
        text("region", &self.region);
        text("schedule_type", &self.schedule_type);
        text("language", &self.language);
        for category in &self.category {
            out.push(("category", category.clone()));
        }
        let flags = [
            ("remote", self.remote),
            ("has_spots", self.has_spots),
            ("beginner_friendly", self.beginner_friendly),
            ("supported", self.supported),
            ("placement", self.placement),
        ];
        for (key, value) in flags {
            if let Some(v) = value {
                out.push((key, v.to_string()));
            }
        }
        if let Some(age) = self.age {
            out.push(("age", age.to_string()));
        }
        let time = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        if let Some(t) = self.starts_after {
            out.push(("starts_after", time(t)));
        }
        if let Some(t) = self.starts_before {
            out.push(("starts_before", time(t)));
        }
        out.sort();
        out.dedup();
        out
    }
}

impl Filters {
    /// Reads a stored query string back with `GET /tasks`'s own parser (the inverse of
    /// [`canonical_query`]); a string it refuses, which nothing stores, reads as no filters.
    pub fn from_query(query: &str) -> Self {
        TaskQuery::parse(query).map(Self::from).unwrap_or_default()
    }
}

impl From<TaskQuery> for Filters {
    fn from(q: TaskQuery) -> Self {
        Filters {
            q: q.q,
            municipality: q.municipality,
            region: q.region,
            category: q.categories,
            schedule_type: q.schedule_type,
            remote: q.remote,
            age: q.age,
            starts_after: q.starts_after.map(|t| t.and_utc()),
            starts_before: q.starts_before.map(|t| t.and_utc()),
            has_spots: q.has_spots,
            beginner_friendly: q.beginner_friendly,
            supported: q.supported,
            language: q.language,
            placement: q.placement,
        }
    }
}

/// How a saved search tells about new matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alert {
    /// At most one email a day, with every new match of every search and follow.
    Daily,
    /// Soon after a match, at most a few emails an hour.
    Instant,
    /// No email: the search is kept to run by hand.
    Off,
}

impl StoredEnum for Alert {
    const WHAT: &'static str = "alert";
    const ALL: &'static [Self] = &[Self::Daily, Self::Instant, Self::Off];

    fn as_str(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Instant => "instant",
            Self::Off => "off",
        }
    }
}

/// A saved search as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = saved_searches)]
pub struct SavedSearch {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub query: String,
    pub alert: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A saved search as its owner sees it.
#[derive(Debug, Serialize)]
pub struct SavedSearchView {
    pub id: String,
    pub name: String,
    pub filters: Filters,
    /// The same filters as a `GET /tasks` query string, to run the search.
    pub query: String,
    pub alert: Alert,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl SavedSearch {
    /// The view; a stored alert this build does not know reads as `off`.
    pub fn view(self) -> SavedSearchView {
        SavedSearchView {
            alert: Alert::from_stored(&self.alert).unwrap_or(Alert::Off),
            id: self.id,
            name: self.name,
            filters: Filters::from_query(&self.query),
            query: self.query,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }
}

/// `POST /me/saved-searches`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSavedSearch {
    pub name: String,
    #[serde(deserialize_with = "object")]
    pub filters: Filters,
    pub alert: Option<Alert>,
}

/// `PATCH /me/saved-searches/{id}`: only the fields present change.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSearchPatch {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "object_or_null")]
    pub filters: Option<Filters>,
    pub alert: Option<Alert>,
}

/// Filters from a JSON object only: serde would also build them from an array. The
/// derived deserializer runs on the object's own entries, so an error still names its
/// field (`filters.colour`).
fn object<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Filters, D::Error> {
    struct ObjectOnly;
    impl<'de> serde::de::Visitor<'de> for ObjectOnly {
        type Value = Filters;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of filters")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Filters, A::Error> {
            Filters::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(ObjectOnly)
}

/// [`object`], or `null` for "unchanged".
fn object_or_null<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Filters>, D::Error> {
    struct OrNull;
    impl<'de> serde::de::Visitor<'de> for OrNull {
        type Value = Option<Filters>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of filters or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(
            self,
            deserializer: D2,
        ) -> Result<Self::Value, D2::Error> {
            object(deserializer).map(Some)
        }
    }
    deserializer.deserialize_option(OrNull)
}

fn check_name(raw: &str) -> Result<String, FieldError> {
    let name = text::name("name", raw)?;
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            "name",
            "length",
            format!("The name is 1–{MAX_NAME_CHARS} characters."),
        ));
    }
    Ok(name)
}

/// Checks filters with `GET /tasks`'s parser and returns their canonical query string.
/// Problems are reported under `filters` (`filters.age`, …).
pub fn canonical_query(filters: &Filters) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    if filters.category.len() > MAX_CATEGORIES {
        errors.push(FieldError::new(
            "filters.category",
            "too_many",
            format!("At most {MAX_CATEGORIES} categories."),
        ));
    }
    let pairs = filters.pairs();
    for (key, value) in &pairs {
        let field = format!("filters.{key}");
        if let Some(c) = text::forbidden_char(value) {
            errors.push(text::forbidden_char_error(&field, c));
        }
        let most = match *key {
            "q" => MAX_Q_CHARS,
            "category" => MAX_CATEGORY_CHARS,
            "municipality" | "region" | "language" => MAX_CODE_CHARS,
            _ => usize::MAX,
        };
        if value.chars().count() > most && !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError::new(
                field,
                "too_long",
                format!("At most {most} characters."),
            ));
        }
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pairs)
        .finish();
    if let Err(AppError::Validation(found)) = TaskQuery::parse(&query) {
        errors.extend(found.into_iter().map(|mut e| {
            e.field = format!("filters.{}", e.field);
            e
        }));
    }
    if errors.is_empty() {
        Ok(query)
    } else {
        Err(errors)
    }
}

/// The volunteer's saved searches, oldest first.
pub fn list(conn: &mut DbConnection, user_id: &str) -> Result<Vec<SavedSearchView>, AppError> {
    let rows: Vec<SavedSearch> = saved_searches::table
        .filter(saved_searches::user_id.eq(user_id))
        .order((saved_searches::created_at, saved_searches::id))
        .select(SavedSearch::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(SavedSearch::view).collect())
}

/// Saves a search (every field checked first; nothing is written on an error).
pub fn create(
    conn: &mut DbConnection,
    user_id: &str,
    input: NewSavedSearch,
    now: NaiveDateTime,
) -> Result<SavedSearchView, AppError> {
    let mut errors = Vec::new();
    let name = check_name(&input.name).map_err(|e| errors.push(e)).ok();
    let query = canonical_query(&input.filters)
        .map_err(|e| errors.extend(e))
        .ok();
    let (Some(name), Some(query)) = (name, query) else {
        return Err(AppError::Validation(errors));
    };
    let held: i64 = saved_searches::table
        .filter(saved_searches::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    if held >= MAX_PER_USER {
        return Err(AppError::Conflict(format!(
            "You can keep at most {MAX_PER_USER} saved searches; delete one first."
        )));
    }
    let row = SavedSearch {
        id: uuid::Uuid::now_v7().to_string(),
        user_id: user_id.to_owned(),
        name,
        query,
        alert: input.alert.unwrap_or(Alert::Daily).as_str().to_owned(),
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(saved_searches::table)
        .values((
            saved_searches::id.eq(&row.id),
            saved_searches::user_id.eq(&row.user_id),
            saved_searches::name.eq(&row.name),
            saved_searches::query.eq(&row.query),
            saved_searches::alert.eq(&row.alert),
            saved_searches::created_at.eq(now),
            saved_searches::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(row.view())
}

fn own(conn: &mut DbConnection, user_id: &str, id: &str) -> Result<SavedSearch, AppError> {
    saved_searches::table
        .filter(saved_searches::id.eq(id))
        .filter(saved_searches::user_id.eq(user_id))
        .select(SavedSearch::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)
}

/// Changes a saved search of the volunteer's (`404` for anyone else's).
pub fn update(
    conn: &mut DbConnection,
    user_id: &str,
    id: &str,
    patch: SavedSearchPatch,
    now: NaiveDateTime,
) -> Result<SavedSearchView, AppError> {
    let mut row = own(conn, user_id, id)?;
    let mut errors = Vec::new();
    if let Some(raw) = &patch.name {
        match check_name(raw) {
            Ok(name) => row.name = name,
            Err(e) => errors.push(e),
        }
    }
    if let Some(filters) = &patch.filters {
        match canonical_query(filters) {
            Ok(query) => row.query = query,
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    if let Some(alert) = patch.alert {
        row.alert = alert.as_str().to_owned();
    }
    row.updated_at = now;
    diesel::update(saved_searches::table.find(&row.id))
        .set((
            saved_searches::name.eq(&row.name),
            saved_searches::query.eq(&row.query),
            saved_searches::alert.eq(&row.alert),
            saved_searches::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(row.view())
}

/// Deletes a saved search of the volunteer's (`404` for anyone else's).
pub fn delete(conn: &mut DbConnection, user_id: &str, id: &str) -> Result<(), AppError> {
    let row = own(conn, user_id, id)?;
    // Its matches not yet sent go with it (sent ones stay until the account goes).
    diesel::delete(
        alert_matches::table
            .filter(alert_matches::source_kind.eq("saved_search"))
            .filter(alert_matches::source_id.eq(&row.id))
            .filter(alert_matches::sent_at.is_null()),
    )
    .execute(conn)?;
    diesel::delete(saved_searches::table.find(&row.id)).execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_kept_in_one_form_and_read_back() {
        let filters = Filters {
            q: Some("siivous ranta".into()),
            region: Some("09".into()),
            category: vec!["environment".into(), "animals".into()],
            age: Some(16),
            remote: Some(false),
            starts_after: "2027-06-01T08:00:00Z".parse().ok(),
            ..Filters::default()
        };
        let query = canonical_query(&filters).unwrap();
        assert_eq!(
            query,
            "age=16&category=animals&category=environment&q=siivous+ranta&region=09&remote=false\
             &starts_after=2027-06-01T08%3A00%3A00Z"
        );
        let back = Filters::from_query(&query);
        assert_eq!(back.category, ["animals", "environment"]);
        assert_eq!(canonical_query(&back).unwrap(), query);
    }

    #[test]
    fn bad_filters_are_named() {
        let filters = Filters {
            age: Some(200),
            schedule_type: Some("sometimes".into()),
            q: Some("a\u{0}b".into()),
            ..Filters::default()
        };
        let errors = canonical_query(&filters).unwrap_err();
        let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(
            fields,
            ["filters.age", "filters.q", "filters.schedule_type"]
        );
    }
}
