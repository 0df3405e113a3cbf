//! The task search page (`/{lang}/tasks`): the same query language and the same engine as
//! `GET /api/v1/tasks`, as a form that works without JavaScript; with htmx, results follow
//! the typing and only the results are sent (`Vary: HX-Request`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::error::AppError;
use crate::search::SearchIndex;
use crate::search::tasks::TaskPage;
use crate::state::AppState;
use crate::tasks::model::TaskView;
use crate::tasks::search::TaskQuery;
use crate::web::page::{self, Page};
use crate::web::reference::{Cache, Lists};
use crate::web::{format, forms};

/// Tasks on one page of results.
const PER_PAGE: i64 = 20;

/// The filters as the reader set them (kept as typed, to show them again).
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub q: String,
    pub municipality: String,
    pub region: String,
    pub categories: Vec<String>,
    pub schedule_type: String,
    pub age: String,
    pub has_spots: bool,
    pub beginner_friendly: bool,
    pub remote: bool,
    pub supported: bool,
    pub sort: String,
    pub page: i64,
}

impl Filters {
    /// Reads the query string of the page (unknown parameters are ignored: a shared link
    /// from an older version still opens).
    pub fn parse(query: &str) -> Self {
        let mut f = Self {
            page: 1,
            ..Self::default()
        };
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim().to_owned();
            match key.as_ref() {
                "q" => f.q = value,
                "municipality" => f.municipality = value,
                "region" => f.region = value,
                "category" if !value.is_empty() => f.categories.push(value),
                "schedule_type" => f.schedule_type = value,
                "age" => f.age = value,
                "has_spots" => f.has_spots = value == "true",
                "beginner_friendly" => f.beginner_friendly = value == "true",
                "remote" => f.remote = value == "true",
                "supported" => f.supported = value == "true",
                "sort" => f.sort = value,
                "page" => f.page = value.parse().unwrap_or(1).max(1),
                _ => {}
            }
        }
        f
    }

    /// The filters as a query string (without the page), for links that keep them.
    pub fn query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("q", &self.q),
            ("municipality", &self.municipality),
            ("region", &self.region),
            ("schedule_type", &self.schedule_type),
            ("age", &self.age),
            ("sort", &self.sort),
        ] {
            if !value.is_empty() {
                out.append_pair(key, value);
            }
        }
        for c in &self.categories {
            out.append_pair("category", c);
        }
        for (key, on) in [
            ("has_spots", self.has_spots),
            ("beginner_friendly", self.beginner_friendly),
            ("remote", self.remote),
            ("supported", self.supported),
        ] {
            if on {
                out.append_pair(key, "true");
            }
        }
        out.finish()
    }

    /// The query of the search API (`facets=true`, this page).
    fn api_query(&self) -> String {
        let base = self.query();
        let sep = if base.is_empty() { "" } else { "&" };
        format!(
            "{base}{sep}facets=true&per_page={PER_PAGE}&page={}",
            self.page
        )
    }

    /// Whether any filter beyond the words is set (then the filters start open).
    pub fn narrowed(&self) -> bool {
        let words_only = Self {
            q: self.q.clone(),
            page: self.page,
            ..Self::default()
        };
        self.query() != words_only.query()
    }

    /// Whether a category is ticked.
    pub fn has_category(&self, slug: &str) -> bool {
        self.categories.iter().any(|c| c == slug)
    }

    /// The link to another page of the same search.
    pub fn page_link(&self, page: &Page, number: i64) -> String {
        let query = self.query();
        let sep = if query.is_empty() { "" } else { "&" };
        page.href(&format!("/tasks?{query}{sep}page={number}"))
    }

    /// The link of this search with one more filter (a facet).
    pub fn with(&self, page: &Page, key: &str, value: &str) -> String {
        let mut next = self.clone();
        match key {
            "municipality" => next.municipality = value.to_owned(),
            "region" => next.region = value.to_owned(),
            _ => {}
        }
        page.href(&format!("/tasks?{}", next.query()))
    }
}

/// A task in a list of results.
pub struct Card {
    pub id: String,
    pub title: String,
    pub association: String,
    pub place: String,
    pub when: String,
    pub when_iso: String,
    pub spots: String,
    pub tags: Vec<String>,
}

impl Card {
    /// A task view as a card in a language.
    pub fn of(page: &Page, lists: &Lists, task: &TaskView) -> Self {
        let fields = &task.fields;
        let mut place = task
            .municipality
            .as_ref()
            .map(|m| page.pick(&m.name_fi, &m.name_sv, &m.name_fi).to_owned())
            .unwrap_or_default();
        if fields.remote_online || fields.remote_phone {
            let remote = page.t("task-remote");
            place = if place.is_empty() {
                remote
            } else {
                format!("{place} · {remote}")
            };
        }
        let (when, when_iso) = match fields.starts_at {
            Some(at) => (format::moment(page.lang, at), format::iso(at)),
            None => (
                page.t(&format!("schedule-{}", fields.schedule_type)),
                String::new(),
            ),
        };
        let spots = match task.spots_left {
            Some(0) if fields.waitlist => page.t("task-waitlist-only"),
            Some(0) => page.t("task-full"),
            Some(n) => page.tn("task-spots-left", "count", i64::from(n)),
            None => page.t("task-spots-unlimited"),
        };
        let mut tags: Vec<String> = task
            .categories
            .iter()
            .map(|slug| lists.category_name(slug, page.lang))
            .collect();
        if fields.beginner_friendly {
            tags.push(page.t("task-beginner-friendly"));
        }
        if fields.supported {
            tags.push(page.t("task-supported"));
        }
        Self {
            id: task.id.clone(),
            title: fields.title.clone(),
            association: task.association.name.clone(),
            place,
            when,
            when_iso,
            spots,
            tags,
        }
    }
}

