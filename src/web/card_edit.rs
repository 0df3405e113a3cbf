//! Editing the association card from its members' pages: the form filled with the card
//! as it is, saved through the same `associations::card::update` the API's `PATCH` calls,
//! with the version the editor saw standing in for `If-Match`. A stale edit lists what
//! someone else changed meanwhile (`stale`) instead of overwriting it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;

use crate::associations::access;
use crate::associations::card::{self, Editor};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::card_form::{CardForm, LANGUAGES, TEXT_FIELDS};
use crate::web::csrf::CsrfForm;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::{Cache, Options};
use crate::web::stale::{self, Change};

/// `/{lang}/manage/associations/{id}/card`.
#[derive(Template, WebTemplate)]
#[template(path = "manage_card.html")]
pub struct CardPage {
    pub page: Page,
    pub id: String,
    pub form: CardForm,
    pub errors: Vec<Problem>,
    pub municipalities: Options,
    /// The field of activity is one of the task categories: (slug, name).
    pub categories: Vec<(String, String)>,
    pub version: i32,
    pub seen: String,
    pub changes: Vec<Change>,
}

impl CardPage {
    /// The message under a field, if it was refused.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }

    /// The text fields in order: (name, label key, multi-line).
    pub fn text_fields(&self) -> &'static [(&'static str, &'static str, bool)] {
        TEXT_FIELDS
    }

    /// The languages to tick: ours, then any other the card lists already (the feature
    /// takes every ISO 639 code, and a box not shown would be dropped on save).
    pub fn languages(&self) -> Vec<String> {
        let mut all: Vec<String> = LANGUAGES.iter().map(|l| (*l).to_owned()).collect();
        for l in &self.form.languages {
            if !all.contains(l) {
                all.push(l.clone());
            }
        }
        all
    }

    /// A language's name in the page's language, or its code for one we have no name of.
    pub fn language_name(&self, code: &str) -> String {
        let key = format!("language-{code}");
        if crate::i18n::has_text(self.page.lang, &key) {
            self.page.t(&key)
        } else {
            code.to_owned()
        }
    }
}

/// Builds the page with the form as given.
async fn card_page(
    state: &AppState,
    cache: &Cache,
    page: Page,
    id: String,
    form: CardForm,
    version: i32,
    seen: String,
) -> Result<CardPage, AppError> {
    let lists = cache.get(state).await?;
    let municipalities = lists.municipality_options(page.lang);
    let categories = lists
        .categories
        .iter()
        .map(|c| (c.slug.clone(), lists.category_name(&c.slug, page.lang)))
        .collect();
    Ok(CardPage {
        categories,
        page: page.titled("card-edit-title"),
        id,
        form,
        errors: Vec::new(),
        municipalities,
        version,
        seen,
        changes: Vec::new(),
    })
}

/// The card as the form shows it now, and its version.
async fn current(
    state: &AppState,
    key: String,
    user_id: String,
) -> Result<(String, CardForm, i32), AppError> {
    state
        .db
        .run(move |conn| {
            let (association, _) = access::member(conn, &key, &user_id)?;
            Ok((
                association.id.clone(),
                CardForm::from_association(&association),
                association.version,
            ))
        })
        .await
}

/// `GET /{lang}/manage/associations/{id}/card`.
pub async fn form(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let (id, form, version) = current(&state, key, user.user_id).await?;
    let seen = stale::seal(&form.pairs());
    let body = card_page(&state, &cache, page, id, form, version, seen).await?;
    Ok(page::ok(&req, body))
}

/// Saves the card if `version` is still its version.
async fn attempt(
    state: &AppState,
    key: &str,
    user_id: &str,
    version: Option<i32>,
    form: &CardForm,
) -> Result<(), AppError> {
    let input = form.input().map_err(AppError::Validation)?;
    let (key, user_id) = (key.to_owned(), user_id.to_owned());
    state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &key, &user_id)?;
            // A form without a version (never sent by our page) must not overwrite blindly.
            let seen = Some(version.into_iter().collect());
            card::update(conn, association, seen, input, Editor::Member).map(|_| ())
        })
        .await
}

/// `POST /{lang}/manage/associations/{id}/card`: saved, back to the association's page;
/// refused fields or a stale version show the form again with the editor's input.
pub async fn save(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    path: web::Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let (version, seen) = stale::opened_at(&pairs);
    let form = CardForm::from_pairs(&pairs);
    let mut saved = attempt(&state, &key, &user.user_id, version, &form).await;
    let mut stale_state = None;
    if matches!(saved, Err(AppError::PreconditionFailed)) {
        let (_, now, now_version) = current(&state, key.clone(), user.user_id.clone()).await?;
        let lists = cache.get(&state).await?;
        let changes = stale::changes(
            &seen,
            &now.pairs(),
            |field| CardForm::label_key(field).map(|key| page.t(key)),
            |field, value| stale::readable(&page, &lists, field, value),
        );
        if changes.is_empty() {
            // Only something outside the form moved on (a service, the status).
            saved = attempt(&state, &key, &user.user_id, Some(now_version), &form).await;
        } else {
            stale_state = Some((now, now_version, changes));
        }
    }
    match saved {
        Ok(()) => Ok(page.redirect(&format!("/manage/associations/{key}"))),
        Err(AppError::PreconditionFailed) => {
            let Some((now, now_version, changes)) = stale_state else {
                return Err(AppError::PreconditionFailed);
            };
            let form = CardForm::from_pairs(&stale::merge(&seen, &form.pairs(), &now.pairs()));
            let seen = stale::seal(&now.pairs());
            let mut body = card_page(&state, &cache, page, key, form, now_version, seen).await?;
            body.changes = changes;
            Ok(page::send(&req, StatusCode::CONFLICT, body))
        }
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let mut body =
                card_page(&state, &cache, page, key, form, version.unwrap_or(0), seen).await?;
            body.errors = errors;
            Ok(page::send(&req, StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Err(e) => Err(e),
    }
}
