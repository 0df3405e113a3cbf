//! The fast fields recommendations score listed tasks on, held per segment in memory as
//! one compact row per joinable task.
//!
//! Recommending scores every joinable task for one volunteer (`crate::matching::scan`).
//! Read through tantivy's columns, each value is unpacked from its block on every request,
//! which made a page of recommendations at 1,000,000 tasks cost about 60 ms of CPU
//! (docs/benchmarks.md). A segment never changes once written, so its rows are built
//! once, when a searcher that holds it is made (the reader's [`Warmer`]), and dropped when
//! no searcher holds it any more. Only the tasks that can be joined get a row (that is a
//! property of the document, so of the segment); a deleted one is told by the segment's
//! alive bits. Rows are grouped by their age limits and place: a volunteer's age admits a
//! group or not as a whole, and its place scores the same for all of it. A row is 24
//! bytes, about 13 MB at 1,000,000 tasks (of which about 540,000 can be joined). The index
//! stays the truth: the rows are copies of its columns.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SearcherGeneration, SegmentReader, Warmer};

use crate::search::schema::match_bits;
use crate::tasks::draft::LANGUAGES;

/// An age limit as one byte: ages are 13–120 (`tasks::draft`), so 255 can stand for none.
pub const NO_AGE_LIMIT: u8 = u8::MAX;

// A task's languages share 32 bits with its flags (`Row::traits`).
const _: () = assert!(LANGUAGES.len() <= 32 - row_flags::BITS as usize);

/// One joinable task's columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Row {
    /// `category_mask`.
    pub categories: u64,
    /// `starts_sort`: the start in microseconds, `i64::MAX` for none.
    pub starts: i64,
    pub doc: DocId,
    /// The flags (bits 0–6): remote, beginner-friendly and supported (bits 0–2, as in
    /// `match_bits`), then the four availability slots (bits 3–6); then the languages
    /// (bit 7 on, in the order of `LANGUAGES`). One word, so that a row is 24 bytes.
    pub traits: u32,
}

// Rows are read by the million: keep them small.
const _: () = assert!(std::mem::size_of::<Row>() == 24);

/// The flags of [`Row::flags`], by their `match_bits`.
pub mod row_flags {
    use crate::search::schema::match_bits;

    /// How many bits the flags take, and how many combinations of them there are.
    pub const BITS: u32 = 7;
    pub const COMBINATIONS: usize = 1 << BITS;
    pub const REMOTE: u8 = 1;
    pub const BEGINNER_FRIENDLY: u8 = 1 << 1;
    pub const SUPPORTED: u8 = 1 << 2;
    /// The four availability slots.
    pub const SLOTS: u8 = 0b1111 << 3;

    /// The row flags of a task's `match_bits`.
    pub fn of(bits: u64) -> u8 {
        let own =
            bits & (match_bits::REMOTE | match_bits::BEGINNER_FRIENDLY | match_bits::SUPPORTED);
        let slots = (bits >> 8) & 0b1111;
        (own | slots << 3) as u8
    }
}

impl Row {
    /// The flags, as an index into a table of [`row_flags::COMBINATIONS`].
    #[inline]
    pub fn flags(&self) -> usize {
        (self.traits as usize) % row_flags::COMBINATIONS
    }

    /// A row from a task's column values.
    pub fn new(doc: DocId, bits: u64, categories: u64, starts: i64) -> Self {
        Self {
            categories,
            starts,
            doc,
            traits: u32::from(row_flags::of(bits)) | ((bits >> 16) as u32) << row_flags::BITS,
        }
    }
}

/// A task's place as a [`Group`] keeps it: `municipality_no` and `region_no` (codes plus
/// one, 0 for none).
pub fn place_of(municipality_no: u64, region_no: u64) -> (u16, u8) {
    (
        municipality_no.min(u64::from(u16::MAX)) as u16,
        region_no.min(u64::from(u8::MAX)) as u8,
    )
}

/// An age limit as a byte: `min_age` as is (0 for none), `max_age` as is or
/// [`NO_AGE_LIMIT`] for none.
pub fn age_byte(limit: i64) -> u8 {
    if limit >= i64::from(NO_AGE_LIMIT) {
        NO_AGE_LIMIT
    } else {
        limit.clamp(0, 254) as u8
    }
}

/// The tasks with the same age limits and place: a volunteer's age admits all of them or
/// none, and the place adds the same to each, so both are worked out once for the lot.
#[derive(Debug, Default)]
pub struct Group {
    pub min_age: u8,
    pub max_age: u8,
    pub municipality: u16,
    pub region: u8,
    /// Their rows: `SegmentRows::rows[start..end]`, in document order.
    pub start: usize,
    pub end: usize,
}

/// What tells a [`Group`]: minimum and maximum age, municipality and region numbers.
type GroupKey = (u8, u8, u16, u8);

/// One segment's rows, group after group in one array, so that a scan reads memory in
/// order (rows in an allocation per group were measured twice as slow: each small group
/// started with a cache miss).
#[derive(Debug, Default)]
pub struct SegmentRows {
    pub rows: Vec<Row>,
    pub groups: Vec<Group>,
    /// The segment's documents, deleted and unjoinable ones included.
    pub max_doc: DocId,
}

