//! Shared set-up of the referral tests: an administrator, an association with a task, and
//! an approved counsellor.

use serde_json::{Value, json};

use crate::helpers::{JsonExt, TestApp};
use crate::signups_support::{Crew, crew, task};

/// Everyone a referral test needs.
pub struct Scene {
    pub admin: String,
    pub crew: Crew,
    pub counsellor: String,
    /// A published automatic task with five spots, for 15–29-year-olds.
    pub task: String,
}

/// The counsellor's address in every scene.
pub const COUNSELLOR: &str = "ohjaaja@ohjaamo.example.fi";

/// An administrator, an association with a task, and a counsellor of "Lappeenrannan Ohjaamo".
pub async fn scene(app: &TestApp, tag: &str) -> Scene {
    let crew = crew(app, tag).await;
    let admin = app.admin(&format!("koordinaattori-{tag}@example.fi")).await;
    let counsellor = app
        .counsellor(&admin, COUNSELLOR, "Lappeenrannan Ohjaamo")
        .await;
    let task = task(
        app,
        &crew,
        "Kirpputorin järjestäjä",
        json!({ "min_age": 15, "max_age": 29 }),
    )
    .await;
    Scene {
        admin,
        crew,
        counsellor,
        task,
    }
}

/// `POST /referrals` by `token`.
pub async fn refer(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_auth("/api/v1/referrals", token, &body).await
}

/// A referral that must be created; returns the counsellor's view.
pub async fn referred(app: &TestApp, token: &str, body: Value) -> Value {
    let response = refer(app, token, body).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

/// `POST /referrals/{id}/{action}` by `token` with `body`.
pub async fn answer(
    app: &TestApp,
    token: &str,
    referral: &str,
    action: &str,
    body: Value,
) -> reqwest::Response {
    app.post_auth(
        &format!("/api/v1/referrals/{referral}/{action}"),
        token,
        &body,
    )
    .await
}

/// The referral as its counsellor sees it now.
pub async fn as_counsellor(app: &TestApp, token: &str, referral: &str) -> Value {
    app.get_auth_ok(&format!("/api/v1/referrals/{referral}"), token)
        .await
}

/// The events of a view's history, in order.
pub fn events(view: &Value) -> Vec<String> {
    view["history"].pluck("event")
}
