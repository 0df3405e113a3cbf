//! An association's members and invitations on its owners' pages: who manages it and in
//! which role, the invitations still unanswered (with their expiry), a form to invite
//! someone by email, and changing a role or removing a member. Only owners see it, as
//! only owners may call `GET /api/v1/associations/{id}/members`; any member may leave.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use crate::associations::access;
use crate::associations::invitations::{self, InviteRequest};
use crate::associations::members::{self, ChangeRole, Members};
use crate::associations::model::{EDITOR, OWNER};
use crate::error::AppError;
use crate::state::AppState;
use crate::web::csrf::CsrfForm;
use crate::web::format;
use crate::web::forms::{self, Problem};
use crate::web::page::{self, Page};

/// `/{lang}/manage/associations/{id}/members`.
#[derive(Template, WebTemplate)]
#[template(path = "manage_members.html")]
pub struct MembersPage {
    pub page: Page,
    pub id: String,
    pub me: String,
    pub members: Members,
    pub errors: Vec<Problem>,
    pub email: String,
    pub role: String,
    /// Set after an invitation was sent: the address it went to.
    pub invited: Option<String>,
}

impl MembersPage {
    /// The roles an owner may give.
    pub fn roles(&self) -> [&'static str; 2] {
        [EDITOR, OWNER]
    }

    /// A time in the page's language.
    pub fn moment(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        format::utc_moment(self.page.lang, *at)
    }

    /// The message under a field, if it was refused.
    pub fn error_of(&self, field: &str) -> Option<&Problem> {
        forms::of(&self.errors, field)
    }
}

async fn load(
    state: &AppState,
    key: String,
    user_id: String,
) -> Result<(String, Members), AppError> {
    state
        .db
        .run(move |conn| {
            let association = access::owner(conn, &key, &user_id)?;
            let members = members::list(conn, &association.id)?;
            Ok((association.id, members))
        })
        .await
}

/// `?invited=` after an invitation.
#[derive(Debug, Deserialize)]
pub struct InvitedQuery {
    #[serde(default)]
    pub invited: String,
}

/// `GET /{lang}/manage/associations/{id}/members`.
pub async fn list(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<InvitedQuery>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let me = user.user_id.clone();
    let (id, members) = load(&state, key, user.user_id).await?;
    // Only an address really waiting for an answer: a crafted link cannot show a notice.
    let asked = query.into_inner().invited;
    let invited = members
        .invitations
        .iter()
        .any(|i| i.email == asked)
        .then_some(asked);
    Ok(page::ok(
        &req,
        MembersPage {
            page: page.titled("members-title"),
            id,
            me,
            members,
            errors: Vec::new(),
            email: String::new(),
            role: EDITOR.to_owned(),
            invited,
        },
    ))
}

/// What the invitation form sends.
#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

/// `POST /{lang}/manage/associations/{id}/members`: invites an address. The answer is
/// the same whether or not it has an account, as the API's.
pub async fn invite(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key) = path.into_inner();
    let app = state.get_ref().clone();
    let (inviter, association_key) = (user.user_id.clone(), key.clone());
    let request = InviteRequest {
        email: form.email.clone(),
        role: Some(form.role.clone()).filter(|r| !r.is_empty()),
    };
    let sent = state
        .db
        .write(move |conn| {
            let association = access::owner(conn, &association_key, &inviter)?;
            let invited = invitations::invite(conn, &app, &association, &inviter, request)?;
            Ok((association.id, invited))
        })
        .await;
    match sent {
        Ok((id, invited)) => {
            state.wake_mailer();
            let query =
                serde_urlencoded::to_string([("invited", invited.email)]).unwrap_or_default();
            Ok(page.redirect(&format!("/manage/associations/{id}/members?{query}")))
        }
        Err(AppError::Validation(fields)) => {
            let errors = forms::problems(&page, &fields);
            let me = user.user_id.clone();
            let (id, members) = load(&state, key, user.user_id).await?;
            let body = MembersPage {
                page: page.titled("members-title"),
                id,
                me,
                members,
                errors,
                email: form.email,
                role: form.role,
                invited: None,
            };
            Ok(page::send(&req, StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Err(e) => Err(e),
    }
}

/// What the role form sends.
#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub role: String,
}

/// `POST /{lang}/manage/associations/{id}/members/{user}/{role|remove}`. Leaving (removing
/// oneself) is open to any member and goes to one's own associations.
pub async fn change(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String, String)>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let user = page.signed_in()?;
    let (_, key, member, action) = path.into_inner();
    let leaving = member == user.user_id && action == "remove";
    let id = state
        .db
        .write(move |conn| {
            let association = if leaving {
                access::member(conn, &key, &user.user_id)?.0
            } else {
                access::owner(conn, &key, &user.user_id)?
            };
            match action.as_str() {
                "role" => members::change_role(
                    conn,
                    &user.user_id,
                    &association.id,
                    &member,
                    ChangeRole { role: form.role },
                )?,
                "remove" => members::remove(conn, &user.user_id, &association.id, &member)?,
                _ => return Err(AppError::NotFound),
            }
            Ok(association.id)
        })
        .await?;
    Ok(if leaving {
        page.redirect("/me/associations")
    } else {
        page.redirect(&format!("/manage/associations/{id}/members"))
    })
}
