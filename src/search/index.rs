//! The search index on disk and how it follows the database.
//!
//! Layout: `{search_dir}/index-v{VERSION}/CURRENT` names the generation in use, a folder
//! beside it holding one tantivy index per [`Kind`]: `listed` tasks (what `GET /tasks`
//! shows), `past` tasks (published but over, for `include_past=true`), `associations` and
//! `services`. Keeping each kind apart keeps the common query free of a "kind" or "listed"
//! filter clause, which made queries several times slower in the prototype.
//!
//! Each commit carries the feed position it is current to (the commit payload), so the
//! index and its position can never disagree. A rebuild writes a new generation and then
//! points `CURRENT` at it; a running server notices and switches, so `talkoot reindex`
//! never stops one from answering.

use std::collections::{BTreeSet, HashSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex, RwLock, Weak};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::RangeQuery;
use tantivy::schema::Value;
use tantivy::{
    Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term, Warmer,
};

use crate::associations::model::{Association, Service};
use crate::changes::{self, Change, Entity};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::count_cache::CountCache;
use crate::search::documents::{self, Categories, Loaded, Part, Which};
use crate::search::finnish;
use crate::search::match_columns::MatchColumns;
use crate::search::organisations::{self, AssociationFields, ServiceFields};
use crate::search::schema::{TaskFields, VERSION};

/// How far behind its position the follower looks again for rows that committed late (a
/// PostgreSQL transaction can take a sequence number, then commit after a later one).
const LOOKBACK: i64 = 1_000;
/// Feed rows applied per commit.
const BATCH: i64 = 2_000;
/// Tasks per batch of a rebuild.
const REBUILD_BATCH: i64 = 5_000;
/// Memory for the follower's writer of each part (tantivy's minimum is 15 MB).
const FOLLOW_MEMORY: usize = 20_000_000;

/// A failure of the index, as the one error type (a 500: the index is ours, not the caller's).
pub(crate) fn search_error(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("search index: {e}"))
}

/// What each commit records beside the documents.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    position: i64,
    categories: Vec<String>,
}

/// The kinds of document, one tantivy index each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Listed tasks.
    Listed,
    /// Published tasks that are over.
    Past,
    /// Verified associations.
    Associations,
    /// Services of verified associations.
    Services,
}

impl Kind {
    /// Every kind, in the order of a generation's parts.
    pub const ALL: [Kind; 4] = [Kind::Listed, Kind::Past, Kind::Associations, Kind::Services];

    fn folder(self) -> &'static str {
        match self {
            Kind::Listed => "listed",
            Kind::Past => "past",
            Kind::Associations => "associations",
            Kind::Services => "services",
        }
    }

    fn schema(self) -> tantivy::schema::Schema {
        match self {
            Kind::Listed | Kind::Past => TaskFields::schema().0,
            Kind::Associations => AssociationFields::schema().0,
            Kind::Services => ServiceFields::schema().0,
        }
    }

    /// The kind that holds tasks of this part.
    pub fn of(part: Part) -> Self {
        match part {
            Part::Listed => Kind::Listed,
            Part::Past => Kind::Past,
        }
    }
}

/// The field handles of every kind.
#[derive(Clone, Copy)]
pub struct Fields {
    pub tasks: TaskFields,
    pub associations: AssociationFields,
    pub services: ServiceFields,
}

impl Fields {
    fn new() -> Self {
        Self {
            tasks: TaskFields::schema().1,
            associations: AssociationFields::schema().1,
            services: ServiceFields::schema().1,
        }
    }
}

/// Registers the analysers that the schemas name, on an index opened or created.
pub(crate) fn register_analyzers(index: &Index) {
    index
        .tokenizers()
        .register(finnish::ANALYZER, finnish::analyzer());
    index
        .tokenizers()
        .register(finnish::WORDS, finnish::words_analyzer());
}

/// One tantivy index.
struct Segmented {
    index: Index,
    reader: IndexReader,
}

