//! Claiming an ownerless association (an imported one, or one whose last owner left): a
//! user asks to become its owner, an administrator approves or rejects, and the claimant is
//! told by email. An editor of the association may claim it too; only adults may own.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::paging::{Page, paging};
use crate::api::text;
use crate::associations::access::{may_own, role_of};
use crate::associations::model::{self, OWNER, VERIFIED};
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::DbConnection;
use crate::db::schema::{association_claims, association_members, associations, users};
use crate::email::{Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
use crate::state::AppState;

/// `POST /associations/{id}/claim` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRequest {
    pub justification: String,
}

/// A claim as administrators (and the claimant) see it.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    pub id: String,
    pub association_id: String,
    pub association_name: String,
    pub user_id: String,
    pub claimant_name: String,
    pub claimant_email: String,
    pub justification: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

type ClaimRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

fn view(
    (
        id,
        association_id,
        association_name,
        user_id,
        claimant_name,
        claimant_email,
        justification,
        status,
        created,
        decided,
    ): ClaimRow,
) -> ClaimView {
    ClaimView {
        id,
        association_id,
        association_name,
        user_id,
        claimant_name,
        claimant_email,
        justification,
        status,
        created_at: created.and_utc(),
        decided_at: decided.map(|d| d.and_utc()),
    }
}

macro_rules! claim_columns {
    () => {
        (
            association_claims::id,
            association_claims::association_id,
            associations::name,
            association_claims::user_id,
            users::display_name,
            users::email,
            association_claims::justification,
            association_claims::status,
            association_claims::created_at,
            association_claims::decided_at,
        )
    };
}

fn load(conn: &mut DbConnection, claim_id: &str) -> Result<ClaimView, AppError> {
    let row: ClaimRow = association_claims::table
        .inner_join(associations::table)
        .inner_join(users::table.on(users::id.eq(association_claims::user_id)))
        .filter(association_claims::id.eq(claim_id))
        .select(claim_columns!())
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)?;
    Ok(view(row))
}

/// Files a claim on a verified association that has no owner.
pub fn create(
    conn: &mut DbConnection,
    association_id: &str,
    user_id: &str,
    req: ClaimRequest,
) -> Result<ClaimView, AppError> {
    let justification = text::tidy_lines(&req.justification);
    if !(10..=2000).contains(&justification.chars().count()) {
        return Err(AppError::field(
            "justification",
            "invalid",
            "Tell in 10–2000 characters how you represent the association.",
        ));
    }
    model::lock(conn, association_id)?;
    let status: String = associations::table
        .find(association_id)
        .select(associations::status)
        .first(conn)?;
    if status != VERIFIED || model::has_owner(conn, association_id)? {
        return Err(AppError::Conflict(
            "This association already has owners; ask them to invite you.".into(),
        ));
    }
    may_own(conn, user_id)?;
    let pending: i64 = association_claims::table
        .filter(association_claims::association_id.eq(association_id))
        .filter(association_claims::user_id.eq(user_id))
        .filter(association_claims::status.eq("pending"))
        .count()
        .get_result(conn)?;
    if pending > 0 {
        return Err(AppError::Conflict(
            "You already have a pending claim on this association.".into(),
        ));
    }
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(association_claims::table)
        .values((
            association_claims::id.eq(&id),
            association_claims::association_id.eq(association_id),
            association_claims::user_id.eq(user_id),
            association_claims::justification.eq(justification),
            association_claims::status.eq("pending"),
            association_claims::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    load(conn, &id)
}

/// Lists claims by status (default `pending`), oldest first.
pub fn list(
    conn: &mut DbConnection,
    status: Option<&str>,
    page: Option<i64>,
    per_page: Option<i64>,
) -> Result<Page<ClaimView>, AppError> {
    let status = status.unwrap_or("pending");
    if !matches!(status, "pending" | "approved" | "rejected") {
        return Err(AppError::field(
            "status",
            "unknown_value",
            "The status is pending, approved or rejected.",
        ));
    }
    let (page, per_page) = paging(page, per_page)?;
    let total: i64 = association_claims::table
        .filter(association_claims::status.eq(status))
        .count()
        .get_result(conn)?;
    let rows: Vec<ClaimRow> = association_claims::table
        .inner_join(associations::table)
        .inner_join(users::table.on(users::id.eq(association_claims::user_id)))
        .filter(association_claims::status.eq(status))
        .order((association_claims::created_at, association_claims::id))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(claim_columns!())
        .load(conn)?;
    Ok(Page {
        items: rows.into_iter().map(view).collect(),
        total,
        page,
        per_page,
    })
}

/// Approves (the claimant becomes an owner) or rejects a pending claim, and tells them.
pub fn decide(
    conn: &mut DbConnection,
    state: &AppState,
    claim_id: &str,
    admin_id: &str,
    approve: bool,
) -> Result<ClaimView, AppError> {
    let claim = load(conn, claim_id)?;
    if claim.status != "pending" {
        return Err(AppError::Conflict(format!(
            "The claim is already {}.",
            claim.status
        )));
    }
    model::lock(conn, &claim.association_id)?;
    if approve && model::has_owner(conn, &claim.association_id)? {
        return Err(AppError::Conflict(
            "The association already has an owner (another claim was approved); reject this one."
                .into(),
        ));
    }
    let now = Utc::now().naive_utc();
    diesel::update(association_claims::table.find(claim_id))
        .set((
            association_claims::status.eq(if approve { "approved" } else { "rejected" }),
            association_claims::decided_by.eq(admin_id),
            association_claims::decided_at.eq(now),
        ))
        .execute(conn)?;
    let action = if approve {
        Action::ClaimApproved
    } else {
        Action::ClaimRejected
    };
    audit::record(
        conn,
        now,
        Entry::new(Some(admin_id), action, TargetKind::Claim, claim_id).detail(format!(
            "association {}, claimant {}",
            claim.association_id, claim.user_id
        )),
    )?;
    let association = model::find(conn, &claim.association_id)?.ok_or(AppError::NotFound)?;
    let language: String = users::table
        .find(&claim.user_id)
        .select(users::language)
        .first(conn)?;
    let template = if approve {
        if role_of(conn, &association.id, &claim.user_id)?.is_none() {
            diesel::insert_into(association_members::table)
                .values((
                    association_members::association_id.eq(&association.id),
                    association_members::user_id.eq(&claim.user_id),
                    association_members::role.eq(OWNER),
                    association_members::created_at.eq(now),
                ))
                .execute(conn)?;
        } else {
            // An editor who claimed the association after its last owner left.
            diesel::update(association_members::table.find((&association.id, &claim.user_id)))
                .set(association_members::role.eq(OWNER))
                .execute(conn)?;
        }
        let link = state.link(&format!("/associations/{}", association.slug));
        Template::ClaimApproved {
            name: claim.claimant_name.clone(),
            association: association.name.clone(),
            link,
        }
    } else {
        Template::ClaimRejected {
            name: claim.claimant_name.clone(),
            association: association.name.clone(),
        }
    };
    outbox::enqueue(
        conn,
        Some(&claim.user_id),
        &claim.claimant_email,
        &template.render(Language::from_code(&language)),
    )?;
    load(conn, claim_id)
}
