//! Registering, confirming the address, logging in and out, and resetting a password in the
//! browser. The handlers call the same `accounts` functions as `/api/v1/auth/*`, with the
//! same per-address and per-IP limits; a login starts a session of the same table, held
//! by a cookie instead of tokens.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::accounts::auth_routes::Limiters;
use crate::accounts::login::{self, LoginRequest};
use crate::accounts::password_reset::{self, ResetConfirm, ResetRequest};
use crate::accounts::registration::{self, RegisterRequest, ResendRequest, VerifyRequest};
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::session;

/// A page that only tells something (a message sent, an address confirmed), with at most
/// one link onwards.
#[derive(Template, WebTemplate)]
#[template(path = "notice.html")]
pub struct Notice {
    pub page: Page,
    pub message: String,
    pub link: Option<(String, String)>,
}

/// The registration form.
#[derive(Template, WebTemplate)]
#[template(path = "register.html")]
pub struct RegisterPage {
    pub page: Page,
    pub form: RegisterForm,
    pub errors: Vec<Problem>,
    pub municipalities: super::reference::Options,
}

/// What the registration form sends.
#[derive(Debug, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub municipality_code: String,
}

impl RegisterPage {
    /// The message under a field, if it was refused.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }
}

async fn municipalities(
    state: &AppState,
    cache: &Cache,
    page: &Page,
) -> Result<super::reference::Options, AppError> {
    Ok(cache.get(state).await?.municipality_options(page.lang))
}

/// `GET /{lang}/register`.
pub async fn register_form(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
) -> Result<HttpResponse, AppError> {
    let municipalities = municipalities(&state, &cache, &page).await?;
    Ok(page::ok(
        &req,
        RegisterPage {
            page: page.titled("register-title"),
            form: RegisterForm::default(),
            errors: Vec::new(),
            municipalities,
        },
    ))
}

/// `POST /{lang}/register`: the same answer for a new and a known address (the email tells
/// the owner which), as the API does.
pub async fn register(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    limiters: web::Data<Limiters>,
    CsrfForm(mut form): CsrfForm<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    limiters.register.check(&req)?;
    let page = page.titled("register-title");
    let birth_date = crate::api::date::parse_strict(form.birth_date.trim());
    let result = match birth_date {
        None => Err(AppError::Validation(vec![FieldError::new(
            "birth_date",
            "invalid",
            "Give the date of birth.",
        )])),
        Some(birth_date) => {
            let request = RegisterRequest {
                email: form.email.clone(),
                password: form.password.clone(),
                display_name: form.display_name.clone(),
                birth_date,
                municipality_code: Some(form.municipality_code.clone()).filter(|c| !c.is_empty()),
                language: Some(page.lang),
            };
            registration::register(&state, request).await
        }
    };
    match result {
        Ok(()) => Ok(page::ok(
            &req,
            Notice {
                message: page.t("register-sent"),
                page: page.titled("register-sent-title"),
                link: None,
            },
        )),
        Err(AppError::Validation(fields)) => {
            form.password.clear();
            let errors = forms::problems(&page, &fields);
            let municipalities = municipalities(&state, &cache, &page).await?;
            Ok(page::send(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                RegisterPage {
                    page,
                    form,
                    errors,
                    municipalities,
                },
            ))
        }
        Err(e) => Err(e),
    }
}

/// A page with one button that posts a token from an emailed link: opening the link does
/// nothing by itself, so a mail scanner that follows links spends no token.
#[derive(Template, WebTemplate)]
#[template(path = "confirm_token.html")]
pub struct ConfirmToken {
    pub page: Page,
    pub action: String,
    pub token: String,
    pub message: String,
    pub button: String,
}

/// The token of an emailed link.
#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    pub token: String,
}

/// `GET /{lang}/verify-email?token=…`.
pub async fn verify_form(
    req: HttpRequest,
    page: Page,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let page = page.titled("verify-title");
    Ok(page::ok(
        &req,
        ConfirmToken {
            action: page.href("/verify-email"),
            token: query.into_inner().token,
            message: page.t("verify-intro"),
            button: page.t("verify-button"),
            page,
        },
    ))
}

/// What a token form sends.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub token: String,
}

/// `POST /{lang}/verify-email`.
pub async fn verify(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<HttpResponse, AppError> {
    registration::verify(&state, VerifyRequest { token: form.token }).await?;
    let link = if page.user.is_some() {
        (page.href("/tasks"), page.t("nav-tasks"))
    } else {
        (page.href("/login"), page.t("nav-login"))
    };
    Ok(page::ok(
        &req,
        Notice {
            message: page.t("verify-done"),
            page: page.titled("verify-done-title"),
            link: Some(link),
        },
    ))
}

/// The login form.
#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub page: Page,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    /// An unconfirmed address: offer to send the link again.
    pub unverified: bool,
}

