//! A stale edit shows what changed instead of overwriting it. An edit form carries the
//! record's version and, in one hidden field, the values its reader saw; when the feature
//! refuses the edit because the version moved on (412, the API's `If-Match`), the page
//! lists each field someone else changed meanwhile (was → now), keeps the reader's own
//! input in the form, and takes the new version, so saving again is a decision made
//! knowing the other change.

use std::collections::BTreeMap;

use crate::web::page::Page;
use crate::web::reference::Lists;

/// One field that changed after the reader opened the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The field's label in the reader's language.
    pub label: String,
    pub was: String,
    pub now: String,
}

/// What an edit form sent back of its own state: the version it was opened at (`None`
/// when missing or not a number, which the feature then refuses as stale) and the sealed
/// values it showed.
pub fn opened_at(pairs: &[(String, String)]) -> (Option<i32>, String) {
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    (value("version").trim().parse().ok(), value("seen"))
}

/// Packs the values a form shows into the hidden `seen` field (repeated keys allowed).
pub fn seal(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn grouped(pairs: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, value) in pairs {
        let values = map.entry(key.clone()).or_default();
        if !value.trim().is_empty() {
            values.push(value.trim().to_owned());
        }
    }
    for values in map.values_mut() {
        values.sort();
    }
    map
}

/// The fields whose current value differs from what the reader saw (`seen` as sealed),
/// in the order of `current`, labelled by `label` (a field without a label is skipped:
/// it is not on the form).
pub fn changes(
    seen: &str,
    current: &[(String, String)],
    label: impl Fn(&str) -> Option<String>,
    show: impl Fn(&str, &str) -> String,
) -> Vec<Change> {
    let seen: Vec<(String, String)> = serde_urlencoded::from_str(seen).unwrap_or_default();
    let (seen, now) = (grouped(&seen), grouped(current));
    let mut order: Vec<&String> = Vec::new();
    for (key, _) in current {
        if !order.contains(&key) {
            order.push(key);
        }
    }
    order
        .into_iter()
        .filter_map(|key| {
            let (was, now) = (seen.get(key), now.get(key));
            let empty = Vec::new();
            let (was, now) = (was.unwrap_or(&empty), now.unwrap_or(&empty));
            (was != now).then_some(())?;
            let words = |values: &Vec<String>| {
                if values.is_empty() {
                    "–".to_owned()
                } else {
                    let shown: Vec<String> = values.iter().map(|v| show(key, v)).collect();
                    shown.join(", ")
                }
            };
            Some(Change {
                label: label(key)?,
                was: words(was),
                now: words(now),
            })
        })
        .collect()
}

/// A stored value as the reader knows it: names for codes (municipality, category), words
/// for choices, "yes" for a ticked box.
pub fn readable(page: &Page, lists: &Lists, field: &str, value: &str) -> String {
    let worded = |key: String| {
        if crate::i18n::has_text(page.lang, &key) {
            page.t(&key)
        } else {
            value.to_owned()
        }
    };
    match field {
        "municipality_code" => lists.municipality_name(value, page.lang),
        "category" | "field_of_activity" => lists.category_name(value, page.lang),
        "schedule_type" => worded(format!("schedule-{value}")),
        "approval_mode" => worded(format!("task-form-approval-{value}")),
        "language" => worded(format!("language-{value}")),
        _ if value == "true" => page.t("stale-yes"),
        _ => value.to_owned(),
    }
}

/// The form to show after a conflict: the editor's value where they changed a field (what
/// they sent differs from what they saw), the current value everywhere else, so that
/// saving again keeps the other person's changes to the fields this editor left alone.
pub fn merge(
    seen: &str,
    sent: &[(String, String)],
    current: &[(String, String)],
) -> Vec<(String, String)> {
    let seen: Vec<(String, String)> = serde_urlencoded::from_str(seen).unwrap_or_default();
    let (seen_map, sent_map) = (grouped(&seen), grouped(sent));
    let mut keys: Vec<&String> = Vec::new();
    for (key, _) in current.iter().chain(sent) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut merged = Vec::new();
    for key in keys {
        let touched = seen_map.get(key) != sent_map.get(key);
        let source = if touched { sent } else { current };
        merged.extend(source.iter().filter(|(k, _)| k == key).cloned());
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn only_the_fields_changed_meanwhile_are_listed_with_both_values() {
        let seen = seal(&pairs(&[
            ("title", "Siivous"),
            ("category", "b"),
            ("category", "a"),
            ("spots", "4"),
            ("secret", "x"),
        ]));
        let now = pairs(&[
            ("title", "Siivous"),
            ("category", "a"),
            ("category", "b"),
            ("spots", "6"),
            ("secret", "y"),
        ]);
        let found = changes(
            &seen,
            &now,
            |k| (k != "secret").then(|| k.to_uppercase()),
            |_, v| v.to_owned(),
        );
        assert_eq!(
            found,
            vec![Change {
                label: "SPOTS".into(),
                was: "4".into(),
                now: "6".into()
            }]
        );
        // After the conflict the form keeps the editor's own change and takes the other's.
        let sent = pairs(&[
            ("title", "Rantasiivous"),
            ("category", "a"),
            ("category", "b"),
            ("spots", "4"),
            ("secret", "x"),
        ]);
        let merged = merge(&seen, &sent, &now);
        let get = |k: &str| {
            merged
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("title"), ["Rantasiivous"], "the editor's change");
        assert_eq!(
            get("spots"),
            ["6"],
            "the other's change, which the editor left alone"
        );
        assert_eq!(get("category"), ["a", "b"]);
        // A form without the hidden field (an old page) shows every filled field as new.
        let all = changes("", &now, |k| Some(k.to_owned()), |_, v| v.to_owned());
        assert_eq!(all.len(), 4);
        assert_eq!(all[0].was, "–", "an empty value reads as a dash");
    }
}
