//! What features above associations add to them, plugged in at start-up: the card shows
//! the association's open tasks, yet tasks sit above associations (they import it, never the
//! reverse). `startup.rs` wires these function pointers.

use serde_json::{Map, Value};

use crate::db::DbConnection;
use crate::error::AppError;

/// Fields that a higher feature adds to a card, by name.
pub type CardExtras = Map<String, Value>;

/// The parts of an association's card that higher features provide.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// Fields added to the card of the association with this id (`open_tasks`).
    pub card_extras: fn(&mut DbConnection, &str) -> Result<CardExtras, AppError>,
}
