//! The background follower: applies the change feed to this instance's index twice a
//! second (looking again behind its position for rows that committed late) and moves
//! tasks whose time is over out of the listing. Searches also catch up before they run,
//! so a change is searchable as soon as it commits; this loop keeps an idle instance
//! current and its lag small.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::clock::Clock;
use crate::db::Db;
use crate::search::SearchIndex;

/// How often the follower looks at the feed.
pub const INTERVAL: Duration = Duration::from_millis(500);

/// The follower's parts.
pub struct Follower {
    pub db: Db,
    pub index: Arc<SearchIndex>,
    pub clock: Clock,
    pub shutdown: watch::Receiver<bool>,
}

impl Follower {
    /// Runs until shutdown is signalled.
    pub async fn run(mut self) {
        loop {
            if *self.shutdown.borrow() {
                return;
            }
            let index = self.index.clone();
            let now = self.clock.now();
            match self
                .db
                .run(move |conn| index.catch_up(conn, now, true))
                .await
            {
                Ok(applied) if applied.changes + applied.swept > 0 => {
                    tracing::debug!(
                        changes = applied.changes,
                        swept = applied.swept,
                        "search index updated"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "search index could not follow the feed"),
            }
            tokio::select! {
                _ = tokio::time::sleep(INTERVAL) => {}
                _ = self.shutdown.changed() => {}
            }
        }
    }
}
