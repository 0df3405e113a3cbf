//! Roles as extractors: a handler that takes [`AdminUser`] only runs for an administrator,
//! one that takes [`CounsellorUser`] only for an approved service counsellor.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::accounts::{counsellors, model};
use crate::auth::AuthUser;
use crate::error::{AppError, ProblemType};
use crate::state::AppState;

/// An administrator (the role is read from the database on every request, so revoking it
/// takes effect at once).
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequest for AdminUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            let state = state.ok_or_else(|| AppError::internal("AppState missing"))?;
            let id = user.user_id.clone();
            if state.db.run(move |conn| model::is_admin(conn, &id)).await? {
                Ok(AdminUser(user))
            } else {
                Err(AppError::Forbidden)
            }
        })
    }
}

/// An approved service counsellor (read from the database on every request, so an
/// administrator's revocation takes effect at once). Anyone else gets
/// `403 not-a-counsellor`.
#[derive(Debug, Clone)]
pub struct CounsellorUser {
    pub user: AuthUser,
}

impl FromRequest for CounsellorUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            let state = state.ok_or_else(|| AppError::internal("AppState missing"))?;
            let id = user.user_id.clone();
            match state
                .db
                .run(move |conn| counsellors::role(conn, &id))
                .await?
            {
                Some(_) => Ok(CounsellorUser { user }),
                None => Err(AppError::ineligible(
                    ProblemType::NotACounsellor,
                    "Only an approved service counsellor can do this.",
                )),
            }
        })
    }
}
