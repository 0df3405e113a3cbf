//! A volunteer's own account in the browser: the profile that matching reads (municipality,
//! interests, availability), the "for you" recommendations with their reasons in words,
//! and the privacy tools: a download of everything kept about them, and erasing the
//! account with the password re-entered. The same feature functions as `/api/v1/me…`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::accounts::login::confirm_password;
use crate::accounts::profile::{self, AVAILABILITY_SLOTS, GENDERS, Profile, ProfilePatch};
use crate::db;
use crate::email::Notifier;
use crate::error::AppError;
use crate::matching::recommend::{Reason, recommend};
use crate::privacy::erasure::{ErasedBy, erase};
use crate::privacy::export::export;
use crate::search::SearchIndex;
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::{Cache, Lists};
use crate::web::search::Card;
use crate::web::session;

/// `/{lang}/me/profile`.
#[derive(Template, WebTemplate)]
#[template(path = "profile.html")]
pub struct ProfilePage {
    pub page: Page,
    pub profile: Profile,
    pub categories: Vec<(String, String)>,
    pub municipalities: super::reference::Options,
    pub slots: Vec<(&'static str, String)>,
    pub genders: Vec<(&'static str, String)>,
    pub errors: Vec<Problem>,
    pub saved: bool,
}

impl ProfilePage {
    /// Whether an interest is chosen.
    pub fn likes(&self, slug: &str) -> bool {
        self.profile.interests.iter().any(|i| i == slug)
    }

    /// Whether an availability slot is chosen.
    pub fn free(&self, slot: &str) -> bool {
        self.profile.availability.iter().any(|a| a == slot)
    }
}

fn profile_page(
    page: Page,
    lists: &Lists,
    profile: Profile,
    errors: Vec<Problem>,
    saved: bool,
) -> ProfilePage {
    let municipalities = lists.municipality_options(page.lang);
    ProfilePage {
        categories: lists
            .categories
            .iter()
            .map(|c| (c.slug.clone(), lists.category_name(&c.slug, page.lang)))
            .collect(),
        municipalities,
        slots: AVAILABILITY_SLOTS
            .iter()
            .map(|s| (*s, page.t(&format!("slot-{s}"))))
            .collect(),
        genders: GENDERS
            .iter()
            .map(|g| (*g, page.t(&format!("stats-key-{g}"))))
            .collect(),
        errors,
        saved,
        profile,
        page: page.titled("profile-title"),
    }
}

/// `?saved=1` after a save.
#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    pub saved: Option<String>,
}

/// `GET /{lang}/me/profile`.
pub async fn profile_form(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let lists = cache.get(&state).await?;
    let profile = state
        .db
        .run(move |conn| profile::load(conn, &me.user_id))
        .await?;
    let saved = query.saved.is_some();
    Ok(page::ok(
        &req,
        profile_page(page, &lists, profile, Vec::new(), saved),
    ))
}

/// `POST /{lang}/me/profile`: the whole form is the new profile (an unticked box is a
/// removed interest).
pub async fn save_profile(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let lists = cache.get(&state).await?;
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let all = |key: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let patch = ProfilePatch {
        display_name: Some(value("display_name")),
        municipality_code: Some(Some(value("municipality_code")).filter(|c| !c.is_empty())),
        language: None,
        gender: Some(Some(value("gender")).filter(|g| !g.is_empty())),
        interests: Some(all("interest")),
        availability: Some(all("availability")),
        wants_support: Some(!value("wants_support").is_empty()),
    };
    let user_id = me.user_id.clone();
    match state
        .db
        .write(move |conn| profile::apply(conn, &user_id, patch))
        .await
    {
        Ok(_) => Ok(page.redirect("/me/profile?saved=1")),
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let profile = state
                .db
                .run(move |conn| profile::load(conn, &me.user_id))
                .await?;
            Ok(page::send(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                profile_page(page, &lists, profile, errors, false),
            ))
        }
        Err(e) => Err(e),
    }
}

/// A recommended task and why, in words.
pub struct Suggestion {
    pub card: Card,
    pub reasons: Vec<String>,
}

/// `/{lang}/me/for-you`.
#[derive(Template, WebTemplate)]
#[template(path = "for_you.html")]
pub struct ForYou {
    pub page: Page,
    pub items: Vec<Suggestion>,
    /// Profile fields that would make the suggestions better, in words.
    pub improve: Vec<String>,
}

