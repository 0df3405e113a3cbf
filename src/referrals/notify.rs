//! The emails of referrals: to the client when referred, to the counsellor on an answer or
//! on expiry. None carries the note or the client's message (see the templates).

use diesel::prelude::*;

use crate::accounts::counsellors;
use crate::accounts::model::{self as accounts, User};
use crate::db::DbConnection;
use crate::db::schema::{association_services, associations, tasks};
use crate::email::throttle::{self, Bound, Cause};
use crate::email::{Notifier, Offer, Template, outbox};
use crate::error::AppError;
use crate::i18n::Language;
use crate::referrals::create::Counsellor;
use crate::referrals::model::Referral;

/// What the referral offers, by name.
pub fn offer(conn: &mut DbConnection, referral: &Referral) -> Result<Offer, AppError> {
    let association: String = associations::table
        .find(&referral.association_id)
        .select(associations::name)
        .first(conn)?;
    let task = match &referral.task_id {
        Some(id) => tasks::table
            .find(id)
            .select(tasks::title)
            .first(conn)
            .optional()?,
        None => None,
    };
    let service = match &referral.service_id {
        Some(id) => association_services::table
            .find(id)
            .select(association_services::name)
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(Offer {
        task,
        service,
        association,
    })
}

/// Tells the client at `email`: an account holder in their language, an address without
/// an account with an invitation to register, in the counsellor's language. The email is
/// the counsellor's doing, so it counts against their bounds and the recipient's
/// ([`throttle`]).
pub fn to_client(
    conn: &mut DbConnection,
    links: &Notifier,
    referral: &Referral,
    email: &str,
    client: Option<&User>,
    counsellor: &Counsellor<'_>,
) -> Result<(), AppError> {
    let me = accounts::find(conn, counsellor.user_id)?.ok_or(AppError::Unauthorized)?;
    let organisation = counsellors::role(conn, counsellor.user_id)?
        .map(|role| role.organisation)
        .unwrap_or_default();
    let offer = offer(conn, referral)?;
    let link = links.link(&format!("/referrals/{}", referral.id));
    let mail = match client {
        Some(client) => Template::ReferralReceived {
            name: client.display_name.clone(),
            counsellor: me.display_name.clone(),
            organisation,
            offer,
            link,
        }
        .render(Language::from_code(&client.language)),
        None => Template::ReferralInvitation {
            counsellor: me.display_name.clone(),
            organisation,
            offer,
            link,
            register_link: links.link("/register"),
            days: counsellor.limits.expire_after.num_days(),
        }
        .render(Language::from_code(&me.language)),
    };
    let cause = Cause {
        actor: counsellor.user_id,
        topic: None,
        bound: Bound::PerPersonAndRecipient,
    };
    throttle::enqueue_caused(
        conn,
        links.limits(),
        &cause,
        client.map(|c| c.id.as_str()),
        email,
        &mail,
    )
}

/// What the counsellor hears about.
#[derive(Debug, Clone, Copy)]
pub enum Outcome {
    Accepted,
    Declined,
    Expired,
}

/// Tells the counsellor how a referral ended, while they still hold the role (a revoked
/// counsellor hears nothing more about their former clients).
pub fn to_counsellor(
    conn: &mut DbConnection,
    links: &Notifier,
    referral: &Referral,
    outcome: Outcome,
) -> Result<(), AppError> {
    let Some(counsellor_id) = referral.counsellor_id.as_deref() else {
        return Ok(());
    };
    if counsellors::role(conn, counsellor_id)?.is_none() {
        return Ok(());
    }
    let Some(counsellor) = accounts::find(conn, counsellor_id)? else {
        return Ok(());
    };
    let offer = offer(conn, referral)?;
    let link = links.link(&format!("/referrals/{}", referral.id));
    let name = counsellor.display_name.clone();
    let template = match outcome {
        Outcome::Accepted | Outcome::Declined => Template::ReferralAnswered {
            name,
            offer,
            accepted: matches!(outcome, Outcome::Accepted),
            link,
        },
        Outcome::Expired => Template::ReferralExpired { name, offer, link },
    };
    outbox::enqueue(
        conn,
        Some(&counsellor.id),
        &counsellor.email,
        &template.render(Language::from_code(&counsellor.language)),
    )
    .map(drop)
}
