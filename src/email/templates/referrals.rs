//! Emails about service counsellors and referrals: the role's decisions, a referral to its
//! client, and the client's answer (or silence) to the counsellor.
//!
//! None of them carries the counsellor's note or the client's message: a mailbox may be
//! shared or read by others, and the note is about a possibly vulnerable person. The links
//! show them after signing in.

use super::Template;
use crate::i18n::Language;

/// What a referral offers, named in each language: a task, a service or an association.
#[derive(Debug, Clone)]
pub struct Offer {
    /// The task's title, for a task referral.
    pub task: Option<String>,
    /// The service's name, for a service referral.
    pub service: Option<String>,
    /// The association, always.
    pub association: String,
}

impl Offer {
    /// The offer in a sentence of `lang`.
    fn describe(&self, lang: Language) -> String {
        let a = &self.association;
        match (&self.task, &self.service, lang) {
            (Some(t), _, Language::Fi) => format!("vapaaehtoistehtävä \"{t}\" ({a})"),
            (Some(t), _, Language::Sv) => format!("frivilliguppdraget \"{t}\" ({a})"),
            (Some(t), _, Language::En) => format!("the volunteer task \"{t}\" ({a})"),
            (None, Some(s), Language::Fi) => format!("palvelu \"{s}\" ({a})"),
            (None, Some(s), Language::Sv) => format!("tjänsten \"{s}\" ({a})"),
            (None, Some(s), Language::En) => format!("the service \"{s}\" ({a})"),
            (None, None, Language::Fi) => format!("yhdistys {a}"),
            (None, None, Language::Sv) => format!("föreningen {a}"),
            (None, None, Language::En) => format!("the association {a}"),
        }
    }
}

