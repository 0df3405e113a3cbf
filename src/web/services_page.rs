//! An association's services (palvelut) on its members' pages: each one editable in
//! place, removable, and a form to add one. The handlers call `associations::services`,
//! the functions the API's `/associations/{id}/services` routes call; the feature checks
//! the fields and the member checks who may.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::access;
use crate::associations::model::{self, Service};
use crate::associations::services::{self, ServiceInput};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::page::{self, Page};

/// `/{lang}/manage/associations/{id}/services`.
#[derive(Template, WebTemplate)]
#[template(path = "manage_services.html")]
pub struct ServicesPage {
    pub page: Page,
    pub id: String,
    pub services: Vec<Service>,
}

impl ServicesPage {
    /// No service: the add form's fields start empty.
    pub fn no_service(&self) -> Option<&Service> {
        None
    }
}

/// `GET /{lang}/manage/associations/{id}/services`.
pub async fn list(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let (id, services) = state
        .db
        .run(move |conn| {
            let (association, _) = access::member(conn, &key, &user.user_id)?;
            let services = model::services(conn, &association.id)?;
            Ok((association.id, services))
        })
        .await?;
    Ok(page::ok(
        &req,
        ServicesPage {
            page: page.titled("services-title"),
            id,
            services,
        },
    ))
}

/// What a service form sends.
#[derive(Debug, Deserialize)]
pub struct ServiceForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub target_group: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub how_to_get: String,
}

fn text(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

impl ServiceForm {
    fn input(self) -> ServiceInput {
        ServiceInput {
            name: Some(self.name.trim().to_owned()),
            description: Some(text(&self.description)),
            target_group: Some(text(&self.target_group)),
            price: Some(text(&self.price)),
            how_to_get: Some(text(&self.how_to_get)),
        }
    }
}

/// `POST /{lang}/manage/associations/{id}/services`: adds one.
pub async fn add(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ServiceForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let id = state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &key, &user.user_id)?;
            services::create(conn, &association.id, form.input())?;
            Ok(association.id)
        })
        .await?;
    Ok(page.redirect(&format!("/manage/associations/{id}/services")))
}

/// `POST /{lang}/manage/associations/{id}/services/{service}/{save|delete}`.
pub async fn change(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String, String)>,
    CsrfForm(form): CsrfForm<ServiceForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key, service, action) = path.into_inner();
    if action != "save" && action != "delete" {
        return Err(AppError::NotFound);
    }
    let id = state
        .db
        .write(move |conn| {
            let (association, _) = access::member(conn, &key, &user.user_id)?;
            if action == "save" {
                services::update(conn, &association.id, &service, form.input())?;
            } else {
                services::delete(conn, &association.id, &service)?;
            }
            Ok(association.id)
        })
        .await?;
    Ok(page.redirect(&format!("/manage/associations/{id}/services")))
}
