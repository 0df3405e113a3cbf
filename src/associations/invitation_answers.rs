//! Invitations, the invited person's side: they accept or decline, either with the link's
//! token or from their own account (`/me/invitations`). Accepting is the only moment an
//! invitation becomes a membership, and it needs a signed-in, verified account whose
//! address is the invited one; declining with the link needs no account at all, since the
//! link alone proves the mailbox.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::{self as accounts, User};
use crate::api::paging::{Page, paging};
use crate::associations::access::{may_own, role_of};
use crate::associations::invitations::{InvitationRow, InvitationStatus};
use crate::associations::model::{self, OWNER};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::{association_invitations, association_members, associations, users};
use crate::db::stored::StoredEnum;
use crate::email::{Template, outbox};
use crate::error::{AppError, ProblemType};
use crate::i18n::Language;
use crate::state::AppState;

/// `POST /invitations/accept` and `/invitations/decline` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub token: String,
}

/// `GET /me/invitations` query.
#[derive(Debug, Deserialize)]
pub struct MineQuery {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// An open invitation as the invited person sees it.
#[derive(Debug, Serialize)]
pub struct MyInvitation {
    pub id: String,
    pub association_id: String,
    pub association_slug: String,
    pub association_name: String,
    pub role: String,
    /// The inviter's display name (`null` when their account is gone).
    pub invited_by: Option<String>,
    pub invited_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// The membership an accepted invitation made (or the one the person already had).
#[derive(Debug, Serialize)]
pub struct Membership {
    pub association_id: String,
    pub association_slug: String,
    pub association_name: String,
    pub role: String,
    pub since: DateTime<Utc>,
}

/// The open (pending, unexpired) invitations of the caller's own, verified address.
pub fn mine(
    conn: &mut DbConnection,
    user_id: &str,
    query: MineQuery,
) -> Result<Page<MyInvitation>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let user = accounts::find(conn, user_id)?.ok_or(AppError::Unauthorized)?;
    if user.email_verified_at.is_none() {
        return Ok(Page {
            items: Vec::new(),
            total: 0,
            page,
            per_page,
        });
    }
    let now = Utc::now().naive_utc();
    let pending = InvitationStatus::Pending.as_str();
    let total: i64 = association_invitations::table
        .filter(association_invitations::email.eq(&user.email))
        .filter(association_invitations::status.eq(pending))
        .filter(association_invitations::expires_at.gt(now))
        .count()
        .get_result(conn)?;
    type Row = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        NaiveDateTime,
        NaiveDateTime,
    );
    let rows: Vec<Row> = association_invitations::table
        .inner_join(associations::table)
        .left_join(users::table.on(association_invitations::invited_by.eq(users::id.nullable())))
        .filter(association_invitations::email.eq(&user.email))
        .filter(association_invitations::status.eq(pending))
        .filter(association_invitations::expires_at.gt(now))
        .order((
            association_invitations::created_at,
            association_invitations::id,
        ))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select((
            association_invitations::id,
            associations::id,
            associations::slug,
            associations::name,
            association_invitations::role,
            users::display_name.nullable(),
            association_invitations::created_at,
            association_invitations::expires_at,
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(
            |(id, association_id, slug, name, role, inviter, at, expires)| MyInvitation {
                id,
                association_id,
                association_slug: slug,
                association_name: name,
                role,
                invited_by: inviter,
                invited_at: at.and_utc(),
                expires_at: expires.and_utc(),
            },
        )
        .collect();
    Ok(Page {
        items,
        total,
        page,
        per_page,
    })
}

/// The pending, unexpired invitation behind a link's token; `400 invalid-token` otherwise.
fn by_token(conn: &mut DbConnection, token: &str) -> Result<InvitationRow, AppError> {
    association_invitations::table
        .filter(association_invitations::token_hash.eq(tokens::hash(token)))
        .filter(association_invitations::status.eq(InvitationStatus::Pending.as_str()))
        .filter(association_invitations::expires_at.gt(Utc::now().naive_utc()))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::InvalidToken)
}

/// One of the caller's own open invitations by id; `404` for anyone else's, and for an
/// answered or expired one.
fn own(conn: &mut DbConnection, user: &User, id: &str) -> Result<InvitationRow, AppError> {
    if user.email_verified_at.is_none() {
        return Err(AppError::NotFound);
    }
    association_invitations::table
        .find(id)
        .filter(association_invitations::email.eq(&user.email))
        .filter(association_invitations::status.eq(InvitationStatus::Pending.as_str()))
        .filter(association_invitations::expires_at.gt(Utc::now().naive_utc()))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)
}

fn signed_in(conn: &mut DbConnection, user_id: &str) -> Result<User, AppError> {
    accounts::find(conn, user_id)?.ok_or(AppError::Unauthorized)
}

