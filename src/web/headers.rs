//! The headers of every page: a strict Content Security Policy (our own files only, no
//! inline script or style, no framing), on top of the service's defaults (`no-store`,
//! `nosniff`, no referrer).

use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;

/// The policy: everything from our own origin, nothing inline, never in a frame, forms only
/// to ourselves.
pub const CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The default headers of the web front end.
pub fn page_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CSP))
        .add((header::X_FRAME_OPTIONS, "DENY"))
}
