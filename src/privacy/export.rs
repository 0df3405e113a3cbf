//! `GET /me/export`: everything stored about the caller, as one JSON document they can read
//! and take elsewhere (GDPR Articles 15 and 20).
//!
//! Every column that points at a user is covered by a section of the document, and
//! [`COVERED`] says which: a test reads the foreign keys to `users` from the database and
//! fails when one is missing from that list, so that a new table cannot slip past the
//! export. Secrets are left out on purpose (the password hash, token hashes, the calendar
//! feed's token): they identify nothing and would only help someone who stole the file.
//! Emails are listed with their subject, time and status, not their bodies.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::counsellors::{RequestRow, RequestView};
use crate::accounts::profile::{self, Profile};
use crate::api::date::{utc, utc_opt};
use crate::audit::{self, AuditEntry};
use crate::db::DbConnection;
use crate::db::schema::{
    alert_digests, alert_matches, association_claims, association_invitations, association_members,
    associations, counsellor_requests, email_tokens, outbox, referral_events, referrals, reports,
    sessions, signup_events, signups, users, volunteer_records,
};
use crate::error::AppError;
use crate::matching::follows::{self, FollowView};
use crate::matching::saved_searches::{self, SavedSearchView};
use crate::referrals::model::{self as referral_model, HistoryEntry, Referral};
use crate::referrals::views::{self as referral_views, ClientView, CounsellorView};
use crate::signups::model::{Side, Signup};
use crate::signups::views::{self as signup_views, SignupView};

/// Each `(table, column)` that points at a user, and the section of the export that holds
/// the rows where it points at the caller.
pub const COVERED: &[(&str, &str, &str)] = &[
    ("users", "id", "account"),
    ("user_interests", "user_id", "account.interests"),
    ("user_availability", "user_id", "account.availability"),
    ("sessions", "user_id", "sessions"),
    ("email_tokens", "user_id", "email_tokens"),
    ("outbox", "user_id", "emails"),
    ("outbox", "actor_id", "emails_caused"),
    ("association_members", "user_id", "memberships"),
    ("association_invitations", "invited_by", "invitations_sent"),
    ("association_claims", "user_id", "claims"),
    ("association_claims", "decided_by", "claims_decided"),
    ("counsellor_requests", "user_id", "counsellor_requests"),
    (
        "counsellor_requests",
        "decided_by",
        "counsellor_requests_decided",
    ),
    ("signups", "volunteer_id", "signups"),
    ("signups", "decided_by", "signup_actions"),
    ("signups", "completed_by", "signup_actions"),
    ("signups", "record_checked_by", "signup_actions"),
    ("signups", "association_feedback_by", "signup_actions"),
    ("signup_events", "actor_id", "signup_actions"),
    ("volunteer_records", "user_id", "volunteer_record"),
    ("referrals", "client_id", "referrals_received"),
    ("referrals", "counsellor_id", "referrals_made"),
    ("referral_events", "actor_id", "referral_actions"),
    ("saved_searches", "user_id", "saved_searches"),
    ("association_follows", "user_id", "follows"),
    ("alert_matches", "user_id", "alert_matches"),
    ("alert_digests", "user_id", "alert_digests"),
    ("reports", "reporter_id", "reports_made"),
    ("reports", "closed_by", "reports_closed"),
    ("audit_log", "actor_id", "audit_trail"),
    ("audit_log", "target_id", "audit_trail"),
];

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Export {
    pub exported_at: DateTime<Utc>,
    /// The account and profile, with the roles held.
    pub account: Profile,
    /// Whether a calendar feed address exists (the address itself is a secret).
    pub calendar_feed: bool,
    pub sessions: Vec<SessionRow>,
    /// Links emailed for verification and password resets (their secrets left out).
    pub email_tokens: Vec<EmailTokenRow>,
    /// The emails sent to the account or its address: subject, time and status.
    pub emails: Vec<EmailRow>,
    /// Emails the user's actions sent to others (an invitation, a referral): kind, time
    /// and status only, as the recipient and text are the other person's.
    pub emails_caused: Vec<CausedEmailRow>,
    pub memberships: Vec<MembershipRow>,
    /// Invitations the user sent (with the invitee's address, which the user typed).
    pub invitations_sent: Vec<InvitationRow>,
    /// Invitations sent to the user's address.
    pub invitations_received: Vec<InvitationRow>,
    pub claims: Vec<ClaimRow>,
    /// Claims the user decided as an administrator.
    pub claims_decided: Vec<DecisionRow>,
    pub counsellor_requests: Vec<RequestView>,
    /// Counsellor requests the user decided as an administrator.
    pub counsellor_requests_decided: Vec<DecisionRow>,
    /// The user's sign-ups, with their history and the feedback both ways.
    pub signups: Vec<SignupView>,
    /// What the user did to other people's sign-ups as a member of an association.
    pub signup_actions: Vec<SignupAction>,
    /// The sharing settings of the volunteering record (its entries are the completed
    /// sign-ups above).
    pub volunteer_record: Option<RecordRow>,
    /// Referrals to the user, with their consent history.
    pub referrals_received: Vec<ReceivedReferral>,
    /// Referrals the user made as a counsellor, with their history.
    pub referrals_made: Vec<CounsellorView>,
    /// Every referral event the user caused.
    pub referral_actions: Vec<ReferralAction>,
    pub saved_searches: Vec<SavedSearchView>,
    pub follows: Vec<FollowView>,
    /// New tasks noted for the user's alerts.
    pub alert_matches: Vec<AlertMatchRow>,
    /// Digests waiting to be sent.
    pub alert_digests: Vec<AlertDigestRow>,
    /// Reports of abuse the user made, and how each ended.
    pub reports_made: Vec<ReportRow>,
    /// Reports the user closed as an administrator.
    pub reports_closed: Vec<DecisionRow>,
    /// The audit trail's rows that name the user, as actor or as target.
    pub audit_trail: Vec<AuditEntry>,
}

