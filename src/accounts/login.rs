//! Logging in, refreshing and logging out.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::counsellors::lock_account;
use crate::accounts::model::{self, normalize_email};
use crate::auth::passwords::{self, Verified};
use crate::auth::sessions::{self, Refreshed, SessionTokens};
use crate::auth::{jwt, tokens};
use crate::db::DbConnection;
use crate::db::schema::{login_throttle, users};
use crate::error::{AppError, ProblemType};
use crate::state::AppState;

/// `POST /auth/login` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `POST /auth/refresh` and `/auth/logout` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// The token pair handed out by login and refresh.
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
}

fn token_response(state: &AppState, session: &SessionTokens) -> Result<TokenResponse, AppError> {
    Ok(TokenResponse {
        access_token: state.jwt.issue(&session.user_id, &session.session_id)?,
        refresh_token: session.refresh_token.clone(),
        token_type: "Bearer",
        expires_in: jwt::ACCESS_TOKEN_SECONDS,
    })
}

/// The throttle key of an email: hashed, so the table holds no addresses, and the same for
/// addresses with and without an account (a lock-out must not reveal which exist).
fn account_key(email: &str) -> String {
    tokens::hash(&format!("login:{email}"))
}

const WINDOW_HOURS: i64 = 1;

/// Seconds until the account may try again, if it has used up its failures.
fn throttled(conn: &mut DbConnection, key: &str, limit: i32) -> Result<Option<u64>, AppError> {
    let row: Option<(NaiveDateTime, i32)> = login_throttle::table
        .find(key)
        .select((login_throttle::window_start, login_throttle::failures))
        .first(conn)
        .optional()?;
    let now = Utc::now().naive_utc();
    Ok(row.and_then(|(start, failures)| {
        let reopens = start + Duration::hours(WINDOW_HOURS);
        (failures >= limit && reopens > now)
            .then(|| u64::try_from((reopens - now).num_seconds().max(1)).unwrap_or(1))
    }))
}

/// Forgets an address's failed logins: a completed password reset proves the owner, so an
/// attacker's guesses no longer keep them out.
pub fn clear_failures(conn: &mut DbConnection, email: &str) -> Result<(), AppError> {
    diesel::delete(login_throttle::table.find(account_key(email))).execute(conn)?;
    Ok(())
}

