//! The orders of `GET /tasks`, a hit with what it sorts by, and the cursor (`after=`) that
//! pages on from a hit: past the deepest page number, and steady while tasks come and go
//! (a page number shifts when a task is added before it; a cursor does not).
//!
//! A cursor names the last hit of a page by its sort values: for relevance the score, the
//! publication time and the id's tie-break; for the other orders the sort key and the
//! tie-break. It is read in the order of the request it comes with. The next page is the best hits strictly after it, found by
//! [`AfterCollector`] over every match. For relevance the score of a hit changes when
//! the index's word statistics do (tasks added or removed), so a cursor kept across such
//! a change resumes at about, not exactly, the same place.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::{AppError, FieldError};
use crate::search::documents::Part;

/// The sort orders of `GET /tasks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Newest,
    StartsAt,
    Deadline,
}

impl Sort {
    /// The fast fields that order hits in the engine, ascending, and whether their values
    /// are negated (newest first runs as an ascending `recency`).
    pub fn columns(self) -> (&'static str, &'static str, bool) {
        match self {
            Sort::Relevance => ("published", "tiebreak", false),
            Sort::Newest => ("recency", "tiebreak_rev", true),
            Sort::StartsAt => ("starts_sort", "tiebreak", false),
            Sort::Deadline => ("deadline_sort", "tiebreak", false),
        }
    }
}

/// One hit, with what it sorts by: `key` is the publication time (relevance, newest), the
/// start or the deadline; `tiebreak` orders like the id.
#[derive(Debug, Clone)]
pub struct Hit {
    pub part: Part,
    pub address: DocAddress,
    pub score: f32,
    pub key: i64,
    pub tiebreak: u64,
}

impl Hit {
    /// A hit from the engine's ascending column values (see [`Sort::columns`]).
    pub fn from_columns(
        part: Part,
        address: DocAddress,
        score: f32,
        sort: Sort,
        key: Option<i64>,
        tiebreak: Option<u64>,
    ) -> Self {
        let (.., negated) = sort.columns();
        let key = key.unwrap_or(if negated { i64::MAX } else { i64::MIN });
        let tiebreak = tiebreak.unwrap_or(0);
        Hit {
            part,
            address,
            score,
            key: if negated { key.saturating_neg() } else { key },
            tiebreak: if negated { !tiebreak } else { tiebreak },
        }
    }

    /// The cursor of the page after this hit: its score (for relevance; 0 otherwise), key
    /// and tie-break, fixed width where it can be.
    pub fn cursor(&self, sort: Sort) -> String {
        let score = if sort == Sort::Relevance {
            self.score
        } else {
            0.0
        };
        format!(
            "{:08x}~{}~{:016x}",
            score.to_bits(),
            self.key,
            self.tiebreak
        )
    }
}

/// The order of hits (`Less`: `a` comes first).
pub fn compare(sort: Sort, a: &Hit, b: &Hit) -> Ordering {
    match sort {
        Sort::Relevance => b
            .score
            .total_cmp(&a.score)
            .then_with(|| b.key.cmp(&a.key))
            .then_with(|| b.tiebreak.cmp(&a.tiebreak)),
        Sort::Newest => b.key.cmp(&a.key).then_with(|| b.tiebreak.cmp(&a.tiebreak)),
        Sort::StartsAt | Sort::Deadline => {
            a.key.cmp(&b.key).then_with(|| a.tiebreak.cmp(&b.tiebreak))
        }
    }
}

/// A position in an order, from `after=`.
#[derive(Debug, Clone)]
pub struct Cursor {
    score: f32,
    key: i64,
    tiebreak: u64,
}

impl Cursor {
    /// Reads a cursor made by [`Hit::cursor`]; anything else is a 422 naming `after`. A
    /// cursor is read in the order of the request it comes with: one made for another
    /// query or sort gives a page, just not the next one.
    pub fn parse(text: &str) -> Result<Self, AppError> {
        let invalid = || {
            AppError::Validation(vec![FieldError::new(
                "after",
                "invalid",
                "Pass the next_after of a previous page unchanged.",
            )])
        };
        let parts: Vec<&str> = text.split('~').collect();
        let [score, key, tiebreak] = parts[..] else {
            return Err(invalid());
        };
        let hex =
            |s: &str, width: usize| s.len() == width && s.bytes().all(|b| b.is_ascii_hexdigit());
        let digits = key.strip_prefix('-').unwrap_or(key);
        if !hex(score, 8)
            || !hex(tiebreak, 16)
            || digits.is_empty()
            || digits.len() > 19
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid());
        }
        let score = f32::from_bits(u32::from_str_radix(score, 16).map_err(|_| invalid())?);
        // A 19-digit key past i64's range reads as its end (no real key is there).
        let key = key
            .parse::<i128>()
            .map_err(|_| invalid())?
            .clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        let tiebreak = u64::from_str_radix(tiebreak, 16).map_err(|_| invalid())?;
        Ok(Cursor {
            score,
            key,
            tiebreak,
        })
    }

    fn hit(&self) -> Hit {
        Hit {
            part: Part::Listed,
            address: DocAddress::new(0, 0),
            score: self.score,
            key: self.key,
            tiebreak: self.tiebreak,
        }
    }
}

