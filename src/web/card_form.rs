//! The association card form of its members: what it sends, read into the same
//! [`CardInput`] that `PATCH /api/v1/associations/{id}` takes, so the rules and the field
//! names of their errors are the feature's own. Lists (languages, social links) are typed
//! one per line or ticked.

use crate::associations::card::CardInput;
use crate::associations::model::Association;
use crate::error::FieldError;

/// The form as sent: every field a string, kept to show again when refused.
#[derive(Debug, Default, Clone)]
pub struct CardForm {
    pub name: String,
    pub municipality_code: String,
    pub field_of_activity: String,
    pub summary: String,
    pub description: String,
    pub activities: String,
    pub target_groups: String,
    pub how_to_join: String,
    pub membership_fee: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    /// One link a line.
    pub social_links: String,
    pub meeting_address: String,
    pub languages: Vec<String>,
    pub accessibility: String,
    pub founding_year: String,
}

/// The single-value text fields, in the form's order: (name, label key, multi-line). The
/// municipality and the field of activity are selects of the reference data.
pub const TEXT_FIELDS: &[(&str, &str, bool)] = &[
    ("name", "card-name", false),
    ("summary", "card-summary", false),
    ("description", "card-description", true),
    ("activities", "card-activities", true),
    ("target_groups", "card-target-groups", true),
    ("how_to_join", "card-how-to-join", true),
    ("membership_fee", "card-fee", false),
    ("contact_person", "card-contact-person", false),
    ("email", "card-email", false),
    ("phone", "card-phone", false),
    ("website", "card-website", false),
    ("meeting_address", "card-address", false),
    ("accessibility", "card-accessibility", true),
    ("founding_year", "card-founding-year", false),
];

/// The languages a card may list.
pub const LANGUAGES: &[&str] = &["fi", "sv", "en"];

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

fn json_list(raw: &str) -> Vec<String> {
    serde_json::from_str(raw).unwrap_or_default()
}

