//! Every template with every branch worth a separate text, for the tests: each sign-up
//! status, accepted or not, present and absent optional fields, empty and full lists.

use chrono::{NaiveDate, NaiveDateTime};

use super::{DigestGroup, DigestSource, DigestTask, Offer, Template};

/// The values the samples are built from: plain ones for checking that nothing of Fluent's
/// syntax leaks into an email, odd ones for checking that values pass through untouched.
pub(super) struct Values {
    pub name: &'static str,
    pub other: &'static str,
    pub task: &'static str,
    pub association: &'static str,
    pub link: &'static str,
}

pub(super) const PLAIN: Values = Values {
    name: "Aino",
    other: "Maija Meikäläinen",
    task: "Siivoustalkoot",
    association: "Kallion nuorisoseura",
    link: "http://localhost:8080/signups/42?token=abc",
};

pub(super) const ODD: Values = Values {
    name: "Äi{n}o $name ”x” “y” \"z\" – [a] *b .c",
    other: "{ $other } Ö",
    task: "*Task* [1] {x}",
    association: ".Assoc\" – ry",
    link: "https://example.org/a?b={c}&d=$e",
};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("a valid date")
}

fn offers(v: &Values) -> Vec<Offer> {
    let a = || format!("{} ry", v.association);
    vec![
        Offer {
            task: Some(format!("{} (task)", v.task)),
            service: None,
            association: a(),
        },
        Offer {
            task: Some(format!("{} (task)", v.task)),
            service: Some("Palvelu (ignored)".into()),
            association: a(),
        },
        Offer {
            task: None,
            service: Some(format!("{} (service)", v.other)),
            association: a(),
        },
        Offer {
            task: None,
            service: None,
            association: a(),
        },
    ]
}

fn digest_task(
    v: &Values,
    n: usize,
    place: Option<&str>,
    starts: Option<NaiveDateTime>,
) -> DigestTask {
    DigestTask {
        title: format!("{} {n}", v.task),
        association: format!("{} {n}", v.association),
        place: place.map(str::to_owned),
        starts,
        link: format!("{}/tasks/{n}", v.link),
    }
}

