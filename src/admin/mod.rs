//! The regional coordinator's tools: verifying and suspending associations, deciding claims
//! and counsellor requests, failed emails and the audit trail. Every route requires the
//! administrator role.

pub mod emails;
pub mod routes;
