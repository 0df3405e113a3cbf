//! The demo's sign-ups, so that every state of a sign-up can be seen and tried:
//!
//! - on upcoming tasks: pending with a short message (one of them on a task that needs a
//!   criminal-record check, not yet seen), accepted automatically, accepted by a member,
//!   accepted after a member recorded the check, waitlisted on a full two-spot task,
//!   declined and withdrawn;
//! - on a task the association then cancelled: cancelled;
//! - on four past tasks, now closed: completed with hours, and one no-show. Aada Koskinen
//!   completed three of them at two associations, one with feedback from both sides, so
//!   her record (`GET /me/record`) has something to show.
//!
//! Everything goes through the functions the API uses (`join::sign_up`,
//! `decisions::decide`, `withdraw`, `record_check`, `feedback::give`, `lifecycle::
//! transition`), so the accepted counts and the histories are right. Sign-up refuses a task
//! that has ended, so a past task is created and published with future dates, its sign-ups
//! completed, and only then are its dates (and the timestamps of its sign-ups' history)
//! moved into the past before it is closed.

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::{
    AADA, ASSOCIATIONS, ELLA, LEMI, LEO, MARTAT, MERIPELASTUS, ONNI, Place, SENIORIT, SOFIA, TASK,
    TASKS, Task, When, at, create_task,
};
use crate::associations::model as associations_model;
use crate::db::DbConnection;
use crate::db::schema::{outbox, signup_events, signups, tasks};
use crate::error::AppError;
use crate::signups::decisions::{self, Decision, RecordCheckInput};
use crate::signups::feedback::{self, FeedbackInput};
use crate::signups::join::{self, SignUpInput};
use crate::signups::model::{
    self, ACCEPTED, ALL, COMPLETED, DECLINED, NO_SHOW, PENDING, WAITLISTED, WITHDRAWN,
};
use crate::signups::notify::Notifier;
use crate::tasks::lifecycle;
use crate::tasks::model::{self as tasks_model, CANCELLED as TASK_CANCELLED, CLOSED};

/// The ids the rest of the demo created, by index into `PEOPLE`, `ASSOCIATIONS` and `TASKS`.
pub(super) struct Ids<'a> {
    pub people: &'a [String],
    pub associations: &'a [String],
    pub tasks: &'a [String],
}

