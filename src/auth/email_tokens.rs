//! One-time tokens sent by email: verification (48 h) and password reset (1 h).

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::auth::tokens;
use crate::db::DbConnection;
use crate::db::schema::email_tokens;
use crate::error::AppError;

/// What a token may be used for; a token for one purpose never works for the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    PasswordReset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::PasswordReset => "password_reset",
        }
    }

    fn lifetime(self) -> Duration {
        match self {
            Self::VerifyEmail => Duration::hours(48),
            Self::PasswordReset => Duration::hours(1),
        }
    }
}

/// Creates a token for `user_id` and returns the plain value for the email link.
pub fn issue(conn: &mut DbConnection, user_id: &str, purpose: Purpose) -> Result<String, AppError> {
    let token = tokens::generate();
    let now = Utc::now().naive_utc();
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::token_hash.eq(&token.hash),
            email_tokens::user_id.eq(user_id),
            email_tokens::purpose.eq(purpose.code()),
            email_tokens::created_at.eq(now),
            email_tokens::expires_at.eq(now + purpose.lifetime()),
        ))
        .execute(conn)?;
    Ok(token.plain)
}

fn usable(
    plain: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> email_tokens::BoxedQuery<'static, crate::db::MultiBackend> {
    email_tokens::table
        .filter(email_tokens::token_hash.eq(tokens::hash(plain)))
        .filter(email_tokens::purpose.eq(purpose.code()))
        .filter(email_tokens::used_at.is_null())
        .filter(email_tokens::expires_at.gt(now))
        .into_boxed()
}

/// The user a still-usable token belongs to, without spending it.
pub fn peek(conn: &mut DbConnection, plain: &str, purpose: Purpose) -> Result<String, AppError> {
    usable(plain, purpose, Utc::now().naive_utc())
        .select(email_tokens::user_id)
        .first(conn)
        .optional()?
        .ok_or(AppError::InvalidToken)
}

/// Spends a token and returns its user. The conditional UPDATE makes two concurrent uses of
/// the same token succeed at most once.
pub fn consume(conn: &mut DbConnection, plain: &str, purpose: Purpose) -> Result<String, AppError> {
    let now = Utc::now().naive_utc();
    let user_id = peek(conn, plain, purpose)?;
    let spent = diesel::update(
        email_tokens::table
            .filter(email_tokens::token_hash.eq(tokens::hash(plain)))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(now))
    .execute(conn)?;
    if spent == 1 {
        Ok(user_id)
    } else {
        Err(AppError::InvalidToken)
    }
}

/// Spends every outstanding token of a purpose, e.g. older reset links after a reset.
pub fn revoke_all(
    conn: &mut DbConnection,
    user_id: &str,
    purpose: Purpose,
) -> Result<(), AppError> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(user_id))
            .filter(email_tokens::purpose.eq(purpose.code()))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(())
}
