//! The two things a person asks the administrators for, in the browser: the service
//! counsellor role (`/me/counsellor`, with where the latest request stands and the reason
//! of a refusal) and ownership of an ownerless association (a claim, from the association's
//! card). The same functions as `POST /api/v1/me/counsellor-request` and
//! `POST /api/v1/associations/{id}/claim`; the administrators decide in `admin_queues`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::accounts::counsellors::{self, RequestInput, RequestStatus, RequestView};
use crate::associations::access::{self, Viewer};
use crate::associations::claims::{self, ClaimRequest};
use crate::associations::hooks::Hooks as AssociationHooks;
use crate::associations::model;
use crate::db::stored::StoredEnum as _;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::account::Notice;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};
use crate::web::reference::{Cache, Options};

/// The counsellor request form, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct CounsellorForm {
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub municipality_code: String,
    #[serde(default)]
    pub work_email: String,
}

/// `/{lang}/me/counsellor`.
#[derive(Template, WebTemplate)]
#[template(path = "counsellor_request.html")]
pub struct CounsellorPage {
    pub page: Page,
    /// The latest request's status code, empty if none was ever made.
    pub status: String,
    pub latest: Option<RequestView>,
    /// When the latest request was made or decided, in words.
    pub when: String,
    /// Whether a new request can be made now (none open, no role held).
    pub can_ask: bool,
    pub form: CounsellorForm,
    pub municipalities: Options,
    pub errors: Vec<Problem>,
    pub sent: bool,
}

impl CounsellorPage {
    /// The problem of a field, for the message under its input.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }
}

/// `?sent=1` after a request.
#[derive(Debug, Default, Deserialize)]
pub struct SentQuery {
    #[serde(default)]
    pub sent: Option<String>,
}

async fn counsellor_page(
    req: &HttpRequest,
    page: Page,
    state: &web::Data<AppState>,
    cache: &web::Data<Cache>,
    form: CounsellorForm,
    errors: Vec<Problem>,
    sent: bool,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let lists = cache.get(state).await?;
    let latest = match state
        .db
        .run(move |conn| counsellors::latest(conn, &me.user_id))
        .await
    {
        Ok(view) => Some(view),
        Err(AppError::NotFound) => None,
        Err(e) => return Err(e),
    };
    let can_ask = latest
        .as_ref()
        .is_none_or(|r| matches!(r.status, RequestStatus::Rejected | RequestStatus::Revoked));
    let http = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let body = CounsellorPage {
        status: latest
            .as_ref()
            .map(|r| r.status.as_str().to_owned())
            .unwrap_or_default(),
        when: latest
            .as_ref()
            .map(|r| {
                let at = r.revoked_at.or(r.decided_at).unwrap_or(r.created_at);
                format::utc_moment(page.lang, at)
            })
            .unwrap_or_default(),
        latest,
        can_ask,
        form,
        municipalities: lists.municipality_options(page.lang),
        errors,
        sent,
        page: page.titled("counsellor-request-title"),
    };
    Ok(page::send(req, http, body))
}

/// `GET /{lang}/me/counsellor`: where my request stands, and the form when I can ask.
pub async fn counsellor(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    query: web::Query<SentQuery>,
) -> Result<HttpResponse, AppError> {
    let sent = query.sent.is_some();
    counsellor_page(
        &req,
        page,
        &state,
        &cache,
        CounsellorForm::default(),
        Vec::new(),
        sent,
    )
    .await
}

/// `POST /{lang}/me/counsellor`: files the request for an administrator to decide; a form
/// the feature refuses comes back with its problems named.
pub async fn ask_counsellor(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    cache: web::Data<Cache>,
    CsrfForm(form): CsrfForm<CounsellorForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let input = RequestInput {
        organisation: form.organisation.clone(),
        title: form.title.clone(),
        municipality_code: form.municipality_code.clone(),
        work_email: Some(form.work_email.trim().to_owned()).filter(|e| !e.is_empty()),
    };
    match state
        .db
        .write(move |conn| counsellors::request(conn, &me.user_id, input))
        .await
    {
        Ok(_) => Ok(page.redirect("/me/counsellor?sent=1")),
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            counsellor_page(&req, page, &state, &cache, form, errors, false).await
        }
        Err(e) => Err(e),
    }
}

/// `/{lang}/associations/{id}/claim`.
#[derive(Template, WebTemplate)]
#[template(path = "association_claim.html")]
pub struct ClaimPage {
    pub page: Page,
    pub id: String,
    pub claimable: bool,
    pub justification: String,
    pub errors: Vec<Problem>,
}

impl ClaimPage {
    /// The problem of a field, for the message under its input.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }
}

/// The association's id and name, and whether it can be claimed now (the card decides:
/// verified and without an owner).
async fn claimable(
    state: &web::Data<AppState>,
    hooks: &web::Data<AssociationHooks>,
    user_id: String,
    key: String,
) -> Result<(String, String, bool), AppError> {
    let hooks = hooks.clone();
    state
        .db
        .run(move |conn| {
            let viewer = Viewer::load(conn, Some(user_id))?;
            let (association, role) = access::visible(conn, &key, &viewer)?;
            let card = model::card(conn, &hooks, association, role)?;
            Ok((card.id, card.name, card.claimable))
        })
        .await
}

/// `GET /{lang}/associations/{id}/claim`: the claim form of an ownerless association, or
/// why it cannot be claimed.
pub async fn claim_form(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<AssociationHooks>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let (_, key) = path.into_inner();
    let (id, name, claimable) = claimable(&state, &hooks, me.user_id, key).await?;
    Ok(page::ok(
        &req,
        ClaimPage {
            page: page.titled_as(&name),
            id,
            claimable,
            justification: String::new(),
            errors: Vec::new(),
        },
    ))
}

/// The claim form.
#[derive(Debug, Default, Deserialize)]
pub struct ClaimForm {
    #[serde(default)]
    pub justification: String,
}

/// `POST /{lang}/associations/{id}/claim`: files the claim for an administrator to decide,
/// then a notice; the claimant is emailed the decision.
pub async fn claim(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    hooks: web::Data<AssociationHooks>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ClaimForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let (_, key) = path.into_inner();
    let user_id = me.user_id.clone();
    let wanted = key.clone();
    let justification = form.justification.clone();
    let filed = state
        .db
        .write(move |conn| {
            let viewer = Viewer {
                user_id: Some(user_id.clone()),
                is_admin: false,
            };
            let (association, _) = access::visible(conn, &wanted, &viewer)?;
            claims::create(
                conn,
                &association.id,
                &user_id,
                ClaimRequest { justification },
            )
        })
        .await;
    match filed {
        Ok(claim) => Ok(page::ok(
            &req,
            Notice {
                message: page.ts("claim-sent", "name", claim.association_name.as_str()),
                link: Some((
                    page.href(&format!("/associations/{}", claim.association_id)),
                    page.t("claim-back"),
                )),
                page: page.titled("claim-sent-title"),
            },
        )),
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let (id, name, claimable) = claimable(&state, &hooks, me.user_id, key).await?;
            Ok(page::send(
                &req,
                StatusCode::UNPROCESSABLE_ENTITY,
                ClaimPage {
                    page: page.titled_as(&name),
                    id,
                    claimable,
                    justification: form.justification,
                    errors,
                },
            ))
        }
        Err(e) => Err(e),
    }
}