fn record_failure(conn: &mut DbConnection, key: &str) -> Result<(), AppError> {
    let now = Utc::now().naive_utc();
    let window_open = now - Duration::hours(WINDOW_HOURS);
    let bumped = diesel::update(
        login_throttle::table
            .find(key)
            .filter(login_throttle::window_start.gt(window_open)),
    )
    .set(login_throttle::failures.eq(login_throttle::failures + 1))
    .execute(conn)?;
    if bumped == 0 {
        diesel::delete(login_throttle::table.find(key)).execute(conn)?;
        diesel::insert_into(login_throttle::table)
            .values((
                login_throttle::account_key.eq(key),
                login_throttle::window_start.eq(now),
                login_throttle::failures.eq(1),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Checks the credentials and starts a session, answered with a token pair (the API).
pub async fn login(state: &AppState, req: LoginRequest) -> Result<TokenResponse, AppError> {
    let session = authenticate(state, req).await?;
    token_response(state, &session)
}

/// Checks the credentials and starts a session: the one login that the API's tokens and the
/// web front end's cookie share. Wrong email and wrong password give the same answer after
/// the same amount of work.
pub async fn authenticate(state: &AppState, req: LoginRequest) -> Result<SessionTokens, AppError> {
    let email = normalize_email(&req.email);
    let key = account_key(&email);
    let limit = state.config.rate_limits.account_failures_per_hour;
    let lookup_key = key.clone();
    let (retry_after, user) = state
        .db
        .run(move |conn| {
            Ok((
                throttled(conn, &lookup_key, limit)?,
                model::find_by_email(conn, &email)?,
            ))
        })
        .await?;
    if let Some(retry_after_secs) = retry_after {
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let password = within_limit(req.password);
    let verified = state
        .hasher
        .verify(password, user.as_ref().map(|u| u.password_hash.clone()))
        .await?;
    let user = match user {
        Some(user) if verified != Verified::No => user,
        _ => {
            state
                .db
                .write(move |conn| record_failure(conn, &key))
                .await?;
            return Err(AppError::InvalidCredentials);
        }
    };
    if user.email_verified_at.is_none() {
        return Err(AppError::EmailNotVerified);
    }
    // Told only to someone who knows the password.
    if user.suspended_at.is_some() {
        return Err(suspended_error());
    }
    state
        .db
        .write(move |conn| {
            if let Verified::YesRehashed(new_hash) = verified {
                diesel::update(users::table.find(&user.id))
                    .set(users::password_hash.eq(new_hash))
                    .execute(conn)?;
            }
            // Read again under the account's lock, so a suspension that landed since the
            // check above starts no session.
            lock_account(conn, &user.id)?;
            let suspended: Option<NaiveDateTime> = users::table
                .find(&user.id)
                .select(users::suspended_at)
                .first(conn)?;
            if suspended.is_some() {
                return Err(suspended_error());
            }
            diesel::delete(login_throttle::table.find(&key)).execute(conn)?;
            sessions::start(conn, &user.id)
        })
        .await
}

/// A password over the length limit is checked as an empty one: it fails after the same
/// work, instead of hashing an attacker's megabyte.
fn within_limit(password: String) -> String {
    if password.chars().count() > passwords::MAX_LEN {
        String::new()
    } else {
        password
    }
}

fn suspended_error() -> AppError {
    AppError::ineligible(
        ProblemType::AccountSuspended,
        "The administrators have suspended this account; contact them to know why.",
    )
}

/// Checks a password re-entered to confirm an irreversible action (`DELETE /me`). Wrong
/// ones count against the same hourly limit as failed logins, so a stolen session cannot
/// be used to guess the password either: over it, `429`; a wrong one is `403
/// wrong-password`; the right one clears the count.
pub async fn confirm_password(
    state: &AppState,
    user_id: &str,
    password: String,
) -> Result<(), AppError> {
    let id = user_id.to_owned();
    let limit = state.config.rate_limits.account_failures_per_hour;
    let (user, retry_after) = state
        .db
        .run(move |conn| {
            let user = model::find(conn, &id)?.ok_or(AppError::Unauthorized)?;
            let retry_after = throttled(conn, &account_key(&user.email), limit)?;
            Ok((user, retry_after))
        })
        .await?;
    if let Some(retry_after_secs) = retry_after {
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let password = within_limit(password);
    let key = account_key(&user.email);
    if state
        .hasher
        .verify(password, Some(user.password_hash))
        .await?
        == Verified::No
    {
        state
            .db
            .write(move |conn| record_failure(conn, &key))
            .await?;
        return Err(AppError::ineligible(
            ProblemType::WrongPassword,
            "The password is wrong; nothing was changed.",
        ));
    }
    state
        .db
        .write(move |conn| {
            diesel::delete(login_throttle::table.find(&key)).execute(conn)?;
            Ok(())
        })
        .await
}

/// Rotates a refresh token. A replayed token revokes its whole session and answers 401.
pub async fn refresh(state: &AppState, req: RefreshRequest) -> Result<TokenResponse, AppError> {
    let grace = state.config.refresh_grace;
    let outcome = state
        .db
        .write(move |conn| sessions::rotate(conn, &req.refresh_token, grace))
        .await?;
    match outcome {
        Refreshed::Rotated(session) => token_response(state, &session),
        Refreshed::ReuseDetected => {
            tracing::warn!("refresh token reuse detected; session revoked");
            Err(AppError::Unauthorized)
        }
        Refreshed::Invalid => Err(AppError::Unauthorized),
    }
}

/// Ends the caller's session, and the refresh token's session if it is also the caller's.
pub async fn logout(
    state: &AppState,
    user_id: String,
    session_id: String,
    req: RefreshRequest,
) -> Result<(), AppError> {
    state
        .db
        .write(move |conn| {
            sessions::revoke(conn, &session_id, "logout")?;
            if let Some((other, owner)) = sessions::session_of_refresh(conn, &req.refresh_token)?
                && owner == user_id
            {
                sessions::revoke(conn, &other, "logout")?;
            }
            Ok(())
        })
        .await
}
