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
            Template::MemberInvited {
                association,
                inviter,
                role,
                link,
                register_link,
            },
            Fi,
        ) => (
            format!("Kutsu yhdistyksen {association} ylläpitäjäksi"),
            format!(
                "Hei,\n\n{inviter} kutsui sinut ylläpitämään yhdistyksen {association} tietoja Talkoissa, joka kokoaa alueen vapaaehtoistehtävät (rooli: {}). Voit hyväksyä tai hylätä kutsun tästä:\n\n{link}\n\nKutsun hyväksymiseen tarvitset Talkoot-tilin tällä sähköpostiosoitteella. Jos sinulla ei vielä ole tiliä, luo se täällä ja palaa sitten kutsuun:\n\n{register_link}\n\nKutsu on voimassa 14 päivää. Jos et tunne kutsujaa tai et halua mukaan, hylkää kutsu tai jätä viesti huomiotta: sinusta ei tule jäsentä ilman omaa hyväksyntääsi.",
                role_fi(role)
            ),
        ),
        (
            Template::MemberInvited {
                association,
                inviter,
                role,
                link,
                register_link,
            },
            Sv,
        ) => (
            format!("Inbjudan till {association}"),
            format!(
                "Hej,\n\n{inviter} har bjudit in dig att sköta föreningen {association} på Talkoot, som samlar regionens frivilliguppdrag (roll: {}). Du kan tacka ja eller nej till inbjudan här:\n\n{link}\n\nFör att tacka ja behöver du ett Talkoot-konto med den här e-postadressen. Om du inte har något konto ännu, skapa ett här och återvänd sedan till inbjudan:\n\n{register_link}\n\nInbjudan gäller i 14 dagar. Om du inte känner den som bjöd in dig eller inte vill vara med, tacka nej eller ignorera meddelandet: du blir inte medlem utan att själv godkänna det.",
                role_sv(role)
            ),
        ),
        (
            Template::MemberInvited {
                association,
                inviter,
                role,
                link,
                register_link,
            },
            En,
        ) => (
            format!("Invitation to {association}"),
            format!(
                "Hi,\n\n{inviter} has invited you to help manage {association} on Talkoot, the region's volunteering service, as {}. You can accept or decline the invitation here:\n\n{link}\n\nTo accept, you need a Talkoot account with this email address. If you do not have one yet, create it here and then come back to the invitation:\n\n{register_link}\n\nThe invitation is valid for 14 days. If you do not know the sender or do not want to join, decline it or ignore this message: you will not become a member unless you accept.",
                role_en(role)
            ),
        ),
        (
            Template::InvitationAccepted {
                name,
                association,
                member,
                role,
                link,
            },
            Fi,
        ) => (
            format!("{member} liittyi yhdistykseen {association}"),
            format!(
                "Hei {name},\n\n{member} hyväksyi kutsusi ja on nyt yhdistyksen {association} jäsen Talkoissa (rooli: {}).\n\n{link}",
                role_fi(role)
            ),
        ),
        (
            Template::InvitationAccepted {
                name,
                association,
                member,
                role,
                link,
            },
            Sv,
        ) => (
            format!("{member} gick med i {association}"),
            format!(
                "Hej {name},\n\n{member} tackade ja till din inbjudan och är nu med i föreningen {association} på Talkoot (roll: {}).\n\n{link}",
                role_sv(role)
            ),
        ),
        (
            Template::InvitationAccepted {
                name,
                association,
                member,
                role,
                link,
            },
            En,
        ) => (
            format!("{member} joined {association}"),
            format!(
                "Hi {name},\n\n{member} accepted your invitation and is now {} of {association} on Talkoot.\n\n{link}",
                role_en(role)
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
