//! An account as the administrators see it, reached from the audit trail: its name, roles
//! and state, and suspending it (a report of abuse by a person) or lifting the
//! suspension. The same `reports::moderation::set_user_suspended` as
//! `POST /api/v1/admin/users/{id}/suspend`: a suspension ends every session of the account
//! at once, is written to the audit trail, and an administrator cannot suspend themselves.
//! No address or birth date is shown: moderating needs neither.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::accounts::model as accounts;
use crate::error::AppError;
use crate::reports::moderation;
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::page::{self, Page};

/// `/{lang}/admin/users/{id}`.
#[derive(Template, WebTemplate)]
#[template(path = "admin_user.html")]
pub struct UserPage {
    pub page: Page,
    pub id: String,
    pub name: String,
    pub since: String,
    pub verified: bool,
    pub is_admin: bool,
    /// When it was suspended, in words; empty when it is not.
    pub suspended: String,
    /// Whether this is the reader's own account (it cannot be suspended).
    pub own: bool,
}

/// `GET /{lang}/admin/users/{id}`.
pub async fn show(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id) = path.into_inner();
    let wanted = id.clone();
    let user = state
        .db
        .run(move |conn| accounts::find(conn, &wanted)?.ok_or(AppError::NotFound))
        .await?;
    Ok(page::ok(
        &req,
        UserPage {
            name: user.display_name.clone(),
            since: format::day(page.lang, user.created_at),
            verified: user.email_verified_at.is_some(),
            is_admin: user.is_admin,
            suspended: user
                .suspended_at
                .map(|at| format::moment(page.lang, at))
                .unwrap_or_default(),
            own: user.id == admin.user_id,
            id,
            page: page.titled("admin-user-title"),
        },
    ))
}

/// `POST /{lang}/admin/users/{id}/{suspend|reinstate}`: back to the account's page.
pub async fn set_suspended(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let admin = page.signed_in_as(|u| u.is_admin)?;
    let (_, id, action) = path.into_inner();
    let suspend = match action.as_str() {
        "suspend" => true,
        "reinstate" => false,
        _ => return Err(AppError::NotFound),
    };
    let now = state.config.clock.now();
    let user = id.clone();
    state
        .db
        .write(move |conn| {
            moderation::set_user_suspended(conn, &admin.user_id, &user, suspend, now)
        })
        .await?;
    Ok(page.redirect(&format!("/admin/users/{id}")))
}
