//! Emails about associations: verification, suspension, membership, invitations, claims.

use super::Template;
use crate::i18n::Language;

/// Subject and body (without the signature) of an association email, or `None` for the
/// templates this module does not own.
pub(super) fn render(template: &Template, lang: Language) -> Option<(String, String)> {
    use Language::{En, Fi, Sv};
    Some(match (template, lang) {
        (
            Template::AssociationVerified {
                name,
                association,
                link,
            },
            Fi,
        ) => (
            format!("{association} on nyt Talkoissa"),
            format!(
                "Hei {name},\n\nylläpito on vahvistanut yhdistyksen {association}. Yhdistyskortti näkyy nyt kaikille, ja voitte julkaista vapaaehtoistehtäviä:\n\n{link}"
            ),
        ),
        (
            Template::AssociationVerified {
                name,
                association,
                link,
            },
            Sv,
        ) => (
            format!("{association} finns nu på Talkoot"),
            format!(
                "Hej {name},\n\nadministratören har verifierat föreningen {association}. Föreningskortet syns nu för alla och ni kan publicera frivilliguppdrag:\n\n{link}"
            ),
        ),
        (
            Template::AssociationVerified {
                name,
                association,
                link,
            },
            En,
        ) => (
            format!("{association} is now on Talkoot"),
            format!(
                "Hi {name},\n\nthe administrators have verified {association}. Its card is now public and you can publish volunteer tasks:\n\n{link}"
            ),
        ),
        (Template::AssociationSuspended { name, association }, Fi) => (
            format!("{association} on piilotettu"),
            format!(
                "Hei {name},\n\nylläpito on keskeyttänyt yhdistyksen {association} näkyvyyden Talkoissa. Yhdistyskortti ja tehtävät eivät näy muille. Ota yhteyttä ylläpitoon, jos haluat tietää syyn."
            ),
        ),
        (Template::AssociationSuspended { name, association }, Sv) => (
            format!("{association} har dolts"),
            format!(
                "Hej {name},\n\nadministratören har stängt av föreningen {association} på Talkoot. Föreningskortet och uppdragen syns inte för andra. Kontakta administratören om du vill veta varför."
            ),
        ),
        (Template::AssociationSuspended { name, association }, En) => (
            format!("{association} has been suspended"),
            format!(
                "Hi {name},\n\nthe administrators have suspended {association} on Talkoot. Its card and tasks are hidden from others. Contact the administrators to learn why."
            ),
        ),
        (
            Template::MemberAdded {
                name,
                association,
                role,
                link,
            },
            Fi,
        ) => (
            format!("Sinut lisättiin yhdistykseen {association}"),
            format!(
                "Hei {name},\n\nsinut on lisätty yhdistyksen {association} ylläpitäjäksi Talkoissa (rooli: {}).\n\n{link}",
                role_fi(role)
            ),
        ),
        (
            Template::MemberAdded {
                name,
                association,
                role,
                link,
            },
            Sv,
        ) => (
            format!("Du har lagts till i {association}"),
            format!(
                "Hej {name},\n\ndu har lagts till som administratör för föreningen {association} på Talkoot (roll: {}).\n\n{link}",
                role_sv(role)
            ),
        ),
        (
            Template::MemberAdded {
                name,
                association,
                role,
                link,
            },
            En,
        ) => (
            format!("You were added to {association}"),
            format!(
                "Hi {name},\n\nyou have been added to {association} on Talkoot as {}.\n\n{link}",
                role_en(role)
            ),
        ),
        (
            Template::MemberInvited {
                association,
                inviter,
                link,
            },
            Fi,
        ) => (
            format!("Kutsu yhdistyksen {association} ylläpitäjäksi"),
            format!(
                "Hei,\n\n{inviter} kutsui sinut ylläpitämään yhdistyksen {association} tietoja Talkoissa, joka kokoaa alueen vapaaehtoistehtävät. Luo tili tällä sähköpostiosoitteella ja vahvista se, niin pääset yhdistyksen jäseneksi:\n\n{link}"
            ),
        ),
        (
            Template::MemberInvited {
                association,
                inviter,
                link,
            },
            Sv,
        ) => (
            format!("Inbjudan till {association}"),
            format!(
                "Hej,\n\n{inviter} har bjudit in dig att sköta föreningen {association} på Talkoot, som samlar regionens frivilliguppdrag. Skapa ett konto med den här e-postadressen och bekräfta det, så blir du medlem:\n\n{link}"
            ),
        ),
        (
            Template::MemberInvited {
                association,
                inviter,
                link,
            },
            En,
        ) => (
            format!("Invitation to {association}"),
            format!(
                "Hi,\n\n{inviter} has invited you to manage {association} on Talkoot, the region's volunteering service. Create an account with this email address and confirm it to join:\n\n{link}"
            ),
        ),
        (
            Template::ClaimApproved {
                name,
                association,
                link,
            },
            Fi,
        ) => (
            format!("Olet nyt yhdistyksen {association} omistaja"),
            format!(
                "Hei {name},\n\nylläpito hyväksyi pyyntösi: olet nyt yhdistyksen {association} omistaja Talkoissa ja voit päivittää yhdistyskortin:\n\n{link}"
            ),
        ),
        (
            Template::ClaimApproved {
                name,
                association,
                link,
            },
            Sv,
        ) => (
            format!("Du är nu ägare av {association}"),
            format!(
                "Hej {name},\n\nadministratören godkände din begäran: du är nu ägare av föreningen {association} på Talkoot och kan uppdatera föreningskortet:\n\n{link}"
            ),
        ),
        (
            Template::ClaimApproved {
                name,
                association,
                link,
            },
            En,
        ) => (
            format!("You now own {association} on Talkoot"),
            format!(
                "Hi {name},\n\nthe administrators approved your request: you are now an owner of {association} on Talkoot and can update its card:\n\n{link}"
            ),
        ),
        (Template::ClaimRejected { name, association }, Fi) => (
            format!("Pyyntösi yhdistyksestä {association}"),
            format!(
                "Hei {name},\n\nylläpito ei voinut hyväksyä pyyntöäsi ryhtyä yhdistyksen {association} omistajaksi. Jos edustat yhdistystä, ota yhteyttä ylläpitoon ja kerro, miten asemasi voidaan todentaa."
            ),
        ),
        (Template::ClaimRejected { name, association }, Sv) => (
            format!("Din begäran om {association}"),
            format!(
                "Hej {name},\n\nadministratören kunde inte godkänna din begäran att bli ägare av föreningen {association}. Om du företräder föreningen, kontakta administratören och berätta hur din ställning kan bekräftas."
            ),
        ),
        (Template::ClaimRejected { name, association }, En) => (
            format!("Your request about {association}"),
            format!(
                "Hi {name},\n\nthe administrators could not approve your request to become an owner of {association}. If you represent the association, contact the administrators and tell them how your role can be confirmed."
            ),
        ),
        _ => return None,
    })
}

fn role_fi(role: &str) -> &'static str {
    if role == "owner" {
        "omistaja"
    } else {
        "muokkaaja"
    }
}

fn role_sv(role: &str) -> &'static str {
    if role == "owner" {
        "ägare"
    } else {
        "redaktör"
    }
}

fn role_en(role: &str) -> &'static str {
    if role == "owner" {
        "an owner"
    } else {
        "an editor"
    }
}
