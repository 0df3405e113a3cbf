//! What each side sees of a referral: the counsellor's view (its own status always, the
//! client's progress only while shared) and the client's view (the offer, who made it, the
//! note, and after accepting the association's contact details).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::counsellors;
use crate::accounts::model::{self as accounts, ERASED_NAME};
use crate::api::paging::{Page, paging};
use crate::associations::model::{self as associations, VERIFIED};
use crate::db::DbConnection;
use crate::db::schema::{association_services, referrals, signups, tasks, users};
use crate::db::stored::StoredEnum;
use crate::error::AppError;
use crate::referrals::model::{self, HistoryEntry, Referral, ReferralStatus};

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

/// What is offered, with ids and names.
#[derive(Debug, Serialize)]
pub struct OfferView {
    /// `task`, `service` or `association`.
    pub kind: &'static str,
    pub task: Option<Named>,
    pub service: Option<Named>,
    pub association: AssociationRef,
}

/// An id and a name (a task's title, a service's name).
#[derive(Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// The association offered, or the one whose task is offered.
#[derive(Debug, Serialize)]
pub struct AssociationRef {
    pub id: String,
    pub slug: String,
    pub name: String,
}

/// How a link referral stands: whether someone claimed it, and when.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    pub claimed: bool,
    pub claimed_at: Option<DateTime<Utc>>,
}

/// The client's progress, shown to the counsellor only while the client shares it.
#[derive(Debug, Serialize)]
pub struct Progress {
    /// The sign-up's state (`pending`, `accepted`, `completed`…), for a task referral.
    pub signup_status: Option<String>,
    /// When the association replied to the sign-up (accepted or declined it).
    pub replied_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    /// Hours logged on completion.
    pub hours: Option<f64>,
    /// What the client wrote on accepting an association or a service.
    pub message: Option<String>,
}

