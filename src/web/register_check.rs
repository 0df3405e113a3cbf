//! Inline validation of the registration form (htmx): when the reader leaves the name,
//! the email or the date of birth, the form is checked by the same rules as
//! `POST /api/v1/auth/register` (`accounts::model`'s checks) and only that field's box is
//! swapped, with its message or without one. Nothing is stored, nothing is sent, and the
//! email check is of its form only: the answer never tells whether an account exists.
//! Without JavaScript the whole form is checked when sent, as before.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::model::{check_birth_date, check_display_name, check_email, normalize_email};
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::web::account::{RegisterForm, RegisterPage};
use crate::web::csrf::CsrfForm;
use crate::web::forms;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;

/// The problems of the fields the reader has filled in (an empty field is not nagged
/// about before the form is sent).
pub fn problems_so_far(form: &RegisterForm) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let name = form.display_name.trim();
    if !name.is_empty() {
        errors.extend(check_display_name("display_name", name));
    }
    let email = form.email.trim();
    if !email.is_empty() {
        errors.extend(check_email("email", &normalize_email(email)));
    }
    let birth = form.birth_date.trim();
    if !birth.is_empty() {
        match crate::api::date::parse_strict(birth) {
            Some(day) => errors.extend(check_birth_date("birth_date", day).err()),
            None => errors.push(FieldError::new(
                "birth_date",
                "invalid",
                "Give the date of birth.",
            )),
        }
    }
    errors
}

/// `POST /{lang}/register/check`: the form again with the messages so far (200: the form
/// is not refused, only read); htmx takes the one field's box from it.
pub async fn check(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    CsrfForm(mut form): CsrfForm<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let errors = forms::problems(&page, &problems_so_far(&form));
    form.password.clear();
    let municipalities = cache.get(&state).await?.municipality_options(page.lang);
    Ok(page::ok(
        &req,
        RegisterPage {
            page: page.titled("register-title"),
            form,
            errors,
            municipalities,
        },
    ))
}
