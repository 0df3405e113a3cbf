//! `GET /me/recommendations`: the open tasks ranked for one volunteer, each with its score
//! and the reasons behind it.
//!
//! The ranking is arithmetic on the search index's listed tasks ([`crate::matching::ranking`]):
//! the tasks the volunteer cannot join are left out (full without a waitlist, outside their
//! age, already signed up or done; ended and past-deadline tasks are not listed at all), and
//! each signal of [`crate::matching::weights`] adds its constant weight. Ties break by the
//! sooner start, then by the id. The page is then loaded from the database, which drops a
//! task it no longer lists, and checked once more with the sign-up rules' exact age rule
//! (age on the start date); the reasons are worked out from the loaded task, and the score
//! is their sum.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use tantivy::query::{ConstScoreQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::api::paging::paging;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::matching::ranking::{REMOTE_ONLY, Scored, Wanted, remote_weight};
use crate::matching::scan;
use crate::matching::volunteer::Volunteer;
use crate::matching::weights as w;
use crate::search::index::{Kind, SearchIndex, search_error};
use crate::search::schema::TaskFields;
use crate::signups::join::age_refusal;
use crate::tasks::model::TaskView;
use crate::tasks::search::hydrate;
use crate::tasks::slots;

/// Why a task is recommended: one signal it meets, in a form a front end can put in words
/// ("because you like nature and it is in Lappeenranta").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// One of the volunteer's interests.
    Category {
        id: String,
    },
    /// A category of a task they completed and rated well.
    LikedBefore {
        id: String,
    },
    Municipality {
        code: String,
    },
    Region {
        code: String,
    },
    Remote,
    /// The first of the volunteer's availability slots that the task falls in.
    FitsAvailability {
        slot: String,
    },
    Language {
        code: String,
    },
    BeginnerFriendly,
    Supported,
    StartingSoon,
}

impl Reason {
    /// The weight the reason adds to the score.
    pub fn weight(&self, volunteer: &Volunteer) -> f32 {
        match self {
            Reason::Category { .. } => w::INTEREST,
            Reason::LikedBefore { .. } => w::LIKED_BEFORE,
            Reason::Municipality { .. } => w::MUNICIPALITY,
            Reason::Region { .. } => w::REGION,
            Reason::Remote => remote_weight(volunteer),
            Reason::FitsAvailability { .. } => w::AVAILABILITY,
            Reason::Language { .. } => w::LANGUAGE,
            Reason::BeginnerFriendly => w::BEGINNER_FRIENDLY,
            Reason::Supported => w::SUPPORTED,
            Reason::StartingSoon => w::STARTING_SOON,
        }
    }
}

/// One recommended task.
#[derive(Debug, Serialize)]
pub struct Recommendation {
    pub task: TaskView,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

/// The answer of `GET /me/recommendations`.
#[derive(Debug, Serialize)]
pub struct Recommendations {
    pub items: Vec<Recommendation>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// Empty profile fields that would make the recommendations better.
    pub improve_with: Vec<&'static str>,
}

/// The volunteer's availability slots that are times (not `remote_only`).
fn time_slots(v: &Volunteer) -> Vec<&str> {
    v.availability
        .iter()
        .map(String::as_str)
        .filter(|s| *s != REMOTE_ONLY)
        .collect()
}

/// A clause that only filters: it adds nothing to the score.
pub(crate) fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

/// A signal: adds `weight` to the score of the tasks that meet it.
pub(crate) fn signal(query: Box<dyn Query>, weight: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(ConstScoreQuery::new(query, weight)))
}

/// The best `n` tasks for `v`, best first, and how many they could join in all: every
/// joinable task their age admits is scored ([`crate::matching::scan`]).
pub fn top(
    index: &SearchIndex,
    searcher: &Searcher,
    f: &TaskFields,
    v: &Volunteer,
    wanted: &Wanted,
    n: usize,
) -> Result<(Vec<Scored>, usize), AppError> {
    let ranked = scan::rank(searcher, index.match_columns(), f, wanted, &v.taken, n)
        .map_err(search_error)?;
    Ok((ranked.top, ranked.total))
}

