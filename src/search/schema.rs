//! The fields of a task document. Text is analysed by [`finnish`](super::finnish); filters
//! are exact terms or numeric ranges; sorting and facets read numeric fast fields.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::search::finnish;

/// Bumped whenever the schema or the analysis changes: an index of another version is
/// rebuilt at start-up.
pub const VERSION: u32 = 6;

/// Flags a task document carries in [`TaskFields::flags`], one term each.
pub mod flag {
    pub const REMOTE: &str = "remote";
    pub const HAS_SPOTS: &str = "has_spots";
    pub const BEGINNER_FRIENDLY: &str = "beginner_friendly";
    pub const SUPPORTED: &str = "supported";
    pub const PLACEMENT: &str = "placement";
    /// A volunteer can still join: a spot is free or the task keeps a waitlist.
    pub const JOINABLE: &str = "joinable";
}

/// What recommendations score a task on beyond its categories and place, as bits of one
/// fast field ([`TaskFields::match_bits`]), so that scoring a task reads one number: its
/// flags, its availability slots (`tasks::slots`) and its languages
/// (`tasks::draft::LANGUAGES`).
pub mod match_bits {
    use crate::tasks::draft::LANGUAGES;
    use crate::tasks::slots;

    /// The task can be done remotely.
    pub const REMOTE: u64 = 1;
    /// Marked beginner-friendly.
    pub const BEGINNER_FRIENDLY: u64 = 1 << 1;
    /// Offers support (a named contact, guidance).
    pub const SUPPORTED: u64 = 1 << 2;
    /// Can still be joined (the `joinable` flag), so that recommendations need no query
    /// clause for it.
    pub const JOINABLE: u64 = 1 << 3;

    const SLOTS: [&str; 4] = [
        slots::WEEKDAY_DAYTIME,
        slots::WEEKDAY_EVENINGS,
        slots::WEEKENDS,
        slots::SCHOOL_HOLIDAYS,
    ];

    /// The bit of an availability slot (bits 8–11); 0 for a name that is not a slot.
    pub fn slot(name: &str) -> u64 {
        SLOTS
            .iter()
            .position(|s| *s == name)
            .map_or(0, |i| 1 << (8 + i))
    }

    /// The bit of a task language (bits 16 on, in the order of `LANGUAGES`); 0 for one
    /// that is not listed.
    pub fn language(code: &str) -> u64 {
        LANGUAGES
            .iter()
            .position(|l| *l == code)
            .filter(|i| *i < 48)
            .map_or(0, |i| 1 << (16 + i))
    }
}

/// Handles to every field of a task document.
#[derive(Clone, Copy)]
pub struct TaskFields {
    /// The task's id: stored (the page of hits is hydrated from the database by id) and a
    /// term (a change deletes the old document by it).
    pub id: Field,
    /// The association's id, to drop all its tasks when it changes.
    pub association_id: Field,
    /// The title, weighted above the rest.
    pub title: Field,
    /// Description, the association's name, the address.
    pub text: Field,
    /// Every word of title and text, whole: the dictionary that prefixes and typos are
    /// looked up in.
    pub words: Field,
    pub municipality: Field,
    pub region: Field,
    pub category: Field,
    pub language: Field,
    pub schedule_type: Field,
    /// The availability slots the task falls in (`tasks::slots`), for matching.
    pub slots: Field,
    pub flags: Field,
    pub min_age: Field,
    pub max_age: Field,
    /// Start, when the task has one (microseconds since the epoch).
    pub starts_at: Field,
    /// When the task stops being listed: its deadline or its end, whichever comes first.
    pub closes_at: Field,
    /// Sort keys: `i64::MAX` stands for "none", so those sort last in ascending order.
    pub starts_sort: Field,
    pub deadline_sort: Field,
    pub published: Field,
    /// The newest-first keys as ascending ones (the negated publication time, the
    /// complemented tie-break): tantivy's top-k by an ascending key was measured three times
    /// faster than by a descending one.
    pub recency: Field,
    pub tiebreak_rev: Field,
    /// A unique number per task (from its id) that breaks every tie, so that the order
    /// never depends on where a document happens to sit in the index.
    pub tiebreak: Field,
    /// Facet numbers: a bit per category, the region and municipality codes (+1; 0 for
    /// none), the schedule type.
    pub category_mask: Field,
    pub region_no: Field,
    pub municipality_no: Field,
    pub schedule_no: Field,
    /// Flags, slots and languages as bits ([`match_bits`]), for recommendations.
    pub match_bits: Field,
}

impl TaskFields {
    /// Builds the schema and the handles to its fields.
    pub fn schema() -> (Schema, Self) {
        let mut b = Schema::builder();
        let stemmed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(finnish::ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let words = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(finnish::WORDS)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        let fields = Self {
            id: b.add_text_field("id", STRING | STORED),
            association_id: b.add_text_field("association_id", STRING),
            title: b.add_text_field("title", stemmed.clone()),
            text: b.add_text_field("text", stemmed),
            words: b.add_text_field("words", words),
            municipality: b.add_text_field("municipality", STRING),
            region: b.add_text_field("region", STRING),
            category: b.add_text_field("category", STRING),
            language: b.add_text_field("language", STRING),
            schedule_type: b.add_text_field("schedule_type", STRING),
            slots: b.add_text_field("slots", STRING),
            flags: b.add_text_field("flags", STRING),
            min_age: b.add_i64_field("min_age", INDEXED | FAST),
            max_age: b.add_i64_field("max_age", INDEXED | FAST),
            starts_at: b.add_i64_field("starts_at", INDEXED),
            closes_at: b.add_i64_field("closes_at", INDEXED | FAST),
            starts_sort: b.add_i64_field("starts_sort", FAST),
            deadline_sort: b.add_i64_field("deadline_sort", FAST),
            published: b.add_i64_field("published", FAST),
            recency: b.add_i64_field("recency", FAST),
            tiebreak_rev: b.add_u64_field("tiebreak_rev", FAST),
            tiebreak: b.add_u64_field("tiebreak", FAST),
            category_mask: b.add_u64_field("category_mask", FAST),
            region_no: b.add_u64_field("region_no", FAST),
            municipality_no: b.add_u64_field("municipality_no", FAST),
            schedule_no: b.add_u64_field("schedule_no", FAST),
            match_bits: b.add_u64_field("match_bits", FAST),
        };
        (b.build(), fields)
    }
}

/// The schedule types, in the order of their facet numbers.
pub const SCHEDULE_TYPES: [&str; 3] = ["fixed", "flexible", "ongoing"];
