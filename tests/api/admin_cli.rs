//! `talkoot create-admin` against the same database a running server uses.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

const PASSWORD: &str = "alueellinen koordinaattori kevät 2026";

/// Runs `create-admin` on the app's database with `stdin` as the password input.
fn create_admin(app: &TestApp, email: &str, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_talkoot"))
        .args([
            "create-admin",
            "--email",
            email,
            "--display-name",
            "Koordinaattori",
        ])
        .env("DATABASE_URL", &app.database_url)
        .env("JWT_SECRET", "x".repeat(40))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

async fn created_admin_can_log_in_with_the_admin_role(backend: Backend) {
    let app = spawn_app(backend).await;

    // A weak password is refused, naming the field, and nothing is created.
    let weak = create_admin(&app, "Koordinaattori@Example.fi", "password\n");
    assert!(!weak.status.success());
    assert!(stderr(&weak).contains("password"), "{}", stderr(&weak));
    assert_eq!(app.count("users").await, 0);

    let created = create_admin(&app, "Koordinaattori@Example.fi", &format!("{PASSWORD}\n"));
    assert!(created.status.success(), "{}", stderr(&created));
    let again = create_admin(&app, "koordinaattori@example.fi", &format!("{PASSWORD}\n"));
    assert!(
        !again.status.success(),
        "a second account with the same address"
    );
    assert!(
        stderr(&again).contains("already has an account"),
        "{}",
        stderr(&again)
    );
    assert_eq!(app.count("users").await, 1);

    let access = app
        .access_token("koordinaattori@example.fi", PASSWORD)
        .await;
    let me: Value = app
        .get_auth("/api/v1/me", &access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], serde_json::json!(["volunteer", "admin"]));
    assert_eq!(me["display_name"], "Koordinaattori");
    assert_eq!(me["birth_date"], Value::Null);
}

both_backends!(created_admin_can_log_in_with_the_admin_role);
