//! Invitations, the owners' side: the only way an owner brings someone into an association.
//! Inviting never looks an account up, so its answer, its email and the work it does are
//! the same for every address, and nobody becomes a member until they accept
//! ([`crate::associations::invitation_answers`]).
//!
//! The rules, in one place:
//! * an invitation is a single-use link that expires after [`LIFETIME`];
//! * one address gets at most one invitation email per association per [`RESEND_AFTER`]: a
//!   repeat within it changes nothing, a later one renews the invitation (new link, the role
//!   asked for now, a new expiry) and emails it again;
//! * after a decline the association cannot invite that address again for [`DECLINE_QUIET`];
//! * inviting the address of a current member changes nothing (the owner sees that member);
//! * one person sends at most [`EMAILS_PER_INVITER_PER_DAY`] invitation emails a day (`429`).

use std::fmt;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::{self as accounts, check_email, normalize_email};
use crate::associations::model::{self, Association, EDITOR, OWNER};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::{association_invitations, association_members, users};
use crate::db::stored::StoredEnum;
use crate::email::Template;
use crate::email::throttle::{self, Bound, Cause};
use crate::error::{AppError, FieldError};
use crate::i18n::Language;
use crate::state::AppState;

/// How long an invitation link works.
pub const LIFETIME: Duration = Duration::days(14);
/// The least time between two invitation emails to one address from one association.
pub const RESEND_AFTER: Duration = Duration::hours(24);
/// How long a decline keeps the association from inviting that address again.
pub const DECLINE_QUIET: Duration = Duration::days(30);
/// Invitation emails one person may cause in 24 hours, so that the service cannot be used
/// to flood mailboxes (each association a person creates is one more sender otherwise).
pub const EMAILS_PER_INVITER_PER_DAY: i64 = 50;

/// Where an invitation stands; stored as this text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationStatus {
    /// Sent, not answered yet (it may have expired: see `expires_at`).
    Pending,
    /// The invited person accepted and became a member.
    Accepted,
    /// The invited person declined.
    Declined,
}

impl StoredEnum for InvitationStatus {
    const WHAT: &'static str = "invitation status";
    const ALL: &'static [Self] = &[Self::Pending, Self::Accepted, Self::Declined];

    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }
}

impl fmt::Display for InvitationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reading a stored status: text that names no state is corruption and is reported.
impl TryFrom<String> for InvitationStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::from_stored(&text)
    }
}

/// An invitation as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = association_invitations)]
pub struct InvitationRow {
    pub id: String,
    pub association_id: String,
    pub email: String,
    pub role: String,
    pub invited_by: Option<String>,
    pub created_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub status: InvitationStatus,
    pub emailed_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub responded_at: Option<NaiveDateTime>,
}

/// `POST /associations/{id}/members` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    pub email: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// The answer to an invitation: the address (normalised) and role asked for, whatever
/// happened, so that it tells nothing about the address.
#[derive(Debug, Serialize)]
pub struct Invited {
    pub email: String,
    pub role: String,
}

/// Checks a role name given by an owner.
pub fn check_role(field: &str, role: &str) -> Option<FieldError> {
    (role != OWNER && role != EDITOR)
        .then(|| FieldError::new(field, "unknown_value", "The role is owner or editor."))
}

