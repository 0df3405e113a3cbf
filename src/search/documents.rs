//! Task documents, built from the database: which index part a task belongs in (listed,
//! past, or none) and what its document holds.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use tantivy::TantivyDocument;

use crate::db::DbConnection;
use crate::db::schema::{associations, categories, municipalities, tasks};
use crate::error::AppError;
use crate::search::schema::{SCHEDULE_TYPES, TaskFields, flag, match_bits};
use crate::tasks::model::{self, Task};
use crate::tasks::search::listed_at;
use crate::tasks::slots;

/// Where a task's document belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Listed: published by a verified association, not ended, deadline not passed.
    Listed,
    /// Published by a verified association but over (`include_past=true`).
    Past,
}

/// The moment a listed task stops being listed, if it ever does.
pub fn closes_at(task: &Task) -> Option<NaiveDateTime> {
    match (task.ends_at, task.application_deadline) {
        (Some(e), Some(d)) => Some(e.min(d)),
        (e, d) => e.or(d),
    }
}

/// Microseconds since the epoch, the unit of every time field.
pub fn micros(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_micros()
}

/// The category slugs in the order of their bits in `category_mask` (at most 64).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories(pub Vec<String>);

impl Categories {
    /// Reads the categories from the reference data.
    pub fn load(conn: &mut DbConnection) -> Result<Self, AppError> {
        let slugs: Vec<String> = categories::table
            .order(categories::slug)
            .select(categories::slug)
            .load(conn)?;
        if slugs.len() > 64 {
            return Err(AppError::internal(
                "more than 64 categories do not fit the mask",
            ));
        }
        Ok(Self(slugs))
    }

    pub fn bit(&self, slug: &str) -> u64 {
        self.0
            .iter()
            .position(|s| s == slug)
            .map_or(0, |i| 1u64 << i)
    }
}

/// Which tasks to load.
pub enum Which<'a> {
    /// These tasks.
    Ids(&'a [String]),
    /// Every task of these associations.
    OfAssociations(&'a [String]),
    /// A batch of every task, newest id first, before the given id (`None`: from the
    /// newest), for a rebuild. Newest first because documents then sit in the index in
    /// about newest-first order, the order of the default listing: its top-k collector
    /// fills with the best early and skips the rest on a threshold comparison, where
    /// oldest-first made every document beat the current top and go through the heap.
    Before(Option<&'a str>, i64),
}

/// A loaded task: its id, its association, and its document with the part it belongs in
/// (`None`: it belongs in no part, so any document of it goes).
pub struct Loaded {
    pub id: String,
    pub association_id: String,
    pub document: Option<(Part, TantivyDocument)>,
    pub closes_at: Option<NaiveDateTime>,
}

/// Loads tasks and builds their documents as of `now`.
pub fn load(
    conn: &mut DbConnection,
    which: Which<'_>,
    now: NaiveDateTime,
    fields: &TaskFields,
    categories: &Categories,
) -> Result<Vec<Loaded>, AppError> {
    let query = tasks::table
        .inner_join(associations::table)
        .left_join(
            municipalities::table.on(tasks::municipality_code.eq(municipalities::code.nullable())),
        )
        .select((
            Task::as_select(),
            associations::status,
            associations::name,
            municipalities::region_code.nullable(),
        ))
        .into_boxed();
    let query = match which {
        Which::Ids(ids) => query.filter(tasks::id.eq_any(ids)),
        Which::OfAssociations(ids) => query.filter(tasks::association_id.eq_any(ids)),
        Which::Before(before, limit) => {
            let query = match before {
                Some(before) => query.filter(tasks::id.lt(before.to_owned())),
                None => query,
            };
            query.order(tasks::id.desc()).limit(limit)
        }
    };
    let rows: Vec<(Task, String, String, Option<String>)> = query.load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|(t, ..)| t.id.as_str()).collect();
    let task_categories = model::categories_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(task, association_status, association_name, region)| {
            let public = task.is_public(&association_status);
            let part = match (public, listed_at(&task, now)) {
                (false, _) => None,
                (true, true) => Some(Part::Listed),
                (true, false) => Some(Part::Past),
            };
            let mine: Vec<&str> = task_categories
                .iter()
                .filter(|(id, _)| *id == task.id)
                .map(|(_, c)| c.as_str())
                .collect();
            let document = part.map(|p| {
                (
                    p,
                    document(
                        &task,
                        &association_name,
                        region.as_deref(),
                        &mine,
                        fields,
                        categories,
                    ),
                )
            });
            Loaded {
                id: task.id.clone(),
                association_id: task.association_id.clone(),
                closes_at: closes_at(&task),
                document,
            }
        })
        .collect())
}

