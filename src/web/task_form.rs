//! The task form of an association's members: what it sends, read into the same
//! [`TaskInput`] that `POST /api/v1/associations/{id}/tasks` takes, so the rules (and the
//! field names of their errors) are the feature's own. Times are typed in Finnish local
//! time (`datetime-local`), as the people posting them think of them.

use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Europe::Helsinki;

use crate::error::FieldError;
use crate::tasks::draft::TaskInput;

/// The form as sent (every field a string, kept to show again when refused).
#[derive(Debug, Default, Clone)]
pub struct TaskForm {
    pub title: String,
    pub description: String,
    pub categories: Vec<String>,
    pub municipality_code: String,
    pub address: String,
    pub remote_online: Option<String>,
    pub schedule_type: String,
    pub starts_at: String,
    pub ends_at: String,
    pub estimated_hours: String,
    pub spots: String,
    pub approval_mode: String,
    pub waitlist: Option<String>,
    pub min_age: String,
    pub max_age: String,
    pub beginner_friendly: Option<String>,
    pub supported: Option<String>,
    pub criminal_record_check: Option<String>,
    pub application_deadline: String,
    pub contact_person: String,
}

/// A local time from a `datetime-local` input (`2026-06-15T10:00`), as UTC.
fn local_time(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .and_then(|t| Helsinki.from_local_datetime(&t).earliest());
    match parsed {
        Some(t) => Some(t.with_timezone(&Utc)),
        None => {
            errors.push(FieldError::new(field, "invalid", "Give a date and a time."));
            None
        }
    }
}

fn number<T: std::str::FromStr>(
    field: &str,
    value: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let value = value.trim().replace(',', ".");
    if value.is_empty() {
        return None;
    }
    match value.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(FieldError::new(field, "invalid", "Give a number."));
            None
        }
    }
}

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

impl TaskForm {
    /// Reads the form's pairs (`category` repeats, which serde's form reader cannot take).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (key, value) in pairs {
            let on = Some(value.clone());
            match key.as_str() {
                "title" => f.title = value,
                "description" => f.description = value,
                "category" => f.categories.push(value),
                "municipality_code" => f.municipality_code = value,
                "address" => f.address = value,
                "remote_online" => f.remote_online = on,
                "schedule_type" => f.schedule_type = value,
                "starts_at" => f.starts_at = value,
                "ends_at" => f.ends_at = value,
                "estimated_hours" => f.estimated_hours = value,
                "spots" => f.spots = value,
                "approval_mode" => f.approval_mode = value,
                "waitlist" => f.waitlist = on,
                "min_age" => f.min_age = value,
                "max_age" => f.max_age = value,
                "beginner_friendly" => f.beginner_friendly = on,
                "supported" => f.supported = on,
                "criminal_record_check" => f.criminal_record_check = on,
                "application_deadline" => f.application_deadline = value,
                "contact_person" => f.contact_person = value,
                _ => {}
            }
        }
        f
    }

    /// The input of a new task, or the fields that cannot even be read.
    pub fn input(&self) -> Result<TaskInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let input = TaskInput {
            title: Some(self.title.clone()),
            description: Some(self.description.clone()),
            categories: Some(self.categories.clone()),
            municipality_code: Some(text(&self.municipality_code)),
            address: Some(text(&self.address)),
            remote_online: Some(self.remote_online.is_some()),
            remote_phone: Some(false),
            schedule_type: Some(self.schedule_type.clone()),
            starts_at: Some(local_time("starts_at", &self.starts_at, &mut errors)),
            ends_at: Some(local_time("ends_at", &self.ends_at, &mut errors)),
            estimated_hours: Some(number(
                "estimated_hours",
                &self.estimated_hours,
                &mut errors,
            )),
            spots: Some(number("spots", &self.spots, &mut errors)),
            approval_mode: text(&self.approval_mode),
            waitlist: Some(self.waitlist.is_some()),
            min_age: Some(number("min_age", &self.min_age, &mut errors)),
            max_age: Some(number("max_age", &self.max_age, &mut errors)),
            languages: None,
            beginner_friendly: Some(self.beginner_friendly.is_some()),
            supported: Some(self.supported.is_some()),
            criminal_record_check: Some(self.criminal_record_check.is_some()),
            application_deadline: Some(local_time(
                "application_deadline",
                &self.application_deadline,
                &mut errors,
            )),
            contact_person: Some(text(&self.contact_person)),
            placement: None,
        };
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }

    /// Whether a category is ticked.
    pub fn has_category(&self, slug: &str) -> bool {
        self.categories.iter().any(|c| c == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_finnish_and_bad_fields_are_named() {
        let form = TaskForm {
            starts_at: "2026-06-15T10:00".into(),
            spots: "many".into(),
            estimated_hours: "2,5".into(),
            ..TaskForm::default()
        };
        let errors = form.input().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "spots");
        let ok = TaskForm {
            starts_at: "2026-06-15T10:00".into(),
            estimated_hours: "2,5".into(),
            ..TaskForm::default()
        };
        let input = ok.input().unwrap();
        // 10:00 in Helsinki in June is 07:00 UTC.
        assert_eq!(
            input.starts_at.unwrap().unwrap().to_rfc3339(),
            "2026-06-15T07:00:00+00:00"
        );
        assert_eq!(input.estimated_hours, Some(Some(2.5)));
    }
}
