//! Logging: `tracing` to stderr, filtered by `RUST_LOG` (default `info`), and the one line
//! each request writes to it.
//!
//! That line holds the method, the route *pattern* (`/api/v1/records/{code}`), the status
//! and the time taken, inside a span that carries only the request id (which the response
//! repeats in `X-Request-Id`). Never the path itself, the query string, a header or a
//! body: paths hold record codes, query strings search text and addresses, bodies
//! passwords and tokens. Nor the client's address or user agent, which are personal data
//! the service has no use for. Errors are not logged with their details either, except
//! internal ones (`AppError::Internal`), whose messages come from the server itself.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage as _};
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder};
use tracing_subscriber::fmt::{self, MakeWriter, format};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer as _};

/// What the request line says for a path that matched no route (an unknown path is
/// not logged either: it could be anything a client typed).
pub const UNMATCHED_ROUTE: &str = "(unmatched)";

/// Installs the global subscriber; call once at start-up.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // A second call (tests) finds a subscriber already set; that is fine.
    let _ = tracing_subscriber::registry()
        .with(format_layer(std::io::stderr).with_filter(filter))
        .try_init();
}

/// The log format of the server, shared with the tests that read what the server logs.
pub fn format_layer<S, W>(writer: W) -> fmt::Layer<S, format::DefaultFields, format::Format, W>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> MakeWriter<'w> + 'static,
{
    fmt::layer().with_target(false).with_writer(writer)
}

/// The root span of a request for `tracing_actix_web::TracingLogger`: the request id and
/// nothing else (its default span records the full target, the client's address and, for
/// an error, the error's debug form, which can quote what the client sent).
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!("request", request_id = %request_id)
    }

    fn on_request_end<B: MessageBody>(_: Span, _: &Result<ServiceResponse<B>, Error>) {}
}

/// Middleware: logs the request line (see the module comment) once the response is known,
/// and sends the request id back in `X-Request-Id`.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, Error> {
    let request_id = req.extensions().get::<RequestId>().copied();
    let method = req.method().clone();
    let started = Instant::now();
    let mut response = next.call(req).await?;
    // Known only after routing: the pattern of the resource that answered.
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| UNMATCHED_ROUTE.to_owned());
    tracing::info!(
        %method,
        %route,
        status = response.status().as_u16(),
        elapsed_ms = started.elapsed().as_millis(),
        "request"
    );
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), id);
    }
    Ok(response)
}

/// `text` with every word that holds an `@` replaced by `[address]`: for messages that
/// come from elsewhere and may quote an email address (an SMTP server's refusal names the
/// recipient), before they are logged.
pub fn without_addresses(text: &str) -> String {
    fn flush(word: &mut String, out: &mut String) {
        out.push_str(if word.contains('@') {
            "[address]"
        } else {
            word
        });
        word.clear();
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() || "<>()[]{}\"'`,;:".contains(c) {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::without_addresses;

    #[test]
    fn addresses_are_left_out_of_quoted_messages() {
        assert_eq!(
            without_addresses("550 5.1.1 <aino.meikalainen@example.fi>: Recipient rejected"),
            "550 5.1.1 <[address]>: Recipient rejected"
        );
        assert_eq!(
            without_addresses("to=x@y.fi, from 'a@b'"),
            "[address], from '[address]'"
        );
        assert_eq!(
            without_addresses("connection refused (os error 111)"),
            "connection refused (os error 111)"
        );
    }
}
