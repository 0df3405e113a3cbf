//! `talkoot create-admin` against the same database a running server uses.

use std::io::Write as _;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};

async fn created_admin_can_log_in_with_the_admin_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let password = "alueellinen koordinaattori kevät 2026";
    let mut child = Command::new(env!("CARGO_BIN_EXE_talkoot"))
        .args(["create-admin", "--email", "koordinaattori@example.fi"])
        .env("DATABASE_URL", &app.database_url)
        .env("JWT_SECRET", "x".repeat(40))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let login = app.login("koordinaattori@example.fi", password).await;
    assert_eq!(login.status(), 200);
    let access = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me: Value = app
        .get_auth("/api/v1/me", &access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], serde_json::json!(["volunteer", "admin"]));
    assert_eq!(me["birth_date"], Value::Null);
}

both_backends!(created_admin_can_log_in_with_the_admin_role);
