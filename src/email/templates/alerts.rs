//! Emails that a volunteer asked for: the digest of new tasks matching their saved searches
//! and followed associations, and the reminder the day before a task; and the association's
//! list of who is coming.
//!
//! Every digest names, for each search or association, how to stop its emails with one
//! click (the link needs no login), beside the `List-Unsubscribe` header.

use chrono::NaiveDateTime;
use chrono_tz::Europe::Helsinki;

use super::Template;
use crate::i18n::Language;

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

fn task_lines(tasks: &[DigestTask], lang: Language) -> String {
    let mut out = String::new();
    for task in tasks {
        out.push_str(&format!("- {} ({})\n", task.title, task.association));
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

fn digest(name: &str, groups: &[DigestGroup], settings: &str, lang: Language) -> (String, String) {
    let count: usize = groups.iter().map(|g| g.tasks.len()).sum();
    let subject = match (lang, count) {
        (Language::Fi, 1) => "Uusi vapaaehtoistehtävä sinulle".to_owned(),
        (Language::Fi, n) => format!("{n} uutta vapaaehtoistehtävää sinulle"),
        (Language::Sv, 1) => "Ett nytt frivilliguppdrag för dig".to_owned(),
        (Language::Sv, n) => format!("{n} nya frivilliguppdrag för dig"),
        (Language::En, 1) => "A new volunteer task for you".to_owned(),
        (Language::En, n) => format!("{n} new volunteer tasks for you"),
    };
    let mut body = match lang {
        Language::Fi => format!(
            "Hei {name},\n\nTalkoisiin on tullut uusia tehtäviä, jotka sopivat hakuihisi.\n"
        ),
        Language::Sv => format!(
            "Hej {name},\n\ndet har kommit nya uppdrag på Talkoot som passar dina sökningar.\n"
        ),
        Language::En => {
            format!("Hi {name},\n\nnew tasks that fit your searches have been posted on Talkoot.\n")
        }
    };
    for group in groups {
        let heading = match (&group.source, lang) {
            (DigestSource::SavedSearch(s), Language::Fi) => format!("Haku ”{s}”"),
            (DigestSource::SavedSearch(s), Language::Sv) => format!("Sökningen ”{s}”"),
            (DigestSource::SavedSearch(s), Language::En) => format!("Your search \"{s}\""),
            (DigestSource::Follow(a), Language::Fi) => format!("Seuraamasi yhdistys {a}"),
            (DigestSource::Follow(a), Language::Sv) => format!("Föreningen {a} som du följer"),
            (DigestSource::Follow(a), Language::En) => format!("{a}, which you follow"),
        };
        let stop = match lang {
            Language::Fi => "Etkö halua näitä viestejä? Lopeta yhdellä napsautuksella:",
            Language::Sv => "Vill du inte få de här meddelandena? Avsluta med ett klick:",
            Language::En => "Don't want these emails? Stop them with one click:",
        };
        body.push_str(&format!(
            "\n{heading}\n\n{}\n{stop}\n{}\n",
            task_lines(&group.tasks, lang),
            group.unsubscribe
        ));
    }
    body.push_str(&match lang {
        Language::Fi => {
            format!("\nHakusi ja seurattavat yhdistykset voit muuttaa täällä:\n{settings}")
        }
        Language::Sv => {
            format!("\nDina sökningar och föreningar du följer ändrar du här:\n{settings}")
        }
        Language::En => {
            format!("\nChange your searches and the associations you follow here:\n{settings}")
        }
    });
    (subject, body)
}

/// Subject and body (without the signature) of an alert or reminder email, or `None` for
/// the templates this module does not own.
pub(super) fn render(template: &Template, lang: Language) -> Option<(String, String)> {
    use Language::{En, Fi, Sv};
    Some(match template {
        Template::AlertDigest {
            name,
            groups,
            settings_link,
        } => digest(name, groups, settings_link, lang),
        Template::TaskReminder {
            name,
            task,
            association,
            starts,
            place,
            contact,
            link,
        } => {
            let when = local_time(*starts, lang);
            let place = place.clone().unwrap_or_default();
            let contact = contact.clone().unwrap_or_else(|| association.clone());
            match lang {
                Fi => (
                    format!("Muistutus: {task} huomenna"),
                    format!(
                        "Hei {name},\n\nmuistathan: tehtävä ”{task}” ({association}) alkaa {when}.\n{place}\n\nYhteyshenkilö: {contact}. Jos et pääsekään, peru ilmoittautumisesi mahdollisimman pian, jotta paikka vapautuu toiselle:\n\n{link}"
                    ),
                ),
                Sv => (
                    format!("Påminnelse: {task} i morgon"),
                    format!(
                        "Hej {name},\n\nkom ihåg: uppdraget ”{task}” ({association}) börjar {when}.\n{place}\n\nKontaktperson: {contact}. Om du inte kan komma, avboka så snart som möjligt så att platsen går till någon annan:\n\n{link}"
                    ),
                ),
                En => (
                    format!("Reminder: {task} tomorrow"),
                    format!(
                        "Hi {name},\n\na reminder: the task \"{task}\" ({association}) starts {when}.\n{place}\n\nContact: {contact}. If you cannot come after all, please withdraw as soon as you can, so that someone else can take the place:\n\n{link}"
                    ),
                ),
            }
        }
        Template::RosterSummary {
            task,
            starts,
            volunteers,
            link,
            ..
        } => {
            let when = local_time(*starts, lang);
            let list: String = volunteers.iter().map(|v| format!("- {v}\n")).collect();
            let n = volunteers.len();
            match lang {
                Fi => (
                    format!("Huomenna: {task} ({n} vapaaehtoista)"),
                    format!(
                        "Hei,\n\ntehtävä ”{task}” alkaa {when}. Tulossa on {n} vapaaehtoista:\n\n{list}\nOsallistujalistan voit tulostaa Talkoista:\n\n{link}"
                    ),
                ),
                Sv => (
                    format!("I morgon: {task} ({n} frivilliga)"),
                    format!(
                        "Hej,\n\nuppdraget ”{task}” börjar {when}. {n} frivilliga kommer:\n\n{list}\nDeltagarlistan kan du skriva ut på Talkoot:\n\n{link}"
                    ),
                ),
                En => (
                    format!("Tomorrow: {task} ({n} volunteers)"),
                    format!(
                        "Hello,\n\nthe task \"{task}\" starts {when}. {n} volunteers are coming:\n\n{list}\nYou can print the list of participants on Talkoot:\n\n{link}"
                    ),
                ),
            }
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
