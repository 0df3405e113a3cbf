//! What a form shows when it is refused: each problem in the reader's language, linked to
//! its field (`#field-email`), summarised at the top of the form (GOV.UK's error summary
//! pattern, which WCAG's "error identification" asks for).

use crate::error::FieldError;
use crate::web::page::Page;

/// One refused field.
#[derive(Debug, Clone)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    /// The id of the field's input, for the summary's link.
    pub fn anchor(&self) -> String {
        format!("#field-{}", self.field)
    }
}

/// The problems of a refused form: a text of our own for each code we word
/// (`field-too_short`), else the API's English message.
pub fn problems(page: &Page, errors: &[FieldError]) -> Vec<Problem> {
    errors
        .iter()
        .map(|e| {
            let specific = format!("field-{}-{}", e.field, e.code);
            let general = format!("field-{}", e.code);
            let message = if crate::i18n::has_text(page.lang, &specific) {
                page.t(&specific)
            } else if crate::i18n::has_text(page.lang, &general) {
                page.t(&general)
            } else {
                e.message.clone()
            };
            Problem {
                field: e
                    .field
                    .split(['.', '['])
                    .next()
                    .unwrap_or(&e.field)
                    .to_owned(),
                message,
            }
        })
        .collect()
}

/// The problem of one field, if any (for the message under the input).
pub fn of<'a>(problems: &'a [Problem], field: &str) -> Option<&'a Problem> {
    problems.iter().find(|p| p.field == field)
}
