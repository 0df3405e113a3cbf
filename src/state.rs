//! What every request handler shares: configuration, the database, keys and the hasher.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::auth::jwt::JwtKeys;
use crate::auth::passwords::Hasher;
use crate::config::Config;
use crate::db::Db;

/// Application state, cloned cheaply into each actix worker.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub jwt: JwtKeys,
    pub hasher: Hasher,
    /// Wakes the email worker after a transaction queued mail.
    pub mail_wake: Arc<Notify>,
    /// Wakes the job scheduler after a transaction scheduled a job.
    pub jobs_wake: Arc<Notify>,
}

impl AppState {
    /// An absolute link for an email, e.g. `link("/verify-email?token=…")`.
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.config.public_base_url, path_and_query)
    }

    /// Tells the email worker there is new mail; call after the transaction commits.
    pub fn wake_mailer(&self) {
        self.mail_wake.notify_one();
    }

    /// Tells the job scheduler there is a new job; call after the transaction commits.
    pub fn wake_jobs(&self) {
        self.jobs_wake.notify_one();
    }
}