/// Where to go after logging in.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    pub next: String,
}

/// Only a path of ours, never another site (`//evil.example`) or a scheme.
fn safe_next(next: &str) -> &str {
    let ok = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if ok { next } else { "/" }
}

/// `GET /{lang}/login`.
pub async fn login_form(
    req: HttpRequest,
    page: Page,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    Ok(page::ok(
        &req,
        LoginPage {
            page: page.titled("login-title"),
            email: String::new(),
            next: safe_next(&query.next).to_owned(),
            error: None,
            unverified: false,
        },
    ))
}

/// What the login form sends.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub next: String,
}

/// `POST /{lang}/login`: a session and its cookie, then back where the reader was.
pub async fn login(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<HttpResponse, AppError> {
    limiters.login.check(&req)?;
    let page = page.titled("login-title");
    let next = safe_next(&form.next).to_owned();
    let attempt = LoginRequest {
        email: form.email.clone(),
        password: form.password,
    };
    let refused = |page: Page, status: StatusCode, key: &str, unverified: bool| {
        let error = Some(page.t(key));
        page::send(
            &req,
            status,
            LoginPage {
                page,
                email: form.email.clone(),
                next: next.clone(),
                error,
                unverified,
            },
        )
    };
    match login::authenticate(&state, attempt).await {
        Ok(session) => {
            let cookie = session::start(&state, session.session_id).await?;
            let mut response = page.redirect(&next);
            response
                .add_cookie(&cookie)
                .map_err(|e| AppError::internal(e.to_string()))?;
            Ok(response)
        }
        Err(AppError::InvalidCredentials) => Ok(refused(
            page,
            StatusCode::UNAUTHORIZED,
            "login-wrong",
            false,
        )),
        Err(AppError::EmailNotVerified) => Ok(refused(
            page,
            StatusCode::FORBIDDEN,
            "login-unverified",
            true,
        )),
        Err(e) => Err(e),
    }
}

/// `POST /{lang}/logout`.
pub async fn logout(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = &page.user {
        session::end(&state, user).await?;
    }
    let mut response = page.redirect("/");
    session::forget(&mut response);
    Ok(response)
}

/// What the resend and reset-request forms send.
#[derive(Debug, Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    pub email: String,
}

/// `POST /{lang}/verify-email/resend`: the same answer for every address.
pub async fn resend(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    limiters.register.check(&req)?;
    registration::resend(&state, ResendRequest { email: form.email }).await?;
    Ok(page::ok(
        &req,
        Notice {
            message: page.t("register-sent"),
            page: page.titled("register-sent-title"),
            link: None,
        },
    ))
}

/// The password reset pages: asking for a link, and choosing the new password.
#[derive(Template, WebTemplate)]
#[template(path = "reset.html")]
pub struct ResetPage {
    pub page: Page,
    /// The emailed token; empty on the page that asks for a link.
    pub token: String,
    pub errors: Vec<Problem>,
}

/// `GET /{lang}/reset-password` (ask for a link) and `…?token=` (choose a password).
pub async fn reset_form(
    req: HttpRequest,
    page: Page,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    Ok(page::ok(
        &req,
        ResetPage {
            page: page.titled("reset-title"),
            token: query.into_inner().token,
            errors: Vec::new(),
        },
    ))
}

/// `POST /{lang}/reset-password`: a link by email (the same answer for every address).
pub async fn reset_request(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    limiters.reset.check(&req)?;
    password_reset::request(&state, ResetRequest { email: form.email }).await?;
    Ok(page::ok(
        &req,
        Notice {
            message: page.t("reset-sent"),
            page: page.titled("reset-title"),
            link: None,
        },
    ))
}

/// What the new-password form sends.
#[derive(Debug, Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub new_password: String,
}

/// `POST /{lang}/reset-password/confirm`: every session of the account ends, this
/// browser's too.
pub async fn reset_confirm(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    limiters: web::Data<Limiters>,
    CsrfForm(form): CsrfForm<NewPasswordForm>,
) -> Result<HttpResponse, AppError> {
    limiters.reset.check(&req)?;
    let page = page.titled("reset-title");
    let token = form.token.clone();
    let confirm = ResetConfirm {
        token: form.token,
        new_password: form.new_password,
    };
    match password_reset::confirm(&state, confirm).await {
        Ok(()) => {
            let mut response = page::ok(
                &req,
                Notice {
                    message: page.t("reset-done"),
                    link: Some((page.href("/login"), page.t("nav-login"))),
                    page,
                },
            );
            session::forget(&mut response);
            Ok(response)
        }
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            Ok(page::send(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                ResetPage {
                    page,
                    token,
                    errors,
                },
            ))
        }
        Err(e) => Err(e),
    }
}
