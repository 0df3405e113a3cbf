//! The web front end over HTTP, as a browser speaks to it (no redirects followed, cookies
//! kept by hand): languages, headers, cookies, CSRF, and a browser session that ends with
//! the same events as a token's. The user stories in a real Chromium are in tests/browser.

use reqwest::header::SET_COOKIE;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, spawn_app, spawn_app_with};
use crate::web_client::{Browser, location};

/// A hidden character in a page's address is refused as the API refuses it, but as a page
/// in the reader's language.
async fn hidden_characters_in_a_page_address_get_a_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut browser = Browser::new(&app);
    for (path, status) in [
        ("/sv/tasks?q=a%E2%80%8Bb", 422),
        ("/sv/tasks/%00", 404),
        ("/sv/login?next=%00", 422),
    ] {
        let response = browser.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        let html = response.text().await.unwrap();
        assert!(html.contains("<html lang=\"sv\""), "{path}");
    }
    // The API keeps its problem+json.
    let api = app.get("/api/v1/tasks?q=a%E2%80%8Bb").await;
    assert_eq!(api.status(), 422);
    assert_eq!(api.headers()["content-type"], "application/problem+json");
}

/// The register form's inline check names what is wrong with the fields filled so far,
/// stores nothing and sends nothing, and says nothing of whether an account exists.
async fn the_register_form_is_checked_inline_without_storing_anything(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified("olemassa@example.fi").await;
    let users = app.count("users").await;
    let mails = app.emails().len();
    let mut browser = Browser::new(&app);
    let token = browser.token("/fi/register").await;
    let check = |email: &'static str, birth: &'static str| {
        vec![
            ("csrf", token.clone()),
            ("display_name", "Onni".to_owned()),
            ("email", email.to_owned()),
            ("password", String::new()),
            ("birth_date", birth.to_owned()),
        ]
    };
    let bad = check("onni@", "2090-01-01");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = browser.post("/fi/register/check", &bad).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"error-email\""), "{html}");
    assert!(html.contains("id=\"error-birth_date\""), "{html}");
    assert!(
        !html.contains("id=\"error-password\""),
        "an empty field is not nagged about"
    );
    // A known address and an unknown one read the same.
    let answers = {
        let mut out = Vec::new();
        for email in ["olemassa@example.fi", "uusi@example.fi"] {
            let pairs = check(email, "2008-05-05");
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let html = browser
                .post("/fi/register/check", &pairs)
                .await
                .text()
                .await
                .unwrap();
            assert!(!html.contains("field-error"), "{html}");
            // The email's own box, the part htmx swaps in.
            let start = html.find("<p class=\"field\" id=\"box-email\">").unwrap();
            let end = start + html[start..].find("</p>").unwrap();
            out.push(html[start..end].replace(email, "ADDRESS"));
        }
        out
    };
    assert_eq!(answers[0], answers[1]);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.count("users").await, users, "nothing stored");
    assert_eq!(app.emails().len(), mails, "nothing sent");
}

both_backends!(
    the_register_form_is_checked_inline_without_storing_anything,
    hidden_characters_in_a_page_address_get_a_page,
    pages_speak_the_language_of_their_path,
    pages_carry_the_security_headers,
    unsafe_requests_without_a_token_or_from_elsewhere_are_refused,
    a_browser_session_is_a_hardened_cookie_and_ends_like_a_token,
    a_password_reset_ends_the_browser_session,
    cookies_are_secure_where_the_service_is_https,
    each_group_s_pages_refuse_the_others,
    the_links_in_emails_land_on_pages,
    the_search_page_loads_in_under_60_kb_compressed,
    search_answers_htmx_with_the_results_alone,
    static_files_are_hashed_compressed_and_immutable,
);

