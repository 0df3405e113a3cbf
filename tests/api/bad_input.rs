//! Bad input gets a 4xx problem that names the field, and nothing is written.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, TestApp, fields, problem, spawn_app};

fn registration() -> Value {
    json!({
        "email": "uusi@example.fi",
        "password": PASSWORD,
        "display_name": "Uusi Käyttäjä",
        "birth_date": "2005-05-05",
        "municipality_code": "091"
    })
}

fn with(key: &str, value: Value) -> Value {
    let mut body = registration();
    body[key] = value;
    body
}

fn without(key: &str) -> Value {
    let mut body = registration();
    body.as_object_mut().unwrap().remove(key);
    body
}

async fn nothing_written(app: &TestApp) {
    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("email_tokens").await, 0);
    assert_eq!(app.count("outbox").await, 0);
}

async fn registration_rejects_each_bad_field_by_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let today = chrono::Utc::now().date_naive();
    let twelve = today - chrono::Months::new(12 * 12);
    let tomorrow = today + chrono::Days::new(1);
    let cases: Vec<(&str, Value, &str)> = vec![
        ("missing email", without("email"), "email"),
        ("missing birth date", without("birth_date"), "birth_date"),
        ("missing password", without("password"), "password"),
        ("email of wrong type", with("email", json!(42)), "email"),
        (
            "birth date of wrong type",
            with("birth_date", json!(20050505)),
            "birth_date",
        ),
        (
            "birth date not a date",
            with("birth_date", json!("2005-13-45")),
            "birth_date",
        ),
        (
            "not an email",
            with("email", json!("ei-sahkoposti")),
            "email",
        ),
        (
            "overlong email",
            with("email", json!(format!("{}@example.fi", "a".repeat(300)))),
            "email",
        ),
        (
            "overlong name",
            with("display_name", json!("n".repeat(101))),
            "display_name",
        ),
        (
            "empty name",
            with("display_name", json!("   ")),
            "display_name",
        ),
        (
            "short password",
            with("password", json!("lyhyt")),
            "password",
        ),
        (
            "overlong password",
            with("password", json!("p".repeat(129))),
            "password",
        ),
        (
            "common password",
            with("password", json!("password123")),
            "password",
        ),
        (
            "under 13",
            with("birth_date", json!(twelve.to_string())),
            "birth_date",
        ),
        (
            "born tomorrow",
            with("birth_date", json!(tomorrow.to_string())),
            "birth_date",
        ),
        (
            "impossible age",
            with("birth_date", json!("1800-01-01")),
            "birth_date",
        ),
        (
            "unknown municipality",
            with("municipality_code", json!("999")),
            "municipality_code",
        ),
        (
            "unknown language",
            with("language", json!("de")),
            "language",
        ),
        ("unknown field", with("is_admin", json!(true)), "is_admin"),
    ];
    for (case, body, field) in cases {
        let response = app.post("/api/v1/auth/register", &body).await;
        assert_eq!(response.status(), 422, "{case}");
        let body = problem(response, 422).await;
        assert_eq!(body["type"], "urn:talkoot:problem:validation-error");
        assert!(fields(&body).contains(&field.to_owned()), "{case}: {body}");
    }
    // Several bad fields are reported together.
    let many =
        json!({ "email": "x", "password": "x", "display_name": "", "birth_date": "2020-01-01" });
    let body = problem(app.post("/api/v1/auth/register", &many).await, 422).await;
    assert_eq!(
        fields(&body),
        ["birth_date", "display_name", "email", "password"]
    );
    nothing_written(&app).await;
}

async fn malformed_bodies_are_problems_too(backend: Backend) {
    let app = spawn_app(backend).await;
    let url = app.url("/api/v1/auth/register");
    let send = |body: Vec<u8>, content_type: &'static str| {
        app.client
            .post(url.clone())
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let broken = problem(
        send(b"{\"email\": ".to_vec(), "application/json")
            .await
            .unwrap(),
        400,
    )
    .await;
    assert_eq!(broken["type"], "urn:talkoot:problem:bad-request");
    problem(
        send(b"[1,2,3]".to_vec(), "application/json").await.unwrap(),
        422,
    )
    .await;
    problem(
        send(
            b"email=a@b.fi".to_vec(),
            "application/x-www-form-urlencoded",
        )
        .await
        .unwrap(),
        415,
    )
    .await;
    problem(
        app.client
            .post(url.clone())
            .body("{}")
            .send()
            .await
            .unwrap(),
        415,
    )
    .await;
    let huge = serde_json::to_vec(&with("display_name", json!("x".repeat(70 * 1024)))).unwrap();
    problem(send(huge, "application/json").await.unwrap(), 413).await;
    nothing_written(&app).await;
}

both_backends!(
    registration_rejects_each_bad_field_by_name,
    malformed_bodies_are_problems_too
);
