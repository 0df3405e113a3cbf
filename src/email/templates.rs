//! The text of every email, in Finnish, Swedish and English.
//!
//! Plain text only: it reads well in every client and cannot carry tracking pixels.

mod alerts;
mod associations;
mod referrals;
mod reports;
mod signups;

pub use alerts::{DigestGroup, DigestSource, DigestTask, local_time};
pub use referrals::Offer;

use chrono::NaiveDateTime;

use crate::i18n::Language;

/// What an email is about, with the values it needs.
#[derive(Debug, Clone)]
pub enum Template {
    /// To someone who reported a task or an association: the administrators closed the
    /// report, and whether they acted (what they did is not said: it may concern a person).
    ReportClosed {
        name: String,
        /// The task's title or the association's name.
        target: String,
        acted: bool,
    },
    VerifyEmail {
        name: String,
        link: String,
    },
    /// Someone tried to register an address that already has a verified account.
    AccountExists {
        name: String,
        reset_link: String,
    },
    PasswordReset {
        name: String,
        link: String,
    },
    PasswordChanged {
        name: String,
    },
    /// An administrator verified the association: it is public now.
    AssociationVerified {
        name: String,
        association: String,
        link: String,
    },
    /// An administrator suspended the association: it is hidden.
    AssociationSuspended {
        name: String,
        association: String,
    },
    /// An invitation to help manage an association, the same text whether or not the address
    /// has an account (so the email never tells): `link` opens the invitation (accept or
    /// decline), `register_link` is where someone without an account creates one first.
    MemberInvited {
        association: String,
        inviter: String,
        role: String,
        link: String,
        register_link: String,
    },
    /// To the owner who invited someone: they accepted and are a member now.
    InvitationAccepted {
        name: String,
        association: String,
        member: String,
        role: String,
        link: String,
    },
    /// A claim of an imported association was approved: the claimant is its owner.
    ClaimApproved {
        name: String,
        association: String,
        link: String,
    },
    /// A claim was rejected.
    ClaimRejected {
        name: String,
        association: String,
    },
    /// To an association's contact address and owners: someone signed up to one of its tasks,
    /// so that they can act on it. `status` is "pending" (the association must accept or
    /// decline), "accepted" (automatic approval: already accepted) or "waitlisted" (the task
    /// is full: the volunteer is on the waitlist).
    SignupReceived {
        association: String,
        task: String,
        volunteer: String,
        status: String,
        link: String,
    },
    /// To an association's contact address and owners: an accepted, pending or waitlisted
    /// volunteer withdrew, so they know not to count on them.
    SignupWithdrawn {
        association: String,
        task: String,
        volunteer: String,
        link: String,
    },
    /// To the volunteer: the sign-up was received and waits for the association's decision
    /// (manual approval).
    SignupPending {
        name: String,
        task: String,
        association: String,
        link: String,
    },
    /// To the volunteer: the task is full, so they are on the waitlist and will be emailed if a
    /// spot frees up.
    SignupWaitlisted {
        name: String,
        task: String,
        association: String,
        link: String,
    },
    /// To the volunteer: the sign-up was accepted. `starts` is an optional human-readable start
    /// time (e.g. "2026-12-01 10:00 UTC") and `contact` the optional contact person of the
    /// task. Tells them to show up, that the association will be in touch, and that they can
    /// withdraw through the link if their plans change.
    SignupAccepted {
        name: String,
        task: String,
        association: String,
        starts: Option<String>,
        contact: Option<String>,
        link: String,
    },
    /// To the volunteer: the association declined the sign-up. Kind in tone; the link points at
    /// the task search, to find another task.
    SignupDeclined {
        name: String,
        task: String,
        association: String,
        link: String,
    },
    /// To the volunteer: a spot freed up and they moved up from the waitlist. `accepted` is true
    /// when they are now accepted (automatic approval), false when they now wait for the
    /// association's decision (manual approval).
    SignupMovedUp {
        name: String,
        task: String,
        association: String,
        accepted: bool,
        link: String,
    },
    /// To the volunteer: the association cancelled the task, which cancelled the sign-up too.
    /// The link points at the task search, to find other tasks.
    SignupTaskCancelled {
        name: String,
        task: String,
        association: String,
        link: String,
    },
    /// To the volunteer: the association marked the task completed with `hours` (already
    /// formatted, e.g. "3.5"). It now shows on their volunteering record (the link), where
    /// they can also leave feedback.
    SignupCompleted {
        name: String,
        task: String,
        association: String,
        hours: String,
        link: String,
    },
    /// To a user whose counsellor request was approved.
    CounsellorApproved {
        name: String,
        organisation: String,
        link: String,
    },
    /// To a user whose counsellor request was rejected, with the administrator's reason.
    CounsellorRejected {
        name: String,
        reason: String,
    },
    /// To a counsellor whose role was revoked, with the administrator's reason.
    CounsellorRevoked {
        name: String,
        reason: String,
    },
    /// To a client with an account: a counsellor referred them. The note is not in the
    /// email (a mailbox may be shared); the link shows it after signing in.
    ReferralReceived {
        name: String,
        counsellor: String,
        organisation: String,
        offer: Offer,
        link: String,
    },
    /// To an address without an account: a counsellor referred its owner, who can register
    /// with this address to answer.
    ReferralInvitation {
        counsellor: String,
        organisation: String,
        offer: Offer,
        link: String,
        register_link: String,
        days: i64,
    },
    /// To the counsellor: the client accepted or declined.
    ReferralAnswered {
        name: String,
        offer: Offer,
        accepted: bool,
        link: String,
    },
    /// To the counsellor: nobody answered in time.
    ReferralExpired {
        name: String,
        offer: Offer,
        link: String,
    },
    /// To a volunteer: new tasks that match their saved searches or come from associations
    /// they follow, grouped by source, each group with its one-click unsubscribe link.
    AlertDigest {
        name: String,
        groups: Vec<DigestGroup>,
        settings_link: String,
    },
    /// To an accepted volunteer, a day before a fixed-time task starts. `place` is the
    /// address and municipality, `contact` the task's contact person.
    TaskReminder {
        name: String,
        task: String,
        association: String,
        starts: NaiveDateTime,
        place: Option<String>,
        contact: Option<String>,
        link: String,
    },
    /// To the association, a day before a fixed-time task starts: who is coming (display
    /// names only).
    RosterSummary {
        association: String,
        task: String,
        starts: NaiveDateTime,
        volunteers: Vec<String>,
        link: String,
    },
}

