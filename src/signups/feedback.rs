//! Feedback after a completed sign-up: each side rates it 1–5 once, with an optional short
//! comment. The comment goes to the other side; ratings feed the region's figures.

use chrono::Utc;
use diesel::prelude::*;
use serde::Deserialize;

use crate::api::text;
use crate::db::DbConnection;
use crate::db::schema::signups;
use crate::error::{AppError, FieldError, ProblemType};
use crate::signups::model::{self, Side, Signup};
use crate::signups::status::SignupStatus;

/// Longest feedback comment.
pub const MAX_COMMENT_CHARS: usize = 500;

/// The body of `POST /signups/{id}/feedback`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    pub rating: i64,
    pub comment: Option<String>,
}

fn check(input: FeedbackInput) -> Result<(i32, Option<String>), AppError> {
    let mut errors = Vec::new();
    let rating = i32::try_from(input.rating)
        .ok()
        .filter(|r| (1..=5).contains(r));
    if rating.is_none() {
        errors.push(FieldError::new(
            "rating",
            "out_of_range",
            "The rating is a whole number from 1 to 5.",
        ));
    }
    // The length as sent, then trimmed.
    if input
        .comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_COMMENT_CHARS)
    {
        errors.push(FieldError::new(
            "comment",
            "too_long",
            "The comment is at most 500 characters.",
        ));
    }
    let comment = input
        .comment
        .map(|c| text::tidy_lines(&c))
        .filter(|c| !c.is_empty());
    match rating {
        Some(rating) if errors.is_empty() => Ok((rating, comment)),
        _ => Err(AppError::Validation(errors)),
    }
}

/// Stores the caller's side's feedback; returns the sign-up and the side it was given as.
pub fn give(
    conn: &mut DbConnection,
    signup_id: &str,
    user_id: &str,
    input: FeedbackInput,
) -> Result<(Signup, Side), AppError> {
    let ctx = model::visible(conn, signup_id, user_id)?;
    let (rating, comment) = check(input)?;
    let signup = &ctx.signup;
    if signup.status != SignupStatus::Completed {
        return Err(AppError::illegal_transition(
            signup.status.as_str(),
            "given feedback",
        ));
    }
    let already = match ctx.side {
        Side::Volunteer => signup.volunteer_rating.is_some(),
        Side::Association => signup.association_rating.is_some(),
    };
    if already {
        return Err(AppError::rule(
            ProblemType::FeedbackAlreadyGiven,
            "Feedback on this sign-up has already been given.",
        ));
    }
    let now = Utc::now().naive_utc();
    // The `IS NULL` guard makes the first of two concurrent answers win.
    let row = signups::table.find(&signup.id);
    let changed = match ctx.side {
        Side::Volunteer => diesel::update(row.filter(signups::volunteer_rating.is_null()))
            .set((
                signups::volunteer_rating.eq(rating),
                signups::volunteer_comment.eq(&comment),
                signups::volunteer_feedback_at.eq(now),
            ))
            .execute(conn)?,
        Side::Association => diesel::update(row.filter(signups::association_rating.is_null()))
            .set((
                signups::association_rating.eq(rating),
                signups::association_comment.eq(&comment),
                signups::association_feedback_at.eq(now),
                signups::association_feedback_by.eq(user_id),
            ))
            .execute(conn)?,
    };
    if changed == 0 {
        return Err(AppError::rule(
            ProblemType::FeedbackAlreadyGiven,
            "Feedback on this sign-up has already been given.",
        ));
    }
    let updated = model::find(conn, &signup.id)?.ok_or(AppError::NotFound)?;
    Ok((updated, ctx.side))
}
