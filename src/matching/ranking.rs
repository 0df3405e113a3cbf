//! The recommendation ranking: [`Wanted`] is the volunteer's profile turned into the same
//! numbers the index keeps per task (a category mask, place numbers, [`match_bits`]), and
//! its score of a task is the sum of the weights of the signals the task meets
//! (`crate::matching::weights`). [`Kept`] keeps the best `k` as tasks are scored
//! (`crate::matching::scan` scores them).
//!
//! The order is the score (highest first), then the sooner start, then the task's
//! tie-break number: total and deterministic.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::{Duration, NaiveDateTime};
use tantivy::DocAddress;

use crate::accounts::model::age_on;
use crate::matching::volunteer::Volunteer;
use crate::matching::weights as w;
use crate::search::documents::{Categories, code_number, micros};
use crate::search::match_columns::{NO_AGE_LIMIT, Row, place_of, row_flags};
use crate::search::schema::match_bits;

/// Availability that is not a time: matched against the remote flag instead.
pub const REMOTE_ONLY: &str = "remote_only";

/// What a remote task adds for `v`: more for someone available for remote tasks only.
pub fn remote_weight(v: &Volunteer) -> f32 {
    if v.availability.iter().any(|s| s == REMOTE_ONLY) {
        w::REMOTE_ONLY
    } else {
        w::REMOTE
    }
}

/// A weight in half points. Every weight is whole or a half (`weights`), so a score in
/// half points is an exact integer, and adding one needs no branch.
const fn halves(points: f32) -> u32 {
    (points * 2.0) as u32
}

/// The weights that are the same for every volunteer, in half points: constants, so that
/// multiplying by one is a shift.
const INTEREST: u32 = halves(w::INTEREST);
const LIKED_BEFORE: u32 = halves(w::LIKED_BEFORE);
const MUNICIPALITY: u32 = halves(w::MUNICIPALITY);
const REGION: u32 = halves(w::REGION);
const LANGUAGE: u32 = halves(w::LANGUAGE);
const STARTING_SOON: u32 = halves(w::STARTING_SOON);

/// How many bits `x` has set. Tasks have a few categories, so two cheap tests cover
/// nearly every task, and the full count is left for the rare task that shares three or
/// more with the volunteer (the portable `count_ones` is a dozen instructions where the
/// CPU's own is not assumed).
#[inline]
fn shared(x: u64) -> u32 {
    let rest = x & x.wrapping_sub(1);
    if rest & rest.wrapping_sub(1) != 0 {
        return x.count_ones();
    }
    u32::from(x != 0) + u32::from(rest != 0)
}

/// The volunteer's side of the score, as the numbers the index keeps.
#[derive(Debug, Clone)]
pub struct Wanted {
    interests: u64,
    liked: u64,
    /// Place numbers as a [`Row`] keeps them (0 for none).
    municipality_no: u16,
    region_no: u8,
    /// The volunteer's language as a bit of [`Row::traits`].
    language: u32,
    /// What each combination of a row's flags (remote, beginner-friendly, supported,
    /// availability slots) adds, in half points: one lookup instead of a test per flag.
    flag_points: [u32; row_flags::COMBINATIONS],
    /// Starts in `[from, to]` count as soon (microseconds).
    soon: (i64, i64),
    /// The ages a task must admit: `(age, age)`, or `(0, i32::MAX)` without a birth date
    /// (only tasks without limits).
    ages: (i64, i64),
    /// The same as bytes, for a row's limits: its minimum at most the first, its maximum
    /// at least the second (255, none, without a birth date).
    age_bytes: (u8, u8),
}

