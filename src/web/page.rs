//! What every page knows about its request ([`Page`]: the language, who is signed in, the
//! CSRF token, where the language switcher leads) and how a page is sent.

use std::borrow::Borrow;
use std::future::{Ready, ready};

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, web};
use fluent_templates::fluent_bundle::FluentValue;

use crate::error::AppError;
use crate::i18n::{self, Language};
use crate::state::AppState;
use crate::web::session::{self, SignedIn};
use crate::web::{assets, csrf};

/// The request as a page sees it.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Language,
    pub user: Option<SignedIn>,
    /// The token every form of this page carries (see `csrf`).
    pub csrf: String,
    /// This page's path and query without the language prefix, for the switcher.
    pub here: String,
    /// Whether htmx asked (then some URLs answer with a fragment).
    pub htmx: bool,
    /// The page's `<title>` (and first heading), set by the handler.
    pub title: String,
}

impl Page {
    /// Reads a page's context from a request under `/{lang}/`.
    pub fn of(req: &HttpRequest) -> Self {
        let lang = req
            .match_info()
            .get("lang")
            .and_then(Language::parse)
            .unwrap_or_default();
        let user = session::current(req);
        let key = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.config.jwt_secret.clone())
            .unwrap_or_default();
        let csrf = csrf::token(
            &key,
            &csrf::nonce(req),
            user.as_ref().map(|u| u.session_id.as_str()),
        );
        let path = req.path();
        let rest = path.get(3..).unwrap_or("/");
        let here = match req.query_string() {
            "" => rest.to_owned(),
            q => format!("{rest}?{q}"),
        };
        Self {
            lang,
            user,
            csrf,
            here: if here.is_empty() { "/".into() } else { here },
            htmx: req.headers().contains_key("hx-request"),
            title: String::new(),
        }
    }

    /// The same page with its title (a key of the `.ftl` files).
    pub fn titled(mut self, key: &str) -> Self {
        self.title = self.t(key);
        self
    }

    /// The same page with a title given as text (a task's name).
    pub fn titled_as(mut self, title: &str) -> Self {
        self.title = title.to_owned();
        self
    }

    /// A text in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.lang, key)
    }

    /// A text with one number (Fluent picks the plural form).
    pub fn tn(&self, key: &str, name: &'static str, n: impl Borrow<i64>) -> String {
        i18n::text_with(self.lang, key, &[(name, FluentValue::from(*n.borrow()))])
    }

    /// A text with one string argument.
    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        i18n::text_with(
            self.lang,
            key,
            &[(name, FluentValue::from(value.to_owned()))],
        )
    }

    /// A link within the page's language: `href("/tasks")` is `/fi/tasks`.
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.lang.code(), path)
    }

    /// This page in another language.
    pub fn switch_to(&self, other: impl Borrow<Language>) -> String {
        format!("/{}{}", other.borrow().code(), self.here)
    }

    /// Whether a language is the page's own (the switcher marks it).
    pub fn is_current(&self, other: impl Borrow<Language>) -> bool {
        *other.borrow() == self.lang
    }

    /// The three languages, for the switcher.
    pub fn languages(&self) -> [Language; 3] {
        Language::ALL
    }

    /// The hashed URL of a static file.
    pub fn asset(&self, name: &str) -> String {
        assets::url(name)
    }

    /// A name from the reference data in the page's language (Finnish where a Swedish or
    /// English name is not kept).
    pub fn pick<'a>(&self, fi: &'a str, sv: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Language::Fi => fi,
            Language::Sv if !sv.is_empty() => sv,
            Language::En if !en.is_empty() => en,
            _ => fi,
        }
    }

    /// A redirect (`303 See Other`, so a form post becomes a `GET`) within the language.
    pub fn redirect(&self, path: &str) -> HttpResponse {
        see_other(&self.href(path))
    }

    /// The person signed in; without a session, `401`, which the error pages turn into
    /// the login page that comes back here.
    pub fn signed_in(&self) -> Result<SignedIn, AppError> {
        self.user.clone().ok_or(AppError::Unauthorized)
    }

    /// The person signed in if `allowed` says they may; else `403` (or `401` without a
    /// session).
    pub fn signed_in_as(&self, allowed: fn(&SignedIn) -> bool) -> Result<SignedIn, AppError> {
        let user = self.signed_in()?;
        if allowed(&user) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The login page, coming back here afterwards.
    pub fn to_login(&self) -> HttpResponse {
        let next: String = url::form_urlencoded::byte_serialize(self.here.as_bytes()).collect();
        self.redirect(&format!("/login?next={next}"))
    }
}

impl FromRequest for Page {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::of(req)))
    }
}

/// `303 See Other` to a path of ours.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// Sends a rendered template (askama_web makes it a `Responder`) with a status.
pub fn send<T: Responder>(req: &HttpRequest, status: StatusCode, template: T) -> HttpResponse
where
    T::Body: 'static,
{
    template
        .customize()
        .with_status(status)
        .respond_to(req)
        .map_into_boxed_body()
}

/// A `200` page.
pub fn ok<T: Responder>(req: &HttpRequest, template: T) -> HttpResponse<BoxBody>
where
    T::Body: 'static,
{
    send(req, StatusCode::OK, template)
}
