//! The states of a sign-up and the one table of steps between them. `transitions::apply`
//! refuses any step the table does not list, the decisions name their step and the views
//! and filters read the same enum, so the state machine is written down once.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Where a sign-up stands; stored as the snake_case text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignupStatus {
    Pending,
    Accepted,
    Waitlisted,
    Declined,
    Withdrawn,
    Completed,
    NoShow,
    Cancelled,
}

use SignupStatus::{
    Accepted, Cancelled, Completed, Declined, NoShow, Pending, Waitlisted, Withdrawn,
};

impl SignupStatus {
    /// Every state, in the order of the life of a sign-up.
    pub const ALL: [Self; 8] = [
        Pending, Accepted, Waitlisted, Declined, Withdrawn, Completed, NoShow, Cancelled,
    ];

    /// The states in which a sign-up still holds (or waits for) a place; a volunteer has
    /// at most one of these per task.
    pub const OPEN: [Self; 3] = [Pending, Accepted, Waitlisted];

    /// The stored and serialised text.
    pub fn as_str(self) -> &'static str {
        match self {
            Pending => "pending",
            Accepted => "accepted",
            Waitlisted => "waitlisted",
            Declined => "declined",
            Withdrawn => "withdrawn",
            Completed => "completed",
            NoShow => "no_show",
            Cancelled => "cancelled",
        }
    }

    /// Reads the text form; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the sign-up still holds or waits for a place.
    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }
}

impl fmt::Display for SignupStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Reading a stored status: text that names no state is corruption and is reported, not
/// defaulted.
impl TryFrom<String> for SignupStatus {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("unknown sign-up status {text:?} in the database"))
    }
}

/// A step of the state machine, named by what happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A member accepts (or the task's rules accept a waitlisted volunteer).
    Accept,
    /// A member declines.
    Decline,
    /// A member logs the task as done, with hours.
    Complete,
    /// A member records that the volunteer did not come.
    NoShow,
    /// The volunteer withdraws.
    Withdraw,
    /// The task was cancelled.
    Cancel,
    /// A place freed up on a task where a member decides: the first waitlisted volunteer
    /// now awaits a decision.
    MoveUpForReview,
}

/// The whole state machine: each step, the states it may start from and where it leads.
const STEPS: [(Step, &[SignupStatus], SignupStatus); 7] = [
    (Step::Accept, &[Pending, Waitlisted], Accepted),
    (Step::Decline, &[Pending, Waitlisted, Accepted], Declined),
    (Step::Complete, &[Accepted], Completed),
    (Step::NoShow, &[Accepted], NoShow),
    (Step::Withdraw, &SignupStatus::OPEN, Withdrawn),
    (Step::Cancel, &SignupStatus::OPEN, Cancelled),
    (Step::MoveUpForReview, &[Waitlisted], Pending),
];

impl Step {
    fn rule(self) -> (&'static [SignupStatus], SignupStatus) {
        STEPS
            .iter()
            .find(|(step, _, _)| *step == self)
            .map_or((&[], Pending), |(_, from, to)| (*from, *to))
    }

    /// The state this step leads to.
    pub fn target(self) -> SignupStatus {
        self.rule().1
    }

    /// Whether the step may start from `from`.
    pub fn allowed_from(self, from: SignupStatus) -> bool {
        self.rule().0.contains(&from)
    }

    /// The past participle used in a refusal ("… cannot be declined").
    pub fn verb(self) -> &'static str {
        match self {
            Self::Accept => "accepted",
            Self::Decline => "declined",
            Self::Complete => "completed",
            Self::NoShow => "marked as a no-show",
            Self::Withdraw => "withdrawn",
            Self::Cancel => "cancelled",
            Self::MoveUpForReview => "moved up",
        }
    }

    /// `Ok` if the step may start from `from`, else the 409 that names the current state.
    pub fn check(self, from: SignupStatus) -> Result<(), AppError> {
        if self.allowed_from(from) {
            Ok(())
        } else {
            Err(AppError::illegal_transition(from.as_str(), self.verb()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_unknown_text_is_refused() {
        for status in SignupStatus::ALL {
            assert_eq!(SignupStatus::parse(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).expect("serialise");
            assert_eq!(json, format!("\"{}\"", status.as_str()));
        }
        assert!(SignupStatus::try_from("accepted ".to_owned()).is_err());
        assert!(SignupStatus::try_from(String::new()).is_err());
    }

    #[test]
    fn every_step_is_in_the_table_once_and_ends_outside_its_start() {
        for (step, from, to) in STEPS {
            assert_eq!(STEPS.iter().filter(|(s, _, _)| *s == step).count(), 1);
            assert!(!from.contains(&to), "{step:?} would loop");
            assert_eq!(step.target(), to);
        }
    }

    #[test]
    fn closed_states_are_final_except_completed_feedback() {
        let finals = [Declined, Withdrawn, Completed, NoShow, Cancelled];
        for (step, _, _) in STEPS {
            for state in finals {
                assert!(!step.allowed_from(state), "{step:?} from {state}");
            }
        }
        assert!(Step::Accept.allowed_from(Waitlisted));
        assert!(Step::Decline.allowed_from(Accepted));
        assert!(!Step::Complete.allowed_from(Pending));
    }
}
