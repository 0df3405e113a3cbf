//! Ordering hits the same way every time: by score with ties broken on stored sort keys,
//! or by sort keys alone. Used by the association and service searches, whose indexes are
//! small enough that reading a few string keys per hit costs nothing.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use tantivy::collector::TopDocs;
use tantivy::columnar::StrColumn;
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::AppError;
use crate::search::index::search_error;

/// Extra hits fetched beyond the page, so that ties at its edge are broken by the keys
/// rather than by where documents sit in the index.
const TIE_SLACK: usize = 32;

/// A string fast field's value for one hit ("" when it has none); `columns` keeps the
/// column of each segment once opened.
fn key(
    searcher: &Searcher,
    columns: &mut HashMap<u32, Option<StrColumn>>,
    address: DocAddress,
    field: &str,
) -> Result<String, AppError> {
    let column = match columns.entry(address.segment_ord) {
        Entry::Occupied(e) => e.into_mut(),
        Entry::Vacant(e) => e.insert(
            searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .str(field)
                .map_err(search_error)?,
        ),
    };
    let mut out = String::new();
    if let Some(column) = column
        && let Some(ord) = column.term_ords(address.doc_id).next()
    {
        column.ord_to_str(ord, &mut out).map_err(search_error)?;
    }
    Ok(out)
}

/// The hits from `offset` to `offset + limit`: by score when `scored`, ties (or all,
/// when not scored) by the unique string fast field `order_key` ascending.
pub fn page(
    searcher: &Searcher,
    query: &dyn Query,
    scored: bool,
    order_key: &str,
    offset: usize,
    limit: usize,
) -> Result<Vec<DocAddress>, AppError> {
    let wanted = offset + limit;
    let mut hits: Vec<(f32, String, DocAddress)> = Vec::new();
    if scored {
        let top = searcher
            .search(
                query,
                &TopDocs::with_limit(wanted + TIE_SLACK).order_by_score(),
            )
            .map_err(search_error)?;
        let mut columns = HashMap::new();
        for (score, address) in top {
            hits.push((
                score,
                key(searcher, &mut columns, address, order_key)?,
                address,
            ));
        }
    } else {
        let top = searcher
            .search(
                query,
                &TopDocs::with_limit(wanted)
                    .order_by_string_fast_field(order_key, tantivy::Order::Asc),
            )
            .map_err(search_error)?;
        for (value, address) in top {
            hits.push((0.0, value.unwrap_or_default(), address));
        }
    }
    hits.sort_by(|a, b| match b.0.total_cmp(&a.0) {
        Ordering::Equal => a.1.cmp(&b.1),
        other => other,
    });
    Ok(hits
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(_, _, address)| address)
        .collect())
}

/// The stored ids of hits.
pub fn ids(
    searcher: &Searcher,
    field: Field,
    hits: &[DocAddress],
) -> Result<Vec<String>, AppError> {
    let mut ids = Vec::with_capacity(hits.len());
    for address in hits {
        let doc: TantivyDocument = searcher.doc(*address).map_err(search_error)?;
        if let Some(id) = doc.get_first(field).and_then(|v| v.as_str()) {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}
