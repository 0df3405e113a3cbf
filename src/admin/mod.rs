//! The regional coordinator's tools: verifying and suspending associations and deciding
//! claims. Every route requires the administrator role.

pub mod routes;
