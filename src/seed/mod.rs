//! `talkoot seed --demo`: a believable demo of Etelä-Karjala and Kymenlaakso, so that a
//! new installation (or a reviewer, or a front-end developer) can try every search and
//! sign-up path without typing in associations and tasks by hand.
//!
//! The demo has an administrator, a service counsellor (approved, with three referrals),
//! three association owners and five
//! volunteers aged 14–28; fifteen verified associations with their services; over forty
//! published, upcoming tasks; and sign-ups in every state (see `signups`): pending
//! (with a message), accepted (automatically, by a member, and after a recorded
//! criminal-record check), waitlisted on a full task, declined, withdrawn, cancelled with a
//! cancelled task, and completed with hours (or a no-show) on a few past tasks, now closed,
//! so that one volunteer's record lists three tasks at two associations with feedback from
//! both sides.
//!
//! Every row goes through the same checked functions the API uses (`card::check`,
//! `services::create`, `tasks::input::prepare` via `lifecycle::create`, `lifecycle::
//! transition`, `profile::apply`, and for sign-ups `join::sign_up`, `decisions::decide`,
//! `withdraw`, `record_check` and `feedback::give`), inside one write transaction: the demo
//! obeys every validation rule, the tasks' accepted counts and the sign-ups' histories stay
//! right, and a failure leaves the database as it was. Dates are relative to the day the
//! demo is loaded, so the open tasks are upcoming (and the past ones past) whenever it is
//! run. The emails that the sign-ups queue are deleted before the commit: the demo is
//! history, and nobody should be told about it.
//!
//! The demo is only loaded into an empty database (no accounts, no associations): invented
//! data must never mix with real data, and the demo logins share one printed password.
//!
//! The demo's content is Rust statics in `data/`, one file per table (the associations and
//! the tasks split by region, Etelä-Karjala and Kymenlaakso). This module checks that the
//! database is empty, loads the demo in one write transaction and reports what it wrote;
//! `people`, `associations`, `tasks` and `signups` each declare the shape of their rows and
//! create them.

use std::fmt;

use chrono::Utc;
use diesel::prelude::*;

use crate::auth::passwords;
use crate::db::schema;
use crate::db::{self, DbConnection};
use crate::error::AppError;
use crate::tasks::status::TaskStatus;
use people::PEOPLE;

mod associations;
mod data;
mod people;
mod referrals;
pub mod scale;
mod signups;
mod tasks;

/// The one password of every demo account. It passes the password policy, and it is printed
/// with the logins: that is why the demo refuses a database that already has accounts.
pub const DEMO_PASSWORD: &str = "talkoot-demo-kesä-2026";

/// What a demo account is for, as printed with its login.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Administrator,
    /// A service counsellor (palveluohjaaja), approved by the demo administrator.
    Counsellor,
    AssociationOwner,
    Volunteer,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Counsellor => "counsellor",
            Self::AssociationOwner => "association owner",
            Self::Volunteer => "volunteer",
        }
    }
}

/// One demo login, as printed.
#[derive(Debug, Clone)]
pub struct Login {
    /// What the account is for.
    pub role: Role,
    /// The login name.
    pub email: String,
    /// The name shown in the service.
    pub display_name: String,
    /// Age today, for volunteers (age limits of tasks depend on it).
    pub age: Option<i32>,
    /// How many associations the account owns.
    pub owns: usize,
    /// How many completed tasks the account has on its volunteering record.
    pub completed: usize,
}

/// What the demo wrote; its `Display` is the text `talkoot seed --demo` prints.
#[derive(Debug, Clone)]
pub struct Report {
    /// Verified associations.
    pub associations: usize,
    /// Services of those associations.
    pub services: usize,
    /// Published (open) tasks.
    pub tasks: usize,
    /// Past tasks, now closed, that carry the completed sign-ups.
    pub closed_tasks: usize,
    /// Tasks that their association cancelled.
    pub cancelled_tasks: usize,
    /// Sign-ups per state, in the order of [`crate::signups::status::SignupStatus::ALL`]; states without
    /// sign-ups are left out.
    pub signups: Vec<(&'static str, usize)>,
    /// The counsellor's referrals.
    pub referrals: usize,
    /// The demo accounts.
    pub logins: Vec<Login>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Demo data is in place: {} verified associations with {} services, {} published \
             tasks and {} accounts.",
            self.associations,
            self.services,
            self.tasks,
            self.logins.len()
        )?;
        let tasks = |n: usize| if n == 1 { "task" } else { "tasks" };
        writeln!(
            f,
            "Also {} past {} (closed, with volunteers' hours) and {} cancelled {}.",
            self.closed_tasks,
            tasks(self.closed_tasks),
            self.cancelled_tasks,
            tasks(self.cancelled_tasks)
        )?;
        let states: Vec<String> = self
            .signups
            .iter()
            .map(|(state, n)| format!("{n} {}", state.replace('_', "-")))
            .collect();
        writeln!(
            f,
            "Sign-ups: {} ({} in all); their emails were not sent.",
            states.join(", "),
            self.signups.iter().map(|(_, n)| n).sum::<usize>()
        )?;
        writeln!(
            f,
            "The counsellor has made {} referrals (one waiting, one accepted, one link).",
            self.referrals
        )?;
        writeln!(f)?;
        writeln!(f, "Demo logins (the same password for every account)")?;
        writeln!(f, "  password: {DEMO_PASSWORD}")?;
        for login in &self.logins {
            let role = match login.age {
                Some(age) => format!("{}, {age}", login.role.label()),
                None => login.role.label().to_owned(),
            };
            let extra = match (login.owns, login.completed) {
                (0, 0) => String::new(),
                (1, _) => " (owns 1 association)".to_owned(),
                (0, 1) => " (1 completed task)".to_owned(),
                (0, n) => format!(" ({n} completed tasks)"),
                (n, _) => format!(" (owns {n} associations)"),
            };
            writeln!(
                f,
                "  {role:<20} {:<34} {}{extra}",
                login.email, login.display_name
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "The demo is for trying Talkoot out. Its password is printed above, so never load \
             it into a production database."
        )
    }
}

