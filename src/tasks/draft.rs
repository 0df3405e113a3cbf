//! Every writable field of a task in one struct, [`Draft`]: loaded as part of [`Task`]
//! (`#[diesel(embed)]`), written as one changeset, shown flattened into the API's view, and
//! edited by a pure merge ([`Draft::apply`]) followed by a pure check ([`Draft::check`]).
//! A PATCH is applied to the stored task first and the result is checked as a whole, so rules
//! that tie fields together (end after start, deadline before start, a place unless remote)
//! hold whichever fields a request changes. Adding a task field: README, "Adding a field".
//!
//! [`Task`]: crate::tasks::model::Task

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize, Serializer};

use crate::api::{present, text};
use crate::db::json::JsonText;
use crate::db::schema::tasks;
use crate::error::FieldError;

/// Languages a task may be done in (ISO 639 codes): the national ones, Sámi, and the
/// languages most spoken by newcomers in Finland.
pub const LANGUAGES: &[&str] = &[
    "fi", "sv", "en", "se", "smn", "sms", "ru", "et", "ar", "so", "fa", "ku", "uk", "sq", "vi",
    "zh", "es", "de", "fr", "tr", "th", "pl", "fil", "sgn",
];

/// Student placement (harjoittelupaikka) details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub field_of_study: String,
    pub duration: Option<String>,
    /// Whether the placement counts for study credits.
    pub credits: bool,
}

/// Every writable field of a task, as stored (and, flattened, as shown).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = tasks, treat_none_as_null = true)]
pub struct Draft {
    pub title: String,
    pub description: String,
    /// Shown as `municipality` (with names) by the view instead.
    #[serde(skip)]
    pub municipality_code: Option<String>,
    pub address: Option<String>,
    pub remote_online: bool,
    pub remote_phone: bool,
    pub schedule_type: String,
    #[serde(serialize_with = "utc")]
    pub starts_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "utc")]
    pub ends_at: Option<NaiveDateTime>,
    pub estimated_hours: Option<f64>,
    pub spots: Option<i32>,
    pub approval_mode: String,
    pub waitlist: bool,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    #[diesel(deserialize_as = String, serialize_as = String)]
    pub languages: JsonText<Vec<String>>,
    pub beginner_friendly: bool,
    pub supported: bool,
    pub criminal_record_check: bool,
    #[serde(serialize_with = "utc")]
    pub application_deadline: Option<NaiveDateTime>,
    pub contact_person: Option<String>,
    #[diesel(deserialize_as = Option<String>, serialize_as = Option<String>)]
    pub placement: JsonText<Option<Placement>>,
}

/// Stored times are UTC; the API shows them with their zone (`…Z`).
fn utc<S: Serializer>(time: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
    time.map(|t| t.and_utc()).serialize(s)
}

/// Body of `POST /associations/{id}/tasks` and `PATCH /tasks/{id}`: every field optional,
/// `null` clearing a nullable one. `categories` is stored beside the task.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub categories: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    pub municipality_code: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub address: Option<Option<String>>,
    pub remote_online: Option<bool>,
    pub remote_phone: Option<bool>,
    pub schedule_type: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub starts_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub ends_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub estimated_hours: Option<Option<f64>>,
    /// `null` means unlimited.
    #[serde(default, deserialize_with = "present")]
    pub spots: Option<Option<i32>>,
    pub approval_mode: Option<String>,
    pub waitlist: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub min_age: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    pub max_age: Option<Option<i32>>,
    pub languages: Option<Vec<String>>,
    pub beginner_friendly: Option<bool>,
    pub supported: Option<bool>,
    pub criminal_record_check: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub application_deadline: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub contact_person: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub placement: Option<Option<Placement>>,
}

impl Default for Draft {
    /// The starting point of a new task: everything empty, in Finnish, manual approval, no
    /// waitlist.
    fn default() -> Self {
        Self {
            title: String::new(),
            description: String::new(),
            municipality_code: None,
            address: None,
            remote_online: false,
            remote_phone: false,
            schedule_type: String::new(),
            starts_at: None,
            ends_at: None,
            estimated_hours: None,
            spots: None,
            approval_mode: "manual".into(),
            waitlist: false,
            min_age: None,
            max_age: None,
            languages: JsonText(vec!["fi".into()]),
            beginner_friendly: false,
            supported: false,
            criminal_record_check: false,
            application_deadline: None,
            contact_person: None,
            placement: JsonText(None),
        }
    }
}

