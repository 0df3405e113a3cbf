//! Completing a sign-up: only once the task has started, and with hours its schedule
//! allows (`signups::hours`), so that the record an employer checks
//! (`GET /records/{code}`) shows only plausible hours.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::signups;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app};
use crate::signups_support::{crew, move_dates, reloaded, signed_up, task};

/// `POST /signups/{id}/complete` with these hours.
async fn complete(app: &TestApp, token: &str, signup: &Value, hours: f64) -> reqwest::Response {
    let path = format!("/api/v1/signups/{}/complete", signup.id());
    app.post_auth(&path, token, &json!({ "hours": hours }))
        .await
}

/// Asserts a 422 naming `hours` whose message gives `most` as the maximum.
async fn too_many(response: reqwest::Response, most: &str) {
    let body = problem(response, 422).await;
    assert_eq!(body["type"], "urn:talkoot:problem:validation-error");
    assert_eq!(fields(&body), ["hours"]);
    assert_eq!(body["errors"][0]["code"], "exceeds_schedule");
    let message = body["errors"][0].str_at("message");
    assert!(
        message.contains(&format!("At most {most} hours")),
        "{message}"
    );
}

/// Asserts that a refused completion left the sign-up accepted, without hours.
async fn untouched(app: &TestApp, token: &str, signup: &Value) {
    let now = reloaded(app, token, signup).await;
    assert_eq!(now["status"], "accepted");
    assert_eq!(now["hours"], Value::Null);
    assert_eq!(now["completed_at"], Value::Null);
}

/// RFC 3339 for a time this far from now.
fn from_now(offset: Duration) -> String {
    (Utc::now() + offset).to_rfc3339()
}

async fn a_task_that_has_not_started_cannot_be_completed(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "alku").await;
    let me = app.volunteers("ennen", 1, "2005-01-01").await.remove(0);
    let later = |days: i64| {
        json!({ "starts_at": from_now(Duration::days(days)),
                "ends_at": from_now(Duration::days(days) + Duration::hours(3)) })
    };
    // Fixed, months away; a flexible window that opens tomorrow; an ongoing task that
    // begins next week.
    let fixed = task(&app, &crew, "Kesäleiri", later(90)).await;
    let mut flexible = later(1);
    flexible["schedule_type"] = json!("flexible");
    flexible["ends_at"] = json!(from_now(Duration::days(30)));
    let flexible = task(&app, &crew, "Joustava ikkuna", flexible).await;
    let ongoing = task(
        &app,
        &crew,
        "Jatkuva kerho",
        json!({ "schedule_type": "ongoing", "starts_at": from_now(Duration::days(7)),
                "ends_at": null }),
    )
    .await;
    let code = app.get_auth_ok("/api/v1/me/record", &me.token).await["verification"]
        .str_at("code")
        .to_owned();
    let mut made = Vec::new();
    for id in [&fixed, &flexible, &ongoing] {
        let s = signed_up(&app, &me.token, id).await;
        let mail = app.count("outbox").await;
        for hours in [1000.0, 1.0] {
            let body = problem(complete(&app, &crew.owner, &s, hours).await, 409).await;
            assert_eq!(body["type"], "urn:talkoot:problem:task-not-started");
        }
        untouched(&app, &me.token, &s).await;
        assert_eq!(app.count("outbox").await, mail, "no email for a refusal");
        made.push(s);
    }
    let public = app.get_ok(&format!("/api/v1/records/{code}")).await;
    assert_eq!(public["totals"]["tasks"], 0);
    assert_eq!(public["entries"], json!([]));

    // Once the fixed task has taken place (moved 91 days back: it started yesterday), the
    // same sign-up completes, with no more than its three hours.
    move_dates(&app, &fixed, Duration::days(-91)).await;
    let s = &made[0];
    too_many(complete(&app, &crew.owner, s, 1000.0).await, "3").await;
    assert_eq!(complete(&app, &crew.owner, s, 3.0).await.status(), 200);
    let public = app.get_ok(&format!("/api/v1/records/{code}")).await;
    assert_eq!(public["genuine"], true);
    assert_eq!(public["totals"]["hours"], 3.0);
}

