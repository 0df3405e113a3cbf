//! Referrals in the browser. A counsellor refers a client to a task, by email or by a link
//! handed over on the spot, its QR code drawn on the server as SVG; follows their
//! referrals and, where the client shares it, how it went. The client opens the link (or
//! the emailed one), answers with or without sharing, and can stop sharing later. Every
//! step is the `referrals` feature's own function, as the API calls it.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use qrcode::QrCode;
use qrcode::render::svg;
use serde::Deserialize;

use crate::db::stored::StoredEnum as _;
use crate::email::Notifier;
use crate::error::AppError;
use crate::referrals::answers::{self, AcceptInput, DeclineInput, SharingInput};
use crate::referrals::create::{self, Counsellor, CreateInput};
use crate::referrals::views::{self, ClientView, CounsellorView, ListQuery};
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::page::{self, Page};

/// One referral in the counsellor's list.
pub struct SentRow {
    pub offer: String,
    pub to: String,
    pub status: String,
    pub progress: String,
    pub created: String,
}

fn sent_row(page: &Page, v: &CounsellorView) -> SentRow {
    let offer = v
        .offer
        .task
        .as_ref()
        .map_or_else(|| v.offer.association.name.clone(), |t| t.name.clone());
    let progress = match &v.progress {
        Some(p) => match (&p.signup_status, p.hours) {
            (Some(s), Some(h)) => format!(
                "{} · {} h",
                page.t(&format!("signup-status-{s}")),
                format::hours(page.lang, h)
            ),
            (Some(s), None) => page.t(&format!("signup-status-{s}")),
            _ => page.t("referral-shared"),
        },
        None => page.t("referral-not-shared"),
    };
    SentRow {
        offer,
        to: v
            .client_email
            .clone()
            .unwrap_or_else(|| page.t("referral-by-link")),
        status: page.t(&format!("stats-key-{}", v.status.as_str())),
        progress,
        created: format::utc_moment(page.lang, v.created_at),
    }
}

/// `/{lang}/counsellor/referrals`.
#[derive(Template, WebTemplate)]
#[template(path = "counsellor_referrals.html")]
pub struct Sent {
    pub page: Page,
    pub rows: Vec<SentRow>,
}

/// `GET /{lang}/counsellor/referrals`.
pub async fn sent(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in_as(|u| u.is_counsellor)?;
    let clock = state.config.clock.clone();
    let list = state
        .db
        .run(move |conn| {
            let query = ListQuery {
                status: None,
                page: Some(1),
                per_page: Some(100),
            };
            views::list_for_counsellor(conn, &me.user_id, query, clock.now())
        })
        .await?;
    let rows = list.items.iter().map(|v| sent_row(&page, v)).collect();
    Ok(page::ok(
        &req,
        Sent {
            page: page.titled("referrals-sent-title"),
            rows,
        },
    ))
}

/// What the referral form on a task page sends.
#[derive(Debug, Deserialize)]
pub struct ReferForm {
    pub task_id: String,
    #[serde(default)]
    pub client_email: String,
    #[serde(default)]
    pub note: String,
}

/// The link to hand over, with its QR code.
#[derive(Template, WebTemplate)]
#[template(path = "referral_link.html")]
pub struct LinkPage {
    pub page: Page,
    pub offer: String,
    /// `None` for a referral sent by email.
    pub link: Option<String>,
    pub qr_svg: String,
    pub to: String,
}

/// The QR code of a link as an inline SVG element (without the XML declaration), drawn
/// with the `qrcode` crate.
pub fn qr_svg(link: &str) -> Result<String, AppError> {
    let code =
        QrCode::new(link.as_bytes()).map_err(|e| AppError::internal(format!("QR code: {e}")))?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg").unwrap_or(0);
    Ok(image[start..].to_owned())
}

/// `POST /{lang}/counsellor/referrals`: refers a client to a task, by email (an address
/// given) or by a link shown once, with its QR code.
pub async fn refer(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ReferForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in_as(|u| u.is_counsellor)?;
    let links = Notifier::new(&state);
    let config = state.config.clone();
    let input = CreateInput {
        client_email: Some(form.client_email.trim().to_owned()).filter(|e| !e.is_empty()),
        task_id: Some(form.task_id),
        association_id: None,
        service_id: None,
        note: Some(form.note.trim().to_owned()).filter(|n| !n.is_empty()),
    };
    let (view, code) = state
        .db
        .write(move |conn| {
            let now = config.clock.now();
            let who = Counsellor {
                user_id: &me.user_id,
                limits: &config.referrals,
            };
            let created = create::create(conn, &links, &who, input, now)?;
            let code = created.claim_code.clone();
            Ok((views::for_counsellor(conn, created.referral, now)?, code))
        })
        .await?;
    state.wake_mailer();
    state.wake_jobs();
    // The language-less link redirects by the client's browser language.
    let link = code.map(|c| format!("{}/r/{c}", state.config.public_base_url));
    let qr = match &link {
        Some(l) => qr_svg(l)?,
        None => String::new(),
    };
    let row = sent_row(&page, &view);
    Ok(page::ok(
        &req,
        LinkPage {
            page: page.titled("referral-made-title"),
            offer: row.offer,
            link,
            qr_svg: qr,
            to: row.to,
        },
    ))
}

