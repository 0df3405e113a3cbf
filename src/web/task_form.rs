//! The task form of an association's members: what it sends, read into the same
//! [`TaskInput`] that `POST /api/v1/associations/{id}/tasks` takes, so the rules (and the
//! field names of their errors) are the feature's own. Times are typed in Finnish local
//! time (`datetime-local`), as the people posting them think of them.

use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Europe::Helsinki;

use crate::error::FieldError;
use crate::tasks::draft::TaskInput;
use crate::tasks::model::Task;

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

/// A stored UTC time as a `datetime-local` value in Finnish time.
fn local_value(at: Option<NaiveDateTime>) -> String {
    at.map(|t| {
        t.and_utc()
            .with_timezone(&Helsinki)
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

fn on(flag: bool) -> Option<String> {
    flag.then(|| "true".to_owned())
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
            remote_phone: None,
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

    /// The form filled with a task as it is now, for editing it.
    pub fn from_task(task: &Task, categories: Vec<String>) -> Self {
        Self {
            title: task.title.clone(),
            description: task.description.clone(),
            categories,
            municipality_code: task.municipality_code.clone().unwrap_or_default(),
            address: task.address.clone().unwrap_or_default(),
            remote_online: on(task.remote_online),
            schedule_type: task.schedule_type.clone(),
            starts_at: local_value(task.starts_at),
            ends_at: local_value(task.ends_at),
            estimated_hours: task
                .estimated_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
            spots: task.spots.map(|n| n.to_string()).unwrap_or_default(),
            approval_mode: task.approval_mode.clone(),
            waitlist: on(task.waitlist),
            min_age: task.min_age.map(|n| n.to_string()).unwrap_or_default(),
            max_age: task.max_age.map(|n| n.to_string()).unwrap_or_default(),
            beginner_friendly: on(task.beginner_friendly),
            supported: on(task.supported),
            criminal_record_check: on(task.criminal_record_check),
            application_deadline: local_value(task.application_deadline),
            contact_person: task.contact_person.clone().unwrap_or_default(),
        }
    }

    /// The form's values as the pairs a browser sends (the inverse of [`Self::from_pairs`]),
    /// for the stale-edit check.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = vec![
            ("title".into(), self.title.clone()),
            ("description".into(), self.description.clone()),
        ];
        for c in &self.categories {
            pairs.push(("category".into(), c.clone()));
        }
        let flag = |v: &Option<String>| if v.is_some() { "true" } else { "" }.to_owned();
        pairs.extend([
            ("municipality_code".into(), self.municipality_code.clone()),
            ("address".into(), self.address.clone()),
            ("remote_online".into(), flag(&self.remote_online)),
            ("schedule_type".into(), self.schedule_type.clone()),
            ("starts_at".into(), self.starts_at.clone()),
            ("ends_at".into(), self.ends_at.clone()),
            ("estimated_hours".into(), self.estimated_hours.clone()),
            ("spots".into(), self.spots.clone()),
            ("approval_mode".into(), self.approval_mode.clone()),
            ("waitlist".into(), flag(&self.waitlist)),
            ("min_age".into(), self.min_age.clone()),
            ("max_age".into(), self.max_age.clone()),
            ("beginner_friendly".into(), flag(&self.beginner_friendly)),
            ("supported".into(), flag(&self.supported)),
            (
                "criminal_record_check".into(),
                flag(&self.criminal_record_check),
            ),
            (
                "application_deadline".into(),
                self.application_deadline.clone(),
            ),
            ("contact_person".into(), self.contact_person.clone()),
        ]);
        pairs
    }

    /// The text key of a field's label, for the list of changes of a stale edit.
    pub fn label_key(field: &str) -> Option<&'static str> {
        Some(match field {
            "title" => "task-form-title",
            "description" => "task-form-description",
            "category" => "search-categories-legend",
            "municipality_code" => "search-municipality-label",
            "address" => "task-form-address",
            "remote_online" => "task-form-remote",
            "schedule_type" => "search-schedule-label",
            "starts_at" => "task-form-starts",
            "ends_at" => "task-form-ends",
            "estimated_hours" => "task-hours",
            "spots" => "task-form-spots",
            "approval_mode" => "task-form-approval",
            "waitlist" => "task-form-waitlist",
            "min_age" => "task-form-min-age",
            "max_age" => "task-form-max-age",
            "beginner_friendly" => "task-beginner-friendly",
            "supported" => "search-supported",
            "criminal_record_check" => "task-form-record-check",
            "application_deadline" => "task-deadline",
            "contact_person" => "task-contact",
            _ => return None,
        })
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
