//! Reading values out of a query string one parameter at a time, for the searches that
//! parse their own (`GET /tasks`, `GET /services`) so that every bad parameter is a `422`
//! naming it rather than the framework's anonymous `400`.

use crate::error::FieldError;

/// A boolean parameter: `true` or `false` (`1` and `0` too); anything else is recorded in
/// `errors` under `field`.
pub fn boolean(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<bool> {
    match value {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => {
            errors.push(FieldError::new(field, "invalid", "Use true or false."));
            None
        }
    }
}

/// A whole-number parameter (a page, a page size); anything else is recorded in `errors`
/// under `field`. The range is the caller's to check.
pub fn number(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<i64> {
    match value.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(FieldError::new(field, "invalid", "Give a whole number."));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_are_named() {
        let mut errors = Vec::new();
        assert_eq!(boolean("free", "1", &mut errors), Some(true));
        assert_eq!(boolean("free", "false", &mut errors), Some(false));
        assert_eq!(number("page", "3", &mut errors), Some(3));
        assert!(errors.is_empty());
        assert_eq!(boolean("free", "maybe", &mut errors), None);
        assert_eq!(number("page", "abc", &mut errors), None);
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["free", "page"]);
    }
}
