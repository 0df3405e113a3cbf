//! What features above accounts do when an account changes, plugged in at start-up: an
//! invitation to an association waits for its address to be proven, yet associations sit
//! above accounts (they import it, never the reverse). `startup.rs` wires these function
//! pointers.

use crate::db::DbConnection;
use crate::error::AppError;

/// Reactions of higher features to account events, run inside the same transaction.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// The person proved control of their address (a verification link or a password reset
    /// link was followed): `(conn, user_id, email)`.
    pub address_proven: fn(&mut DbConnection, &str, &str) -> Result<(), AppError>,
}