/// Tidied one-line text (NFC, trimmed), with an empty string meaning "none".
fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|s| text::tidy(&s)).filter(|s| !s.is_empty())
}

/// Replaces `target` with the input's value when the input has the field.
fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

/// `Some(Some(t))` or `Some(None)` from the API as a stored (naive UTC) time.
fn naive(value: Option<Option<DateTime<Utc>>>) -> Option<Option<NaiveDateTime>> {
    value.map(|v| v.map(|t| t.naive_utc()))
}

impl Draft {
    /// Whether the task can be done remotely (online or by phone).
    pub fn is_remote(&self) -> bool {
        self.remote_online || self.remote_phone
    }

    /// Merges an input into the draft: the fields it names replace the draft's, text is
    /// trimmed and language lists sorted. Checks nothing; call [`Draft::check`] next.
    /// Returns what the input says of the categories, which live beside the task.
    pub fn apply(&mut self, input: TaskInput) -> Option<Vec<String>> {
        set(&mut self.title, input.title.map(|t| text::tidy(&t)));
        set(
            &mut self.description,
            input.description.map(|t| text::tidy_lines(&t)),
        );
        set(
            &mut self.municipality_code,
            input.municipality_code.map(trimmed),
        );
        set(&mut self.address, input.address.map(trimmed));
        set(&mut self.remote_online, input.remote_online);
        set(&mut self.remote_phone, input.remote_phone);
        set(&mut self.schedule_type, input.schedule_type);
        set(&mut self.starts_at, naive(input.starts_at));
        set(&mut self.ends_at, naive(input.ends_at));
        set(&mut self.estimated_hours, input.estimated_hours);
        set(&mut self.spots, input.spots);
        set(&mut self.approval_mode, input.approval_mode);
        set(&mut self.waitlist, input.waitlist);
        set(&mut self.min_age, input.min_age);
        set(&mut self.max_age, input.max_age);
        set(
            &mut self.languages,
            input.languages.map(|mut list| {
                list.sort();
                list.dedup();
                JsonText(list)
            }),
        );
        set(&mut self.beginner_friendly, input.beginner_friendly);
        set(&mut self.supported, input.supported);
        set(&mut self.criminal_record_check, input.criminal_record_check);
        set(
            &mut self.application_deadline,
            naive(input.application_deadline),
        );
        set(&mut self.contact_person, input.contact_person.map(trimmed));
        set(&mut self.placement, input.placement.map(JsonText));
        input.categories
    }

