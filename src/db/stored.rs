//! Enums stored as text (statuses, events): the one place that turns a stored code back into
//! its variant, and a query parameter into a variant or a `422` naming the parameter.
//!
//! An enum lists its variants and codes once (`ALL`, `as_str`); reading an unknown code from
//! the database is corruption and fails the read, while an unknown code from a client is
//! their mistake and gets a field error listing the codes it could have been.

use crate::error::AppError;

/// A closed set of values stored as stable text codes.
pub trait StoredEnum: Copy + Eq + 'static {
    /// What the value is, for error messages ("referral status").
    const WHAT: &'static str;
    /// Every variant, in the order lists and messages show them.
    const ALL: &'static [Self];

    /// The stable code stored in the database and shown by the API.
    fn as_str(self) -> &'static str;

    /// The variant a stored code names; an unknown code is an error for the diesel read.
    fn from_stored(text: &str) -> Result<Self, String> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == text)
            .ok_or_else(|| format!("unknown {} {text:?} in the database", Self::WHAT))
    }

    /// The variant a query parameter `field` names, or a `422` (`unknown_value`) that
    /// lists the codes.
    fn from_param(field: &str, text: &str) -> Result<Self, AppError> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str() == text)
            .ok_or_else(|| {
                let codes: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                AppError::field(
                    field,
                    "unknown_value",
                    &format!("The {} is one of: {}.", Self::WHAT, codes.join(", ")),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Colour {
        Red,
        Blue,
    }

    impl StoredEnum for Colour {
        const WHAT: &'static str = "colour";
        const ALL: &'static [Self] = &[Self::Red, Self::Blue];

        fn as_str(self) -> &'static str {
            match self {
                Self::Red => "red",
                Self::Blue => "blue",
            }
        }
    }

    #[test]
    fn codes_read_back_and_unknown_ones_are_named() {
        for colour in Colour::ALL {
            assert_eq!(Colour::from_stored(colour.as_str()), Ok(*colour));
        }
        assert!(Colour::from_stored("green").unwrap_err().contains("colour"));
        let AppError::Validation(errors) = Colour::from_param("colour", "green").unwrap_err()
        else {
            panic!("a validation error");
        };
        assert_eq!(errors[0].field, "colour");
        assert!(errors[0].message.contains("red, blue"));
    }
}