/// Subject and body (without the signature) of a counsellor or referral email, or `None`
/// for the templates this module does not own.
pub(super) fn render(template: &Template, lang: Language) -> Option<(String, String)> {
    use Language::{En, Fi, Sv};
    Some(match (template, lang) {
        (
            Template::CounsellorApproved {
                name,
                organisation,
                link,
            },
            lang,
        ) => match lang {
            Fi => (
                "Olet nyt palveluohjaaja Talkoissa".to_owned(),
                format!(
                    "Hei {name},\n\nylläpito on hyväksynyt sinut palveluohjaajaksi ({organisation}). Voit nyt etsiä asiakkaillesi tehtäviä ja yhdistysten palveluita ja lähettää heille ohjauksia:\n\n{link}"
                ),
            ),
            Sv => (
                "Du är nu servicehandledare på Talkoot".to_owned(),
                format!(
                    "Hej {name},\n\nadministratören har godkänt dig som servicehandledare ({organisation}). Du kan nu söka uppdrag och föreningars tjänster åt dina klienter och hänvisa dem:\n\n{link}"
                ),
            ),
            En => (
                "You are now a service counsellor on Talkoot".to_owned(),
                format!(
                    "Hi {name},\n\nthe administrators have approved you as a service counsellor ({organisation}). You can now find tasks and associations' services for your clients and refer them:\n\n{link}"
                ),
            ),
        },
        (Template::CounsellorRejected { name, reason }, lang) => match lang {
            Fi => (
                "Palveluohjaajapyyntösi".to_owned(),
                format!(
                    "Hei {name},\n\nylläpito ei hyväksynyt pyyntöäsi palveluohjaajaksi. Perustelu:\n\n{reason}\n\nVoit lähettää uuden pyynnön tarkemmin tiedoin."
                ),
            ),
            Sv => (
                "Din begäran om att bli servicehandledare".to_owned(),
                format!(
                    "Hej {name},\n\nadministratören godkände inte din begäran om att bli servicehandledare. Motivering:\n\n{reason}\n\nDu kan skicka en ny begäran med noggrannare uppgifter."
                ),
            ),
            En => (
                "Your service counsellor request".to_owned(),
                format!(
                    "Hi {name},\n\nthe administrators did not approve your request to become a service counsellor. Their reason:\n\n{reason}\n\nYou can send a new request with more details."
                ),
            ),
        },
        (Template::CounsellorRevoked { name, reason }, lang) => match lang {
            Fi => (
                "Palveluohjaajan oikeutesi on poistettu".to_owned(),
                format!(
                    "Hei {name},\n\nylläpito on poistanut palveluohjaajan oikeutesi Talkoissa. Perustelu:\n\n{reason}\n\nEt voi enää lähettää ohjauksia etkä nähdä niiden etenemistä."
                ),
            ),
            Sv => (
                "Din behörighet som servicehandledare har tagits bort".to_owned(),
                format!(
                    "Hej {name},\n\nadministratören har tagit bort din behörighet som servicehandledare på Talkoot. Motivering:\n\n{reason}\n\nDu kan inte längre hänvisa klienter eller se hur det gått."
                ),
            ),
            En => (
                "Your service counsellor role was removed".to_owned(),
                format!(
                    "Hi {name},\n\nthe administrators have removed your service counsellor role on Talkoot. Their reason:\n\n{reason}\n\nYou can no longer refer clients or follow your referrals."
                ),
            ),
        },
        (
            Template::ReferralReceived {
                name,
                counsellor,
                organisation,
                offer,
                link,
            },
            lang,
        ) => {
            let offer = offer.describe(lang);
            match lang {
                Fi => (
                    format!("{counsellor} ehdottaa sinulle jotakin"),
                    format!(
                        "Hei {name},\n\n{counsellor} ({organisation}) ehdottaa sinulle: {offer}. Katso ehdotus ja viesti ja vastaa, kiinnostaako se sinua:\n\n{link}\n\nVoit myös kieltäytyä. Päätät itse, näkeekö ohjaaja, miten sinulla menee."
                    ),
                ),
                Sv => (
                    format!("{counsellor} föreslår något för dig"),
                    format!(
                        "Hej {name},\n\n{counsellor} ({organisation}) föreslår för dig: {offer}. Se förslaget och meddelandet och svara om det intresserar dig:\n\n{link}\n\nDu kan också tacka nej. Du bestämmer själv om handledaren får se hur det går."
                    ),
                ),
                En => (
                    format!("{counsellor} suggests something for you"),
                    format!(
                        "Hi {name},\n\n{counsellor} ({organisation}) suggests for you: {offer}. See the suggestion and the message, and answer whether it interests you:\n\n{link}\n\nYou can also say no. You decide whether your counsellor sees how it goes."
                    ),
                ),
            }
        }
        (
            Template::ReferralInvitation {
                counsellor,
                organisation,
                offer,
                link,
                register_link,
                days,
            },
            lang,
        ) => {
            let offer = offer.describe(lang);
            match lang {
                Fi => (
                    format!("{counsellor} ehdottaa sinulle vapaaehtoistoimintaa"),
                    format!(
                        "Hei,\n\n{counsellor} ({organisation}) ehdottaa sinulle Talkoissa: {offer}.\n\nLuo Talkoot-tili tällä sähköpostiosoitteella, niin näet ehdotuksen ja voit vastata siihen:\n\n{register_link}\n\nKun olet kirjautunut, ehdotus löytyy täältä:\n\n{link}\n\nEhdotus on voimassa {days} päivää. Jos et tunne asiaa, voit jättää tämän viestin huomiotta."
                    ),
                ),
                Sv => (
                    format!("{counsellor} föreslår frivilligarbete för dig"),
                    format!(
                        "Hej,\n\n{counsellor} ({organisation}) föreslår för dig på Talkoot: {offer}.\n\nSkapa ett Talkoot-konto med den här e-postadressen så ser du förslaget och kan svara:\n\n{register_link}\n\nNär du har loggat in finns förslaget här:\n\n{link}\n\nFörslaget gäller i {days} dagar. Om du inte känner till saken kan du ignorera det här meddelandet."
                    ),
                ),
                En => (
                    format!("{counsellor} suggests volunteering for you"),
                    format!(
                        "Hi,\n\n{counsellor} ({organisation}) suggests for you on Talkoot: {offer}.\n\nCreate a Talkoot account with this email address to see the suggestion and answer it:\n\n{register_link}\n\nOnce you are signed in, the suggestion is here:\n\n{link}\n\nThe suggestion is valid for {days} days. If you know nothing about this, you can ignore this message."
                    ),
                ),
            }
        }
        (
            Template::ReferralAnswered {
                name,
                offer,
                accepted,
                link,
            },
            lang,
        ) => {
            let offer = offer.describe(lang);
            match (lang, accepted) {
                (Fi, true) => (
                    "Asiakkaasi hyväksyi ohjauksen".to_owned(),
                    format!("Hei {name},\n\nasiakkaasi hyväksyi ohjauksesi: {offer}.\n\n{link}"),
                ),
                (Fi, false) => (
                    "Asiakkaasi ei ottanut ohjausta vastaan".to_owned(),
                    format!("Hei {name},\n\nasiakkaasi kieltäytyi ohjauksesta: {offer}.\n\n{link}"),
                ),
                (Sv, true) => (
                    "Din klient tog emot hänvisningen".to_owned(),
                    format!(
                        "Hej {name},\n\ndin klient tog emot din hänvisning: {offer}.\n\n{link}"
                    ),
                ),
                (Sv, false) => (
                    "Din klient tackade nej till hänvisningen".to_owned(),
                    format!(
                        "Hej {name},\n\ndin klient tackade nej till din hänvisning: {offer}.\n\n{link}"
                    ),
                ),
                (En, true) => (
                    "Your client accepted the referral".to_owned(),
                    format!("Hi {name},\n\nyour client accepted your referral: {offer}.\n\n{link}"),
                ),
                (En, false) => (
                    "Your client declined the referral".to_owned(),
                    format!("Hi {name},\n\nyour client declined your referral: {offer}.\n\n{link}"),
                ),
            }
        }
        (Template::ReferralExpired { name, offer, link }, lang) => {
            let offer = offer.describe(lang);
            match lang {
                Fi => (
                    "Ohjaukseesi ei vastattu".to_owned(),
                    format!(
                        "Hei {name},\n\nohjaukseesi ei vastattu ajoissa, joten se vanheni: {offer}.\n\n{link}"
                    ),
                ),
                Sv => (
                    "Din hänvisning blev obesvarad".to_owned(),
                    format!(
                        "Hej {name},\n\ndin hänvisning besvarades inte i tid och har gått ut: {offer}.\n\n{link}"
                    ),
                ),
                En => (
                    "Your referral was not answered".to_owned(),
                    format!(
                        "Hi {name},\n\nyour referral was not answered in time and has expired: {offer}.\n\n{link}"
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

    fn offers() -> [Offer; 3] {
        let association = "Lappeenrannan Nuorisoseura".to_owned();
        [
            Offer {
                task: Some("Kirpputorin järjestäjä".into()),
                service: None,
                association: association.clone(),
            },
            Offer {
                task: None,
                service: Some("Nuortenilta".into()),
                association: association.clone(),
            },
            Offer {
                task: None,
                service: None,
                association,
            },
        ]
    }

    #[test]
    fn every_referral_email_names_its_offer_and_link_in_every_language() {
        for lang in [Language::Fi, Language::Sv, Language::En] {
            for offer in offers() {
                for template in [
                    Template::ReferralReceived {
                        name: "Aino".into(),
                        counsellor: "Maija".into(),
                        organisation: "Ohjaamo".into(),
                        offer: offer.clone(),
                        link: "http://t/referrals/1".into(),
                    },
                    Template::ReferralInvitation {
                        counsellor: "Maija".into(),
                        organisation: "Ohjaamo".into(),
                        offer: offer.clone(),
                        link: "http://t/referrals/1".into(),
                        register_link: "http://t/register".into(),
                        days: 30,
                    },
                    Template::ReferralAnswered {
                        name: "Maija".into(),
                        offer: offer.clone(),
                        accepted: true,
                        link: "http://t/referrals/1".into(),
                    },
                    Template::ReferralExpired {
                        name: "Maija".into(),
                        offer: offer.clone(),
                        link: "http://t/referrals/1".into(),
                    },
                ] {
                    let r = template.render(lang);
                    assert!(r.body.contains("http://t/referrals/1"), "{}", r.body);
                    assert!(r.body.contains("Lappeenrannan Nuorisoseura"), "{}", r.body);
                    if let Some(task) = &offer.task {
                        assert!(r.body.contains(task.as_str()), "{}", r.body);
                    }
                }
            }
        }
    }

    #[test]
    fn a_rejection_carries_the_reason_in_every_language() {
        for lang in [Language::Fi, Language::Sv, Language::En] {
            let r = Template::CounsellorRejected {
                name: "Aino".into(),
                reason: "Organisaatio ei vastaa.".into(),
            }
            .render(lang);
            assert!(r.body.contains("Organisaatio ei vastaa."));
        }
    }
}
