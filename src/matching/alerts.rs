//! Alerts: when a task becomes listed, every alerting saved search is run on that one task
//! ([`crate::search::single::OneTask`], never over the whole index) and every follower of
//! its association is noted; each match is a row of `alert_matches`, unique per source and
//! task, so a task listed twice alerts nobody twice. A user's matches go out together in a
//! digest: a daily one at [`DAILY_AT_HOUR`] Finnish time (so at most one a day), or an
//! instant one at once but at most [`INSTANT_PER_HOUR`] an hour.
//!
//! A pending digest is a row of `alert_digests` (one per user and kind) beside its job:
//! whichever match inserts the row schedules the job, so two matches found at once, even
//! on two instances, make one email. The digest job checks again what still stands (a
//! search turned off, a task no longer listed) before it writes anything.

use chrono::{Duration, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Europe::Helsinki;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::schema::{
    alert_digests, alert_matches, association_follows, associations, saved_searches, tasks, users,
};
use crate::db::stored::StoredEnum;
use crate::email::outbox::{Queued, enqueue_with};
use crate::email::{DigestGroup, DigestSource, DigestTask, Notifier, Template};
use crate::error::AppError;
use crate::i18n::Language;
use crate::jobs::{self, JobKind, read_payload};
use crate::matching::saved_searches::Alert;
use crate::matching::unsubscribe::{self, Scope};
use crate::reference::places::{Place, places};
use crate::search::single::OneTask;
use crate::tasks::model::Task;
use crate::tasks::search::{TaskQuery, listed_at};
use crate::tasks::timers::TaskJob;

/// The hour (Finnish time) at which daily digests go out: after school.
pub const DAILY_AT_HOUR: u32 = 16;
/// The most instant alert emails one user gets in an hour; later matches wait.
pub const INSTANT_PER_HOUR: usize = 3;

/// What found a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A saved search, by id.
    SavedSearch(String),
    /// A followed association, by id.
    Follow(String),
}

impl Source {
    fn kind(&self) -> &'static str {
        match self {
            Self::SavedSearch(_) => "saved_search",
            Self::Follow(_) => "follow",
        }
    }

    fn id(&self) -> &str {
        match self {
            Self::SavedSearch(id) | Self::Follow(id) => id,
        }
    }

    fn from_row(kind: &str, id: String) -> Option<Self> {
        match kind {
            "saved_search" => Some(Self::SavedSearch(id)),
            "follow" => Some(Self::Follow(id)),
            _ => None,
        }
    }
}

/// The payload of a digest job.
#[derive(Debug, Serialize, Deserialize)]
struct DigestJob {
    user_id: String,
    alert: String,
}

/// Job handler (`TaskListed`): notes the task for every alerting saved search it matches
/// and every follower of its association, and schedules their digests.
pub fn task_listed(
    conn: &mut DbConnection,
    _links: &Notifier,
    payload: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let job: TaskJob = read_payload(payload)?;
    let Some(task) = OneTask::load(conn, &job.task_id, now)? else {
        // Closed, cancelled or hidden again before the job ran: nothing to tell.
        return Ok(());
    };
    let searches: Vec<(String, String, String, String)> = saved_searches::table
        .filter(saved_searches::alert.ne(Alert::Off.as_str()))
        .order(saved_searches::id)
        .select((
            saved_searches::id,
            saved_searches::user_id,
            saved_searches::query,
            saved_searches::alert,
        ))
        .load(conn)?;
    for (id, user_id, query, alert) in searches {
        let (Ok(q), Ok(alert)) = (TaskQuery::parse(&query), Alert::from_stored(&alert)) else {
            continue;
        };
        if task.matches(&q)? {
            note(
                conn,
                &user_id,
                &job.task_id,
                &Source::SavedSearch(id),
                alert,
                now,
            )?;
        }
    }
    let followers: Vec<String> = association_follows::table
        .filter(association_follows::association_id.eq(&task.association_id))
        .filter(association_follows::alerts.eq(true))
        .order(association_follows::user_id)
        .select(association_follows::user_id)
        .load(conn)?;
    let source = Source::Follow(task.association_id.clone());
    for user_id in followers {
        note(conn, &user_id, &job.task_id, &source, Alert::Daily, now)?;
    }
    Ok(())
}