/// Documents read from a column at a time.
const CHUNK: u32 = 4096;

/// The values of `column` for `docs`, `missing` where a document has none.
fn values<T>(column: &Column<T>, docs: &[DocId], missing: T, out: &mut Vec<T>)
where
    T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + 'static,
{
    let mut found: Vec<Option<T>> = vec![None; docs.len()];
    column.first_vals(docs, &mut found);
    out.clear();
    out.extend(found.iter().map(|v| v.unwrap_or(missing)));
}

impl SegmentRows {
    /// Reads the rows of one segment of the listed tasks.
    pub fn read(reader: &SegmentReader) -> tantivy::Result<Self> {
        let fast = reader.fast_fields();
        let (bits_c, categories_c, municipality_c, region_c) = (
            fast.u64("match_bits")?,
            fast.u64("category_mask")?,
            fast.u64("municipality_no")?,
            fast.u64("region_no")?,
        );
        let (min_c, max_c, starts_c) = (
            fast.i64("min_age")?,
            fast.i64("max_age")?,
            fast.i64("starts_sort")?,
        );
        let max_doc = reader.max_doc();
        let mut groups: HashMap<GroupKey, Vec<Row>> = HashMap::new();
        let (mut docs, mut all_bits, mut joinable, mut bits) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut categories, mut municipality, mut region) = (Vec::new(), Vec::new(), Vec::new());
        let (mut min_age, mut max_age, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        let mut start = 0;
        while start < max_doc {
            let end = max_doc.min(start + CHUNK);
            docs.clear();
            docs.extend(start..end);
            values(&bits_c, &docs, 0, &mut all_bits);
            joinable.clear();
            bits.clear();
            for (doc, b) in docs.iter().zip(&all_bits) {
                if b & match_bits::JOINABLE != 0 {
                    joinable.push(*doc);
                    bits.push(*b);
                }
            }
            values(&categories_c, &joinable, 0, &mut categories);
            values(&municipality_c, &joinable, 0, &mut municipality);
            values(&region_c, &joinable, 0, &mut region);
            values(&min_c, &joinable, 0, &mut min_age);
            values(&max_c, &joinable, i64::MAX, &mut max_age);
            values(&starts_c, &joinable, i64::MAX, &mut starts);
            for (i, doc) in joinable.iter().enumerate() {
                let (place, area) = place_of(municipality[i], region[i]);
                let key = (age_byte(min_age[i]), age_byte(max_age[i]), place, area);
                groups.entry(key).or_default().push(Row::new(
                    *doc,
                    bits[i],
                    categories[i],
                    starts[i],
                ));
            }
            start = end;
        }
        let mut keyed: Vec<(GroupKey, Vec<Row>)> = groups.into_iter().collect();
        keyed.sort_by_key(|(key, _)| *key);
        let mut rows = Vec::with_capacity(keyed.iter().map(|(_, r)| r.len()).sum());
        let groups = keyed
            .into_iter()
            .map(|((min_age, max_age, municipality, region), group)| {
                let start = rows.len();
                rows.extend(group);
                Group {
                    min_age,
                    max_age,
                    municipality,
                    region,
                    start,
                    end: rows.len(),
                }
            })
            .collect();
        Ok(Self {
            rows,
            groups,
            max_doc,
        })
    }
}

/// The rows of every segment some searcher of the listed tasks holds. It is the reader's
/// warmer, so a new segment's rows are built before a searcher can see it (on the
/// follower's commit, not in a request); [`MatchColumns::of`] also builds the rows of a
/// segment it does not hold yet, for a reader made without it.
#[derive(Debug, Default)]
pub struct MatchColumns {
    segments: RwLock<HashMap<SegmentId, Arc<SegmentRows>>>,
}

impl MatchColumns {
    /// The rows of the segment `reader` reads.
    pub fn of(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentRows>> {
        let id = reader.segment_id();
        if let Ok(segments) = self.segments.read()
            && let Some(rows) = segments.get(&id)
            && rows.max_doc == reader.max_doc()
        {
            return Ok(rows.clone());
        }
        let rows = Arc::new(SegmentRows::read(reader)?);
        if let Ok(mut segments) = self.segments.write() {
            segments.insert(id, rows.clone());
        }
        Ok(rows)
    }

    /// How many segments are held, and how many documents they cover.
    pub fn held(&self) -> (usize, usize) {
        self.segments.read().map_or((0, 0), |s| {
            (s.len(), s.values().map(|c| c.max_doc as usize).sum())
        })
    }
}

impl Warmer for MatchColumns {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for reader in searcher.segment_readers() {
            self.of(reader)?;
        }
        Ok(())
    }

    fn garbage_collect(&self, live_generations: &[&SearcherGeneration]) {
        let live: HashSet<SegmentId> = live_generations
            .iter()
            .flat_map(|g| g.segments().keys().copied())
            .collect();
        if let Ok(mut segments) = self.segments.write() {
            segments.retain(|id, _| live.contains(id));
        }
    }
}
