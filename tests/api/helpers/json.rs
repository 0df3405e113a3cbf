//! Reading JSON answers: problem+json, and typed reads that fail naming what is missing.

use serde_json::Value;

/// Asserts a problem+json response and returns its body.
pub async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "unexpected status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/problem+json"),
        "content type {content_type}"
    );
    let body: Value = response.json().await.expect("problem body");
    assert_eq!(body["status"], status);
    assert!(body["type"].is_string() && body["title"].is_string());
    body
}

/// The fields a 422 problem names.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Typed reads of a JSON answer, instead of digging strings out of it by hand. Each
/// panics naming the key it missed and the value it looked in.
pub trait JsonExt {
    /// The string at `key`.
    fn str_at(&self, key: &str) -> &str;
    /// The `id` of a created or listed thing.
    fn id(&self) -> String;
    /// The elements of this array (say `page["items"]`).
    fn list(&self) -> &[Value];
    /// The string at `key` of each element of this array, in order: the titles of
    /// `page["items"]`, the states of `signup["history"]`.
    fn pluck(&self, key: &str) -> Vec<String>;
}

impl JsonExt for Value {
    fn str_at(&self, key: &str) -> &str {
        self[key]
            .as_str()
            .unwrap_or_else(|| panic!("no string at {key:?} in {self}"))
    }

    fn id(&self) -> String {
        self.str_at("id").to_owned()
    }

    fn list(&self) -> &[Value] {
        self.as_array()
            .unwrap_or_else(|| panic!("not an array: {self}"))
    }

    fn pluck(&self, key: &str) -> Vec<String> {
        self.list()
            .iter()
            .map(|item| item.str_at(key).to_owned())
            .collect()
    }
}
