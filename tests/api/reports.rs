//! Reports of abuse: anyone reports, administrators work through the queue, take a task
//! down (it leaves search at once) and put it back, suspend an account (its sessions end,
//! it cannot log in), close each report with an outcome the reporter hears of, and every
//! decision is in the audit trail.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, JsonExt, PASSWORD, TestApp, fields, problem, spawn_app, spawn_app_with, task_body,
};

const OWNER: &str = "omistaja@example.fi";
const VOLUNTEER: &str = "ilmoittaja@example.fi";

/// An administrator, an owner, a verified association and a published task:
/// (admin, owner, association, task).
async fn scene(app: &TestApp) -> (String, String, String, String) {
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in(OWNER).await;
    let association = app
        .verified_association(&owner, &admin, "Saimaan Partiolaiset", "405")
        .await;
    let task = app
        .published_task(&owner, &association, task_body("Rantasiivous", 20))
        .await;
    (admin, owner, association, task)
}

async fn report(app: &TestApp, token: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = app.client.post(app.url("/api/v1/reports")).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

async fn titles(app: &TestApp, query: &str) -> Vec<String> {
    app.get_ok(&format!("/api/v1/tasks?{query}")).await["items"].pluck("title")
}

async fn audit_actions(app: &TestApp, admin: &str) -> Vec<String> {
    let mut actions = app.get_auth_ok("/api/v1/admin/audit", admin).await["items"].pluck("action");
    actions.reverse();
    actions
}

async fn the_whole_queue(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin, owner, association, task) = scene(&app).await;
    let (volunteer, _) = app.signed_in(VOLUNTEER).await;

    // Anyone reports; a signed-in reporter is remembered.
    let anonymous = report(
        &app,
        None,
        &json!({ "target": { "kind": "task", "id": task }, "reason": "asks_for_money" }),
    )
    .await;
    assert_eq!(anonymous.status(), 201);
    let anonymous: Value = anonymous.json().await.unwrap();
    assert_eq!(anonymous["status"], "open");
    let signed = report(
        &app,
        Some(&volunteer),
        &json!({
            "target": { "kind": "association", "id": association },
            "reason": "not_real",
            "details": "  Yhdistystä ei löydy rekisteristä.  "
        }),
    )
    .await;
    assert_eq!(signed.status(), 201);
    let signed: Value = signed.json().await.unwrap();

    // Bad input names the field and leaves nothing behind; what the public cannot see is
    // a 404, as everywhere.
    let bad = report(
        &app,
        None,
        &json!({ "target": { "kind": "person", "id": task }, "reason": "boring", "details": "x".repeat(2001) }),
    )
    .await;
    assert_eq!(
        fields(&problem(bad, 422).await),
        ["target.kind", "reason", "details"]
    );
    let draft = app
        .draft_task(&owner, &association, task_body("Luonnos", 20))
        .await;
    for id in [
        draft.as_str(),
        "01a206e8-af68-74f1-973a-e7fcf12b9eaf",
        "not-an-id",
    ] {
        let hidden = report(
            &app,
            None,
            &json!({ "target": { "kind": "task", "id": id }, "reason": "other" }),
        )
        .await;
        problem(hidden, 404).await;
    }
    assert_eq!(app.count("reports").await, 2);

    // The queue, oldest first, for administrators only.
    problem(app.get_auth("/api/v1/admin/reports", &volunteer).await, 403).await;
    let queue = app.get_auth_ok("/api/v1/admin/reports", &admin).await;
    assert_eq!(queue["total"], 2);
    assert_eq!(
        queue["items"].pluck("id"),
        [anonymous.str_at("id"), signed.str_at("id")]
    );
    let first = &queue["items"][0];
    assert_eq!(first["reporter_id"], Value::Null);
    assert_eq!(first["target"]["name"], "Rantasiivous");
    assert_eq!(first["target"]["hidden"], false);
    assert_eq!(
        queue["items"][1]["details"],
        "Yhdistystä ei löydy rekisteristä."
    );
    assert_eq!(queue["items"][1]["target"]["status"], "verified");

    // Taking the task down: out of search at once, 404 for the public and closed to
    // sign-ups; its association sees it hidden and cannot publish it again.
    assert_eq!(titles(&app, "q=rantasiivous").await, ["Rantasiivous"]);
    let hidden = app
        .post_auth(
            &format!("/api/v1/admin/tasks/{task}/hide"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(hidden.status(), 204);
    assert!(titles(&app, "q=rantasiivous").await.is_empty());
    problem(app.get(&format!("/api/v1/tasks/{task}")).await, 404).await;
    let joined = app
        .post_auth(
            &format!("/api/v1/tasks/{task}/signups"),
            &volunteer,
            &json!({}),
        )
        .await;
    assert_eq!(joined.status(), 404, "{}", joined.text().await.unwrap());
    let seen = app
        .get_auth_ok(&format!("/api/v1/tasks/{task}"), &owner)
        .await;
    assert_eq!(seen["hidden"], true);
    let closed = app
        .post_auth(&format!("/api/v1/tasks/{task}/close"), &owner, &json!({}))
        .await;
    assert_eq!(closed.status(), 200);
    let republished = app
        .post_auth(&format!("/api/v1/tasks/{task}/publish"), &owner, &json!({}))
        .await;
    problem(republished, 409).await;

    // Putting it back: the association can publish it again, and search finds it.
    let restored = app
        .post_auth(
            &format!("/api/v1/admin/tasks/{task}/restore"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(restored.status(), 204);
    let republished = app
        .post_auth(&format!("/api/v1/tasks/{task}/publish"), &owner, &json!({}))
        .await;
    assert_eq!(republished.status(), 200);
    assert_eq!(titles(&app, "q=rantasiivous").await, ["Rantasiivous"]);

    // Closing: an outcome that does not fit the target is a 422; the signed-in reporter
    // hears whether anything was done, the anonymous one nobody can tell.
    let misfit = app
        .post_auth(
            &format!("/api/v1/admin/reports/{}/close", signed.str_at("id")),
            &admin,
            &json!({ "outcome": "task_hidden" }),
        )
        .await;
    assert_eq!(fields(&problem(misfit, 422).await), ["outcome"]);
    let done = app
        .post_auth(
            &format!("/api/v1/admin/reports/{}/close", signed.str_at("id")),
            &admin,
            &json!({ "outcome": "no_action", "note": "Rekisterinumero tarkistettu." }),
        )
        .await;
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(done["status"], "closed");
    assert_eq!(done["outcome"], "no_action");
    assert_eq!(done["note"], "Rekisterinumero tarkistettu.");
    let told = app.last_email_to(VOLUNTEER, 2).await;
    assert_eq!(told.subject, "Ilmoituksesi on käsitelty");
    assert!(told.body.contains("Saimaan Partiolaiset"), "{}", told.body);
    assert!(told.body.contains("eikä löytänyt syytä"), "{}", told.body);
    assert!(
        !told.body.contains("Rekisterinumero"),
        "the note is internal"
    );
    let again = app
        .post_auth(
            &format!("/api/v1/admin/reports/{}/close", signed.str_at("id")),
            &admin,
            &json!({ "outcome": "no_action" }),
        )
        .await;
    assert_eq!(problem(again, 409).await["current_status"], "closed");
    let closed = app
        .post_auth(
            &format!("/api/v1/admin/reports/{}/close", anonymous.str_at("id")),
            &admin,
            &json!({ "outcome": "task_hidden" }),
        )
        .await;
    assert_eq!(closed.status(), 200);
    assert_eq!(
        app.get_auth_ok("/api/v1/admin/reports", &admin).await["total"],
        0
    );
    let closed = app
        .get_auth_ok("/api/v1/admin/reports?status=closed", &admin)
        .await;
    assert_eq!(closed["total"], 2);
    assert_eq!(closed["items"][0]["id"], anonymous["id"]);

    // Every decision is in the audit trail, in order.
    let actions = audit_actions(&app, &admin).await;
    let moderation: Vec<&str> = actions
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with("task_") || a.starts_with("report_"))
        .collect();
    assert_eq!(
        moderation,
        [
            "task_hidden",
            "task_restored",
            "report_closed",
            "report_closed"
        ]
    );
}

async fn suspending_a_user_ends_their_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (access, refresh) = app.signed_in(VOLUNTEER).await;
    let me = app.get_auth_ok("/api/v1/me", &access).await;
    let id = me.str_at("id").to_owned();

    problem(
        app.post_auth(
            &format!("/api/v1/admin/users/{id}/suspend"),
            &access,
            &json!({}),
        )
        .await,
        403,
    )
    .await;
    let suspended = app
        .post_auth(
            &format!("/api/v1/admin/users/{id}/suspend"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(suspended.status(), 204);
    // The session is over: neither the access token nor the refresh token works, and a
    // new login is refused with the reason (after the right password only).
    problem(app.get_auth("/api/v1/me", &access).await, 401).await;
    let refreshed = app
        .post("/api/v1/auth/refresh", &json!({ "refresh_token": refresh }))
        .await;
    problem(refreshed, 401).await;
    let login = problem(app.login(VOLUNTEER, PASSWORD).await, 403).await;
    assert_eq!(login["type"], "urn:talkoot:problem:account-suspended");
    problem(app.login(VOLUNTEER, "väärä salasana täysin").await, 401).await;

    // An administrator cannot lock themselves out; an unknown account is a 404.
    let admin_id = app
        .get_auth_ok("/api/v1/me", &admin)
        .await
        .str_at("id")
        .to_owned();
    problem(
        app.post_auth(
            &format!("/api/v1/admin/users/{admin_id}/suspend"),
            &admin,
            &json!({}),
        )
        .await,
        409,
    )
    .await;
    problem(
        app.post_auth(
            "/api/v1/admin/users/01a206e8-af68-74f1-973a-e7fcf12b9eaf/suspend",
            &admin,
            &json!({}),
        )
        .await,
        404,
    )
    .await;

    // Lifted: they log in again.
    let reinstated = app
        .post_auth(
            &format!("/api/v1/admin/users/{id}/reinstate"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(reinstated.status(), 204);
    assert_eq!(app.login(VOLUNTEER, PASSWORD).await.status(), 200);
    let actions = audit_actions(&app, &admin).await;
    assert!(
        actions.ends_with(&["user_suspended".to_owned(), "user_reinstated".to_owned()]),
        "{actions:?}"
    );
}

async fn anonymous_reports_are_limited_per_address(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.rate_limits.per_ip_burst = 3;
        config.rate_limits.per_ip_replenish = std::time::Duration::from_secs(3600);
    })
    .await;
    let (_, _, association, _) = scene(&app).await;
    let body = json!({ "target": { "kind": "association", "id": association }, "reason": "other" });
    for _ in 0..3 {
        assert_eq!(report(&app, None, &body).await.status(), 201);
    }
    let limited = report(&app, None, &body).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(app.count("reports").await, 3);
}

both_backends!(
    the_whole_queue,
    suspending_a_user_ends_their_sessions,
    anonymous_reports_are_limited_per_address,
);
