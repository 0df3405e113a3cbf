//! The public pages beyond tasks: the association directory and each association's card
//! (yhdistyskortti), and the page where an employer or a school checks a volunteering
//! record by its code. Read with the same feature functions as the API.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::access::{self, Viewer};
use crate::associations::hooks::Hooks as AssociationHooks;
use crate::associations::model::{self, Card as AssociationCard, Summary};
use crate::associations::search::SearchQuery;
use crate::error::AppError;
use crate::search::SearchIndex;
use crate::signups::record::{self, PublicRecord};
use crate::state::AppState;
use crate::tasks::search::open_tasks_of;
use crate::web::format;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::search::Card;

/// `/{lang}/associations`.
#[derive(Template, WebTemplate)]
#[template(path = "associations.html")]
pub struct Directory {
    pub page: Page,
    pub q: String,
    pub municipality: String,
    pub municipalities: super::reference::Options,
    pub items: Vec<Summary>,
    pub total: i64,
}

/// The directory's form.
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub municipality: String,
}

/// `GET /{lang}/associations?q=&municipality=`: verified associations, from the index.
pub async fn directory(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    cache: web::Data<Cache>,
    query: web::Query<DirectoryQuery>,
) -> Result<HttpResponse, AppError> {
    let lists = cache.get(&state).await?;
    let form = query.into_inner();
    let search = SearchQuery {
        q: Some(form.q.trim().to_owned()).filter(|q| !q.is_empty()),
        municipality: Some(form.municipality.clone()).filter(|m| !m.is_empty()),
        region: None,
        category: None,
        sort: None,
        page: Some(1),
        per_page: Some(50),
    };
    let found = crate::search::routes::run(&state, index, move |index, conn, _| {
        crate::search::associations::search(index, conn, &search)
    })
    .await?;
    let municipalities = lists.municipality_options(page.lang);
    Ok(page::ok(
        &req,
        Directory {
            page: page.titled("associations-title"),
            q: form.q,
            municipality: form.municipality,
            municipalities,
            items: found.items,
            total: found.total,
        },
    ))
}

/// `/{lang}/associations/{slug}`.
#[derive(Template, WebTemplate)]
#[template(path = "association.html")]
pub struct CardPage {
    pub page: Page,
    pub card: AssociationCard,
    pub place: String,
    pub tasks: Vec<Card>,
    /// For a signed-in reader of a verified card: whether they follow it (alerts on).
    pub following: Option<bool>,
}

/// `GET /{lang}/associations/{slug}`: the card and its open tasks; pending and suspended
/// associations are a 404 to all but their members and the administrators, as in the API.
pub async fn card(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<AssociationHooks>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, key) = path.into_inner();
    let lists = cache.get(&state).await?;
    let user_id = page.user.as_ref().map(|u| u.user_id.clone());
    let (card, tasks, following) = state
        .db
        .run(move |conn| {
            let following = match &user_id {
                Some(id) => Some(crate::matching::follows::list(conn, id)?),
                None => None,
            };
            let viewer = Viewer::load(conn, user_id)?;
            let (association, role) = access::visible(conn, &key, &viewer)?;
            let tasks = open_tasks_of(conn, &association.id)?;
            let following = following
                .filter(|_| association.status == model::VERIFIED)
                .map(|all| {
                    all.iter()
                        .any(|f| f.association_id == association.id && f.alerts)
                });
            Ok((
                model::card(conn, &hooks, association, role)?,
                tasks,
                following,
            ))
        })
        .await?;
    let place = page
        .pick(
            &card.municipality.name_fi,
            &card.municipality.name_sv,
            &card.municipality.name_fi,
        )
        .to_owned();
    let tasks = tasks.iter().map(|t| Card::of(&page, &lists, t)).collect();
    Ok(page::ok(
        &req,
        CardPage {
            page: page.titled_as(&card.name),
            place,
            card,
            tasks,
            following,
        },
    ))
}

/// `/{lang}/record-check`.
#[derive(Template, WebTemplate)]
#[template(path = "record_check.html")]
pub struct RecordCheck {
    pub page: Page,
    pub code: String,
    pub found: Option<PublicRecord>,
    /// A code was given and names no record.
    pub unknown: bool,
}

impl RecordCheck {
    /// A day of the record in the page's language.
    pub fn day(&self, day: &chrono::NaiveDate) -> String {
        format::date(self.page.lang, *day)
    }

    /// Hours in the page's language.
    pub fn hours(&self, hours: &Option<f64>) -> String {
        format::some_hours(self.page.lang, *hours)
    }
}

/// The code typed or linked.
#[derive(Debug, Default, Deserialize)]
pub struct CodeQuery {
    #[serde(default)]
    pub code: String,
}

/// `GET /{lang}/record-check?code=…`: what the volunteer chose to share, or a clear
/// "no such record"; the code is a bearer secret, so the page is never cached.
pub async fn record_check(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    query: web::Query<CodeQuery>,
) -> Result<HttpResponse, AppError> {
    let code = query.into_inner().code.trim().to_owned();
    let found = if code.is_empty() {
        None
    } else {
        let wanted = code.clone();
        match state.db.run(move |conn| record::check(conn, &wanted)).await {
            Ok(found) => Some(found),
            Err(AppError::NotFound) => None,
            Err(e) => return Err(e),
        }
    };
    let status = if !code.is_empty() && found.is_none() {
        actix_web::http::StatusCode::NOT_FOUND
    } else {
        actix_web::http::StatusCode::OK
    };
    Ok(page::send(
        &req,
        status,
        RecordCheck {
            page: page.titled("record-check-title"),
            unknown: !code.is_empty() && found.is_none(),
            code,
            found,
        },
    ))
}
