//! The scale seed's tasks and sign-ups: each task's sign-ups are planned with it (so that
//! its accepted count is written once and right), then written in chunks.

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use indicatif::ProgressBar;
use rand::Rng;

use super::{CHUNK, Plan, TaskPlan};
use crate::db::DbConnection;
use crate::db::schema::{signup_events, signups, task_categories, tasks};
use crate::error::AppError;

/// One generated task's values, turned into a row by [`Plan::tasks`].
struct TaskFields {
    id: String,
    association_id: String,
    title: String,
    description: String,
    municipality_code: Option<String>,
    remote: bool,
    schedule_type: &'static str,
    starts_at: NaiveDateTime,
    ends_at: Option<NaiveDateTime>,
    estimated_hours: f64,
    spots: Option<i32>,
    approval_mode: &'static str,
    waitlist: bool,
    min_age: Option<i32>,
    max_age: Option<i32>,
    languages: &'static str,
    beginner_friendly: bool,
    supported: bool,
    record_check: bool,
    deadline: Option<NaiveDateTime>,
    status: &'static str,
    created_at: NaiveDateTime,
    published_at: Option<NaiveDateTime>,
    accepted_count: i32,
    categories: Vec<String>,
}

/// What each sign-up of a task ends as, by the task's status.
fn signup_state(plan: &mut Plan, task: &TaskPlan, accepted: &mut i32) -> &'static str {
    let roll = plan.rng.gen_range(0..100);
    match task.status {
        "closed" => match roll {
            0..=59 => "completed",
            60..=69 => "no_show",
            70..=79 => "declined",
            _ => "withdrawn",
        },
        "cancelled" => match roll {
            0..=69 => "cancelled",
            70..=89 => "withdrawn",
            _ => "declined",
        },
        _ => {
            let wanted = match roll {
                0..=19 => "pending",
                20..=69 => "accepted",
                70..=79 => "declined",
                _ => "withdrawn",
            };
            let full = task.spots.is_some_and(|spots| *accepted >= spots);
            match wanted {
                "accepted" if full && task.waitlist => "waitlisted",
                "accepted" if full => "declined",
                "accepted" => {
                    *accepted += 1;
                    "accepted"
                }
                other => other,
            }
        }
    }
}

impl Plan {
    /// The tasks of verified associations, with their categories and their sign-ups
    /// planned; returns how many were written.
    pub(super) fn tasks(
        &mut self,
        conn: &mut DbConnection,
        progress: &ProgressBar,
    ) -> Result<usize, AppError> {
        let eligible_share = 0.92; // published, closed and cancelled tasks take sign-ups
        let per_task = self.n_signups as f64 / (self.n_tasks as f64 * eligible_share);
        for start in (0..self.n_tasks).step_by(CHUNK) {
            let end = (start + CHUNK).min(self.n_tasks);
            let mut rows = Vec::with_capacity(end - start);
            let mut themes = Vec::new();
            for _ in start..end {
                let t = self.task_row(per_task);
                for slug in &t.categories {
                    themes.push((
                        task_categories::task_id.eq(t.id.clone()),
                        task_categories::category_slug.eq(slug.clone()),
                    ));
                }
                rows.push((
                    (
                        tasks::id.eq(t.id),
                        tasks::association_id.eq(t.association_id),
                        tasks::title.eq(t.title),
                        tasks::description.eq(t.description),
                        tasks::municipality_code.eq(t.municipality_code),
                        tasks::remote_online.eq(t.remote),
                        tasks::remote_phone.eq(false),
                        tasks::schedule_type.eq(t.schedule_type),
                        tasks::starts_at.eq(Some(t.starts_at)),
                        tasks::ends_at.eq(t.ends_at),
                        tasks::estimated_hours.eq(Some(t.estimated_hours)),
                        tasks::spots.eq(t.spots),
                        tasks::approval_mode.eq(t.approval_mode),
                        tasks::waitlist.eq(t.waitlist),
                        tasks::min_age.eq(t.min_age),
                    ),
                    (
                        tasks::max_age.eq(t.max_age),
                        tasks::languages.eq(t.languages),
                        tasks::beginner_friendly.eq(t.beginner_friendly),
                        tasks::supported.eq(t.supported),
                        tasks::criminal_record_check.eq(t.record_check),
                        tasks::application_deadline.eq(t.deadline),
                        tasks::status.eq(t.status),
                        tasks::version.eq(1),
                        tasks::created_at.eq(t.created_at),
                        tasks::updated_at.eq(self.now),
                        tasks::published_at.eq(t.published_at),
                        tasks::accepted_count.eq(t.accepted_count),
                    ),
                ));
            }
            bulk_insert!(conn, tasks::table, &rows)?;
            for part in themes.chunks(CHUNK * 2) {
                bulk_insert!(conn, task_categories::table, part)?;
            }
            progress.inc(rows.len() as u64);
        }
        Ok(self.n_tasks)
    }

