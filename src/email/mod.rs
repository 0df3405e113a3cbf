//! Email: templates, the transactional outbox, delivery transports and the worker.

pub mod notifier;
pub mod outbox;
pub mod signed;
pub mod templates;
pub mod throttle;
pub mod transport;
pub mod worker;

pub use notifier::Notifier;
pub use templates::{DigestGroup, DigestSource, DigestTask, Offer, Template, local_time};
