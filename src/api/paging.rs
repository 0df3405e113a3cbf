//! Paging for every list: `page` and `per_page` checked the same way, and the one envelope
//! (`{items, total, page, per_page}`) that DESIGN.md promises for lists.

use serde::Serialize;

use crate::error::{AppError, FieldError};

/// Upper bound of `per_page`.
pub const MAX_PER_PAGE: i64 = 100;
/// Deepest page served; a list is for browsing, and deep OFFSETs only get slower.
pub const MAX_PAGE: i64 = 500;

/// A page of results in the API's list envelope.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Checks `page` and `per_page` (defaults 1 and 20).
pub fn paging(page: Option<i64>, per_page: Option<i64>) -> Result<(i64, i64), AppError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(20);
    let mut errors = Vec::new();
    if !(1..=MAX_PAGE).contains(&page) {
        errors.push(FieldError::new(
            "page",
            "out_of_range",
            format!("Pages run from 1 to {MAX_PAGE}."),
        ));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        errors.push(FieldError::new(
            "per_page",
            "out_of_range",
            format!("per_page runs from 1 to {MAX_PER_PAGE}."),
        ));
    }
    if errors.is_empty() {
        Ok((page, per_page))
    } else {
        Err(AppError::Validation(errors))
    }
}