/// A report of abuse the user made: not its outcome or note, which are the administrators'
/// (the reporter is told only whether they acted, and that by email).
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = reports)]
pub struct ReportRow {
    pub id: String,
    pub target_kind: String,
    pub target_id: String,
    pub reason: String,
    pub details: Option<String>,
    pub status: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub closed_at: Option<NaiveDateTime>,
}

/// A login session.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc")]
    pub expires_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub revoked_at: Option<NaiveDateTime>,
    pub revoke_reason: Option<String>,
}

/// An emailed link, without its secret.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = email_tokens)]
pub struct EmailTokenRow {
    pub purpose: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc")]
    pub expires_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub used_at: Option<NaiveDateTime>,
}

/// An email, without its body.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct EmailRow {
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub sent_at: Option<NaiveDateTime>,
}

/// An email the user caused to be sent to someone else.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct CausedEmailRow {
    pub kind: String,
    pub status: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub sent_at: Option<NaiveDateTime>,
}

/// A membership of an association.
#[derive(Debug, Serialize, Queryable)]
pub struct MembershipRow {
    pub association_id: String,
    pub association_name: String,
    pub role: String,
    #[serde(serialize_with = "utc")]
    pub since: NaiveDateTime,
}

/// An invitation to an association.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = association_invitations)]
pub struct InvitationRow {
    pub id: String,
    pub association_id: String,
    pub email: String,
    pub role: String,
    pub status: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc")]
    pub expires_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub responded_at: Option<NaiveDateTime>,
}

/// A claim to own an association.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = association_claims)]
pub struct ClaimRow {
    pub id: String,
    pub association_id: String,
    pub justification: String,
    pub status: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub decided_at: Option<NaiveDateTime>,
}

/// A decision the user made as an administrator: what, its outcome, when.
#[derive(Debug, Serialize, Queryable)]
pub struct DecisionRow {
    pub id: String,
    pub status: String,
    #[serde(serialize_with = "utc_opt")]
    pub decided_at: Option<NaiveDateTime>,
}

/// Something the user did to someone else's sign-up as a member of its association.
#[derive(Debug, Serialize, PartialEq)]
pub struct SignupAction {
    pub signup_id: String,
    pub task_id: String,
    /// `decided`, `completed`, `record_checked`, `feedback`, or `status:<new status>` for
    /// an entry of the sign-up's history.
    pub action: String,
    pub at: DateTime<Utc>,
}

/// The volunteering record's code and what it shows.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = volunteer_records)]
pub struct RecordRow {
    pub code: String,
    pub share_name: bool,
    pub share_tasks: bool,
    pub share_hours: bool,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc")]
    pub updated_at: NaiveDateTime,
}

/// A referral as its client sees it, with its consent history.
#[derive(Debug, Serialize)]
pub struct ReceivedReferral {
    pub referral: ClientView,
    pub history: Vec<HistoryEntry>,
}

/// A referral event the user caused.
#[derive(Debug, Serialize, Queryable)]
pub struct ReferralAction {
    pub referral_id: String,
    pub event: String,
    #[serde(serialize_with = "utc")]
    pub at: NaiveDateTime,
}