impl Segmented {
    /// Opens the index in `dir`; `warmer` (if any) sees each new searcher before it is
    /// used.
    fn open(dir: &Path, warmer: Option<Weak<dyn Warmer>>) -> Result<Self, AppError> {
        let index = Index::open_in_dir(dir).map_err(search_error)?;
        Self::with(index, warmer)
    }

    fn create(dir: &Path, kind: Kind) -> Result<Self, AppError> {
        std::fs::create_dir_all(dir).map_err(search_error)?;
        let index = Index::create_in_dir(dir, kind.schema()).map_err(search_error)?;
        Self::with(index, None)
    }

    fn with(index: Index, warmer: Option<Weak<dyn Warmer>>) -> Result<Self, AppError> {
        register_analyzers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .warmers(warmer.into_iter().collect())
            .try_into()
            .map_err(search_error)?;
        Ok(Self { index, reader })
    }

    fn payload(&self) -> Result<Payload, AppError> {
        let metas = self.index.load_metas().map_err(search_error)?;
        match metas.payload {
            Some(p) => serde_json::from_str(&p).map_err(search_error),
            None => Err(search_error("no payload")),
        }
    }

    fn writer(&self, threads: usize, memory: usize) -> Result<IndexWriter, AppError> {
        self.index
            .writer_with_num_threads(threads, memory * threads)
            .map_err(search_error)
    }
}

/// A generation: every kind's index, and (once opened to follow) their writers.
struct Generation {
    name: String,
    /// In the order of [`Kind::ALL`].
    parts: Vec<Segmented>,
    fields: Fields,
    follow: Mutex<Option<Follower>>,
    /// The feed position of the last commit, so that a search need not read it from disk.
    committed: AtomicI64,
    /// Replaced by a rebuilt generation: its folder is removed once nothing uses it.
    retired: AtomicBool,
    /// The earliest `closes_at` among the listed tasks of one searcher (its generation
    /// id, microseconds): until then nothing is due to leave the listing, and a catch-up
    /// need not look (every search makes one).
    earliest_close: Mutex<Option<(u64, i64)>>,
    dir: PathBuf,
}

impl Drop for Generation {
    fn drop(&mut self) {
        if !self.retired.load(AtomicOrdering::Acquire) {
            return;
        }
        // The writers first (they wait for their merges), then the files.
        if let Ok(mut follow) = self.follow.lock() {
            follow.take();
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            tracing::warn!(error = %e, dir = %self.dir.display(), "could not remove an old search index");
        }
    }
}

/// The writers and the feed position, behind one lock: whoever holds it applies changes.
struct Follower {
    /// In the order of [`Kind::ALL`].
    writers: Vec<IndexWriter>,
    position: i64,
    /// Sequence numbers within [`LOOKBACK`] of the position that have been applied.
    recent: BTreeSet<i64>,
}

impl Follower {
    fn writer(&self, kind: Kind) -> &IndexWriter {
        &self.writers[kind as usize]
    }
}

