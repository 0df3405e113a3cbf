//! The recommendation ranking as arithmetic on fast fields: [`Wanted`] is the volunteer's
//! profile turned into the same numbers the index keeps per task (a category mask, place
//! numbers, [`match_bits`]), and [`TopMatches`] scores each candidate from those columns
//! and keeps the best `k`, counting as it goes. Reading a handful of numbers per task is
//! far cheaper than a boolean query with a clause per signal, which is what made
//! recommendations slow (docs/benchmarks.md).
//!
//! The order is the score (highest first), then the sooner start, then the task's
//! tie-break number: total and deterministic.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::{Duration, NaiveDateTime};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::accounts::model::age_on;
use crate::matching::volunteer::Volunteer;
use crate::matching::weights as w;
use crate::search::documents::{Categories, code_number, micros};
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

/// The volunteer's side of the score, as the numbers the index keeps.
#[derive(Debug, Clone)]
pub struct Wanted {
    interests: u64,
    liked: u64,
    municipality_no: u64,
    region_no: u64,
    remote: f32,
    slots: u64,
    language: u64,
    beginner: bool,
    support: bool,
    /// Starts in `[from, to]` count as soon (microseconds).
    soon: (i64, i64),
    /// The ages a task must admit: `(age, age)`, or `(0, i32::MAX)` without a birth date
    /// (only tasks without limits).
    ages: (i64, i64),
}

impl Wanted {
    /// The volunteer's profile at `now`, in the index's numbers.
    pub fn of(v: &Volunteer, categories: &Categories, now: NaiveDateTime) -> Self {
        let mask = |list: &[String]| list.iter().fold(0, |m, c| m | categories.bit(c));
        let ages = match v.birth_date {
            Some(born) => {
                let age = i64::from(age_on(born, now.date()));
                (age, age)
            }
            None => (0, i64::from(i32::MAX)),
        };
        Self {
            interests: mask(&v.interests),
            liked: mask(&v.liked),
            municipality_no: code_number(v.municipality.as_deref()),
            region_no: code_number(v.region.as_deref()),
            remote: remote_weight(v),
            slots: v
                .availability
                .iter()
                .fold(0, |m, s| m | match_bits::slot(s)),
            language: match_bits::language(&v.language),
            beginner: v.completed == 0,
            support: v.wants_support,
            soon: (micros(now), micros(now + Duration::days(w::SOON_DAYS))),
            ages,
        }
    }

    /// The ages part, as a cache key: tasks admitted depend on nothing else.
    pub fn age_key(&self) -> String {
        format!("ages={}-{}", self.ages.0, self.ages.1)
    }

    /// Whether a task with these age limits admits the volunteer.
    fn admits(&self, min_age: i64, max_age: i64) -> bool {
        min_age <= self.ages.0 && max_age >= self.ages.1
    }

    /// The score of a task from its columns (README, "Matching").
    fn score(
        &self,
        categories: u64,
        municipality: u64,
        region: u64,
        bits: u64,
        starts: i64,
    ) -> f32 {
        let mut score = w::INTEREST * (categories & self.interests).count_ones() as f32
            + w::LIKED_BEFORE * (categories & self.liked).count_ones() as f32;
        if self.municipality_no != 0 && municipality == self.municipality_no {
            score += w::MUNICIPALITY;
        } else if self.region_no != 0 && region == self.region_no {
            score += w::REGION;
        }
        let has = |bit: u64| bits & bit != 0;
        if has(match_bits::REMOTE) {
            score += self.remote;
        }
        if has(self.slots) {
            score += w::AVAILABILITY;
        }
        if has(self.language) {
            score += w::LANGUAGE;
        }
        if self.beginner && has(match_bits::BEGINNER_FRIENDLY) {
            score += w::BEGINNER_FRIENDLY;
        }
        if self.support && has(match_bits::SUPPORTED) {
            score += w::SUPPORTED;
        }
        if starts >= self.soon.0 && starts <= self.soon.1 {
            score += w::STARTING_SOON;
        }
        score
    }

    /// Whether any signal is strong: an interest, a liked category or a place. A task
    /// meeting none of them scores at most [`Wanted::weak_ceiling`].
    pub fn has_strong(&self) -> bool {
        self.interests | self.liked != 0 || self.region_no != 0 || self.municipality_no != 0
    }

