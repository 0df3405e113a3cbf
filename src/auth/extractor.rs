//! `AuthUser`: the extractor that makes a handler require a live session.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use crate::auth::sessions;
use crate::error::AppError;
use crate::state::AppState;

/// The caller, proven by a valid access token whose session is still live.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub user_id: String,
    pub session_id: String,
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::internal("AppState missing"))?;
            let claims = state.jwt.verify(&token.ok_or(AppError::Unauthorized)?)?;
            let (sid, sub) = (claims.sid.clone(), claims.sub.clone());
            let live = state
                .db
                .run(move |conn| sessions::is_live(conn, &sid, &sub))
                .await?;
            if !live {
                return Err(AppError::Unauthorized);
            }
            Ok(AuthUser {
                user_id: claims.sub,
                session_id: claims.sid,
            })
        })
    }
}

/// The caller if they sent credentials, `None` for anonymous requests. Credentials that are
/// sent but invalid are still a 401, so a client learns its token has expired.
#[derive(Debug, Clone)]
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl FromRequest for MaybeAuthUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().get(header::AUTHORIZATION).is_none() {
            return Box::pin(async { Ok(MaybeAuthUser(None)) });
        }
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move { Ok(MaybeAuthUser(Some(user.await?))) })
    }
}
