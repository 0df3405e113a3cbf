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
    problem(
        app.client
            .delete(app.url("/api/v1/auth/login"))
            .send()
            .await
            .unwrap(),
        405,
    )
    .await;
    problem(
        app.client
            .get(app.url("/api/v1/auth/register"))
            .send()
            .await
            .unwrap(),
        405,
    )
    .await;
}

both_backends!(probes_and_spec_are_served, framework_errors_are_problems);
