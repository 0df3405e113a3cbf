//! Reports of abuse (issue 14): anyone, signed in or not, can flag a task or an association
//! that looks wrong for young people; administrators work through the queue, take tasks
//! down, suspend associations and accounts, and close each report with an outcome that a
//! signed-in reporter is told by email. Every decision is in the audit trail.
//!
//! This feature sits above tasks and associations (it reads and moderates both) and
//! nothing below imports it.

pub mod model;
pub mod moderation;
pub mod routes;
