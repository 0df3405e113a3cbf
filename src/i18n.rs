//! The three languages Talkoot speaks (Finnish, Swedish, English): emails, reference names
//! and the web pages follow the reader's choice, Finnish by default. It sits below
//! every feature because the email templates, accounts and associations all need it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};

/// A user's preferred language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fi,
    Sv,
    En,
}

impl Language {
    /// The code stored in the database and sent in the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fi => "fi",
            Self::Sv => "sv",
            Self::En => "en",
        }
    }

    /// Reads a stored code; an unknown one (never written by us) falls back to Finnish.
    pub fn from_code(code: &str) -> Self {
        match code {
            "sv" => Self::Sv,
            "en" => Self::En,
            _ => Self::Fi,
        }
    }
}

impl Language {
    /// The three, in the order the language switcher shows them.
    pub const ALL: [Self; 3] = [Self::Fi, Self::Sv, Self::En];

    /// Reads a code from a URL (`/fi/…`); `None` for anything else.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, for the switcher (a reader looks for their language in
    /// their language).
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fi => "Suomi",
            Self::Sv => "Svenska",
            Self::En => "English",
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
            [
                fluent_templates::langid!("fi"),
                fluent_templates::langid!("sv"),
                fluent_templates::langid!("en"),
            ]
        });
        match self {
            Self::Fi => &IDS[0],
            Self::Sv => &IDS[1],
            Self::En => &IDS[2],
        }
    }

    /// The language a browser prefers (`Accept-Language`, RFC 9110 §12.5.4) among ours,
    /// Finnish when it names none of them.
    pub fn negotiate(accept_language: &str) -> Self {
        let mut best: Option<(f32, usize, Self)> = None;
        for (position, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let Some(lang) = Self::parse(primary) else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            // Higher quality wins; on a tie, the one listed first.
            if best.is_none_or(|(q, p, _)| quality > q || (quality == q && position < p)) {
                best = Some((quality, position, lang));
            }
        }
        best.map_or(Self::Fi, |(_, _, lang)| lang)
    }
}

fluent_templates::static_loader! {
    // Every text a person reads, in `locales/{fi,sv,en}/*.ftl`: a translator edits one
    // place. All three languages run left to right, so Fluent's bidi isolation marks
    // around arguments would only be invisible noise in pages and emails.
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fi",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A text in a language (`key` as in the `.ftl` files).
pub fn text(lang: Language, key: &str) -> String {
    LOCALES.lookup(lang.langid(), key)
}

/// A text with its arguments (`{ $name }` in the `.ftl` files).
pub fn text_with(
    lang: Language,
    key: &str,
    args: &[(&'static str, FluentValue<'static>)],
) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(lang.langid(), key, &args)
}

/// Like [`text_with`], but the arguments may borrow: an email passes a dozen values it
/// already holds (names, links, times written for the reader), and copying each into a
/// `'static` value only to look its text up would be waste.
pub fn text_borrowed(
    lang: Language,
    key: &str,
    args: &[(&'static str, FluentValue<'_>)],
) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(lang.langid(), key, &args)
}

/// Whether a key has a text in the language itself (not only by falling back to Finnish).
pub fn has_text(lang: Language, key: &str) -> bool {
    LOCALES.try_lookup(lang.langid(), key).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_then_order() {
        assert_eq!(Language::negotiate("sv-FI,sv;q=0.9,en;q=0.8"), Language::Sv);
        assert_eq!(Language::negotiate("de,en;q=0.5,fi;q=0.7"), Language::Fi);
        assert_eq!(Language::negotiate("en-GB, sv"), Language::En);
        assert_eq!(Language::negotiate("de-DE"), Language::Fi);
        assert_eq!(Language::negotiate(""), Language::Fi);
        assert_eq!(Language::negotiate("sv;q=0, en;q=0.1"), Language::En);
    }

    /// Every key of every `.ftl` file exists in all three languages: a page never falls
    /// back to Finnish in the middle of a Swedish sentence.
    #[test]
    fn every_language_has_every_key() {
        let keys = |lang: &str| -> std::collections::BTreeSet<String> {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang);
            let mut keys = std::collections::BTreeSet::new();
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines() {
                    if let Some((key, _)) = line.split_once(" =")
                        && !key.starts_with([' ', '#', '.', '*', '['])
                        && !key.is_empty()
                    {
                        // One bundle holds every file: a key written twice would load
                        // only one of its texts.
                        let fresh = keys.insert(key.trim().to_owned());
                        assert!(fresh, "{key} is defined twice ({})", path.display());
                    }
                }
            }
            keys
        };
        let fi = keys("fi");
        assert!(fi.len() > 20, "the Finnish texts were not found");
        for lang in ["sv", "en"] {
            let other = keys(lang);
            let missing: Vec<_> = fi.difference(&other).collect();
            let extra: Vec<_> = other.difference(&fi).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has keys Finnish lacks: {extra:?}");
        }
        // Every variable the texts use, so that a text with one resolves too: the web's
        // (name, status, count), then the emails' (src/email/templates*.rs). A text using
        // any other fails below.
        let mut args: HashMap<&str, FluentValue<'_>> = [
            "name",
            "status",
            "link",
            "reset-link",
            "register-link",
            "association",
            "inviter",
            "role",
            "member",
            "task",
            "volunteer",
            "details",
            "starts",
            "contact",
            "accepted",
            "hours",
            "one-hour",
            "organisation",
            "reason",
            "counsellor",
            "offer",
            "service",
            "groups",
            "search",
            "title",
            "when",
            "place",
            "volunteers",
            "target",
            "acted",
            "day",
            "email",
            "time",
        ]
        .into_iter()
        .map(|name| (name, FluentValue::from("x")))
        .collect();
        args.insert("count", FluentValue::from(2));
        args.insert("days", FluentValue::from(30));
        for lang in Language::ALL {
            for key in &fi {
                // In the language itself, without falling back to Finnish, and failing on
                // a missing argument (which the lenient lookups would hide behind the
                // fallback or an "Unknown localization key" text).
                let loaded = LOCALES.lookup_single_language(lang.langid(), key, Some(&args));
                assert!(
                    loaded.is_ok(),
                    "{key} does not load in {lang:?}: {loaded:?}"
                );
            }
        }
    }

    #[test]
    fn arguments_are_not_wrapped_in_isolation_marks() {
        let s = text_with(Language::En, "search-results-count", &[("count", 3.into())]);
        assert!(!s.contains('\u{2068}'), "{s:?}");
        assert!(s.contains('3'), "{s:?}");
    }
}
