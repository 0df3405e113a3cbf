//! Scores every listed task for one volunteer, from the columns the search index keeps in
//! memory per segment ([`MatchColumns`]), and keeps the best `k`.
//!
//! Every joinable task their age admits is scored, so the answer is exact and its cost is
//! the same whatever the profile: a loop over arrays, a few nanoseconds a task. Pruning
//! with upper bounds (MaxScore over the signals' postings lists) was tried first and
//! measured slower at 1,000,000 tasks, because a profile's signals are broad (a language
//! most tasks share, the volunteer's region) and walking the lists cost more than the
//! arithmetic they saved (docs/benchmarks.md).

use tantivy::columnar::Column;
use tantivy::fastfield::AliveBitSet;
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED};

use crate::matching::ranking::{Kept, Scored, Wanted};
use crate::search::match_columns::{MatchColumns, Row};
use crate::search::schema::TaskFields;
use crate::search::text::term;

/// The best `k` tasks, best first, and how many tasks the volunteer could join in all.
#[derive(Debug)]
pub struct Ranked {
    pub top: Vec<Scored>,
    pub total: usize,
}

/// Ranks the listed tasks of `searcher` for `wanted`, leaving out the tasks `taken`.
pub fn rank(
    searcher: &Searcher,
    columns: &MatchColumns,
    f: &TaskFields,
    wanted: &Wanted,
    taken: &[String],
    k: usize,
) -> tantivy::Result<Ranked> {
    let taken = if taken.is_empty() {
        None
    } else {
        let ids: Vec<(Occur, Box<dyn Query>)> = taken
            .iter()
            .map(|id| (Occur::Should, term(f.id, id)))
            .collect();
        Some(BooleanQuery::new(ids).weight(EnableScoring::disabled_from_searcher(searcher))?)
    };
    let mut kept = Kept::new(k);
    let mut total = 0;
    for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
        let segment = columns.of(reader)?;
        let mut mine: Vec<DocId> = Vec::new();
        if let Some(weight) = &taken {
            let mut docs = weight.scorer(reader, 1.0)?;
            while docs.doc() != TERMINATED {
                mine.push(docs.doc());
                docs.advance();
            }
        }
        let mut pass = Pass {
            wanted,
            kept: &mut kept,
            k,
            tiebreak: reader.fast_fields().u64("tiebreak")?,
            ordinal: ordinal as u32,
            alive: reader.alive_bitset(),
            taken: &mine,
            floor: (0, 0),
        };
        pass.set_floor();
        for group in &segment.groups {
            if !wanted.admits_bytes(group.min_age, group.max_age) {
                continue;
            }
            let place = wanted.place_halves(group.municipality, group.region);
            let rows = &segment.rows[group.start..group.end];
            // The common case (no deleted document, nothing taken) without their tests.
            total += match (pass.alive.is_some(), !pass.taken.is_empty()) {
                (false, false) => pass.rows::<false, false>(rows, place),
                (true, false) => pass.rows::<true, false>(rows, place),
                (false, true) => pass.rows::<false, true>(rows, place),
                (true, true) => pass.rows::<true, true>(rows, place),
            };
        }
    }
    Ok(Ranked {
        top: kept.into_sorted(),
        total,
    })
}

/// One segment's part of [`rank`].
struct Pass<'a> {
    wanted: &'a Wanted,
    kept: &'a mut Kept,
    k: usize,
    tiebreak: Column<u64>,
    ordinal: u32,
    alive: Option<&'a AliveBitSet>,
    /// The volunteer's tasks in this segment, sorted.
    taken: &'a [DocId],
    /// What a task must beat to enter: its score in half points, then its start.
    floor: (i64, i64),
}

