//! End-to-end tests: the real server on a random port, spoken to over HTTP, on SQLite and on
//! PostgreSQL, each test with its own fresh database.

// The crate's lints forbid panicking shortcuts; a test and its helpers stop at the first
// surprise on purpose (clippy.toml covers `#[test]` functions, not the shared helpers).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests fail by panicking"
)]

mod helpers;
mod smtp;
mod stats;
mod web_client;

mod accounts_profile;
mod address_timing;
mod admin_audit;
mod admin_cli;
mod admin_emails;
mod association_import;
mod associations_authz;
mod associations_flow;
mod associations_invitations;
mod associations_search;
mod auth_flow;
mod bad_input;
mod caching;
mod counsellors;
mod email_delivery;
mod email_throttle;
mod enumeration;
mod health_and_errors;
mod hidden_characters;
mod jobs;
mod matching;
mod matching_alerts;
mod matching_saved;
mod password_reset;
mod privacy_erasure;
mod privacy_export;
mod privacy_retention;
mod rate_limits;
mod reference_data;
mod referrals_authz;
mod referrals_flow;
mod referrals_rules;
mod referrals_support;
mod reminders_calendar;
mod reports;
mod request_logs;
mod search_index;
mod seed_demo;
mod seed_scale;
mod services_search;
mod signups_age_limits;
mod signups_concurrency;
mod signups_flow;
mod signups_hours;
mod signups_rules;
mod signups_support;
mod tasks_lifecycle;
mod tasks_search;
mod token_attacks;
mod volunteer_record;
mod web_admin;
mod web_alerts;
mod web_manage;
mod web_pages;
