//! The scheduler: runs due jobs one after another inside the server process, sleeping until
//! a request wakes it or the poll interval passes, and stops between jobs on shutdown.

use std::sync::Arc;

use tokio::sync::{Notify, watch};

use crate::clock::Clock;
use crate::config::MailWorkerConfig;
use crate::db::Db;
use crate::email::Notifier;
use crate::jobs::Handlers;
use crate::jobs::queue::{self, Ran};
use crate::telemetry::without_addresses;

/// Everything the scheduler needs; built by the application at start-up.
pub struct Runner {
    pub db: Db,
    pub handlers: Handlers,
    /// Where links in the emails that jobs queue point.
    pub links: Notifier,
    /// Poll interval and retry backoff, the same as the email worker's.
    pub timing: MailWorkerConfig,
    /// What "due" is measured against.
    pub clock: Clock,
    /// Nudged after a request commits a job.
    pub wake: Arc<Notify>,
    /// Nudges the email worker after a job that may have queued mail.
    pub mail_wake: Arc<Notify>,
    pub shutdown: watch::Receiver<bool>,
}

impl Runner {
    /// Runs until shutdown is signalled.
    pub async fn run(mut self) {
        tracing::info!("job scheduler started");
        loop {
            if *self.shutdown.borrow() {
                break;
            }
            let (handlers, links, timing, clock) = (
                self.handlers,
                self.links.clone(),
                self.timing.clone(),
                self.clock.clone(),
            );
            let ran = self
                .db
                .run(move |conn| queue::run_next(conn, &handlers, &links, &timing, &clock))
                .await;
            match ran {
                Ok(Ran::Done(kind)) => {
                    tracing::debug!(kind = kind.code(), "job done");
                    self.mail_wake.notify_one();
                    continue;
                }
                Ok(Ran::Failed {
                    kind,
                    attempt,
                    error,
                    retry_in,
                    gave_up,
                }) => {
                    let error = without_addresses(&error);
                    if gave_up {
                        tracing::error!(%kind, attempt, %error, "job failed for good");
                    } else {
                        tracing::warn!(%kind, attempt, %error, ?retry_in, "job failed; will retry");
                    }
                    continue;
                }
                Ok(Ran::Idle) => {}
                Err(e) => tracing::warn!(error = %e, "job scheduler could not run a job"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.timing.poll_interval) => {}
                _ = self.shutdown.changed() => {}
            }
        }
        tracing::info!("job scheduler stopped");
    }
}
