//! `DELETE /me`: the account is erased in one transaction (GDPR Article 17).
//!
//! What goes, and what is kept and why (the README lists the same):
//! - Open sign-ups are withdrawn through the sign-up code first, so that places free, the
//!   waiting list moves up and the association hears of it, as if the volunteer withdrew.
//! - Every other sign-up stays as an anonymous row: no volunteer, no message, no comments,
//!   no record-check entry; only the task, its state, times, hours and ratings, and the age
//!   band and gender the region's figures count. So the associations' and the region's
//!   figures stay right.
//! - Referrals to the user stay for the counsellor's figures, without the client, their
//!   address, the note, their message or their reason; referrals the user made as a
//!   counsellor stay for the region's and their organisation's figures, without them and
//!   without their notes (open ones expire: nobody is left to follow them up).
//! - The audit trail keeps its rows (it is append-only, and accountability outlives an
//!   account): they name ids, roles and statuses, never personal data, and once the account
//!   is gone an id leads nowhere. One more row records the erasure itself.
//! - Everything else that holds the user (profile, sessions, tokens, memberships, claims,
//!   counsellor requests, the record, saved searches, follows, alerts, invitations to their
//!   address, emails to them) is deleted; the account row last, its foreign keys cascading
//!   or set to null.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::accounts::counsellors::lock_account;
use crate::accounts::login::clear_failures;
use crate::accounts::model::{self as accounts, ERASED_NAME, age_band, age_on};
use crate::associations::model::{self as association_model, OWNER};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::{
    association_invitations, association_members, associations, outbox, referrals, reports,
    signups, users,
};
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::email::outbox::OutboxStatus;
use crate::error::{AppError, ProblemType};
use crate::referrals::model::{self as referral_model, Event as ReferralEvent, ReferralStatus};
use crate::signups::decisions;
use crate::signups::status::SignupStatus;

/// The claim hash of a referral whose client was erased: not hexadecimal, so no claim
/// code's SHA-256 is ever equal to it.
const ERASED_CLAIM: &str = "erased";

/// Who asked for an erasure, as the audit trail records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasedBy {
    /// The user, with their password (`DELETE /me`).
    TheUser,
    /// The retention sweep: the address was never verified.
    Retention,
}

