//! Privacy (issue 14): what the service keeps about a person, given to them on request
//! (GDPR Articles 15 and 20). This feature sits on top of the others: it reads every
//! feature's tables, and nothing below imports it.

pub mod export;
pub mod routes;
