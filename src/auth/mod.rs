//! Authentication: passwords, sessions with rotating refresh tokens, access JWTs, one-time
//! email tokens, rate limits, and the `/auth/*` routes.

pub mod email_tokens;
pub mod extractor;
pub mod jwt;
pub mod login;
pub mod password_reset;
pub mod passwords;
pub mod rate_limit;
pub mod routes;
pub mod sessions;
pub mod tokens;

pub use extractor::{AdminUser, AuthUser, MaybeAuthUser};
