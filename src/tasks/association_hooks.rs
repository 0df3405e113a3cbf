//! What tasks add to associations: the open tasks on an association's card. Plugged into
//! [`crate::associations::hooks::Hooks`] at start-up, so that associations never import
//! tasks.

use serde_json::Map;

use crate::associations::hooks::{CardExtras, Hooks};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::tasks::search::open_tasks_of;

/// The association hooks that tasks provide.
pub fn hooks() -> Hooks {
    Hooks { card_extras }
}

/// `open_tasks`: published tasks that have not ended, soonest first.
fn card_extras(conn: &mut DbConnection, association_id: &str) -> Result<CardExtras, AppError> {
    let open_tasks = serde_json::to_value(open_tasks_of(conn, association_id)?)
        .map_err(|e| AppError::internal(format!("serialising open tasks: {e}")))?;
    Ok(Map::from_iter([("open_tasks".to_owned(), open_tasks)]))
}
