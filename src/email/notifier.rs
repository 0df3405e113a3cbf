//! Where the links in emails point. Features that queue mail inside a database transaction
//! (in `web::block`, without the application state) carry this small value instead.

use std::sync::Arc;

use crate::config::EmailLimits;
use crate::state::AppState;

/// What the notifications need from the application: where links point, and the bounds
/// on email that people cause ([`crate::email::throttle`]).
#[derive(Debug, Clone)]
pub struct Notifier {
    base_url: String,
    limits: Option<EmailLimits>,
    /// The server's secret, to sign links that work without logging in
    /// ([`crate::email::signed`]); empty for the command line, which sends no such link.
    signing_key: Arc<[u8]>,
}

impl Notifier {
    /// Takes the public base URL from the state, so the notifier can move into `web::block`.
    pub fn new(state: &AppState) -> Self {
        Self {
            base_url: state.config.public_base_url.clone(),
            limits: Some(state.config.email_limits.clone()),
            signing_key: Arc::from(state.config.jwt_secret.as_slice()),
        }
    }

    /// For callers without an application state (the CLI and the demo seed), unbounded.
    pub fn with_base_url(base_url: String) -> Self {
        Self {
            base_url,
            limits: None,
            signing_key: Arc::from(Vec::new()),
        }
    }

    /// The bounds on caused email (`None`: unbounded).
    pub fn limits(&self) -> Option<&EmailLimits> {
        self.limits.as_ref()
    }

    /// `value` signed for `purpose` ([`crate::email::signed::sign`]); `None` without a key.
    pub fn sign(&self, purpose: &str, value: &str) -> Option<String> {
        crate::email::signed::sign(&self.signing_key, purpose, value)
    }

    /// An absolute link to `path` (e.g. `/tasks/{id}`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