/// A number that orders like the id's leading bits (UUIDv7: time first), unique per task.
pub fn tiebreak(id: &str) -> u64 {
    match uuid::Uuid::parse_str(id) {
        Ok(u) => (u.as_u128() >> 64) as u64,
        Err(_) => {
            // Not a UUID (never written by the service); any stable number will do.
            id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
        }
    }
}

/// The facet number of a region or municipality code: the code plus one, 0 for none.
pub fn code_number(code: Option<&str>) -> u64 {
    code.and_then(|c| c.parse::<u64>().ok())
        .map_or(0, |n| n + 1)
}

fn document(
    task: &Task,
    association_name: &str,
    region: Option<&str>,
    task_categories: &[&str],
    f: &TaskFields,
    categories: &Categories,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &task.id);
    doc.add_text(f.association_id, &task.association_id);
    doc.add_text(f.title, &task.title);
    let mut text = vec![task.description.as_str(), association_name];
    if let Some(address) = &task.address {
        text.push(address);
    }
    for part in &text {
        doc.add_text(f.text, part);
    }
    doc.add_text(f.words, &task.title);
    for part in &text {
        doc.add_text(f.words, part);
    }
    if let Some(code) = &task.municipality_code {
        doc.add_text(f.municipality, code);
    }
    if let Some(region) = region {
        doc.add_text(f.region, region);
    }
    let mut mask = 0;
    for slug in task_categories {
        doc.add_text(f.category, slug);
        mask |= categories.bit(slug);
    }
    for language in task.languages.0.iter() {
        doc.add_text(f.language, language);
    }
    doc.add_text(f.schedule_type, &task.schedule_type);
    for slot in slots::slots(&task.schedule_type, task.starts_at) {
        doc.add_text(f.slots, slot);
    }
    let flags = [
        (flag::REMOTE, task.is_remote()),
        (flag::HAS_SPOTS, task.has_free_spot()),
        (flag::BEGINNER_FRIENDLY, task.beginner_friendly),
        (flag::SUPPORTED, task.supported),
        (flag::PLACEMENT, task.placement.0.is_some()),
        (flag::JOINABLE, task.can_be_joined()),
    ];
    for (name, set) in flags {
        if set {
            doc.add_text(f.flags, name);
        }
    }
    doc.add_i64(f.min_age, i64::from(task.min_age.unwrap_or(0)));
    doc.add_i64(f.max_age, i64::from(task.max_age.unwrap_or(i32::MAX)));
    if let Some(starts) = task.starts_at {
        doc.add_i64(f.starts_at, micros(starts));
    }
    doc.add_i64(f.closes_at, closes_at(task).map_or(i64::MAX, micros));
    doc.add_i64(f.starts_sort, task.starts_at.map_or(i64::MAX, micros));
    doc.add_i64(
        f.deadline_sort,
        task.application_deadline.map_or(i64::MAX, micros),
    );
    doc.add_i64(f.published, task.published_at.map_or(i64::MIN, micros));
    doc.add_u64(f.tiebreak, tiebreak(&task.id));
    doc.add_i64(
        f.recency,
        task.published_at
            .map_or(i64::MAX, |p| micros(p).saturating_neg()),
    );
    doc.add_u64(f.tiebreak_rev, !tiebreak(&task.id));
    doc.add_u64(f.category_mask, mask);
    doc.add_u64(f.region_no, code_number(region));
    doc.add_u64(
        f.municipality_no,
        code_number(task.municipality_code.as_deref()),
    );
    let schedule = SCHEDULE_TYPES
        .iter()
        .position(|s| *s == task.schedule_type)
        .unwrap_or(0);
    doc.add_u64(f.schedule_no, schedule as u64);
    doc.add_u64(f.match_bits, match_bits_of(task));
    doc
}

/// The task's [`match_bits`].
fn match_bits_of(task: &Task) -> u64 {
    let mut bits = 0;
    if task.is_remote() {
        bits |= match_bits::REMOTE;
    }
    if task.beginner_friendly {
        bits |= match_bits::BEGINNER_FRIENDLY;
    }
    if task.supported {
        bits |= match_bits::SUPPORTED;
    }
    if task.can_be_joined() {
        bits |= match_bits::JOINABLE;
    }
    for slot in slots::slots(&task.schedule_type, task.starts_at) {
        bits |= match_bits::slot(slot);
    }
    for language in task.languages.0.iter() {
        bits |= match_bits::language(language);
    }
    bits
}
