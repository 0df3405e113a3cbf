//! Probes, the served spec, and framework errors in problem+json.

use crate::both_backends;
use crate::helpers::{Backend, problem, spawn_app};

async fn probes_and_spec_are_served(backend: Backend) {
    let app = spawn_app(backend).await;
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert!(ready.headers().contains_key("x-request-id"));
    let spec = app
        .client
        .get(app.url("/openapi.yaml"))
        .send()
        .await
        .unwrap();
    assert_eq!(spec.status(), 200);
    assert_eq!(spec.headers()["content-type"], "application/yaml");
    let served = spec.text().await.unwrap();
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml")).unwrap();
    assert_eq!(served, on_disk);
}

async fn framework_errors_are_problems(backend: Backend) {
    let app = spawn_app(backend).await;
    let missing = problem(
        app.client
            .get(app.url("/api/v1/no-such-thing"))
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
    assert_eq!(missing["type"], "about:blank");
    for (method, path, allow) in [
        (reqwest::Method::DELETE, "/api/v1/auth/login", "POST"),
        (reqwest::Method::GET, "/api/v1/auth/register", "POST"),
        (
            reqwest::Method::PUT,
            "/api/v1/me",
            "GET, HEAD, PATCH, DELETE",
        ),
        (reqwest::Method::POST, "/api/v1/municipalities", "GET, HEAD"),
        (reqwest::Method::POST, "/readyz", "GET, HEAD"),
    ] {
        let response = app
            .client
            .request(method, app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["allow"], allow, "{path}");
        problem(response, 405).await;
    }
}

async fn head_works_wherever_get_does(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/healthz",
        "/readyz",
        "/openapi.yaml",
        "/api/v1/categories",
        "/api/v1/municipalities",
    ] {
        let response = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().await.unwrap().is_empty());
    }
    let response = app.client.head(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(response.status(), 401);
}

async fn graceful_shutdown_answers_requests_in_flight(backend: Backend) {
    let mut app = spawn_app(backend).await;
    // Registrations hash a password (two at a time), so several are in flight at once.
    let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
    let requests: Vec<_> = (0..10)
        .map(|i| {
            let request =
                app.client
                    .post(app.url("/api/v1/auth/register"))
                    .json(&serde_json::json!({
                        "email": format!("lahtija{i}@example.fi"),
                        "password": crate::helpers::PASSWORD,
                        "display_name": "Lähtijä",
                        "birth_date": "2000-01-01"
                    }));
            let done = done.clone();
            tokio::spawn(async move {
                let result = request.send().await.map(|r| r.status().as_u16());
                let _ = done.send(());
                result
            })
        })
        .collect();
    // Once one has been answered the server is busy with the rest: stop it now.
    finished.recv().await;
    app.stop_gracefully().await.expect("clean shutdown");
    let mut answered = 0;
    for request in requests {
        // A request the server had accepted is answered in full, never cut off.
        if let Ok(status) = request.await.unwrap() {
            assert_eq!(status, 202);
            answered += 1;
        }
    }
    assert!(answered > 1, "requests in flight at the stop were answered");
    // What was answered was committed, with its email queued in the same transaction, and
    // nothing was committed for a request that got no answer.
    assert_eq!(app.count("users").await, answered);
    assert_eq!(app.count("outbox").await, answered);
    assert!(
        app.client.get(app.url("/healthz")).send().await.is_err(),
        "no longer listening"
    );
}

both_backends!(
    probes_and_spec_are_served,
    framework_errors_are_problems,
    head_works_wherever_get_does,
    graceful_shutdown_answers_requests_in_flight,
);
