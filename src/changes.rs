//! The change feed: one row per change that affects what a search shows, written in the
//! same transaction as the change, so that a derived copy (each instance's search index)
//! can follow the database and never miss a committed change nor see one that was rolled
//! back.
//!
//! A row names an entity to look at again, not what changed in it: whoever applies the
//! feed re-reads the entity, so applying a row twice, or out of order, is harmless. This
//! module sits below every feature (it imports none), so that each feature can record its
//! changes without knowing who follows them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::search_changes;
use crate::db::stored::StoredEnum;
use crate::error::AppError;

/// What a change row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A task: its fields, its status or its free spots changed.
    Task,
    /// An association: its card, status, name or services changed (and with them what its
    /// tasks show).
    Association,
}

impl StoredEnum for Entity {
    const WHAT: &'static str = "changed entity";
    const ALL: &'static [Self] = &[Self::Task, Self::Association];

    fn as_str(self) -> &'static str {
        match self {
            Self::Task => "task",
            Self::Association => "association",
        }
    }
}

/// One row of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub entity: Entity,
    pub entity_id: String,
}

/// Records that `entity` changed; call inside the transaction that changes it.
pub fn record(
    conn: &mut DbConnection,
    entity: Entity,
    entity_id: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    diesel::insert_into(search_changes::table)
        .values((
            search_changes::entity.eq(entity.as_str()),
            search_changes::entity_id.eq(entity_id),
            search_changes::changed_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The highest sequence number written so far (0 for an empty feed).
pub fn head(conn: &mut DbConnection) -> Result<i64, AppError> {
    let head: Option<i64> = search_changes::table
        .select(diesel::dsl::max(search_changes::seq))
        .first(conn)?;
    Ok(head.unwrap_or(0))
}

/// Whether the feed still holds every row after `position`: retention deletes its oldest
/// rows (keeping the newest), so a copy that stopped following before them has missed
/// changes and must be built again. (A sequence number that a rolled-back transaction used
/// leaves a gap too; the answer is then a needless rebuild, never a missed change.)
pub fn holds_all_after(conn: &mut DbConnection, position: i64) -> Result<bool, AppError> {
    let oldest: Option<i64> = search_changes::table
        .select(diesel::dsl::min(search_changes::seq))
        .first(conn)?;
    Ok(oldest.is_none_or(|oldest| oldest <= position.saturating_add(1)))
}

/// Up to `limit` rows with a sequence number above `after`, in order.
pub fn since(conn: &mut DbConnection, after: i64, limit: i64) -> Result<Vec<Change>, AppError> {
    let rows: Vec<(i64, String, String)> = search_changes::table
        .filter(search_changes::seq.gt(after))
        .order(search_changes::seq)
        .limit(limit)
        .select((
            search_changes::seq,
            search_changes::entity,
            search_changes::entity_id,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(seq, entity, entity_id)| {
            Ok(Change {
                seq,
                entity: Entity::from_stored(&entity).map_err(AppError::internal)?,
                entity_id,
            })
        })
        .collect()
}
