//! Volunteer tasks (vapaaehtoistehtävät): posting, the draft → published → closed /
//! cancelled lifecycle, and search.

pub mod association_hooks;
pub mod draft;
pub mod hooks;
pub mod ics;
pub mod input;
pub mod lifecycle;
pub mod model;
pub mod routes;
pub mod search;
pub mod slots;
pub mod status;
pub mod timers;
