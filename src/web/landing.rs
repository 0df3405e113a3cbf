//! Where the links in emails land. Emails carry language-less paths (`/tasks/{id}/signups`,
//! `/referrals/{id}`, `/invitations?token=…`); `lang::elsewhere` adds the reader's
//! language, and these handlers send each to the page that does the job, or are that page
//! (an invitation is answered here, with a button: opening the link does nothing by itself).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::associations::invitation_answers::{self, TokenRequest};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::account::{Notice, TokenQuery};
use crate::web::csrf::CsrfForm;
use crate::web::page::{self, Page};

/// `GET /{lang}/tasks/{id}/signups` (the "new sign-up" email to members): the member's
/// page of the task.
pub async fn task_signups(page: Page, path: web::Path<(String, String)>) -> HttpResponse {
    let (_, id) = path.into_inner();
    page.redirect(&format!("/manage/tasks/{id}"))
}

/// `GET /{lang}/referrals` (the counsellor's emails): their referrals.
pub async fn referrals(page: Page) -> HttpResponse {
    page.redirect("/counsellor/referrals")
}

/// `GET /{lang}/referrals/{id}`: the client's page of the referral, or the counsellor's
/// list for the counsellor who made it (the same link goes to both in their emails).
pub async fn referral(page: Page, path: web::Path<(String, String)>) -> HttpResponse {
    let (_, id) = path.into_inner();
    match &page.user {
        Some(user) if user.is_counsellor => page.redirect("/counsellor/referrals"),
        _ => page.redirect(&format!("/me/referrals/{id}")),
    }
}

/// The invitation page.
#[derive(Template, WebTemplate)]
#[template(path = "invitation.html")]
pub struct Invitation {
    pub page: Page,
    pub token: String,
}

/// `GET /{lang}/invitations?token=…`: accept (signed in) or decline (anyone with the link).
pub async fn invitation(
    req: HttpRequest,
    page: Page,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    Ok(page::ok(
        &req,
        Invitation {
            page: page.titled("invitation-title"),
            token: query.into_inner().token,
        },
    ))
}

/// What the invitation forms send.
#[derive(Debug, serde::Deserialize)]
pub struct InvitationForm {
    pub token: String,
}

/// `POST /{lang}/invitations/accept`: membership for the signed-in reader, whose address
/// must be the invited one (the feature checks).
pub async fn accept_invitation(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<InvitationForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.user.clone().ok_or(AppError::Unauthorized)?;
    let app = state.get_ref().clone();
    state
        .db
        .write(move |conn| {
            invitation_answers::accept_by_token(
                conn,
                &app,
                &user.user_id,
                TokenRequest { token: form.token },
            )
        })
        .await?;
    state.wake_mailer();
    Ok(page.redirect("/me/associations"))
}

/// `POST /{lang}/invitations/decline`: the link alone proves the mailbox.
pub async fn decline_invitation(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<InvitationForm>,
) -> Result<HttpResponse, AppError> {
    state
        .db
        .write(move |conn| {
            invitation_answers::decline_by_token(conn, TokenRequest { token: form.token })
        })
        .await?;
    Ok(page::ok(
        &req,
        Notice {
            message: page.t("invitation-declined"),
            page: page.titled("invitation-title"),
            link: None,
        },
    ))
}
