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
/// from the shown cells and the total, by a reader who knows this rule: that a cell hidden
/// for being small holds 0 to 4, and that one hidden to protect it holds at least 5 and no
/// more than the smallest cell still shown.
pub fn protect(cells: &[i64]) -> Protected {
    let total: i64 = cells.iter().sum();
    // `Some(primary)` for a hidden cell.
    let mut hidden: Vec<Option<bool>> = cells
        .iter()
        .map(|&n| (n < THRESHOLD).then_some(true))
        .collect();
    let mut total_hidden = total < THRESHOLD;
    while !total_hidden && exposed(cells, &hidden) {
        // The smallest shown cell joins the hidden ones (the least information lost).
        let smallest = cells
            .iter()
            .enumerate()
            .filter(|(i, _)| hidden[*i].is_none())
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match smallest {
            Some(i) => hidden[i] = Some(false),
            None => total_hidden = true,
        }
    }
    Protected {
        cells: cells
            .iter()
            .zip(hidden)
            .map(|(&n, h)| match h {
                Some(_) => Figure::hidden(),
                None => Figure::shown(n),
            })
            .collect(),
        total: if total_hidden {
            Figure::hidden()
        } else {
            Figure::shown(total)
        },
    }
}

/// Whether some hidden cell has only one value left once the total is known: each hidden
/// cell bounded as [`protect`] says, all of them adding up to the total less the shown.
fn exposed(cells: &[i64], hidden: &[Option<bool>]) -> bool {
    let shown = cells
        .iter()
        .zip(hidden)
        .filter(|(_, h)| h.is_none())
        .map(|(n, _)| *n);
    let smallest_shown = shown.clone().min();
    let remainder: i64 = cells.iter().sum::<i64>() - shown.sum::<i64>();
    let bounds: Vec<(i64, i64)> = hidden
        .iter()
        .flatten()
        .map(|&primary| {
            if primary {
                (0, THRESHOLD - 1)
            } else {
                (THRESHOLD, smallest_shown.unwrap_or(remainder))
            }
        })
        .collect();
    let (low_sum, high_sum) = bounds.iter().fold((0_i64, 0_i64), |(l, h), (lo, hi)| {
        (l + lo, h.saturating_add(*hi))
    });
    bounds.iter().any(|&(lo, hi)| {
        let low = lo.max(remainder - (high_sum - hi));
        let high = hi.min(remainder - (low_sum - lo));
        low >= high
    })
}

/// For tests here and in the API suite: every table of counts that [`protect`] would
/// publish as `published` (the shown cells and the total as they are, the hidden cells
/// anything adding up to the rest). A hidden cell is recovered when it has the same value
/// in all of them. `None` when the total is hidden (nothing then ties the hidden cells
/// together) or the search would be too long.
pub fn solutions(published: &Protected) -> Option<Vec<Vec<i64>>> {
    let total = published.total.value?;
    let shown: i64 = published.cells.iter().filter_map(|c| c.value).sum();
    let remainder = total - shown;
    let slots: Vec<usize> = (0..published.cells.len())
        .filter(|i| published.cells[*i].suppressed)
        .collect();
    let mut found = Vec::new();
    let mut values: Vec<i64> = published
        .cells
        .iter()
        .map(|c| c.value.unwrap_or(0))
        .collect();
    let mut budget = 2_000_000_u32;
    fill(
        &slots,
        remainder,
        &mut values,
        published,
        &mut found,
        &mut budget,
    );
    (budget > 0).then_some(found)
}

fn fill(
    slots: &[usize],
    left: i64,
    values: &mut Vec<i64>,
    published: &Protected,
    found: &mut Vec<Vec<i64>>,
    budget: &mut u32,
) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    match slots {
        [] => {
            if left == 0 && protect(values) == *published {
                found.push(values.clone());
            }
        }
        [last] => {
            values[*last] = left;
            fill(&[], 0, values, published, found, budget);
        }
        [first, rest @ ..] => {
            for n in 0..=left {
                values[*first] = n;
                fill(rest, left - n, values, published, found, budget);
            }
        }
    }
}

/// The hidden cells of `published` that a reader can work out: the same in every table
/// that would be published so.
pub fn recovered(published: &Protected) -> Vec<usize> {
    let Some(tables) = solutions(published) else {
        return Vec::new();
    };
    (0..published.cells.len())
        .filter(|i| published.cells[*i].suppressed)
        .filter(|i| {
            let mut values = tables.iter().map(|t| t[*i]);
            let first = values.next();
            first.is_some() && values.all(|v| Some(v) == first)
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
        assert_eq!(
            recovered(&protected),
            Vec::<usize>::new(),
            "{cells:?} published as {protected:?}"
        );
        // The real table is one of the solutions.
        if let Some(tables) = solutions(&protected) {
            assert!(tables.contains(&cells.to_vec()), "{cells:?}");
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
    fn small_cells_that_must_all_be_four_are_protected() {
        // Hidden alone, the three would add up to 12: each 4.
        let p = protect(&[4, 4, 4, 10]);
        assert_eq!(values(&p), [None, None, None, None]);
        assert_unrecoverable(&[4, 4, 4, 10]);
        assert_unrecoverable(&[4, 7, 7]);
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
