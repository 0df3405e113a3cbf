//! Full-text search, the one place where the two backends' SQL differs for it: PostgreSQL's
//! `finnish` text search (stemming, so inflected forms meet) over a GIN expression index,
//! and SQLite's FTS5 (prefix matching). Both match every word of a query as a prefix.
//!
//! A searchable table has a title-like column (weight A) and a `search_document` column
//! (weight B), a GIN index on exactly the expression below (PostgreSQL) and an external
//! content FTS5 table `{table}_fts` over the same two columns (SQLite). A column that is
//! also searched on its own ([`column_sql`]) has a GIN index of its own and is a further
//! column of the FTS5 table.

use crate::db::DbConnection;

/// The words of a user's query, reduced to letters and digits, so no query syntax of either
/// engine gets through; at most 8 words of at most 40 characters.
pub fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| w.chars().take(40).collect::<String>().to_lowercase())
        .collect()
}

/// A SQL fragment with one bound text value in the middle: `{before} $1 {after}`.
pub struct Fragment {
    pub before: String,
    pub value: String,
    pub after: String,
}

/// The match condition and the relevance expression (higher is better) for `words`.
pub struct TextSql {
    pub condition: Fragment,
    pub rank: Fragment,
}

/// Builds the backend's SQL; `table` and `title` are identifiers from our own code.
pub fn text_sql(
    conn: &DbConnection,
    table: &'static str,
    title: &'static str,
    words: &[String],
) -> TextSql {
    match conn {
        DbConnection::Postgres(_) => {
            // The document expression is the one the GIN index is built on, so the planner
            // uses the index.
            let query = tsquery(words);
            let document = format!(
                "(setweight(to_tsvector('finnish', {table}.{title}), 'A') || \
                 setweight(to_tsvector('finnish', {table}.search_document), 'B'))"
            );
            TextSql {
                condition: Fragment {
                    before: format!("{document} @@ to_tsquery('finnish', "),
                    value: query.clone(),
                    after: ")".into(),
                },
                rank: Fragment {
                    before: format!("ts_rank({document}, to_tsquery('finnish', "),
                    value: query,
                    after: "))::float8".into(),
                },
            }
        }
        DbConnection::Sqlite(_) => {
            let query = fts5_query(words, None);
            TextSql {
                condition: Fragment {
                    before: format!(
                        "{table}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH "
                    ),
                    value: query.clone(),
                    after: ")".into(),
                },
                // bm25 is lower for better matches; negate it so that higher is better.
                rank: Fragment {
                    before: format!(
                        "-(SELECT bm25({table}_fts, 10.0, 1.0) FROM {table}_fts WHERE {table}_fts MATCH "
                    ),
                    value: query,
                    after: format!(" AND {table}_fts.rowid = {table}.rowid)"),
                },
            }
        }
    }
}

/// The condition that every word matches (as a prefix, stemmed on PostgreSQL) in `column`
/// of `table` alone, for a filter on one field (`GET /services?target_group=`) that the
/// words of other fields must not satisfy.
pub fn column_sql(
    conn: &DbConnection,
    table: &'static str,
    column: &'static str,
    words: &[String],
) -> Fragment {
    match conn {
        // The expression of the column's own GIN index.
        DbConnection::Postgres(_) => Fragment {
            before: format!(
                "to_tsvector('finnish', coalesce({table}.{column}, '')) @@ to_tsquery('finnish', "
            ),
            value: tsquery(words),
            after: ")".into(),
        },
        // A column filter of the FTS5 table.
        DbConnection::Sqlite(_) => Fragment {
            before: format!(
                "{table}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH "
            ),
            value: fts5_query(words, Some(column)),
            after: ")".into(),
        },
    }
}

/// PostgreSQL: `word:*` is stemmed and then prefix-matched; every word must match.
fn tsquery(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("{w}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

/// SQLite FTS5: each word a quoted prefix (in one column when given); every word must match.
fn fts5_query(words: &[String], column: Option<&str>) -> String {
    let filter = column.map(|c| format!("{c} : ")).unwrap_or_default();
    words
        .iter()
        .map(|w| format!("{filter}\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_syntax_never_reaches_the_engine() {
        assert_eq!(
            super::words("nuoret & \"OR\" ääni:*"),
            ["nuoret", "or", "ääni"]
        );
    }

    #[test]
    fn every_word_is_a_prefix_in_either_syntax() {
        let words = super::words("Nuoret aikuiset");
        assert_eq!(super::tsquery(&words), "nuoret:* & aikuiset:*");
        assert_eq!(
            super::fts5_query(&words, Some("target_group")),
            "target_group : \"nuoret\"* AND target_group : \"aikuiset\"*"
        );
    }
}
