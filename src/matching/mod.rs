//! Matching (issue 13): the service does part of the looking. Recommendations rank the
//! open tasks for one volunteer by what they told us (interests, place, availability,
//! language, support) and what they did, each with its reasons; similar tasks offer
//! alternatives to one task. Saved searches and follows of associations say what a
//! volunteer wants to hear about; [`alerts`] tells them when a new task matches, in a
//! digest they can stop with one click ([`unsubscribe`]).
//!
//! Both are queries on the search index (`crate::search`), so they stay fast at national
//! size; the weights live in [`weights`]. This feature sits above signups (it uses their
//! age rule) and below the web front end.

pub mod alerts;
pub mod follows;
pub mod ranking;
pub mod recommend;
pub mod routes;
pub mod saved_searches;
pub mod scan;
pub mod similar;
pub mod unsubscribe;
pub mod volunteer;
pub mod weights;
