//! Every email, in Finnish, Swedish and English: the values each one needs and how they are
//! put together. The texts themselves are Fluent messages in `locales/{fi,sv,en}/email.ftl`,
//! beside the web pages' `web.ftl`, so that a translator edits one place; this module and
//! its submodules only name the values (`{ $name }`, `{ $link }` …) and compose the lists.
//!
//! Plain text only: it reads well in every client and cannot carry tracking pixels.

mod alerts;
mod associations;
mod referrals;
mod reports;
#[cfg(test)]
mod samples;
mod signups;

pub use alerts::{DigestGroup, DigestSource, DigestTask, local_time};
pub use referrals::Offer;

use chrono::NaiveDateTime;
use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n::{self, Language};

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

    /// Renders the subject and body in `lang`, from the texts `email-<kind>-subject` and
    /// `email-<kind>-body` (the kind with `-` for `_`) followed by `email-signature`.
    pub fn render(&self, lang: Language) -> Rendered {
        let args = associations::args(self)
            .or_else(|| signups::args(self, lang))
            .or_else(|| referrals::args(self, lang))
            .or_else(|| alerts::args(self, lang))
            .or_else(|| reports::args(self))
            .unwrap_or_else(|| self.account_args());
        let key = format!("email-{}", self.kind().replace('_', "-"));
        let subject = i18n::text_borrowed(lang, &format!("{key}-subject"), &args);
        let body = i18n::text_borrowed(lang, &format!("{key}-body"), &args);
        let signature = i18n::text(lang, "email-signature");
        Rendered {
            kind: self.kind(),
            subject,
            body: format!("{body}\n\n{signature}"),
        }
    }

    /// The values of the account emails; the other templates have theirs in their modules,
    /// so the last arm is never reached.
    fn account_args(&self) -> Args<'_> {
        match self {
            Self::VerifyEmail { name, link } | Self::PasswordReset { name, link } => {
                vec![("name", name.into()), ("link", link.into())]
            }
            Self::AccountExists { name, reset_link } => {
                vec![("name", name.into()), ("reset-link", reset_link.into())]
            }
            Self::PasswordChanged { name } => vec![("name", name.into())],
            _ => Vec::new(),
        }
    }
}

/// The named values of one email, for its Fluent texts (`{ $name }`); they borrow from the
/// template.
type Args<'a> = Vec<(&'static str, FluentValue<'a>)>;

/// A choice between two variants of a text (`{ $accepted -> [yes] … *[no] … }`).
fn yes_no(yes: bool) -> FluentValue<'static> {
    FluentValue::from(if yes { "yes" } else { "no" })
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
