//! The three languages Talkoot speaks (Finnish, Swedish, English): emails, reference names
//! and (later) the web pages follow the reader's choice, Finnish by default. It sits below
//! every feature because the email templates, accounts and associations all need it.

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
