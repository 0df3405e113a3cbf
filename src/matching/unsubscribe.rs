//! One-click unsubscribe from alert emails (RFC 8058), without logging in: each alert email
//! links to `/api/v1/unsubscribe?token=…` and names it in `List-Unsubscribe`. The token is
//! the scope it stops, signed with the server's secret ([`crate::email::signed`]), so it
//! needs no storage, cannot be made for another person's search, and still works after the
//! session it was sent in has ended. `GET` shows what the link stops with a button (a link
//! scanner following it stops nothing); `POST`, what mail clients send, stops it.
//!
//! Unsubscribing a saved search turns its alert `off` (the search stays), a follow's turns
//! its emails off (the follow stays), and the digest's header stops every alert of the
//! user. Doing it twice, or for a search since deleted, is no error.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use diesel::prelude::*;
use html_escape::encode_text as esc;
use serde::Deserialize;

use crate::api::{allow_only, get_or_head};
use crate::db::DbConnection;
use crate::db::schema::{association_follows, associations, saved_searches, users};
use crate::db::stored::StoredEnum;
use crate::email::Notifier;
use crate::email::signed;
use crate::error::AppError;
use crate::i18n::Language;
use crate::matching::saved_searches::Alert;
use crate::state::AppState;

/// What a link was signed for, so it cannot pass for another kind of signed link.
const PURPOSE: &str = "unsubscribe";

/// What one unsubscribe link stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The alerts of one saved search (by id).
    SavedSearch(String),
    /// The emails of one follow: user id, association id.
    Follow(String, String),
    /// Every alert of one user (by id).
    AllAlerts(String),
}

impl Scope {
    fn encode(&self) -> String {
        match self {
            Self::SavedSearch(id) => format!("s:{id}"),
            Self::Follow(user, association) => format!("f:{user}:{association}"),
            Self::AllAlerts(user) => format!("a:{user}"),
        }
    }

    fn decode(value: &str) -> Option<Self> {
        let mut parts = value.split(':');
        let scope = match (parts.next()?, parts.next()?, parts.next()) {
            ("s", id, None) => Self::SavedSearch(id.to_owned()),
            ("f", user, Some(association)) => Self::Follow(user.to_owned(), association.to_owned()),
            ("a", user, None) => Self::AllAlerts(user.to_owned()),
            _ => return None,
        };
        parts.next().is_none().then_some(scope)
    }

    /// The scope of a token, if the server signed it.
    pub fn from_token(key: &[u8], token: &str) -> Option<Self> {
        signed::verify(key, PURPOSE, token).and_then(Self::decode)
    }
}

/// The absolute unsubscribe link of `scope`.
pub fn link(links: &Notifier, scope: &Scope) -> Result<String, AppError> {
    let token = links
        .sign(PURPOSE, &scope.encode())
        .ok_or_else(|| AppError::internal("no key to sign unsubscribe links"))?;
    Ok(links.link(&format!("/api/v1/unsubscribe?token={token}")))
}

/// What a scope is, for the page: the user's language and the name of what stops (`None`
/// when it no longer exists).
fn describe(
    conn: &mut DbConnection,
    scope: &Scope,
) -> Result<(Language, Option<String>), AppError> {
    let language = |conn: &mut DbConnection, user: &str| -> Result<Language, AppError> {
        let code: Option<String> = users::table
            .find(user)
            .select(users::language)
            .first(conn)
            .optional()?;
        Ok(code.map(|c| Language::from_code(&c)).unwrap_or_default())
    };
    Ok(match scope {
        Scope::SavedSearch(id) => {
            let row: Option<(String, String)> = saved_searches::table
                .find(id)
                .select((saved_searches::user_id, saved_searches::name))
                .first(conn)
                .optional()?;
            match row {
                Some((user, name)) => (language(conn, &user)?, Some(name)),
                None => (Language::default(), None),
            }
        }
        Scope::Follow(user, association) => {
            let name: Option<String> = associations::table
                .find(association)
                .select(associations::name)
                .first(conn)
                .optional()?;
            (language(conn, user)?, name)
        }
        Scope::AllAlerts(user) => (language(conn, user)?, Some(String::new())),
    })
}

/// Stops what `scope` covers.
pub fn apply(conn: &mut DbConnection, scope: &Scope) -> Result<(), AppError> {
    let off = Alert::Off.as_str();
    match scope {
        Scope::SavedSearch(id) => {
            diesel::update(saved_searches::table.find(id))
                .set(saved_searches::alert.eq(off))
                .execute(conn)?;
        }
        Scope::Follow(user, association) => {
            diesel::update(
                association_follows::table
                    .filter(association_follows::user_id.eq(user))
                    .filter(association_follows::association_id.eq(association)),
            )
            .set(association_follows::alerts.eq(false))
            .execute(conn)?;
        }
        Scope::AllAlerts(user) => {
            diesel::update(saved_searches::table.filter(saved_searches::user_id.eq(user)))
                .set(saved_searches::alert.eq(off))
                .execute(conn)?;
            diesel::update(
                association_follows::table.filter(association_follows::user_id.eq(user)),
            )
            .set(association_follows::alerts.eq(false))
            .execute(conn)?;
        }
    }
    Ok(())
}

