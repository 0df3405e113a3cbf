//! `GET /services` from the index: services of verified associations by words (the
//! service's name above its description, target group, how to get it and its
//! association's name), target group words, place, field of activity and price.

use tantivy::collector::Count;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};

use crate::api::paging::Page;
use crate::associations::service_search::{ServiceHit, ServiceQuery, check, hydrate};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::index::{Kind, SearchIndex, search_error};
use crate::search::organisations::{FREE, ORDER_KEY};
use crate::search::ranking;
use crate::search::tasks::TITLE_BOOST;
use crate::search::text;

/// Runs a search.
pub fn search(
    index: &SearchIndex,
    conn: &mut DbConnection,
    q: &ServiceQuery,
) -> Result<Page<ServiceHit>, AppError> {
    let (page, per_page) = check(conn, q)?;
    let (searcher, fields) = index.searcher(Kind::Services);
    let f = fields.services;
    let words = text::expand(&searcher, f.words, q.q.as_deref().unwrap_or(""));
    let group = text::expand(&searcher, f.words, q.target_group.as_deref().unwrap_or(""));
    let mut clauses = text::word_clauses(&words, &[(f.name, TITLE_BOOST), (f.text, 1.0)]);
    clauses.extend(text::word_clauses(&group, &[(f.target_group, 1.0)]));
    if let Some(code) = &q.municipality {
        clauses.push((Occur::Must, text::term(f.municipality, code)));
    }
    if let Some(region) = &q.region {
        clauses.push((Occur::Must, text::term(f.region, region)));
    }
    if let Some(category) = &q.category {
        clauses.push((Occur::Must, text::term(f.category, category)));
    }
    match q.free {
        Some(true) => clauses.push((Occur::Must, text::term(f.flags, FREE))),
        Some(false) => clauses.push((Occur::MustNot, text::term(f.flags, FREE))),
        None => {}
    }
    if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    let query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
    let total = searcher.search(&*query, &Count).map_err(search_error)?;
    let hits = ranking::page(
        &searcher,
        &*query,
        !words.is_empty(),
        ORDER_KEY,
        ((page - 1) * per_page) as usize,
        per_page as usize,
    )?;
    let ids = ranking::ids(&searcher, f.id, &hits)?;
    Ok(Page {
        items: hydrate(conn, &ids)?,
        total: total as i64,
        page,
        per_page,
    })
}
