//! Emails about sign-ups to tasks: to the association when someone signs up or withdraws, and
//! to the volunteer at every step of their sign-up (pending, waitlisted, accepted, declined,
//! moved up, task cancelled, completed).
//!
//! Only the volunteer's display name is ever shown to the association: never an email address,
//! a birth date or other personal data.

use super::Template;
use crate::i18n::Language;

/// Subject and body (without the signature) of a sign-up email, or `None` for the templates
/// this module does not own.
pub(super) fn render(template: &Template, lang: Language) -> Option<(String, String)> {
    use Language::{En, Fi, Sv};
    Some(match template {
        Template::SignupReceived {
            association,
            task,
            volunteer,
            status,
            link,
        } => match (lang, Received::from_status(status)) {
            (Fi, Received::Pending) => (
                format!("Uusi ilmoittautuminen: {task}"),
                format!(
                    "Hei,\n\n{volunteer} ilmoittautui yhdistyksen {association} tehtävään ”{task}”. Ilmoittautuminen odottaa päätöstänne: hyväksykää tai hylätkää se Talkoissa. {volunteer} saa päätöksestä tiedon sähköpostitse.\n\n{link}"
                ),
            ),
            (Fi, Received::Accepted) => (
                format!("Uusi vapaaehtoinen: {task}"),
                format!(
                    "Hei,\n\n{volunteer} ilmoittautui yhdistyksen {association} tehtävään ”{task}”. Tehtävässä on automaattinen hyväksyntä, joten ilmoittautuminen on jo hyväksytty. Olkaa tarvittaessa yhteydessä vapaaehtoiseen – ilmoittautumisen löydät täältä:\n\n{link}"
                ),
            ),
            (Fi, Received::Waitlisted) => (
                format!("Uusi ilmoittautuminen varasijalle: {task}"),
                format!(
                    "Hei,\n\n{volunteer} ilmoittautui yhdistyksen {association} tehtävään ”{task}”. Tehtävä on täynnä, joten hän pääsi varasijalle. Jos paikka vapautuu, varasijalla olevat nousevat automaattisesti ilmoittautumisjärjestyksessä. Teidän ei tarvitse tehdä mitään. Ilmoittautumiset näet täältä:\n\n{link}"
                ),
            ),
            (Sv, Received::Pending) => (
                format!("Ny anmälan: {task}"),
                format!(
                    "Hej,\n\n{volunteer} har anmält sig till uppdraget ”{task}” hos {association}. Anmälan väntar på ert beslut: godkänn eller avböj den på Talkoot. {volunteer} får beskedet per e-post.\n\n{link}"
                ),
            ),
            (Sv, Received::Accepted) => (
                format!("Ny frivillig: {task}"),
                format!(
                    "Hej,\n\n{volunteer} har anmält sig till uppdraget ”{task}” hos {association}. Uppdraget godkänner anmälningar automatiskt, så anmälan är redan godkänd. Kontakta den frivilliga vid behov – anmälan hittar ni här:\n\n{link}"
                ),
            ),
            (Sv, Received::Waitlisted) => (
                format!("Ny anmälan till reservlistan: {task}"),
                format!(
                    "Hej,\n\n{volunteer} har anmält sig till uppdraget ”{task}” hos {association}. Uppdraget är fullt, så {volunteer} står på reservlistan. Om en plats blir ledig flyttas de som står på reservlistan upp automatiskt i anmälningsordning. Ni behöver inte göra något. Anmälningarna hittar ni här:\n\n{link}"
                ),
            ),
            (En, Received::Pending) => (
                format!("New sign-up: {task}"),
                format!(
                    "Hi,\n\n{volunteer} has signed up for “{task}” at {association}. The sign-up is waiting for your decision: please accept or decline it on Talkoot. {volunteer} will be told by email.\n\n{link}"
                ),
            ),
            (En, Received::Accepted) => (
                format!("New volunteer: {task}"),
                format!(
                    "Hi,\n\n{volunteer} has signed up for “{task}” at {association}. The task accepts sign-ups automatically, so this one is already accepted. Contact the volunteer if needed – you can find the sign-up here:\n\n{link}"
                ),
            ),
            (En, Received::Waitlisted) => (
                format!("New sign-up on the waitlist: {task}"),
                format!(
                    "Hi,\n\n{volunteer} has signed up for “{task}” at {association}. The task is full, so {volunteer} is on the waitlist. If a spot frees up, people on the waitlist move up automatically in the order they signed up. You don't need to do anything. You can see the sign-ups here:\n\n{link}"
                ),
            ),
        },
        Template::SignupWithdrawn {
            association,
            task,
            volunteer,
            link,
        } => match lang {
            Fi => (
                format!("Ilmoittautuminen peruttu: {task}"),
                format!(
                    "Hei,\n\n{volunteer} perui ilmoittautumisensa yhdistyksen {association} tehtävään ”{task}”. Teidän ei tarvitse tehdä mitään: jos paikka vapautui ja varasijalla on ilmoittautuneita, ensimmäinen heistä nousee automaattisesti. Tehtävän ilmoittautumiset näet täältä:\n\n{link}"
                ),
            ),
            Sv => (
                format!("Anmälan återkallad: {task}"),
                format!(
                    "Hej,\n\n{volunteer} har återkallat sin anmälan till uppdraget ”{task}” hos {association}. Ni behöver inte göra något: om en plats blev ledig och någon står på reservlistan flyttas den första upp automatiskt. Anmälningarna till uppdraget hittar ni här:\n\n{link}"
                ),
            ),
            En => (
                format!("Sign-up withdrawn: {task}"),
                format!(
                    "Hi,\n\n{volunteer} has withdrawn from “{task}” at {association}. You don't need to do anything: if a spot opened up and someone is on the waitlist, the first in line moves up automatically. You can see the task's sign-ups here:\n\n{link}"
                ),
            ),
        },
        Template::SignupPending {
            name,
            task,
            association,
            link,
        } => match lang {
            Fi => (
                format!("Kiitos ilmoittautumisesta: {task}"),
                format!(
                    "Hei {name},\n\nkiitos, että ilmoittauduit yhdistyksen {association} tehtävään ”{task}”! Yhdistys käy ilmoittautumiset läpi itse, ja saat sähköpostia, kun se on tehnyt päätöksen. Ilmoittautumisesi tilanteen näet täältä:\n\n{link}"
                ),
            ),
            Sv => (
                format!("Tack för din anmälan: {task}"),
                format!(
                    "Hej {name},\n\ntack för att du anmälde dig till uppdraget ”{task}” hos {association}! Föreningen går själv igenom anmälningarna, och du får ett e-postmeddelande när den har fattat sitt beslut. Du kan följa din anmälan här:\n\n{link}"
                ),
            ),
            En => (
                format!("Thanks for signing up: {task}"),
                format!(
                    "Hi {name},\n\nthanks for signing up for “{task}” at {association}! The association reviews sign-ups itself, and you will get an email once it has decided. You can follow your sign-up here:\n\n{link}"
                ),
            ),
        },
        Template::SignupWaitlisted {
            name,
            task,
            association,
            link,
        } => match lang {
            Fi => (
                format!("Olet varasijalla: {task}"),
                format!(
                    "Hei {name},\n\nkiitos, että ilmoittauduit yhdistyksen {association} tehtävään ”{task}”! Tehtävä on tällä hetkellä täynnä, joten pääsit varasijalle. Jos paikka vapautuu, nouset varasijalta automaattisesti ja saat siitä sähköpostia. Ilmoittautumisesi näet täältä, ja voit myös perua sen, jos suunnitelmasi muuttuvat:\n\n{link}"
                ),
            ),
            Sv => (
                format!("Du står på reservlistan: {task}"),
                format!(
                    "Hej {name},\n\ntack för att du anmälde dig till uppdraget ”{task}” hos {association}! Uppdraget är fullt just nu, så du står på reservlistan. Om en plats blir ledig flyttas du upp automatiskt och får ett e-postmeddelande om det. Här ser du din anmälan, och du kan också återkalla den om dina planer ändras:\n\n{link}"
                ),
            ),
            En => (
                format!("You're on the waitlist: {task}"),
                format!(
                    "Hi {name},\n\nthanks for signing up for “{task}” at {association}! The task is full right now, so you are on the waitlist. If a spot frees up, you will move up automatically and get an email about it. You can see your sign-up here, and withdraw it if your plans change:\n\n{link}"
                ),
            ),
        },
        Template::SignupAccepted {
            name,
            task,
            association,
            starts,
            contact,
            link,
        } => {
            let (starts, contact) = (starts.as_deref(), contact.as_deref());
            match lang {
                Fi => (
                    format!("Olet mukana: {task}"),
                    format!(
                        "Hei {name},\n\nhienoa – yhdistys {association} hyväksyi ilmoittautumisesi tehtävään ”{task}”!{}\n\nTule paikalle ajoissa – yhdistys on sinuun yhteydessä, jos jotain pitää sopia etukäteen. Jos suunnitelmasi muuttuvat, peru ilmoittautumisesi hyvissä ajoin, niin paikka vapautuu jollekulle toiselle:\n\n{link}",
                        details(starts, contact, "Alkaa", "Yhteyshenkilö")
                    ),
                ),
                Sv => (
                    format!("Du är med: {task}"),
                    format!(
                        "Hej {name},\n\nvad roligt – {association} har godkänt din anmälan till uppdraget ”{task}”!{}\n\nKom på plats i tid – föreningen hör av sig om något behöver avtalas i förväg. Om dina planer ändras, återkalla din anmälan i god tid så att platsen blir ledig för någon annan:\n\n{link}",
                        details(starts, contact, "Börjar", "Kontaktperson")
                    ),
                ),
                En => (
                    format!("You're in: {task}"),
                    format!(
                        "Hi {name},\n\ngreat news – {association} has accepted your sign-up for “{task}”!{}\n\nPlease be there on time – the association will get in touch if anything needs to be agreed beforehand. If your plans change, please withdraw in good time so that someone else can take your place:\n\n{link}",
                        details(starts, contact, "Starts", "Contact person")
                    ),
                ),
            }
        }
        Template::SignupDeclined {
            name,
            task,
            association,
            link,
        } => match lang {
            Fi => (
                format!("Tietoa ilmoittautumisestasi: {task}"),
                format!(
                    "Hei {name},\n\nkiitos kiinnostuksestasi yhdistyksen {association} tehtävään ”{task}”. Yhdistys ei valitettavasti voinut ottaa sinua mukaan tällä kertaa – syynä voi olla vaikkapa se, että tekijöitä on jo tarpeeksi. Älä lannistu: Talkoissa on paljon muitakin tehtäviä, joissa apuasi tarvitaan:\n\n{link}"
                ),
            ),
            Sv => (
                format!("Om din anmälan: {task}"),
                format!(
                    "Hej {name},\n\ntack för ditt intresse för uppdraget ”{task}” hos {association}. Föreningen kunde tyvärr inte ta med dig den här gången – det kan till exempel bero på att det redan finns tillräckligt många frivilliga. Ge inte upp: på Talkoot finns många andra uppdrag där din hjälp behövs:\n\n{link}"
                ),
            ),
            En => (
                format!("About your sign-up: {task}"),
                format!(
                    "Hi {name},\n\nthank you for your interest in “{task}” at {association}. Unfortunately the association could not take you on this time – it may simply already have enough helpers. Don't let it put you off: there are plenty of other tasks on Talkoot where your help is needed:\n\n{link}"
                ),
            ),
        },
        Template::SignupMovedUp {
            name,
            task,
            association,
            accepted,
            link,
        } => match (lang, *accepted) {
            (Fi, true) => (
                format!("Pääsit mukaan: {task}"),
                format!(
                    "Hei {name},\n\nhyviä uutisia: yhdistyksen {association} tehtävästä ”{task}” vapautui paikka, ja nousit varasijalta mukaan! Ilmoittautumisesi on nyt hyväksytty. Tule paikalle ajoissa – yhdistys on sinuun yhteydessä, jos jotain pitää sopia etukäteen. Jos et enää pääse mukaan, peru ilmoittautumisesi, niin paikka vapautuu seuraavalle:\n\n{link}"
                ),
            ),
            (Fi, false) => (
                format!("Nousit varasijalta: {task}"),
                format!(
                    "Hei {name},\n\nhyviä uutisia: yhdistyksen {association} tehtävästä ”{task}” vapautui paikka, ja nousit varasijalta! Ilmoittautumisesi odottaa nyt yhdistyksen päätöstä, ja saat sähköpostia, kun päätös on tehty. Ilmoittautumisesi näet täältä:\n\n{link}"
                ),
            ),
            (Sv, true) => (
                format!("Du fick en plats: {task}"),
                format!(
                    "Hej {name},\n\ngoda nyheter: en plats blev ledig i uppdraget ”{task}” hos {association}, och du har flyttats upp från reservlistan! Din anmälan är nu godkänd. Kom på plats i tid – föreningen hör av sig om något behöver avtalas i förväg. Om du inte längre kan delta, återkalla din anmälan så att platsen går till nästa person:\n\n{link}"
                ),
            ),
            (Sv, false) => (
                format!("Du har flyttats upp från reservlistan: {task}"),
                format!(
                    "Hej {name},\n\ngoda nyheter: en plats blev ledig i uppdraget ”{task}” hos {association}, och du har flyttats upp från reservlistan! Din anmälan väntar nu på föreningens beslut, och du får ett e-postmeddelande när beslutet är fattat. Här ser du din anmälan:\n\n{link}"
                ),
            ),
            (En, true) => (
                format!("You got a spot: {task}"),
                format!(
                    "Hi {name},\n\ngood news: a spot opened up in “{task}” at {association}, and you have moved up from the waitlist! Your sign-up is now accepted. Please be there on time – the association will get in touch if anything needs to be agreed beforehand. If you can no longer make it, please withdraw so that the spot goes to the next person:\n\n{link}"
                ),
            ),
            (En, false) => (
                format!("You moved up from the waitlist: {task}"),
                format!(
                    "Hi {name},\n\ngood news: a spot opened up in “{task}” at {association}, and you have moved up from the waitlist! Your sign-up is now waiting for the association's decision, and you will get an email once it has decided. You can see your sign-up here:\n\n{link}"
                ),
            ),
        },
        Template::SignupTaskCancelled {
            name,
            task,
            association,
            link,
        } => match lang {
            Fi => (
                format!("Tehtävä peruttiin: {task}"),
                format!(
                    "Hei {name},\n\nyhdistys {association} on valitettavasti perunut tehtävän ”{task}”, joten myös ilmoittautumisesi on peruttu. Sinun ei tarvitse tehdä mitään. Kiitos, että olit valmis auttamaan – muita tehtäviä löydät täältä:\n\n{link}"
                ),
            ),
            Sv => (
                format!("Uppdraget har ställts in: {task}"),
                format!(
                    "Hej {name},\n\n{association} har tyvärr ställt in uppdraget ”{task}”, så din anmälan har också annullerats. Du behöver inte göra något. Tack för att du ville hjälpa till – här hittar du andra uppdrag:\n\n{link}"
                ),
            ),
            En => (
                format!("Task cancelled: {task}"),
                format!(
                    "Hi {name},\n\nunfortunately {association} has cancelled “{task}”, so your sign-up has been cancelled too. You don't need to do anything. Thank you for being ready to help – you can find other tasks here:\n\n{link}"
                ),
            ),
        },
        Template::SignupCompleted {
            name,
            task,
            association,
            hours,
            link,
        } => {
            let one = hours.trim() == "1";
            match lang {
                Fi => (
                    format!("Kiitos talkoista: {task}"),
                    format!(
                        "Hei {name},\n\nyhdistys {association} on merkinnyt tehtävän ”{task}” tehdyksi ja kirjannut sinulle {hours} {}. Suuri kiitos avustasi! Tunnit näkyvät nyt vapaaehtoistyöhistoriassasi, ja siellä voit myös antaa tehtävästä palautetta:\n\n{link}",
                        if one { "tunnin" } else { "tuntia" }
                    ),
                ),
                Sv => (
                    format!("Tack för din insats: {task}"),
                    format!(
                        "Hej {name},\n\n{association} har markerat uppdraget ”{task}” som slutfört och registrerat {hours} {} för dig. Stort tack för din hjälp! Timmarna syns nu i din frivillighistorik, där du också kan ge respons på uppdraget:\n\n{link}",
                        if one { "timme" } else { "timmar" }
                    ),
                ),
                En => (
                    format!("Thank you for volunteering: {task}"),
                    format!(
                        "Hi {name},\n\n{association} has marked “{task}” as completed and recorded {hours} {} for you. Thank you so much for your help! The hours now show on your volunteering record, where you can also leave feedback about the task:\n\n{link}",
                        if one { "hour" } else { "hours" }
                    ),
                ),
            }
        }
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
}

/// The optional start time and contact person of an accepted sign-up, one per line after a
/// blank line, or nothing when neither is known.
fn details(
    starts: Option<&str>,
    contact: Option<&str>,
    starts_label: &str,
    contact_label: &str,
) -> String {
    let mut out = String::new();
    for (label, value) in [(starts_label, starts), (contact_label, contact)] {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            out.push_str(if out.is_empty() { "\n\n" } else { "\n" });
            out.push_str(&format!("{label}: {value}"));
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
                render(template, Language::Fi).is_some(),
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
        assert!(render(&t, Language::En).is_none());
    }
}