/// Accepts the invitation of a link for the signed-in caller.
pub fn accept_by_token(
    conn: &mut DbConnection,
    state: &AppState,
    user_id: &str,
    req: TokenRequest,
) -> Result<Membership, AppError> {
    let invitation = by_token(conn, &req.token)?;
    let user = signed_in(conn, user_id)?;
    if user.email_verified_at.is_none() {
        return Err(AppError::EmailNotVerified);
    }
    if user.email != invitation.email {
        return Err(AppError::ineligible(
            ProblemType::InvitationForAnotherAddress,
            "This invitation was sent to another address; sign in with the account of that address.",
        ));
    }
    accept(conn, state, invitation, &user, || AppError::InvalidToken)
}

/// Accepts one of the caller's own invitations by id.
pub fn accept_mine(
    conn: &mut DbConnection,
    state: &AppState,
    user_id: &str,
    id: &str,
) -> Result<Membership, AppError> {
    let user = signed_in(conn, user_id)?;
    let invitation = own(conn, &user, id)?;
    accept(conn, state, invitation, &user, || AppError::NotFound)
}

/// Declines the invitation of a link; no account needed.
pub fn decline_by_token(conn: &mut DbConnection, req: TokenRequest) -> Result<(), AppError> {
    let invitation = by_token(conn, &req.token)?;
    answer(conn, &invitation, InvitationStatus::Declined)?
        .then_some(())
        .ok_or(AppError::InvalidToken)
}

/// Declines one of the caller's own invitations by id.
pub fn decline_mine(conn: &mut DbConnection, user_id: &str, id: &str) -> Result<(), AppError> {
    let user = signed_in(conn, user_id)?;
    let invitation = own(conn, &user, id)?;
    answer(conn, &invitation, InvitationStatus::Declined)?
        .then_some(())
        .ok_or(AppError::NotFound)
}

/// Marks a pending invitation answered; false when someone answered it first (the
/// conditional UPDATE lets two concurrent answers succeed at most once).
fn answer(
    conn: &mut DbConnection,
    invitation: &InvitationRow,
    status: InvitationStatus,
) -> Result<bool, AppError> {
    let changed = diesel::update(
        association_invitations::table
            .find(&invitation.id)
            .filter(association_invitations::status.eq(InvitationStatus::Pending.as_str())),
    )
    .set((
        association_invitations::status.eq(status.as_str()),
        association_invitations::responded_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Turns the invitation into a membership with its role (an owner's role only for an adult)
/// and tells the inviter. Someone who is already a member keeps the role they have.
fn accept(
    conn: &mut DbConnection,
    state: &AppState,
    invitation: InvitationRow,
    user: &User,
    gone: fn() -> AppError,
) -> Result<Membership, AppError> {
    if invitation.role == OWNER {
        may_own(conn, &user.id)?;
    }
    model::lock(conn, &invitation.association_id)?;
    if !answer(conn, &invitation, InvitationStatus::Accepted)? {
        return Err(gone());
    }
    let association = model::find(conn, &invitation.association_id)?.ok_or(AppError::NotFound)?;
    let now = Utc::now().naive_utc();
    let joined = role_of(conn, &association.id, &user.id)?.is_none();
    if joined {
        diesel::insert_into(association_members::table)
            .values((
                association_members::association_id.eq(&association.id),
                association_members::user_id.eq(&user.id),
                association_members::role.eq(&invitation.role),
                association_members::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    let (role, since): (String, NaiveDateTime) = association_members::table
        .find((&association.id, &user.id))
        .select((association_members::role, association_members::created_at))
        .first(conn)?;
    if joined {
        audit::record(
            conn,
            now,
            Entry::new(
                Some(&user.id),
                Action::MemberJoined,
                TargetKind::User,
                &user.id,
            )
            .detail(format!(
                "association {}: as {role}, invitation {}",
                association.id, invitation.id
            )),
        )?;
    }
    if joined && let Some(inviter_id) = &invitation.invited_by {
        tell_inviter(conn, state, inviter_id, &association, user, &role)?;
    }
    Ok(Membership {
        association_id: association.id,
        association_slug: association.slug,
        association_name: association.name,
        role,
        since: since.and_utc(),
    })
}

/// Emails the inviter, if they still own the association, that the invitation was accepted.
fn tell_inviter(
    conn: &mut DbConnection,
    state: &AppState,
    inviter_id: &str,
    association: &model::Association,
    member: &User,
    role: &str,
) -> Result<(), AppError> {
    if role_of(conn, &association.id, inviter_id)?.as_deref() != Some(OWNER) {
        return Ok(());
    }
    let Some(inviter) = accounts::find(conn, inviter_id)? else {
        return Ok(());
    };
    let mail = Template::InvitationAccepted {
        name: inviter.display_name.clone(),
        association: association.name.clone(),
        member: member.display_name.clone(),
        role: role.to_owned(),
        link: state.link(&format!("/associations/{}", association.slug)),
    }
    .render(Language::from_code(&inviter.language));
    outbox::enqueue(conn, Some(&inviter.id), &inviter.email, &mail)?;
    Ok(())
}