impl Wanted {
    /// The volunteer's profile at `now`, in the index's numbers.
    pub fn of(v: &Volunteer, categories: &Categories, now: NaiveDateTime) -> Self {
        let mask = |list: &[String]| list.iter().fold(0, |m, c| m | categories.bit(c));
        let (ages, age_bytes) = match v.birth_date {
            Some(born) => {
                let age = i64::from(age_on(born, now.date()));
                let byte = age.clamp(0, 254) as u8;
                ((age, age), (byte, byte))
            }
            None => ((0, i64::from(i32::MAX)), (0, NO_AGE_LIMIT)),
        };
        let slots = v
            .availability
            .iter()
            .fold(0, |m, s| m | match_bits::slot(s));
        // A row of this volunteer's own slots and language, and their place, to read them
        // as the rows keep them.
        let own = Row::new(0, slots | match_bits::language(&v.language), 0, i64::MAX);
        let (municipality_no, region_no) = place_of(
            code_number(v.municipality.as_deref()),
            code_number(v.region.as_deref()),
        );
        let only_if = |wanted: bool, points: f32| if wanted { halves(points) } else { 0 };
        let mut flag_points = [0; row_flags::COMBINATIONS];
        for (flags, points) in flag_points.iter_mut().enumerate() {
            let flags = flags as u32;
            let has = |flag: u8| flags & u32::from(flag) != 0;
            *points = only_if(has(row_flags::REMOTE), remote_weight(v))
                + only_if(
                    has(row_flags::BEGINNER_FRIENDLY) && v.completed == 0,
                    w::BEGINNER_FRIENDLY,
                )
                + only_if(has(row_flags::SUPPORTED) && v.wants_support, w::SUPPORTED)
                + only_if(has(own.flags() as u8 & row_flags::SLOTS), w::AVAILABILITY);
        }
        Self {
            interests: mask(&v.interests),
            liked: mask(&v.liked),
            municipality_no,
            region_no,
            language: own.traits & !(row_flags::COMBINATIONS as u32 - 1),
            flag_points,
            soon: (micros(now), micros(now + Duration::days(w::SOON_DAYS))),
            ages,
            age_bytes,
        }
    }

    /// Whether a task with these age limits admits the volunteer.
    pub fn admits(&self, min_age: i64, max_age: i64) -> bool {
        min_age <= self.ages.0 && max_age >= self.ages.1
    }

    /// Whether tasks with these limits, as a row keeps them, admit the volunteer:
    /// [`Wanted::admits`] on bytes.
    pub fn admits_bytes(&self, min_age: u8, max_age: u8) -> bool {
        min_age <= self.age_bytes.0 && max_age >= self.age_bytes.1
    }

    /// What a task in this place scores for it, in half points: the municipality, or
    /// elsewhere in the region.
    pub fn place_halves(&self, municipality: u16, region: u8) -> u32 {
        if self.municipality_no != 0 && municipality == self.municipality_no {
            MUNICIPALITY
        } else if self.region_no != 0 && region == self.region_no {
            REGION
        } else {
            0
        }
    }

    /// The score of the task of `row` but its place, in half points (README,
    /// "Matching"). Without branches but one that is the same for every task: a scan
    /// scores every task, and on tasks in no particular order a branch per signal is
    /// mostly mispredicted.
    #[inline]
    pub fn halves(&self, row: &Row) -> u32 {
        let soon = (row.starts >= self.soon.0) & (row.starts <= self.soon.1);
        let mut score = INTEREST * shared(row.categories & self.interests)
            + self.flag_points[row.flags()]
            + LANGUAGE * u32::from(row.traits & self.language != 0)
            + STARTING_SOON * u32::from(soon);
        if self.liked != 0 {
            score += LIKED_BEFORE * shared(row.categories & self.liked);
        }
        score
    }

    /// The score of a task from its column values, in points.
    pub fn score(
        &self,
        categories: u64,
        municipality: u64,
        region: u64,
        bits: u64,
        starts: i64,
    ) -> f32 {
        let (municipality, region) = place_of(municipality, region);
        let row = Row::new(0, bits, categories, starts);
        (self.place_halves(municipality, region) + self.halves(&row)) as f32 / 2.0
    }
}

/// A scored task, ordered best first.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub score: f32,
    pub starts: i64,
    pub tiebreak: u64,
    pub address: DocAddress,
}

impl Scored {
    /// Best first: higher score, sooner start, smaller tie-break.
    fn better(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.starts.cmp(&other.starts))
            .then(self.tiebreak.cmp(&other.tiebreak))
    }
}

/// In a max-heap the worst kept hit sits on top, ready to be replaced.
struct Worst(Scored);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.better(&other.0)
    }
}

