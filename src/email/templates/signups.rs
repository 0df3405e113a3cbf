//! Emails about sign-ups to tasks: to the association when someone signs up or withdraws, and
//! to the volunteer at every step of their sign-up (pending, waitlisted, accepted, declined,
//! moved up, task cancelled, completed).
//!
//! Only the volunteer's display name is ever shown to the association: never an email address,
//! a birth date or other personal data.
//!
//! The texts are in `locales/*/email.ftl`; this module gives them their values.

use super::{Args, Template, yes_no};
use crate::i18n::{self, Language};

/// The values of a sign-up email, or `None` for the templates this module does not own.
pub(super) fn args(template: &Template, lang: Language) -> Option<Args<'_>> {
    Some(match template {
        Template::SignupReceived {
            association,
            task,
            volunteer,
            status,
            link,
        } => vec![
            ("association", association.into()),
            ("task", task.into()),
            ("volunteer", volunteer.into()),
            ("status", Received::from_status(status).key().into()),
            ("link", link.into()),
        ],
        Template::SignupWithdrawn {
            association,
            task,
            volunteer,
            link,
        } => vec![
            ("association", association.into()),
            ("task", task.into()),
            ("volunteer", volunteer.into()),
            ("link", link.into()),
        ],
        Template::SignupPending {
            name,
            task,
            association,
            link,
        }
        | Template::SignupWaitlisted {
            name,
            task,
            association,
            link,
        }
        | Template::SignupDeclined {
            name,
            task,
            association,
            link,
        }
        | Template::SignupTaskCancelled {
            name,
            task,
            association,
            link,
        } => vec![
            ("name", name.into()),
            ("task", task.into()),
            ("association", association.into()),
            ("link", link.into()),
        ],
        Template::SignupAccepted {
            name,
            task,
            association,
            starts,
            contact,
            link,
        } => vec![
            ("name", name.into()),
            ("task", task.into()),
            ("association", association.into()),
            (
                "details",
                details(lang, starts.as_deref(), contact.as_deref()).into(),
            ),
            ("link", link.into()),
        ],
        Template::SignupMovedUp {
            name,
            task,
            association,
            accepted,
            link,
        } => vec![
            ("name", name.into()),
            ("task", task.into()),
            ("association", association.into()),
            ("accepted", yes_no(*accepted)),
            ("link", link.into()),
        ],
        Template::SignupCompleted {
            name,
            task,
            association,
            hours,
            link,
        } => vec![
            ("name", name.into()),
            ("task", task.into()),
            ("association", association.into()),
            // Already written for the reader ("3.5"): a string, which Fluent leaves as it is.
            ("hours", hours.into()),
            ("one-hour", yes_no(hours.trim() == "1")),
            ("link", link.into()),
        ],
        _ => return None,
    })
}

/// What the association is asked to do about a new sign-up, from its stored status.
enum Received {
    Pending,
    Accepted,
    Waitlisted,
}

impl Received {
    /// An unknown status is treated as pending: asking the association to look is the safe side.
    fn from_status(status: &str) -> Self {
        match status {
            "accepted" => Self::Accepted,
            "waitlisted" => Self::Waitlisted,
            _ => Self::Pending,
        }
    }

    /// The variant of the texts (`{ $status -> … }`).
    fn key(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Waitlisted => "waitlisted",
        }
    }
}

/// The optional start time and contact person of an accepted sign-up, one per line after a
/// blank line, or nothing when neither is known.
fn details(lang: Language, starts: Option<&str>, contact: Option<&str>) -> String {
    let mut out = String::new();
    for (key, name, value) in [
        ("email-signup-accepted-starts", "starts", starts),
        ("email-signup-accepted-contact", "contact", contact),
    ] {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            out.push_str(if out.is_empty() { "\n\n" } else { "\n" });
            out.push_str(&i18n::text_borrowed(lang, key, &[(name, value.into())]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sign-up template, with every status and option worth a separate text.
    fn all(task: &str, association: &str, link: &str) -> Vec<Template> {
        let (t, a, l, n) = (
            || task.to_owned(),
            || association.to_owned(),
            || link.to_owned(),
            || "Aino".to_owned(),
        );
        let mut out = Vec::new();
        for status in ["pending", "accepted", "waitlisted"] {
            out.push(Template::SignupReceived {
                association: a(),
                task: t(),
                volunteer: n(),
                status: status.into(),
                link: l(),
            });
        }
        out.push(Template::SignupWithdrawn {
            association: a(),
            task: t(),
            volunteer: n(),
            link: l(),
        });
        let starts = Some("2026-12-01 10:00 UTC".to_owned());
        for (starts, contact) in [(starts, Some("Matti".to_owned())), (None, None)] {
            out.push(Template::SignupAccepted {
                name: n(),
                task: t(),
                association: a(),
                starts,
                contact,
                link: l(),
            });
        }
        for accepted in [true, false] {
            out.push(Template::SignupMovedUp {
                name: n(),
                task: t(),
                association: a(),
                accepted,
                link: l(),
            });
        }
        out.push(Template::SignupCompleted {
            name: n(),
            task: t(),
            association: a(),
            hours: "3.5".into(),
            link: l(),
        });
        out.push(Template::SignupPending {
            name: n(),
            task: t(),
            association: a(),
            link: l(),
        });
        out.push(Template::SignupWaitlisted {
            name: n(),
            task: t(),
            association: a(),
            link: l(),
        });
        out.push(Template::SignupDeclined {
            name: n(),
            task: t(),
            association: a(),
            link: l(),
        });
        out.push(Template::SignupTaskCancelled {
            name: n(),
            task: t(),
            association: a(),
            link: l(),
        });
        out
    }

    #[test]
    fn every_signup_template_renders_in_every_language() {
        let (task, association) = ("Siivoustalkoot", "Kallion nuorisoseura");
        let link = "http://localhost:8080/signups/42";
        let templates = all(task, association, link);
        assert_eq!(templates.len(), 13);
        for template in &templates {
            assert!(
                args(template, Language::Fi).is_some(),
                "{}",
                template.kind()
            );
            for lang in [Language::Fi, Language::Sv, Language::En] {
                let r = template.render(lang);
                assert!(!r.subject.trim().is_empty(), "{} {lang:?}", r.kind);
                assert!(r.body.contains(task), "{} {lang:?}", r.kind);
                assert!(r.body.contains(association), "{} {lang:?}", r.kind);
                assert!(
                    r.body.lines().any(|line| line == link),
                    "{} {lang:?}: link not on its own line",
                    r.kind
                );
            }
            assert_ne!(
                template.render(Language::Fi).subject,
                template.render(Language::Sv).subject,
                "{}",
                template.kind()
            );
        }
    }

    #[test]
    fn received_text_depends_on_status_and_accepted_shows_details() {
        let templates = all("T", "A", "L");
        let bodies: Vec<String> = templates[..3]
            .iter()
            .map(|t| t.render(Language::En).body)
            .collect();
        assert!(bodies[0].contains("accept or decline"));
        assert!(bodies[1].contains("already accepted"));
        assert!(bodies[2].contains("waitlist"));
        let with = templates[4].render(Language::Fi).body;
        assert!(with.contains("Alkaa: 2026-12-01 10:00 UTC\nYhteyshenkilö: Matti"));
        let without = templates[5].render(Language::Fi).body;
        assert!(!without.contains("Alkaa") && !without.contains("Yhteyshenkilö"));
    }

    #[test]
    fn non_signup_templates_are_left_to_others() {
        let t = Template::PasswordChanged { name: "A".into() };
        assert!(args(&t, Language::En).is_none());
    }
}
