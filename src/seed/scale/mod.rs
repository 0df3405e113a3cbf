//! `talkoot seed --scale N`: a realistic national-size data set for benchmarks (issue 12).
//!
//! At N = 1: 10,000 associations with full cards and services, 100,000 tasks, 500,000 users
//! sharing one precomputed password hash, and 2,000,000 sign-ups in every state; fractions
//! (N = 0.2) make quick runs and N = 10 the million-task stress set. The text is
//! Finnish-looking with a long-tail vocabulary ([`text`]), municipalities are weighted
//! towards the big towns, tasks have every schedule type, dates past and future, and a mix
//! of statuses; sign-ups respect the rules the application keeps (at most one per task and
//! volunteer, accepted ones within the spots, with the task's accepted count to match).
//!
//! Rows are written with multi-row inserts, in one transaction per table so that a
//! progress bar can follow; like `seed --demo`, it refuses a database that has any account
//! or association. It is generated with a fixed seed, so two runs give the same data but
//! for ids and times (relative to now).

pub mod text;
pub mod words;

use std::fmt;

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection as _;
use diesel::prelude::*;
use indicatif::ProgressBar;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::auth::passwords;
use crate::db::schema::{
    association_members, association_services, associations, categories, municipalities, users,
};
use crate::db::{self, DbConnection};
use crate::error::AppError;
use text::{Words, capitalise};
use words::ASSOCIATION_KINDS;

/// The password of every generated account (printed, like the demo's: never seed a
/// production database).
pub const SCALE_PASSWORD: &str = "talkoot-mittakaava-kesä-2026";

/// The largest factor accepted (a million tasks at 10; 20 is twice that).
pub const MAX_FACTOR: f64 = 20.0;

/// Rows per multi-row insert: under both backends' limits on bound parameters (SQLite
/// 32,766, PostgreSQL 65,535) for the widest table, the tasks' 31 columns.
const CHUNK: usize = 1_000;

/// Big towns first (roughly by population), drawn far more often than the rest.
const BIG_TOWNS: &[&str] = &[
    "091", "049", "837", "092", "564", "853", "179", "297", "398", "609", "286", "167", "405",
    "109", "905", "743", "698", "491", "285", "734",
];

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct ScaleReport {
    pub users: usize,
    pub associations: usize,
    pub services: usize,
    pub tasks: usize,
    pub signups: usize,
    pub seconds: f64,
}

impl fmt::Display for ScaleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Scale data is in place: {} users, {} associations with {} services, {} tasks and \
             {} sign-ups, in {:.1} s.",
            self.users, self.associations, self.services, self.tasks, self.signups, self.seconds
        )?;
        writeln!(
            f,
            "Every account's password is {SCALE_PASSWORD}; the first is kayttaja0@scale.example.fi."
        )?;
        writeln!(
            f,
            "This data is for benchmarks: never load it into a production database."
        )
    }
}

