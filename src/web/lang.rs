//! Which language a page is in: always the first segment of its path (`/fi/…`, `/sv/…`,
//! `/en/…`), so a link keeps its language wherever it is shared. Paths without one (`/`, the
//! links in emails such as `/verify-email?token=…`) redirect by the browser's
//! `Accept-Language`.

use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::i18n::Language;
use crate::web::page::see_other;

/// The browser's language among ours.
pub fn preferred(req: &HttpRequest) -> Language {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Language::Fi, Language::negotiate)
}

/// The default service of the whole application: a `GET` of a path without a language is
/// sent to the same path in the browser's language; anything else is a `404` (the API's
/// unknown paths stay problem+json).
pub async fn elsewhere(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let readable = req.method() == Method::GET || req.method() == Method::HEAD;
    if !readable || path.starts_with("/api/") || path == "/api" || path.starts_with("/static/") {
        // actix's own 404, which the error layer turns into the API's problem+json.
        return Ok(HttpResponse::NotFound().finish());
    }
    let lang = preferred(&req);
    // `/fi` without its slash is the front page, not a page called "fi".
    let target = match Language::parse(path.trim_start_matches('/')) {
        Some(named) => format!("/{}/", named.code()),
        None => format!("/{}{}", lang.code(), path),
    };
    let target = match req.query_string() {
        "" => target,
        q => format!("{target}?{q}"),
    };
    let mut response = see_other(&target);
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("Accept-Language"),
    );
    Ok(response)
}