/// What the sign-ups added, for the report.
pub(super) struct Summary {
    /// Past tasks, now closed.
    pub closed: usize,
    /// Cancelled tasks.
    pub cancelled: usize,
    /// Sign-ups per state, in the order of `ALL`; empty states left out.
    pub by_state: Vec<(&'static str, usize)>,
    /// Completed tasks per person, by index into `PEOPLE`.
    pub completed: Vec<usize>,
}

// ---------------------------------------------------------------------------------------
// Sign-ups to upcoming tasks.

/// What happens after signing up.
#[derive(Clone, Copy)]
enum Then {
    /// Nothing yet.
    Wait,
    /// A member of the association accepts.
    Accept,
    /// A member of the association declines.
    Decline,
    /// The volunteer withdraws.
    Withdraw,
    /// A member records that they saw the criminal-record extract `days_ago` days ago, and
    /// then accepts.
    CheckAndAccept { days_ago: i64 },
}

struct Upcoming {
    /// Title of a task in `TASKS`.
    task: &'static str,
    /// Index into `PEOPLE`.
    person: usize,
    message: Option<&'static str>,
    then: Then,
    /// The state the sign-up must end in; loading fails otherwise.
    ends: &'static str,
}

/// In order: the first two fill the two spots of the boat-safety evening, the third waits.
static UPCOMING: &[Upcoming] = &[
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: ONNI,
        message: None,
        then: Then::Wait,
        ends: ACCEPTED,
    },
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: SOFIA,
        message: Some("Hei! Olen hoitanut kahviota monissa tapahtumissa Haminassa."),
        then: Then::Wait,
        ends: ACCEPTED,
    },
    Upcoming {
        task: "Veneilyturvallisuusillan kahvio ja ilmoittautumiset",
        person: LEO,
        message: Some("Tulen mielelläni, jos joku peruu."),
        then: Then::Wait,
        ends: WAITLISTED,
    },
    Upcoming {
        task: "Nuorisoteatterin lavastustalkoot",
        person: ELLA,
        message: None,
        then: Then::Wait,
        ends: ACCEPTED,
    },
    Upcoming {
        task: "Linnunpönttöjen rakennuspaja nuorille",
        person: ELLA,
        message: None,
        then: Then::Withdraw,
        ends: WITHDRAWN,
    },
    Upcoming {
        task: "Meripelastusaseman kunnossapitotalkoot",
        person: ONNI,
        message: Some(
            "Hei! Olen ollut kaksi kesää meripelastusnuorissa ja osaan käyttää \
             akkuporakonetta. Pääsen parhaiten viikonloppuisin.",
        ),
        then: Then::Wait,
        ends: PENDING,
    },
    Upcoming {
        task: "Ystävä ikäihmiselle – kahvit ja kävelyt kerran viikossa",
        person: AADA,
        message: Some(
            "Hei! Opiskelen lähihoitajaksi ja olin viime kesän töissä palvelutalossa. \
             Voisin tavata arki-iltapäivisin, ja minulla on auto käytössä.",
        ),
        then: Then::Wait,
        ends: PENDING,
    },
    Upcoming {
        task: "Jäsenrekisterin päivittäjä etätyönä",
        person: AADA,
        message: Some("Olen tarkka taulukoiden kanssa ja voin tehdä tätä iltaisin."),
        then: Then::Decline,
        ends: DECLINED,
    },
    Upcoming {
        task: "Puhelindigituki ikäihmisille",
        person: LEO,
        message: Some(
            "Teen työkseni IT-tukea, joten videopuhelut ja verkkopankki ovat minulle tuttuja.",
        ),
        then: Then::Accept,
        ends: ACCEPTED,
    },
    Upcoming {
        task: "Meripelastusnuorten leirin apuohjaaja",
        person: SOFIA,
        message: Some(
            "Olen ollut partiossa johtajana kymmenen vuotta. Rikostaustaote on jo tilattu.",
        ),
        then: Then::CheckAndAccept { days_ago: 3 },
        ends: ACCEPTED,
    },
    Upcoming {
        task: "Kesäleirin leiriohjaaja Saimaan rannalla",
        person: LEO,
        message: Some(
            "Hei! Olen ollut isosena ja leiriohjaajana seurakunnan leireillä. Tuon \
             rikostaustaotteen nähtäväksi ensi viikolla.",
        ),
        then: Then::Wait,
        ends: PENDING,
    },
];

/// A task that its association cancelled after a volunteer had signed up.
static CANCELLED_TASK: Task = Task {
    association: LEMI,
    title: "Kylän pyöräretken eväspisteen pitäjä",
    description: "Kylän yhteinen pyöräretki kiertää Kuukanpään kautta takaisin kylätalolle. \
                  Eväspisteellä tarjoat pyöräilijöille mehua ja pullaa ja merkitset \
                  ohi menneet listaan. Sopii kaikenikäisille.",
    categories: &["events", "neighbourhood"],
    address: Some("Kylätalo Väinölä, Kirkonkyläntie 20, Lemi"),
    when: When::Fixed {
        days: 16,
        hour: 8,
        hours: 4,
        deadline: None,
    },
    hours: Some(4.0),
    spots: Some(4),
    automatic: true,
    beginner: true,
    contact: Some("Tuomas Heikkinen"),
    ..TASK
};

/// Who signed up to [`CANCELLED_TASK`].
const CANCELLED_FOR: usize = ELLA;

// ---------------------------------------------------------------------------------------
// Past tasks.

/// How a volunteer's part in a past task ended.
#[derive(Clone, Copy)]
enum Outcome {
    Completed { hours: f64 },
    NoShow,
}

