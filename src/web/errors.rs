//! Error pages: every failure under `/{lang}/` (a missing task, a refused action, a bug)
//! reaches its reader as a page in their language, with the same status the API would
//! give, instead of the API's problem+json. A request that needs a login is sent to the
//! login page instead.

use actix_web::HttpResponse;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::web::page::{self, Page};

/// The error page.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: Page,
    pub status: u16,
    pub message: String,
}

/// The words for a failure: a text of its own for the problems a person can act on
/// (`problem-too-young`), else one by status.
pub fn message(page: &Page, error: &AppError) -> String {
    // A small form without a page of its own (hours, a date) names what was wrong.
    if let AppError::Validation(fields) = error
        && !fields.is_empty()
    {
        let problems = crate::web::forms::problems(page, fields);
        return problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
    }
    let key = format!("problem-{}", error.problem_type().slug());
    if crate::i18n::has_text(page.lang, &key) {
        return page.t(&key);
    }
    page.t(status_key(error_status(error)))
}

fn error_status(error: &AppError) -> StatusCode {
    actix_web::ResponseError::status_code(error)
}

fn status_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 422 => "error-bad-request",
        401 | 403 => "error-forbidden",
        404 | 405 => "error-not-found",
        409 | 412 => "error-conflict",
        413 => "error-too-large",
        429 => "error-rate-limited",
        _ => "error-server",
    }
}

/// The title of an error page by status.
fn title_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        404 | 405 => "error-not-found-title",
        401 | 403 => "error-forbidden-title",
        429 => "error-rate-limited-title",
        500.. => "error-server-title",
        _ => "error-title",
    }
}

/// The error page for a failure, with its status.
pub fn page_for(
    req: &actix_web::HttpRequest,
    page: Page,
    status: StatusCode,
    message: String,
) -> HttpResponse {
    let page = page.titled(title_key(status));
    page::send(
        req,
        status,
        ErrorPage {
            page,
            status: status.as_u16(),
            message,
        },
    )
}

/// The middleware of the web front end that turns error responses into pages.
pub async fn html_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static, BoxBody>>, actix_web::Error> {
    let res = next.call(req).await?;
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if status.as_u16() < 400 || is_html {
        return Ok(res.map_into_left_body());
    }
    let page = Page::of(res.request());
    let app_error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>());
    if matches!(app_error, Some(AppError::Unauthorized)) {
        let response = page.to_login();
        return Ok(res.into_response(response).map_into_right_body());
    }
    let message = match app_error {
        Some(error) => message(&page, error),
        None => page.t(status_key(status)),
    };
    let retry_after = res.headers().get(header::RETRY_AFTER).cloned();
    let allow = res.headers().get(header::ALLOW).cloned();
    let mut response = page_for(res.request(), page, status, message);
    for (name, value) in [(header::RETRY_AFTER, retry_after), (header::ALLOW, allow)] {
        if let Some(value) = value {
            response.headers_mut().insert(name, value);
        }
    }
    Ok(res.into_response(response).map_into_right_body())
}