/// A rendered email, ready for the outbox.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
}

const SIGNATURE_FI: &str = "\n\nTerveisin\nTalkoot";
const SIGNATURE_SV: &str = "\n\nHälsningar\nTalkoot";
const SIGNATURE_EN: &str = "\n\nBest regards\nTalkoot";

impl Template {
    /// Stable name of the template, stored with the message for diagnostics.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::VerifyEmail { .. } => "verify_email",
            Self::AccountExists { .. } => "account_exists",
            Self::PasswordReset { .. } => "password_reset",
            Self::PasswordChanged { .. } => "password_changed",
            Self::AssociationVerified { .. } => "association_verified",
            Self::AssociationSuspended { .. } => "association_suspended",
            Self::MemberInvited { .. } => "member_invited",
            Self::InvitationAccepted { .. } => "invitation_accepted",
            Self::ClaimApproved { .. } => "claim_approved",
            Self::ClaimRejected { .. } => "claim_rejected",
            Self::SignupReceived { .. } => "signup_received",
            Self::SignupWithdrawn { .. } => "signup_withdrawn",
            Self::SignupPending { .. } => "signup_pending",
            Self::SignupWaitlisted { .. } => "signup_waitlisted",
            Self::SignupAccepted { .. } => "signup_accepted",
            Self::SignupDeclined { .. } => "signup_declined",
            Self::SignupMovedUp { .. } => "signup_moved_up",
            Self::SignupTaskCancelled { .. } => "signup_task_cancelled",
            Self::SignupCompleted { .. } => "signup_completed",
            Self::CounsellorApproved { .. } => "counsellor_approved",
            Self::CounsellorRejected { .. } => "counsellor_rejected",
            Self::CounsellorRevoked { .. } => "counsellor_revoked",
            Self::ReferralReceived { .. } => "referral_received",
            Self::ReferralInvitation { .. } => "referral_invitation",
            Self::ReferralAnswered { .. } => "referral_answered",
            Self::ReferralExpired { .. } => "referral_expired",
            Self::AlertDigest { .. } => "alert_digest",
            Self::TaskReminder { .. } => "task_reminder",
            Self::RosterSummary { .. } => "roster_summary",
            Self::ReportClosed { .. } => "report_closed",
        }
    }

    /// Renders the subject and body in `lang`.
    pub fn render(&self, lang: Language) -> Rendered {
        if let Some((subject, body)) = associations::render(self, lang)
            .or_else(|| signups::render(self, lang))
            .or_else(|| referrals::render(self, lang))
            .or_else(|| alerts::render(self, lang))
            .or_else(|| reports::render(self, lang))
        {
            return Rendered {
                kind: self.kind(),
                subject,
                body: format!("{body}{}", signature(lang)),
            };
        }
        let (subject, body) = match (self, lang) {
            (Self::VerifyEmail { name, link }, Language::Fi) => (
                "Vahvista sähköpostiosoitteesi".to_owned(),
                format!(
                    "Hei {name},\n\nkiitos, että liityit Talkoisiin! Vahvista sähköpostiosoitteesi avaamalla linkki:\n\n{link}\n\nLinkki on voimassa 48 tuntia. Jos et luonut tiliä, voit jättää tämän viestin huomiotta.{SIGNATURE_FI}"
                ),
            ),
            (Self::VerifyEmail { name, link }, Language::Sv) => (
                "Bekräfta din e-postadress".to_owned(),
                format!(
                    "Hej {name},\n\ntack för att du gick med i Talkoot! Bekräfta din e-postadress genom att öppna länken:\n\n{link}\n\nLänken gäller i 48 timmar. Om du inte skapade ett konto kan du ignorera det här meddelandet.{SIGNATURE_SV}"
                ),
            ),
            (Self::VerifyEmail { name, link }, Language::En) => (
                "Confirm your email address".to_owned(),
                format!(
                    "Hi {name},\n\nthank you for joining Talkoot! Confirm your email address by opening this link:\n\n{link}\n\nThe link is valid for 48 hours. If you did not create an account, you can ignore this message.{SIGNATURE_EN}"
                ),
            ),
            (Self::AccountExists { name, reset_link }, Language::Fi) => (
                "Sinulla on jo Talkoot-tili".to_owned(),
                format!(
                    "Hei {name},\n\njoku (toivottavasti sinä) yritti luoda uuden tilin tällä sähköpostiosoitteella, mutta sinulla on jo tili. Voit kirjautua sisään tavalliseen tapaan. Jos olet unohtanut salasanasi, voit vaihtaa sen täällä:\n\n{reset_link}\n\nJos et yrittänyt rekisteröityä, sinun ei tarvitse tehdä mitään.{SIGNATURE_FI}"
                ),
            ),
            (Self::AccountExists { name, reset_link }, Language::Sv) => (
                "Du har redan ett Talkoot-konto".to_owned(),
                format!(
                    "Hej {name},\n\nnågon (förhoppningsvis du) försökte skapa ett nytt konto med den här e-postadressen, men du har redan ett konto. Du kan logga in som vanligt. Om du har glömt ditt lösenord kan du byta det här:\n\n{reset_link}\n\nOm det inte var du behöver du inte göra något.{SIGNATURE_SV}"
                ),
            ),
            (Self::AccountExists { name, reset_link }, Language::En) => (
                "You already have a Talkoot account".to_owned(),
                format!(
                    "Hi {name},\n\nsomeone (hopefully you) tried to create a new account with this email address, but you already have one. You can log in as usual. If you have forgotten your password, you can reset it here:\n\n{reset_link}\n\nIf this was not you, there is nothing you need to do.{SIGNATURE_EN}"
                ),
            ),
            (Self::PasswordReset { name, link }, Language::Fi) => (
                "Salasanan vaihtaminen".to_owned(),
                format!(
                    "Hei {name},\n\nvoit vaihtaa Talkoot-salasanasi avaamalla linkin:\n\n{link}\n\nLinkki on voimassa tunnin ja toimii kerran. Jos et pyytänyt salasanan vaihtoa, voit jättää tämän viestin huomiotta.{SIGNATURE_FI}"
                ),
            ),
            (Self::PasswordReset { name, link }, Language::Sv) => (
                "Byt lösenord".to_owned(),
                format!(
                    "Hej {name},\n\ndu kan byta ditt Talkoot-lösenord genom att öppna länken:\n\n{link}\n\nLänken gäller i en timme och fungerar en gång. Om du inte bad om ett nytt lösenord kan du ignorera det här meddelandet.{SIGNATURE_SV}"
                ),
            ),
            (Self::PasswordReset { name, link }, Language::En) => (
                "Reset your password".to_owned(),
                format!(
                    "Hi {name},\n\nyou can set a new Talkoot password by opening this link:\n\n{link}\n\nThe link is valid for one hour and works once. If you did not ask for this, you can ignore this message.{SIGNATURE_EN}"
                ),
            ),
            (Self::PasswordChanged { name }, Language::Fi) => (
                "Salasanasi on vaihdettu".to_owned(),
                format!(
                    "Hei {name},\n\nTalkoot-tilisi salasana vaihdettiin juuri, ja kaikki aiemmat kirjautumiset päätettiin. Jos et tehnyt tätä itse, vaihda salasana heti ja ota yhteyttä ylläpitoon.{SIGNATURE_FI}"
                ),
            ),
            (Self::PasswordChanged { name }, Language::Sv) => (
                "Ditt lösenord har bytts".to_owned(),
                format!(
                    "Hej {name},\n\nlösenordet till ditt Talkoot-konto byttes nyss och alla tidigare inloggningar avslutades. Om det inte var du, byt lösenord genast och kontakta administratören.{SIGNATURE_SV}"
                ),
            ),
            (Self::PasswordChanged { name }, Language::En) => (
                "Your password was changed".to_owned(),
                format!(
                    "Hi {name},\n\nthe password of your Talkoot account was just changed and all earlier sessions were ended. If this was not you, reset your password at once and contact the administrators.{SIGNATURE_EN}"
                ),
            ),
            _ => unreachable_template(),
        };
        Rendered {
            kind: self.kind(),
            subject,
            body,
        }
    }
}