/// A rating from 1 to 5 with a comment.
type Rating = (i64, &'static str);

struct Feedback {
    volunteer: Rating,
    association: Rating,
}

struct Took {
    /// Index into `PEOPLE`.
    person: usize,
    outcome: Outcome,
    feedback: Option<Feedback>,
}

struct Past {
    /// The task started this many days before the demo is loaded. Its `when` is `Fixed`
    /// with future dates (a task that has ended cannot be signed up to); the dates move back
    /// by `days + ago` once the sign-ups are completed.
    ago: i64,
    task: Task,
    took_part: &'static [Took],
}

static PAST: &[Past] = &[
    Past {
        ago: 38,
        task: Task {
            association: MARTAT,
            title: "Hävikkiruokakokkauksen kokkiapu",
            description: "Kokkaamme kauppojen ylijäämäruoasta lounaan kaikille halukkaille. \
                          Kokkiapuna pilkot, sekoitat ja jaat annoksia marttojen kanssa. \
                          Hygieniapassia ei tarvita.",
            categories: &["environment", "health"],
            address: Some("Marttala, Koskenparras 4, Imatra"),
            when: When::Fixed {
                days: 2,
                hour: 8,
                hours: 4,
                deadline: None,
            },
            hours: Some(4.0),
            spots: Some(6),
            automatic: true,
            min_age: Some(15),
            beginner: true,
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 4.0 },
            feedback: None,
        }],
    },
    Past {
        ago: 19,
        task: Task {
            association: SENIORIT,
            title: "Senioreiden retkipäivän avustaja",
            description: "Parikkalan Seniorit tekee bussiretken Punkaharjulle. Avustajana \
                          autat retkeläisiä bussiin ja pois, työnnät tarvittaessa \
                          pyörätuolia ja pidät seuraa lounaalla. Retki, lounas ja kahvit \
                          ovat avustajalle maksuttomia.",
            categories: &["befriending", "older-people"],
            address: Some("Lähtö Parikkalan torilta"),
            when: When::Fixed {
                days: 2,
                hour: 6,
                hours: 8,
                deadline: None,
            },
            hours: Some(7.0),
            spots: Some(3),
            min_age: Some(18),
            contact: Some("Aune Kärkkäinen"),
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 6.5 },
            feedback: Some(Feedback {
                volunteer: (
                    5,
                    "Mukava päivä ja hyvä perehdytys. Lähden mielelläni uudestaan!",
                ),
                association: (
                    5,
                    "Aada huolehti, että jokainen pääsi mukaan ja viihtyi. Kiitos!",
                ),
            }),
        }],
    },
    Past {
        ago: 12,
        task: Task {
            association: MERIPELASTUS,
            title: "Meripelastusaseman avoimien ovien opastaja",
            description: "Meripelastusasema avaa ovensa yleisölle. Opastat vieraita aseman \
                          ja veneiden luo, jaat esitteitä ja autat lasten \
                          pelastusliivirastilla.",
            categories: &["crisis-preparedness", "events"],
            address: Some("Meripelastusasema, Satamakatu 18, Kotka"),
            when: When::Fixed {
                days: 2,
                hour: 8,
                hours: 5,
                deadline: None,
            },
            hours: Some(5.0),
            spots: Some(4),
            automatic: true,
            min_age: Some(15),
            beginner: true,
            contact: Some("Jari Kinnunen"),
            ..TASK
        },
        took_part: &[
            Took {
                person: ONNI,
                outcome: Outcome::Completed { hours: 5.0 },
                feedback: None,
            },
            Took {
                person: SOFIA,
                outcome: Outcome::Completed { hours: 4.5 },
                feedback: None,
            },
            Took {
                person: LEO,
                outcome: Outcome::NoShow,
                feedback: None,
            },
        ],
    },
    Past {
        ago: 6,
        task: Task {
            association: MARTAT,
            title: "Ruoka-avun jakopäivän pakkaaja",
            description: "Pakkaat ruokakasseja ja ohjaat jonoa ruoka-avun jakopäivänä. Työ \
                          tehdään pareittain, ja kokeneet martat neuvovat.",
            categories: &["health", "neighbourhood"],
            place: Place::In("689"),
            address: Some("Rautjärven kylätalo"),
            when: When::Fixed {
                days: 2,
                hour: 9,
                hours: 3,
                deadline: None,
            },
            hours: Some(3.0),
            spots: Some(5),
            automatic: true,
            min_age: Some(15),
            ..TASK
        },
        took_part: &[Took {
            person: AADA,
            outcome: Outcome::Completed { hours: 3.0 },
            feedback: None,
        }],
    },
];

