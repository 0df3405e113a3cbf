//! The volunteering record: completed tasks and hours with totals, a verification code
//! anyone can check (showing only what the volunteer shares), and a printable page.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, problem, spawn_app};
use crate::signups_support::{act, crew, signed_up, task};

/// The settings of an ongoing task (no dates), which has started as soon as it is posted.
fn ongoing() -> Value {
    json!({ "schedule_type": "ongoing", "starts_at": null, "ends_at": null })
}

async fn record_totals_and_a_code_that_can_be_checked_and_revoked(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = crew(&app, "eka").await;
    let second = crew(&app, "toka").await;
    let me = app.volunteers("ansio", 1, "2006-01-01").await.remove(0);

    // An empty record already has a code: the first reads, even at once, agree on it.
    let first_reads = futures_util::future::join_all(
        (0..8).map(|_| app.get_auth("/api/v1/me/record", &me.token)),
    )
    .await;
    let mut codes = Vec::new();
    for r in first_reads {
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        codes.push(body["verification"].str_at("code").to_owned());
    }
    codes.dedup();
    assert_eq!(codes.len(), 1);
    let empty: Value = app
        .get_auth("/api/v1/me/record", &me.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(empty["totals"]["tasks"], 0);
    assert_eq!(empty["entries"], json!([]));
    let code = empty["verification"].str_at("code").to_owned();
    assert_eq!(code.len(), 19);

    // Three tasks at two associations: two completed, one still only accepted. Ongoing
    // tasks, which can be completed at once (up to 12 hours on the day of acceptance).
    let mut done = Vec::new();
    for (crew, title, hours) in [
        (&first, "Metsäsiivous", 3.0),
        (&second, "Kirpputori", 4.5),
        (&first, "Kesken", 0.0),
    ] {
        let id = task(&app, crew, title, ongoing()).await;
        let s = signed_up(&app, &me.token, &id).await;
        if hours > 0.0 {
            let r = app
                .post_auth(
                    &format!("/api/v1/signups/{}/complete", s.id()),
                    &crew.owner,
                    &json!({ "hours": hours }),
                )
                .await;
            assert_eq!(r.status(), 200);
            done.push(title);
        }
    }
    let record = app.get_auth("/api/v1/me/record", &me.token).await;
    assert_eq!(record.headers()["cache-control"], "no-store");
    let record: Value = record.json().await.unwrap();
    assert_eq!(record["display_name"], "Vapaaehtoinen 0");
    assert_eq!(
        record["totals"],
        json!({ "tasks": 2, "hours": 7.5, "associations": 2 })
    );
    let titles = record["entries"].pluck("title");
    assert_eq!(titles, ["Kirpputori", "Metsäsiivous"], "newest first");
    assert_eq!(record["verification"]["code"], code, "the code is stable");
    assert!(record["verification"].str_at("url").ends_with(&code));

    // Anyone with the code sees the record, typed however.
    let public: Value = app
        .get(&format!(
            "/api/v1/records/{}",
            code.to_lowercase().replace('-', "")
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["genuine"], true);
    assert_eq!(public["name"], "Vapaaehtoinen 0");
    assert_eq!(public["totals"]["hours"], 7.5);
    assert_eq!(public["entries"][0]["association"], "Luontoseura toka");
    assert!(!public.to_string().contains(&me.email));
    // Never the birth date: no such field, and not its value anywhere (a bare "2006" could
    // also occur in a timestamp's fraction or an id, so the whole date is looked for).
    assert!(!public.to_string().contains("2006-01-01"));
    assert!(!public.to_string().contains("birth"));

    // Sharing less: no name, no hours.
    let patched: Value = app
        .patch_auth(
            "/api/v1/me/record",
            &me.token,
            &json!({ "share_name": false, "share_hours": false }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        patched["verification"]["share"],
        json!({ "name": false, "tasks": true, "hours": false })
    );
    let public: Value = app
        .get(&format!("/api/v1/records/{code}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["name"], Value::Null);
    assert_eq!(public["totals"]["hours"], Value::Null);
    assert_eq!(public["entries"][0]["hours"], Value::Null);
    assert_eq!(public["totals"]["tasks"], 2);
    let bad = app
        .patch_auth(
            "/api/v1/me/record",
            &me.token,
            &json!({ "share_name": "no" }),
        )
        .await;
    assert_eq!(bad.status(), 422);

    // A new code revokes the old one.
    let renewed: Value = app
        .post_auth("/api/v1/me/record/code", &me.token, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let new_code = renewed["verification"].str_at("code");
    assert_ne!(new_code, code);
    problem(app.get(&format!("/api/v1/records/{code}")).await, 404).await;
    assert_eq!(
        app.get(&format!("/api/v1/records/{new_code}"))
            .await
            .status(),
        200
    );
    problem(app.get("/api/v1/records/not-a-code").await, 404).await;

    // The printable page escapes what it prints.
    let id = task(&app, &first, "<script>alert(1)</script>", ongoing()).await;
    let s = signed_up(&app, &me.token, &id).await;
    assert_eq!(act(&app, &first.owner, &s, "complete").await.status(), 200);
    let page = app.get_auth("/api/v1/me/record.html", &me.token).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains(new_code) && html.contains("Metsäsiivous"));
    assert_eq!(app.get("/api/v1/me/record").await.status(), 401);
}

both_backends!(record_totals_and_a_code_that_can_be_checked_and_revoked);