    /// Every rule a task's fields must meet together, as field errors (empty when the draft
    /// is valid). `accepted` is how many volunteers a stored task has already accepted
    /// (`None` for a new one), which its spots may not drop below. Rules that need the database (the municipality code,
    /// the categories) are checked by the caller.
    pub fn check(&self, accepted: Option<i32>) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, code: &str, message: &str| {
            errors.push(FieldError::new(field, code, message));
        };
        let required_or = |text: &str, code: &'static str| {
            if text.is_empty() { "required" } else { code }
        };
        if !(5..=150).contains(&self.title.chars().count()) {
            fail(
                "title",
                required_or(&self.title, "invalid"),
                "The title must be 5–150 characters.",
            );
        }
        if !(20..=10_000).contains(&self.description.chars().count()) {
            fail(
                "description",
                required_or(&self.description, "invalid"),
                "The description must be 20–10000 characters.",
            );
        }
        if !["fixed", "flexible", "ongoing"].contains(&self.schedule_type.as_str()) {
            fail(
                "schedule_type",
                required_or(&self.schedule_type, "unknown_value"),
                "The schedule type is fixed, flexible or ongoing.",
            );
        } else if self.schedule_type != "ongoing"
            && (self.starts_at.is_none() || self.ends_at.is_none())
        {
            let field = if self.starts_at.is_none() {
                "starts_at"
            } else {
                "ends_at"
            };
            fail(
                field,
                "required",
                "A fixed or flexible task has a start and an end.",
            );
        }
        if let (Some(start), Some(end)) = (self.starts_at, self.ends_at)
            && end < start
        {
            fail(
                "ends_at",
                "before_start",
                "The end cannot be before the start.",
            );
        }
        if let (Some(deadline), Some(start)) = (self.application_deadline, self.starts_at)
            && deadline > start
        {
            fail(
                "application_deadline",
                "after_start",
                "The application deadline cannot be after the start.",
            );
        }
        if let Some(min) = self.min_age
            && !(13..=120).contains(&min)
        {
            fail("min_age", "out_of_range", "The minimum age is 13–120.");
        }
        if let Some(max) = self.max_age
            && (!(13..=120).contains(&max) || self.min_age.is_some_and(|min| max < min))
        {
            fail(
                "max_age",
                "out_of_range",
                "The maximum age is 13–120 and not below the minimum.",
            );
        }
        if self.spots.is_some_and(|s| !(1..=100_000).contains(&s)) {
            fail(
                "spots",
                "out_of_range",
                "Give at least one spot, or null for unlimited.",
            );
        }
        if let (Some(spots), Some(accepted)) = (self.spots, accepted)
            && spots < accepted
        {
            fail(
                "spots",
                "below_accepted",
                "More volunteers are already accepted than that; decline some first.",
            );
        }
        if self
            .estimated_hours
            .is_some_and(|h| !(h > 0.0 && h <= 10_000.0))
        {
            fail(
                "estimated_hours",
                "out_of_range",
                "Give the estimate in hours, more than 0.",
            );
        }
        if !["manual", "automatic"].contains(&self.approval_mode.as_str()) {
            fail(
                "approval_mode",
                "unknown_value",
                "The approval mode is manual or automatic.",
            );
        }
        if self.municipality_code.is_none() && !self.remote_online && !self.remote_phone {
            fail(
                "municipality_code",
                "required",
                "Give the municipality, or mark the task as remote.",
            );
        }
        if self
            .address
            .as_ref()
            .is_some_and(|a| a.chars().count() > 300)
        {
            fail("address", "too_long", "Use at most 300 characters.");
        }
        if self
            .contact_person
            .as_ref()
            .is_some_and(|a| a.chars().count() > 200)
        {
            fail("contact_person", "too_long", "Use at most 200 characters.");
        }
        if self.languages.0.is_empty() {
            fail("languages", "required", "Name at least one language.");
        }
        for (i, code) in self.languages.0.iter().enumerate() {
            if !LANGUAGES.contains(&code.as_str()) {
                fail(
                    &format!("languages[{i}]"),
                    "unknown_value",
                    "Use an ISO 639 code such as fi, sv, en, ru, ar.",
                );
            }
        }
        if let Some(p) = &self.placement.0 {
            if p.field_of_study.trim().is_empty() || p.field_of_study.chars().count() > 200 {
                fail(
                    "placement.field_of_study",
                    "invalid",
                    "Name the field of study (1–200 characters).",
                );
            }
            if p.duration.as_ref().is_some_and(|s| s.chars().count() > 200) {
                fail(
                    "placement.duration",
                    "too_long",
                    "Use at most 200 characters.",
                );
            }
        }
        // One-line fields hold no line breaks, and a title shows something.
        let title = text::name("title", &self.title).err();
        let one_line = [
            ("address", self.address.as_deref()),
            ("contact_person", self.contact_person.as_deref()),
            (
                "placement.field_of_study",
                self.placement.0.as_ref().map(|p| p.field_of_study.as_str()),
            ),
            (
                "placement.duration",
                self.placement
                    .0
                    .as_ref()
                    .and_then(|p| p.duration.as_deref()),
            ),
        ];
        let lines = one_line
            .into_iter()
            .filter_map(|(field, value)| text::single_line(field, value?).err());
        errors.extend(title.into_iter().chain(lines));
        errors
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn valid() -> Draft {
        let mut d = Draft::default();
        d.apply(TaskInput {
            title: Some("  Kahvinkeittäjä  ".into()),
            description: Some("Keitetään kahvia talkooväelle lauantaina.".into()),
            municipality_code: Some(Some("405".into())),
            schedule_type: Some("ongoing".into()),
            ..TaskInput::default()
        });
        d
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn apply_replaces_only_named_fields_and_tidies_them() {
        let mut d = valid();
        assert_eq!(d.title, "Kahvinkeittäjä");
        assert_eq!(d.languages.0, ["fi"]);
        let categories = d.apply(TaskInput {
            address: Some(Some("   ".into())),
            languages: Some(vec!["sv".into(), "fi".into(), "sv".into()]),
            spots: Some(Some(3)),
            categories: Some(vec!["nature".into()]),
            ..TaskInput::default()
        });
        assert_eq!(categories, Some(vec!["nature".into()]));
        assert_eq!(d.address, None, "blank text is no text");
        assert_eq!(d.languages.0, ["fi", "sv"]);
        assert_eq!(d.spots, Some(3));
        assert_eq!(d.title, "Kahvinkeittäjä", "untouched");
        d.apply(TaskInput {
            spots: Some(None),
            ..TaskInput::default()
        });
        assert_eq!(d.spots, None, "null clears");
    }

    #[test]
    fn a_valid_draft_has_no_errors_and_an_empty_one_names_each_required_field() {
        assert!(valid().check(None).is_empty());
        let errors = Draft::default().check(None);
        assert_eq!(
            codes(&errors),
            [
                ("title", "required"),
                ("description", "required"),
                ("schedule_type", "required"),
                ("municipality_code", "required"),
            ]
        );
    }

    #[test]
    fn rules_that_tie_fields_together() {
        let at = |d| Utc.with_ymd_and_hms(2027, 5, d, 10, 0, 0).single();
        let mut d = valid();
        d.apply(TaskInput {
            schedule_type: Some("fixed".into()),
            starts_at: Some(at(10)),
            ends_at: Some(at(9)),
            application_deadline: Some(at(11)),
            min_age: Some(Some(18)),
            max_age: Some(Some(16)),
            spots: Some(Some(2)),
            ..TaskInput::default()
        });
        assert_eq!(
            codes(&d.check(Some(3))),
            [
                ("ends_at", "before_start"),
                ("application_deadline", "after_start"),
                ("max_age", "out_of_range"),
                ("spots", "below_accepted"),
            ]
        );
        d.apply(TaskInput {
            ends_at: Some(None),
            ..TaskInput::default()
        });
        assert!(codes(&d.check(None)).contains(&("ends_at", "required")));
    }

    #[test]
    fn one_line_fields_refuse_breaks_and_a_title_must_show_something() {
        let mut d = valid();
        d.apply(TaskInput {
            title: Some("\u{200d}\u{200d}\u{200d}\u{200d}\u{200d}".into()),
            address: Some(Some("Katu 1\r\nHelsinki".into())),
            description: Some("Rivi yksi,\r\nrivi kaksi: ihan tarpeeksi pitkä.".into()),
            ..TaskInput::default()
        });
        assert_eq!(
            codes(&d.check(None)),
            [("title", "invisible"), ("address", "line_break")]
        );
        assert_eq!(
            d.description,
            "Rivi yksi,\nrivi kaksi: ihan tarpeeksi pitkä."
        );
        d.apply(TaskInput {
            title: Some("Cafe\u{301} talkoot".into()),
            ..TaskInput::default()
        });
        assert_eq!(d.title, "Café talkoot", "NFC");
    }

    #[test]
    fn lists_and_placements_are_checked_item_by_item() {
        let mut d = valid();
        d.apply(TaskInput {
            languages: Some(vec!["xx".into(), "fi".into()]),
            placement: Some(Some(Placement {
                field_of_study: " ".into(),
                duration: Some("x".repeat(201)),
                credits: true,
            })),
            ..TaskInput::default()
        });
        assert_eq!(
            codes(&d.check(None)),
            [
                ("languages[1]", "unknown_value"),
                ("placement.field_of_study", "invalid"),
                ("placement.duration", "too_long"),
            ]
        );
        d.apply(TaskInput {
            languages: Some(Vec::new()),
            ..TaskInput::default()
        });
        assert!(codes(&d.check(None)).contains(&("languages", "required")));
    }

    #[test]
    fn the_view_shows_times_with_their_zone_and_json_columns_as_values() {
        let mut d = valid();
        d.apply(TaskInput {
            starts_at: Some(Utc.with_ymd_and_hms(2027, 5, 10, 10, 0, 0).single()),
            ..TaskInput::default()
        });
        let json = serde_json::to_value(&d).expect("serialise");
        assert_eq!(json["starts_at"], "2027-05-10T10:00:00Z");
        assert_eq!(json["languages"], serde_json::json!(["fi"]));
        assert_eq!(json["placement"], serde_json::Value::Null);
        assert!(json.get("municipality_code").is_none());
    }
}
