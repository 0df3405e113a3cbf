//! What caches may keep: an answer that depends on who asks says so (`Vary:
//! Authorization`), only an anonymous reader's view of something public is `public`, and a
//! service published over https tells browsers to stay on https (HSTS).

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app, spawn_app_with};
use crate::signups_support::{crew, task};

/// `(Cache-Control, Vary)` of a response.
fn cache_headers(response: &reqwest::Response) -> (String, String) {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    (header("cache-control"), header("vary"))
}

const SHARED: &str = "public, max-age=60";
const PRIVATE: &str = "private, no-store";

async fn answers_that_depend_on_the_caller_vary_on_authorization(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "valimuisti").await;
    let id = task(&app, &crew, "Välimuistitalkoot", serde_json::json!({})).await;
    let (reader, _) = app.signed_in("lukija@example.fi").await;
    let task_path = format!("/api/v1/tasks/{id}");
    let card_path = format!("/api/v1/associations/{}", crew.association);

    for path in [&task_path, &card_path] {
        // Anonymous: public for a minute, but only for requests without credentials.
        let anonymous = app.get(path).await;
        assert_eq!(anonymous.status(), 200);
        assert_eq!(
            cache_headers(&anonymous),
            (SHARED.into(), "Authorization".into()),
            "{path}"
        );
        let head = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(
            cache_headers(&head),
            (SHARED.into(), "Authorization".into()),
            "{path}"
        );

        // Signed in, even as a stranger to the association: private to this reader.
        for token in [&reader, &crew.owner] {
            let signed_in = app.get_auth(path, token).await;
            assert_eq!(signed_in.status(), 200);
            assert_eq!(
                cache_headers(&signed_in),
                (PRIVATE.into(), "Authorization".into()),
                "{path}"
            );
        }
    }

    // Why: the two versions differ, the reader's carries their own sign-up hint.
    let anonymous: Value = app.get(&task_path).await.json().await.unwrap();
    let personal: Value = app.get_auth_ok(&task_path, &reader).await;
    assert_ne!(anonymous["sign_up"], personal["sign_up"]);

    // A member's view of a draft is private too.
    let draft = app
        .draft_task(
            &crew.owner,
            &crew.association,
            crate::helpers::task_body("Luonnos", 7),
        )
        .await;
    let own_draft = app
        .get_auth(&format!("/api/v1/tasks/{draft}"), &crew.owner)
        .await;
    assert_eq!(
        cache_headers(&own_draft),
        (PRIVATE.into(), "Authorization".into())
    );
}

async fn hsts_is_sent_when_the_public_address_is_https(backend: Backend) {
    let http = spawn_app(backend).await;
    for path in ["/healthz", "/api/v1/regions", "/api/v1/ei-ole"] {
        let response = http.get(path).await;
        assert!(
            response
                .headers()
                .get("strict-transport-security")
                .is_none(),
            "{path} over a plain-http deployment"
        );
    }

    let https = spawn_app_with(backend, |config| {
        config.public_base_url = "https://talkoot.test".into();
    })
    .await;
    for (path, status) in [
        ("/healthz", 200),
        ("/api/v1/regions", 200),
        ("/api/v1/ei-ole", 404),
    ] {
        let response = https.get(path).await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000",
            "{path}"
        );
    }
    let login = https
        .post(
            "/api/v1/auth/login",
            &serde_json::json!({ "email": "ei@example.fi", "password": "väärä salasana tänään" }),
        )
        .await;
    assert_eq!(login.status(), 401);
    assert_eq!(
        login.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

both_backends!(
    answers_that_depend_on_the_caller_vary_on_authorization,
    hsts_is_sent_when_the_public_address_is_https,
);