async fn pages_speak_the_language_of_their_path(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut browser = Browser::new(&app);
    for (lang, heading) in [
        ("fi", "Löydä vapaaehtoistehtävä"),
        ("sv", "Hitta ett frivilliguppdrag"),
        ("en", "Find a volunteer task"),
    ] {
        let response = browser.get(&format!("/{lang}/")).await;
        assert_eq!(response.status(), 200, "{lang}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(html.contains(heading), "{lang}");
        // The switcher keeps the page.
        assert!(html.contains("href=\"/sv/\""));
    }
    // `/` and paths without a language follow Accept-Language; email links land there.
    for (accept, path, target) in [
        ("sv-FI,sv;q=0.9,en;q=0.5", "/", "/sv/"),
        (
            "en-GB",
            "/verify-email?token=abc",
            "/en/verify-email?token=abc",
        ),
        ("de", "/tasks/123", "/fi/tasks/123"),
        ("en", "/sv", "/sv/"),
    ] {
        let response = browser
            .client
            .get(app.url(path))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(location(&response), target);
    }
    // A page that does not exist is a 404 page in the reader's language; the API keeps
    // its problem+json.
    let missing = browser.get("/sv/no-such-page").await;
    assert_eq!(missing.status(), 404);
    let html = missing.text().await.unwrap();
    assert!(html.contains("Sidan finns inte"), "{html}");
    let missing = browser.get("/en/tasks/no-such-task").await;
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Page not found"));
    let api = browser.get("/api/v1/no-such-thing").await;
    assert_eq!(api.status(), 404);
    assert_eq!(api.headers()["content-type"], "application/problem+json");
    // Every text resolves: none falls back to Fluent's "unknown" marker.
    for path in [
        "/en/",
        "/en/tasks",
        "/en/login",
        "/en/register",
        "/en/reset-password",
    ] {
        let html = browser.get(path).await.text().await.unwrap();
        assert!(!html.contains("Unknown localization"), "{path}");
    }
}

async fn pages_carry_the_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut browser = Browser::new(&app);
    for path in ["/fi/", "/fi/tasks", "/fi/login", "/fi/nothing-here"] {
        let response = browser.get(path).await;
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["cache-control"], "no-store", "{path}");
    }
    // No inline script or style anywhere: the CSP would block it.
    let html = browser.get("/fi/tasks").await.text().await.unwrap();
    assert!(!html.contains("<script>") && !html.contains("style=\""));
}

async fn unsafe_requests_without_a_token_or_from_elsewhere_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified("aino@example.fi").await;
    let mut browser = Browser::new(&app);
    let token = browser.token("/fi/login").await;
    assert!(browser.cookies.contains_key("talkoot_csrf"));
    let creds = [("email", "aino@example.fi"), ("password", PASSWORD)];
    // No token, a wrong token, and the right token from another site: 403, no session.
    let mut without = creds.to_vec();
    let refused = browser.post("/fi/login", &without).await;
    assert_eq!(refused.status(), 403);
    assert!(refused.text().await.unwrap().contains("<html lang=\"fi\">"));
    without.push(("csrf", "forged"));
    assert_eq!(browser.post("/fi/login", &without).await.status(), 403);
    let mut with = creds.to_vec();
    with.push(("csrf", &token));
    let cross = browser.post_from("/fi/login", &with, "cross-site").await;
    assert_eq!(cross.status(), 403);
    // Without Sec-Fetch-Site, the Origin decides.
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&with)
        .finish();
    let foreign = browser
        .client
        .post(app.url("/fi/login"))
        .header("cookie", browser.cookie_header())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://evil.example")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(!browser.cookies.contains_key("talkoot_session"));
    // A token of another browser (another random cookie) is no good either.
    let mut other = Browser::new(&app);
    let _ = other.token("/fi/login").await;
    other.cookies.insert(
        "talkoot_csrf".into(),
        browser.cookies["talkoot_csrf"].clone() + "x",
    );
    assert_eq!(other.post("/fi/login", &with).await.status(), 403);
    // The same form, done right, logs in.
    let done = browser.post("/fi/login", &with).await;
    assert_eq!(done.status(), 303);
    assert!(browser.cookies.contains_key("talkoot_session"));
}

async fn a_browser_session_is_a_hardened_cookie_and_ends_like_a_token(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified("aino@example.fi").await;
    let mut browser = Browser::new(&app);
    let response = browser.log_in("aino@example.fi").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/fi/me/signups");
    let set_cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("talkoot_session="))
        .expect("a session cookie");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    // Development over http: not Secure (the browser would drop it); see the next test.
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");
    // The session is a row of `sessions`, holding only the secret's hash.
    let secret = browser.cookies["talkoot_session"].clone();
    let hash = talkoot::auth::tokens::hash(&secret);
    let stored: i64 = app
        .db(move |conn| {
            use diesel::prelude::*;
            use talkoot::db::schema::sessions;
            sessions::table
                .filter(sessions::browser_token_hash.eq(hash))
                .filter(sessions::revoked_at.is_null())
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(stored, 1);

    let mine = browser.get("/fi/me/signups").await;
    assert_eq!(mine.status(), 200);
    assert_eq!(mine.headers()["cache-control"], "no-store");
    assert!(mine.text().await.unwrap().contains("Kirjaudu ulos (Aino)"));
    // The API never reads the cookie.
    let api = browser
        .client
        .get(app.url("/api/v1/me"))
        .header("cookie", browser.cookie_header())
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 401);
    // Logging out ends the session row, not just the cookie: the old cookie is dead too.
    let token = browser.token("/fi/me/signups").await;
    let out = browser.post("/fi/logout", &[("csrf", &token)]).await;
    assert_eq!(out.status(), 303);
    assert!(!browser.cookies.contains_key("talkoot_session"));
    browser
        .cookies
        .insert("talkoot_session".into(), secret.clone());
    let after = browser.get("/fi/me/signups").await;
    assert_eq!(after.status(), 303);
    assert!(location(&after).starts_with("/fi/login?next="));
    // …and the browser is told to forget it.
    assert!(!browser.cookies.contains_key("talkoot_session"));
}

