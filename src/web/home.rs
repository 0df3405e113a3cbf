//! The front page: what Talkoot is, a search box, the newest tasks, and, on an empty
//! development database, how to load the demo.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use diesel::prelude::*;

use crate::db::schema::associations;
use crate::error::AppError;
use crate::search::SearchIndex;
use crate::state::AppState;
use crate::tasks::search::TaskQuery;
use crate::web::page::{self, Page};
use crate::web::reference::Cache;
use crate::web::search::{self, Card};

/// The front page.
#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct Home {
    pub page: Page,
    pub newest: Vec<Card>,
    /// An empty development database: say how to load the demo.
    pub show_demo_hint: bool,
}

/// `GET /{lang}/`.
pub async fn home(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    cache: web::Data<Cache>,
) -> Result<HttpResponse, AppError> {
    let lists = cache.get(&state).await?;
    let query = TaskQuery::parse("sort=newest&per_page=6")?;
    let found = search::find(&state, index, query).await?;
    let empty = state
        .db
        .run(|conn| Ok(associations::table.count().get_result::<i64>(conn)? == 0))
        .await?;
    let newest = found
        .page
        .items
        .iter()
        .map(|t| Card::of(&page, &lists, t))
        .collect();
    Ok(page::ok(
        &req,
        Home {
            page: page.titled("home-title"),
            newest,
            show_demo_hint: empty && !state.config.production,
        },
    ))
}
