//! Posting tasks: the draft → published → closed / cancelled life, who sees what, ETags,
//! validation, and what a signed-in reader is told about signing up.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app, task_body};

async fn draft_publish_close_cancel(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let (stranger, _) = app.signed_in("ulkopuolinen@example.fi").await;
    let a_id = app
        .verified_association(&owner, &admin, "Lappeenrannan Luontoseura", "405")
        .await;

    let mut body = task_body("Roskienkeräys Myllysaaressa", 7);
    body["criminal_record_check"] = json!(true);
    body["categories"] = json!(["environment", "children-youth"]);
    body["placement"] =
        json!({ "field_of_study": "Sosionomi (AMK)", "duration": "8 viikkoa", "credits": true });
    let created = app
        .post_auth(&format!("/api/v1/associations/{a_id}/tasks"), &owner, &body)
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let task: Value = created.json().await.unwrap();
    let id = task.id();
    assert_eq!(location, format!("/api/v1/tasks/{id}"));
    assert_eq!(task["status"], "draft");
    assert_eq!(task["association"]["slug"], "lappeenrannan-luontoseura");
    assert_eq!(task["categories"], json!(["children-youth", "environment"]));
    assert_eq!(task["placement"]["credits"], true);
    assert!(task.str_at("criminal_record_notice").contains("148/2014"));
    assert_eq!(task["sign_up"]["reason"], "not_published");

    // A draft is the association's own business.
    let path = format!("/api/v1/tasks/{id}");
    problem(app.get(&path).await, 404).await;
    problem(app.get_auth(&path, &stranger).await, 404).await;
    assert_eq!(app.get_auth(&path, &admin).await.status(), 200);
    problem(
        app.post_auth(&format!("{path}/publish"), &stranger, &json!({}))
            .await,
        404,
    )
    .await;

    let published = app
        .post_auth(&format!("{path}/publish"), &owner, &json!({}))
        .await;
    assert_eq!(published.status(), 200);
    let public = app.get(&path).await;
    assert_eq!(public.status(), 200);
    let etag = public.headers()["etag"].to_str().unwrap().to_owned();
    let public: Value = public.json().await.unwrap();
    assert_eq!(public["status"], "published");
    assert_eq!(public["sign_up"]["reason"], "sign_in_required");
    let mine: Value = app.get_auth(&path, &stranger).await.json().await.unwrap();
    assert_eq!(mine["sign_up"]["can_sign_up"], true);
    problem(
        app.patch_auth(&path, &stranger, &json!({ "title": "Kaapattu tehtävä" }))
            .await,
        403,
    )
    .await;

    // The card lists it among its open tasks.
    let card: Value = app
        .get(&format!("/api/v1/associations/{a_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["open_tasks"][0]["id"], id.as_str());

    // Edits with a stale version are refused.
    let edit = |tag: String, title: &'static str| {
        app.client
            .patch(app.url(&path))
            .bearer_auth(&owner)
            .header("if-match", tag)
            .json(&json!({ "title": title }))
            .send()
    };
    let edited = edit(etag.clone(), "Roskienkeräys ja piknik").await.unwrap();
    assert_eq!(edited.status(), 200);
    problem(edit(etag, "Vanha versio").await.unwrap(), 412).await;

    // Close, reopen, cancel; a cancelled task is final.
    assert_eq!(
        app.post_auth(&format!("{path}/close"), &owner, &json!({}))
            .await
            .status(),
        200
    );
    problem(
        app.post_auth(&format!("{path}/close"), &owner, &json!({}))
            .await,
        409,
    )
    .await;
    assert_eq!(
        app.post_auth(&format!("{path}/publish"), &owner, &json!({}))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.post_auth(&format!("{path}/cancel"), &owner, &json!({}))
            .await
            .status(),
        200
    );
    for action in ["publish", "close", "cancel"] {
        problem(
            app.post_auth(&format!("{path}/{action}"), &owner, &json!({}))
                .await,
            409,
        )
        .await;
    }
    problem(
        app.patch_auth(&path, &owner, &json!({ "title": "Uusi yritys" }))
            .await,
        409,
    )
    .await;
    let card: Value = app
        .get(&format!("/api/v1/associations/{a_id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["open_tasks"], json!([]));
}

async fn only_verified_associations_publish(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _) = app.signed_in("odottava@example.fi").await;
    let id = app
        .create_association(&owner, "Odottava seura", "405")
        .await
        .id();
    let task = app
        .draft_task(&owner, &id, task_body("Talkoot pihalla", 3))
        .await;
    let refused = app
        .post_auth(&format!("/api/v1/tasks/{task}/publish"), &owner, &json!({}))
        .await;
    problem(refused, 409).await;
    problem(
        app.post(
            &format!("/api/v1/associations/{id}/tasks"),
            &task_body("Talkoot pihalla", 3),
        )
        .await,
        401,
    )
    .await;
}

async fn each_rule_names_its_field_and_writes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("tarkka@example.fi").await;
    let (other, _) = app.signed_in("muu@example.fi").await;
    let a_id = app
        .verified_association(&owner, &admin, "Tarkka seura", "405")
        .await;
    let path = format!("/api/v1/associations/{a_id}/tasks");
    let start = Utc::now() + Duration::days(10);
    let with = |key: &str, value: Value| {
        let mut body = task_body("Kelvollinen tehtävä", 10);
        body[key] = value;
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (with("title", json!("Lyh")), "title"),
        (with("title", json!("x".repeat(151))), "title"),
        (with("description", json!("liian lyhyt")), "description"),
        (
            with("ends_at", json!((start - Duration::hours(1)).to_rfc3339())),
            "ends_at",
        ),
        (
            with(
                "application_deadline",
                json!((start + Duration::days(1)).to_rfc3339()),
            ),
            "application_deadline",
        ),
        (with("min_age", json!(12)), "min_age"),
        (with("max_age", json!(121)), "max_age"),
        (json!({ "min_age": 18, "max_age": 16 }), "max_age"),
        (with("spots", json!(0)), "spots"),
        (with("municipality_code", Value::Null), "municipality_code"),
        (with("municipality_code", json!("999")), "municipality_code"),
        (with("categories", json!([])), "categories"),
        (with("categories", json!(["flying"])), "categories[0]"),
        (with("languages", json!(["klingon"])), "languages[0]"),
        (with("schedule_type", json!("sometimes")), "schedule_type"),
        (with("starts_at", Value::Null), "starts_at"),
        (with("approval_mode", json!("lottery")), "approval_mode"),
        (with("estimated_hours", json!(-2)), "estimated_hours"),
        (with("starts_at", json!("ensi tiistaina")), "starts_at"),
        (with("association_id", json!("toinen")), "association_id"),
    ];
    for (mut body, field) in cases {
        if body.get("title").is_none() {
            let mut full = task_body("Kelvollinen tehtävä", 10);
            for (k, v) in body.as_object().unwrap() {
                full[k] = v.clone();
            }
            body = full;
        }
        let response = app.post_auth(&path, &owner, &body).await;
        let problem_body = problem(response, 422).await;
        assert!(
            fields(&problem_body).contains(&field.to_owned()),
            "{field}: {problem_body}"
        );
    }
    assert_eq!(app.count("tasks").await, 0);
    // A remote task needs no municipality.
    let mut remote = with("municipality_code", Value::Null);
    remote["remote_online"] = json!(true);
    assert_eq!(app.post_auth(&path, &owner, &remote).await.status(), 201);
    // Only members post.
    problem(
        app.post_auth(&path, &other, &task_body("Vieras tehtävä", 3))
            .await,
        403,
    )
    .await;
    assert_eq!(app.count("tasks").await, 1);
}

async fn the_reader_learns_whether_they_can_sign_up(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("ohjaaja@example.fi").await;
    let a_id = app
        .verified_association(&owner, &admin, "Nuorten seura", "405")
        .await;
    // A 14-year-old volunteer.
    let fourteen = (Utc::now().date_naive() - chrono::Months::new(14 * 12 + 1)).to_string();
    app.register("nuori@example.fi", &fourteen).await;
    let mail = app.last_email_to("nuori@example.fi", 1).await;
    app.post(
        "/api/v1/auth/verify-email",
        &json!({ "token": mail.token() }),
    )
    .await;
    let (young, _) = app.tokens("nuori@example.fi").await;

    let mut adults = task_body("Aikuisten tehtävä", 5);
    adults["min_age"] = json!(18);
    let mut teens = task_body("Nuorten tehtävä", 5);
    teens["max_age"] = json!(13);
    teens["min_age"] = json!(13);
    let mut open = task_body("Kaikille avoin tehtävä", 5);
    open["min_age"] = json!(13);
    open["max_age"] = json!(17);
    for (body, reason) in [
        (adults, Some("too_young")),
        (teens, Some("too_old")),
        (open, None),
    ] {
        let task = app.published_task(&owner, &a_id, body).await;
        let view: Value = app
            .get_auth(&format!("/api/v1/tasks/{task}"), &young)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["sign_up"]["can_sign_up"], reason.is_none());
        assert_eq!(view["sign_up"]["reason"], json!(reason));
    }
}

both_backends!(
    draft_publish_close_cancel,
    only_verified_associations_publish,
    each_rule_names_its_field_and_writes_nothing,
    the_reader_learns_whether_they_can_sign_up,
);
