//! Nothing the API answers tells whether an address has an account.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, TestApp, spawn_app};

async fn answer(app: &TestApp, path: &str, body: serde_json::Value) -> (u16, String) {
    let response = app.post(path, &body).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn known_and_unknown_addresses_get_identical_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let known = "olemassa@example.fi";
    let unknown = "tuntematon@example.fi";
    app.register_verified(known).await;

    for (path, known_body, unknown_body) in [
        (
            "/api/v1/auth/register",
            json!({ "email": known, "password": PASSWORD, "display_name": "X", "birth_date": "2000-01-01" }),
            json!({ "email": unknown, "password": PASSWORD, "display_name": "X", "birth_date": "2000-01-01" }),
        ),
        (
            "/api/v1/auth/verify-email/resend",
            json!({ "email": known }),
            json!({ "email": "ei-ole@example.fi" }),
        ),
        (
            "/api/v1/auth/password-reset",
            json!({ "email": known }),
            json!({ "email": "ei-ole@example.fi" }),
        ),
    ] {
        let a = answer(&app, path, known_body).await;
        let b = answer(&app, path, unknown_body).await;
        assert_eq!(a, b, "{path} tells known and unknown addresses apart");
        assert_eq!(a.0, 202);
    }

    // Wrong password and unknown email look the same.
    let wrong_password = answer(
        &app,
        "/api/v1/auth/login",
        json!({ "email": known, "password": "väärä salasana tänään" }),
    )
    .await;
    let no_account = answer(
        &app,
        "/api/v1/auth/login",
        json!({ "email": "ei-ole@example.fi", "password": "väärä salasana tänään" }),
    )
    .await;
    assert_eq!(wrong_password, no_account);
    assert_eq!(wrong_password.0, 401);

    // The owner of the taken address is told, instead of a second account being made.
    let mails = app.emails_to(known, 3).await;
    let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    assert!(
        subjects.contains(&"Sinulla on jo Talkoot-tili"),
        "{subjects:?}"
    );
    assert!(subjects.contains(&"Salasanan vaihtaminen"), "{subjects:?}");
    assert_eq!(
        app.count("users").await,
        2,
        "the known account and the one new registration"
    );
}

both_backends!(known_and_unknown_addresses_get_identical_answers);
