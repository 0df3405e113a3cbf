//! The background sender: claims due outbox rows, delivers them, retries with exponential
//! backoff and gives up after `give_up_after`. It runs inside the server process and stops
//! after its current message when asked to shut down.

use std::sync::Arc;

use chrono::Utc;
use lettre::message::Mailbox;
use tokio::sync::{Notify, watch};

use crate::config::MailWorkerConfig;
use crate::db::Db;
use crate::email::outbox::{self, OutboxMessage};
use crate::email::transport::Mailer;
use crate::telemetry::without_addresses;

/// How many rows one claim takes.
const BATCH: i64 = 20;

/// Everything the worker needs; built by the application at start-up.
pub struct Worker {
    pub db: Db,
    pub mailer: Mailer,
    pub from: Mailbox,
    pub config: MailWorkerConfig,
    /// Nudged after a request commits new mail, so delivery does not wait for the next poll.
    pub wake: Arc<Notify>,
    pub shutdown: watch::Receiver<bool>,
}

impl Worker {
    /// Runs until shutdown is signalled.
    pub async fn run(mut self) {
        tracing::info!("email worker started");
        loop {
            if *self.shutdown.borrow() {
                break;
            }
            let db = self.db.clone();
            let claimed = db.run(|conn| outbox::claim_due(conn, BATCH)).await;
            let batch = match claimed {
                Ok(batch) => batch,
                Err(e) => {
                    tracing::warn!(error = %e, "email worker could not claim messages");
                    Vec::new()
                }
            };
            let had_work = !batch.is_empty();
            for message in batch {
                if *self.shutdown.borrow() {
                    // Unsent claimed rows come back when their lease runs out.
                    break;
                }
                self.deliver(message).await;
            }
            if had_work {
                continue;
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.config.poll_interval) => {}
                _ = self.shutdown.changed() => {}
            }
        }
        tracing::info!("email worker stopped");
    }

    async fn deliver(&self, message: OutboxMessage) {
        let result = self.mailer.send(&self.from, &message).await;
        let id = message.id.clone();
        let outcome = match result {
            Ok(()) => {
                tracing::info!(message_id = %id, "email sent");
                self.db.run(move |conn| outbox::mark_sent(conn, &id)).await
            }
            Err(e) => {
                let attempt = message.attempts + 1;
                let now = Utc::now().naive_utc();
                let queued = message.retried_at.unwrap_or(message.created_at);
                let age = (now - queued).to_std().unwrap_or_default();
                let give_up = e.is_permanent() || age >= self.config.give_up_after;
                let delay =
                    outbox::backoff(attempt, self.config.base_backoff, self.config.max_backoff);
                let retry_at = now
                    + chrono::Duration::from_std(delay)
                        .unwrap_or_else(|_| chrono::Duration::hours(1));
                // The server's answer may quote the recipient; the log gets it without.
                let logged = without_addresses(&e.to_string());
                if give_up {
                    tracing::error!(message_id = %id, attempt, error = %logged, "email failed for good");
                } else {
                    tracing::warn!(message_id = %id, attempt, error = %logged, retry_in = ?delay, "email delivery failed; will retry");
                }
                let error = e.to_string();
                self.db
                    .run(move |conn| {
                        outbox::mark_attempt_failed(conn, &id, &error, retry_at, give_up)
                    })
                    .await
            }
        };
        if let Err(e) = outcome {
            tracing::error!(error = %e, "could not record email delivery outcome");
        }
    }
}