    /// The most a task meeting no strong signal can score.
    pub fn weak_ceiling(&self) -> f32 {
        let mut most = self.remote + w::STARTING_SOON;
        if self.slots != 0 {
            most += w::AVAILABILITY;
        }
        if self.language != 0 {
            most += w::LANGUAGE;
        }
        if self.beginner {
            most += w::BEGINNER_FRIENDLY;
        }
        if self.support {
            most += w::SUPPORTED;
        }
        most
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

/// What [`TopMatches`] found: the best `k`, best first, and how many matched in all.
#[derive(Debug, Default)]
pub struct Found {
    pub top: Vec<Scored>,
    pub total: usize,
}

/// Scores every matching task that can be joined and that the volunteer's age admits, and
/// keeps the best `k`; `k = 0` only counts.
pub struct TopMatches<'a> {
    pub wanted: &'a Wanted,
    pub k: usize,
}

impl Collector for TopMatches<'_> {
    type Fruit = Found;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let fast = reader.fast_fields();
        Ok(SegmentTop {
            wanted: self.wanted.clone(),
            k: self.k,
            segment,
            min_age: fast.i64("min_age")?,
            max_age: fast.i64("max_age")?,
            categories: fast.u64("category_mask")?,
            municipality: fast.u64("municipality_no")?,
            region: fast.u64("region_no")?,
            bits: fast.u64("match_bits")?,
            starts: fast.i64("starts_sort")?,
            tiebreak: fast.u64("tiebreak")?,
            heap: BinaryHeap::new(),
            total: 0,
            ints: Vec::new(),
            ints2: Vec::new(),
            u64s: Vec::new(),
            u64s2: Vec::new(),
            u64s3: Vec::new(),
            admitted: Vec::new(),
            admitted_bits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Found>) -> tantivy::Result<Found> {
        let mut all: Vec<Scored> = Vec::new();
        let mut total = 0;
        for fruit in fruits {
            total += fruit.total;
            all.extend(fruit.top);
        }
        all.sort_by(Scored::better);
        all.truncate(self.k);
        Ok(Found { top: all, total })
    }
}

/// One segment's part of [`TopMatches`].
pub struct SegmentTop {
    wanted: Wanted,
    k: usize,
    segment: SegmentOrdinal,
    min_age: Column<i64>,
    max_age: Column<i64>,
    categories: Column<u64>,
    municipality: Column<u64>,
    region: Column<u64>,
    bits: Column<u64>,
    starts: Column<i64>,
    tiebreak: Column<u64>,
    heap: BinaryHeap<Worst>,
    total: usize,
    // Buffers for the block's column values, kept between blocks.
    ints: Vec<Option<i64>>,
    ints2: Vec<Option<i64>>,
    u64s: Vec<Option<u64>>,
    u64s2: Vec<Option<u64>>,
    u64s3: Vec<Option<u64>>,
    admitted: Vec<DocId>,
    admitted_bits: Vec<u64>,
}

impl SegmentTop {
    fn take(&mut self, docs: &[DocId]) {
        // Each column is read for the whole block at once (tantivy unpacks them in runs),
        // joinability and age first: what they drop is never read further.
        self.u64s.resize(docs.len(), None);
        self.bits.first_vals(docs, &mut self.u64s);
        self.admitted.clear();
        self.admitted_bits.clear();
        for (doc, bits) in docs.iter().zip(&self.u64s) {
            let bits = bits.unwrap_or(0);
            if bits & match_bits::JOINABLE != 0 {
                self.admitted.push(*doc);
                self.admitted_bits.push(bits);
            }
        }
        let n = self.admitted.len();
        self.ints.resize(n, None);
        self.ints2.resize(n, None);
        self.min_age.first_vals(&self.admitted, &mut self.ints);
        self.max_age.first_vals(&self.admitted, &mut self.ints2);
        let mut kept = 0;
        for i in 0..n {
            let (low, high) = (self.ints[i], self.ints2[i]);
            if self
                .wanted
                .admits(low.unwrap_or(0), high.unwrap_or(i64::from(i32::MAX)))
            {
                self.admitted[kept] = self.admitted[i];
                self.admitted_bits[kept] = self.admitted_bits[i];
                kept += 1;
            }
        }
        self.admitted.truncate(kept);
        self.admitted_bits.truncate(kept);
        self.total += kept;
        if self.k == 0 || kept == 0 {
            return;
        }
        let docs = &self.admitted;
        self.u64s.resize(kept, None);
        self.u64s2.resize(kept, None);
        self.u64s3.resize(kept, None);
        self.ints.resize(kept, None);
        self.categories.first_vals(docs, &mut self.u64s);
        self.municipality.first_vals(docs, &mut self.u64s2);
        self.region.first_vals(docs, &mut self.u64s3);
        self.starts.first_vals(docs, &mut self.ints);
        for (i, &doc) in docs.iter().enumerate() {
            let starts = self.ints[i].unwrap_or(i64::MAX);
            let score = self.wanted.score(
                self.u64s[i].unwrap_or(0),
                self.u64s2[i].unwrap_or(0),
                self.u64s3[i].unwrap_or(0),
                self.admitted_bits[i],
                starts,
            );
            // Cheap rejection before the tie-break is read: below the worst kept.
            if self.heap.len() == self.k
                && let Some(worst) = self.heap.peek()
                && (score < worst.0.score || (score == worst.0.score && starts > worst.0.starts))
            {
                continue;
            }
            let hit = Scored {
                score,
                starts,
                tiebreak: self.tiebreak.first(doc).unwrap_or(0),
                address: DocAddress::new(self.segment, doc),
            };
            if self.heap.len() < self.k {
                self.heap.push(Worst(hit));
            } else if let Some(mut worst) = self.heap.peek_mut()
                && hit.better(&worst.0) == Ordering::Less
            {
                *worst = Worst(hit);
            }
        }
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Found;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.take(&[doc]);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.take(docs);
    }

    fn harvest(self) -> Found {
        let mut top: Vec<Scored> = self.heap.into_iter().map(|w| w.0).collect();
        top.sort_by(Scored::better);
        Found {
            top,
            total: self.total,
        }
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
    fn no_task_without_a_strong_signal_beats_the_weak_ceiling() {
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
        assert!(wanted.has_strong());
        let every_weak = match_bits::REMOTE
            | match_bits::BEGINNER_FRIENDLY
            | match_bits::SUPPORTED
            | match_bits::slot("weekends")
            | match_bits::language("fi");
        let best_weak = wanted.score(0b01, 0, 0, every_weak, micros(now));
        assert_eq!(best_weak, wanted.weak_ceiling());
        // Interest (3) + municipality (4) on top of the same.
        assert_eq!(
            wanted.score(0b11, 406, 10, every_weak, micros(now)),
            best_weak + 7.0
        );
    }
}
