//! Talkoot: a volunteer-matching service for a region's associations.
//!
//! The library holds everything; `main.rs` only parses the command line. Features live in
//! their own modules (`accounts`, `auth`, `reference`, …), each owning its model, queries
//! and routes; `db`, `email`, `error`, `config` and `api` are shared.

pub mod accounts;
pub mod admin;
pub mod api;
pub mod associations;
pub mod audit;
pub mod auth;
pub mod changes;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod email;
pub mod error;
pub mod health;
pub mod i18n;
pub mod jobs;
pub mod matching;
pub mod privacy;
pub mod reference;
pub mod referrals;
pub mod reports;
pub mod search;
pub mod seed;
pub mod signups;
pub mod startup;
pub mod state;
pub mod stats;
pub mod tasks;
pub mod telemetry;
pub mod web;
