//! Text as people type it, made safe to store and show. Two layers:
//!
//! - [`forbidden_char`] runs on every string that reaches the service (JSON bodies, query
//!   parameters, path segments): control characters other than tab and line breaks, and
//!   invisible formatting characters of the Basic Multilingual Plane (bidirectional
//!   overrides such as U+202E, zero-width spaces, byte-order marks) are refused with a 4xx
//!   naming the field. PostgreSQL cannot store NUL at all, and the formatting characters only
//!   serve to make text look like something it is not (`Ella\u{202e}gnp.exe`). The
//!   zero-width joiners U+200C and U+200D stay allowed: Persian, the Indic scripts and emoji
//!   sequences need them. The set is [`FORBIDDEN`], written out so that openapi.yaml can say
//!   exactly the same in one `pattern` (`x-text-pattern`); a unit test keeps it equal to
//!   Unicode's own categories.
//! - The field helpers ([`single_line`], [`multi_line`], [`name`]) normalise to NFC, trim,
//!   keep line breaks only where a field is multi-line, and require something visible in a
//!   name.

use icu_normalizer::ComposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

use crate::error::FieldError;

/// Every character no text may hold, as inclusive ranges: the controls (Cc) other than tab,
/// line feed and carriage return, and the formatting characters (Cf) of the Basic
/// Multilingual Plane other than the zero-width joiners U+200C and U+200D. openapi.yaml's
/// `x-text-pattern` is the same set.
pub const FORBIDDEN: &[(char, char)] = &[
    ('\u{0}', '\u{8}'),
    ('\u{b}', '\u{c}'),
    ('\u{e}', '\u{1f}'),
    ('\u{7f}', '\u{9f}'),
    ('\u{ad}', '\u{ad}'),
    ('\u{600}', '\u{605}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{6dd}', '\u{6dd}'),
    ('\u{70f}', '\u{70f}'),
    ('\u{890}', '\u{891}'),
    ('\u{8e2}', '\u{8e2}'),
    ('\u{180e}', '\u{180e}'),
    ('\u{200b}', '\u{200b}'),
    ('\u{200e}', '\u{200f}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{fff9}', '\u{fffb}'),
];

fn category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// The first character no text field may hold ([`FORBIDDEN`]), if any.
pub fn forbidden_char(text: &str) -> Option<char> {
    text.chars().find(|c| {
        FORBIDDEN
            .iter()
            .any(|(low, high)| (low..=high).contains(&c))
    })
}

/// The 4xx detail for a forbidden character, naming it by code point (never echoing it).
pub fn forbidden_char_error(field: &str, c: char) -> FieldError {
    FieldError::new(
        field,
        "invalid_characters",
        format!(
            "U+{:04X} is a control or invisible formatting character and cannot be used here.",
            u32::from(c)
        ),
    )
}

/// Unicode NFC: the same text always stored as the same code points ("é" typed as `e` +
/// combining accent and as one character compare and search alike).
pub fn nfc(text: &str) -> String {
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(text)
        .into_owned()
}

/// Whether the text shows anything: a character that is not white space, a control or a
/// formatting character (a name of zero-width spaces or joiners alone shows nothing).
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(
                category(c),
                GeneralCategory::Control
                    | GeneralCategory::Format
                    | GeneralCategory::NonspacingMark
                    | GeneralCategory::EnclosingMark
            )
    })
}

/// NFC and trimmed: what a one-line field stores (checked by [`single_line`]).
pub fn tidy(raw: &str) -> String {
    nfc(raw.trim())
}

/// NFC, trimmed, and every line break a `\n`: what a multi-line field stores.
pub fn tidy_lines(raw: &str) -> String {
    nfc(raw.trim()).replace("\r\n", "\n").replace('\r', "\n")
}

/// A one-line field (a name, a title, an address): NFC, trimmed, and no line break or tab.
pub fn single_line(field: &str, raw: &str) -> Result<String, FieldError> {
    let text = tidy(raw);
    if let Some(c) = forbidden_char(&text) {
        return Err(forbidden_char_error(field, c));
    }
    if text.contains(['\n', '\r', '\t', '\u{2028}', '\u{2029}']) {
        return Err(FieldError::new(
            field,
            "line_break",
            "This field is one line: no line breaks or tabs.",
        ));
    }
    Ok(text)
}

