//! Statistical disclosure control for the published figures: no count under 5 is shown
//! (primary suppression), and no hidden count can be worked out from what is shown
//! (secondary suppression).
//!
//! A table is a set of cells and, where the cells partition a population, their total. As
//! far as a reader can tell, a hidden cell may hold any count from 0 up. With a total shown,
//! the hidden cells add up to the total less the shown cells (the remainder): one hidden
//! cell alone would then be known, and so would several whose remainder is 0 (all zero).
//! So while exactly one cell is hidden, or the remainder is 0 with cells hidden, the
//! smallest shown cell is hidden too; when no cell is left to hide, the total goes.

use serde::Serialize;

/// Counts under this are never shown.
pub const THRESHOLD: i64 = 5;

/// A figure as published: the value, or `null` with `suppressed: true`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure<T> {
    pub value: Option<T>,
    pub suppressed: bool,
}

impl<T> Figure<T> {
    /// A value shown as it is.
    pub fn shown(value: T) -> Self {
        Self {
            value: Some(value),
            suppressed: false,
        }
    }

    /// A value withheld.
    pub fn hidden() -> Self {
        Self {
            value: None,
            suppressed: true,
        }
    }
}

/// A count that is shown only from [`THRESHOLD`] up.
pub fn count(n: i64) -> Figure<i64> {
    if n < THRESHOLD {
        Figure::hidden()
    } else {
        Figure::shown(n)
    }
}

/// A statistic of `contributors` values (a sum of hours, a median), shown only when at
/// least [`THRESHOLD`] people contribute to it.
pub fn statistic(value: f64, contributors: i64) -> Figure<f64> {
    if contributors < THRESHOLD {
        Figure::hidden()
    } else {
        Figure::shown(value)
    }
}

/// Cells that partition a population, and its total, after suppression.
#[derive(Debug, Clone, PartialEq)]
pub struct Protected {
    pub cells: Vec<Figure<i64>>,
    pub total: Figure<i64>,
}

/// Suppresses `cells` (whose sum is the total) so that no hidden cell can be recovered
/// from the shown cells and the total.
pub fn protect(cells: &[i64]) -> Protected {
    let total: i64 = cells.iter().sum();
    let mut hidden: Vec<bool> = cells.iter().map(|&n| n < THRESHOLD).collect();
    let mut total_hidden = total < THRESHOLD;
    loop {
        if total_hidden {
            break;
        }
        let hidden_count = hidden.iter().filter(|&&h| h).count();
        let remainder: i64 = cells
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(n, _)| n)
            .sum();
        let exposed = hidden_count == 1 || (hidden_count > 1 && remainder == 0);
        if !exposed {
            break;
        }
        // The smallest shown cell joins the hidden ones (the least information lost).
        let smallest = cells
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match smallest {
            Some(i) => hidden[i] = true,
            None => total_hidden = true,
        }
    }
    Protected {
        cells: cells
            .iter()
            .zip(hidden)
            .map(|(&n, h)| {
                if h {
                    Figure::hidden()
                } else {
                    Figure::shown(n)
                }
            })
            .collect(),
        total: if total_hidden {
            Figure::hidden()
        } else {
            Figure::shown(total)
        },
    }
}

/// For tests here and in the API suite: the counts each hidden cell could hold, given what
/// is shown (each cell at least 0, all adding up to the total when it is shown); `None`
/// for a shown cell. A cell is protected when its range holds more than one count.
pub fn feasible_ranges(table: &Protected) -> Vec<Option<(i64, i64)>> {
    let shown_sum: i64 = table.cells.iter().filter_map(|c| c.value).sum();
    let hidden = table.cells.iter().filter(|c| c.suppressed).count();
    table
        .cells
        .iter()
        .map(|cell| {
            if !cell.suppressed {
                return None;
            }
            Some(match table.total.value {
                // Without a total, nothing bounds a hidden cell.
                None => (0, i64::MAX),
                Some(total) => {
                    let remainder = total - shown_sum;
                    // Alone, it is the remainder; with others, anything from 0 to it.
                    if hidden == 1 {
                        (remainder, remainder)
                    } else {
                        (0, remainder)
                    }
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(p: &Protected) -> Vec<Option<i64>> {
        p.cells.iter().map(|c| c.value).collect()
    }

    fn assert_unrecoverable(cells: &[i64]) {
        let protected = protect(cells);
        for (i, range) in feasible_ranges(&protected).into_iter().enumerate() {
            if let Some((low, high)) = range {
                assert!(low < high, "cell {i} of {cells:?} is {low} ({protected:?})");
            }
        }
        // Primary: nothing under 5 is shown.
        for cell in protected.cells.iter().chain([&protected.total]) {
            assert!(cell.value.is_none_or(|n| n >= THRESHOLD), "{protected:?}");
        }
    }

    #[test]
    fn small_cells_are_hidden_and_one_more_when_one_alone_would_show() {
        let p = protect(&[12, 3, 40, 7]);
        assert_eq!(values(&p), [Some(12), None, Some(40), None]);
        assert_eq!(p.total, Figure::shown(62));
    }

    #[test]
    fn two_small_cells_protect_each_other() {
        let p = protect(&[12, 3, 40, 2]);
        assert_eq!(values(&p), [Some(12), None, Some(40), None]);
    }

    #[test]
    fn hidden_zeros_are_not_left_knowable() {
        let p = protect(&[0, 0, 30, 6]);
        assert_eq!(values(&p), [None, None, Some(30), None]);
    }

    #[test]
    fn a_small_total_hides_everything() {
        let p = protect(&[1, 2, 0]);
        assert_eq!(values(&p), [None, None, None]);
        assert_eq!(p.total, Figure::hidden());
        let p = protect(&[3]);
        assert_eq!(p.total, Figure::hidden());
    }

    #[test]
    fn a_single_cell_table_hides_its_total_when_its_cell_is_hidden() {
        assert_unrecoverable(&[4, 9]);
        assert_unrecoverable(&[0, 9]);
        assert_unrecoverable(&[9]);
    }

    #[test]
    fn no_hidden_cell_can_be_solved_for() {
        // Every table of up to four cells with counts 0..=7.
        let mut tables = vec![vec![]];
        for _ in 0..4 {
            tables = tables
                .into_iter()
                .flat_map(|t: Vec<i64>| {
                    (0..=7).map(move |n| {
                        let mut t = t.clone();
                        t.push(n);
                        t
                    })
                })
                .collect();
            for table in &tables {
                assert_unrecoverable(table);
            }
        }
    }
}
