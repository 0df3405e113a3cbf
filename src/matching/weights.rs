//! Every weight of the recommendation ranking, in one place (the README's "Matching"
//! section explains them to people).
//!
//! A task's score is the sum of the weights of the signals it meets. Each signal counts a
//! fixed amount, whatever the text says: recommendations rank by what the volunteer told
//! us, not by how often a word appears. The weights are whole numbers or halves, so a sum
//! is exact and the same in every order of adding: equal scores are truly equal, and break
//! by the sooner start, then by the id (deterministic).

/// Per category of the task that is one of the volunteer's interests.
pub const INTEREST: f32 = 3.0;
/// Per category of the task that a task the volunteer completed and rated 4 or 5 had.
pub const LIKED_BEFORE: f32 = 2.0;
/// The task is in the volunteer's municipality.
pub const MUNICIPALITY: f32 = 4.0;
/// The task is elsewhere in the volunteer's region (not counted on top of the municipality).
pub const REGION: f32 = 2.0;
/// The task can be done remotely.
pub const REMOTE: f32 = 1.0;
/// The task can be done remotely and the volunteer is available for remote tasks only.
pub const REMOTE_ONLY: f32 = 4.0;
/// The task's time falls in one of the volunteer's availability slots (once, however many).
pub const AVAILABILITY: f32 = 2.0;
/// The task is in the volunteer's language.
pub const LANGUAGE: f32 = 1.0;
/// The task is marked beginner-friendly and the volunteer has not completed a task yet.
pub const BEGINNER_FRIENDLY: f32 = 2.0;
/// The task offers support and the volunteer asked for it.
pub const SUPPORTED: f32 = 2.0;
/// The task starts within [`SOON_DAYS`] days.
pub const STARTING_SOON: f32 = 1.0;
/// How near a start counts as soon.
pub const SOON_DAYS: i64 = 14;
/// A rating (1–5) from which a completed task's categories count as liked.
pub const LIKED_RATING: i32 = 4;
