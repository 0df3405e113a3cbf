//! One task in an index of its own, in memory: to tell which saved searches a newly listed
//! task matches, each search's own query runs on this one document, so the cost of a new
//! task grows with the number of alerting searches and never with the size of the index.
//! The schema, the analysers and the query are the ones of `GET /tasks`, so a search
//! alerts about exactly the tasks it would list.

use chrono::NaiveDateTime;
use tantivy::collector::Count;
use tantivy::{Index, Searcher};

use crate::db::DbConnection;
use crate::error::AppError;
use crate::search::documents::{self, Categories, Part, Which};
use crate::search::index::{register_analyzers, search_error};
use crate::search::schema::TaskFields;
use crate::search::tasks::query;
use crate::search::text;
use crate::tasks::search::TaskQuery;

/// A listed task's document, searchable on its own.
pub struct OneTask {
    searcher: Searcher,
    fields: TaskFields,
    /// The task's association, for its followers.
    pub association_id: String,
}

impl OneTask {
    /// The task as the index would list it at `now`; `None` when it is not listed (a
    /// draft, a closed or cancelled task, an unverified association, a passed deadline).
    pub fn load(
        conn: &mut DbConnection,
        task_id: &str,
        now: NaiveDateTime,
    ) -> Result<Option<Self>, AppError> {
        let (schema, fields) = TaskFields::schema();
        let categories = Categories::load(conn)?;
        let ids = [task_id.to_owned()];
        let Some(loaded) =
            documents::load(conn, Which::Ids(&ids), now, &fields, &categories)?.pop()
        else {
            return Ok(None);
        };
        let Some((Part::Listed, document)) = loaded.document else {
            return Ok(None);
        };
        let index = Index::create_in_ram(schema);
        register_analyzers(&index);
        let mut writer = index
            .writer_with_num_threads(1, 15_000_000)
            .map_err(search_error)?;
        writer.add_document(document).map_err(search_error)?;
        writer.commit().map_err(search_error)?;
        let searcher = index.reader().map_err(search_error)?.searcher();
        Ok(Some(Self {
            searcher,
            fields,
            association_id: loaded.association_id,
        }))
    }

    /// Whether `GET /tasks` with `q` would list the task (its words read as typed, without
    /// the typo corrections that a search with few hits falls back to).
    pub fn matches(&self, q: &TaskQuery) -> Result<bool, AppError> {
        let words = text::expand(
            &self.searcher,
            self.fields.words,
            q.q.as_deref().unwrap_or(""),
        );
        let query = query(q, &words, &self.fields);
        let n = self
            .searcher
            .search(&*query, &Count)
            .map_err(search_error)?;
        Ok(n > 0)
    }
}
