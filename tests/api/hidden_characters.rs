//! A NUL, a control or an invisible formatting character anywhere a client can put text
//! (path, query, JSON) is a 4xx naming the field on both backends, never a 500 (PostgreSQL
//! cannot store NUL), and writes nothing; names need visible characters, one-line fields
//! refuse line breaks, and text is stored in NFC.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, PASSWORD, TestApp, fields, problem, spawn_app, task_body};

/// The field a 422 names, after checking its code.
async fn refused(response: reqwest::Response, code: &str) -> String {
    let body = problem(response, 422).await;
    assert_eq!(body["errors"][0]["code"], code, "{body}");
    fields(&body).remove(0)
}

async fn owner_with_association(app: &TestApp) -> (String, String) {
    let admin = app.admin("yllapito@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Rantaseura", "405")
        .await;
    (owner, id)
}

async fn nul_in_a_path_or_query_is_not_found_or_names_the_parameter(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/api/v1/tasks/%00",
        "/api/v1/associations/%00",
        "/api/v1/records/%00",
        "/api/v1/signups/%E2%80%AE",
    ] {
        let body = problem(app.get(path).await, 404).await;
        assert_eq!(body["type"], "urn:talkoot:problem:not-found", "{path}");
    }
    for (path, field) in [
        ("/api/v1/tasks?municipality=%00", "municipality"),
        ("/api/v1/tasks?q=mets%C3%A4%00", "q"),
        ("/api/v1/associations?q=%E2%80%8B", "q"),
        ("/api/v1/municipalities?region=%00", "region"),
    ] {
        assert_eq!(
            refused(app.get(path).await, "invalid_characters").await,
            field,
            "{path}"
        );
    }
}

async fn nul_in_a_json_string_names_the_field_and_writes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let login = json!({ "email": "a\u{0}@example.fi", "password": PASSWORD });
    assert_eq!(
        refused(
            app.post("/api/v1/auth/login", &login).await,
            "invalid_characters"
        )
        .await,
        "email"
    );
    let reset = json!({ "email": "a@example.fi\u{0}" });
    assert_eq!(
        refused(
            app.post("/api/v1/auth/password-reset", &reset).await,
            "invalid_characters"
        )
        .await,
        "email"
    );
    let register = json!({
        "email": "uusi@example.fi",
        "password": PASSWORD,
        "display_name": "Uu\u{0}si",
        "birth_date": "2005-05-05"
    });
    assert_eq!(
        refused(
            app.post("/api/v1/auth/register", &register).await,
            "invalid_characters"
        )
        .await,
        "display_name"
    );
    assert_eq!(app.count("users").await, 0);
    assert_eq!(app.count("outbox").await, 0);

    let (owner, association) = owner_with_association(&app).await;
    let tasks_before = app.count("tasks").await;
    let mut task = task_body("Rannan siivous", 3);
    task["title"] = json!("Rannan\u{0}siivous");
    let posted = app
        .post_auth(
            &format!("/api/v1/associations/{association}/tasks"),
            &owner,
            &task,
        )
        .await;
    assert_eq!(refused(posted, "invalid_characters").await, "title");
    assert_eq!(app.count("tasks").await, tasks_before);

    let card = json!({ "summary": "Meri\u{0}" });
    let patched = app
        .patch_auth(
            &format!("/api/v1/associations/{association}"),
            &owner,
            &card,
        )
        .await;
    assert_eq!(refused(patched, "invalid_characters").await, "summary");

    let task = app
        .published_task(&owner, &association, task_body("Rannan siivous", 3))
        .await;
    let (volunteer, _) = app.signed_in("vapaaehtoinen@example.fi").await;
    let signed = app
        .post_auth(
            &format!("/api/v1/tasks/{task}/signups"),
            &volunteer,
            &json!({ "message": "Tulen\u{0}" }),
        )
        .await;
    assert_eq!(refused(signed, "invalid_characters").await, "message");
    assert_eq!(app.count("signups").await, 0);
}

async fn invisible_and_spoofing_names_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (token, _) = app.signed_in("nimi@example.fi").await;
    for (name, code) in [
        ("Ella\u{202e}gnp.exe", "invalid_characters"),
        ("\u{200b}\u{200b}\u{200b}", "invalid_characters"),
        ("\u{200d}\u{200d}", "invisible"),
        ("Ella\nAalto", "line_break"),
    ] {
        let patched = app
            .patch_auth("/api/v1/me", &token, &json!({ "display_name": name }))
            .await;
        assert_eq!(refused(patched, code).await, "display_name", "{name:?}");
    }
    let me: Value = app.get_auth_ok("/api/v1/me", &token).await;
    assert_ne!(me.str_at("display_name"), "Ella\u{202e}gnp.exe");

    let (owner, association) = owner_with_association(&app).await;
    let created = app
        .post_auth(
            "/api/v1/associations",
            &owner,
            &json!({ "name": "Seura\r\nry", "municipality_code": "405" }),
        )
        .await;
    assert_eq!(refused(created, "line_break").await, "name");
    let service = app
        .post_auth(
            &format!("/api/v1/associations/{association}/services"),
            &owner,
            &json!({ "name": "\u{200d}" }),
        )
        .await;
    assert_eq!(refused(service, "invisible").await, "name");
}

async fn text_is_stored_in_nfc_with_line_breaks_only_where_they_belong(backend: Backend) {
    let app = spawn_app(backend).await;
    let (token, _) = app.signed_in("nfc@example.fi").await;
    // "é" typed as e + combining acute accent.
    let patched = app
        .patch_auth(
            "/api/v1/me",
            &token,
            &json!({ "display_name": " Re\u{301}ne " }),
        )
        .await;
    assert_eq!(patched.status(), 200);
    let me = app.get_auth_ok("/api/v1/me", &token).await;
    assert_eq!(me.str_at("display_name"), "R\u{e9}ne");

    let (owner, association) = owner_with_association(&app).await;
    let card = json!({
        "description": "Ensimmäinen rivi.\r\nToinen rivi.",
        "summary": "Uintia ja mela\u{301}ontia"
    });
    let patched = app
        .patch_auth(
            &format!("/api/v1/associations/{association}"),
            &owner,
            &card,
        )
        .await;
    assert_eq!(patched.status(), 200);
    let shown = app
        .get_ok(&format!("/api/v1/associations/{association}"))
        .await;
    assert_eq!(shown["description"], "Ensimmäinen rivi.\nToinen rivi.");
    assert_eq!(shown["summary"], "Uintia ja mel\u{e1}ontia");
    let one_line = app
        .patch_auth(
            &format!("/api/v1/associations/{association}"),
            &owner,
            &json!({ "summary": "Kaksi\nriviä" }),
        )
        .await;
    assert_eq!(refused(one_line, "line_break").await, "summary");
    // Persian needs the zero-width non-joiner: it stays.
    let persian = app
        .patch_auth(
            "/api/v1/me",
            &token,
            &json!({ "display_name": "می\u{200c}خواهم" }),
        )
        .await;
    assert_eq!(persian.status(), 200);
}

both_backends!(
    nul_in_a_path_or_query_is_not_found_or_names_the_parameter,
    nul_in_a_json_string_names_the_field_and_writes_nothing,
    invisible_and_spoofing_names_are_refused,
    text_is_stored_in_nfc_with_line_breaks_only_where_they_belong
);
