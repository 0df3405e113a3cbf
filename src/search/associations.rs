//! `GET /associations` from the index: verified associations by words (name above card
//! text and services), place and field of activity; by relevance or name.

use tantivy::collector::Count;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};

use crate::api::paging::{Page, paging};
use crate::associations::model::Summary;
use crate::associations::search::{SearchQuery, Sort, hydrate};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::index::{Kind, SearchIndex, search_error};
use crate::search::organisations::ORDER_KEY;
use crate::search::ranking;
use crate::search::tasks::TITLE_BOOST;
use crate::search::text;

/// Runs a search.
pub fn search(
    index: &SearchIndex,
    conn: &mut DbConnection,
    q: &SearchQuery,
) -> Result<Page<Summary>, AppError> {
    let (page, per_page) = paging(q.page, q.per_page)?;
    let (searcher, fields) = index.searcher(Kind::Associations);
    let f = fields.associations;
    let mut words = text::expand(&searcher, f.words, q.q.as_deref().unwrap_or(""));
    let sort = q.sort(!words.is_empty())?;
    let build = |words: &[text::QueryWord]| -> Box<dyn Query> {
        let mut clauses = text::word_clauses(words, &[(f.name, TITLE_BOOST), (f.text, 1.0)]);
        if let Some(code) = &q.municipality {
            clauses.push((Occur::Must, text::term(f.municipality, code)));
        }
        if let Some(region) = &q.region {
            clauses.push((Occur::Must, text::term(f.region, region)));
        }
        if let Some(category) = &q.category {
            clauses.push((Occur::Must, text::term(f.category, category)));
        }
        if clauses.is_empty() {
            return Box::new(AllQuery);
        }
        Box::new(BooleanQuery::new(clauses))
    };
    let count = |query: &dyn Query| searcher.search(query, &Count).map_err(search_error);
    let mut query = build(&words);
    let mut total = count(&*query)?;
    if total < text::FEW
        && !words.is_empty()
        && !text::correct(&searcher, f.words, &mut words).is_empty()
    {
        query = build(&words);
        total = count(&*query)?;
    }
    let hits = ranking::page(
        &searcher,
        &*query,
        sort == Sort::Relevance,
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
