//! Browser sessions: an HttpOnly cookie holding the secret of a row in `sessions`, the
//! table the API's tokens use too, so that logout, a password reset and a suspension end a
//! browser session exactly as they end a token. `/api/v1` never reads this cookie.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use diesel::prelude::*;

use crate::accounts::counsellors;
use crate::auth::sessions;
use crate::config::Config;
use crate::db::schema::users;
use crate::state::AppState;

/// The session cookie.
pub const COOKIE: &str = "talkoot_session";

/// The person signed in to this browser.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: String,
    pub session_id: String,
    pub display_name: String,
    pub is_admin: bool,
    /// An approved service counsellor (palveluohjaaja): may refer clients.
    pub is_counsellor: bool,
}

/// Whether cookies must be `Secure`: everywhere but development over plain http (a browser
/// would drop a `Secure` cookie from `http://localhost`).
pub fn secure(config: &Config) -> bool {
    config.production || config.public_base_url.starts_with("https://")
}

/// The session this request belongs to (after [`resolve`] ran).
pub fn current(req: &HttpRequest) -> Option<SignedIn> {
    req.extensions().get::<SignedIn>().cloned()
}

/// The session id of the request, for binding its CSRF token.
pub fn current_session_id(req: &HttpRequest) -> Option<String> {
    req.extensions()
        .get::<SignedIn>()
        .map(|s| s.session_id.clone())
}

/// The middleware that looks up the session cookie once per request; a cookie of an ended
/// session is cleared.
pub async fn resolve(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let presented = req.cookie(COOKIE).map(|c| c.value().to_owned());
    let mut stale = false;
    if let (Some(secret), Some(state)) = (presented, req.app_data::<web::Data<AppState>>()) {
        let state = state.clone();
        let found = state
            .db
            .run(move |conn| {
                let Some((session_id, user_id)) = sessions::of_browser(conn, &secret)? else {
                    return Ok(None);
                };
                let (display_name, is_admin) = users::table
                    .find(&user_id)
                    .select((users::display_name, users::is_admin))
                    .first::<(String, bool)>(conn)?;
                let is_counsellor = counsellors::role(conn, &user_id)?.is_some();
                Ok(Some(SignedIn {
                    user_id,
                    session_id,
                    display_name,
                    is_admin,
                    is_counsellor,
                }))
            })
            .await?;
        match found {
            Some(signed_in) => {
                req.extensions_mut().insert(signed_in);
            }
            None => stale = true,
        }
    }
    let mut res = next.call(req).await?;
    if stale && !res.response().cookies().any(|c| c.name() == COOKIE) {
        res.response_mut().add_cookie(&removal())?;
    }
    Ok(res)
}

/// The cookie of a new browser session.
pub fn cookie(config: &Config, secret: String) -> Cookie<'static> {
    Cookie::build(COOKIE, secret)
        .path("/")
        .http_only(true)
        .secure(secure(config))
        .same_site(SameSite::Lax)
        .max_age(time::Duration::days(sessions::SESSION_DAYS))
        .finish()
}

/// A cookie that makes the browser forget its session.
pub fn removal() -> Cookie<'static> {
    let mut cookie = Cookie::build(COOKIE, "").path("/").finish();
    cookie.make_removal();
    cookie
}

/// Starts a browser session for a session just started by a login.
pub async fn start(
    state: &AppState,
    session_id: String,
) -> Result<Cookie<'static>, crate::error::AppError> {
    let secret = state
        .db
        .write(move |conn| sessions::attach_browser(conn, &session_id))
        .await?;
    Ok(cookie(&state.config, secret))
}

/// Ends the browser's session (logout): the row is revoked, the cookie removed.
pub async fn end(state: &AppState, signed_in: &SignedIn) -> Result<(), crate::error::AppError> {
    let id = signed_in.session_id.clone();
    state
        .db
        .write(move |conn| sessions::revoke(conn, &id, "logout"))
        .await
}

/// Adds the removal of the session cookie to a response.
pub fn forget(response: &mut HttpResponse) {
    let _ = response.add_cookie(&removal());
}
