//! Facet counts (categories, regions, municipalities, schedule types) of every match, from
//! numeric fast fields read a block of documents at a time: faster than tantivy's terms
//! aggregation for these few small fields, and exact.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Region and municipality codes are numbers below this (+1, 0 for none).
const CODES: usize = 1_000;

/// Counts per facet number.
#[derive(Debug, Clone)]
pub struct Counts {
    pub categories: [u64; 64],
    pub regions: Vec<u64>,
    pub municipalities: Vec<u64>,
    pub schedules: [u64; 3],
}

impl Default for Counts {
    fn default() -> Self {
        Self {
            categories: [0; 64],
            regions: vec![0; CODES + 1],
            municipalities: vec![0; CODES + 1],
            schedules: [0; 3],
        }
    }
}

impl Counts {
    /// Adds another part's or segment's counts.
    pub fn add(&mut self, other: &Counts) {
        for (a, b) in self.categories.iter_mut().zip(other.categories) {
            *a += b;
        }
        for (a, b) in self.regions.iter_mut().zip(&other.regions) {
            *a += b;
        }
        for (a, b) in self.municipalities.iter_mut().zip(&other.municipalities) {
            *a += b;
        }
        for (a, b) in self.schedules.iter_mut().zip(other.schedules) {
            *a += b;
        }
    }
}

/// The collector.
pub struct FacetCollector;

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        Ok(SegmentFacets {
            categories: fast.u64("category_mask")?,
            regions: fast.u64("region_no")?,
            municipalities: fast.u64("municipality_no")?,
            schedules: fast.u64("schedule_no")?,
            counts: Counts::default(),
            buffer: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut total = Counts::default();
        for fruit in &fruits {
            total.add(fruit);
        }
        Ok(total)
    }
}

/// One segment's counting.
pub struct SegmentFacets {
    categories: Column<u64>,
    regions: Column<u64>,
    municipalities: Column<u64>,
    schedules: Column<u64>,
    counts: Counts,
    buffer: Vec<Option<u64>>,
}

impl SegmentFacets {
    fn count(&mut self, docs: &[DocId]) {
        self.buffer.resize(docs.len(), None);
        self.categories.first_vals(docs, &mut self.buffer);
        for mask in self.buffer.iter().flatten() {
            let mut mask = *mask;
            while mask != 0 {
                let bit = mask.trailing_zeros() as usize;
                self.counts.categories[bit] += 1;
                mask &= mask - 1;
            }
        }
        self.regions.first_vals(docs, &mut self.buffer);
        for n in self.buffer.iter().flatten() {
            if let Some(c) = self.counts.regions.get_mut(*n as usize) {
                *c += 1;
            }
        }
        self.municipalities.first_vals(docs, &mut self.buffer);
        for n in self.buffer.iter().flatten() {
            if let Some(c) = self.counts.municipalities.get_mut(*n as usize) {
                *c += 1;
            }
        }
        self.schedules.first_vals(docs, &mut self.buffer);
        for n in self.buffer.iter().flatten() {
            if let Some(c) = self.counts.schedules.get_mut(*n as usize) {
                *c += 1;
            }
        }
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.count(&[doc]);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.count(docs);
    }

    fn harvest(self) -> Counts {
        self.counts
    }
}