impl Pass<'_> {
    /// Takes the floor from the kept tasks: anything while fewer than `k` are kept.
    fn set_floor(&mut self) {
        self.floor = match (self.k, self.kept.floor()) {
            (0, _) => (i64::MAX, i64::MIN),
            (_, Some((score, starts))) => (i64::from(score), starts),
            (_, None) => (-1, i64::MAX),
        };
    }

    /// Scores one group's rows, each `place` half points more; how many could be joined.
    /// Without branches but the rare ones (a taken task, a task good enough to keep): on
    /// tasks in no particular order, a branch per test is mostly mispredicted
    /// (docs/benchmarks.md). `ALIVE` and `TAKEN` say whether deleted and taken documents
    /// need looking for, so the common case has neither test.
    #[inline(never)]
    fn rows<const ALIVE: bool, const TAKEN: bool>(&mut self, rows: &[Row], place: u32) -> usize {
        let wanted = self.wanted;
        let (mut floor_score, mut floor_starts) = self.floor;
        let mut admitted_rows = 0;
        let mut taken = self.taken.iter().copied();
        let mut next_taken = if TAKEN {
            taken.next().unwrap_or(TERMINATED)
        } else {
            TERMINATED
        };
        for row in rows {
            let mut admitted = true;
            if ALIVE {
                admitted = self.alive.is_none_or(|a| a.is_alive(row.doc));
            }
            if TAKEN {
                while next_taken < row.doc {
                    next_taken = taken.next().unwrap_or(TERMINATED);
                }
                admitted &= row.doc != next_taken;
            }
            admitted_rows += usize::from(admitted);
            let score = i64::from(place + wanted.halves(row));
            let enters = admitted
                & ((score > floor_score) | ((score == floor_score) & (row.starts <= floor_starts)));
            if enters {
                self.enter(row, score);
                (floor_score, floor_starts) = self.floor;
            }
        }
        admitted_rows
    }

    /// Offers the task of `row` to the kept ones.
    #[cold]
    fn enter(&mut self, row: &Row, score: i64) {
        self.kept.offer(Scored {
            score: score as f32 / 2.0,
            starts: row.starts,
            tiebreak: self.tiebreak.first(row.doc).unwrap_or(0),
            address: DocAddress::new(self.ordinal, row.doc),
        });
        self.set_floor();
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, NaiveDateTime};
    use rand::rngs::StdRng;
    use rand::seq::SliceRandom;
    use rand::{Rng, SeedableRng};
    use tantivy::schema::Value;
    use tantivy::{Index, IndexWriter, TantivyDocument, Term};

    use super::*;
    use crate::matching::ranking::REMOTE_ONLY;
    use crate::matching::volunteer::Volunteer;
    use crate::search::documents::{Categories, code_number, micros};
    use crate::search::schema::{flag, match_bits};
    use crate::tasks::slots;

    const SLUGS: [&str; 6] = [
        "animals",
        "children-youth",
        "culture",
        "environment",
        "sports",
        "welfare",
    ];
    /// Municipalities and their regions.
    const PLACES: [(&str, &str); 4] = [("091", "01"), ("049", "01"), ("405", "09"), ("407", "09")];
    const SLOTS: [&str; 4] = [
        slots::WEEKDAY_DAYTIME,
        slots::WEEKDAY_EVENINGS,
        slots::WEEKENDS,
        slots::SCHOOL_HOLIDAYS,
    ];
    const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap()
    }

    fn some<'a>(rng: &mut StdRng, from: &[&'a str], p: f64) -> Vec<&'a str> {
        from.iter().copied().filter(|_| rng.gen_bool(p)).collect()
    }

    /// A task document whose terms and fast fields agree, as `search::documents` makes.
    fn task(
        rng: &mut StdRng,
        f: &TaskFields,
        categories: &Categories,
        id: usize,
    ) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, format!("t{id}"));
        let mut mask = 0;
        for slug in some(rng, &SLUGS, 0.25) {
            doc.add_text(f.category, slug);
            mask |= categories.bit(slug);
        }
        let remote = rng.gen_bool(0.15);
        let (municipality, region) = if remote {
            (None, None)
        } else {
            let (m, r) = PLACES[rng.gen_range(0..PLACES.len())];
            doc.add_text(f.municipality, m);
            doc.add_text(f.region, r);
            (Some(m), Some(r))
        };
        let mut bits = 0;
        for (name, bit, set) in [
            (flag::REMOTE, match_bits::REMOTE, remote),
            (
                flag::BEGINNER_FRIENDLY,
                match_bits::BEGINNER_FRIENDLY,
                rng.gen_bool(0.3),
            ),
            (flag::SUPPORTED, match_bits::SUPPORTED, rng.gen_bool(0.3)),
            (flag::JOINABLE, match_bits::JOINABLE, rng.gen_bool(0.8)),
        ] {
            if set {
                doc.add_text(f.flags, name);
                bits |= bit;
            }
        }
        for slot in some(rng, &SLOTS, 0.3) {
            doc.add_text(f.slots, slot);
            bits |= match_bits::slot(slot);
        }
        for language in some(rng, &LANGUAGES, 0.5) {
            doc.add_text(f.language, language);
            bits |= match_bits::language(language);
        }
        let (min_age, max_age) = [
            (0, i32::MAX),
            (0, i32::MAX),
            (15, i32::MAX),
            (13, 17),
            (18, 29),
        ][rng.gen_range(0..5)];
        doc.add_i64(f.min_age, i64::from(min_age));
        doc.add_i64(f.max_age, i64::from(max_age));
        let starts = rng
            .gen_bool(0.8)
            .then(|| micros(now() + Duration::hours(rng.gen_range(-200..900))));
        if let Some(s) = starts {
            doc.add_i64(f.starts_at, s);
        }
        doc.add_i64(f.starts_sort, starts.unwrap_or(i64::MAX));
        doc.add_u64(f.tiebreak, rng.r#gen());
        doc.add_u64(f.category_mask, mask);
        doc.add_u64(f.municipality_no, code_number(municipality));
        doc.add_u64(f.region_no, code_number(region));
        doc.add_u64(f.match_bits, bits);
        doc
    }

    /// A random profile: any field may be empty.
    fn volunteer(rng: &mut StdRng, tasks: usize) -> Volunteer {
        let place = rng
            .gen_bool(0.7)
            .then(|| PLACES[rng.gen_range(0..PLACES.len())]);
        let mut availability: Vec<String> = some(rng, &SLOTS, 0.4)
            .into_iter()
            .map(String::from)
            .collect();
        if rng.gen_bool(0.2) {
            availability.push(REMOTE_ONLY.into());
        }
        let completed = if rng.gen_bool(0.5) { 0 } else { 3 };
        Volunteer {
            birth_date: rng
                .gen_bool(0.7)
                .then(|| NaiveDate::from_ymd_opt(rng.gen_range(1990..2014), 6, 1))
                .flatten(),
            municipality: place.map(|p| p.0.to_owned()),
            region: place.map(|p| p.1.to_owned()),
            language: LANGUAGES[rng.gen_range(0..3)].to_owned(),
            interests: some(rng, &SLUGS, 0.35)
                .into_iter()
                .map(String::from)
                .collect(),
            availability,
            wants_support: rng.gen_bool(0.5),
            completed,
            liked: if completed > 0 {
                some(rng, &SLUGS, 0.3)
                    .into_iter()
                    .map(String::from)
                    .collect()
            } else {
                Vec::new()
            },
            taken: (0..rng.gen_range(0..4))
                .map(|_| format!("t{}", rng.gen_range(0..tasks)))
                .collect(),
        }
    }

    /// Every task read through tantivy's own columns and scored, sorted: what the scan
    /// must find. `ids` names each document.
    fn every_task(
        searcher: &Searcher,
        ids: &[Vec<String>],
        v: &Volunteer,
        wanted: &Wanted,
        k: usize,
    ) -> (Vec<Scored>, usize) {
        let mut all = Vec::new();
        for (ordinal, reader) in searcher.segment_readers().iter().enumerate() {
            let fast = reader.fast_fields();
            let column_u = |name: &str| fast.u64(name).unwrap();
            let column_i = |name: &str| fast.i64(name).unwrap();
            let (bits_c, categories_c, municipality_c, region_c, tiebreak_c) = (
                column_u("match_bits"),
                column_u("category_mask"),
                column_u("municipality_no"),
                column_u("region_no"),
                column_u("tiebreak"),
            );
            let (min_c, max_c, starts_c) = (
                column_i("min_age"),
                column_i("max_age"),
                column_i("starts_sort"),
            );
            for doc in 0..reader.max_doc() {
                let bits = bits_c.first(doc).unwrap();
                if reader.is_deleted(doc)
                    || bits & match_bits::JOINABLE == 0
                    || !wanted.admits(min_c.first(doc).unwrap(), max_c.first(doc).unwrap())
                    || v.taken.contains(&ids[ordinal][doc as usize])
                {
                    continue;
                }
                let starts = starts_c.first(doc).unwrap();
                all.push(Scored {
                    score: wanted.score(
                        categories_c.first(doc).unwrap(),
                        municipality_c.first(doc).unwrap(),
                        region_c.first(doc).unwrap(),
                        bits,
                        starts,
                    ),
                    starts,
                    tiebreak: tiebreak_c.first(doc).unwrap(),
                    address: DocAddress::new(ordinal as u32, doc),
                });
            }
        }
        let total = all.len();
        all.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.starts.cmp(&b.starts))
                .then(a.tiebreak.cmp(&b.tiebreak))
        });
        all.truncate(k);
        (all, total)
    }

    fn key(hits: &[Scored]) -> Vec<(f32, i64, u64, (u32, u32))> {
        hits.iter()
            .map(|h| {
                (
                    h.score,
                    h.starts,
                    h.tiebreak,
                    (h.address.segment_ord, h.address.doc_id),
                )
            })
            .collect()
    }

    /// An empty index of task documents in memory, its fields and the test categories.
    fn empty_index() -> (Index, TaskFields, Categories) {
        let (schema, f) = TaskFields::schema();
        let index = Index::create_in_ram(schema);
        crate::search::index::register_analyzers(&index);
        let categories = Categories(SLUGS.iter().map(|s| s.to_string()).collect());
        (index, f, categories)
    }

    #[test]
    fn the_scan_finds_what_scoring_every_task_by_hand_finds() {
        let (index, f, categories) = empty_index();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000).unwrap();
        let mut rng = StdRng::seed_from_u64(13);
        let n = 3_000;
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut rng);
        // Three segments, the first two with some documents deleted.
        for (i, part) in order.chunks(n / 3).enumerate() {
            for &id in part {
                writer
                    .add_document(task(&mut rng, &f, &categories, id))
                    .unwrap();
            }
            writer.commit().unwrap();
            for _ in 0..if i < 2 { 50 } else { 0 } {
                let gone = format!("t{}", part[rng.gen_range(0..part.len())]);
                writer.delete_term(Term::from_field_text(f.id, &gone));
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let with_deletions = searcher
            .segment_readers()
            .iter()
            .filter(|r| r.alive_bitset().is_some())
            .count();
        assert_eq!(with_deletions, 2);
        let ids: Vec<Vec<String>> = searcher
            .segment_readers()
            .iter()
            .enumerate()
            .map(|(ordinal, reader)| {
                (0..reader.max_doc())
                    .map(|doc| {
                        let d: TantivyDocument =
                            searcher.doc(DocAddress::new(ordinal as u32, doc)).unwrap();
                        d.get_first(f.id)
                            .and_then(|v| v.as_str())
                            .unwrap()
                            .to_owned()
                    })
                    .collect()
            })
            .collect();
        let columns = MatchColumns::default();
        for round in 0..200 {
            let v = volunteer(&mut rng, n);
            let wanted = Wanted::of(&v, &categories, now());
            let k = [1, 5, 20, 100][round % 4];
            let (expected, total) = every_task(&searcher, &ids, &v, &wanted, k);
            let found = rank(&searcher, &columns, &f, &wanted, &v.taken, k).unwrap();
            assert_eq!(
                key(&found.top),
                key(&expected),
                "round {round}: {v:?}, k = {k}"
            );
            assert_eq!(found.total, total, "round {round}");
            assert!(found.top.len() == k.min(total));
        }
        // The rows were built once per segment and kept.
        assert_eq!(
            columns.held(),
            (
                3,
                searcher
                    .segment_readers()
                    .iter()
                    .map(|r| r.max_doc() as usize)
                    .sum()
            )
        );
    }

    #[test]
    fn the_columns_of_a_segment_no_searcher_holds_are_dropped() {
        use tantivy::Warmer;
        let (index, f, categories) = empty_index();
        let columns = std::sync::Arc::new(MatchColumns::default());
        let weak = std::sync::Arc::downgrade(&columns);
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .warmers(vec![weak as std::sync::Weak<dyn Warmer>])
            .try_into()
            .unwrap();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000).unwrap();
        let mut rng = StdRng::seed_from_u64(7);
        for id in 0..10 {
            writer
                .add_document(task(&mut rng, &f, &categories, id))
                .unwrap();
        }
        writer.commit().unwrap();
        reader.reload().unwrap();
        // Warmed when the searcher was made, before any search.
        assert_eq!(columns.held(), (1, 10));
        for id in 10..15 {
            writer
                .add_document(task(&mut rng, &f, &categories, id))
                .unwrap();
        }
        writer.commit().unwrap();
        reader.reload().unwrap();
        assert_eq!(columns.held(), (2, 15));
        // Merged into one: once no searcher holds the old two, their columns go.
        let segments = index.searchable_segment_ids().unwrap();
        writer.merge(&segments).wait().unwrap();
        writer.commit().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while columns.held() != (1, 15) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert_eq!(columns.held(), (1, 15));
    }
}
