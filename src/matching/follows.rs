//! Following an association: a volunteer hears about its new tasks in the same digest as
//! their saved searches' matches. Following is idempotent (following twice is one follow),
//! and only public (verified) associations can be followed. Following again turns its
//! emails back on after an unsubscribe link turned them off.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::associations::model::{self as associations_model, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{association_follows, associations};
use crate::error::AppError;

/// One association the volunteer follows.
#[derive(Debug, Serialize)]
pub struct FollowView {
    pub association_id: String,
    pub name: String,
    pub slug: String,
    pub since: DateTime<Utc>,
    /// Whether its new tasks come in the alert digest (an unsubscribe link turns this off;
    /// following again turns it back on).
    pub alerts: bool,
}

/// Follows the association `key` (id or slug); `404` unless it is public.
pub fn follow(
    conn: &mut DbConnection,
    user_id: &str,
    key: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let association = associations_model::find(conn, key)?
        .filter(|a| a.status == VERIFIED)
        .ok_or(AppError::NotFound)?;
    let already: i64 = association_follows::table
        .filter(association_follows::user_id.eq(user_id))
        .filter(association_follows::association_id.eq(&association.id))
        .count()
        .get_result(conn)?;
    if already == 0 {
        diesel::insert_into(association_follows::table)
            .values((
                association_follows::user_id.eq(user_id),
                association_follows::association_id.eq(&association.id),
                association_follows::created_at.eq(now),
                association_follows::alerts.eq(true),
            ))
            .execute(conn)?;
    } else {
        diesel::update(
            association_follows::table
                .filter(association_follows::user_id.eq(user_id))
                .filter(association_follows::association_id.eq(&association.id)),
        )
        .set(association_follows::alerts.eq(true))
        .execute(conn)?;
    }
    Ok(())
}

/// Stops following `key`; `404` when the association does not exist (not following it is
/// no error: the end state is what was asked).
pub fn unfollow(conn: &mut DbConnection, user_id: &str, key: &str) -> Result<(), AppError> {
    let association = associations_model::find(conn, key)?.ok_or(AppError::NotFound)?;
    diesel::delete(
        association_follows::table
            .filter(association_follows::user_id.eq(user_id))
            .filter(association_follows::association_id.eq(&association.id)),
    )
    .execute(conn)?;
    Ok(())
}

/// The associations the volunteer follows, by name.
pub fn list(conn: &mut DbConnection, user_id: &str) -> Result<Vec<FollowView>, AppError> {
    let rows: Vec<(String, String, String, NaiveDateTime, bool)> = association_follows::table
        .inner_join(associations::table)
        .filter(association_follows::user_id.eq(user_id))
        .order((associations::name, associations::id))
        .select((
            associations::id,
            associations::name,
            associations::slug,
            association_follows::created_at,
            association_follows::alerts,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(association_id, name, slug, since, alerts)| FollowView {
            association_id,
            name,
            slug,
            since: since.and_utc(),
            alerts,
        })
        .collect())
}