/// `/{lang}/r/{code}`: the page a referral link opens.
#[derive(Template, WebTemplate)]
#[template(path = "referral_claim.html")]
pub struct ClaimPage {
    pub page: Page,
    pub code: String,
}

/// `GET /{lang}/r/{code}`: asks a signed-in reader to open it (a link opened does nothing
/// by itself); others are asked to log in or register first and come back.
pub async fn claim_page(
    req: HttpRequest,
    page: Page,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, code) = path.into_inner();
    Ok(page::ok(
        &req,
        ClaimPage {
            page: page.titled("referral-claim-title"),
            code,
        },
    ))
}

/// What the claim form sends.
#[derive(Debug, Deserialize)]
pub struct ClaimForm {
    pub code: String,
}

/// `POST /{lang}/r/claim`: binds the referral to the reader, then shows it.
pub async fn claim(
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ClaimForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let clock = state.config.clock.clone();
    let referral = state
        .db
        .write(move |conn| answers::claim(conn, &form.code, &me.user_id, clock.now()))
        .await?;
    Ok(page.redirect(&format!("/me/referrals/{}", referral.id)))
}

/// `/{lang}/me/referrals` and `/{lang}/me/referrals/{id}`.
#[derive(Template, WebTemplate)]
#[template(path = "my_referrals.html")]
pub struct Received {
    pub page: Page,
    pub items: Vec<ClientView>,
    /// One referral opened (its answers shown).
    pub single: bool,
}

impl Received {
    /// What a referral offers, in words.
    pub fn offer(&self, v: &ClientView) -> String {
        v.offer
            .task
            .as_ref()
            .map_or_else(|| v.offer.association.name.clone(), |t| t.name.clone())
    }

    /// A referral's status in words.
    pub fn status(&self, v: &ClientView) -> String {
        self.page.t(&format!("stats-key-{}", v.status.as_str()))
    }

    /// Whether it still waits for an answer.
    pub fn open(&self, v: &ClientView) -> bool {
        v.status == crate::referrals::model::ReferralStatus::Sent
    }
}

/// `GET /{lang}/me/referrals`.
pub async fn received(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let clock = state.config.clock.clone();
    let list = state
        .db
        .run(move |conn| {
            let query = ListQuery {
                status: None,
                page: Some(1),
                per_page: Some(100),
            };
            views::list_for_client(conn, &me.user_id, query, clock.now())
        })
        .await?;
    Ok(page::ok(
        &req,
        Received {
            page: page.titled("referrals-received-title"),
            items: list.items,
            single: false,
        },
    ))
}

/// `GET /{lang}/me/referrals/{id}`.
pub async fn one(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let (_, id) = path.into_inner();
    let clock = state.config.clock.clone();
    let view = state
        .db
        .run(move |conn| {
            let referral = answers::find_for_client(conn, &id, &me.user_id)?;
            views::for_client(conn, referral, clock.now())
        })
        .await?;
    Ok(page::ok(
        &req,
        Received {
            page: page.titled("referral-title"),
            items: vec![view],
            single: true,
        },
    ))
}

/// What the answer forms send: `share_progress` is a checkbox, `message` and `reason`
/// optional words.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub share_progress: Option<String>,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub reason: String,
}

/// `POST /{lang}/me/referrals/{id}/{accept|decline|sharing}`.
pub async fn answer(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    let me = page.signed_in()?;
    let (_, id, action) = path.into_inner();
    let links = Notifier::new(&state);
    let clock = state.config.clock.clone();
    let share = form.share_progress.is_some();
    let referral_id = id.clone();
    state
        .db
        .write(move |conn| {
            let now = clock.now();
            let id = referral_id;
            match action.as_str() {
                "accept" => answers::accept(
                    conn,
                    &links,
                    &id,
                    &me.user_id,
                    AcceptInput {
                        share_progress: share,
                        message: Some(form.message.trim().to_owned()).filter(|m| !m.is_empty()),
                    },
                    now,
                ),
                "decline" => answers::decline(
                    conn,
                    &links,
                    &id,
                    &me.user_id,
                    DeclineInput {
                        reason: Some(form.reason.trim().to_owned()).filter(|r| !r.is_empty()),
                    },
                    now,
                ),
                "sharing" => answers::set_sharing(
                    conn,
                    &id,
                    &me.user_id,
                    SharingInput {
                        share_progress: share,
                    },
                    now,
                ),
                _ => Err(AppError::NotFound),
            }
        })
        .await?;
    state.wake_mailer();
    Ok(page.redirect(&format!("/me/referrals/{id}")))
}
