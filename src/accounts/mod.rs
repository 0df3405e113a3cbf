//! Accounts: registration, email verification, logging in and out, password reset, roles
//! (administrator, service counsellor) and the user's own profile; the `/auth/*` and `/me` routes.

pub mod auth_routes;
pub mod counsellors;
pub mod login;
pub mod model;
pub mod password_reset;
pub mod profile;
pub mod registration;
pub mod roles;
pub mod routes;
