//! Searching the associations' services (palvelut) in the browser, for a service
//! counsellor looking for somewhere to refer a client (and for anyone: services are
//! public, as on the cards). The same index and `search::services::search` as
//! `GET /api/v1/services`; supported tasks are one link away in the task search.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::service_search::{ServiceHit, ServiceQuery};
use crate::error::AppError;
use crate::search::{self, SearchIndex};
use crate::state::AppState;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::{Cache, Options};

/// Results a page.
const PER_PAGE: i64 = 20;

/// The form's fields as given (kept to show again).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ServiceFilters {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub free: String,
    #[serde(default)]
    pub page: Option<i64>,
}

impl ServiceFilters {
    /// The filters as a query string (without the page).
    pub fn query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("q", &self.q),
            ("municipality", &self.municipality),
            ("free", &self.free),
        ] {
            if !value.trim().is_empty() {
                out.append_pair(key, value.trim());
            }
        }
        out.finish()
    }

    fn service_query(&self) -> ServiceQuery {
        let text = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        ServiceQuery {
            q: text(&self.q),
            municipality: text(&self.municipality),
            free: (self.free == "true").then_some(true),
            page: Some(self.page.unwrap_or(1).max(1)),
            per_page: Some(PER_PAGE),
            ..ServiceQuery::default()
        }
    }
}

/// `/{lang}/services`.
#[derive(Template, WebTemplate)]
#[template(path = "services_search.html")]
pub struct ServicesSearch {
    pub page: Page,
    pub filters: ServiceFilters,
    pub municipalities: Options,
    pub hits: Vec<ServiceHit>,
    pub total: i64,
    pub number: i64,
    pub pages: i64,
    pub errors: Vec<Problem>,
}

impl ServicesSearch {
    /// The link to another page of the same search.
    pub fn page_link(&self, number: i64) -> String {
        let query = self.filters.query();
        let sep = if query.is_empty() { "" } else { "&" };
        self.page
            .href(&format!("/services?{query}{sep}page={number}"))
    }

    /// The supported tasks near the chosen municipality, for a counsellor.
    pub fn supported_tasks_link(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        out.append_pair("supported", "true");
        if !self.filters.municipality.is_empty() {
            out.append_pair("municipality", &self.filters.municipality);
        }
        self.page.href(&format!("/tasks?{}", out.finish()))
    }
}

/// `GET /{lang}/services`.
pub async fn search(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    cache: web::Data<Cache>,
    query: web::Query<ServiceFilters>,
) -> Result<HttpResponse, AppError> {
    let filters = query.into_inner();
    let wanted = filters.service_query();
    let found = search::routes::run(&state, index, move |index, conn, _| {
        search::services::search(index, conn, &wanted)
    })
    .await;
    let municipalities = cache.get(&state).await?.municipality_options(page.lang);
    let (hits, total, errors, status) = match found {
        Ok(result) => (result.items, result.total, Vec::new(), StatusCode::OK),
        Err(AppError::Validation(fields)) => (
            Vec::new(),
            0,
            forms::problems(&page, &fields),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e),
    };
    let number = filters.page.unwrap_or(1).max(1);
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    Ok(page::send(
        &req,
        status,
        ServicesSearch {
            page: page.titled("services-search-title"),
            filters,
            municipalities,
            hits,
            total,
            number,
            pages,
            errors,
        },
    ))
}
