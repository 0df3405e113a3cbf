//! Authentication primitives: passwords, sessions with rotating refresh tokens, access JWTs,
//! one-time email tokens, rate limits and the extractor that proves a live session. They
//! know nothing of accounts' rules; the account flows that use them (registration, login,
//! password reset and the `/auth/*` routes) live in [`crate::accounts`].

pub mod email_tokens;
pub mod extractor;
pub mod jwt;
pub mod passwords;
pub mod rate_limit;
pub mod sessions;
pub mod tokens;

pub use extractor::{AuthUser, MaybeAuthUser};
