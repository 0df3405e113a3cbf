//! Full-text search, the one place where the two backends' SQL differs for it: PostgreSQL's
//! `finnish` text search (stemming, so inflected forms meet) over a GIN expression index,
//! and SQLite's FTS5 (prefix matching). Both match every word of a query as a prefix.
//!
//! A searchable table has a title-like column (weight A) and a `search_document` column
//! (weight B), a GIN index on exactly the expression below (PostgreSQL) and an external
//! content FTS5 table `{table}_fts` over the same two columns (SQLite).

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
            // `word:*` is stemmed and then prefix-matched. The document expression is the one
            // the GIN index is built on, so the planner uses the index.
            let query = words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ");
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
            let query = words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" AND ");
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

#[cfg(test)]
mod tests {
    #[test]
    fn query_syntax_never_reaches_the_engine() {
        assert_eq!(
            super::words("nuoret & \"OR\" ääni:*"),
            ["nuoret", "or", "ääni"]
        );
    }
}