/// A value of a facet, with its count and name.
pub struct FacetItem {
    pub value: String,
    pub name: String,
    pub count: i64,
}

/// The results part of the page (sent alone to htmx).
#[derive(Template, WebTemplate)]
#[template(path = "search_results.html")]
pub struct Results {
    pub page: Page,
    pub filters: Filters,
    pub cards: Vec<Card>,
    pub total: i64,
    pub pages: i64,
    pub corrections: Vec<(String, String)>,
    pub municipalities: Vec<FacetItem>,
    pub errors: Vec<forms::Problem>,
}

impl Results {
    /// A name to offer when saving this search: its words, else a general one.
    pub fn suggested_name(&self) -> String {
        if self.filters.q.is_empty() {
            self.page.t("alerts-default-name")
        } else {
            self.filters.q.clone()
        }
    }
}

/// The whole page.
#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub page: Page,
    pub results: Results,
    pub categories: Vec<FacetItem>,
    pub regions: Vec<FacetItem>,
    pub municipality_options: super::reference::Options,
    pub schedule_types: Vec<FacetItem>,
    pub sorts: Vec<(&'static str, String)>,
}

/// Runs a task search exactly as `GET /api/v1/tasks` does: in one of the index's slots,
/// after bringing the index up to date.
pub async fn find(
    state: &AppState,
    index: web::Data<SearchIndex>,
    query: TaskQuery,
) -> Result<TaskPage, AppError> {
    crate::search::routes::run(state, index, move |index, conn, now| {
        crate::search::tasks::search(index, conn, &query, now)
    })
    .await
}

/// `GET /{lang}/tasks`.
pub async fn search(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    cache: web::Data<Cache>,
) -> Result<HttpResponse, AppError> {
    let page = page.titled("search-title");
    let lists = cache.get(&state).await?;
    let filters = Filters::parse(req.query_string());
    let (found, errors) = match TaskQuery::parse(&filters.api_query()) {
        Ok(query) => match find(&state, index, query).await {
            Ok(found) => (Some(found), Vec::new()),
            Err(AppError::Validation(fields)) => (None, fields),
            Err(e) => return Err(e),
        },
        Err(AppError::Validation(fields)) => (None, fields),
        Err(e) => return Err(e),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors = forms::problems(&page, &errors);
    let results = results(&page, &lists, filters, found.as_ref(), errors);
    let mut response = if page.htmx {
        page::send(&req, status, results)
    } else {
        let body = whole(page, &lists, results, found.as_ref());
        page::send(&req, status, body)
    };
    response
        .headers_mut()
        .insert(header::VARY, header::HeaderValue::from_static("HX-Request"));
    Ok(response)
}

fn results(
    page: &Page,
    lists: &Lists,
    filters: Filters,
    found: Option<&TaskPage>,
    errors: Vec<forms::Problem>,
) -> Results {
    let cards = found
        .map(|f| {
            f.page
                .items
                .iter()
                .map(|t| Card::of(page, lists, t))
                .collect()
        })
        .unwrap_or_default();
    let total = found.map_or(0, |f| f.page.total);
    let municipalities = found
        .and_then(|f| f.facets.as_ref())
        .map(|facets| {
            facets
                .municipalities
                .iter()
                .take(12)
                .map(|c| FacetItem {
                    name: lists.municipality_name(&c.value, page.lang),
                    value: c.value.clone(),
                    count: c.count,
                })
                .collect()
        })
        .unwrap_or_default();
    Results {
        page: page.clone(),
        filters,
        cards,
        total,
        pages: (total + PER_PAGE - 1) / PER_PAGE,
        corrections: found
            .map(|f| {
                f.corrections
                    .iter()
                    .map(|c| (c.word.clone(), c.corrected_to.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        municipalities,
        errors,
    }
}

fn whole(page: Page, lists: &Lists, results: Results, found: Option<&TaskPage>) -> SearchPage {
    let facets = found.and_then(|f| f.facets.as_ref());
    let count_of = |list: Option<&Vec<crate::search::tasks::FacetCount>>, value: &str| {
        list.and_then(|l| l.iter().find(|c| c.value == value))
            .map_or(0, |c| c.count)
    };
    let categories = lists
        .categories
        .iter()
        .map(|c| FacetItem {
            value: c.slug.clone(),
            name: lists.category_name(&c.slug, page.lang),
            count: count_of(facets.map(|f| &f.categories), &c.slug),
        })
        .collect();
    let regions = lists
        .regions
        .iter()
        .map(|r| FacetItem {
            value: r.code.clone(),
            name: lists.region_name(&r.code, page.lang),
            count: count_of(facets.map(|f| &f.regions), &r.code),
        })
        .collect();
    let municipality_options = lists.municipality_options(page.lang);
    let schedule_types = ["fixed", "flexible", "ongoing"]
        .into_iter()
        .map(|s| FacetItem {
            value: s.to_owned(),
            name: page.t(&format!("schedule-{s}")),
            count: count_of(facets.map(|f| &f.schedule_types), s),
        })
        .collect();
    let sorts = ["relevance", "newest", "starts_at", "deadline"]
        .into_iter()
        .map(|s| (s, page.t(&format!("sort-{s}"))))
        .collect();
    SearchPage {
        page,
        results,
        categories,
        regions,
        municipality_options,
        schedule_types,
        sorts,
    }
}
