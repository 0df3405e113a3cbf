//! Emails that a volunteer asked for: the digest of new tasks matching their saved searches
//! and followed associations, and the reminder the day before a task; and the association's
//! list of who is coming.
//!
//! Every digest names, for each search or association, how to stop its emails with one
//! click (the link needs no login), beside the `List-Unsubscribe` header.
//!
//! The texts are in `locales/*/email.ftl`; this module gives them their values and lists
//! the tasks, groups and volunteers, one per line.

use chrono::NaiveDateTime;
use chrono_tz::Europe::Helsinki;

use super::{Args, Template};
use crate::i18n::{self, Language};

/// Why tasks are in a digest: which saved search or followed association found them.
#[derive(Debug, Clone)]
pub enum DigestSource {
    /// A saved search, by its name.
    SavedSearch(String),
    /// A followed association, by its name.
    Follow(String),
}

/// One new task in a digest.
#[derive(Debug, Clone)]
pub struct DigestTask {
    pub title: String,
    pub association: String,
    /// The municipality's name in the reader's language, or "remote".
    pub place: Option<String>,
    pub starts: Option<NaiveDateTime>,
    pub link: String,
}

/// The new tasks of one source, with the link that stops its emails.
#[derive(Debug, Clone)]
pub struct DigestGroup {
    pub source: DigestSource,
    pub tasks: Vec<DigestTask>,
    pub unsubscribe: String,
}

/// A time as a Finnish reader reads it, in Finnish time.
pub fn local_time(t: NaiveDateTime, lang: Language) -> String {
    let local = t.and_utc().with_timezone(&Helsinki);
    match lang {
        Language::Fi => local.format("%-d.%-m.%Y klo %H.%M").to_string(),
        Language::Sv => local.format("%-d.%-m.%Y kl. %H.%M").to_string(),
        Language::En => local.format("%-d %B %Y, %H:%M (Finnish time)").to_string(),
    }
}

/// The lines of a digest's tasks: the task, its place and time when known, and its link.
fn task_lines(tasks: &[DigestTask], lang: Language) -> String {
    let mut out = String::new();
    for task in tasks {
        let line = i18n::text_borrowed(
            lang,
            "email-alert-digest-task",
            &[
                ("title", (&task.title).into()),
                ("association", (&task.association).into()),
            ],
        );
        out.push_str(&format!("- {line}\n"));
        let mut facts = Vec::new();
        if let Some(place) = &task.place {
            facts.push(place.clone());
        }
        if let Some(starts) = task.starts {
            facts.push(local_time(starts, lang));
        }
        if !facts.is_empty() {
            out.push_str(&format!("  {}\n", facts.join(", ")));
        }
        out.push_str(&format!("  {}\n", task.link));
    }
    out
}

/// The groups of a digest (`{ $groups }`), each with a blank line before its heading and
/// before its one-click unsubscribe link.
fn groups(groups: &[DigestGroup], lang: Language) -> String {
    let mut out = String::new();
    for group in groups {
        let heading = match &group.source {
            DigestSource::SavedSearch(search) => i18n::text_borrowed(
                lang,
                "email-alert-digest-search",
                &[("search", search.into())],
            ),
            DigestSource::Follow(association) => i18n::text_borrowed(
                lang,
                "email-alert-digest-follow",
                &[("association", association.into())],
            ),
        };
        let stop = i18n::text_borrowed(
            lang,
            "email-alert-digest-stop",
            &[("link", (&group.unsubscribe).into())],
        );
        out.push_str(&format!(
            "\n{heading}\n\n{}\n{stop}\n",
            task_lines(&group.tasks, lang)
        ));
    }
    out
}

/// The values of an alert or reminder email, or `None` for the templates this module does
/// not own.
pub(super) fn args(template: &Template, lang: Language) -> Option<Args<'_>> {
    Some(match template {
        Template::AlertDigest {
            name,
            groups: list,
            settings_link,
        } => {
            let count: usize = list.iter().map(|g| g.tasks.len()).sum();
            vec![
                ("name", name.into()),
                ("count", count.into()),
                ("groups", groups(list, lang).into()),
                ("link", settings_link.into()),
            ]
        }
        Template::TaskReminder {
            name,
            task,
            association,
            starts,
            place,
            contact,
            link,
        } => vec![
            ("name", name.into()),
            ("task", task.into()),
            ("association", association.into()),
            ("when", local_time(*starts, lang).into()),
            ("place", place.as_deref().unwrap_or_default().into()),
            ("contact", contact.as_ref().unwrap_or(association).into()),
            ("link", link.into()),
        ],
        Template::RosterSummary {
            task,
            starts,
            volunteers,
            link,
            ..
        } => {
            let list: String = volunteers.iter().map(|v| format!("- {v}\n")).collect();
            vec![
                ("task", task.into()),
                ("when", local_time(*starts, lang).into()),
                ("count", volunteers.len().into()),
                ("volunteers", list.into()),
                ("link", link.into()),
            ]
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_finnish_time() {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 12, 8)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .unwrap();
        assert_eq!(local_time(t, Language::Fi), "8.12.2026 klo 10.00");
        assert_eq!(local_time(t, Language::Sv), "8.12.2026 kl. 10.00");
        assert_eq!(
            local_time(t, Language::En),
            "8 December 2026, 10:00 (Finnish time)"
        );
    }

    #[test]
    fn a_digest_lists_each_source_with_its_own_unsubscribe_link() {
        let task = |title: &str| DigestTask {
            title: title.into(),
            association: "Luontoseura".into(),
            place: Some("Lappeenranta".into()),
            starts: None,
            link: format!("http://t/tasks/{title}"),
        };
        let template = Template::AlertDigest {
            name: "Aino".into(),
            groups: vec![
                DigestGroup {
                    source: DigestSource::SavedSearch("Luonto".into()),
                    tasks: vec![task("a"), task("b")],
                    unsubscribe: "http://t/unsubscribe?token=one".into(),
                },
                DigestGroup {
                    source: DigestSource::Follow("Luontoseura".into()),
                    tasks: vec![task("c")],
                    unsubscribe: "http://t/unsubscribe?token=two".into(),
                },
            ],
            settings_link: "http://t/me/saved-searches".into(),
        };
        for lang in [Language::Fi, Language::Sv, Language::En] {
            let r = template.render(lang);
            assert!(r.subject.contains('3'), "{}", r.subject);
            for needle in [
                "Aino",
                "Luonto",
                "http://t/tasks/a",
                "http://t/tasks/c",
                "token=one",
                "token=two",
                "Lappeenranta",
            ] {
                assert!(
                    r.body.contains(needle),
                    "{lang:?} lacks {needle}: {}",
                    r.body
                );
            }
        }
    }
}