/// Fills an empty database with the scale data set at `factor`.
pub fn scale(
    conn: &mut DbConnection,
    factor: f64,
    progress: &ProgressBar,
) -> Result<ScaleReport, AppError> {
    if !(factor > 0.0 && factor <= MAX_FACTOR) {
        return Err(AppError::BadRequest(format!(
            "The scale is a number above 0 and at most {MAX_FACTOR} (1 = 100,000 tasks)."
        )));
    }
    let (users, associations) = super::counts(conn)?;
    if users > 0 || associations > 0 {
        return Err(super::refusal(users, associations));
    }
    let started = std::time::Instant::now();
    let hash = passwords::hash_now(SCALE_PASSWORD)?;
    let mut plan = Plan::new(conn, factor)?;
    progress.set_length(plan.total_rows() as u64);
    let users = db::write_tx(conn, |conn| plan.users(conn, &hash, progress))?;
    let (associations, services) = db::write_tx(conn, |conn| plan.associations(conn, progress))?;
    let tasks = db::write_tx(conn, |conn| plan.tasks(conn, progress))?;
    let signups = db::write_tx(conn, |conn| plan.signups(conn, progress))?;
    db::write_tx(conn, |conn| plan.changes(conn))?;
    // Fresh statistics for the planner: autovacuum would get there in its own time, and
    // SQLite never does.
    conn.batch_execute("ANALYZE")?;
    progress.finish_and_clear();
    Ok(ScaleReport {
        users,
        associations,
        services,
        tasks,
        signups,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Inserts `rows` into `table` with one multi-row statement on the backend at hand.
macro_rules! bulk_insert {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConnection::Postgres(pg) => diesel::insert_into($table).values($rows).execute(pg),
            DbConnection::Sqlite(lite) => diesel::insert_into($table).values($rows).execute(lite),
        }
    };
}

impl Plan {
    /// Tells the search index of a running server about every association with tasks,
    /// as the service does for its own writes (a server started later builds its index
    /// from the database anyway).
    fn changes(&mut self, conn: &mut DbConnection) -> Result<(), AppError> {
        use crate::changes::Entity;
        use crate::db::schema::search_changes;
        use crate::db::stored::StoredEnum;
        for part in self.verified.chunks(CHUNK) {
            let rows: Vec<_> = part
                .iter()
                .map(|(id, ..)| {
                    (
                        search_changes::entity.eq(Entity::Association.as_str()),
                        search_changes::entity_id.eq(id.clone()),
                        search_changes::changed_at.eq(self.now),
                    )
                })
                .collect();
            bulk_insert!(conn, search_changes::table, &rows)?;
        }
        Ok(())
    }
}

/// One generated task, kept for the sign-ups.
struct TaskPlan {
    id: String,
    status: &'static str,
    spots: Option<i32>,
    waitlist: bool,
    starts_at: NaiveDateTime,
    owner: usize,
    /// The planned sign-ups' final states.
    states: Vec<&'static str>,
}

/// Sizes, reference data and everything generated so far that a later table refers to.
struct Plan {
    rng: StdRng,
    words: Words,
    now: NaiveDateTime,
    today: NaiveDate,
    n_users: usize,
    n_associations: usize,
    n_tasks: usize,
    n_signups: usize,
    municipalities: Vec<String>,
    categories: Vec<String>,
    user_ids: Vec<String>,
    /// Indices of users aged 18 or more (owners must be adults).
    adults: Vec<usize>,
    /// Id, name, municipality and owner of each verified association.
    verified: Vec<(String, String, String, usize)>,
    tasks: Vec<TaskPlan>,
}

fn scaled(base: f64, factor: f64, least: usize) -> usize {
    ((base * factor).round() as usize).max(least)
}

impl Plan {
    fn new(conn: &mut DbConnection, factor: f64) -> Result<Self, AppError> {
        let mut rng = StdRng::seed_from_u64(20_261_201);
        let n_tasks = scaled(100_000.0, factor, 20);
        let words = Words::new(&mut rng, (n_tasks / 5).clamp(200, 50_000));
        let now = Utc::now().naive_utc();
        Ok(Self {
            municipalities: municipalities::table
                .select(municipalities::code)
                .order(municipalities::code)
                .load(conn)?,
            categories: categories::table
                .select(categories::slug)
                .order(categories::slug)
                .load(conn)?,
            rng,
            words,
            now,
            today: now.date(),
            n_users: scaled(500_000.0, factor, 50),
            n_associations: scaled(10_000.0, factor, 5),
            n_tasks,
            n_signups: scaled(2_000_000.0, factor, 100),
            user_ids: Vec::new(),
            adults: Vec::new(),
            verified: Vec::new(),
            tasks: Vec::new(),
        })
    }

    fn total_rows(&self) -> usize {
        self.n_users + self.n_associations + self.n_tasks + self.n_signups
    }

    /// A municipality, nine times in ten one of the big towns.
    fn municipality(&mut self) -> String {
        if self.rng.gen_bool(0.6) {
            BIG_TOWNS[self.rng.gen_range(0..BIG_TOWNS.len())].to_owned()
        } else {
            self.municipalities[self.rng.gen_range(0..self.municipalities.len())].clone()
        }
    }

    fn category(&mut self) -> String {
        self.categories[self.rng.gen_range(0..self.categories.len())].clone()
    }

    fn users(
        &mut self,
        conn: &mut DbConnection,
        hash: &str,
        progress: &ProgressBar,
    ) -> Result<usize, AppError> {
        const NAMES: &[&str] = &[
            "Aino", "Eino", "Helmi", "Leo", "Ella", "Onni", "Aada", "Väinö", "Sofia", "Elias",
            "Linnea", "Oliver", "Emma", "Eetu", "Iida", "Niilo", "Venla", "Toivo", "Amina",
            "Mohamed", "Lilja", "Kasper",
        ];
        for start in (0..self.n_users).step_by(CHUNK) {
            let end = (start + CHUNK).min(self.n_users);
            let mut rows = Vec::with_capacity(end - start);
            for i in start..end {
                let id = uuid::Uuid::now_v7().to_string();
                // Four in five are young (13–29), the rest adults up to 70.
                let age = if self.rng.gen_bool(0.8) {
                    self.rng.gen_range(13..30)
                } else {
                    self.rng.gen_range(30..71)
                };
                if age >= 18 {
                    self.adults.push(i);
                }
                let born = self.today - Duration::days(age * 365 + self.rng.gen_range(30..300));
                let language = match self.rng.gen_range(0..100) {
                    0..=87 => "fi",
                    88..=93 => "sv",
                    _ => "en",
                };
                let name = format!(
                    "{} {}.",
                    NAMES[self.rng.gen_range(0..NAMES.len())],
                    char::from(b'A' + self.rng.gen_range(0..26u8))
                );
                let municipality = self.municipality();
                rows.push((
                    users::id.eq(id.clone()),
                    users::email.eq(format!("kayttaja{i}@scale.example.fi")),
                    users::password_hash.eq(hash.to_owned()),
                    users::display_name.eq(name),
                    users::birth_date.eq(Some(born)),
                    users::municipality_code.eq(Some(municipality)),
                    users::language.eq(language),
                    users::email_verified_at.eq(Some(self.now)),
                    users::is_admin.eq(false),
                    users::created_at.eq(self.now),
                    users::updated_at.eq(self.now),
                ));
                self.user_ids.push(id);
            }
            bulk_insert!(conn, users::table, &rows)?;
            progress.inc(rows.len() as u64);
        }
        if self.adults.is_empty() {
            self.adults.push(0);
        }
        Ok(self.n_users)
    }

    fn associations(
        &mut self,
        conn: &mut DbConnection,
        progress: &ProgressBar,
    ) -> Result<(usize, usize), AppError> {
        let mut services = 0;
        for start in (0..self.n_associations).step_by(CHUNK) {
            let end = (start + CHUNK).min(self.n_associations);
            let (mut cards, mut members, mut offered) = (Vec::new(), Vec::new(), Vec::new());
            for i in start..end {
                let id = uuid::Uuid::now_v7().to_string();
                let municipality = self.municipality();
                let kind = ASSOCIATION_KINDS[self.rng.gen_range(0..ASSOCIATION_KINDS.len())];
                let name = format!("{kind} {} ry", capitalise(&self.words.title(&mut self.rng)));
                let status = match self.rng.gen_range(0..100) {
                    0..=89 => "verified",
                    90..=96 => "pending",
                    _ => "suspended",
                };
                let owner = self.adults[self.rng.gen_range(0..self.adults.len())];
                let summary = self.words.title(&mut self.rng);
                let description = self.words.description(&mut self.rng);
                let activities = self.words.description(&mut self.rng);
                for s in 0..self.rng.gen_range(0..=3) {
                    let service_name = self.words.title(&mut self.rng);
                    let service_description = self.words.description(&mut self.rng);
                    let target = ["nuoret", "lapsiperheet", "ikäihmiset", "kaikki"]
                        [self.rng.gen_range(0..4)]
                    .to_owned();
                    let price = self
                        .rng
                        .gen_bool(0.3)
                        .then(|| format!("{} € / kerta", self.rng.gen_range(2..20)));
                    let how = "Tule paikalle tai soita ensin.".to_owned();
                    offered.push((
                        association_services::id.eq(format!("{id}-s{s}")),
                        association_services::association_id.eq(id.clone()),
                        association_services::name.eq(service_name),
                        association_services::description.eq(Some(service_description)),
                        association_services::target_group.eq(Some(target)),
                        association_services::price.eq(price),
                        association_services::how_to_get.eq(Some(how)),
                        association_services::created_at.eq(self.now),
                        association_services::updated_at.eq(self.now),
                    ));
                    services += 1;
                }
                cards.push((
                    (
                        associations::id.eq(id.clone()),
                        associations::slug.eq(format!("yhdistys-{i}")),
                        associations::name.eq(name.clone()),
                        associations::municipality_code.eq(municipality.clone()),
                        associations::field_of_activity.eq(Some(self.category())),
                        associations::status.eq(status),
                        associations::summary.eq(Some(summary)),
                        associations::description.eq(Some(description)),
                        associations::activities.eq(Some(activities)),
                    ),
                    (
                        associations::contact_person.eq(Some("Sihteeri".to_owned())),
                        associations::email.eq(Some(format!("info{i}@yhdistys.example.fi"))),
                        associations::phone.eq(Some(format!("040 {:07}", i))),
                        associations::social_links.eq("[]"),
                        associations::languages.eq("[\"fi\"]"),
                        associations::version.eq(1),
                        associations::imported.eq(false),
                        associations::created_at.eq(self.now),
                        associations::updated_at.eq(self.now),
                        associations::verified_at.eq((status == "verified").then_some(self.now)),
                    ),
                ));
                members.push((
                    association_members::association_id.eq(id.clone()),
                    association_members::user_id.eq(self.user_ids[owner].clone()),
                    association_members::role.eq("owner"),
                    association_members::created_at.eq(self.now),
                ));
                if status == "verified" {
                    self.verified.push((id, name, municipality, owner));
                }
            }
            bulk_insert!(conn, associations::table, &cards)?;
            bulk_insert!(conn, association_members::table, &members)?;
            for part in offered.chunks(CHUNK) {
                bulk_insert!(conn, association_services::table, part)?;
            }
            progress.inc(cards.len() as u64);
        }
        if self.verified.is_empty() {
            return Err(AppError::internal(
                "the scale seed made no verified association",
            ));
        }
        Ok((self.n_associations, services))
    }
}

mod rows;
