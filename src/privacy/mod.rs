//! Privacy (issue 14): what the service keeps about a person, given to them on request
//! (GDPR Articles 15 and 20), and forgotten on request (Article 17). This feature sits on
//! top of the others: it reads and erases every feature's rows, and nothing below imports
//! it (`DELETE /me` is handed to the accounts routes by `startup.rs`).

pub mod erasure;
pub mod export;
pub mod retention;
pub mod routes;
