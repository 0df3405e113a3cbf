//! `GET /tasks` from the index: the query, the page of hits, the exact total and facets,
//! the typo fallback, and the page hydrated from the database.
//!
//! Two passes, as the prototype measured fastest: the top of the ranking first (BM25 with
//! block-max pruning), then the total and facets with a collector that does not score.
//! Relevance ties (equal scores) break on newest first, then on the id, so the order never
//! depends on where documents sit in the index; to do that cheaply the top `k + TIE_SLACK`
//! by score are fetched and re-sorted, which is exact unless more than `TIE_SLACK` hits
//! share the score at the page's edge.

use std::ops::Bound;

use chrono::NaiveDateTime;
use serde::Serialize;
use tantivy::collector::sort_key::SortByStaticFastValue;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::{Field, Value};
use tantivy::{Order, Searcher, TantivyDocument, Term};

use crate::api::paging::{Page, paging};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::count_cache::{Measured, reader_key};
use crate::search::documents::{Part, micros};
use crate::search::facets::{Counts, FacetCollector};
use crate::search::index::search_error;
use crate::search::index::{Kind, SearchIndex};
use crate::search::order::{AfterCollector, Cursor, Hit, Sort, compare};
use crate::search::schema::{SCHEDULE_TYPES, TaskFields, flag};
use crate::search::text::{self, Correction, QueryWord};
use crate::tasks::model::TaskView;
use crate::tasks::search::{TaskQuery, hydrate};

/// Counts per value for the current filters.
#[derive(Debug, Serialize)]
pub struct Facets {
    pub categories: Vec<FacetCount>,
    pub regions: Vec<FacetCount>,
    pub municipalities: Vec<FacetCount>,
    pub schedule_types: Vec<FacetCount>,
}

/// One facet value and how many tasks have it.
#[derive(Debug, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: i64,
}

