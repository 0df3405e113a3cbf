//! The demo's content, as Rust statics: the people, the associations with their services,
//! the tasks and the sign-ups. The modules that write them (`seed::people`,
//! `seed::associations`, `seed::tasks`, `seed::signups`) declare their shapes; the tables
//! live here, apart from that code, so that they read (and are edited) as data and no file
//! grows long. The associations and the tasks are split by region: Etelä-Karjala first,
//! then Kymenlaakso, which is also the order in which they are created.
//!
//! The tables refer to each other by index: an association's owner is an index into
//! [`people::PEOPLE`], a task's association an index into the demo's associations
//! (`seed::associations::all`: Etelä-Karjala's, then Kymenlaakso's). Each file defines the
//! indices of its own rows; the sign-ups name their upcoming tasks by title.

pub(super) mod associations_ek;
pub(super) mod associations_kymenlaakso;
pub(super) mod people;
pub(super) mod signups;
pub(super) mod tasks_ek;
pub(super) mod tasks_kymenlaakso;