// ---------------------------------------------------------------------------------------
// Loading.

/// The refusal when the database already has data.
pub(crate) fn refusal(users: i64, associations: i64) -> AppError {
    AppError::Conflict(format!(
        "Sorry, the demo is only loaded into an empty database, and this one already has \
         {users} account(s) and {associations} association(s). Nothing was changed. To try \
         the demo, point DATABASE_URL at a new database and run `talkoot seed --demo` again."
    ))
}

/// Whether the database has no account and no association (the demo loads only there).
pub fn is_empty(conn: &mut DbConnection) -> Result<bool, AppError> {
    let (users, associations) = counts(conn)?;
    Ok(users == 0 && associations == 0)
}

pub(crate) fn counts(conn: &mut DbConnection) -> Result<(i64, i64), AppError> {
    let users: i64 = schema::users::table.count().get_result(conn)?;
    let associations: i64 = schema::associations::table.count().get_result(conn)?;
    Ok((users, associations))
}

/// Fills an empty database with the demo and returns what it wrote. Refuses (with
/// [`AppError::Conflict`] and a polite message) when there is any account or association,
/// writing nothing. The password is hashed once, before the transaction, because argon2 is
/// deliberately slow and the SQLite write lock should not wait for it.
pub fn demo(conn: &mut DbConnection) -> Result<Report, AppError> {
    let (users, associations) = counts(conn)?;
    if users > 0 || associations > 0 {
        return Err(refusal(users, associations));
    }
    let password_hash = passwords::hash_now(DEMO_PASSWORD)?;
    db::write_tx(conn, |conn| {
        // Checked again under the write lock: another process may have written meanwhile.
        let (users, associations) = counts(conn)?;
        if users > 0 || associations > 0 {
            return Err(refusal(users, associations));
        }
        load(conn, &password_hash)
    })
}

fn load(conn: &mut DbConnection, password_hash: &str) -> Result<Report, AppError> {
    let now = Utc::now();
    let today = now.date_naive();
    let mut user_ids = Vec::with_capacity(PEOPLE.len());
    for person in PEOPLE {
        user_ids.push(people::create(conn, person, password_hash, today)?);
    }
    let mut services = 0;
    let mut association_ids = Vec::with_capacity(associations::all().count());
    for a in associations::all() {
        let owner = user_ids
            .get(a.owner)
            .ok_or_else(|| AppError::internal("demo owner missing"))?;
        association_ids.push(associations::create(conn, a, owner)?);
        services += a.services.len();
    }
    let mut task_ids = Vec::with_capacity(tasks::all().count());
    for task in tasks::all() {
        let association_id = association_ids
            .get(task.association)
            .ok_or_else(|| AppError::internal("demo association missing"))?;
        task_ids.push(tasks::create(conn, task, association_id, today)?);
    }
    let summary = signups::load(
        conn,
        &signups::Ids {
            people: &user_ids,
            associations: &association_ids,
            tasks: &task_ids,
        },
        today,
    )?;
    let referrals = referrals::load(
        conn,
        &user_ids,
        &association_ids,
        &task_ids,
        now.naive_utc(),
    )?;
    let published: i64 = schema::tasks::table
        .filter(schema::tasks::status.eq(TaskStatus::Published.as_str()))
        .count()
        .get_result(conn)?;
    let listed: i64 = schema::association_services::table
        .count()
        .get_result(conn)?;
    if usize::try_from(listed).ok() != Some(services) {
        return Err(AppError::internal("demo services were not all written"));
    }
    let logins = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, p)| Login {
            role: p.role,
            email: p.email.to_owned(),
            display_name: p.name.to_owned(),
            age: p.age.filter(|_| p.role == Role::Volunteer),
            owns: associations::all().filter(|a| a.owner == i).count(),
            completed: summary.completed.get(i).copied().unwrap_or_default(),
        })
        .collect();
    Ok(Report {
        associations: associations::all().count(),
        services,
        tasks: usize::try_from(published).unwrap_or_default(),
        closed_tasks: summary.closed,
        cancelled_tasks: summary.cancelled,
        signups: summary.by_state,
        referrals: referrals.referrals,
        logins,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_big_and_varied_enough() {
        assert!(associations::all().count() >= 12);
        assert!(tasks::all().count() >= 40);
        for (i, _) in associations::all().enumerate() {
            assert!(tasks::all().any(|t| t.association == i), "association {i}");
        }
        let volunteers = PEOPLE.iter().filter(|p| p.role == Role::Volunteer).count();
        assert!(volunteers >= 4);
        assert_eq!(
            tasks::all().filter(|t| t.placement.is_some()).count(),
            2,
            "placements"
        );
        assert!(tasks::all().filter(|t| t.record_check).count() >= 1);
    }
}
