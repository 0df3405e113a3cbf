//! Login sessions and their rotating refresh tokens.
//!
//! A session is one login: the family of refresh tokens it hands out and the `sid` inside
//! every access token. Refresh tokens are single-use; presenting a spent one means it was
//! stolen (or replayed), so the whole session is revoked.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::{refresh_tokens, sessions};
use crate::error::AppError;

/// Absolute lifetime of a session, however often it is refreshed.
pub const SESSION_DAYS: i64 = 30;

/// A new or rotated session: the session id for the JWT and the plain refresh token.
#[derive(Debug)]
pub struct SessionTokens {
    pub user_id: String,
    pub session_id: String,
    pub refresh_token: String,
}

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Refreshed {
    Rotated(SessionTokens),
    /// A spent token was replayed: the session is now revoked.
    ReuseDetected,
    /// Unknown token, or its session is revoked or expired.
    Invalid,
}

fn insert_refresh(
    conn: &mut DbConnection,
    session_id: &str,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    let token = tokens::generate();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::token_hash.eq(&token.hash),
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token.plain)
}

/// A refresh token joined with its session: (used_at, session id, user id, expires_at,
/// revoked_at).
type RefreshRow = (
    Option<NaiveDateTime>,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

/// Starts a session for a user who just proved who they are.
pub fn start(conn: &mut DbConnection, user_id: &str) -> Result<SessionTokens, AppError> {
    let now = Utc::now().naive_utc();
    let session_id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&session_id),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::expires_at.eq(now + Duration::days(SESSION_DAYS)),
        ))
        .execute(conn)?;
    let refresh_token = insert_refresh(conn, &session_id, now)?;
    Ok(SessionTokens {
        user_id: user_id.to_owned(),
        session_id,
        refresh_token,
    })
}

/// Spends a refresh token and hands out the next one of the same session. A token presented
/// again within `grace` of being spent (a double-submitted refresh, two tabs racing) gets a
/// fresh token of the same session too; later, a second use is a replay and revokes the
/// whole session.
pub fn rotate(
    conn: &mut DbConnection,
    presented: &str,
    grace: std::time::Duration,
) -> Result<Refreshed, AppError> {
    let now = Utc::now().naive_utc();
    let hash = tokens::hash(presented);
    let found: Option<RefreshRow> = refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(&hash))
        .select((
            refresh_tokens::used_at,
            sessions::id,
            sessions::user_id,
            sessions::expires_at,
            sessions::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((used_at, session_id, user_id, expires_at, revoked_at)) = found else {
        return Ok(Refreshed::Invalid);
    };
    if revoked_at.is_some() || expires_at <= now {
        return Ok(Refreshed::Invalid);
    }
    let grace = Duration::from_std(grace).unwrap_or_else(|_| Duration::zero());
    let within_grace = |used: NaiveDateTime| !grace.is_zero() && now - used <= grace;
    if let Some(used) = used_at {
        if within_grace(used) {
            return next(conn, user_id, session_id, now);
        }
        revoke(conn, &session_id, "refresh_token_reuse")?;
        return Ok(Refreshed::ReuseDetected);
    }
    // Conditional update: of two concurrent refreshes with one token, only one wins; the
    // loser is treated as a replay.
    let spent = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(&hash))
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    if spent != 1 {
        // A concurrent refresh with the same token won: the same as presenting it twice.
        if within_grace(now) {
            return next(conn, user_id, session_id, now);
        }
        revoke(conn, &session_id, "refresh_token_reuse")?;
        return Ok(Refreshed::ReuseDetected);
    }
    next(conn, user_id, session_id, now)
}

/// The next refresh token of a session.
fn next(
    conn: &mut DbConnection,
    user_id: String,
    session_id: String,
    now: NaiveDateTime,
) -> Result<Refreshed, AppError> {
    let refresh_token = insert_refresh(conn, &session_id, now)?;
    Ok(Refreshed::Rotated(SessionTokens {
        user_id,
        session_id,
        refresh_token,
    }))
}

/// The session a refresh token belongs to, if any (used by logout).
pub fn session_of_refresh(
    conn: &mut DbConnection,
    presented: &str,
) -> Result<Option<(String, String)>, AppError> {
    Ok(refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(tokens::hash(presented)))
        .select((sessions::id, sessions::user_id))
        .first(conn)
        .optional()?)
}

/// Ends one session at once.
pub fn revoke(conn: &mut DbConnection, session_id: &str, reason: &str) -> Result<(), AppError> {
    diesel::update(
        sessions::table
            .find(session_id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Utc::now().naive_utc()),
        sessions::revoke_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(())
}

/// Ends every session of a user (password reset or change).
pub fn revoke_all(conn: &mut DbConnection, user_id: &str, reason: &str) -> Result<(), AppError> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Utc::now().naive_utc()),
        sessions::revoke_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(())
}

/// True while the session exists, belongs to `user_id`, is not revoked and not expired.
pub fn is_live(conn: &mut DbConnection, session_id: &str, user_id: &str) -> Result<bool, AppError> {
    let now = Utc::now().naive_utc();
    let count: i64 = sessions::table
        .filter(sessions::id.eq(session_id))
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .count()
        .get_result(conn)?;
    Ok(count == 1)
}

/// Gives a session a browser secret, for the web front end's cookie, and returns it (only
/// its hash is stored). A browser session is an ordinary session: logout, a password reset
/// and a suspension end it exactly as they end a token's.
pub fn attach_browser(conn: &mut DbConnection, session_id: &str) -> Result<String, AppError> {
    let token = tokens::generate();
    diesel::update(sessions::table.find(session_id))
        .set(sessions::browser_token_hash.eq(&token.hash))
        .execute(conn)?;
    Ok(token.plain)
}

/// The live session (id, user id) whose browser secret was presented; `None` for an
/// unknown secret or an ended session.
pub fn of_browser(
    conn: &mut DbConnection,
    presented: &str,
) -> Result<Option<(String, String)>, AppError> {
    let now = Utc::now().naive_utc();
    Ok(sessions::table
        .filter(sessions::browser_token_hash.eq(tokens::hash(presented)))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select((sessions::id, sessions::user_id))
        .first(conn)
        .optional()?)
}
