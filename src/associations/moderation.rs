//! Administrators verify and suspend associations; the owners are told either way.

use chrono::Utc;
use diesel::prelude::*;

use crate::api::paging::{Page, paging};
use crate::associations::model::{self, Association, PENDING, SUSPENDED, Summary, VERIFIED};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::associations;
use crate::email::{Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
use crate::state::AppState;

/// Lists associations by status (default `pending`), oldest first, for review.
pub fn list(
    conn: &mut DbConnection,
    status: Option<&str>,
    page: Option<i64>,
    per_page: Option<i64>,
) -> Result<Page<Summary>, AppError> {
    let status = status.unwrap_or(PENDING);
    if ![PENDING, VERIFIED, SUSPENDED].contains(&status) {
        return Err(AppError::field(
            "status",
            "unknown_value",
            "The status is pending, verified or suspended.",
        ));
    }
    let (page, per_page) = paging(page, per_page)?;
    let total: i64 = associations::table
        .filter(associations::status.eq(status))
        .count()
        .get_result(conn)?;
    let rows: Vec<Association> = associations::table
        .filter(associations::status.eq(status))
        .order((associations::created_at, associations::id))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Association::as_select())
        .load(conn)?;
    Ok(Page {
        items: model::summaries(conn, rows)?,
        total,
        page,
        per_page,
    })
}

/// Sets the status to `verified` or `suspended` on behalf of the administrator `admin_id`,
/// emails every owner and records it in the audit trail; returns the association as it
/// now is.
pub fn set_status(
    conn: &mut DbConnection,
    state: &AppState,
    admin_id: &str,
    key: &str,
    status: &str,
) -> Result<Association, AppError> {
    let association = model::find(conn, key)?.ok_or(AppError::NotFound)?;
    if association.status == status {
        // Already so: nothing changes and nobody is emailed twice.
        return Ok(association);
    }
    let now = Utc::now().naive_utc();
    if status == VERIFIED {
        diesel::update(associations::table.find(&association.id))
            .set((
                associations::status.eq(VERIFIED),
                associations::verified_at.eq(now),
            ))
            .execute(conn)?;
    } else {
        diesel::update(associations::table.find(&association.id))
            .set(associations::status.eq(status))
            .execute(conn)?;
    }
    model::touch(conn, &association.id)?;
    let action = if status == VERIFIED {
        Action::AssociationVerified
    } else {
        Action::AssociationSuspended
    };
    audit::record(
        conn,
        now,
        Entry::new(
            Some(admin_id),
            action,
            TargetKind::Association,
            &association.id,
        )
        .detail(format!("{} -> {status}", association.status)),
    )?;
    for (user_id, email, name, language) in model::owner_contacts(conn, &association.id)? {
        let template = if status == VERIFIED {
            let link = state.link(&format!("/associations/{}", association.slug));
            Template::AssociationVerified {
                name,
                association: association.name.clone(),
                link,
            }
        } else {
            Template::AssociationSuspended {
                name,
                association: association.name.clone(),
            }
        };
        outbox::enqueue(
            conn,
            Some(&user_id),
            &email,
            &template.render(Language::from_code(&language)),
        )?;
    }
    model::find(conn, &association.id)?.ok_or(AppError::NotFound)
}