async fn hours_are_bounded_by_the_schedule(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "tunnit").await;
    let people = app.volunteers("tuntija", 2, "2004-01-01").await;
    let (me, other) = (&people[0], &people[1]);
    let code = app.get_auth_ok("/api/v1/me/record", &me.token).await["verification"]
        .str_at("code")
        .to_owned();

    // Fixed, three hours, over since yesterday: at most its length.
    let over = task(&app, &crew, "Metsäsiivous", json!({})).await;
    let s = signed_up(&app, &me.token, &over).await;
    move_dates(&app, &over, Duration::days(-8)).await;
    too_many(complete(&app, &crew.owner, &s, 3.25).await, "3").await;
    untouched(&app, &me.token, &s).await;
    let done: Value = complete(&app, &crew.owner, &s, 3.0)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&done["status"], &done["hours"]),
        (&json!("completed"), &json!(3.0))
    );

    // Fixed, going on (began two hours ago, ends in one): the time so far.
    let now_on = task(
        &app,
        &crew,
        "Kirpputori",
        json!({ "starts_at": from_now(Duration::hours(-2)),
                "ends_at": from_now(Duration::hours(1)) }),
    )
    .await;
    let s = signed_up(&app, &me.token, &now_on).await;
    too_many(complete(&app, &crew.owner, &s, 2.25).await, "2").await;
    assert_eq!(complete(&app, &crew.owner, &s, 2.0).await.status(), 200);

    // Flexible, the window opened 25 hours ago and runs for days: 12 hours for each
    // started day of it so far, so 24.
    let window = task(
        &app,
        &crew,
        "Joustava keräys",
        json!({ "schedule_type": "flexible",
                "starts_at": from_now(Duration::hours(-25)),
                "ends_at": from_now(Duration::days(5)) }),
    )
    .await;
    let s = signed_up(&app, &me.token, &window).await;
    too_many(complete(&app, &crew.owner, &s, 24.25).await, "24").await;
    assert_eq!(complete(&app, &crew.owner, &s, 24.0).await.status(), 200);

    // Ongoing, accepted today: 12 hours; 1,000 hours are refused with the maximum.
    let ongoing = task(
        &app,
        &crew,
        "Läksykerho",
        json!({ "schedule_type": "ongoing", "starts_at": null, "ends_at": null }),
    )
    .await;
    let s = signed_up(&app, &me.token, &ongoing).await;
    too_many(complete(&app, &crew.owner, &s, 1000.0).await, "12").await;
    too_many(complete(&app, &crew.owner, &s, 12.25).await, "12").await;
    assert_eq!(complete(&app, &crew.owner, &s, 12.0).await.status(), 200);

    // Ongoing, accepted 47 hours ago: two started days, 24 hours.
    let theirs = signed_up(&app, &other.token, &ongoing).await;
    let id = theirs.id();
    app.db(move |conn| {
        let accepted = Utc::now().naive_utc() - Duration::hours(47);
        diesel::update(signups::table.find(&id))
            .set(signups::decided_at.eq(accepted))
            .execute(conn)
            .unwrap();
    })
    .await;
    too_many(complete(&app, &crew.owner, &theirs, 24.25).await, "24").await;
    assert_eq!(
        complete(&app, &crew.owner, &theirs, 24.0).await.status(),
        200
    );

    // What anyone with the code sees is only what fitted: 3 + 2 + 24 + 12 hours.
    let public = app.get_ok(&format!("/api/v1/records/{code}")).await;
    assert_eq!(public["genuine"], true);
    assert_eq!(public["totals"]["tasks"], 4);
    assert_eq!(public["totals"]["hours"], 41.0);
    let mut hours: Vec<f64> = public["entries"]
        .list()
        .iter()
        .map(|e| e["hours"].as_f64().unwrap())
        .collect();
    hours.sort_by(f64::total_cmp);
    assert_eq!(hours, [2.0, 3.0, 12.0, 24.0]);
}

both_backends!(
    a_task_that_has_not_started_cannot_be_completed,
    hours_are_bounded_by_the_schedule,
);