/// A hit in a heap whose top is the worst.
struct Ranked {
    sort: Sort,
    hit: Hit,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(self.sort, &self.hit, &other.hit)
    }
}

/// The best `k` hits after a cursor, and how many hits there are after it in all.
pub struct AfterCollector {
    pub part: Part,
    pub sort: Sort,
    pub cursor: Cursor,
    pub k: usize,
}

impl Collector for AfterCollector {
    type Fruit = (Vec<Hit>, usize);
    type Child = SegmentAfter;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentAfter> {
        let (key, tiebreak, _) = self.sort.columns();
        let fast = reader.fast_fields();
        Ok(SegmentAfter {
            part: self.part,
            sort: self.sort,
            segment,
            cursor: self.cursor.hit(),
            k: self.k,
            key: fast.i64(key)?,
            tiebreak: fast.u64(tiebreak)?,
            heap: BinaryHeap::with_capacity(self.k + 1),
            after: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<(Vec<Hit>, usize)>) -> tantivy::Result<(Vec<Hit>, usize)> {
        let mut hits = Vec::new();
        let mut after = 0;
        for (h, n) in fruits {
            hits.extend(h);
            after += n;
        }
        hits.sort_by(|a, b| compare(self.sort, a, b));
        hits.truncate(self.k);
        Ok((hits, after))
    }
}

/// One segment's part of [`AfterCollector`].
pub struct SegmentAfter {
    part: Part,
    sort: Sort,
    segment: SegmentOrdinal,
    cursor: Hit,
    k: usize,
    key: Column<i64>,
    tiebreak: Column<u64>,
    heap: BinaryHeap<Ranked>,
    after: usize,
}

impl SegmentCollector for SegmentAfter {
    type Fruit = (Vec<Hit>, usize);

    fn collect(&mut self, doc: DocId, score: Score) {
        let score = if self.sort == Sort::Relevance {
            score
        } else {
            0.0
        };
        let hit = Hit::from_columns(
            self.part,
            DocAddress::new(self.segment, doc),
            score,
            self.sort,
            self.key.first(doc),
            self.tiebreak.first(doc),
        );
        if compare(self.sort, &self.cursor, &hit) != Ordering::Less {
            return;
        }
        self.after += 1;
        let ranked = Ranked {
            sort: self.sort,
            hit,
        };
        if self.heap.len() < self.k {
            self.heap.push(ranked);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && ranked < *worst
        {
            *worst = ranked;
        }
    }

    fn harvest(self) -> (Vec<Hit>, usize) {
        (self.heap.into_iter().map(|r| r.hit).collect(), self.after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(score: f32, key: i64, tiebreak: u64) -> Hit {
        Hit {
            part: Part::Listed,
            address: DocAddress::new(0, 0),
            score,
            key,
            tiebreak,
        }
    }

    #[test]
    fn a_cursor_reads_back_what_it_was_made_of() {
        for sort in [
            Sort::Relevance,
            Sort::Newest,
            Sort::StartsAt,
            Sort::Deadline,
        ] {
            for key in [-42, i64::MAX, i64::MIN] {
                let h = hit(1.25, key, u64::MAX - 1);
                let c = Cursor::parse(&h.cursor(sort)).expect("parses");
                assert_eq!(c.key, key);
                assert_eq!(c.tiebreak, u64::MAX - 1);
                let expected = if sort == Sort::Relevance { 1.25 } else { 0.0 };
                assert_eq!(c.score, expected);
            }
        }
        // Past i64's range: the end of it.
        let c = Cursor::parse("00000000~9999999999999999999~0000000000000000").unwrap();
        assert_eq!(c.key, i64::MAX);
    }

    #[test]
    fn a_malformed_cursor_names_the_parameter() {
        for bad in [
            "",
            "00000000~1",
            "0000000~1~0000000000000000",
            "00000000~1~000000000000000",
            "0000000g~1~0000000000000000",
            "00000000~~0000000000000000",
            "00000000~1x~0000000000000000",
            "00000000~1~0000000000000000~1",
        ] {
            let err = Cursor::parse(bad).expect_err(bad);
            match err {
                AppError::Validation(fields) => assert_eq!(fields[0].field, "after"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn relevance_puts_the_higher_score_then_the_newer_first() {
        let a = hit(2.0, 1, 1);
        let b = hit(1.0, 9, 9);
        let c = hit(1.0, 8, 9);
        assert_eq!(compare(Sort::Relevance, &a, &b), Ordering::Less);
        assert_eq!(compare(Sort::Relevance, &b, &c), Ordering::Less);
        assert_eq!(compare(Sort::StartsAt, &c, &b), Ordering::Less);
    }
}