impl Generation {
    /// Opens the generation `name`; the listed tasks' reader keeps `columns` current.
    fn open(root: &Path, name: &str, columns: &Arc<MatchColumns>) -> Result<Self, AppError> {
        let dir = root.join(name);
        let parts = Kind::ALL
            .iter()
            .map(|k| {
                let warmer = (*k == Kind::Listed).then(|| {
                    let weak: Weak<MatchColumns> = Arc::downgrade(columns);
                    weak as Weak<dyn Warmer>
                });
                Segmented::open(&dir.join(k.folder()), warmer)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut position = i64::MAX;
        for part in &parts {
            position = position.min(part.payload()?.position);
        }
        Ok(Self {
            name: name.to_owned(),
            parts,
            fields: Fields::new(),
            follow: Mutex::new(None),
            committed: AtomicI64::new(position),
            retired: AtomicBool::new(false),
            earliest_close: Mutex::new(None),
            dir,
        })
    }

    fn part(&self, kind: Kind) -> &Segmented {
        &self.parts[kind as usize]
    }

    /// Opens the writers, if not yet open, to follow the feed from `position`.
    fn follow_from(&self, position: i64) -> Result<(), AppError> {
        let mut guard = self.follow.lock().map_err(search_error)?;
        if guard.is_none() {
            let busy = |e: AppError| {
                AppError::internal(format!(
                    "{e} (is another instance using the same SEARCH_DIR? each needs its own)"
                ))
            };
            let writers = self
                .parts
                .iter()
                .map(|p| p.writer(1, FOLLOW_MEMORY).map_err(busy))
                .collect::<Result<Vec<_>, _>>()?;
            *guard = Some(Follower {
                writers,
                position,
                recent: BTreeSet::new(),
            });
        }
        Ok(())
    }

    /// The position every part is current to (as committed).
    fn position(&self) -> i64 {
        self.committed.load(AtomicOrdering::Acquire)
    }
}

/// The search index, shared by every request of this server instance.
pub struct SearchIndex {
    root: PathBuf,
    categories: Categories,
    current: RwLock<Arc<Generation>>,
    /// One permit per core: searches beyond that wait in a queue rather than time-slice the
    /// cores among themselves, which the prototype measured at half the p99.
    slots: Arc<tokio::sync::Semaphore>,
    /// Counts of recent task queries, for as long as the index is unchanged.
    counts: CountCache,
    /// The listed tasks' columns that recommendations score on, per segment.
    columns: Arc<MatchColumns>,
}

/// How a change to the index went, for logs and `/readyz`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub changes: usize,
    pub swept: usize,
}

impl SearchIndex {
    /// Opens the index under `search_dir`, rebuilding it from the database when it is
    /// missing, unreadable, of another schema version, for other categories or behind the
    /// oldest change the feed still holds.
    pub fn open(
        search_dir: &Path,
        conn: &mut DbConnection,
        now: NaiveDateTime,
    ) -> Result<Self, AppError> {
        let root = search_dir.join(format!("index-v{VERSION}"));
        let categories = Categories::load(conn)?;
        let columns = Arc::new(MatchColumns::default());
        let usable = read_current(&root).and_then(|name| {
            let generation = Generation::open(&root, &name, &columns).ok()?;
            let payload = generation.part(Kind::Listed).payload().ok()?;
            (payload.categories == categories.0).then_some(generation)
        });
        // An index that was offline while retention pruned the feed past it is rebuilt.
        let usable = match usable {
            Some(g) if changes::holds_all_after(conn, g.position())? => Some(g),
            _ => None,
        };
        let generation = match usable {
            Some(g) => g,
            None => {
                tracing::info!(dir = %root.display(), "building the search index");
                let name = build(&root, conn, now, &categories, |_| {})?;
                Generation::open(&root, &name, &columns)?
            }
        };
        remove_older_generations(&root, &generation.name);
        remove_older_versions(search_dir);
        // Take the writers now: a second instance on the same folder fails here, clearly,
        // rather than on its first change.
        generation.follow_from(generation.position())?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(Self {
            root,
            categories,
            current: RwLock::new(Arc::new(generation)),
            slots: Arc::new(tokio::sync::Semaphore::new(cores)),
            counts: CountCache::new(true),
            columns,
        })
    }