// ---------------------------------------------------------------------------------------
// Loading.

fn get<'a>(ids: &'a [String], i: usize, what: &str) -> Result<&'a str, AppError> {
    ids.get(i)
        .map(String::as_str)
        .ok_or_else(|| AppError::internal(format!("demo {what} missing")))
}

/// The owner of the association `association` (an index into `ASSOCIATIONS`).
fn owner<'a>(ids: &Ids<'a>, association: usize) -> Result<&'a str, AppError> {
    let a = ASSOCIATIONS
        .get(association)
        .ok_or_else(|| AppError::internal("demo association missing"))?;
    get(ids.people, a.owner, "owner")
}

/// Adds the sign-ups (and the past and cancelled tasks they need) and deletes the emails
/// they queued. Runs inside the demo's write transaction.
pub(super) fn load(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    today: NaiveDate,
) -> Result<Summary, AppError> {
    let started = Utc::now().naive_utc();
    // The emails are deleted below, so where their links point does not matter.
    let notifier = Notifier::with_base_url(String::new());
    for past in PAST {
        past_task(conn, ids, &notifier, today, past)?;
    }
    let mut made = Vec::with_capacity(UPCOMING.len());
    for u in UPCOMING {
        made.push(upcoming(conn, ids, &notifier, u)?);
    }
    // Checked once all are made: a later sign-up must not have moved an earlier one.
    for (u, id) in UPCOMING.iter().zip(&made) {
        let signup = model::find(conn, id)?.ok_or(AppError::NotFound)?;
        if signup.status != u.ends {
            return Err(AppError::internal(format!(
                "demo sign-up to {:?} is {}, not {}",
                u.task, signup.status, u.ends
            )));
        }
    }
    cancelled_task(conn, ids, &notifier, today)?;

    // The demo is history, not news: every sign-up above queued emails (to the invented
    // volunteers, owners and association addresses) that tell of things as if they had just
    // happened. Delivered, they would go to addresses nobody owns and confuse whoever reads
    // the demo's mail, so they are deleted before the commit. Only this run's sign-up
    // emails go; anything else waiting in the outbox stays.
    diesel::delete(
        outbox::table
            .filter(outbox::kind.like("signup\\_%").escape('\\'))
            .filter(outbox::created_at.ge(started)),
    )
    .execute(conn)?;

    summary(conn, ids)
}

fn summary(conn: &mut DbConnection, ids: &Ids<'_>) -> Result<Summary, AppError> {
    let count = |n: i64| usize::try_from(n).unwrap_or_default();
    let mut by_state = Vec::new();
    for state in ALL {
        let n: i64 = signups::table
            .filter(signups::status.eq(state))
            .count()
            .get_result(conn)?;
        if n > 0 {
            by_state.push((state, count(n)));
        }
    }
    let mut completed = Vec::with_capacity(ids.people.len());
    for id in ids.people {
        let n: i64 = signups::table
            .filter(signups::volunteer_id.eq(id))
            .filter(signups::status.eq(COMPLETED))
            .count()
            .get_result(conn)?;
        completed.push(count(n));
    }
    let closed: i64 = tasks::table
        .filter(tasks::status.eq(CLOSED))
        .count()
        .get_result(conn)?;
    let cancelled: i64 = tasks::table
        .filter(tasks::status.eq(TASK_CANCELLED))
        .count()
        .get_result(conn)?;
    Ok(Summary {
        closed: count(closed),
        cancelled: count(cancelled),
        by_state,
        completed,
    })
}

/// Index of the task titled `title` in `TASKS`.
fn task_index(title: &str) -> Option<usize> {
    TASKS.iter().position(|t| t.title == title)
}