/// Every template, in as many variants as its text has branches.
pub(super) fn all(v: &Values) -> Vec<Template> {
    let s = |x: &str| x.to_owned();
    let n = || s(v.name);
    let l = || s(v.link);
    let t = || s(v.task);
    let a = || s(v.association);
    let mut out = Vec::new();
    for acted in [true, false] {
        out.push(Template::ReportClosed {
            name: n(),
            target: format!("{} (target)", v.task),
            acted,
        });
    }
    out.push(Template::VerifyEmail {
        name: n(),
        link: l(),
    });
    out.push(Template::AccountExists {
        name: n(),
        reset_link: format!("{}/reset", v.link),
    });
    out.push(Template::PasswordReset {
        name: n(),
        link: l(),
    });
    out.push(Template::PasswordChanged { name: n() });
    out.push(Template::AssociationVerified {
        name: n(),
        association: a(),
        link: l(),
    });
    out.push(Template::AssociationSuspended {
        name: n(),
        association: a(),
    });
    for role in ["owner", "editor", "weird"] {
        out.push(Template::MemberInvited {
            association: a(),
            inviter: s(v.other),
            role: s(role),
            link: l(),
            register_link: format!("{}/register", v.link),
        });
        out.push(Template::InvitationAccepted {
            name: n(),
            association: a(),
            member: s(v.other),
            role: s(role),
            link: l(),
        });
    }
    out.push(Template::ClaimApproved {
        name: n(),
        association: a(),
        link: l(),
    });
    out.push(Template::ClaimRejected {
        name: n(),
        association: a(),
    });
    for status in ["pending", "accepted", "waitlisted", "something-else"] {
        out.push(Template::SignupReceived {
            association: a(),
            task: t(),
            volunteer: s(v.other),
            status: s(status),
            link: l(),
        });
    }
    out.push(Template::SignupWithdrawn {
        association: a(),
        task: t(),
        volunteer: s(v.other),
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
    let starts = || Some(s("2026-12-01 10:00 UTC"));
    let contact = || Some(s(v.other));
    for (starts, contact) in [
        (starts(), contact()),
        (starts(), None),
        (None, contact()),
        (None, None),
        (Some(s("   ")), Some(format!("  {}  ", v.other))),
        (Some(s(" 1.12. ")), Some(s(""))),
    ] {
        out.push(Template::SignupAccepted {
            name: n(),
            task: t(),
            association: a(),
            starts,
            contact,
            link: l(),
        });
    }
    out.push(Template::SignupDeclined {
        name: n(),
        task: t(),
        association: a(),
        link: l(),
    });
    for accepted in [true, false] {
        out.push(Template::SignupMovedUp {
            name: n(),
            task: t(),
            association: a(),
            accepted,
            link: l(),
        });
    }
    out.push(Template::SignupTaskCancelled {
        name: n(),
        task: t(),
        association: a(),
        link: l(),
    });
    for hours in ["1", "3.5", " 1 ", "1.0", "2", "0.5"] {
        out.push(Template::SignupCompleted {
            name: n(),
            task: t(),
            association: a(),
            hours: s(hours),
            link: l(),
        });
    }
    out.push(Template::CounsellorApproved {
        name: n(),
        organisation: s(v.other),
        link: l(),
    });
    out.push(Template::CounsellorRejected {
        name: n(),
        reason: format!("Reason: {}.\nSecond line.", v.other),
    });
    out.push(Template::CounsellorRevoked {
        name: n(),
        reason: format!("Reason: {}.", v.other),
    });
    for offer in offers(v) {
        out.push(Template::ReferralReceived {
            name: n(),
            counsellor: s(v.other),
            organisation: format!("{} (org)", v.association),
            offer: offer.clone(),
            link: l(),
        });
        for days in [30, 1] {
            out.push(Template::ReferralInvitation {
                counsellor: s(v.other),
                organisation: format!("{} (org)", v.association),
                offer: offer.clone(),
                link: l(),
                register_link: format!("{}/register", v.link),
                days,
            });
        }
        for accepted in [true, false] {
            out.push(Template::ReferralAnswered {
                name: n(),
                offer: offer.clone(),
                accepted,
                link: l(),
            });
        }
        out.push(Template::ReferralExpired {
            name: n(),
            offer,
            link: l(),
        });
    }
    let winter = at(2026, 12, 8, 8, 0);
    let summer = at(2026, 6, 15, 21, 30);
    let settings = || format!("{}/me/saved-searches", v.link);
    let group = |source: DigestSource, tasks: Vec<DigestTask>, k: &str| DigestGroup {
        source,
        tasks,
        unsubscribe: format!("{}/unsubscribe?token={k}", v.link),
    };
    let digests = [
        vec![],
        vec![group(
            DigestSource::SavedSearch(format!("{} search", v.other)),
            vec![digest_task(v, 1, Some("Lappeenranta"), Some(winter))],
            "one",
        )],
        vec![
            group(
                DigestSource::SavedSearch(format!("{} search", v.other)),
                vec![
                    digest_task(v, 1, None, None),
                    digest_task(v, 2, Some("Lappeenranta"), None),
                    digest_task(v, 3, None, Some(summer)),
                    digest_task(v, 4, Some("remote"), Some(winter)),
                ],
                "one",
            ),
            group(
                DigestSource::Follow(format!("{} followed", v.association)),
                vec![digest_task(v, 5, Some("Imatra"), None)],
                "two",
            ),
            group(DigestSource::Follow(s(v.association)), vec![], "three"),
            group(DigestSource::SavedSearch(String::new()), vec![], "four"),
        ],
    ];
    for groups in digests {
        out.push(Template::AlertDigest {
            name: n(),
            groups,
            settings_link: settings(),
        });
    }
    for (place, contact) in [
        (Some(s("Kauppakatu 1, Lappeenranta")), contact()),
        (None, None),
        (Some(s("Imatra")), None),
        (None, contact()),
    ] {
        for starts in [winter, summer] {
            out.push(Template::TaskReminder {
                name: n(),
                task: t(),
                association: a(),
                starts,
                place: place.clone(),
                contact: contact.clone(),
                link: l(),
            });
        }
    }
    for volunteers in [vec![], vec![n()], vec![n(), s(v.other), s("Kolmas")]] {
        for starts in [winter, summer] {
            out.push(Template::RosterSummary {
                association: a(),
                task: t(),
                starts,
                volunteers: volunteers.clone(),
                link: l(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    /// Every template in every language finds its texts in that language (a text missing
    /// there, or one needing a value the template does not give, would show Finnish or
    /// Fluent's error text), and no Fluent syntax leaks into an email.
    #[test]
    fn every_template_renders_in_every_language() {
        let templates = all(&PLAIN);
        assert!(templates.len() > 80, "{}", templates.len());
        for template in &templates {
            let mut seen: Vec<String> = Vec::new();
            for lang in Language::ALL {
                let r = template.render(lang);
                let signature = i18n::text(lang, "email-signature");
                assert!(!r.subject.trim().is_empty(), "{} {lang:?}", r.kind);
                assert!(!r.subject.contains('\n'), "{} {lang:?}", r.kind);
                assert!(
                    r.body.ends_with(&format!("\n\n{signature}")),
                    "{} {lang:?}: {}",
                    r.kind,
                    r.body
                );
                for text in [&r.subject, &r.body] {
                    assert!(
                        !text.contains("Unknown localization")
                            && !text.contains(['{', '}', '$', '\u{2068}', '\u{2069}']),
                        "{} {lang:?}: {text}",
                        r.kind
                    );
                }
                // Every subject and body differs between the languages: none fell back.
                for text in [r.subject, r.body] {
                    assert!(
                        !seen.contains(&text),
                        "{} {lang:?}: a text fell back to another language: {text}",
                        template.kind()
                    );
                    seen.push(text);
                }
            }
        }
    }

    /// Values are inserted exactly as they are, even when they look like Fluent's syntax:
    /// an email with odd values is the email with plain ones, the values swapped.
    #[test]
    fn values_pass_through_untouched() {
        let swap = |text: &str| {
            [
                (PLAIN.name, ODD.name),
                (PLAIN.other, ODD.other),
                (PLAIN.task, ODD.task),
                (PLAIN.association, ODD.association),
                (PLAIN.link, ODD.link),
            ]
            .iter()
            .fold(text.to_owned(), |text, (plain, odd)| {
                text.replace(plain, odd)
            })
        };
        for (plain, odd) in all(&PLAIN).iter().zip(&all(&ODD)) {
            for lang in Language::ALL {
                let (plain, odd) = (plain.render(lang), odd.render(lang));
                assert_eq!(swap(&plain.subject), odd.subject, "{} {lang:?}", odd.kind);
                assert_eq!(swap(&plain.body), odd.body, "{} {lang:?}", odd.kind);
            }
        }
    }
}
