//! The demo's counsellor and referrals: the counsellor asks for the role and the demo
//! administrator approves it, and the counsellor has referred three young people: one to a
//! task (still waiting for an answer), one to an association's service (accepted, with
//! progress shared), and one as a link that nobody has claimed yet. Everything goes through
//! the API's own functions; the emails they queue are deleted, like the sign-ups'.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::counsellors::{self, Decision, RequestInput};
use crate::config::ReferralLimits;
use crate::db::DbConnection;
use crate::db::schema::{association_services, outbox};
use crate::email::Notifier;
use crate::error::AppError;
use crate::referrals::answers::{self, AcceptInput};
use crate::referrals::create::{self, Counsellor, CreateInput};
use crate::seed::data::people::{AADA, ONNI};
use crate::seed::people::PEOPLE;

/// Index of the administrator and the counsellor in [`PEOPLE`].
const ADMIN: usize = 0;
const COUNSELLOR: usize = 1;

/// What the referrals added, for the report.
pub(super) struct Summary {
    /// Referrals made.
    pub referrals: usize,
}

fn person(ids: &[String], index: usize) -> Result<&String, AppError> {
    ids.get(index)
        .ok_or_else(|| AppError::internal("demo person missing"))
}

/// Makes the counsellor and their referrals at `now`.
pub(super) fn load(
    conn: &mut DbConnection,
    people: &[String],
    associations: &[String],
    tasks: &[String],
    now: NaiveDateTime,
) -> Result<Summary, AppError> {
    let notifier = Notifier::with_base_url(String::new());
    let counsellor = person(people, COUNSELLOR)?;
    let request = counsellors::request(
        conn,
        counsellor,
        RequestInput {
            organisation: "Kouvolan Ohjaamo".into(),
            title: "Palveluohjaaja".into(),
            municipality_code: "286".into(),
            work_email: Some("sanna.palveluohjaaja@ohjaamo.example.fi".into()),
        },
    )?;
    counsellors::decide(
        conn,
        &notifier,
        &request.id,
        person(people, ADMIN)?,
        Decision::Approve,
    )?;
    let limits = ReferralLimits::default();
    let who = Counsellor {
        user_id: counsellor,
        limits: &limits,
    };
    let email_of = |index: usize| PEOPLE.get(index).map(|p| p.email.to_owned());

    // Onni, to the first open task that fits his age: waiting for his answer.
    let mut made = 0;
    for task in tasks {
        let input = CreateInput {
            client_email: email_of(ONNI),
            task_id: Some(task.clone()),
            association_id: None,
            service_id: None,
            note: Some(
                "Juttelimme, että haluaisit kokeilla jotain uutta porukassa. Tämä voisi olla \
                 hyvä aloitus – kysy minulta, jos jokin mietityttää."
                    .into(),
            ),
        };
        if create::create(conn, &notifier, &who, input, now).is_ok() {
            made += 1;
            break;
        }
    }

    // Aada, to the first association's first service: accepted, progress shared.
    let association = associations
        .first()
        .ok_or_else(|| AppError::internal("demo association missing"))?;
    let service: Option<String> = association_services::table
        .filter(association_services::association_id.eq(association))
        .order(association_services::created_at.asc())
        .select(association_services::id)
        .first(conn)
        .optional()?;
    let to_aada = create::create(
        conn,
        &notifier,
        &who,
        CreateInput {
            client_email: email_of(AADA),
            task_id: None,
            association_id: Some(association.clone()),
            service_id: service,
            note: Some("Tässä se paikka, josta puhuimme. Voit mennä ensimmäisellä kerralla kaverin kanssa.".into()),
        },
        now,
    )?;
    answers::accept(
        conn,
        &notifier,
        &to_aada.referral.id,
        person(people, AADA)?,
        AcceptInput {
            share_progress: true,
            message: Some("Kiitos, käyn katsomassa ensi viikolla.".into()),
        },
        now,
    )?;
    made += 1;

    // A link for someone who does not read email, not claimed yet.
    let last = associations
        .last()
        .ok_or_else(|| AppError::internal("demo association missing"))?;
    create::create(
        conn,
        &notifier,
        &who,
        CreateInput {
            client_email: None,
            task_id: None,
            association_id: Some(last.clone()),
            service_id: None,
            note: None,
        },
        now,
    )?;
    made += 1;

    // History, not news: the emails these queued are not sent.
    diesel::delete(
        outbox::table.filter(
            outbox::kind
                .like("referral\\_%")
                .escape('\\')
                .or(outbox::kind.like("counsellor\\_%").escape('\\')),
        ),
    )
    .execute(conn)?;
    Ok(Summary { referrals: made })
}