/// Erases `user_id`. Refused (`409 last-owner`, naming the associations) while they are the
/// only owner of an association: it must be handed over first.
pub fn erase(
    conn: &mut DbConnection,
    notifier: &Notifier,
    user_id: &str,
    by: ErasedBy,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    lock_account(conn, user_id)?;
    let user = accounts::find(conn, user_id)?.ok_or(AppError::Unauthorized)?;
    refuse_if_last_owner(conn, user_id)?;
    // Their name reaches others' emails only through a sign-up (notices, rosters) or a
    // membership (invitations, role changes); without either (an account that never got
    // going), searching emails for a name would only find other people of the same name.
    let signed_up: i64 = signups::table
        .filter(signups::volunteer_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let member: i64 = association_members::table
        .filter(association_members::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    let named_to_others = signed_up + member > 0;
    // The emails this erasure causes (a withdrawal told to an association) no longer name
    // them.
    diesel::update(users::table.find(user_id))
        .set(users::display_name.eq(ERASED_NAME))
        .execute(conn)?;

    // Open sign-ups: withdrawn as the volunteer would, so the waiting list moves up.
    let open: Vec<String> = signups::table
        .filter(signups::volunteer_id.eq(user_id))
        .filter(signups::status.eq_any(SignupStatus::OPEN.iter().map(|s| s.as_str())))
        .select(signups::id)
        .load(conn)?;
    for id in open {
        decisions::withdraw(conn, notifier, &id, user_id)?;
    }
    anonymise_signups(conn, user_id, user.birth_date, user.gender.as_deref())?;

    // What was sent to their address is theirs only when the address is proven theirs (a
    // verified account erasing itself). Anyone can register someone else's address and
    // never verify it: the retention sweep of such an account must not destroy the real
    // owner's referrals, invitations or emails.
    let address_is_theirs = by == ErasedBy::TheUser;

    // Referrals to them (bound, or sent to their address): kept without the client.
    let cleared = || {
        (
            referrals::client_id.eq(None::<String>),
            referrals::note.eq(None::<String>),
            referrals::client_message.eq(None::<String>),
            referrals::decline_reason.eq(None::<String>),
        )
    };
    diesel::update(referrals::table.filter(referrals::client_id.eq(user_id)))
        .set(cleared())
        .execute(conn)?;
    if address_is_theirs {
        diesel::update(referrals::table.filter(referrals::client_email.eq(&user.email)))
            .set(cleared())
            .execute(conn)?;
        // A referral must stay addressed somehow (a CHECK): one that had only the address
        // gets a claim hash that no code hashes to, so nobody can ever claim it.
        diesel::update(
            referrals::table
                .filter(referrals::client_email.eq(&user.email))
                .filter(referrals::claim_hash.is_null()),
        )
        .set(referrals::claim_hash.eq(ERASED_CLAIM))
        .execute(conn)?;
        diesel::update(referrals::table.filter(referrals::client_email.eq(&user.email)))
            .set(referrals::client_email.eq(None::<String>))
            .execute(conn)?;
    }

    // Referrals they made as a counsellor stay, without them (the column is set to null
    // with the account), for the region's and their organisation's figures: open ones
    // expire now, as nobody is left to follow them up, and every one loses their note.
    let open_referrals: Vec<String> = referrals::table
        .filter(referrals::counsellor_id.eq(user_id))
        .filter(referrals::status.eq(ReferralStatus::Sent.as_str()))
        .select(referrals::id)
        .load(conn)?;
    for id in open_referrals {
        diesel::update(referrals::table.find(&id))
            .set(referrals::status.eq(ReferralStatus::Expired.as_str()))
            .execute(conn)?;
        referral_model::record(conn, &id, ReferralEvent::Expired, None, now)?;
    }
    diesel::update(referrals::table.filter(referrals::counsellor_id.eq(user_id)))
        .set(referrals::note.eq(None::<String>))
        .execute(conn)?;

    // What holds their address rather than their id (see `address_is_theirs`).
    diesel::delete(outbox::table.filter(outbox::user_id.eq(user_id))).execute(conn)?;
    if address_is_theirs {
        diesel::delete(
            association_invitations::table.filter(association_invitations::email.eq(&user.email)),
        )
        .execute(conn)?;
        diesel::delete(outbox::table.filter(outbox::recipient.eq(&user.email))).execute(conn)?;
    }
    // The service's copies of delivered emails to others that name them (a sign-up
    // notice, a roster) lose their text; emails still waiting keep theirs and go out.
    // (A name of one or two letters would match nearly every email; those are found by
    // their cause only.)
    let pattern = if named_to_others && user.display_name.chars().count() >= 3 {
        format!("%{}%", user.display_name)
    } else {
        format!("%{user_id}%")
    };
    diesel::update(
        outbox::table
            .filter(outbox::status.ne(OutboxStatus::Pending.as_str()))
            .filter(
                outbox::actor_id
                    .eq(user_id)
                    .or(outbox::subject.like(&pattern))
                    .or(outbox::body_text.like(&pattern)),
            ),
    )
    .set((outbox::subject.eq(outbox::kind), outbox::body_text.eq("")))
    .execute(conn)?;
    diesel::update(outbox::table.filter(outbox::actor_id.eq(user_id)))
        .set((
            outbox::actor_id.eq(None::<String>),
            outbox::topic.eq(None::<String>),
        ))
        .execute(conn)?;
    if address_is_theirs {
        clear_failures(conn, &user.email)?;
    }
    // Notes they wrote closing reports as an administrator go; the outcome stays.
    diesel::update(reports::table.filter(reports::closed_by.eq(user_id)))
        .set(reports::note.eq(None::<String>))
        .execute(conn)?;
    // Their reports of abuse stay for the administrators, anonymous and without their
    // words (the reporter column is set to null with the account).
    diesel::update(reports::table.filter(reports::reporter_id.eq(user_id)))
        .set(reports::details.eq(None::<String>))
        .execute(conn)?;

    let entry = match by {
        ErasedBy::TheUser => Entry::new(
            Some(user_id),
            Action::AccountErased,
            TargetKind::User,
            user_id,
        ),
        ErasedBy::Retention => Entry::new(None, Action::AccountErased, TargetKind::User, user_id)
            .detail("address never verified"),
    };
    audit::record(conn, now, entry)?;
    // The rest cascades, or is set to null (decisions they made as a member or an
    // administrator, invitations they sent, history entries they caused).
    diesel::delete(users::table.find(user_id)).execute(conn)?;
    Ok(())
}

/// `409 last-owner` naming every association of which `user_id` is the only owner.
fn refuse_if_last_owner(conn: &mut DbConnection, user_id: &str) -> Result<(), AppError> {
    let owned: Vec<(String, String)> = association_members::table
        .inner_join(associations::table)
        .filter(association_members::user_id.eq(user_id))
        .filter(association_members::role.eq(OWNER))
        .select((associations::id, associations::name))
        .load(conn)?;
    let mut sole = Vec::new();
    for (id, name) in owned {
        if association_model::owners(conn, &id)? <= 1 {
            sole.push((id, name));
        }
    }
    if sole.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = sole.iter().map(|(_, name)| name.as_str()).collect();
    Err(AppError::ConflictsWith {
        code: ProblemType::LastOwner,
        detail: format!(
            "You are the only owner of {}: make someone else an owner first.",
            names.join(", ")
        ),
        conflicting: sole.into_iter().map(|(id, _)| id).collect(),
    })
}

/// The user's remaining (closed) sign-ups become anonymous rows that keep what the figures
/// count.
fn anonymise_signups(
    conn: &mut DbConnection,
    user_id: &str,
    birth_date: Option<NaiveDate>,
    gender: Option<&str>,
) -> Result<(), AppError> {
    let rows: Vec<(String, NaiveDateTime)> = signups::table
        .filter(signups::volunteer_id.eq(user_id))
        .select((signups::id, signups::created_at))
        .load(conn)?;
    for (id, created_at) in rows {
        let band = birth_date.map(|born| age_band(age_on(born, created_at.date())));
        diesel::update(signups::table.find(&id))
            .set((
                signups::volunteer_id.eq(None::<String>),
                signups::message.eq(None::<String>),
                signups::volunteer_comment.eq(None::<String>),
                signups::association_comment.eq(None::<String>),
                signups::record_checked_on.eq(None::<NaiveDate>),
                signups::record_checked_by.eq(None::<String>),
                signups::erased_age_band.eq(band),
                signups::erased_gender.eq(gender),
            ))
            .execute(conn)?;
    }
    Ok(())
}
