//! Roles as extractors: a handler that takes [`AdminUser`] only runs for an administrator.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::accounts::model;
use crate::auth::AuthUser;
use crate::error::AppError;
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
