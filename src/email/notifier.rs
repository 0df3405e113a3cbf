//! Where the links in emails point. Features that queue mail inside a database transaction
//! (in `web::block`, without the application state) carry this small value instead.

use crate::state::AppState;

/// What the notifications need from the application: where links point.
#[derive(Debug, Clone)]
pub struct Notifier {
    base_url: String,
}

impl Notifier {
    /// Takes the public base URL from the state, so the notifier can move into `web::block`.
    pub fn new(state: &AppState) -> Self {
        Self {
            base_url: state.config.public_base_url.clone(),
        }
    }

    /// For callers without an application state (the CLI).
    pub fn with_base_url(base_url: String) -> Self {
        Self { base_url }
    }

    /// An absolute link to `path` (e.g. `/tasks/{id}`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}
