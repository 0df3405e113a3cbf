//! Roles as extractors: a handler that takes [`AdminUser`] only runs for an administrator,
//! one that takes [`CounsellorUser`] only for an approved service counsellor.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::accounts::{counsellors, model};
use crate::auth::AuthUser;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::state::AppState;

/// The future every role extractor returns.
type Gate<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// The signed-in user if `holds` finds the role in the database (read on every request,
/// so revoking a role takes effect at once), else `refusal`.
fn gate(
    req: &HttpRequest,
    payload: &mut Payload,
    holds: fn(&mut DbConnection, &str) -> Result<bool, AppError>,
    refusal: fn() -> AppError,
) -> Gate<AuthUser> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let user = AuthUser::from_request(req, payload);
    Box::pin(async move {
        let user = user.await?;
        let state = state.ok_or_else(|| AppError::internal("AppState missing"))?;
        let id = user.user_id.clone();
        if state.db.run(move |conn| holds(conn, &id)).await? {
            Ok(user)
        } else {
            Err(refusal())
        }
    })
}

/// An administrator.
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequest for AdminUser {
    type Error = AppError;
    type Future = Gate<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = gate(req, payload, model::is_admin, || AppError::Forbidden);
        Box::pin(async move { user.await.map(AdminUser) })
    }
}

/// An approved service counsellor; anyone else gets `403 not-a-counsellor`.
#[derive(Debug, Clone)]
pub struct CounsellorUser {
    pub user: AuthUser,
}

impl FromRequest for CounsellorUser {
    type Error = AppError;
    type Future = Gate<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = gate(
            req,
            payload,
            counsellors::is_counsellor,
            counsellors::not_a_counsellor,
        );
        Box::pin(async move { user.await.map(|user| CounsellorUser { user }) })
    }
}
