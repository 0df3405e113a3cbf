//! The static files of the web front end (htmx, the style sheet), embedded in the binary
//! and served under names that carry a hash of their content: a browser may keep them for a
//! year, and a new release changes the name instead of waiting for a cache to expire.

use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use rust_embed::Embed;

use crate::error::AppError;

#[derive(Embed)]
#[folder = "src/web/static/"]
struct Files;

/// Logical name → served name, and back.
struct Names {
    hashed: HashMap<String, String>,
    logical: HashMap<String, String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let mut names = Names {
        hashed: HashMap::new(),
        logical: HashMap::new(),
    };
    for name in Files::iter() {
        let Some(file) = Files::get(&name) else {
            continue;
        };
        let hash: String = file
            .metadata
            .sha256_hash()
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect();
        let served = match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
            None => format!("{name}.{hash}"),
        };
        names.logical.insert(served.clone(), name.to_string());
        names.hashed.insert(name.to_string(), served);
    }
    names
});

/// The URL of a static file by its name in `src/web/static/` (`"talkoot.css"`); an unknown
/// name is a bug in a template, shown as a link that 404s rather than a failed page.
pub fn url(name: &str) -> String {
    match NAMES.hashed.get(name) {
        Some(served) => format!("/static/{served}"),
        None => format!("/static/{name}"),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// `GET /static/{file}`: only the hashed names are served, each immutable for a year.
pub async fn serve(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let served = path.into_inner();
    let name = NAMES.logical.get(&served).ok_or(AppError::NotFound)?;
    let file = Files::get(name).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type(name)))
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .body(file.data.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_gets_a_hashed_name_that_leads_back_to_it() {
        let css = url("talkoot.css");
        assert!(
            css.starts_with("/static/talkoot.") && css.ends_with(".css"),
            "{css}"
        );
        let served = css.trim_start_matches("/static/");
        assert_eq!(
            NAMES.logical.get(served).map(String::as_str),
            Some("talkoot.css")
        );
        assert_ne!(served, "talkoot.css");
    }
}