/// Registers `GET` and `POST /unsubscribe`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/unsubscribe")
            .default_service(allow_only("GET, HEAD, POST"))
            .route(get_or_head().to(confirm))
            .route(web::post().to(unsubscribe)),
    );
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    token: String,
}

fn scope_of(state: &AppState, token: &str) -> Result<Scope, AppError> {
    // A link that was not made here leads nowhere.
    Scope::from_token(&state.config.jwt_secret, token).ok_or(AppError::NotFound)
}

async fn confirm(
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = scope_of(&state, &query.token)?;
    let shown = scope.clone();
    let (lang, name) = state.db.run(move |conn| describe(conn, &shown)).await?;
    let action = format!("/api/v1/unsubscribe?token={}", query.token);
    Ok(page(
        lang,
        &body(lang, &scope, name.as_deref(), Some(&action)),
    ))
}

async fn unsubscribe(
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = scope_of(&state, &query.token)?;
    let applied = scope.clone();
    let (lang, name) = state
        .db
        .write(move |conn| {
            let described = describe(conn, &applied)?;
            apply(conn, &applied)?;
            Ok::<_, AppError>(described)
        })
        .await?;
    Ok(page(lang, &body(lang, &scope, name.as_deref(), None)))
}

/// The sentence of the page: what will stop (with a button) or what stopped.
fn body(lang: Language, scope: &Scope, name: Option<&str>, action: Option<&str>) -> String {
    let what = match (scope, name, lang) {
        (_, None, Language::Fi) => "Näitä viestejä ei enää lähetetä.".to_owned(),
        (_, None, Language::Sv) => "De här meddelandena skickas inte längre.".to_owned(),
        (_, None, Language::En) => "These emails are no longer sent.".to_owned(),
        (Scope::SavedSearch(_), Some(n), Language::Fi) => format!("haun ”{}” ilmoitukset", esc(n)),
        (Scope::SavedSearch(_), Some(n), Language::Sv) => {
            format!("aviseringarna för sökningen ”{}”", esc(n))
        }
        (Scope::SavedSearch(_), Some(n), Language::En) => {
            format!("the alerts of your search \"{}\"", esc(n))
        }
        (Scope::Follow(..), Some(n), Language::Fi) => {
            format!("ilmoitukset yhdistyksen {} uusista tehtävistä", esc(n))
        }
        (Scope::Follow(..), Some(n), Language::Sv) => {
            format!("aviseringarna om nya uppdrag från {}", esc(n))
        }
        (Scope::Follow(..), Some(n), Language::En) => {
            format!("the alerts of new tasks from {}", esc(n))
        }
        (Scope::AllAlerts(_), Some(_), Language::Fi) => {
            "kaikki hakujesi ja seuraamiesi yhdistysten ilmoitukset".to_owned()
        }
        (Scope::AllAlerts(_), Some(_), Language::Sv) => {
            "alla aviseringar för dina sökningar och föreningar du följer".to_owned()
        }
        (Scope::AllAlerts(_), Some(_), Language::En) => {
            "every alert of your searches and the associations you follow".to_owned()
        }
    };
    match (action, name, lang) {
        (_, None, _) => format!("<p>{what}</p>"),
        (Some(action), Some(_), Language::Fi) => format!(
            "<p>Lopetetaanko {what}?</p>{}",
            button(action, "Lopeta viestit")
        ),
        (Some(action), Some(_), Language::Sv) => format!(
            "<p>Vill du avsluta {what}?</p>{}",
            button(action, "Avsluta")
        ),
        (Some(action), Some(_), Language::En) => {
            format!("<p>Stop {what}?</p>{}", button(action, "Unsubscribe"))
        }
        (None, Some(_), Language::Fi) => format!("<p>Valmis: {what} on lopetettu.</p>"),
        (None, Some(_), Language::Sv) => format!("<p>Klart: {what} har avslutats.</p>"),
        (None, Some(_), Language::En) => format!("<p>Done: {what} have been stopped.</p>"),
    }
}

fn button(action: &str, label: &str) -> String {
    format!(
        "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">{label}</button></form>",
        html_escape::encode_double_quoted_attribute(action)
    )
}

/// A small self-contained page: nothing external, no script, not to be cached or framed.
fn page(lang: Language, body: &str) -> HttpResponse {
    let (code, title) = match lang {
        Language::Fi => ("fi", "Sähköposti-ilmoitukset"),
        Language::Sv => ("sv", "E-postaviseringar"),
        Language::En => ("en", "Email alerts"),
    };
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ))
        .body(format!(
            "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} · Talkoot</title>\n<style>body {{ font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }} button {{ font-size: 1rem; padding: .5rem 1rem; }}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n"
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_read_back_from_their_encoding_and_nothing_else_does() {
        for scope in [
            Scope::SavedSearch("0190-a".into()),
            Scope::Follow("u".into(), "a".into()),
            Scope::AllAlerts("u".into()),
        ] {
            assert_eq!(Scope::decode(&scope.encode()), Some(scope));
        }
        for bad in ["", "s", "x:1", "s:1:2", "f:1", "a:1:2", "f:1:2:3"] {
            assert_eq!(Scope::decode(bad), None, "{bad}");
        }
    }
}
