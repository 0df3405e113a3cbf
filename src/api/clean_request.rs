//! The first thing every request meets: a path or query string that holds a control or
//! invisible formatting character once percent-decoded (`/tasks/%00`, `?municipality=%00`)
//! is refused here, before any extractor or query sees it. A path answers 404 (no resource
//! has such a name); a query parameter answers 422 naming the parameter.

use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError as _};

use crate::api::text;
use crate::error::AppError;

/// The middleware (`App::wrap(from_fn(refuse_hidden_characters))`, innermost, so that the
/// refusal gets the same headers and error handling as any other answer).
///
/// The web pages (`/fi/…`, `/sv/…`, `/en/…`) are left to [`refuse_on_pages`] inside their
/// scope, so that a reader gets the refusal as a page in their language, not as JSON.
pub async fn refuse_hidden_characters(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if is_a_page(req.path()) {
        return next.call(req).await;
    }
    match check(req.path(), req.query_string()) {
        Ok(()) => next.call(req).await,
        Err(refusal) => Ok(req.into_response(refusal.error_response())),
    }
}

/// The same check for the web pages' scope: the pages' error middleware turns the refusal
/// into a page with the same status.
pub async fn refuse_on_pages<B: actix_web::body::MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<B>>, Error> {
    match check(req.path(), req.query_string()) {
        Ok(()) => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body),
        // A response carrying the error (not an `Err`), so the middleware around it sees
        // the status and the error, as it does a handler's.
        Err(refusal) => Ok(req.error_response(refusal).map_into_right_body()),
    }
}

/// Whether a path is under one of the web's languages (its first segment, exactly).
/// The same rule as the web scope's guard: `/{lang}/` and anything under it.
pub fn is_a_page(path: &str) -> bool {
    let mut parts = path.splitn(3, '/');
    let _ = parts.next();
    let first = parts.next().unwrap_or("");
    crate::i18n::Language::parse(first).is_some() && parts.next().is_some()
}

/// The refusal for a raw path and query string, if any.
fn check(path: &str, query: &str) -> Result<(), AppError> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    if text::forbidden_char(&decoded).is_some() {
        return Err(AppError::NotFound);
    }
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let field = if text::forbidden_char(&key).is_some() {
            "query"
        } else {
            key.as_ref()
        };
        if let Some(c) = text::forbidden_char(&key).or_else(|| text::forbidden_char(&value)) {
            return Err(AppError::Validation(vec![text::forbidden_char_error(
                field, c,
            )]));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(result: Result<(), AppError>) -> String {
        match result {
            Err(AppError::Validation(errors)) => errors[0].field.clone(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn the_pages_are_left_to_their_own_scope() {
        assert!(is_a_page("/fi/tasks"));
        assert!(is_a_page("/sv/"));
        assert!(!is_a_page("/fi"));
        assert!(!is_a_page("/api/v1/tasks"));
        assert!(!is_a_page("/first/tasks"));
        assert!(!is_a_page("/"));
        assert!(!is_a_page("//fi/tasks"));
    }

    #[test]
    fn paths_and_parameters_with_hidden_characters_are_refused() {
        assert!(check("/api/v1/tasks/123", "q=metsä&page=2").is_ok());
        assert!(matches!(
            check("/api/v1/tasks/%00", ""),
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            check("/api/v1/records/A%E2%80%AEB", ""),
            Err(AppError::NotFound)
        ));
        assert_eq!(
            field(check("/api/v1/tasks", "municipality=%00")),
            "municipality"
        );
        assert_eq!(field(check("/api/v1/tasks", "q=a%E2%80%8Bb")), "q");
        assert_eq!(field(check("/api/v1/tasks", "%00=1")), "query");
        assert!(
            check("/api/v1/tasks", "q=rivi%0Arivi").is_ok(),
            "a line break is text"
        );
    }
}