/// The answer of `GET /tasks`.
#[derive(Debug, Serialize)]
pub struct TaskPage {
    #[serde(flatten)]
    pub page: Page<TaskView>,
    /// The cursor of the next page (`after=`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    /// Words of the query the index does not hold, and the words searched instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// How much more a word in the title counts than one in the rest of the text.
pub const TITLE_BOOST: f32 = 3.0;
/// Extra hits fetched to break relevance ties (see the module documentation).
const TIE_SLACK: usize = 32;

/// Runs a search and loads the page from the database; `now` decides what is over (the
/// index may not have swept it yet).
pub fn search(
    index: &SearchIndex,
    conn: &mut DbConnection,
    q: &TaskQuery,
    now: NaiveDateTime,
) -> Result<TaskPage, AppError> {
    let found = find(index, q)?;
    let items = hydrate(conn, &found.ids, q.include_past, now)?;
    Ok(TaskPage {
        page: Page {
            items,
            total: found.total as i64,
            page: found.page,
            per_page: found.per_page,
        },
        next_after: found.next_after,
        facets: found.facets,
        corrections: found.corrections,
    })
}

/// What the index finds for a query: the page of ids, the total, the cursor of the next
/// page, and facets and corrections when there are any.
#[derive(Debug)]
pub struct Found {
    pub ids: Vec<String>,
    pub total: usize,
    pub page: i64,
    pub per_page: i64,
    pub next_after: Option<String>,
    pub facets: Option<Facets>,
    pub corrections: Vec<Correction>,
}

/// The index's part of a search, without the database (the engine's own speed is measured
/// on this alone: `src/bin/search-bench.rs`).
pub fn find(index: &SearchIndex, q: &TaskQuery) -> Result<Found, AppError> {
    let (page, per_page) = paging(q.page, q.per_page)?;
    let parts: &[Part] = if q.include_past {
        &[Part::Listed, Part::Past]
    } else {
        &[Part::Listed]
    };
    let searchers: Vec<(Part, Searcher, TaskFields)> = parts
        .iter()
        .map(|p| {
            let (s, f) = index.searcher(Kind::of(*p));
            (*p, s, f.tasks)
        })
        .collect();
    let fields = &searchers[0].2;
    let readers: Vec<u64> = searchers.iter().map(|(_, s, _)| reader_key(s)).collect();
    let key = q.matching_key();
    let measured = match index.counts().get(&readers, &key, q.facets) {
        Some(m) => m,
        None => {
            let m = measure(&searchers, q)?;
            index.counts().put(&readers, key, m.clone());
            m
        }
    };
    let sort = match q.sort.as_deref() {
        Some("relevance") if !measured.words.is_empty() => Sort::Relevance,
        Some("starts_at") => Sort::StartsAt,
        Some("deadline") => Sort::Deadline,
        Some("newest") => Sort::Newest,
        _ if measured.words.is_empty() => Sort::Newest,
        _ => Sort::Relevance,
    };
    let cursor = q.after.as_deref().map(Cursor::parse).transpose()?;
    // With a cursor the page number means nothing: the answer is the page after it.
    let page = if cursor.is_some() { 1 } else { page };
    let query = query(q, &measured.words, fields);
    let limit = per_page as usize;
    let offset = if cursor.is_some() {
        0
    } else {
        ((page - 1) * per_page) as usize
    };
    let mut hits = Vec::new();
    // How many hits there are after the cursor (with one) or in all.
    let mut remaining = measured.total;
    if let Some(cursor) = &cursor {
        remaining = 0;
        for (part, searcher, _) in &searchers {
            let collector = AfterCollector {
                part: *part,
                sort,
                cursor: cursor.clone(),
                k: limit,
            };
            let (found, after) = searcher.search(&*query, &collector).map_err(search_error)?;
            hits.extend(found);
            remaining += after;
        }
    } else {
        for (part, searcher, _) in &searchers {
            hits.extend(top(searcher, *part, &*query, sort, offset + limit)?);
        }
    }
    hits.sort_by(|a, b| compare(sort, a, b));
    let page_hits: Vec<Hit> = hits.into_iter().skip(offset).take(limit).collect();
    let next_after = page_hits
        .last()
        .filter(|_| offset + limit < remaining)
        .map(|last| last.cursor(sort));
    let mut ids = Vec::with_capacity(page_hits.len());
    for hit in &page_hits {
        let searcher = &searchers
            .iter()
            .find(|(p, ..)| *p == hit.part)
            .ok_or_else(|| AppError::internal("search part"))?
            .1;
        let doc: TantivyDocument = searcher.doc(hit.address).map_err(search_error)?;
        if let Some(id) = doc.get_first(fields.id).and_then(|v| v.as_str()) {
            ids.push(id.to_owned());
        }
    }
    // A kept count may have facets that this query did not ask for.
    let facets = measured
        .counts
        .filter(|_| q.facets)
        .map(|c| facets(&c, index));
    Ok(Found {
        ids,
        total: measured.total,
        page,
        per_page,
        next_after,
        facets,
        corrections: measured.corrections,
    })
}

/// Counts the matches of `q` (and their facets, when asked), after correcting its words
/// when exact matching finds few.
fn measure(
    searchers: &[(Part, Searcher, TaskFields)],
    q: &TaskQuery,
) -> Result<Measured, AppError> {
    let (_, first, fields) = &searchers[0];
    let typed = q.q.as_deref().unwrap_or("");
    let mut words = text::expand(first, fields.words, typed);
    // One pass that counts (and, when asked, counts facets too: every task has exactly one
    // schedule type, so their sum is the total).
    let pass = |query: &dyn Query| -> Result<(usize, Option<Counts>), AppError> {
        if !q.facets {
            return Ok((count(searchers, query)?, None));
        }
        let mut counts = Counts::default();
        for (_, searcher, _) in searchers {
            let c = searcher
                .search(query, &FacetCollector)
                .map_err(search_error)?;
            counts.add(&c);
        }
        let total = counts.schedules.iter().sum::<u64>() as usize;
        Ok((total, Some(counts)))
    };
    let (mut total, mut counts) = pass(&*query(q, &words, fields))?;
    let mut corrections = Vec::new();
    if total < text::FEW && !words.is_empty() {
        corrections = text::correct(first, fields.words, &mut words);
        if !corrections.is_empty() {
            (total, counts) = pass(&*query(q, &words, fields))?;
        }
    }
    Ok(Measured {
        total,
        counts,
        corrections,
        words,
    })
}

fn count(searchers: &[(Part, Searcher, TaskFields)], query: &dyn Query) -> Result<usize, AppError> {
    let mut total = 0;
    for (_, searcher, _) in searchers {
        total += searcher.search(query, &Count).map_err(search_error)?;
    }
    Ok(total)
}

/// Documents whose `field` is at most `value`.
pub(crate) fn at_most(field: Field, value: i64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Unbounded,
        Bound::Included(Term::from_field_i64(field, value)),
    ))
}

/// Documents whose `field` is at least `value`.
pub(crate) fn at_least(field: Field, value: i64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_i64(field, value)),
        Bound::Unbounded,
    ))
}

