//! JSON kept in text columns (`languages`, `placement`, `social_links`): both backends store
//! it as TEXT, and every read and write goes through [`JsonText`] (for columns loaded into a
//! struct) or [`read`] and [`write`]. A value that does not parse is corruption and is
//! reported (a logged 500), never read as empty: a silently emptied list would be written
//! back on the next edit.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// A typed value stored as JSON text. In a diesel struct, load it with
/// `#[diesel(deserialize_as = String)]` (or `Option<String>` for a nullable column holding
/// `JsonText<Option<T>>`) and store it with `#[diesel(serialize_as = String)]`; text that
/// does not parse fails the load. It serialises to the API as the value itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct JsonText<T>(pub T);

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "corrupt JSON for {} in the database: {e}",
            std::any::type_name::<T>()
        )
    })
}

fn unparse<T: Serialize>(value: &T) -> String {
    // Only lists, strings and structs with string keys are stored, which always serialise.
    serde_json::to_string(value).unwrap_or_else(|e| {
        tracing::error!(error = %e, "a JSON column value did not serialise");
        String::from("null")
    })
}

impl<T: DeserializeOwned> TryFrom<String> for JsonText<T> {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        parse(&text).map(Self)
    }
}

impl<T: DeserializeOwned> TryFrom<Option<String>> for JsonText<Option<T>> {
    type Error = String;

    fn try_from(text: Option<String>) -> Result<Self, Self::Error> {
        text.as_deref().map(parse).transpose().map(Self)
    }
}

impl<T: Serialize> From<JsonText<T>> for String {
    fn from(value: JsonText<T>) -> Self {
        unparse(&value.0)
    }
}

impl<T: Serialize> From<JsonText<Option<T>>> for Option<String> {
    fn from(value: JsonText<Option<T>>) -> Self {
        value.0.as_ref().map(unparse)
    }
}

/// Reads the JSON of `column`.
pub fn read<T: DeserializeOwned>(column: &'static str, text: &str) -> Result<T, AppError> {
    serde_json::from_str(text)
        .map_err(|e| AppError::internal(format!("corrupt JSON in column {column}: {e}")))
}

/// Writes a value for a JSON text column.
pub fn write<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value)
        .map_err(|e| AppError::internal(format!("serialising a JSON column: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corruption_is_an_error_naming_the_column() {
        let list: Vec<String> = read("languages", r#"["fi","sv"]"#).expect("valid");
        assert_eq!(list, ["fi", "sv"]);
        let err = read::<Vec<String>>("languages", "[\"fi\"").expect_err("truncated");
        assert!(err.to_string().contains("languages"), "{err}");
        assert!(read::<Vec<String>>("languages", "").is_err());
        assert_eq!(write(&vec!["en"]).expect("write"), r#"["en"]"#);
    }

    #[test]
    fn json_text_round_trips_and_refuses_corruption() {
        let list = JsonText::<Vec<String>>::try_from(r#"["fi"]"#.to_owned()).expect("valid");
        assert_eq!(String::from(list), r#"["fi"]"#);
        assert!(JsonText::<Vec<String>>::try_from("{".to_owned()).is_err());
        let none = JsonText::<Option<Vec<String>>>::try_from(None).expect("null column");
        assert_eq!(Option::<String>::from(none), None);
        let some = JsonText::<Option<Vec<String>>>::try_from(Some("[]".to_owned())).expect("[]");
        assert_eq!(Option::<String>::from(some), Some("[]".to_owned()));
    }
}
