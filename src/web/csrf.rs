//! Cross-site request forgery, refused twice over: every unsafe request to the web front end
//! must come from our own pages (`Sec-Fetch-Site`, else `Origin`, checked by
//! [`guard`]), and every form carries a token that only our pages can know ([`token`]),
//! checked by the [`CsrfForm`] extractor that reads the form.
//!
//! The token is an HMAC, under the server's secret, of a random value in a cookie
//! (`talkoot_csrf`, set by [`guard`] on the first visit) and of the session, so a
//! token from before a login is no good after it, and one person's token is no good to
//! another.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

use crate::error::AppError;
use crate::state::AppState;

/// The cookie with the random half of the token.
pub const COOKIE: &str = "talkoot_csrf";
/// The form field every unsafe form sends.
pub const FIELD: &str = "csrf";
/// The largest form the web front end takes (a task description is the longest field).
const MAX_FORM_BYTES: usize = 64 * 1024;

/// The random value of this browser, when the request came without one (see [`guard`]).
#[derive(Clone)]
struct NewNonce(String);

/// The browser's random value: from its cookie, or the one [`guard`] is about to set.
pub fn nonce(req: &HttpRequest) -> String {
    if let Some(new) = req.extensions().get::<NewNonce>() {
        return new.0.clone();
    }
    req.cookie(COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default()
}

fn mac(key: &[u8], nonce: &str, session_id: Option<&str>) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
    mac.update(b"csrf\0");
    mac.update(nonce.as_bytes());
    mac.update(b"\0");
    mac.update(session_id.unwrap_or("").as_bytes());
    Some(mac)
}

/// The token for the forms of this browser and session.
pub fn token(key: &[u8], nonce: &str, session_id: Option<&str>) -> String {
    mac(key, nonce, session_id)
        .map(|m| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Whether a presented token is this browser's and session's (in constant time).
pub fn verify(key: &[u8], nonce: &str, session_id: Option<&str>, presented: &str) -> bool {
    let Ok(tag) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(presented) else {
        return false;
    };
    !nonce.is_empty() && mac(key, nonce, session_id).is_some_and(|m| m.verify_slice(&tag).is_ok())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether an unsafe request came from one of our own pages. `Sec-Fetch-Site` (every
/// current browser sends it) must be `same-origin`; without it, `Origin` must name this
/// host (the `Host` header) or the public base URL. A request with neither is refused too:
/// a browser sends at least one of them with every form post.
fn same_origin(req: &ServiceRequest, public_base_url: &str) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site") {
        return site.as_bytes() == b"same-origin";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return false;
    };
    if origin.eq_ignore_ascii_case(public_base_url.trim_end_matches('/')) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, rest)| rest);
    matches!((host, origin_host), (Some(h), Some(o)) if h.eq_ignore_ascii_case(o))
}

/// The middleware of the web front end: refuses unsafe requests from other sites (`403`),
/// and gives a browser without the random cookie a new one.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static, BoxBody>>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let base = state
        .as_ref()
        .map(|s| s.config.public_base_url.clone())
        .unwrap_or_default();
    if !is_safe(req.method()) && !same_origin(&req, &base) {
        let refused = HttpResponse::from_error(AppError::Forbidden);
        return Ok(req.into_response(refused).map_into_right_body());
    }
    let new = req.cookie(COOKIE).is_none().then(|| {
        let value = crate::auth::tokens::generate().plain;
        req.extensions_mut().insert(NewNonce(value.clone()));
        value
    });
    let mut res = next.call(req).await?;
    if let Some(value) = new {
        let secure = state
            .as_ref()
            .is_some_and(|s| super::session::secure(&s.config));
        let cookie = Cookie::build(COOKIE, value)
            .path("/")
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res.map_into_left_body())
}

/// A form (`application/x-www-form-urlencoded`) whose CSRF token was checked: the fields
/// of `T`, read with serde (unknown fields, the token among them, are ignored).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body
                .await
                .map_err(|_| AppError::BadRequest("The form could not be read.".into()))?;
            if body.len() > MAX_FORM_BYTES {
                return Err(AppError::BadRequest("The form is too large.".into()));
            }
            let presented = url::form_urlencoded::parse(&body)
                .find(|(k, _)| k == FIELD)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal("AppState missing"))?;
            let session = super::session::current_session_id(&req);
            if !verify(
                &state.config.jwt_secret,
                &nonce(&req),
                session.as_deref(),
                &presented,
            ) {
                return Err(AppError::Forbidden);
            }
            serde_urlencoded::from_bytes(&body)
                .map(CsrfForm)
                .map_err(|e| AppError::BadRequest(format!("The form could not be read: {e}")))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_token_is_bound_to_its_browser_and_session() {
        let t = token(KEY, "n1", Some("s1"));
        assert!(verify(KEY, "n1", Some("s1"), &t));
        assert!(!verify(KEY, "n2", Some("s1"), &t));
        assert!(!verify(KEY, "n1", Some("s2"), &t));
        assert!(!verify(KEY, "n1", None, &t));
        assert!(!verify(KEY, "", None, &token(KEY, "", None)));
        assert!(!verify(KEY, "n1", Some("s1"), "not base64 !"));
    }
}