    /// Waits for a search slot; hold it while searching.
    pub async fn slot(&self) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
        self.slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| AppError::internal(format!("search slots: {e}")))
    }

    /// Turns the count cache on or off (`SEARCH_COUNT_CACHE`; on by default).
    pub fn with_count_cache(mut self, enabled: bool) -> Self {
        self.counts = CountCache::new(enabled);
        self
    }

    /// The counts of recent task queries.
    pub fn counts(&self) -> &CountCache {
        &self.counts
    }

    /// The listed tasks' columns, per segment, for recommendations.
    pub fn match_columns(&self) -> &MatchColumns {
        &self.columns
    }

    /// The categories in the order of their facet bits.
    pub fn categories(&self) -> &Categories {
        &self.categories
    }

    fn generation(&self) -> Arc<Generation> {
        match self.current.read() {
            Ok(g) => g.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// A searcher of one kind, and the field handles.
    pub fn searcher(&self, kind: Kind) -> (Searcher, Fields) {
        let generation = self.generation();
        (generation.part(kind).reader.searcher(), generation.fields)
    }

    /// How many feed rows this index is behind the database.
    pub fn lag(&self, conn: &mut DbConnection) -> Result<i64, AppError> {
        let head = changes::head(conn)?;
        Ok((head - self.generation().position()).max(0))
    }

    /// Brings the index up to date: applies the feed past its position and moves tasks
    /// whose time is over out of the listing. Cheap when there is nothing to do (one
    /// query for the feed's head and one range lookup), so every search calls it and
    /// sees every change committed before it began. With `lookback`, rows that committed
    /// late behind the position are looked for too (the background follower does that).
    pub fn catch_up(
        &self,
        conn: &mut DbConnection,
        now: NaiveDateTime,
        lookback: bool,
    ) -> Result<Applied, AppError> {
        if lookback {
            // The background follower looks for a rebuilt generation; searches need not
            // read the folder every time.
            self.switch_if_rebuilt()?;
        }
        let generation = self.generation();
        let head = changes::head(conn)?;
        let due = expired(&generation, now)?;
        let position = generation.position();
        if head <= position && due.is_empty() && !lookback {
            if !Arc::ptr_eq(&generation, &self.generation()) {
                return self.catch_up(conn, now, false);
            }
            return Ok(Applied::default());
        }
        generation.follow_from(position)?;
        let mut guard = generation.follow.lock().map_err(search_error)?;
        let Some(follower) = guard.as_mut() else {
            return Ok(Applied::default());
        };
        let mut applied = Applied::default();
        // Another request may have done the work while this one waited for the lock.
        let due = expired(&generation, now)?;
        if !due.is_empty() {
            applied.swept = due.len();
            let loaded = documents::load(
                conn,
                Which::Ids(&due),
                now,
                &generation.fields.tasks,
                &self.categories,
            )?;
            replace(&generation, follower, &due, &[], loaded)?;
            let position = follower.position;
            commit(&generation, follower, position, &self.categories)?;
        }
        loop {
            let from = if lookback {
                (follower.position - LOOKBACK).max(0)
            } else {
                follower.position
            };
            let rows = changes::since(conn, from, BATCH)?;
            let fresh: Vec<&Change> = rows
                .iter()
                .filter(|c| c.seq > follower.position || !follower.recent.contains(&c.seq))
                .collect();
            let Some(last) = rows.last().map(|c| c.seq) else {
                break;
            };
            if !fresh.is_empty() {
                applied.changes += fresh.len();
                apply(&generation, follower, &fresh, now, conn, &self.categories)?;
                for c in &fresh {
                    follower.recent.insert(c.seq);
                }
                let position = follower.position.max(last);
                commit(&generation, follower, position, &self.categories)?;
                follower.position = position;
                let keep_from = follower.position - LOOKBACK;
                follower.recent = follower.recent.split_off(&keep_from);
            }
            if (rows.len() as i64) < BATCH {
                break;
            }
            if fresh.is_empty() && last <= follower.position {
                break;
            }
        }
        drop(guard);
        // A rebuilt generation may have replaced this one meanwhile: the search that follows
        // reads the current one, so bring that one up to date too.
        if !Arc::ptr_eq(&generation, &self.generation()) {
            let more = self.catch_up(conn, now, false)?;
            applied.changes += more.changes;
            applied.swept += more.swept;
        }
        Ok(applied)
    }

    /// Builds a new generation from the database and points `CURRENT` at it; a server
    /// running on the same folder switches to it on its next catch-up. `progress` is told
    /// how many tasks are done.
    pub fn rebuild(
        search_dir: &Path,
        conn: &mut DbConnection,
        now: NaiveDateTime,
        progress: impl FnMut(u64),
    ) -> Result<(), AppError> {
        let root = search_dir.join(format!("index-v{VERSION}"));
        let categories = Categories::load(conn)?;
        build(&root, conn, now, &categories, progress)?;
        Ok(())
    }

    /// Switches to the generation `CURRENT` names when a rebuild made a new one.
    fn switch_if_rebuilt(&self) -> Result<(), AppError> {
        let current = self.generation();
        let Some(name) = read_current(&self.root) else {
            return Ok(());
        };
        if name == current.name {
            return Ok(());
        }
        let fresh = Generation::open(&self.root, &name, &self.columns)?;
        let mut slot = self.current.write().map_err(search_error)?;
        if slot.name == current.name {
            tracing::info!(generation = %name, "switching to the rebuilt search index");
            // Searches still running on the old generation keep reading it; its folder goes
            // when the last of them lets it go (`Drop for Generation`).
            current.retired.store(true, AtomicOrdering::Release);
            *slot = Arc::new(fresh);
        }
        Ok(())
    }
}

/// Listed tasks whose deadline or end is before `now`.
fn expired(generation: &Generation, now: NaiveDateTime) -> Result<Vec<String>, AppError> {
    let searcher = generation.part(Kind::Listed).reader.searcher();
    let searcher_id = searcher.generation().generation_id();
    let now_micros = documents::micros(now);
    if let Ok(cached) = generation.earliest_close.lock()
        && let Some((id, earliest)) = *cached
        && id == searcher_id
        && earliest >= now_micros
    {
        return Ok(Vec::new());
    }
    let f = generation.fields.tasks;
    let query = RangeQuery::new(
        Bound::Unbounded,
        Bound::Excluded(Term::from_field_i64(f.closes_at, documents::micros(now))),
    );
    let hits = searcher
        .search(&query, &DocSetCollector)
        .map_err(search_error)?;
    let mut ids = Vec::with_capacity(hits.len());
    for address in hits {
        let doc: TantivyDocument = searcher.doc(address).map_err(search_error)?;
        if let Some(id) = doc.get_first(f.id).and_then(|v| v.as_str()) {
            ids.push(id.to_owned());
        }
    }
    if ids.is_empty() {
        let earliest = earliest_close(&searcher)?;
        if let Ok(mut cached) = generation.earliest_close.lock() {
            *cached = Some((searcher_id, earliest));
        }
    }
    Ok(ids)
}

/// The earliest `closes_at` among the tasks `searcher` holds (`i64::MAX` for none).
fn earliest_close(searcher: &Searcher) -> Result<i64, AppError> {
    const CHUNK: u32 = 4096;
    let mut earliest = i64::MAX;
    let mut docs: Vec<u32> = Vec::with_capacity(CHUNK as usize);
    let mut values: Vec<Option<i64>> = Vec::with_capacity(CHUNK as usize);
    for reader in searcher.segment_readers() {
        let column = reader
            .fast_fields()
            .i64("closes_at")
            .map_err(search_error)?;
        if column.min_value() >= earliest {
            continue;
        }
        let mut start = 0;
        while start < reader.max_doc() {
            let end = reader.max_doc().min(start + CHUNK);
            docs.clear();
            docs.extend((start..end).filter(|d| !reader.is_deleted(*d)));
            values.clear();
            values.resize(docs.len(), None);
            column.first_vals(&docs, &mut values);
            earliest = values.iter().flatten().fold(earliest, |e, v| e.min(*v));
            start = end;
        }
    }
    Ok(earliest)
}

/// Re-reads what the changes name and replaces their documents.
fn apply(
    generation: &Generation,
    follower: &mut Follower,
    rows: &[&Change],
    now: NaiveDateTime,
    conn: &mut DbConnection,
    categories: &Categories,
) -> Result<(), AppError> {
    let mut task_ids = Vec::new();
    let mut association_ids = Vec::new();
    let mut seen = HashSet::new();
    for c in rows {
        if !seen.insert((c.entity, c.entity_id.as_str())) {
            continue;
        }
        match c.entity {
            Entity::Task => task_ids.push(c.entity_id.clone()),
            Entity::Association => association_ids.push(c.entity_id.clone()),
        }
    }
    let f = &generation.fields.tasks;
    let mut loaded = Vec::new();
    for chunk in task_ids.chunks(500) {
        loaded.extend(documents::load(
            conn,
            Which::Ids(chunk),
            now,
            f,
            categories,
        )?);
    }
    for chunk in association_ids.chunks(100) {
        loaded.extend(documents::load(
            conn,
            Which::OfAssociations(chunk),
            now,
            f,
            categories,
        )?);
    }
    // A task named itself and through its association is loaded twice: add it once.
    let mut added = HashSet::new();
    loaded.retain(|task| added.insert(task.id.clone()));
    replace(generation, follower, &task_ids, &association_ids, loaded)?;
    for chunk in association_ids.chunks(100) {
        let (found, _) = organisations::load(conn, Some(chunk), "", 0)?;
        add_organisations(generation, follower, found)?;
    }
    Ok(())
}

/// Adds the documents of associations and their services (whose old documents are gone).
fn add_organisations(
    generation: &Generation,
    follower: &Follower,
    loaded: Vec<(Association, Option<String>, Vec<Service>)>,
) -> Result<(), AppError> {
    let f = &generation.fields;
    for (association, region, services) in loaded {
        let region = region.as_deref();
        let doc =
            organisations::association_document(&association, region, &services, &f.associations);
        follower
            .writer(Kind::Associations)
            .add_document(doc)
            .map_err(search_error)?;
        for service in &services {
            let doc = organisations::service_document(service, &association, region, &f.services);
            follower
                .writer(Kind::Services)
                .add_document(doc)
                .map_err(search_error)?;
        }
    }
    Ok(())
}

/// Deletes the documents of the tasks and associations named (an association's own, its
/// services' and its tasks'), then adds the tasks that were loaded.
fn replace(
    generation: &Generation,
    follower: &mut Follower,
    task_ids: &[String],
    association_ids: &[String],
    loaded: Vec<Loaded>,
) -> Result<(), AppError> {
    let f = &generation.fields;
    for kind in [Kind::Listed, Kind::Past] {
        let writer = follower.writer(kind);
        for id in task_ids {
            writer.delete_term(Term::from_field_text(f.tasks.id, id));
        }
        for id in association_ids {
            writer.delete_term(Term::from_field_text(f.tasks.association_id, id));
        }
    }
    for id in association_ids {
        follower
            .writer(Kind::Associations)
            .delete_term(Term::from_field_text(f.associations.association_id, id));
        follower
            .writer(Kind::Services)
            .delete_term(Term::from_field_text(f.services.association_id, id));
    }
    for task in loaded {
        if let Some((part, doc)) = task.document {
            follower
                .writer(Kind::of(part))
                .add_document(doc)
                .map_err(search_error)?;
        }
    }
    Ok(())
}

/// Commits every part at `position` and makes the result visible to searches.
fn commit(
    generation: &Generation,
    follower: &mut Follower,
    position: i64,
    categories: &Categories,
) -> Result<(), AppError> {
    let payload = serde_json::to_string(&Payload {
        position,
        categories: categories.0.clone(),
    })
    .map_err(search_error)?;
    for writer in &mut follower.writers {
        let mut prepared = writer.prepare_commit().map_err(search_error)?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(search_error)?;
    }
    for part in &generation.parts {
        part.reader.reload().map_err(search_error)?;
    }
    generation
        .committed
        .store(position, AtomicOrdering::Release);
    Ok(())
}

fn read_current(root: &Path) -> Option<String> {
    let name = std::fs::read_to_string(root.join("CURRENT")).ok()?;
    let name = name.trim();
    (!name.is_empty() && !name.contains(['/', '\\', '.'])).then(|| name.to_owned())
}

/// Removes the generations older than `keep` (names sort by their time): left by a
/// rebuild that a server did not live to switch to. A newer one may be a rebuild still
/// being written, and stays.
/// Indexes of an older schema version (`index-v{n}` below `VERSION`), which this binary
/// never reads again.
fn remove_older_versions(search_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(search_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let older = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_prefix("index-v"))
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v < VERSION);
        if older
            && entry.path().is_dir()
            && let Err(e) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!(error = %e, dir = %entry.path().display(), "could not remove an old search index");
        }
    }
}

