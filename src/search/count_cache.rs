//! Totals, facet counts and typo corrections of recent task queries, kept for as long as
//! the index does not change.
//!
//! Counting every match is the costly half of a broad search (the whole listing with
//! facets: about 7 ms of CPU at 70,000 tasks), and it does not depend on the page or the
//! sort: paging through a query, re-sorting it, or the many visitors who open the plain
//! listing all ask for the same count. Issue 12 allows counts of the broadest queries to be
//! cached per index generation; this keeps any query's, keyed by the readers it was counted
//! on (their segments and deletions, [`reader_key`]), so a commit (any change applied)
//! empties the cache and no count is ever stale.
//! `SEARCH_COUNT_CACHE=false` turns it off (the benchmark reports both).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use tantivy::Searcher;

use crate::search::facets::Counts;
use crate::search::text::{Correction, QueryWord};

/// Entries kept at most; when full, the cache starts again (a count is cheap to redo, and
/// the bound keeps memory at about 4 MB of facet arrays).
const CAPACITY: usize = 256;

/// A number that changes whenever what `searcher` sees changes: a hash of its segments
/// and their deletions (tantivy's own generation ids restart with every reader, so two
/// index generations could share them).
pub fn reader_key(searcher: &Searcher) -> u64 {
    let mut hasher = DefaultHasher::new();
    searcher.generation().segments().hash(&mut hasher);
    hasher.finish()
}

/// What counting a query found.
#[derive(Debug, Clone)]
pub struct Measured {
    pub total: usize,
    /// Facet counts, when the query asked for them.
    pub counts: Option<Counts>,
    pub corrections: Vec<Correction>,
    /// The words searched for (after prefix expansion and corrections).
    pub words: Vec<QueryWord>,
}

/// The cache (see the module documentation).
#[derive(Debug)]
pub struct CountCache {
    enabled: bool,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The readers (one per searcher, by tantivy's generation id) the entries were counted on.
    readers: Vec<u64>,
    entries: HashMap<String, Measured>,
}

impl CountCache {
    /// A cache; a disabled one never holds anything.
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The measurement of `key` on exactly these readers, if it is kept and has facet
    /// counts when `facets` asks for them.
    pub fn get(&self, readers: &[u64], key: &str, facets: bool) -> Option<Measured> {
        if !self.enabled {
            return None;
        }
        let inner = self.inner.lock().ok()?;
        if inner.readers != readers {
            return None;
        }
        inner
            .entries
            .get(key)
            .filter(|m| !facets || m.counts.is_some())
            .cloned()
    }

    /// Keeps a measurement made on these readers; entries of older readers go.
    pub fn put(&self, readers: &[u64], key: String, measured: Measured) {
        if !self.enabled {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if inner.readers != readers || inner.entries.len() >= CAPACITY {
            inner.entries.clear();
            inner.readers = readers.to_vec();
        }
        inner.entries.insert(key, measured);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(total: usize, counts: bool) -> Measured {
        Measured {
            total,
            counts: counts.then(Counts::default),
            corrections: Vec::new(),
            words: Vec::new(),
        }
    }

    #[test]
    fn a_count_is_kept_only_for_the_readers_it_was_made_on() {
        let cache = CountCache::new(true);
        cache.put(&[1, 2], "q=a".into(), measured(5, false));
        assert_eq!(cache.get(&[1, 2], "q=a", false).map(|m| m.total), Some(5));
        assert!(cache.get(&[1, 3], "q=a", false).is_none());
        assert!(cache.get(&[1, 2], "q=b", false).is_none());
        // Without facet counts it does not answer a query that wants them.
        assert!(cache.get(&[1, 2], "q=a", true).is_none());
        // A count on newer readers drops the older ones.
        cache.put(&[1, 3], "q=b".into(), measured(7, true));
        assert!(cache.get(&[1, 2], "q=a", false).is_none());
        assert_eq!(cache.get(&[1, 3], "q=b", true).map(|m| m.total), Some(7));
    }

    #[test]
    fn a_disabled_cache_holds_nothing() {
        let cache = CountCache::new(false);
        cache.put(&[1], "q=a".into(), measured(5, false));
        assert!(cache.get(&[1], "q=a", false).is_none());
    }

    #[test]
    fn a_full_cache_starts_again() {
        let cache = CountCache::new(true);
        for i in 0..CAPACITY {
            cache.put(&[1], format!("q={i}"), measured(i, false));
        }
        assert!(cache.get(&[1], "q=0", false).is_some());
        cache.put(&[1], "q=new".into(), measured(1, false));
        assert!(cache.get(&[1], "q=0", false).is_none());
        assert!(cache.get(&[1], "q=new", false).is_some());
    }
}
