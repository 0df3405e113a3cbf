//! The life of a task and the one table of moves between its states: `lifecycle` refuses
//! any move the table does not list, and views and filters read the same enum.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a task stands; stored as the lowercase text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    /// Being written; only the association's members see it.
    Draft,
    /// Public and open for sign-ups (while its dates allow).
    Published,
    /// Public but no longer taking sign-ups; may be published again.
    Closed,
    /// Called off; final, and its open sign-ups were cancelled.
    Cancelled,
}

use TaskStatus::{Cancelled, Closed, Draft, Published};

/// Every allowed move: to a state, from these states.
const MOVES: [(TaskStatus, &[TaskStatus]); 3] = [
    (Published, &[Draft, Closed]),
    (Closed, &[Published]),
    (Cancelled, &[Draft, Published, Closed]),
];

impl TaskStatus {
    /// Every state.
    pub const ALL: [Self; 4] = [Draft, Published, Closed, Cancelled];

    /// The stored and serialised text.
    pub fn as_str(self) -> &'static str {
        match self {
            Draft => "draft",
            Published => "published",
            Closed => "closed",
            Cancelled => "cancelled",
        }
    }

    /// Reads the text form; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether a task in this state may move to `to`.
    pub fn can_move_to(self, to: Self) -> bool {
        MOVES
            .iter()
            .any(|(target, from)| *target == to && from.contains(&self))
    }
}

impl fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reading a stored status: text that names no state is corruption and is reported.
impl TryFrom<String> for TaskStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown task status {text:?} in the database"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_follow_the_lifecycle() {
        assert!(Draft.can_move_to(Published));
        assert!(Closed.can_move_to(Published));
        assert!(Published.can_move_to(Closed));
        assert!(!Draft.can_move_to(Closed));
        assert!(!Published.can_move_to(Draft));
        for status in TaskStatus::ALL {
            assert!(!Cancelled.can_move_to(status), "cancelled is final");
            assert!(!status.can_move_to(status), "{status} to itself");
            assert_eq!(TaskStatus::parse(status.as_str()), Some(status));
        }
        assert!(TaskStatus::try_from("Draft".to_owned()).is_err());
    }
}
