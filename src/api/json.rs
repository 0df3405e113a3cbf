//! `ApiJson<T>`: a JSON body extractor whose errors name the offending field.
//!
//! actix's `web::Json` reports "invalid type: integer, expected a string" without saying
//! where; `serde_path_to_error` gives the path, so the 422 can say `birth_date`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage as _, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::api::text;
use crate::error::{AppError, FieldError};

/// Largest request body the API accepts; every body in the API is small.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Whether the request says its body is JSON (`application/json` or `…+json`).
fn declares_json(req: &HttpRequest) -> bool {
    req.mime_type()
        .ok()
        .flatten()
        .is_some_and(|mime| mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON))
}

/// A deserialised JSON request body.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = declares_json(req);
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !is_json {
                return Err(actix_web::error::ErrorUnsupportedMediaType(
                    "expected Content-Type: application/json",
                ));
            }
            // Bytes honours the app's PayloadConfig limit and answers 413 past it.
            let bytes = body.await?;
            parse(&bytes).map(ApiJson).map_err(Into::into)
        })
    }
}

/// A JSON body that may be left out entirely (no bytes at all): then it is `T::default()`,
/// so that "sign up" is one click without a form. A body that is sent must be JSON.
#[derive(Debug)]
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default + 'static> FromRequest for OptionalJson<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = declares_json(req);
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let bytes = body.await?;
            if bytes.is_empty() {
                return Ok(OptionalJson(T::default()));
            }
            if !is_json {
                return Err(actix_web::error::ErrorUnsupportedMediaType(
                    "expected Content-Type: application/json",
                ));
            }
            parse(&bytes).map(OptionalJson).map_err(Into::into)
        })
    }
}

/// Parses a body, turning serde's message into a problem that names the field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    // serde builds a struct from a JSON array too (`["a@b.fi","pw"]`); every body of this
    // API is an object, so anything else is refused before serde sees it.
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        None => {
            return Err(AppError::BadRequest(
                "The body is empty; send a JSON object.".into(),
            ));
        }
        Some(_) if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() => {
            return Err(AppError::BadRequest("The body is not valid JSON.".into()));
        }
        Some(_) => {
            return Err(AppError::Validation(vec![FieldError::new(
                "body",
                "invalid_type",
                "The body must be a JSON object.",
            )]));
        }
    }
    check_strings(bytes)?;
    let deserializer = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return AppError::BadRequest(format!("The body is not valid JSON: {inner}"));
        }
        let message = strip_position(&inner.to_string());
        // serde reports a missing or unknown field at the parent's path, naming it in backticks.
        let field = match message.strip_prefix("missing field `") {
            // A missing field is reported at its parent's path, named only in the message.
            Some(rest) => {
                let name = rest.split('`').next().unwrap_or_default();
                if path == "." {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                }
            }
            // Anything else (including an unknown key) is already at its own path.
            None if path == "." => "body".to_owned(),
            None => path,
        };
        let code = if message.starts_with("missing field") {
            "required"
        } else if message.starts_with("unknown field") {
            "unknown_field"
        } else {
            "invalid_type"
        };
        AppError::Validation(vec![FieldError::new(field, code, message)])
    })
}

/// Refuses a body with a control or invisible formatting character in any string (a value
/// or a key), naming its path: no such character ever reaches a feature or the database.
fn check_strings(bytes: &[u8]) -> Result<(), AppError> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        // Not valid JSON: the typed parse that follows reports it.
        return Ok(());
    };
    let mut found = None;
    visit(&value, &mut String::new(), &mut found);
    match found {
        Some((path, c)) => Err(AppError::Validation(vec![text::forbidden_char_error(
            &path, c,
        )])),
        None => Ok(()),
    }
}

/// Walks a JSON value depth first, recording the first forbidden character and its path
/// (`name`, `placement.duration`, `languages[2]`, the same form as serde errors).
fn visit(value: &serde_json::Value, path: &mut String, found: &mut Option<(String, char)>) {
    use serde_json::Value;
    if found.is_some() {
        return;
    }
    match value {
        Value::String(s) => {
            if let Some(c) = text::forbidden_char(s) {
                *found = Some((
                    if path.is_empty() {
                        "body".into()
                    } else {
                        path.clone()
                    },
                    c,
                ));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                visit(item, path, found);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                // A bad key is named by the object that holds it: the error must not echo
                // the character it refuses.
                if let Some(c) = text::forbidden_char(key) {
                    let holder = if path.is_empty() {
                        "body"
                    } else {
                        path.as_str()
                    };
                    *found = Some((holder.to_owned(), c));
                    return;
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                visit(item, path, found);
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// serde_json appends " at line 1 column 20", which means nothing to an API client.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(idx) => message[..idx].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "fields exist to be deserialised")]
    struct Body {
        email: String,
        age: u8,
    }

    fn field_of(result: Result<Body, AppError>) -> String {
        match result {
            Err(AppError::Validation(errors)) => errors[0].field.clone(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_the_field_with_a_wrong_type() {
        assert_eq!(field_of(parse(br#"{"email":"a@b.fi","age":"x"}"#)), "age");
    }

    #[test]
    fn names_a_missing_field() {
        assert_eq!(field_of(parse(br#"{"age":3}"#)), "email");
    }

    #[test]
    fn names_an_unknown_field() {
        assert_eq!(
            field_of(parse(br#"{"email":"a@b.fi","age":3,"role":"admin"}"#)),
            "role"
        );
    }

    #[test]
    fn a_json_array_is_not_an_object() {
        assert_eq!(field_of(parse(br#"["a@b.fi", 3]"#)), "body");
        assert!(matches!(parse::<Body>(b"  "), Err(AppError::BadRequest(_))));
        assert!(matches!(
            parse::<Body>(b"[1,"),
            Err(AppError::BadRequest(_))
        ));
    }

    #[test]
    fn a_control_or_formatting_character_anywhere_names_its_path() {
        assert_eq!(
            field_of(parse(br#"{"email":"a\u0000@b.fi","age":3}"#)),
            "email"
        );
        let nested: Result<serde_json::Value, _> =
            parse(br#"{"placement":{"duration":"x\u202ey"},"tags":["ok","\u200b"]}"#);
        match nested {
            Err(AppError::Validation(errors)) => {
                assert_eq!(errors[0].field, "placement.duration");
                assert_eq!(errors[0].code, "invalid_characters");
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        let in_list: Result<serde_json::Value, _> = parse(br#"{"tags":["ok","\u200b"]}"#);
        assert!(
            matches!(&in_list, Err(AppError::Validation(e)) if e[0].field == "tags[1]"),
            "{in_list:?}"
        );
        let bad_key: Result<serde_json::Value, _> = parse(br#"{"placement":{"x\u0005":1}}"#);
        assert!(
            matches!(&bad_key, Err(AppError::Validation(e)) if e[0].field == "placement"),
            "{bad_key:?}"
        );
        let line_breaks: Result<serde_json::Value, _> = parse(br#"{"message":"a\r\nb\tc"}"#);
        assert!(
            line_breaks.is_ok(),
            "multi-line text is for the field to judge"
        );
    }

    #[test]
    fn malformed_json_is_a_bad_request() {
        assert!(matches!(
            parse::<Body>(b"{\"email\":"),
            Err(AppError::BadRequest(_))
        ));
    }
}