/// The closing lines of every email.
fn signature(lang: Language) -> &'static str {
    match lang {
        Language::Fi => SIGNATURE_FI,
        Language::Sv => SIGNATURE_SV,
        Language::En => SIGNATURE_EN,
    }
}

/// Association and sign-up templates are rendered by their own modules, so this arm is never
/// reached.
fn unreachable_template() -> (String, String) {
    (String::from("Talkoot"), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_in_every_language_with_its_link() {
        let link = "http://localhost:8080/verify-email?token=abc".to_owned();
        for lang in [Language::Fi, Language::Sv, Language::En] {
            let r = Template::VerifyEmail {
                name: "Aino".into(),
                link: link.clone(),
            }
            .render(lang);
            assert!(r.body.contains(&link) && r.body.contains("Aino"));
            let r = Template::PasswordChanged {
                name: "Aino".into(),
            }
            .render(lang);
            assert!(!r.subject.is_empty());
        }
        assert_ne!(
            Template::PasswordChanged { name: "A".into() }
                .render(Language::Fi)
                .subject,
            Template::PasswordChanged { name: "A".into() }
                .render(Language::Sv)
                .subject
        );
    }

    #[test]
    fn an_invitation_names_its_role_and_both_links_in_every_language() {
        for lang in [Language::Fi, Language::Sv, Language::En] {
            let r = Template::MemberInvited {
                association: "Seura".into(),
                inviter: "Maija".into(),
                role: "owner".into(),
                link: "http://t/invitations?token=abc".into(),
                register_link: "http://t/register".into(),
            }
            .render(lang);
            assert!(r.subject.contains("Seura"), "{lang:?}");
            let (link, register) = (
                r.body.find("invitations?token=abc"),
                r.body.find("http://t/register"),
            );
            assert!(link.is_some() && register.is_some(), "{}", r.body);
            // The invitation's link comes first: it is the one to follow.
            assert!(link < register, "{}", r.body);
            assert!(
                r.body.contains("Maija") && r.body.contains("14"),
                "{}",
                r.body
            );
        }
    }
}
