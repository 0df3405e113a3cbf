//! The smaller steps of a sign-up after the decision: a member records that they saw the
//! volunteer's criminal-record extract (the day only, act 148/2014), and either side
//! leaves feedback on a completed task. They call the features' own functions, which
//! check the side and the status, and go back to the page the form was on.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{AppError, FieldError};
use crate::signups::decisions::{self, RecordCheckInput};
use crate::signups::feedback::{self, FeedbackInput};
use crate::signups::model::Side;
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::page::Page;

/// Feedback on a sign-up as a page shows it, to either side.
pub struct FeedbackRow {
    pub signup_id: String,
    /// Whether the reader may still give theirs (completed, not given yet).
    pub can_give: bool,
    /// The reader's own, as "4/5 – comment".
    pub given: Option<String>,
    /// The other side's comment (their rating is not shown).
    pub from_other_side: Option<String>,
}

impl FeedbackRow {
    /// From a sign-up's view, as its reader's side sees it.
    pub fn of(view: &crate::signups::views::SignupView) -> Self {
        let completed = view.status == crate::signups::status::SignupStatus::Completed;
        let given = view.feedback.mine.as_ref().map(|f| match &f.comment {
            Some(c) => format!("{}/5 – {c}", f.rating),
            None => format!("{}/5", f.rating),
        });
        Self {
            signup_id: view.id.clone(),
            can_give: completed && given.is_none(),
            given,
            from_other_side: view.feedback.from_other_side.clone(),
        }
    }
}

/// What the record-check form sends: the day the extract was seen (empty: today).
#[derive(Debug, Deserialize)]
pub struct RecordCheckForm {
    #[serde(default)]
    pub seen_on: String,
}

/// `POST /{lang}/manage/signups/{id}/record-check`.
pub async fn record_check(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<RecordCheckForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let seen_on = match form.seen_on.trim() {
        "" => None,
        day => Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            AppError::Validation(vec![FieldError::new("seen_on", "invalid", "Give a date.")])
        })?),
    };
    let signup = state
        .db
        .write(move |conn| {
            decisions::record_check(conn, &id, &user.user_id, RecordCheckInput { seen_on })
        })
        .await?;
    Ok(page.redirect(&format!("/manage/tasks/{}", signup.task_id)))
}

/// What the feedback form sends.
#[derive(Debug, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub comment: String,
}

/// `POST /{lang}/signups/{id}/feedback`: back to the task's member page or to my sign-ups,
/// by the side the reader gave it as.
pub async fn give_feedback(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<FeedbackForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id) = path.into_inner();
    let rating = form.rating.trim().parse::<i64>().map_err(|_| {
        AppError::Validation(vec![FieldError::new(
            "rating",
            "out_of_range",
            "The rating is a whole number from 1 to 5.",
        )])
    })?;
    let comment = Some(form.comment).filter(|c| !c.trim().is_empty());
    let (signup, side) = state
        .db
        .write(move |conn| {
            feedback::give(conn, &id, &user.user_id, FeedbackInput { rating, comment })
        })
        .await?;
    Ok(match side {
        Side::Association => page.redirect(&format!("/manage/tasks/{}", signup.task_id)),
        Side::Volunteer => page.redirect("/me/signups"),
    })
}