    /// One task's row; pushes its categories and remembers its planned sign-ups.
    fn task_row(&mut self, per_task: f64) -> TaskFields {
        let id = uuid::Uuid::now_v7().to_string();
        let (association, _name, municipality, owner) =
            self.verified[self.rng.gen_range(0..self.verified.len())].clone();
        let status = match self.rng.gen_range(0..100) {
            0..=69 => "published",
            70..=77 => "draft",
            78..=94 => "closed",
            _ => "cancelled",
        };
        let schedule = match self.rng.gen_range(0..10) {
            0..=4 => "fixed",
            5..=6 => "flexible",
            _ => "ongoing",
        };
        let now = self.now;
        let starts_at = match status {
            "closed" => now - Duration::days(self.rng.gen_range(2..120)),
            _ if schedule == "ongoing" => now - Duration::days(self.rng.gen_range(0..90)),
            _ => now + Duration::days(self.rng.gen_range(1..180)),
        } + Duration::minutes(self.rng.gen_range(0..600));
        let ends_at = match schedule {
            "fixed" => Some(starts_at + Duration::hours(self.rng.gen_range(2..9))),
            "flexible" => Some(starts_at + Duration::days(self.rng.gen_range(7..60))),
            _ if status == "closed" => Some(starts_at + Duration::days(30)),
            _ => None,
        }
        .map(|end: NaiveDateTime| {
            if status == "closed" {
                end.min(now - Duration::hours(1))
            } else {
                end
            }
        });
        let spots = (!self.rng.gen_bool(0.2)).then(|| self.rng.gen_range(1..31));
        let waitlist = self.rng.gen_bool(0.5);
        let remote = self.rng.gen_bool(0.1);
        let min_age = match self.rng.gen_range(0..10) {
            0..=5 => None,
            6 => Some(13),
            7 => Some(15),
            8 => Some(16),
            _ => Some(18),
        };
        let max_age = match (min_age, self.rng.gen_range(0..10)) {
            (Some(18), _) | (_, 0..=7) => None,
            (_, 8) => Some(17),
            _ => Some(29),
        };
        let deadline = (status == "published" && schedule != "ongoing" && self.rng.gen_bool(0.3))
            .then(|| starts_at - Duration::days(2))
            .filter(|d| *d > now);
        let title = self.words.title(&mut self.rng);
        let description = self.words.description(&mut self.rng);
        let categories = self.task_categories();
        let mut plan = TaskPlan {
            id: id.clone(),
            status,
            spots,
            waitlist,
            starts_at,
            owner,
            states: Vec::new(),
        };
        let mut accepted = 0;
        if status != "draft" {
            let wanted = self.rng.gen_range(0.0..2.0 * per_task).round() as usize;
            for _ in 0..wanted.min(self.user_ids.len()) {
                let state = signup_state(self, &plan, &mut accepted);
                plan.states.push(state);
            }
        }
        self.tasks.push(plan);
        TaskFields {
            id,
            association_id: association,
            title,
            description,
            municipality_code: (!remote).then_some(municipality),
            remote,
            schedule_type: schedule,
            starts_at,
            ends_at,
            estimated_hours: f64::from(self.rng.gen_range(1..9)),
            spots,
            approval_mode: if self.rng.gen_bool(0.6) {
                "automatic"
            } else {
                "manual"
            },
            waitlist,
            min_age,
            max_age,
            languages: if self.rng.gen_bool(0.8) {
                "[\"fi\"]"
            } else {
                "[\"fi\",\"en\"]"
            },
            beginner_friendly: self.rng.gen_bool(0.4),
            supported: self.rng.gen_bool(0.15),
            record_check: self.rng.gen_bool(0.08),
            deadline,
            status,
            created_at: now.min(starts_at) - Duration::days(30),
            published_at: (status != "draft").then(|| now.min(starts_at) - Duration::days(20)),
            accepted_count: accepted,
            categories,
        }
    }

    /// One to three different categories.
    fn task_categories(&mut self) -> Vec<String> {
        let n = self.rng.gen_range(1..=3);
        let mut chosen: Vec<String> = Vec::with_capacity(n);
        while chosen.len() < n.min(self.categories.len()) {
            let c = self.category();
            if !chosen.contains(&c) {
                chosen.push(c);
            }
        }
        chosen
    }