fn reason(page: &Page, lists: &Lists, r: &Reason) -> String {
    match r {
        Reason::Category { id } => page.ts(
            "reason-category",
            "name",
            &lists.category_name(id, page.lang),
        ),
        Reason::LikedBefore { id } => page.ts(
            "reason-liked-before",
            "name",
            &lists.category_name(id, page.lang),
        ),
        Reason::Municipality { code } => page.ts(
            "reason-place",
            "name",
            &lists.municipality_name(code, page.lang),
        ),
        Reason::Region { code } => {
            page.ts("reason-place", "name", &lists.region_name(code, page.lang))
        }
        Reason::Remote => page.t("reason-remote"),
        Reason::FitsAvailability { slot } => page.ts(
            "reason-availability",
            "name",
            &page.t(&format!("slot-{slot}")),
        ),
        Reason::Language { code } => page.ts("reason-language", "name", code),
        Reason::BeginnerFriendly => page.t("reason-beginner-friendly"),
        Reason::Supported => page.t("reason-supported"),
        Reason::StartingSoon => page.t("reason-starting-soon"),
    }
}

/// `GET /{lang}/me/for-you`: the recommendations of `GET /api/v1/me/recommendations`.
pub async fn for_you(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    index: web::Data<SearchIndex>,
    cache: web::Data<Cache>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let lists = cache.get(&state).await?;
    let found = crate::search::routes::run(&state, index, move |index, conn, now| {
        recommend(index, conn, &me.user_id, Some(1), Some(20), now)
    })
    .await?;
    let items = found
        .items
        .iter()
        .map(|r| Suggestion {
            card: Card::of(&page, &lists, &r.task),
            reasons: r.reasons.iter().map(|x| reason(&page, &lists, x)).collect(),
        })
        .collect();
    let improve = found
        .improve_with
        .iter()
        .map(|field| page.t(&format!("improve-{field}")))
        .collect();
    Ok(page::ok(
        &req,
        ForYou {
            page: page.titled("for-you-title"),
            items,
            improve,
        },
    ))
}

/// `/{lang}/me/privacy`.
#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
pub struct Privacy {
    pub page: Page,
    pub error: Option<String>,
}

/// `GET /{lang}/me/privacy`.
pub async fn privacy(req: HttpRequest, page: Page) -> Result<HttpResponse, AppError> {
    page.signed_in()?;
    Ok(page::ok(
        &req,
        Privacy {
            page: page.titled("privacy-title"),
            error: None,
        },
    ))
}

/// `GET /{lang}/me/export`: everything kept about the reader, as the API's JSON file.
pub async fn export_mine(page: Page, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let now = state.config.clock.now();
    let document = state
        .db
        .run(move |conn| db::read_tx(conn, |conn| export(conn, &me.user_id, now)))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"talkoot-export.json\"",
        ))
        .json(document))
}

/// What the erase form sends.
#[derive(Debug, Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    pub password: String,
}

/// `POST /{lang}/me/delete`: with the password re-entered, the account is erased and the
/// browser signed out; a wrong password changes nothing and counts like a failed login.
pub async fn delete(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    match confirm_password(&state, &me.user_id, form.password).await {
        Ok(()) => {}
        Err(e @ AppError::Refused { .. }) => {
            let status = actix_web::ResponseError::status_code(&e);
            let error = Some(page.t("privacy-wrong-password"));
            return Ok(page::send(
                &req,
                status,
                Privacy {
                    page: page.titled("privacy-title"),
                    error,
                },
            ));
        }
        Err(e) => return Err(e),
    }
    let notifier = Notifier::new(&state);
    let now = state.config.clock.now();
    let user_id = me.user_id.clone();
    state
        .db
        .write(move |conn| erase(conn, &notifier, &user_id, ErasedBy::TheUser, now))
        .await?;
    state.wake_mailer();
    let mut response = crate::web::account::Notice {
        message: page.t("privacy-deleted"),
        link: None,
        page: {
            let mut p = page.titled("privacy-deleted-title");
            p.user = None;
            p
        },
    };
    response.page.csrf = String::new();
    let mut response = page::ok(&req, response);
    session::forget(&mut response);
    Ok(response)
}
