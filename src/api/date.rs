//! Strict `YYYY-MM-DD` dates. chrono's parser also takes `2004-5-6`, `+2004-05-06` and
//! surrounding spaces; the API promises one form, so it accepts only that form.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::AppError;

/// Parses exactly `YYYY-MM-DD`.
pub fn parse_strict(value: &str) -> Option<NaiveDate> {
    let bytes = value.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// serde `deserialize_with` for a required strict date.
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let raw = String::deserialize(deserializer)?;
    parse_strict(&raw).ok_or_else(|| {
        serde::de::Error::custom(format!("'{raw}' is not a date of the form YYYY-MM-DD"))
    })
}

/// serde `deserialize_with` for an optional strict date (`null` or absent: `None`); use
/// with `#[serde(default)]`.
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(raw) => parse_strict(&raw).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("'{raw}' is not a date of the form YYYY-MM-DD"))
        }),
    }
}

/// The times `[start, end)` of a period of inclusive days `from`..=`to` (UTC), either end
/// open; `to` before `from` is a `422` naming `to`. The filters of the lists and figures
/// that take a period all read it so.
pub fn period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), AppError> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(AppError::field(
            "to",
            "before_from",
            "The end of the period is before its start.",
        ));
    }
    let start = from.map(|d| d.and_time(NaiveTime::MIN));
    // The day after `to` is where the period ends.
    let end = to
        .and_then(|d| d.succ_opt())
        .map(|d| d.and_time(NaiveTime::MIN));
    Ok((start, end))
}

/// serde `serialize_with` for a naive UTC time as the API shows times: RFC 3339 with `Z`.
pub fn utc<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    at.and_utc().serialize(serializer)
}

/// serde `serialize_with` for an optional naive UTC time (`null` when absent).
pub fn utc_opt<S: Serializer>(
    at: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    at.map(|at| at.and_utc()).serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::parse_strict;

    #[test]
    fn only_the_iso_calendar_form_is_a_date() {
        assert!(parse_strict("2004-05-06").is_some());
        for bad in [
            "2004-5-6",
            " 2004-05-06",
            "+2004-05-06",
            "2004-05-06 ",
            "2004-02-30",
            "20040506",
            "2004/05/06",
        ] {
            assert!(parse_strict(bad).is_none(), "{bad}");
        }
    }
}
