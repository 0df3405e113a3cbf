//! How pages write times and amounts: in Finnish time (the tasks are in Finland, whatever
//! the reader's device says), in the reader's language's way.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Europe::Helsinki;

use crate::i18n::Language;

/// A moment as a reader in Finland reads it: `15.6.2026 klo 10.00`, `15.6.2026 kl. 10.00`,
/// `15 Jun 2026, 10:00`.
pub fn moment(lang: Language, at: NaiveDateTime) -> String {
    let local = at.and_utc().with_timezone(&Helsinki);
    match lang {
        Language::Fi => local.format("%-d.%-m.%Y klo %-H.%M").to_string(),
        Language::Sv => local.format("%-d.%-m.%Y kl. %-H.%M").to_string(),
        Language::En => local.format("%-d %b %Y, %H:%M").to_string(),
    }
}

/// A day: `15.6.2026`, or `15 Jun 2026`.
pub fn day(lang: Language, at: NaiveDateTime) -> String {
    let local = at.and_utc().with_timezone(&Helsinki);
    match lang {
        Language::En => local.format("%-d %b %Y").to_string(),
        _ => local.format("%-d.%-m.%Y").to_string(),
    }
}

/// A calendar date (no time of day, so no zone): [`day`]'s format.
pub fn date(lang: Language, on: chrono::NaiveDate) -> String {
    match lang {
        Language::En => on.format("%-d %b %Y").to_string(),
        _ => on.format("%-d.%-m.%Y").to_string(),
    }
}

/// [`hours`] of an optional amount; empty when there is none.
pub fn some_hours(lang: Language, h: Option<f64>) -> String {
    h.map(|h| hours(lang, h)).unwrap_or_default()
}

/// [`moment`] of a UTC time from a view.
pub fn utc_moment(lang: Language, at: DateTime<Utc>) -> String {
    moment(lang, at.naive_utc())
}

/// A machine-readable time for `<time datetime>`.
pub fn iso(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Hours with at most one decimal, in the language's way (`2,5` or `2.5`).
pub fn hours(lang: Language, h: f64) -> String {
    let text = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    };
    match lang {
        Language::En => text,
        _ => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_finnish_local_time_in_each_language() {
        // 07:00 UTC in June is 10:00 in Helsinki (summer time).
        let at = chrono::NaiveDate::from_ymd_opt(2026, 6, 15)
            .unwrap()
            .and_hms_opt(7, 0, 0)
            .unwrap();
        assert_eq!(moment(Language::Fi, at), "15.6.2026 klo 10.00");
        assert_eq!(moment(Language::Sv, at), "15.6.2026 kl. 10.00");
        assert_eq!(moment(Language::En, at), "15 Jun 2026, 10:00");
        assert_eq!(hours(Language::Fi, 2.5), "2,5");
        assert_eq!(hours(Language::En, 3.0), "3");
        assert_eq!(some_hours(Language::Fi, None), "");
        let on = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(date(Language::Sv, on), "31.12.2026");
        assert_eq!(date(Language::En, on), "31 Dec 2026");
    }
}