/// The query for the words and filters of `q`.
pub(crate) fn query(q: &TaskQuery, words: &[QueryWord], f: &TaskFields) -> Box<dyn Query> {
    let mut clauses = text::word_clauses(words, &[(f.title, TITLE_BOOST), (f.text, 1.0)]);
    let mut filter = |occur: Occur, query: Box<dyn Query>| clauses.push((occur, query));
    if let Some(code) = &q.municipality {
        filter(Occur::Must, text::term(f.municipality, code));
    }
    if let Some(region) = &q.region {
        filter(Occur::Must, text::term(f.region, region));
    }
    for category in &q.categories {
        filter(Occur::Must, text::term(f.category, category));
    }
    if let Some(schedule) = &q.schedule_type {
        filter(Occur::Must, text::term(f.schedule_type, schedule));
    }
    if let Some(language) = &q.language {
        filter(Occur::Must, text::term(f.language, language));
    }
    let flags = [
        (q.remote, flag::REMOTE),
        (q.has_spots, flag::HAS_SPOTS),
        (q.beginner_friendly, flag::BEGINNER_FRIENDLY),
        (q.supported, flag::SUPPORTED),
        (q.placement, flag::PLACEMENT),
    ];
    for (wanted, name) in flags {
        match wanted {
            Some(true) => filter(Occur::Must, text::term(f.flags, name)),
            Some(false) => filter(Occur::MustNot, text::term(f.flags, name)),
            None => {}
        }
    }
    if let Some(age) = q.age {
        filter(Occur::Must, at_most(f.min_age, i64::from(age)));
        filter(Occur::Must, at_least(f.max_age, i64::from(age)));
    }
    if let Some(after) = q.starts_after {
        filter(Occur::Must, at_least(f.starts_at, micros(after)));
    }
    if let Some(before) = q.starts_before {
        filter(
            Occur::Must,
            Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Excluded(Term::from_field_i64(f.starts_at, micros(before))),
            )),
        );
    }
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        // Only exclusions (or nothing): start from every document.
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    if clauses.len() == 1 && clauses[0].0 == Occur::Must {
        return clauses.remove(0).1;
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The best `k` hits of one part in `sort` order.
fn top(
    searcher: &Searcher,
    part: Part,
    query: &dyn Query,
    sort: Sort,
    k: usize,
) -> Result<Vec<Hit>, AppError> {
    let hits = match sort {
        Sort::Relevance => {
            let scored = searcher
                .search(query, &TopDocs::with_limit(k + TIE_SLACK).order_by_score())
                .map_err(search_error)?;
            let mut hits = Vec::with_capacity(scored.len());
            // The tie-break columns, opened once per segment.
            let mut columns = std::collections::HashMap::new();
            for (score, address) in scored {
                let (published, tiebreak) = match columns.entry(address.segment_ord) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                        let (key, tie, _) = sort.columns();
                        e.insert((
                            fast.i64(key).map_err(search_error)?,
                            fast.u64(tie).map_err(search_error)?,
                        ))
                    }
                };
                hits.push(Hit::from_columns(
                    part,
                    address,
                    score,
                    sort,
                    published.first(address.doc_id),
                    tiebreak.first(address.doc_id),
                ));
            }
            hits.sort_by(|a, b| compare(sort, a, b));
            hits.truncate(k);
            hits
        }
        Sort::Newest | Sort::StartsAt | Sort::Deadline => {
            // Every order runs ascending in the engine (see `Sort::columns`).
            let (field, tie, _) = sort.columns();
            let collector = TopDocs::with_limit(k).order_by((
                (SortByStaticFastValue::<i64>::for_field(field), Order::Asc),
                (SortByStaticFastValue::<u64>::for_field(tie), Order::Asc),
            ));
            searcher
                .search(query, &collector)
                .map_err(search_error)?
                .into_iter()
                .map(|((key, tiebreak), address)| {
                    Hit::from_columns(part, address, 0.0, sort, key, tiebreak)
                })
                .collect()
        }
    };
    Ok(hits)
}

fn listed(values: impl Iterator<Item = (String, u64)>) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = values
        .filter(|(_, n)| *n > 0)
        .map(|(value, n)| FacetCount {
            value,
            count: n as i64,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

fn facets(counts: &Counts, index: &SearchIndex) -> Facets {
    let categories = &index.categories().0;
    Facets {
        categories: listed(
            categories
                .iter()
                .zip(counts.categories)
                .map(|(slug, n)| (slug.clone(), n)),
        ),
        regions: listed(
            counts
                .regions
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, n)| (format!("{:02}", i - 1), *n)),
        ),
        municipalities: listed(
            counts
                .municipalities
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, n)| (format!("{:03}", i - 1), *n)),
        ),
        schedule_types: listed(
            SCHEDULE_TYPES
                .iter()
                .zip(counts.schedules)
                .map(|(s, n)| ((*s).to_owned(), n)),
        ),
    }
}