/// Runs `f` in a savepoint and reads a unique violation as `false` (the row was there), so
/// that a concurrent or repeated insert is no error and leaves the transaction usable.
fn insert_once(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> QueryResult<usize>,
) -> Result<bool, AppError> {
    match conn.transaction(f) {
        Ok(n) => Ok(n > 0),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Notes one match and makes sure a digest of its kind is on its way.
fn note(
    conn: &mut DbConnection,
    user_id: &str,
    task_id: &str,
    source: &Source,
    alert: Alert,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let id = uuid::Uuid::now_v7().to_string();
    let new = insert_once(conn, |conn| {
        diesel::insert_into(alert_matches::table)
            .values((
                alert_matches::id.eq(&id),
                alert_matches::user_id.eq(user_id),
                alert_matches::task_id.eq(task_id),
                alert_matches::source_kind.eq(source.kind()),
                alert_matches::source_id.eq(source.id()),
                alert_matches::alert.eq(alert.as_str()),
                alert_matches::created_at.eq(now),
            ))
            .execute(conn)
    })?;
    if new {
        schedule_digest(conn, user_id, alert, now)?;
    }
    Ok(())
}

/// The next [`DAILY_AT_HOUR`] in Finnish time strictly after `now`.
pub fn next_daily(now: NaiveDateTime) -> NaiveDateTime {
    let local = now.and_utc().with_timezone(&Helsinki);
    let mut day = local.date_naive();
    if local.hour() >= DAILY_AT_HOUR {
        day = day.succ_opt().unwrap_or(day);
    }
    day.and_hms_opt(DAILY_AT_HOUR, 0, 0)
        .and_then(|t| Helsinki.from_local_datetime(&t).earliest())
        .map_or(now + Duration::hours(24), |t| t.naive_utc())
}

/// When an instant digest may go out: now, unless [`INSTANT_PER_HOUR`] went out in the
/// last hour, then an hour after the oldest of those.
fn instant_due(
    conn: &mut DbConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, AppError> {
    let hour = Duration::hours(1);
    // Each digest marks its matches with one `sent_at`: the distinct times are the emails.
    let mut sent: Vec<Option<NaiveDateTime>> = alert_matches::table
        .filter(alert_matches::user_id.eq(user_id))
        .filter(alert_matches::alert.eq(Alert::Instant.as_str()))
        .filter(alert_matches::sent_at.gt(now - hour))
        .select(alert_matches::sent_at)
        .distinct()
        .load(conn)?;
    sent.sort();
    let sent: Vec<NaiveDateTime> = sent.into_iter().flatten().collect();
    Ok(match sent.len().checked_sub(INSTANT_PER_HOUR) {
        Some(i) => (sent[i] + hour).max(now),
        None => now,
    })
}

fn schedule_digest(
    conn: &mut DbConnection,
    user_id: &str,
    alert: Alert,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let due = match alert {
        Alert::Instant => instant_due(conn, user_id, now)?,
        _ => next_daily(now),
    };
    let first = insert_once(conn, |conn| {
        diesel::insert_into(alert_digests::table)
            .values((
                alert_digests::user_id.eq(user_id),
                alert_digests::alert.eq(alert.as_str()),
                alert_digests::due_at.eq(due),
            ))
            .execute(conn)
    })?;
    if first {
        let job = DigestJob {
            user_id: user_id.to_owned(),
            alert: alert.as_str().to_owned(),
        };
        jobs::schedule(conn, JobKind::AlertDigest, &job, due)?;
    }
    Ok(())
}

/// An unsent match with what the email shows of its task.
struct Pending {
    source: Source,
    task_id: String,
    title: String,
    association: String,
    municipality: Option<String>,
    remote: bool,
    starts: Option<NaiveDateTime>,
}

/// Job handler (`AlertDigest`): sends the user's unsent matches of one kind in one email,
/// leaving out those whose search no longer alerts, whose follow ended, or whose task is
/// no longer listed; all of them are marked sent.
pub fn send_digest(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let job: DigestJob = read_payload(payload)?;
    let alert = Alert::from_stored(&job.alert).unwrap_or(Alert::Daily);
    diesel::delete(
        alert_digests::table
            .filter(alert_digests::user_id.eq(&job.user_id))
            .filter(alert_digests::alert.eq(alert.as_str())),
    )
    .execute(conn)?;
    let unsent = alert_matches::table
        .filter(alert_matches::user_id.eq(&job.user_id))
        .filter(alert_matches::alert.eq(alert.as_str()))
        .filter(alert_matches::sent_at.is_null());
    let rows: Vec<(String, String, String, Task, String, String)> = unsent
        .inner_join(tasks::table.inner_join(associations::table))
        .order((alert_matches::created_at, alert_matches::id))
        .select((
            alert_matches::source_kind,
            alert_matches::source_id,
            alert_matches::task_id,
            Task::as_select(),
            associations::name,
            associations::status,
        ))
        .load(conn)?;
    diesel::update(unsent)
        .set(alert_matches::sent_at.eq(now))
        .execute(conn)?;
    let mut pending = Vec::new();
    for (kind, source_id, task_id, task, association, status) in rows {
        let listed = task.is_public(&status) && listed_at(&task, now);
        let Some(source) = Source::from_row(&kind, source_id) else {
            continue;
        };
        // A task found by two sources is shown once, under the first.
        if !listed || pending.iter().any(|p: &Pending| p.task_id == task_id) {
            continue;
        }
        if !still_alerts(conn, &job.user_id, &source)? {
            continue;
        }
        pending.push(Pending {
            source,
            task_id,
            title: task.title.clone(),
            association,
            municipality: task.municipality_code.clone(),
            remote: task.is_remote(),
            starts: task.starts_at.filter(|_| task.schedule_type == "fixed"),
        });
    }
    if pending.is_empty() {
        return Ok(());
    }
    let (email, name, language): (String, String, String) = users::table
        .find(&job.user_id)
        .select((users::email, users::display_name, users::language))
        .first(conn)?;
    let lang = Language::from_code(&language);
    let groups = groups(conn, links, &job.user_id, pending, lang)?;
    let scope = match groups.as_slice() {
        [(only, _)] => only.clone(),
        _ => Scope::AllAlerts(job.user_id.clone()),
    };
    let header = unsubscribe::link(links, &scope)?;
    let template = Template::AlertDigest {
        name,
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        settings_link: links.link("/me/saved-searches"),
    };
    let topic = format!("alert:{}", alert.as_str());
    enqueue_with(
        conn,
        Some(&job.user_id),
        &email,
        &template.render(lang),
        &Queued {
            topic: Some(&topic),
            list_unsubscribe: Some(&header),
            ..Queued::default()
        },
    )?;
    Ok(())
}

/// Whether `source` still sends this user alerts.
fn still_alerts(conn: &mut DbConnection, user_id: &str, source: &Source) -> Result<bool, AppError> {
    let n: i64 = match source {
        Source::SavedSearch(id) => saved_searches::table
            .filter(saved_searches::id.eq(id))
            .filter(saved_searches::user_id.eq(user_id))
            .filter(saved_searches::alert.ne(Alert::Off.as_str()))
            .count()
            .get_result(conn)?,
        Source::Follow(association_id) => association_follows::table
            .filter(association_follows::user_id.eq(user_id))
            .filter(association_follows::association_id.eq(association_id))
            .filter(association_follows::alerts.eq(true))
            .count()
            .get_result(conn)?,
    };
    Ok(n > 0)
}

fn place_name(place: &Place, lang: Language) -> String {
    match lang {
        Language::Sv if !place.name_sv.is_empty() => place.name_sv.clone(),
        _ => place.name_fi.clone(),
    }
}

/// The matches grouped by source, in the order each source first appears, each group with
/// its unsubscribe link (and the scope of that link).
fn groups(
    conn: &mut DbConnection,
    links: &Notifier,
    user_id: &str,
    pending: Vec<Pending>,
    lang: Language,
) -> Result<Vec<(Scope, DigestGroup)>, AppError> {
    let codes: Vec<&str> = pending
        .iter()
        .filter_map(|p| p.municipality.as_deref())
        .collect();
    let known = places(conn, &codes)?;
    let mut out: Vec<(Source, Scope, DigestGroup)> = Vec::new();
    for p in &pending {
        let place = match (&p.municipality, p.remote) {
            (Some(code), _) => known
                .iter()
                .find(|k| &k.code == code)
                .map(|k| place_name(k, lang)),
            (None, true) => Some(
                match lang {
                    Language::Fi => "etänä",
                    Language::Sv => "på distans",
                    Language::En => "remote",
                }
                .to_owned(),
            ),
            (None, false) => None,
        };
        let task = DigestTask {
            title: p.title.clone(),
            association: p.association.clone(),
            place,
            starts: p.starts,
            link: links.link(&format!("/tasks/{}", p.task_id)),
        };
        if let Some((_, _, group)) = out.iter_mut().find(|(s, ..)| *s == p.source) {
            group.tasks.push(task);
            continue;
        }
        let (scope, source) = match &p.source {
            Source::SavedSearch(id) => {
                let name: String = saved_searches::table
                    .find(id)
                    .select(saved_searches::name)
                    .first(conn)?;
                (
                    Scope::SavedSearch(id.clone()),
                    DigestSource::SavedSearch(name),
                )
            }
            Source::Follow(association_id) => (
                Scope::Follow(user_id.to_owned(), association_id.clone()),
                DigestSource::Follow(p.association.clone()),
            ),
        };
        let unsubscribe = unsubscribe::link(links, &scope)?;
        out.push((
            p.source.clone(),
            scope,
            DigestGroup {
                source,
                tasks: vec![task],
                unsubscribe,
            },
        ));
    }
    Ok(out
        .into_iter()
        .map(|(_, scope, group)| (scope, group))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn daily_digests_go_out_at_four_in_the_afternoon_finnish_time() {
        // December: Finland is UTC+2, so 16:00 there is 14:00 UTC.
        assert_eq!(next_daily(utc("2026-12-07 09:00")), utc("2026-12-07 14:00"));
        assert_eq!(next_daily(utc("2026-12-07 14:00")), utc("2026-12-08 14:00"));
        // June: UTC+3.
        assert_eq!(next_daily(utc("2027-06-01 20:00")), utc("2027-06-02 13:00"));
    }
}
