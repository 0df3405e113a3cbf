//! Forgotten passwords: a one-hour, single-use link by email; the new password ends every
//! session and the user is told it changed.

use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::login;
use crate::accounts::model::{self, normalize_email};
use crate::auth::email_tokens::{self, Purpose};
use crate::auth::{passwords, sessions};
use crate::db::DbConnection;
use crate::db::schema::users;
use crate::email::{Notifier, Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
use crate::jobs::{self, JobKind};
use crate::state::AppState;

/// `POST /auth/password-reset` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
}

/// `POST /auth/password-reset/confirm` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetConfirm {
    pub token: String,
    pub new_password: String,
}

/// What a reset request leaves for the scheduler: the address as typed (normalised).
#[derive(Debug, Serialize, Deserialize)]
struct ResetJob {
    email: String,
}

/// Asks for a reset link. The request does the same work for every address — it schedules
/// a job — so neither its answer nor its timing tells whether an account uses the address;
/// the lookup and the token happen later in [`send_reset_link`].
pub async fn request(state: &AppState, req: ResetRequest) -> Result<(), AppError> {
    let job = ResetJob {
        email: normalize_email(&req.email),
    };
    state
        .db
        .write(move |conn| jobs::schedule_now(conn, JobKind::PasswordReset, &job))
        .await?;
    state.wake_jobs();
    Ok(())
}

/// The scheduler's half of a reset request ([`JobKind::PasswordReset`]): queues a link to
/// the account that uses the address, and does nothing for an unknown one.
pub fn send_reset_link(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    _now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let job: ResetJob = jobs::read_payload(payload)?;
    let Some(user) = model::find_by_email(conn, &job.email)? else {
        return Ok(());
    };
    let token = email_tokens::issue(conn, &user.id, Purpose::PasswordReset)?;
    let mail = Template::PasswordReset {
        name: user.display_name.clone(),
        link: links.link(&format!("/reset-password?token={token}")),
    }
    .render(Language::from_code(&user.language));
    outbox::enqueue(conn, Some(&user.id), &user.email, &mail)?;
    Ok(())
}

/// Sets the new password, spends the token, ends all sessions and queues the notice.
pub async fn confirm(state: &AppState, req: ResetConfirm) -> Result<(), AppError> {
    let token = req.token.clone();
    let user_id = state
        .db
        .run(move |conn| email_tokens::peek(conn, &token, Purpose::PasswordReset))
        .await?;
    let lookup = user_id.clone();
    let user = state
        .db
        .run(move |conn| model::find(conn, &lookup))
        .await?
        .ok_or(AppError::InvalidToken)?;
    passwords::check_policy(
        "new_password",
        &req.new_password,
        &[&user.email, &user.display_name],
    )
    .map_err(|e| AppError::Validation(vec![e]))?;
    let new_hash = state.hasher.hash(req.new_password).await?;
    state
        .db
        .write(move |conn| {
            let owner = email_tokens::consume(conn, &req.token, Purpose::PasswordReset)?;
            if owner != user.id {
                return Err(AppError::InvalidToken);
            }
            let now = Utc::now().naive_utc();
            diesel::update(users::table.find(&user.id))
                .set((users::password_hash.eq(new_hash), users::updated_at.eq(now)))
                .execute(conn)?;
            // Following the link proved control of the address.
            diesel::update(
                users::table
                    .find(&user.id)
                    .filter(users::email_verified_at.is_null()),
            )
            .set(users::email_verified_at.eq(now))
            .execute(conn)?;
            email_tokens::revoke_all(conn, &user.id, Purpose::PasswordReset)?;
            // The owner is back in: an attacker's failed guesses no longer lock the account.
            login::clear_failures(conn, &user.email)?;
            sessions::revoke_all(conn, &user.id, "password_reset")?;
            let mail = Template::PasswordChanged {
                name: user.display_name.clone(),
            }
            .render(Language::from_code(&user.language));
            outbox::enqueue(conn, Some(&user.id), &user.email, &mail)?;
            Ok(())
        })
        .await?;
    state.wake_mailer();
    Ok(())
}
