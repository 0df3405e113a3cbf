//! Forgotten passwords: a one-hour, single-use link by email; the new password ends every
//! session and the user is told it changed.

use chrono::Utc;
use diesel::prelude::*;
use serde::Deserialize;

use crate::accounts::login;
use crate::accounts::model::{self, normalize_email};
use crate::auth::email_tokens::{self, Purpose};
use crate::auth::{passwords, sessions};
use crate::db::schema::users;
use crate::email::{Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
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

/// Sends a reset link if the account exists; the caller answers the same either way.
pub async fn request(state: &AppState, req: ResetRequest) -> Result<(), AppError> {
    let email = normalize_email(&req.email);
    let app = state.clone();
    let queued = state
        .db
        .write(move |conn| {
            let Some(user) = model::find_by_email(conn, &email)? else {
                return Ok(false);
            };
            let token = email_tokens::issue(conn, &user.id, Purpose::PasswordReset)?;
            let link = app.link(&format!("/reset-password?token={token}"));
            let mail = Template::PasswordReset {
                name: user.display_name.clone(),
                link,
            }
            .render(Language::from_code(&user.language));
            outbox::enqueue(conn, Some(&user.id), &user.email, &mail)?;
            Ok(true)
        })
        .await?;
    if queued {
        state.wake_mailer();
    }
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