/// A referral as the counsellor who made it sees it.
#[derive(Debug, Serialize)]
pub struct CounsellorView {
    pub id: String,
    pub status: ReferralStatus,
    pub offer: OfferView,
    /// The address the counsellor typed (`null` for a link).
    pub client_email: Option<String>,
    /// For a link referral: whether it has been claimed.
    pub claim: Option<ClaimView>,
    /// The link to hand over: only in the answer that created it (the code is not kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    pub note: Option<String>,
    pub share_progress: bool,
    pub consent_changed_at: Option<DateTime<Utc>>,
    /// The client's own words on declining.
    pub decline_reason: Option<String>,
    /// `null` unless the client shares their progress.
    pub progress: Option<Progress>,
    pub history: Vec<HistoryEntry>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// The counsellor as the client sees them.
#[derive(Debug, Serialize)]
pub struct CounsellorRef {
    pub display_name: String,
    pub organisation: Option<String>,
    pub title: Option<String>,
}

/// The association's public contact details, given to a client who accepted.
#[derive(Debug, Serialize)]
pub struct Contact {
    pub contact_person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub meeting_address: Option<String>,
    pub how_to_join: Option<String>,
    /// How to get the service, for a service referral.
    pub how_to_get: Option<String>,
}

/// A referral as its client sees it.
#[derive(Debug, Serialize)]
pub struct ClientView {
    pub id: String,
    pub status: ReferralStatus,
    pub offer: OfferView,
    pub counsellor: CounsellorRef,
    pub note: Option<String>,
    pub share_progress: bool,
    pub consent_changed_at: Option<DateTime<Utc>>,
    /// The sign-up that accepting made, for a task referral.
    pub signup_id: Option<String>,
    /// After accepting: how to reach the association.
    pub contact: Option<Contact>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
}

fn offer_view(conn: &mut DbConnection, r: &Referral) -> Result<OfferView, AppError> {
    let association = associations::find(conn, &r.association_id)?.ok_or(AppError::NotFound)?;
    let task = match &r.task_id {
        Some(id) => tasks::table
            .find(id)
            .select((tasks::id, tasks::title))
            .first::<(String, String)>(conn)
            .optional()?
            .map(|(id, name)| Named { id, name }),
        None => None,
    };
    let service = match &r.service_id {
        Some(id) => association_services::table
            .find(id)
            .select((association_services::id, association_services::name))
            .first::<(String, String)>(conn)
            .optional()?
            .map(|(id, name)| Named { id, name }),
        None => None,
    };
    let kind = match (&r.task_id, &r.service_id) {
        (Some(_), _) => "task",
        (None, Some(_)) => "service",
        (None, None) => "association",
    };
    Ok(OfferView {
        kind,
        task,
        service,
        association: AssociationRef {
            id: association.id,
            slug: association.slug,
            name: association.name,
        },
    })
}

fn progress(conn: &mut DbConnection, r: &Referral) -> Result<Option<Progress>, AppError> {
    if !r.share_progress {
        return Ok(None);
    }
    let signup = match &r.signup_id {
        Some(id) => signups::table
            .find(id)
            .select((
                signups::status,
                signups::decided_at,
                signups::completed_at,
                signups::hours,
            ))
            .first::<(
                String,
                Option<NaiveDateTime>,
                Option<NaiveDateTime>,
                Option<f64>,
            )>(conn)
            .optional()?,
        None => None,
    };
    Ok(Some(match signup {
        Some((status, decided, completed, hours)) => Progress {
            signup_status: Some(status),
            replied_at: decided.map(utc),
            completed_at: completed.map(utc),
            hours,
            message: None,
        },
        None => Progress {
            signup_status: None,
            replied_at: None,
            completed_at: None,
            hours: None,
            message: r.client_message.clone(),
        },
    }))
}

/// The counsellor's view of one referral at `now`.
pub fn for_counsellor(
    conn: &mut DbConnection,
    r: Referral,
    now: NaiveDateTime,
) -> Result<CounsellorView, AppError> {
    Ok(CounsellorView {
        offer: offer_view(conn, &r)?,
        progress: progress(conn, &r)?,
        history: model::history(conn, &r.id)?,
        status: r.status_at(now),
        claim: r.claim_hash.as_ref().map(|_| ClaimView {
            claimed: r.client_id.is_some(),
            claimed_at: r.claimed_at.map(utc),
        }),
        link: None,
        id: r.id,
        client_email: r.client_email,
        note: r.note,
        share_progress: r.share_progress,
        consent_changed_at: r.consent_changed_at.map(utc),
        decline_reason: r.decline_reason,
        created_at: utc(r.created_at),
        expires_at: utc(r.expires_at),
        answered_at: r.answered_at.map(utc),
    })
}

/// One of the counsellor's own referrals; anyone else's is `404`.
pub fn one_for_counsellor(
    conn: &mut DbConnection,
    id: &str,
    counsellor_id: &str,
    now: NaiveDateTime,
) -> Result<CounsellorView, AppError> {
    let r = model::find(conn, id)?
        .filter(|r| r.counsellor_id.as_deref() == Some(counsellor_id))
        .ok_or(AppError::NotFound)?;
    for_counsellor(conn, r, now)
}

/// `GET /referrals` and `GET /me/referrals` query.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pub status: Option<String>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The status filter as stored conditions at `now`: `sent` means still answerable, and
/// `expired` includes sent referrals past their time that the scheduler has not marked.
fn status_filter(
    status: Option<ReferralStatus>,
    now: NaiveDateTime,
) -> Option<
    Box<
        dyn BoxableExpression<
                referrals::table,
                crate::db::MultiBackend,
                SqlType = diesel::sql_types::Bool,
            >,
    >,
> {
    let sent = ReferralStatus::Sent.as_str();
    Some(match status? {
        ReferralStatus::Sent => Box::new(
            referrals::status
                .eq(sent)
                .and(referrals::expires_at.gt(now)),
        ),
        ReferralStatus::Expired => Box::new(
            referrals::status
                .eq(ReferralStatus::Expired.as_str())
                .or(referrals::status
                    .eq(sent)
                    .and(referrals::expires_at.le(now))),
        ),
        other => Box::new(referrals::status.eq(other.as_str())),
    })
}

/// Whose referrals a list shows.
enum Whose<'a> {
    /// The ones this counsellor made.
    Counsellor(&'a str),
    /// The ones bound to this client, or sent to their verified address (empty when the
    /// address is not verified: no referral has an empty address) and not bound yet.
    Client { id: &'a str, address: String },
}

/// One page of `whose` referrals at `now`, newest first, each shown with `view`.
fn page_of<V>(
    conn: &mut DbConnection,
    whose: &Whose<'_>,
    query: ListQuery,
    now: NaiveDateTime,
    view: fn(&mut DbConnection, Referral, NaiveDateTime) -> Result<V, AppError>,
) -> Result<Page<V>, AppError> {
    let (page, per_page) = paging(query.page, query.per_page)?;
    let status = query
        .status
        .as_deref()
        .map(|s| ReferralStatus::from_param("status", s))
        .transpose()?;
    let filtered = || {
        let mut q = referrals::table.into_boxed::<crate::db::MultiBackend>();
        q = match whose {
            Whose::Counsellor(id) => q.filter(referrals::counsellor_id.eq(id.to_string())),
            Whose::Client { id, address } => q.filter(
                referrals::client_id
                    .eq(id.to_string())
                    .or(referrals::client_id
                        .is_null()
                        .and(referrals::client_email.eq(address.clone()))),
            ),
        };
        if let Some(condition) = status_filter(status, now) {
            q = q.filter(condition);
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<Referral> = filtered()
        .order((referrals::created_at.desc(), referrals::id.desc()))
        .limit(per_page)
        .offset((page - 1) * per_page)
        .select(Referral::as_select())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|r| view(conn, r, now))
        .collect::<Result<_, _>>()?;
    Ok(Page {
        items,
        total,
        page,
        per_page,
    })
}

/// The counsellor's referrals, newest first.
pub fn list_for_counsellor(
    conn: &mut DbConnection,
    counsellor_id: &str,
    query: ListQuery,
    now: NaiveDateTime,
) -> Result<Page<CounsellorView>, AppError> {
    page_of(
        conn,
        &Whose::Counsellor(counsellor_id),
        query,
        now,
        for_counsellor,
    )
}

fn contact(conn: &mut DbConnection, r: &Referral) -> Result<Option<Contact>, AppError> {
    if r.status != ReferralStatus::Accepted {
        return Ok(None);
    }
    // A suspended association's contact details are not handed out.
    let Some(a) = associations::find(conn, &r.association_id)?.filter(|a| a.status == VERIFIED)
    else {
        return Ok(None);
    };
    let how_to_get = match &r.service_id {
        Some(id) => association_services::table
            .find(id)
            .select(association_services::how_to_get)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten(),
        None => None,
    };
    Ok(Some(Contact {
        contact_person: a.contact_person,
        email: a.email,
        phone: a.phone,
        website: a.website,
        meeting_address: a.meeting_address,
        how_to_join: a.how_to_join,
        how_to_get,
    }))
}

/// The client's view of one referral at `now`.
pub fn for_client(
    conn: &mut DbConnection,
    r: Referral,
    now: NaiveDateTime,
) -> Result<ClientView, AppError> {
    // An erased counsellor is named as erased; their organisation stays on the referral.
    let (name, role) = match r.counsellor_id.as_deref() {
        Some(id) => (
            users::table
                .find(id)
                .select(users::display_name)
                .first(conn)?,
            counsellors::role(conn, id)?,
        ),
        None => (ERASED_NAME.to_owned(), None),
    };
    Ok(ClientView {
        offer: offer_view(conn, &r)?,
        contact: contact(conn, &r)?,
        counsellor: CounsellorRef {
            display_name: name,
            organisation: role
                .as_ref()
                .map(|x| x.organisation.clone())
                .or_else(|| r.organisation.clone()),
            title: role.map(|x| x.title),
        },
        status: r.status_at(now),
        id: r.id,
        note: r.note,
        share_progress: r.share_progress,
        consent_changed_at: r.consent_changed_at.map(utc),
        signup_id: r.signup_id,
        created_at: utc(r.created_at),
        expires_at: utc(r.expires_at),
        answered_at: r.answered_at.map(utc),
    })
}

/// The client's referrals, newest first: bound to them, or sent to their verified address
/// and not bound to anyone yet.
pub fn list_for_client(
    conn: &mut DbConnection,
    user_id: &str,
    query: ListQuery,
    now: NaiveDateTime,
) -> Result<Page<ClientView>, AppError> {
    let user = accounts::find(conn, user_id)?.ok_or(AppError::Unauthorized)?;
    let address = if user.email_verified_at.is_some() {
        user.email
    } else {
        String::new()
    };
    page_of(
        conn,
        &Whose::Client {
            id: user_id,
            address,
        },
        query,
        now,
        for_client,
    )
}