/// Invites `req.email` to the association (or renews or keeps its invitation, see the
/// module's rules) and queues the invitation email when one is due.
pub fn invite(
    conn: &mut DbConnection,
    state: &AppState,
    association: &Association,
    inviter_id: &str,
    req: InviteRequest,
) -> Result<Invited, AppError> {
    let email = normalize_email(&req.email);
    let role = req.role.unwrap_or_else(|| EDITOR.to_owned());
    let errors: Vec<FieldError> = [check_email("email", &email), check_role("role", &role)]
        .into_iter()
        .flatten()
        .collect();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let answer = Invited {
        email: email.clone(),
        role: role.clone(),
    };
    model::lock(conn, &association.id)?;
    if is_member_address(conn, &association.id, &email)? {
        return Ok(answer);
    }
    let now = Utc::now().naive_utc();
    let existing: Option<InvitationRow> = association_invitations::table
        .filter(association_invitations::association_id.eq(&association.id))
        .filter(association_invitations::email.eq(&email))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?;
    if let Some(row) = &existing {
        let declined_lately = row.status == InvitationStatus::Declined
            && row.responded_at.is_some_and(|at| at + DECLINE_QUIET > now);
        if declined_lately || row.emailed_at + RESEND_AFTER > now {
            return Ok(answer);
        }
    }
    check_daily_cap(conn, inviter_id, now)?;
    let token = tokens::generate();
    // What a first invitation and a renewed one both write.
    let offer = (
        association_invitations::role.eq(&role),
        association_invitations::invited_by.eq(inviter_id),
        association_invitations::created_at.eq(now),
        association_invitations::token_hash.eq(&token.hash),
        association_invitations::status.eq(InvitationStatus::Pending.as_str()),
        association_invitations::emailed_at.eq(now),
        association_invitations::expires_at.eq(now + LIFETIME),
    );
    let invitation_id = match existing {
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            diesel::insert_into(association_invitations::table)
                .values((
                    association_invitations::id.eq(&id),
                    association_invitations::association_id.eq(&association.id),
                    association_invitations::email.eq(&email),
                    offer,
                ))
                .execute(conn)?;
            id
        }
        Some(row) => {
            diesel::update(association_invitations::table.find(&row.id))
                .set((
                    offer,
                    association_invitations::responded_at.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
            row.id
        }
    };
    // The address is personal data and stays out of the trail; the invitation's id leads
    // to it for as long as the invitation is kept.
    audit::record(
        conn,
        now,
        Entry::new(
            Some(inviter_id),
            Action::MemberInvited,
            TargetKind::Invitation,
            &invitation_id,
        )
        .detail(format!("association {}: as {role}", association.id)),
    )?;
    let inviter = accounts::find(conn, inviter_id)?.ok_or(AppError::Unauthorized)?;
    let mail = Template::MemberInvited {
        association: association.name.clone(),
        inviter: inviter.display_name,
        role: role.clone(),
        link: state.link(&format!("/invitations?token={}", token.plain)),
        register_link: state.link("/register"),
    }
    // The inviter's language: the invitee's is not known (nor looked up).
    .render(Language::from_code(&inviter.language));
    // Unsolicited: bounded per inviter and per recipient across every association.
    let cause = Cause {
        actor: inviter_id,
        topic: None,
        bound: Bound::PerPersonAndRecipient,
    };
    throttle::enqueue_caused(
        conn,
        Some(&state.config.email_limits),
        &cause,
        None,
        &email,
        &mail,
    )?;
    Ok(answer)
}

/// Whether `email` is the address of a current member (whom the owner already sees).
fn is_member_address(
    conn: &mut DbConnection,
    association_id: &str,
    email: &str,
) -> Result<bool, AppError> {
    let found: i64 = association_members::table
        .inner_join(users::table)
        .filter(association_members::association_id.eq(association_id))
        .filter(users::email.eq(email))
        .count()
        .get_result(conn)?;
    Ok(found > 0)
}

/// `429` once the inviter has caused [`EMAILS_PER_INVITER_PER_DAY`] invitation emails in
/// the last 24 hours, with the seconds until the oldest of them leaves that window.
fn check_daily_cap(
    conn: &mut DbConnection,
    inviter_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let since = now - Duration::hours(24);
    let recent: Vec<NaiveDateTime> = association_invitations::table
        .filter(association_invitations::invited_by.eq(inviter_id))
        .filter(association_invitations::emailed_at.gt(since))
        .order(association_invitations::emailed_at.desc())
        .limit(EMAILS_PER_INVITER_PER_DAY)
        .select(association_invitations::emailed_at)
        .load(conn)?;
    if i64::try_from(recent.len()).unwrap_or(i64::MAX) < EMAILS_PER_INVITER_PER_DAY {
        return Ok(());
    }
    let oldest = recent.last().copied().unwrap_or(now);
    let wait = (oldest - since).num_seconds().max(1);
    Err(AppError::RateLimited {
        retry_after_secs: u64::try_from(wait).unwrap_or(1),
    })
}
