//! What a volunteer's record code shows to whoever checks it (an employer, a school):
//! the name, the tasks, the hours — each the volunteer's own choice — and a new code
//! that makes the old one stop working. The same `signups::record` functions as
//! `PATCH /api/v1/me/record` and `POST /api/v1/me/record/code`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::error::AppError;
use crate::signups::record::{self, SharingPatch};
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::page::Page;

/// The sharing form: a ticked box is present, an unticked one absent.
#[derive(Debug, Deserialize)]
pub struct SharingForm {
    pub share_name: Option<String>,
    pub share_tasks: Option<String>,
    pub share_hours: Option<String>,
}

/// `POST /{lang}/me/record/sharing`.
pub async fn save(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SharingForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let base = state.config.public_base_url.clone();
    let patch = SharingPatch {
        share_name: Some(form.share_name.is_some()),
        share_tasks: Some(form.share_tasks.is_some()),
        share_hours: Some(form.share_hours.is_some()),
    };
    state
        .db
        .write(move |conn| record::set_sharing(conn, &base, &user.user_id, patch))
        .await?;
    Ok(page.redirect("/me/record"))
}

/// `POST /{lang}/me/record/code`: a new code; the old one no longer opens the record.
pub async fn new_code(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let base = state.config.public_base_url.clone();
    state
        .db
        .write(move |conn| record::regenerate(conn, &base, &user.user_id))
        .await?;
    Ok(page.redirect("/me/record"))
}
