//! What the server logs about a request: the route pattern and the status, tied to the
//! response by its request id; never a record code, a token, an address, an id from the
//! path or the text of a query.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, capture_logs, spawn_app};

/// The request id the server answered with.
fn request_id(response: &reqwest::Response) -> String {
    response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned()
}

async fn request_lines_name_the_route_and_status_and_nothing_the_client_sent(backend: Backend) {
    let app = spawn_app(backend).await;
    let logs = capture_logs();
    let email = "lokin-ulkopuolella@example.fi";
    let verification = app.register_verified(email).await.token();
    let (access, refresh) = app.tokens(email).await;

    // (request id, route pattern, status) of each request below.
    let mut expected: Vec<(String, &str, u16)> = Vec::new();

    let record = app.get_auth("/api/v1/me/record", &access).await;
    expected.push((request_id(&record), "/api/v1/me/record", 200));
    let code = record.json::<Value>().await.unwrap()["verification"]
        .str_at("code")
        .to_owned();
    let checked = app.get(&format!("/api/v1/records/{code}")).await;
    expected.push((request_id(&checked), "/api/v1/records/{code}", 200));

    let search = app
        .get("/api/v1/tasks?q=salaperäinenhakusana&municipality=405&age=15")
        .await;
    expected.push((request_id(&search), "/api/v1/tasks", 200));

    let missing_task = "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee";
    let missing = app.get(&format!("/api/v1/tasks/{missing_task}")).await;
    expected.push((request_id(&missing), "/api/v1/tasks/{id}", 404));

    let unknown_path = app.get("/api/v1/piilotettu-polku/luottamuksellinen").await;
    expected.push((request_id(&unknown_path), "(unmatched)", 404));

    let reset_for = "nollaaja-jota-ei-ole@example.fi";
    let reset = app
        .post(
            "/api/v1/auth/password-reset",
            &json!({ "email": reset_for }),
        )
        .await;
    expected.push((request_id(&reset), "/api/v1/auth/password-reset", 202));

    let forged_token = "keksitty-tunniste-4a7f19c2";
    let verify = app
        .post(
            "/api/v1/auth/verify-email",
            &json!({ "token": forged_token }),
        )
        .await;
    expected.push((request_id(&verify), "/api/v1/auth/verify-email", 400));

    // A bad parameter, which the error (though not the log) names.
    let bad_query = app.get("/api/v1/tasks?salainenparametri777=1").await;
    assert_eq!(bad_query.status(), 422);
    expected.push((request_id(&bad_query), "/api/v1/tasks", 422));

    let login = app.login(email, "väärä salasana jota ei kirjata").await;
    expected.push((request_id(&login), "/api/v1/auth/login", 401));

    let refreshed = app
        .post("/api/v1/auth/refresh", &json!({ "refresh_token": refresh }))
        .await;
    expected.push((request_id(&refreshed), "/api/v1/auth/refresh", 200));

    // The lines are written when the responses are; the scheduler's and the email worker's
    // lines about the reset come later, so wait for the job to run.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let text = logs.text();
    for (id, route, status) in &expected {
        let lines = logs.lines_with(id);
        let line = lines
            .iter()
            .find(|line| line.contains(" request method="))
            .unwrap_or_else(|| panic!("no request line for {route} ({id}) in:\n{lines:#?}"));
        assert!(
            line.contains(&format!(" route={route} ")),
            "{route}: {line}"
        );
        assert!(
            line.contains(&format!(" status={status} ")),
            "{route}: {line}"
        );
        // Nor who asked: the client's address is personal data.
        for line in &lines {
            assert!(!line.contains("127.0.0.1"), "{line}");
        }
    }
    for secret in [
        code.as_str(),
        "salaperäinenhakusana",
        "sala%C3%A4per",
        "municipality=405",
        missing_task,
        "piilotettu-polku",
        "luottamuksellinen",
        email,
        reset_for,
        forged_token,
        verification.as_str(),
        access.as_str(),
        refresh.as_str(),
        "salainenparametri777",
        "salasana jota ei kirjata",
    ] {
        assert!(
            !text.contains(secret),
            "the log holds {secret:?}:\n{}",
            text.lines()
                .filter(|l| l.contains(secret))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

both_backends!(request_lines_name_the_route_and_status_and_nothing_the_client_sent);