impl CardForm {
    /// The form filled with the card as it is now.
    pub fn from_association(a: &Association) -> Self {
        let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            name: a.name.clone(),
            municipality_code: a.municipality_code.clone(),
            field_of_activity: or_empty(&a.field_of_activity),
            summary: or_empty(&a.summary),
            description: or_empty(&a.description),
            activities: or_empty(&a.activities),
            target_groups: or_empty(&a.target_groups),
            how_to_join: or_empty(&a.how_to_join),
            membership_fee: or_empty(&a.membership_fee),
            contact_person: or_empty(&a.contact_person),
            email: or_empty(&a.email),
            phone: or_empty(&a.phone),
            website: or_empty(&a.website),
            social_links: json_list(&a.social_links).join("\n"),
            meeting_address: or_empty(&a.meeting_address),
            languages: json_list(&a.languages),
            accessibility: or_empty(&a.accessibility),
            founding_year: a.founding_year.map(|y| y.to_string()).unwrap_or_default(),
        }
    }

    /// Reads the form's pairs (`language` repeats).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut f = Self::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "language" => f.languages.push(value),
                "municipality_code" => f.municipality_code = value,
                "social_links" => f.social_links = value,
                other => {
                    if let Some(slot) = f.text_mut(other) {
                        *slot = value;
                    }
                }
            }
        }
        f
    }

    fn text_mut(&mut self, field: &str) -> Option<&mut String> {
        Some(match field {
            "name" => &mut self.name,
            "field_of_activity" => &mut self.field_of_activity,
            "summary" => &mut self.summary,
            "description" => &mut self.description,
            "activities" => &mut self.activities,
            "target_groups" => &mut self.target_groups,
            "how_to_join" => &mut self.how_to_join,
            "membership_fee" => &mut self.membership_fee,
            "contact_person" => &mut self.contact_person,
            "email" => &mut self.email,
            "phone" => &mut self.phone,
            "website" => &mut self.website,
            "meeting_address" => &mut self.meeting_address,
            "accessibility" => &mut self.accessibility,
            "founding_year" => &mut self.founding_year,
            _ => return None,
        })
    }

    /// A text field's value, for the template's loop over [`TEXT_FIELDS`].
    pub fn value(&self, field: &str) -> &str {
        match field {
            "name" => &self.name,
            "field_of_activity" => &self.field_of_activity,
            "summary" => &self.summary,
            "description" => &self.description,
            "activities" => &self.activities,
            "target_groups" => &self.target_groups,
            "how_to_join" => &self.how_to_join,
            "membership_fee" => &self.membership_fee,
            "contact_person" => &self.contact_person,
            "email" => &self.email,
            "phone" => &self.phone,
            "website" => &self.website,
            "meeting_address" => &self.meeting_address,
            "accessibility" => &self.accessibility,
            "founding_year" => &self.founding_year,
            _ => "",
        }
    }

    /// Whether a language is ticked.
    pub fn speaks(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l == code)
    }

    /// The changes to the card, or the fields that cannot even be read.
    pub fn input(&self) -> Result<CardInput, Vec<FieldError>> {
        let founding_year = match self.founding_year.trim() {
            "" => None,
            year => Some(year.parse::<i32>().map_err(|_| {
                vec![FieldError::new(
                    "founding_year",
                    "invalid",
                    "Give the year as a number.",
                )]
            })?),
        };
        let links: Vec<String> = self.social_links.lines().filter_map(text).collect();
        Ok(CardInput {
            name: Some(Some(self.name.trim().to_owned())),
            municipality_code: Some(Some(self.municipality_code.trim().to_owned())),
            field_of_activity: Some(text(&self.field_of_activity)),
            summary: Some(text(&self.summary)),
            description: Some(text(&self.description)),
            activities: Some(text(&self.activities)),
            target_groups: Some(text(&self.target_groups)),
            how_to_join: Some(text(&self.how_to_join)),
            membership_fee: Some(text(&self.membership_fee)),
            contact_person: Some(text(&self.contact_person)),
            email: Some(text(&self.email)),
            phone: Some(text(&self.phone)),
            website: Some(text(&self.website)),
            social_links: Some(Some(links)),
            meeting_address: Some(text(&self.meeting_address)),
            languages: Some(Some(self.languages.clone())),
            accessibility: Some(text(&self.accessibility)),
            founding_year: Some(founding_year),
            ..CardInput::default()
        })
    }

    /// The values as a browser sends them, for the stale-edit check.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = TEXT_FIELDS
            .iter()
            .map(|(field, _, _)| ((*field).to_owned(), self.value(field).to_owned()))
            .collect();
        pairs.push(("municipality_code".into(), self.municipality_code.clone()));
        pairs.push(("field_of_activity".into(), self.field_of_activity.clone()));
        pairs.push(("social_links".into(), self.social_links.clone()));
        for l in &self.languages {
            pairs.push(("language".into(), l.clone()));
        }
        pairs
    }

    /// The text key of a field's label, for the list of a stale edit's changes.
    pub fn label_key(field: &str) -> Option<&'static str> {
        match field {
            "municipality_code" => Some("search-municipality-label"),
            "field_of_activity" => Some("card-field-of-activity"),
            "social_links" => Some("card-social-links"),
            "language" => Some("card-languages"),
            other => TEXT_FIELDS
                .iter()
                .find(|(f, _, _)| *f == other)
                .map(|(_, key, _)| *key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_back_what_it_shows() {
        let pairs = vec![
            ("name".to_owned(), " Seura ".to_owned()),
            ("language".to_owned(), "fi".to_owned()),
            ("language".to_owned(), "sv".to_owned()),
            (
                "social_links".to_owned(),
                "https://a.fi\n\n https://b.fi ".to_owned(),
            ),
            ("founding_year".to_owned(), "1998".to_owned()),
        ];
        let form = CardForm::from_pairs(&pairs);
        assert!(form.speaks("sv") && !form.speaks("en"));
        let input = form.input().unwrap();
        assert_eq!(input.name, Some(Some("Seura".to_owned())));
        assert_eq!(
            input.social_links,
            Some(Some(vec![
                "https://a.fi".to_owned(),
                "https://b.fi".to_owned()
            ]))
        );
        assert_eq!(input.founding_year, Some(Some(1998)));
        assert_eq!(input.summary, Some(None));
        let again = CardForm::from_pairs(&form.pairs());
        assert_eq!(again.pairs(), form.pairs());
        let bad = CardForm {
            founding_year: "vuonna 98".into(),
            ..CardForm::default()
        };
        assert_eq!(bad.input().unwrap_err()[0].field, "founding_year");
    }
}
