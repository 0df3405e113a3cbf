//! The figures the region reports to its funders (seuranta, issue 14): associations,
//! tasks, sign-ups, hours, referrals and decision times for a period and an area, as JSON
//! or CSV, with no count under 5 shown and none recoverable from what is shown.
//!
//! This feature sits on top: it reads every feature's tables and nothing imports it.

pub mod figures;
pub mod routes;
pub mod suppression;
