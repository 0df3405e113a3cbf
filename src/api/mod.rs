//! HTTP plumbing shared by every feature: the JSON body extractor that names bad fields,
//! and the headers that keep personal data out of caches.

pub mod clean_request;
pub mod date;
pub mod json;
pub mod paging;
pub mod query;
pub mod text;

use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpResponse, HttpResponseBuilder, Route, web};

/// `Strict-Transport-Security` when the service is reached over https: a year, for this
/// host only (the subdomains of a region's domain may be other services, not ours).
pub const HSTS: &str = "max-age=31536000";

/// The headers every response gets unless its handler set them: nothing may be cached
/// unless a handler says so, no content sniffing, no referrer, and HSTS when
/// `PUBLIC_BASE_URL` is https (a client that reached the service over https must never be
/// talked into plain http; a TLS proxy in front of the server still sees https here).
pub fn default_headers(public_base_url: &str) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CACHE_CONTROL, "no-store"))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"));
    if public_base_url
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
    {
        headers.add((header::STRICT_TRANSPORT_SECURITY, HSTS))
    } else {
        headers
    }
}

/// Cache headers of a `GET` whose body depends on who asks (a task's `sign_up`, a card's
/// `my_role`). `Vary: Authorization` on every such answer, so that no cache, shared or the
/// browser's own, gives the anonymous version to a signed-in reader or one reader's version
/// to another; and `public, max-age=…` only when `shared_max_age` is given (the caller
/// decides: an anonymous request for something public), else `private, no-store`.
pub fn cache_per_caller(response: &mut HttpResponseBuilder, shared_max_age: Option<u32>) {
    response.insert_header((header::VARY, "Authorization"));
    match shared_max_age {
        Some(seconds) => {
            response.insert_header((header::CACHE_CONTROL, format!("public, max-age={seconds}")))
        }
        None => response.insert_header((header::CACHE_CONTROL, "private, no-store")),
    };
}

/// `200 OK` with a JSON body that must never be cached (personal data, tokens).
pub fn private_json<T: serde::Serialize>(body: &T) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// `202 Accepted` with the one neutral message that register, resend and reset share, so the
/// answer never tells whether an address has an account.
pub fn accepted(message: &str) -> HttpResponse {
    HttpResponse::Accepted()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(serde_json::json!({ "status": "accepted", "message": message }))
}

/// A route for GET that also answers HEAD (RFC 9110: HEAD works wherever GET does; actix
/// sends the headers without the body).
pub fn get_or_head() -> Route {
    web::route().guard(actix_web::guard::Any(actix_web::guard::Get()).or(actix_web::guard::Head()))
}

/// The default service of a resource: `405` with the `Allow` header RFC 9110 requires
/// (actix's own 405 has none); the error middleware turns it into problem+json.
pub fn allow_only(methods: &'static str) -> Route {
    web::to(move || async move {
        HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, methods))
            .finish()
    })
}

/// A resource that only takes POST (an action such as `/tasks/{id}/publish`), answering
/// any other method with `405` and `Allow: POST`.
pub fn post_only<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .default_service(allow_only("POST"))
        .route(web::post().to(handler))
}

/// serde `deserialize_with` for `Option<Option<T>>`: tells an absent field (outer `None`,
/// "leave it") from an explicit `null` (`Some(None)`, "clear it") in PATCH bodies.
pub fn present<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}

/// Reads `If-Match` as the versions an editor may have seen (ETags are `"{version}"`):
/// `None` when absent or `*`. RFC 9110 compares strongly, so a weak tag (`W/"3"`) or a
/// value that names no version matches nothing and the edit is refused with 412.
pub fn if_match(req: &actix_web::HttpRequest) -> Option<Vec<i32>> {
    let raw = req
        .headers()
        .get(header::IF_MATCH)?
        .to_str()
        .unwrap_or("")
        .trim();
    if raw == "*" {
        return None;
    }
    Some(
        raw.split(',')
            .map(str::trim)
            .filter_map(|tag| tag.strip_prefix('"')?.strip_suffix('"')?.parse().ok())
            .collect(),
    )
}