/// A multi-line field (a description, a message): NFC, trimmed, line breaks as `\n`.
pub fn multi_line(field: &str, raw: &str) -> Result<String, FieldError> {
    let text = tidy_lines(raw);
    match forbidden_char(&text) {
        Some(c) => Err(forbidden_char_error(field, c)),
        None => Ok(text),
    }
}

/// A free-text field, one line or many: [`multi_line`] or [`single_line`].
pub fn field(field: &str, raw: &str, multi: bool) -> Result<String, FieldError> {
    if multi {
        multi_line(field, raw)
    } else {
        single_line(field, raw)
    }
}

/// A name (of a person, an association, a task): one line with something visible in it.
/// Empty text is left to the caller's "required" rule.
pub fn name(field: &str, raw: &str) -> Result<String, FieldError> {
    let text = single_line(field, raw)?;
    if !text.is_empty() && !has_visible(&text) {
        return Err(FieldError::new(
            field,
            "invisible",
            "Use visible characters (letters, digits or symbols).",
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forbidden_set_is_unicodes_controls_and_formatting_characters() {
        let joiners = ['\u{200c}', '\u{200d}'];
        for c in (0..=0xffff_u32).filter_map(char::from_u32) {
            let expected = match category(c) {
                GeneralCategory::Control => !matches!(c, '\t' | '\n' | '\r'),
                GeneralCategory::Format => !joiners.contains(&c),
                _ => false,
            };
            assert_eq!(
                forbidden_char(&c.to_string()).is_some(),
                expected,
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn openapi_says_the_same_set() {
        let spec = include_str!("../../openapi.yaml");
        let pattern: String = FORBIDDEN
            .iter()
            .map(|&(low, high)| {
                let code = |c: char| format!("\\u{:04X}", u32::from(c));
                if low == high {
                    code(low)
                } else {
                    format!("{}-{}", code(low), code(high))
                }
            })
            .collect();
        let line = format!("x-text-pattern: &text '^[^{pattern}]*$'");
        assert!(spec.contains(&line), "openapi.yaml should have: {line}");
    }

    #[test]
    fn control_and_format_characters_are_found_joiners_and_breaks_are_not() {
        assert_eq!(forbidden_char("a\u{0}b"), Some('\u{0}'));
        assert_eq!(forbidden_char("Ella\u{202e}gnp.exe"), Some('\u{202e}'));
        assert_eq!(forbidden_char("\u{200b}\u{200b}"), Some('\u{200b}'));
        assert_eq!(forbidden_char("\u{feff}Aino"), Some('\u{feff}'));
        assert_eq!(forbidden_char("x\u{85}y"), Some('\u{85}'), "C1 control");
        assert_eq!(forbidden_char("rivi\nrivi\r\n\tsarkain"), None);
        assert_eq!(forbidden_char("می\u{200c}خواهم 👩\u{200d}👧"), None);
        assert_eq!(forbidden_char("Åsa Öberg-Häkkinen"), None);
    }

    #[test]
    fn single_line_fields_refuse_breaks_and_normalise() {
        assert_eq!(
            single_line("name", "  e\u{301}lise ").as_deref(),
            Ok("élise")
        );
        let err = single_line("name", "Seura\r\nry").unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.code.as_str()),
            ("name", "line_break")
        );
        let err = single_line("name", "a\u{202e}b").unwrap_err();
        assert_eq!(err.code, "invalid_characters");
        assert!(err.message.contains("U+202E"), "{}", err.message);
    }

    #[test]
    fn multi_line_fields_keep_breaks_as_line_feeds() {
        assert_eq!(
            multi_line("d", "yksi\r\nkaksi\rkolme\n").as_deref(),
            Ok("yksi\nkaksi\nkolme")
        );
        assert!(multi_line("d", "a\u{0}").is_err());
    }

    #[test]
    fn names_need_something_visible() {
        assert_eq!(name("n", "\u{200d}\u{200d}").unwrap_err().code, "invisible");
        assert_eq!(name("n", "\u{301}").unwrap_err().code, "invisible");
        assert_eq!(name("n", "").as_deref(), Ok(""));
        assert_eq!(name("n", "Li").as_deref(), Ok("Li"));
        assert_eq!(name("n", "😀").as_deref(), Ok("😀"));
    }
}