async fn a_password_reset_ends_the_browser_session(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified("aino@example.fi").await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.log_in("aino@example.fi").await.status(), 303);
    assert_eq!(browser.get("/fi/me/signups").await.status(), 200);
    // The reset, done through the web pages themselves.
    let token = browser.token("/fi/reset-password").await;
    let asked = browser
        .post(
            "/fi/reset-password",
            &[("csrf", &token), ("email", "aino@example.fi")],
        )
        .await;
    assert_eq!(asked.status(), 200);
    let mail = app.last_email_to("aino@example.fi", 2).await;
    let reset_token = mail.token();
    let mut phone = Browser::new(&app);
    let form = phone
        .token(&format!("/fi/reset-password?token={reset_token}"))
        .await;
    let done = phone
        .post(
            "/fi/reset-password/confirm",
            &[
                ("csrf", &form),
                ("token", &reset_token),
                ("new_password", "toinen pitkä salasana syksyllä 2026"),
            ],
        )
        .await;
    assert_eq!(done.status(), 200);
    // The first browser's session ended with every other.
    let after = browser.get("/fi/me/signups").await;
    assert_eq!(after.status(), 303);
    let login = app
        .post(
            "/api/v1/auth/login",
            &json!({ "email": "aino@example.fi", "password": "toinen pitkä salasana syksyllä 2026" }),
        )
        .await;
    assert_eq!(login.status(), 200);
}

async fn search_answers_htmx_with_the_results_alone(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut browser = Browser::new(&app);
    let whole = browser.get("/en/tasks?q=garden").await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["vary"], "HX-Request");
    let html = whole.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("id=\"results\""));
    let fragment = browser
        .client
        .get(app.url("/en/tasks?q=garden"))
        .header("hx-request", "true")
        .send()
        .await
        .unwrap();
    assert_eq!(fragment.status(), 200);
    assert_eq!(fragment.headers()["vary"], "HX-Request");
    let part = fragment.text().await.unwrap();
    assert!(
        part.trim_start().starts_with("<section id=\"results\""),
        "{part}"
    );
    assert!(!part.contains("<html"));
    // A bad filter is named on the page, not a 500.
    let bad = browser.get("/en/tasks?age=abc").await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("href=\"#field-age\""));
}

async fn static_files_are_hashed_compressed_and_immutable(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut browser = Browser::new(&app);
    let html = browser.get("/fi/").await.text().await.unwrap();
    let at = html.find("/static/htmx-").expect("htmx is linked");
    let url = &html[at..at + html[at..].find('"').unwrap()];
    let response = browser
        .client
        .get(app.url(url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    // The unhashed name is not served: a stale copy can never be cached under it.
    let plain = browser.get("/static/htmx-2.0.11.min.js").await;
    assert_eq!(plain.status(), 404);
}

async fn cookies_are_secure_where_the_service_is_https(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.public_base_url = "https://talkoot.test".into();
    })
    .await;
    app.register_verified("aino@example.fi").await;
    let mut browser = Browser::new(&app);
    let response = browser.log_in("aino@example.fi").await;
    assert_eq!(response.status(), 303);
    let cookies: Vec<String> = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("talkoot_session="))
        .expect("a session cookie");
    assert!(
        session.contains("Secure") && session.contains("HttpOnly"),
        "{session}"
    );
}

