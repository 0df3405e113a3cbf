//! What every administrators' page shares: the status filter ([`Facet`]), the pager
//! ([`Pager`]), the forms a row's decision posts, and the way a decision comes back to the
//! view it was made in ([`back_to`]), so that every queue behaves the same.

use serde::Deserialize;

use crate::web::forms::{self, Problem};
use crate::web::page::Page;

/// Rows on one page of a queue: enough to work through a morning's queue without paging,
/// few enough for a phone.
pub const PER_PAGE: i64 = 25;

/// One choice of a page's status filter, so that every queue's filter is the same
/// accessible list of links with the current one marked.
pub struct Facet {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The filter of a queue: a link per status, in `codes` order, labelled `{prefix}{code}`.
pub fn facets(page: &Page, path: &str, codes: &[&str], prefix: &str, current: &str) -> Vec<Facet> {
    codes
        .iter()
        .map(|code| Facet {
            href: page.href(&with_query(path, &[("status", code)])),
            label: page.t(&format!("{prefix}{code}")),
            current: *code == current,
        })
        .collect()
}

/// `path?k=v&…` with the values encoded and the empty ones left out, so that links and
/// redirects never carry a reader's text unescaped.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (key, value) in params.iter().filter(|(_, v)| !v.is_empty()) {
        query.append_pair(key, value);
        any = true;
    }
    if any {
        format!("{path}?{}", query.finish())
    } else {
        path.to_owned()
    }
}

/// Where a decision made on a queue page returns: the same queue with the same `?status=`
/// filter, so the administrator stays where they were working.
pub fn back_to(path: &str, status: &str) -> String {
    with_query(path, &[("status", status)])
}

/// The previous and next links of a long list, as the search page draws them.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// The pager of a list of `total` rows shown `per_page` at a time, on page `current`;
    /// `params` are the list's other query parameters, kept in each link.
    pub fn new(
        page: &Page,
        path: &str,
        params: &[(&str, &str)],
        current: i64,
        per_page: i64,
        total: i64,
    ) -> Self {
        let pages = ((total + per_page - 1) / per_page.max(1)).max(1);
        let link = |n: i64| {
            let number = n.to_string();
            let mut all: Vec<(&str, &str)> = params.to_vec();
            all.push(("page", &number));
            page.href(&with_query(path, &all))
        };
        Self {
            page: current,
            pages,
            prev: (current > 1).then(|| link(current - 1)),
            next: (current < pages).then(|| link(current + 1)),
        }
    }
}

/// `?status=&page=` of a queue page.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: Option<i64>,
}

/// What a row's decision form sends: the filter to come back to and, where the feature
/// asks for one, the reason the person concerned will read.
#[derive(Debug, Default, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub reason: String,
}

/// The problems of a row's form, each pointing at that row's field (`#field-reason-{id}`),
/// so the summary at the top of a long queue leads to the right input.
pub fn row_problems(page: &Page, errors: &[crate::error::FieldError], id: &str) -> Vec<Problem> {
    forms::problems(page, errors)
        .into_iter()
        .map(|p| Problem {
            field: format!("{}-{id}", p.field),
            message: p.message,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_their_values_and_drop_empty_ones() {
        assert_eq!(
            with_query("/admin/claims", &[("status", "")]),
            "/admin/claims"
        );
        assert_eq!(
            back_to("/admin/claims", "rejected"),
            "/admin/claims?status=rejected"
        );
        assert_eq!(
            with_query("/admin/audit", &[("actor", "a&b=c"), ("page", "2")]),
            "/admin/audit?actor=a%26b%3Dc&page=2"
        );
    }
}
