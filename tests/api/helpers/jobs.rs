//! Waiting for the background scheduler, for tests that move the clock.

use std::time::Duration;

use diesel::prelude::*;
use talkoot::db::schema::jobs;

use super::TestApp;

impl TestApp {
    /// Waits (up to 15 s) until no job is due by the application's clock, then a moment more
    /// for the email worker to deliver what the jobs queued.
    pub async fn settle(&self) {
        for _ in 0..150 {
            let now = self.config.clock.now();
            let due: i64 = self
                .db(move |conn| {
                    jobs::table
                        .filter(jobs::run_at.le(now))
                        .filter(jobs::status.eq("pending"))
                        .count()
                        .get_result(conn)
                        .expect("count due jobs")
                })
                .await;
            if due == 0 {
                tokio::time::sleep(Duration::from_millis(400)).await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the scheduler did not run the due jobs");
    }
}