async fn each_group_s_pages_refuse_the_others(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("admin@example.fi").await;
    let (owner, _) = app.signed_in("owner@example.fi").await;
    let association = app
        .verified_association(&owner, &admin, "Kotkan Kuoro ry", "285")
        .await;
    app.register_verified("aino@example.fi").await;
    // Nobody signed in: the personal pages send to the login page and come back.
    let mut anonymous = Browser::new(&app);
    for path in ["/fi/me/signups", "/fi/me/record", "/fi/admin/figures"] {
        let response = anonymous.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        let next: String = url::form_urlencoded::byte_serialize(&path.as_bytes()[3..]).collect();
        assert_eq!(
            location(&response),
            format!("/fi/login?next={next}"),
            "{path}"
        );
    }
    // A volunteer is no administrator, counsellor or member of the association.
    let mut aino = Browser::new(&app);
    assert_eq!(aino.log_in("aino@example.fi").await.status(), 303);
    for path in [
        "/en/admin/associations".to_owned(),
        "/en/admin/figures".to_owned(),
        "/en/counsellor/referrals".to_owned(),
        format!("/en/manage/associations/{association}"),
        format!("/en/manage/associations/{association}/tasks/new"),
    ] {
        let response = aino.get(&path).await;
        assert_eq!(response.status(), 403, "{path}");
        assert!(
            response.text().await.unwrap().contains("Not allowed"),
            "{path}"
        );
    }
    let token = aino.token("/en/me/signups").await;
    let verify = aino
        .post(
            &format!("/en/admin/associations/{association}/suspend"),
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(verify.status(), 403);
    // The owner manages it; the card is public.
    let mut member = Browser::new(&app);
    assert_eq!(member.log_in("owner@example.fi").await.status(), 303);
    let page = member
        .get(&format!("/fi/manage/associations/{association}"))
        .await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Kotkan Kuoro ry"));
    assert_eq!(
        anonymous
            .get(&format!("/sv/associations/{association}"))
            .await
            .status(),
        200
    );
}

/// The first load of the search page on a phone: the HTML, the style sheet and htmx, as
/// sent with gzip, stay under 60 KB together.
async fn the_search_page_loads_in_under_60_kb_compressed(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("admin@example.fi").await;
    let (owner, _) = app.signed_in("owner@example.fi").await;
    let association = app
        .verified_association(&owner, &admin, "Kotkan Kuoro ry", "285")
        .await;
    for n in 0..20 {
        let body = crate::helpers::task_body(&format!("Kuoron konserttiapu {n}"), 10 + n);
        app.published_task(&owner, &association, body).await;
    }
    let client = reqwest::Client::new();
    let fetch = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move {
            let response = client
                .get(url)
                .header("accept-encoding", "gzip")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{path}");
            assert_eq!(response.headers()["content-encoding"], "gzip", "{path}");
            response.bytes().await.unwrap().len()
        }
    };
    let html = reqwest::get(app.url("/fi/tasks"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Kuoron konserttiapu"));
    let assets: Vec<String> = html
        .split('"')
        .filter(|part| part.starts_with("/static/"))
        .map(str::to_owned)
        .collect();
    assert_eq!(assets.len(), 2, "{assets:?}");
    let mut total = fetch("/fi/tasks".to_owned()).await;
    for asset in assets {
        total += fetch(asset).await;
    }
    assert!(total < 60 * 1024, "{total} bytes");
}

/// Every path the emails link to, without a language, ends on a page (or, for a page that
/// needs a login, on the login page that comes back to it) — never on a 404.
async fn the_links_in_emails_land_on_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let mail = app.register_verified("aino@example.fi").await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.log_in("aino@example.fi").await.status(), 303);
    let verify = mail
        .body
        .split_whitespace()
        .find(|w| w.contains("/verify-email?token="))
        .expect("a link in the email")
        .to_owned();
    let verify_path = &verify[verify.find("/verify-email").unwrap()..];
    // (emailed path, where it lands, status there); the made-up ids land on the right
    // page, which then says it does not know them.
    let verify_target = format!("/fi{verify_path}");
    for (path, target, expected) in [
        (verify_path, verify_target.as_str(), 200),
        ("/tasks", "/fi/tasks", 200),
        (
            "/tasks/some-task/signups",
            "/fi/manage/tasks/some-task",
            404,
        ),
        ("/referrals", "/fi/counsellor/referrals", 403),
        (
            "/referrals/some-referral",
            "/fi/me/referrals/some-referral",
            404,
        ),
        ("/me/record", "/fi/me/record", 200),
        ("/me/saved-searches", "/fi/me/saved-searches", 200),
        ("/register", "/fi/register", 200),
        ("/reset-password", "/fi/reset-password", 200),
        ("/invitations?token=abc", "/fi/invitations?token=abc", 200),
    ] {
        let mut at = path.to_owned();
        let mut hops = 0;
        let status = loop {
            let response = browser.get(&at).await;
            if response.status() != 303 || hops > 4 {
                break response.status();
            }
            at = location(&response).to_owned();
            hops += 1;
        };
        assert_eq!(at, target, "{path}");
        assert_eq!(status, expected, "{path} ended at {at}");
    }
}
