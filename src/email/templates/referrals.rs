//! Emails about service counsellors and referrals: the role's decisions, a referral to its
//! client, and the client's answer (or silence) to the counsellor.
//!
//! None of them carries the counsellor's note or the client's message: a mailbox may be
//! shared or read by others, and the note is about a possibly vulnerable person. The links
//! show them after signing in.
//!
//! The texts are in `locales/*/email.ftl`; this module gives them their values.

use fluent_templates::fluent_bundle::FluentValue;

use super::{Args, Template, yes_no};
use crate::i18n::{self, Language};

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
    /// The offer in a sentence of `lang` (`email-offer-*`).
    fn describe(&self, lang: Language) -> String {
        let association = ("association", FluentValue::from(&self.association));
        match (&self.task, &self.service) {
            (Some(task), _) => i18n::text_borrowed(
                lang,
                "email-offer-task",
                &[("task", task.into()), association],
            ),
            (None, Some(service)) => i18n::text_borrowed(
                lang,
                "email-offer-service",
                &[("service", service.into()), association],
            ),
            (None, None) => i18n::text_borrowed(lang, "email-offer-association", &[association]),
        }
    }
}

/// The values of a counsellor or referral email, or `None` for the templates this module
/// does not own.
pub(super) fn args(template: &Template, lang: Language) -> Option<Args<'_>> {
    Some(match template {
        Template::CounsellorApproved {
            name,
            organisation,
            link,
        } => vec![
            ("name", name.into()),
            ("organisation", organisation.into()),
            ("link", link.into()),
        ],
        Template::CounsellorRejected { name, reason }
        | Template::CounsellorRevoked { name, reason } => {
            vec![("name", name.into()), ("reason", reason.into())]
        }
        Template::ReferralReceived {
            name,
            counsellor,
            organisation,
            offer,
            link,
        } => vec![
            ("name", name.into()),
            ("counsellor", counsellor.into()),
            ("organisation", organisation.into()),
            ("offer", offer.describe(lang).into()),
            ("link", link.into()),
        ],
        Template::ReferralInvitation {
            counsellor,
            organisation,
            offer,
            link,
            register_link,
            days,
        } => vec![
            ("counsellor", counsellor.into()),
            ("organisation", organisation.into()),
            ("offer", offer.describe(lang).into()),
            ("link", link.into()),
            ("register-link", register_link.into()),
            ("days", (*days).into()),
        ],
        Template::ReferralAnswered {
            name,
            offer,
            accepted,
            link,
        } => vec![
            ("name", name.into()),
            ("offer", offer.describe(lang).into()),
            ("accepted", yes_no(*accepted)),
            ("link", link.into()),
        ],
        Template::ReferralExpired { name, offer, link } => vec![
            ("name", name.into()),
            ("offer", offer.describe(lang).into()),
            ("link", link.into()),
        ],
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