    /// Every planned sign-up, each with its history entry; returns how many were written.
    pub(super) fn signups(
        &mut self,
        conn: &mut DbConnection,
        progress: &ProgressBar,
    ) -> Result<usize, AppError> {
        let tasks = std::mem::take(&mut self.tasks);
        let mut written = 0;
        let (mut rows, mut events) = (Vec::with_capacity(CHUNK), Vec::with_capacity(CHUNK));
        for task in &tasks {
            // Distinct volunteers per task: one open sign-up per (task, volunteer).
            let mut volunteers = HashSet::with_capacity(task.states.len());
            for state in &task.states {
                let volunteer = loop {
                    let v = self.rng.gen_range(0..self.user_ids.len());
                    if volunteers.insert(v) {
                        break v;
                    }
                };
                let id = uuid::Uuid::now_v7().to_string();
                let created = self.now.min(task.starts_at)
                    - Duration::days(self.rng.gen_range(1..20))
                    - Duration::minutes(self.rng.gen_range(0..600));
                let decided = matches!(*state, "accepted" | "declined" | "completed" | "no_show")
                    .then(|| created + Duration::hours(20));
                let completed =
                    (*state == "completed").then(|| task.starts_at + Duration::hours(3));
                let hours = completed.map(|_| f64::from(self.rng.gen_range(10..40)) / 10.0);
                let decider = decided.map(|_| self.user_ids[task.owner].clone());
                rows.push((
                    signups::id.eq(id.clone()),
                    signups::task_id.eq(task.id.clone()),
                    signups::volunteer_id.eq(self.user_ids[volunteer].clone()),
                    signups::status.eq(*state),
                    signups::hours.eq(hours),
                    signups::created_at.eq(created),
                    signups::decided_at.eq(decided),
                    signups::decided_by.eq(decider.clone()),
                    signups::withdrawn_at
                        .eq((*state == "withdrawn").then(|| created + Duration::hours(30))),
                    signups::completed_at.eq(completed.map(|t| t.min(self.now))),
                    signups::completed_by.eq(completed.and(decider)),
                    signups::cancelled_at
                        .eq((*state == "cancelled").then(|| created + Duration::hours(40))),
                    signups::updated_at.eq(self.now),
                ));
                events.push((
                    signup_events::id.eq(format!("{id}-e")),
                    signup_events::signup_id.eq(id),
                    signup_events::to_status.eq(*state),
                    signup_events::at.eq(created),
                ));
                if rows.len() == CHUNK {
                    written += flush(conn, &mut rows, &mut events)?;
                    progress.inc(CHUNK as u64);
                }
            }
        }
        let last = rows.len();
        written += flush(conn, &mut rows, &mut events)?;
        progress.inc(last as u64);
        Ok(written)
    }
}

type SignupRow = (
    diesel::dsl::Eq<signups::id, String>,
    diesel::dsl::Eq<signups::task_id, String>,
    diesel::dsl::Eq<signups::volunteer_id, String>,
    diesel::dsl::Eq<signups::status, &'static str>,
    diesel::dsl::Eq<signups::hours, Option<f64>>,
    diesel::dsl::Eq<signups::created_at, NaiveDateTime>,
    diesel::dsl::Eq<signups::decided_at, Option<NaiveDateTime>>,
    diesel::dsl::Eq<signups::decided_by, Option<String>>,
    diesel::dsl::Eq<signups::withdrawn_at, Option<NaiveDateTime>>,
    diesel::dsl::Eq<signups::completed_at, Option<NaiveDateTime>>,
    diesel::dsl::Eq<signups::completed_by, Option<String>>,
    diesel::dsl::Eq<signups::cancelled_at, Option<NaiveDateTime>>,
    diesel::dsl::Eq<signups::updated_at, NaiveDateTime>,
);

type EventRow = (
    diesel::dsl::Eq<signup_events::id, String>,
    diesel::dsl::Eq<signup_events::signup_id, String>,
    diesel::dsl::Eq<signup_events::to_status, &'static str>,
    diesel::dsl::Eq<signup_events::at, NaiveDateTime>,
);

/// Writes the buffered sign-ups and their events, and empties the buffers.
fn flush(
    conn: &mut DbConnection,
    rows: &mut Vec<SignupRow>,
    events: &mut Vec<EventRow>,
) -> Result<usize, AppError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let n = match conn {
        DbConnection::Postgres(pg) => {
            let n = diesel::insert_into(signups::table)
                .values(&*rows)
                .execute(pg)?;
            diesel::insert_into(signup_events::table)
                .values(&*events)
                .execute(pg)?;
            n
        }
        DbConnection::Sqlite(lite) => {
            let n = diesel::insert_into(signups::table)
                .values(&*rows)
                .execute(lite)?;
            diesel::insert_into(signup_events::table)
                .values(&*events)
                .execute(lite)?;
            n
        }
    };
    rows.clear();
    events.clear();
    Ok(n)
}