fn remove_older_generations(root: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let older = name
            .to_str()
            .is_some_and(|n| n.starts_with("g-") && n < keep);
        if older
            && entry.path().is_dir()
            && let Err(e) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!(error = %e, dir = %entry.path().display(), "could not remove an old search index");
        }
    }
}

/// Writes a whole new generation from the database and makes it `CURRENT`.
fn build(
    root: &Path,
    conn: &mut DbConnection,
    now: NaiveDateTime,
    categories: &Categories,
    mut progress: impl FnMut(u64),
) -> Result<String, AppError> {
    let name = format!(
        "g-{}-{}",
        chrono::Utc::now().format("%Y%m%d%H%M%S%f"),
        std::process::id()
    );
    let dir = root.join(&name);
    // Changes from here on are applied again by the first catch-up; applying one twice
    // is harmless.
    let position = changes::head(conn)?;
    let parts = Kind::ALL
        .iter()
        .map(|k| Segmented::create(&dir.join(k.folder()), *k))
        .collect::<Result<Vec<_>, _>>()?;
    let fields = Fields::new();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let writers = parts
        .iter()
        .zip(Kind::ALL)
        .map(|(p, k)| match k {
            Kind::Listed => p.writer(threads, 100_000_000),
            _ => p.writer(1, FOLLOW_MEMORY),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut follower = Follower {
        writers,
        position,
        recent: BTreeSet::new(),
    };
    let generation = Generation {
        name: name.clone(),
        parts,
        fields,
        follow: Mutex::new(None),
        committed: AtomicI64::new(position),
        retired: AtomicBool::new(false),
        earliest_close: Mutex::new(None),
        dir: dir.clone(),
    };
    let mut before: Option<String> = None;
    let mut done = 0u64;
    loop {
        let batch = documents::load(
            conn,
            Which::Before(before.as_deref(), REBUILD_BATCH),
            now,
            &fields.tasks,
            categories,
        )?;
        let Some(last) = batch.last().map(|t| t.id.clone()) else {
            break;
        };
        done += batch.len() as u64;
        for task in batch {
            if let Some((part, doc)) = task.document {
                follower
                    .writer(Kind::of(part))
                    .add_document(doc)
                    .map_err(search_error)?;
            }
        }
        progress(done);
        before = Some(last);
    }
    let mut after = String::new();
    loop {
        let (batch, last) = organisations::load(conn, None, &after, REBUILD_BATCH)?;
        let Some(last) = last else {
            break;
        };
        add_organisations(&generation, &follower, batch)?;
        after = last;
    }
    commit(&generation, &mut follower, position, categories)?;
    for writer in follower.writers {
        writer.wait_merging_threads().map_err(search_error)?;
    }
    std::fs::create_dir_all(root).map_err(search_error)?;
    let tmp = root.join("CURRENT.tmp");
    std::fs::write(&tmp, &name).map_err(search_error)?;
    std::fs::rename(&tmp, root.join("CURRENT")).map_err(search_error)?;
    Ok(name)
}
