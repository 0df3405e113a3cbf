//! Where the links in emails point. Features that queue mail inside a database transaction
//! (in `web::block`, without the application state) carry this small value instead.

use crate::config::EmailLimits;
use crate::state::AppState;

/// What the notifications need from the application: where links point, and the bounds
/// on email that people cause ([`crate::email::throttle`]).
#[derive(Debug, Clone)]
pub struct Notifier {
    base_url: String,
    limits: Option<EmailLimits>,
}

impl Notifier {
    /// Takes the public base URL from the state, so the notifier can move into `web::block`.
    pub fn new(state: &AppState) -> Self {
        Self {
            base_url: state.config.public_base_url.clone(),
            limits: Some(state.config.email_limits.clone()),
        }
    }

    /// For callers without an application state (the CLI and the demo seed), unbounded.
    pub fn with_base_url(base_url: String) -> Self {
        Self {
            base_url,
            limits: None,
        }
    }

    /// The bounds on caused email (`None`: unbounded).
    pub fn limits(&self) -> Option<&EmailLimits> {
        self.limits.as_ref()
    }

    /// An absolute link to `path` (e.g. `/tasks/{id}`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
