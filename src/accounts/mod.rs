//! Accounts: registration, email verification and the user's own profile.

pub mod language;
pub mod model;
pub mod profile;
pub mod registration;
pub mod routes;

pub use language::Language;
