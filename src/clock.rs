//! The time that time-driven work reads: when a referral expires, when a job is due.
//!
//! In production this is the system clock. Tests build an [`Clock::adjustable`] one and move
//! it forward (`advance`) to see thirty days pass in a second, against the real server and
//! its real scheduler, instead of sleeping or writing due times by hand. The clock only ever
//! moves forward, so what was due stays due.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{Duration, NaiveDateTime, Utc};

/// Now, as the application sees it: the system time plus a skew that only an adjustable
/// clock has. Cloning shares the skew, so every part of one application (and a second
/// instance built from the same configuration) reads the same time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Milliseconds ahead of the system time; `None` for the system clock.
    skew_ms: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock (what `Config::from_env` uses).
    pub fn system() -> Self {
        Self { skew_ms: None }
    }

    /// A clock that starts at the system time and can be moved forward with
    /// [`Clock::advance`]; for tests.
    pub fn adjustable() -> Self {
        Self {
            skew_ms: Some(Arc::new(AtomicI64::new(0))),
        }
    }

    /// The current time in UTC (naive, as the database stores it).
    pub fn now(&self) -> NaiveDateTime {
        let now = Utc::now().naive_utc();
        match &self.skew_ms {
            Some(skew) => now + Duration::milliseconds(skew.load(Ordering::SeqCst)),
            None => now,
        }
    }

    /// Moves an adjustable clock forward by `by` (a negative or a system clock's advance
    /// does nothing, so that time never runs backwards under a running scheduler).
    pub fn advance(&self, by: Duration) {
        if let Some(skew) = &self.skew_ms {
            skew.fetch_add(by.num_milliseconds().max(0), Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_adjustable_clock_moves_forward_and_its_clones_follow() {
        let clock = Clock::adjustable();
        let copy = clock.clone();
        let before = clock.now();
        clock.advance(Duration::days(30));
        assert!(copy.now() - before >= Duration::days(30));
        clock.advance(Duration::days(-60));
        assert!(copy.now() - before >= Duration::days(30));
    }

    #[test]
    fn the_system_clock_cannot_be_moved() {
        let clock = Clock::system();
        clock.advance(Duration::days(30));
        assert!(clock.now() - Utc::now().naive_utc() < Duration::days(1));
    }
}