/// Makes one sign-up to an upcoming task and takes its next step; returns its id.
fn upcoming(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    u: &Upcoming,
) -> Result<String, AppError> {
    let index = task_index(u.task)
        .ok_or_else(|| AppError::internal(format!("demo task {:?} missing", u.task)))?;
    let task = &TASKS[index];
    let task_id = get(ids.tasks, index, "task")?;
    let volunteer = get(ids.people, u.person, "volunteer")?;
    let member = owner(ids, task.association)?;
    let input = SignUpInput {
        message: u.message.map(str::to_owned),
    };
    let signup = join::sign_up(conn, notifier, task_id, volunteer, input)?;
    match u.then {
        Then::Wait => {}
        Then::Accept => {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
        Then::Decline => {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Decline)?;
        }
        Then::Withdraw => {
            decisions::withdraw(conn, notifier, &signup.id, volunteer)?;
        }
        Then::CheckAndAccept { days_ago } => {
            let seen_on = Utc::now().date_naive() - Duration::days(days_ago);
            decisions::record_check(
                conn,
                &signup.id,
                member,
                RecordCheckInput {
                    seen_on: Some(seen_on),
                },
            )?;
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
    }
    Ok(signup.id)
}

/// Creates [`CANCELLED_TASK`], signs a volunteer up, and cancels the task (which cancels
/// the sign-up).
fn cancelled_task(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    today: NaiveDate,
) -> Result<(), AppError> {
    let association_id = get(ids.associations, CANCELLED_TASK.association, "association")?;
    let task_id = create_task(conn, &CANCELLED_TASK, association_id, today)?;
    let volunteer = get(ids.people, CANCELLED_FOR, "volunteer")?;
    join::sign_up(conn, notifier, &task_id, volunteer, SignUpInput::default())?;
    let task = tasks_model::find(conn, &task_id)?.ok_or(AppError::NotFound)?;
    let association = associations_model::find(conn, association_id)?.ok_or(AppError::NotFound)?;
    lifecycle::transition(conn, notifier, &task, &association, TASK_CANCELLED)
}

/// Creates a past task with future dates, signs its volunteers up, completes them (or marks
/// a no-show), gives the feedback, then moves the dates into the past and closes the task.
fn past_task(
    conn: &mut DbConnection,
    ids: &Ids<'_>,
    notifier: &Notifier,
    today: NaiveDate,
    past: &Past,
) -> Result<(), AppError> {
    let association_id = get(ids.associations, past.task.association, "association")?;
    let member = owner(ids, past.task.association)?;
    let task_id = create_task(conn, &past.task, association_id, today)?;
    let mut made = Vec::with_capacity(past.took_part.len());
    for took in past.took_part {
        let volunteer = get(ids.people, took.person, "volunteer")?;
        let signup = join::sign_up(conn, notifier, &task_id, volunteer, SignUpInput::default())?;
        if signup.status == PENDING {
            decisions::decide(conn, notifier, &signup.id, member, Decision::Accept)?;
        }
        let decision = match took.outcome {
            Outcome::Completed { hours } => Decision::Complete { hours },
            Outcome::NoShow => Decision::NoShow,
        };
        decisions::decide(conn, notifier, &signup.id, member, decision)?;
        if let Some(f) = &took.feedback {
            for (who, (rating, comment)) in [(volunteer, f.volunteer), (member, f.association)] {
                let input = FeedbackInput {
                    rating,
                    comment: Some(comment.to_owned()),
                };
                feedback::give(conn, &signup.id, who, input)?;
            }
        }
        made.push(signup.id);
    }
    let (start, end) = move_into_past(conn, &task_id, today, past)?;
    for id in &made {
        backdate(conn, id, start, end)?;
    }
    let task = tasks_model::find(conn, &task_id)?.ok_or(AppError::NotFound)?;
    let association = associations_model::find(conn, association_id)?.ok_or(AppError::NotFound)?;
    lifecycle::transition(conn, notifier, &task, &association, CLOSED)
}

/// Moves a past task's dates back by `days + ago` days, so that it started `ago` days
/// before today: its start, end and deadline, and its creation and publication three weeks
/// before the start. Dates only: the status, the counts and the sign-ups stay as they are.
/// Returns the new start and end.
fn move_into_past(
    conn: &mut DbConnection,
    task_id: &str,
    today: NaiveDate,
    past: &Past,
) -> Result<(NaiveDateTime, NaiveDateTime), AppError> {
    let When::Fixed { days, hour, .. } = past.task.when else {
        return Err(AppError::internal("a past demo task needs fixed dates"));
    };
    let task = tasks_model::find(conn, task_id)?.ok_or(AppError::NotFound)?;
    let (Some(starts_at), Some(ends_at)) = (task.starts_at, task.ends_at) else {
        return Err(AppError::internal("a past demo task needs fixed dates"));
    };
    let shift = Duration::days(days + past.ago);
    let start = starts_at - shift;
    let end = ends_at - shift;
    if start != at(today, -past.ago, hour).naive_utc() {
        return Err(AppError::internal(
            "a past demo task moved to the wrong day",
        ));
    }
    let created = start - Duration::days(21);
    diesel::update(tasks::table.find(task_id))
        .set((
            tasks::starts_at.eq(start),
            tasks::ends_at.eq(end),
            tasks::application_deadline.eq(task.application_deadline.map(|d| d - shift)),
            tasks::created_at.eq(created),
            tasks::published_at.eq(created),
        ))
        .execute(conn)?;
    Ok((start, end))
}

/// Moves a past task's sign-up and its history to the days around the task: signed up ten
/// days before the start, accepted by a member two days later (or at once where the task
/// accepts automatically), completed or marked a no-show the day after the end, and the
/// feedback the day after that. Only timestamps change: the states, the hours, the
/// deciders and the steps of the history are as the checked functions wrote them.
fn backdate(
    conn: &mut DbConnection,
    signup_id: &str,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<(), AppError> {
    let signed_up = start - Duration::days(10);
    let decided = start - Duration::days(8);
    let done = end + Duration::days(1);
    let feedback_at = done + Duration::days(1);
    let s = model::find(conn, signup_id)?.ok_or(AppError::NotFound)?;
    // A no-show is a decision taken after the task; an automatic acceptance has no decider.
    let decided_at = match (s.status.as_str(), &s.decided_by) {
        (NO_SHOW, _) => Some(done),
        (_, Some(_)) => Some(decided),
        (_, None) => s.decided_at.map(|_| signed_up),
    };
    diesel::update(signups::table.find(signup_id))
        .set((
            signups::created_at.eq(signed_up),
            signups::decided_at.eq(decided_at),
            signups::completed_at.eq(s.completed_at.map(|_| done)),
            signups::volunteer_feedback_at.eq(s.volunteer_feedback_at.map(|_| feedback_at)),
            signups::association_feedback_at.eq(s.association_feedback_at.map(|_| feedback_at)),
            signups::updated_at.eq(done),
        ))
        .execute(conn)?;
    let events: Vec<(String, Option<String>, String)> = signup_events::table
        .filter(signup_events::signup_id.eq(signup_id))
        .select((
            signup_events::id,
            signup_events::from_status,
            signup_events::to_status,
        ))
        .load(conn)?;
    for (id, from, to) in events {
        let at = match (from, to.as_str()) {
            (None, _) => signed_up,
            (_, COMPLETED | NO_SHOW) => done,
            _ => decided,
        };
        diesel::update(signup_events::table.find(id))
            .set(signup_events::at.eq(at))
            .execute(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::{PEOPLE, Role};
    use super::*;
    use crate::signups::model::CANCELLED;

    fn age_ok(task: &Task, person: usize) -> bool {
        let age = PEOPLE[person].age.unwrap();
        task.min_age.is_none_or(|min| age >= min) && task.max_age.is_none_or(|max| age <= max)
    }

    #[test]
    fn every_upcoming_sign_up_names_a_task_its_volunteer_may_join() {
        for u in UPCOMING {
            let matches = TASKS.iter().filter(|t| t.title == u.task).count();
            assert_eq!(matches, 1, "{}", u.task);
            let task = &TASKS[task_index(u.task).unwrap()];
            assert_eq!(PEOPLE[u.person].role, Role::Volunteer);
            assert!(
                age_ok(task, u.person),
                "{} {}",
                PEOPLE[u.person].name,
                u.task
            );
            if let Then::CheckAndAccept { .. } = u.then {
                assert!(task.record_check, "{}", u.task);
            }
        }
        assert!(age_ok(&CANCELLED_TASK, CANCELLED_FOR));
        assert!(
            UPCOMING
                .iter()
                .any(|u| TASKS[task_index(u.task).unwrap()].record_check
                    && matches!(u.then, Then::CheckAndAccept { .. })),
            "a recorded criminal-record check"
        );
        for u in UPCOMING.iter().filter(|u| u.ends == PENDING) {
            assert!(u.message.is_some(), "a pending sign-up has a message");
        }
    }

    #[test]
    fn the_waitlisted_sign_up_is_on_a_small_automatic_task() {
        let waiting: Vec<&Upcoming> = UPCOMING.iter().filter(|u| u.ends == WAITLISTED).collect();
        assert_eq!(waiting.len(), 1);
        let title = waiting[0].task;
        let task = &TASKS[task_index(title).unwrap()];
        assert!(task.automatic && task.waitlist);
        let before = UPCOMING
            .iter()
            .take_while(|u| u.ends != WAITLISTED)
            .filter(|u| u.task == title)
            .count();
        assert_eq!(task.spots, i32::try_from(before).ok());
    }

    #[test]
    fn every_state_of_a_sign_up_is_shown() {
        let mut states: BTreeSet<&str> = UPCOMING.iter().map(|u| u.ends).collect();
        states.insert(CANCELLED);
        for past in PAST {
            for took in past.took_part {
                states.insert(match took.outcome {
                    Outcome::Completed { .. } => COMPLETED,
                    Outcome::NoShow => NO_SHOW,
                });
            }
        }
        assert_eq!(states, ALL.into_iter().collect());
    }

    #[test]
    fn past_tasks_are_over_and_their_volunteers_may_join() {
        for past in PAST {
            let When::Fixed {
                days,
                hours,
                deadline,
                ..
            } = past.task.when
            else {
                panic!("{}", past.task.title);
            };
            assert!(days >= 1, "created as upcoming: {}", past.task.title);
            assert!(
                deadline.is_none_or(|d| days - d >= 1),
                "{}",
                past.task.title
            );
            // Ended, and completed (a day after the end) before today.
            assert!(past.ago * 24 > hours + 24, "{}", past.task.title);
            assert!(!TASKS.iter().any(|t| t.title == past.task.title));
            for took in past.took_part {
                assert!(age_ok(&past.task, took.person), "{}", past.task.title);
            }
            assert!(
                past.task
                    .spots
                    .is_none_or(|s| s >= past.took_part.len() as i32),
                "{}",
                past.task.title
            );
        }
    }

    #[test]
    fn one_volunteer_has_a_record_at_two_associations_with_feedback() {
        let of_aada: Vec<&Past> = PAST
            .iter()
            .filter(|p| {
                p.took_part
                    .iter()
                    .any(|t| t.person == AADA && matches!(t.outcome, Outcome::Completed { .. }))
            })
            .collect();
        assert!((2..=3).contains(&of_aada.len()));
        let associations: BTreeSet<usize> = of_aada.iter().map(|p| p.task.association).collect();
        assert_eq!(associations.len(), 2);
        assert!(
            of_aada
                .iter()
                .flat_map(|p| p.took_part)
                .any(|t| t.person == AADA && t.feedback.is_some())
        );
        for past in PAST {
            for took in past.took_part {
                if let Some(f) = &took.feedback {
                    assert!((1..=5).contains(&f.volunteer.0));
                    assert!((1..=5).contains(&f.association.0));
                }
            }
        }
    }
}