/// The ids of these hits.
pub fn ids_of(
    searcher: &Searcher,
    f: &TaskFields,
    hits: &[DocAddress],
) -> Result<Vec<String>, AppError> {
    let mut ids = Vec::with_capacity(hits.len());
    for address in hits {
        let doc: TantivyDocument = searcher.doc(*address).map_err(search_error)?;
        if let Some(id) = doc.get_first(f.id).and_then(|v| v.as_str()) {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}

/// The reasons `task` is recommended to `v` at `now`, in a fixed order.
pub fn reasons(v: &Volunteer, task: &TaskView, now: NaiveDateTime) -> Vec<Reason> {
    let mut out = Vec::new();
    for category in &task.categories {
        if v.interests.contains(category) {
            out.push(Reason::Category {
                id: category.clone(),
            });
        }
    }
    for category in &task.categories {
        if v.liked.contains(category) {
            out.push(Reason::LikedBefore {
                id: category.clone(),
            });
        }
    }
    if let Some(place) = &task.municipality {
        if v.municipality.as_deref() == Some(place.code.as_str()) {
            out.push(Reason::Municipality {
                code: place.code.clone(),
            });
        } else if v.region.as_deref() == Some(place.region_code.as_str()) {
            out.push(Reason::Region {
                code: place.region_code.clone(),
            });
        }
    }
    if task.fields.is_remote() {
        out.push(Reason::Remote);
    }
    let fits = slots::slots(&task.fields.schedule_type, task.fields.starts_at);
    if let Some(slot) = time_slots(v).into_iter().find(|s| fits.contains(s)) {
        out.push(Reason::FitsAvailability {
            slot: slot.to_owned(),
        });
    }
    if task.fields.languages.0.contains(&v.language) {
        out.push(Reason::Language {
            code: v.language.clone(),
        });
    }
    if v.completed == 0 && task.fields.beginner_friendly {
        out.push(Reason::BeginnerFriendly);
    }
    if v.wants_support && task.fields.supported {
        out.push(Reason::Supported);
    }
    if task
        .fields
        .starts_at
        .is_some_and(|s| s >= now && s <= now + Duration::days(w::SOON_DAYS))
    {
        out.push(Reason::StartingSoon);
    }
    out
}

/// The tasks of `views` that `v` can still join by the sign-up rules' exact age rule (age
/// on the start date), read from the page already loaded.
fn joinable(v: &Volunteer, views: Vec<TaskView>, now: NaiveDateTime) -> Vec<TaskView> {
    let Some(born) = v.birth_date else {
        return views;
    };
    views
        .into_iter()
        .filter(|view| age_refusal(&view.fields, born, now).is_none())
        .collect()
}

/// One page of recommendations for `user_id`.
pub fn recommend(
    index: &SearchIndex,
    conn: &mut DbConnection,
    user_id: &str,
    page: Option<i64>,
    per_page: Option<i64>,
    now: NaiveDateTime,
) -> Result<Recommendations, AppError> {
    let (page, per_page) = paging(page, per_page)?;
    let volunteer = Volunteer::load(conn, user_id)?;
    let (searcher, fields) = index.searcher(Kind::Listed);
    let f = fields.tasks;
    let wanted = Wanted::of(&volunteer, index.categories(), now);
    let offset = ((page - 1) * per_page) as usize;
    let (best, total) = top(
        index,
        &searcher,
        &f,
        &volunteer,
        &wanted,
        offset + per_page as usize,
    )?;
    let hits: Vec<DocAddress> = best.iter().skip(offset).map(|hit| hit.address).collect();
    let ids = ids_of(&searcher, &f, &hits)?;
    let views = hydrate(conn, &ids, false, now)?;
    let views = joinable(&volunteer, views, now);
    let items = views
        .into_iter()
        .map(|task| {
            let reasons = reasons(&volunteer, &task, now);
            let score = reasons.iter().map(|r| r.weight(&volunteer)).sum();
            Recommendation {
                task,
                score,
                reasons,
            }
        })
        .collect();
    Ok(Recommendations {
        items,
        total: total as i64,
        page,
        per_page,
        improve_with: volunteer.missing(),
    })
}
