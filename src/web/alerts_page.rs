//! A young person's saved searches and follows with their alert settings, at
//! `/{lang}/me/saved-searches` (where every alert email's settings link lands): run a
//! search, choose how often it emails (daily, at once, never), rename or delete it; stop
//! following an association or turn its alerts back on. A search is saved from the search
//! page's own form and an association followed from its card. The handlers call
//! `matching::saved_searches` and `matching::follows`, as the API's routes do.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::db::stored::StoredEnum as _;
use crate::error::{AppError, FieldError};
use crate::matching::follows::{self, FollowView};
use crate::matching::saved_searches::{
    self, Alert, Filters, NewSavedSearch, SavedSearchPatch, SavedSearchView,
};
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::page::{self, Page};

/// `/{lang}/me/saved-searches`.
#[derive(Template, WebTemplate)]
#[template(path = "my_alerts.html")]
pub struct AlertsPage {
    pub page: Page,
    pub searches: Vec<SavedSearchView>,
    pub follows: Vec<FollowView>,
}

impl AlertsPage {
    /// The alert choices, in the order the form offers them.
    pub fn alerts(&self) -> [&'static str; 3] {
        [
            Alert::Daily.as_str(),
            Alert::Instant.as_str(),
            Alert::Off.as_str(),
        ]
    }

    /// Whether a search's alert is this choice (the select's `selected`).
    pub fn chosen(&self, search: &SavedSearchView, choice: &str) -> bool {
        search.alert.as_str() == choice
    }
}

/// `GET /{lang}/me/saved-searches`.
pub async fn list(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (searches, follows) = state
        .db
        .run(move |conn| {
            Ok((
                saved_searches::list(conn, &user.user_id)?,
                follows::list(conn, &user.user_id)?,
            ))
        })
        .await?;
    Ok(page::ok(
        &req,
        AlertsPage {
            page: page.titled("alerts-title"),
            searches,
            follows,
        },
    ))
}

fn alert(value: &str) -> Result<Option<Alert>, AppError> {
    if value.is_empty() {
        return Ok(None);
    }
    Alert::from_stored(value).ok().map(Some).ok_or_else(|| {
        AppError::Validation(vec![FieldError::new(
            "alert",
            "unknown_value",
            "The alert is daily, instant or off.",
        )])
    })
}

/// What the search page's "save this search" form sends: the search as its query string.
#[derive(Debug, Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub query: String,
    #[serde(default)]
    pub alert: String,
}

/// `POST /{lang}/me/saved-searches`.
pub async fn save(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SaveForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let input = NewSavedSearch {
        name: form.name,
        filters: Filters::from_query(form.query.trim_start_matches('?')),
        alert: alert(&form.alert)?,
    };
    let now = state.config.clock.now();
    state
        .db
        .write(move |conn| saved_searches::create(conn, &user.user_id, input, now))
        .await?;
    Ok(page.redirect("/me/saved-searches"))
}

/// What a saved search's settings form sends.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub alert: String,
}

/// `POST /{lang}/me/saved-searches/{id}/{save|delete}`.
pub async fn change(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, id, action) = path.into_inner();
    let now = state.config.clock.now();
    match action.as_str() {
        "save" => {
            let patch = SavedSearchPatch {
                name: Some(form.name).filter(|n| !n.trim().is_empty()),
                filters: None,
                alert: alert(&form.alert)?,
            };
            state
                .db
                .write(move |conn| saved_searches::update(conn, &user.user_id, &id, patch, now))
                .await?;
        }
        "delete" => {
            state
                .db
                .write(move |conn| saved_searches::delete(conn, &user.user_id, &id))
                .await?;
        }
        _ => return Err(AppError::NotFound),
    }
    Ok(page.redirect("/me/saved-searches"))
}

/// What a follow button sends: where to go back to (`/associations/{id}` from the card,
/// else the settings page).
#[derive(Debug, Deserialize)]
pub struct FollowForm {
    #[serde(default)]
    pub back: String,
}

/// `POST /{lang}/associations/{id}/{follow|unfollow}`. Following again turns a follow's
/// alerts back on, as the API's does.
pub async fn follow(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<FollowForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key, action) = path.into_inner();
    let now = state.config.clock.now();
    let card = format!("/associations/{key}");
    match action.as_str() {
        "follow" => {
            state
                .db
                .write(move |conn| follows::follow(conn, &user.user_id, &key, now))
                .await?;
        }
        "unfollow" => {
            state
                .db
                .write(move |conn| follows::unfollow(conn, &user.user_id, &key))
                .await?;
        }
        _ => return Err(AppError::NotFound),
    }
    // Only our own two pages: a form cannot send the reader elsewhere.
    Ok(if form.back == card {
        page.redirect(&card)
    } else {
        page.redirect("/me/saved-searches")
    })
}