/// The best `k` tasks scored so far.
#[derive(Default)]
pub struct Kept {
    heap: BinaryHeap<Worst>,
    k: usize,
}

impl Kept {
    /// Keeps up to `k`.
    pub fn new(k: usize) -> Self {
        Self {
            heap: BinaryHeap::new(),
            k,
        }
    }

    /// Whether a task of this score and start could still enter: the cheap test before
    /// its tie-break is read.
    pub fn may_enter(&self, score: f32, starts: i64) -> bool {
        if self.heap.len() < self.k {
            return true;
        }
        self.heap.peek().is_some_and(|worst| {
            score > worst.0.score || (score == worst.0.score && starts <= worst.0.starts)
        })
    }

    /// Keeps `hit` if it is among the best `k` so far.
    pub fn offer(&mut self, hit: Scored) {
        if self.heap.len() < self.k {
            self.heap.push(Worst(hit));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && hit.better(&worst.0) == Ordering::Less
        {
            *worst = Worst(hit);
        }
    }

    /// The worst kept task's score in half points and its start, once `k` are kept: a
    /// task must score more, or as much and start no later, to enter.
    pub fn floor(&self) -> Option<(u32, i64)> {
        if self.heap.len() < self.k {
            return None;
        }
        self.heap
            .peek()
            .map(|worst| (halves(worst.0.score), worst.0.starts))
    }

    /// The kept tasks, best first.
    pub fn into_sorted(self) -> Vec<Scored> {
        let mut top: Vec<Scored> = self.heap.into_iter().map(|w| w.0).collect();
        top.sort_by(Scored::better);
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(score: f32, starts: i64, tiebreak: u64) -> Scored {
        Scored {
            score,
            starts,
            tiebreak,
            address: DocAddress::new(0, 0),
        }
    }

    #[test]
    fn the_order_is_score_then_start_then_tiebreak() {
        let mut hits = [
            hit(3.0, 5, 1),
            hit(5.0, 9, 1),
            hit(3.0, 2, 7),
            hit(3.0, 2, 3),
        ];
        hits.sort_by(Scored::better);
        let order: Vec<(f32, i64, u64)> = hits
            .iter()
            .map(|h| (h.score, h.starts, h.tiebreak))
            .collect();
        assert_eq!(order, [(5.0, 9, 1), (3.0, 2, 3), (3.0, 2, 7), (3.0, 5, 1)]);
    }

    #[test]
    fn shared_counts_every_bit() {
        for x in [
            0u64,
            1,
            0b10,
            0b11,
            0b1011,
            1 << 63,
            u64::MAX,
            0x8000_0000_0000_0001,
        ] {
            assert_eq!(shared(x), x.count_ones(), "{x:#b}");
        }
    }

    #[test]
    fn a_score_is_the_sum_of_the_signals_weights() {
        let categories = Categories(vec!["animals".into(), "environment".into()]);
        let v = Volunteer {
            language: "fi".into(),
            interests: vec!["environment".into()],
            availability: vec!["weekends".into(), REMOTE_ONLY.into()],
            wants_support: true,
            municipality: Some("405".into()),
            region: Some("09".into()),
            ..Volunteer::default()
        };
        let now = chrono::Utc::now().naive_utc();
        let wanted = Wanted::of(&v, &categories, now);
        let every_weak = match_bits::REMOTE
            | match_bits::BEGINNER_FRIENDLY
            | match_bits::SUPPORTED
            | match_bits::slot("weekends")
            | match_bits::language("fi");
        // Remote for a remote-only volunteer (4), weekends (2), Finnish (1), beginner (2),
        // support (2), starting soon (1).
        let weak = wanted.score(0b01, 0, 0, every_weak, micros(now));
        assert_eq!(weak, 12.0);
        // Interest (3) + municipality (4) on top of the same; the region does not add.
        assert_eq!(
            wanted.score(0b11, 406, 10, every_weak, micros(now)),
            weak + 7.0
        );
        // Elsewhere in the region: 2.
        assert_eq!(wanted.score(0b10, 408, 10, 0, i64::MAX), 3.0 + 2.0);
    }
}