/// A new task noted for an alert.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = alert_matches)]
pub struct AlertMatchRow {
    pub task_id: String,
    pub source_kind: String,
    pub source_id: String,
    pub alert: String,
    #[serde(serialize_with = "utc")]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "utc_opt")]
    pub sent_at: Option<NaiveDateTime>,
}

/// A digest due to be sent.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = alert_digests)]
pub struct AlertDigestRow {
    pub alert: String,
    #[serde(serialize_with = "utc")]
    pub due_at: NaiveDateTime,
}

/// Everything about `user_id` at `now`. Runs in one read transaction, so the sections agree.
pub fn export(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<Export, AppError> {
    let account = profile::load(conn, user_id)?;
    let calendar_feed = users::table
        .find(user_id)
        .select(users::calendar_token_hash.is_not_null())
        .first(conn)?;
    let email = account.email.clone();
    Ok(Export {
        exported_at: now.and_utc(),
        calendar_feed,
        sessions: sessions::table
            .filter(sessions::user_id.eq(user_id))
            .order(sessions::created_at)
            .select(SessionRow::as_select())
            .load(conn)?,
        email_tokens: email_tokens::table
            .filter(email_tokens::user_id.eq(user_id))
            .order(email_tokens::created_at)
            .select(EmailTokenRow::as_select())
            .load(conn)?,
        emails: outbox::table
            .filter(outbox::user_id.eq(user_id).or(outbox::recipient.eq(&email)))
            .order((outbox::created_at, outbox::id))
            .select(EmailRow::as_select())
            .load(conn)?,
        emails_caused: outbox::table
            .filter(outbox::actor_id.eq(user_id))
            .filter(outbox::recipient.ne(&email))
            .order((outbox::created_at, outbox::id))
            .select(CausedEmailRow::as_select())
            .load(conn)?,
        memberships: association_members::table
            .inner_join(associations::table)
            .filter(association_members::user_id.eq(user_id))
            .order(association_members::created_at)
            .select((
                association_members::association_id,
                associations::name,
                association_members::role,
                association_members::created_at,
            ))
            .load(conn)?,
        invitations_sent: association_invitations::table
            .filter(association_invitations::invited_by.eq(user_id))
            .order(association_invitations::created_at)
            .select(InvitationRow::as_select())
            .load(conn)?,
        invitations_received: association_invitations::table
            .filter(association_invitations::email.eq(&email))
            .order(association_invitations::created_at)
            .select(InvitationRow::as_select())
            .load(conn)?,
        claims: association_claims::table
            .filter(association_claims::user_id.eq(user_id))
            .order(association_claims::created_at)
            .select(ClaimRow::as_select())
            .load(conn)?,
        claims_decided: association_claims::table
            .filter(association_claims::decided_by.eq(user_id))
            .order(association_claims::decided_at)
            .select((
                association_claims::id,
                association_claims::status,
                association_claims::decided_at,
            ))
            .load(conn)?,
        counsellor_requests: counsellor_requests::table
            .filter(counsellor_requests::user_id.eq(user_id))
            .order(counsellor_requests::created_at)
            .select(RequestRow::as_select())
            .load::<RequestRow>(conn)?
            .into_iter()
            .map(RequestView::from)
            .collect(),
        counsellor_requests_decided: counsellor_requests::table
            .filter(counsellor_requests::decided_by.eq(user_id))
            .order(counsellor_requests::decided_at)
            .select((
                counsellor_requests::id,
                counsellor_requests::status,
                counsellor_requests::decided_at,
            ))
            .load(conn)?,
        signups: own_signups(conn, user_id)?,
        signup_actions: signup_actions(conn, user_id)?,
        volunteer_record: volunteer_records::table
            .find(user_id)
            .select(RecordRow::as_select())
            .first(conn)
            .optional()?,
        referrals_received: received_referrals(conn, user_id, now)?,
        referrals_made: made_referrals(conn, user_id, now)?,
        referral_actions: referral_events::table
            .filter(referral_events::actor_id.eq(user_id))
            .order((referral_events::at, referral_events::id))
            .select((
                referral_events::referral_id,
                referral_events::event,
                referral_events::at,
            ))
            .load(conn)?,
        saved_searches: saved_searches::list(conn, user_id)?,
        follows: follows::list(conn, user_id)?,
        alert_matches: alert_matches::table
            .filter(alert_matches::user_id.eq(user_id))
            .order((alert_matches::created_at, alert_matches::id))
            .select(AlertMatchRow::as_select())
            .load(conn)?,
        alert_digests: alert_digests::table
            .filter(alert_digests::user_id.eq(user_id))
            .order(alert_digests::due_at)
            .select(AlertDigestRow::as_select())
            .load(conn)?,
        reports_made: reports::table
            .filter(reports::reporter_id.eq(user_id))
            .order(reports::created_at)
            .select(ReportRow::as_select())
            .load(conn)?,
        reports_closed: reports::table
            .filter(reports::closed_by.eq(user_id))
            .order(reports::closed_at)
            .select((reports::id, reports::status, reports::closed_at))
            .load(conn)?,
        audit_trail: audit::of_user(conn, user_id)?,
        account,
    })
}

/// The user's own sign-ups as they see them, oldest first.
fn own_signups(conn: &mut DbConnection, user_id: &str) -> Result<Vec<SignupView>, AppError> {
    let rows: Vec<Signup> = signups::table
        .filter(signups::volunteer_id.eq(user_id))
        .order((signups::created_at, signups::id))
        .select(Signup::as_select())
        .load(conn)?;
    signup_views::build(conn, rows, Side::Volunteer)
}

/// Columns of a sign-up the user acted on as a member: id, task, the four (actor, time)
/// pairs a member can leave on it.
type ActedOn = (
    String,
    String,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
    Option<NaiveDateTime>,
    Option<String>,
    Option<NaiveDate>,
    Option<String>,
    Option<NaiveDateTime>,
);

/// What the user did to sign-ups as a member of an association, oldest first.
fn signup_actions(conn: &mut DbConnection, user_id: &str) -> Result<Vec<SignupAction>, AppError> {
    let rows: Vec<ActedOn> = signups::table
        .filter(
            signups::decided_by
                .eq(user_id)
                .or(signups::completed_by.eq(user_id))
                .or(signups::record_checked_by.eq(user_id))
                .or(signups::association_feedback_by.eq(user_id)),
        )
        .select((
            signups::id,
            signups::task_id,
            signups::decided_by,
            signups::decided_at,
            signups::completed_by,
            signups::completed_at,
            signups::record_checked_by,
            signups::record_checked_on,
            signups::association_feedback_by,
            signups::association_feedback_at,
        ))
        .load(conn)?;
    let mut out = Vec::new();
    for (
        id,
        task,
        decided_by,
        decided_at,
        completed_by,
        completed_at,
        checked_by,
        checked_on,
        feedback_by,
        feedback_at,
    ) in rows
    {
        let checked_at = checked_on.and_then(|d| d.and_hms_opt(0, 0, 0));
        for (who, at, action) in [
            (decided_by, decided_at, "decided"),
            (completed_by, completed_at, "completed"),
            (checked_by, checked_at, "record_checked"),
            (feedback_by, feedback_at, "feedback"),
        ] {
            if who.as_deref() == Some(user_id)
                && let Some(at) = at
            {
                out.push(SignupAction {
                    signup_id: id.clone(),
                    task_id: task.clone(),
                    action: action.to_owned(),
                    at: at.and_utc(),
                });
            }
        }
    }
    // The history entries the user caused on other people's sign-ups (their own are in
    // `signups`).
    let events: Vec<(String, String, String, NaiveDateTime)> = signup_events::table
        .inner_join(signups::table)
        .filter(signup_events::actor_id.eq(user_id))
        .filter(signups::volunteer_id.ne(user_id))
        .select((
            signup_events::signup_id,
            signups::task_id,
            signup_events::to_status,
            signup_events::at,
        ))
        .load(conn)?;
    out.extend(
        events
            .into_iter()
            .map(|(signup_id, task_id, to, at)| SignupAction {
                signup_id,
                task_id,
                action: format!("status:{to}"),
                at: at.and_utc(),
            }),
    );
    out.sort_by(|a, b| (a.at, &a.signup_id, &a.action).cmp(&(b.at, &b.signup_id, &b.action)));
    Ok(out)
}

/// Referrals bound to the user as their client, oldest first, with their history.
fn received_referrals(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<Vec<ReceivedReferral>, AppError> {
    let rows: Vec<Referral> = referrals::table
        .filter(referrals::client_id.eq(user_id))
        .order((referrals::created_at, referrals::id))
        .select(Referral::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            let history = referral_model::history(conn, &r.id)?;
            Ok(ReceivedReferral {
                referral: referral_views::for_client(conn, r, now)?,
                history,
            })
        })
        .collect()
}

/// Referrals the user made as a counsellor, oldest first.
fn made_referrals(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<Vec<CounsellorView>, AppError> {
    let rows: Vec<Referral> = referrals::table
        .filter(referrals::counsellor_id.eq(user_id))
        .order((referrals::created_at, referrals::id))
        .select(Referral::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|r| referral_views::for_counsellor(conn, r, now))
        .collect()
}
