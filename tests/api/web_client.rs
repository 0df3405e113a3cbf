//! A browser for the web pages' tests: its own cookie jar, redirects shown rather than
//! followed, forms posted with their CSRF token as our own pages post them.

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, SET_COOKIE};

use crate::helpers::{PASSWORD, TestApp};

/// A browser: its own cookie jar, redirects shown rather than followed.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub cookies: BTreeMap<String, String>,
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Self {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.address.clone(),
            cookies: BTreeMap::new(),
        }
    }

    pub fn keep(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(SET_COOKIE) {
            let text = value.to_str().unwrap();
            let pair = text.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            let removed = text.to_ascii_lowercase().contains("max-age=0");
            if removed || value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn get(&mut self, path: &str) -> reqwest::Response {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        self.keep(response.headers());
        response
    }

    /// Posts a form as our own page would (`Sec-Fetch-Site: same-origin`).
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.post_from(path, form, "same-origin").await
    }

    pub async fn post_from(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        site: &str,
    ) -> reqwest::Response {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookie_header())
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site)
            .body(body)
            .send()
            .await
            .unwrap();
        self.keep(response.headers());
        response
    }

    /// The CSRF token of a page's forms.
    pub async fn token(&mut self, path: &str) -> String {
        let html = self.get(path).await.text().await.unwrap();
        let at = html
            .find("name=\"csrf\" value=\"")
            .expect("a form with a token");
        let rest = &html[at + "name=\"csrf\" value=\"".len()..];
        rest[..rest.find('"').unwrap()].to_owned()
    }

    /// Logs in through the form; returns the login's response.
    pub async fn log_in(&mut self, email: &str) -> reqwest::Response {
        let token = self.token("/fi/login").await;
        self.post(
            "/fi/login",
            &[
                ("csrf", &token),
                ("email", email),
                ("password", PASSWORD),
                ("next", "/me/signups"),
            ],
        )
        .await
    }
}

pub fn location(response: &reqwest::Response) -> &str {
    response.headers()["location"].to_str().unwrap()
}

/// The value of an attribute in a tag's text (`name="x"`), unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let at = tag.find(&needle)? + needle.len();
    let end = tag[at..].find('"')? + at;
    Some(unescape(&tag[at..end]))
}

/// Undoes askama's HTML escaping (named and numeric character references).
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a browser would send for the first form whose `action` ends with `action`, as
/// the page shows it: text inputs and hidden fields, ticked boxes and radios, textareas
/// and the selected options.
pub fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .match_indices("<form ")
        .map(|(i, _)| i)
        .find(|&i| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            attribute(tag, "action").is_some_and(|a| a.ends_with(action))
        })
        .unwrap_or_else(|| panic!("no form posting to …{action}"));
    let body = &html[start..start + html[start..].find("</form>").unwrap()];
    let mut fields = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        if tag.starts_with("<input ") {
            let kind = attribute(tag, "type").unwrap_or_else(|| "text".into());
            let ticked = tag.contains(" checked");
            if let Some(name) = attribute(tag, "name")
                && (!matches!(kind.as_str(), "checkbox" | "radio") || ticked)
                && kind != "submit"
            {
                fields.push((name, attribute(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea ") {
            let close = rest.find("</textarea>").unwrap();
            if let Some(name) = attribute(tag, "name") {
                fields.push((name, unescape(&rest[end + 1..close])));
            }
        } else if tag.starts_with("<select ") {
            let close = rest.find("</select>").unwrap();
            let options = &rest[end..close];
            let chosen = options
                .split("<option ")
                .skip(1)
                .find(|o| o[..o.find('>').unwrap()].contains(" selected"))
                .or_else(|| options.split("<option ").nth(1))
                .map(|o| attribute(&format!(" {}", &o[..o.find('>').unwrap()]), "value"))
                .unwrap_or_default()
                .unwrap_or_default();
            if let Some(name) = attribute(tag, "name") {
                fields.push((name, chosen));
            }
        }
        rest = &rest[end..];
    }
    fields
}

impl Browser {
    /// Opens `page` (`/fi/…`) and sends its form posting to `action` (the path after the
    /// language) with some fields changed
    /// (`changes` replace every value of their name; a name not on the form is added).
    pub async fn submit(
        &mut self,
        page: &str,
        action: &str,
        changes: &[(&str, &str)],
    ) -> reqwest::Response {
        let html = self.get(page).await.text().await.unwrap();
        let mut fields = form_fields(&html, action);
        for (name, value) in changes {
            fields.retain(|(n, _)| n != name);
            fields.push(((*name).to_owned(), (*value).to_owned()));
        }
        // The language's prefix (`/fi`) and the form's own path.
        let target = format!("{}{action}", &page[..3]);
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post(&target, &pairs).await
    }
}
