//! A task's age limits keep holding for its open sign-ups when the task is edited
//! (`signups::age_limits`): an edit of the minimum or maximum age or of the start date that
//! would leave a volunteer out of range is refused with a 409 naming the sign-ups, and
//! nothing changes.

use chrono::{Duration, Months, NaiveDate, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::users;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, problem, spawn_app};
use crate::signups_support::{Crew, act, crew, reloaded, signed_up, task};

/// A birth date: `years` years before the day `days` from today.
fn born(years: u32, days: i64) -> String {
    let day = (Utc::now() + Duration::days(days)).date_naive();
    let birth: NaiveDate = day - Months::new(years * 12);
    birth.format("%Y-%m-%d").to_string()
}

/// RFC 3339 for `days` days (and `hours` hours) from now.
fn from_now(days: i64, hours: i64) -> String {
    (Utc::now() + Duration::days(days) + Duration::hours(hours)).to_rfc3339()
}

/// `PATCH /tasks/{id}`.
async fn edit(app: &TestApp, crew: &Crew, task: &str, body: Value) -> reqwest::Response {
    app.patch_auth(&format!("/api/v1/tasks/{task}"), &crew.owner, &body)
        .await
}

/// Asserts the 409 naming exactly these sign-ups.
async fn refused_for(response: reqwest::Response, signups: &[&Value]) {
    let body = problem(response, 409).await;
    assert_eq!(body["type"], "urn:talkoot:problem:signups-out-of-age-range");
    let mut named: Vec<String> = body["conflicting"]
        .list()
        .iter()
        .map(|id| id.as_str().unwrap().to_owned())
        .collect();
    named.sort();
    let mut expected: Vec<String> = signups.iter().map(|s| s.id()).collect();
    expected.sort();
    assert_eq!(named, expected, "{body}");
}

/// The task as anyone reads it, and its ETag.
async fn read(app: &TestApp, task: &str) -> (Value, String) {
    let response = app.get(&format!("/api/v1/tasks/{task}")).await;
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    (response.json().await.unwrap(), etag)
}

async fn raising_the_minimum_age_over_open_signups_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "ikaraja").await;
    let sixteen = app.volunteers("kuusitoista", 2, &born(16, -30)).await;
    let adult = app
        .volunteers("aikuinen", 1, &born(20, -30))
        .await
        .remove(0);
    let id = task(
        &app,
        &crew,
        "Nuorten disko",
        json!({ "min_age": 15, "approval_mode": "manual", "spots": 3 }),
    )
    .await;
    // A 16-year-old accepted, another pending, and an adult accepted.
    let accepted = signed_up(&app, &sixteen[0].token, &id).await;
    assert_eq!(
        act(&app, &crew.owner, &accepted, "accept").await.status(),
        200
    );
    let pending = signed_up(&app, &sixteen[1].token, &id).await;
    let grown = signed_up(&app, &adult.token, &id).await;
    assert_eq!(act(&app, &crew.owner, &grown, "accept").await.status(), 200);
    let (before, etag) = read(&app, &id).await;
    let mail = app.count("outbox").await;

    // 18 and over would leave both 16-year-olds out, accepted and pending alike; the
    // adult is not named. Nothing is written, not even the version.
    refused_for(
        edit(
            &app,
            &crew,
            &id,
            json!({ "min_age": 18, "title": "Aikuisten disko" }),
        )
        .await,
        &[&accepted, &pending],
    )
    .await;
    let (after, etag_after) = read(&app, &id).await;
    assert_eq!(after["min_age"], 15);
    assert_eq!(after["title"], before["title"]);
    assert_eq!(etag_after, etag, "the version did not move");
    assert_eq!(
        reloaded(&app, &sixteen[0].token, &accepted).await["status"],
        "accepted"
    );
    assert_eq!(
        reloaded(&app, &sixteen[1].token, &pending).await["status"],
        "pending"
    );
    assert_eq!(app.count("outbox").await, mail, "no emails");

    // A lower maximum is checked the same way.
    refused_for(
        edit(&app, &crew, &id, json!({ "max_age": 17 })).await,
        &[&grown],
    )
    .await;

    // Within everyone's ages the edit goes through.
    let ok = edit(&app, &crew, &id, json!({ "min_age": 16, "max_age": 29 })).await;
    assert_eq!(ok.status(), 200);
    // Once the 16-year-olds are declined (each is emailed as usual), 18 is fine.
    for s in [&accepted, &pending] {
        assert_eq!(act(&app, &crew.owner, s, "decline").await.status(), 200);
    }
    let raised: Value = edit(&app, &crew, &id, json!({ "min_age": 18 }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(raised["min_age"], 18);
}

async fn moving_the_start_date_is_refused_when_a_volunteer_would_be_out_of_range(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "siirto").await;
    // Ages on the start date, a week from now: one turns 18 in 20 days (17 then), one
    // turns 15 in 5 days (15 then).
    let older = app.volunteers("vanhempi", 1, &born(18, 20)).await.remove(0);
    let younger = app.volunteers("nuorempi", 1, &born(15, 5)).await.remove(0);
    let id = task(
        &app,
        &crew,
        "Kesäkahvila",
        json!({ "min_age": 15, "max_age": 17, "spots": 1, "waitlist": true }),
    )
    .await;
    let accepted = signed_up(&app, &older.token, &id).await;
    assert_eq!(accepted["status"], "accepted");
    let waitlisted = signed_up(&app, &younger.token, &id).await;
    assert_eq!(waitlisted["status"], "waitlisted");
    let (before, etag) = read(&app, &id).await;

    // A month later the accepted volunteer is 18: too old.
    let later = json!({ "starts_at": from_now(30, 0), "ends_at": from_now(30, 3) });
    refused_for(edit(&app, &crew, &id, later).await, &[&accepted]).await;
    // Two days from now the waitlisted one is still 14: too young.
    let sooner = json!({ "starts_at": from_now(2, 0), "ends_at": from_now(2, 3) });
    refused_for(edit(&app, &crew, &id, sooner).await, &[&waitlisted]).await;
    // Ongoing, age is taken today, when she is 14.
    let ongoing = json!({ "schedule_type": "ongoing" });
    refused_for(edit(&app, &crew, &id, ongoing).await, &[&waitlisted]).await;
    let (after, etag_after) = read(&app, &id).await;
    assert_eq!(after["starts_at"], before["starts_at"]);
    assert_eq!(after["schedule_type"], "fixed");
    assert_eq!(etag_after, etag);

    // Ten days from now both are in range.
    let fits = json!({ "starts_at": from_now(10, 0), "ends_at": from_now(10, 3) });
    let moved = edit(&app, &crew, &id, fits).await;
    assert_eq!(moved.status(), 200);
    let moved: Value = moved.json().await.unwrap();
    assert_ne!(moved["starts_at"], before["starts_at"]);
}

async fn an_edit_that_keeps_everyone_eligible_goes_through(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "sallittu").await;
    let teen = app.volunteers("teini", 1, &born(17, -30)).await.remove(0);
    let kid = app.volunteers("lapsi", 1, &born(15, -30)).await.remove(0);
    let id = task(
        &app,
        &crew,
        "Nuorisotalon kerho",
        json!({ "min_age": 15, "max_age": 17, "schedule_type": "ongoing",
                "starts_at": null, "ends_at": null }),
    )
    .await;
    let s = signed_up(&app, &teen.token, &id).await;
    assert_eq!(s["status"], "accepted");
    let theirs = signed_up(&app, &kid.token, &id).await;
    // Wider limits and other fields: fine.
    let wider = edit(
        &app,
        &crew,
        &id,
        json!({ "min_age": 13, "title": "Nuorisotalon iltakerho" }),
    )
    .await;
    assert_eq!(wider.status(), 200);

    // She has since turned 18 (an ongoing task takes age today). An edit does not make
    // her any less eligible than she already is, so it is not blocked on her account...
    let volunteer = teen.id.clone();
    app.db(move |conn| {
        let grown = NaiveDate::parse_from_str(&born(18, -1), "%Y-%m-%d").unwrap();
        diesel::update(users::table.find(&volunteer))
            .set(users::birth_date.eq(grown))
            .execute(conn)
            .unwrap();
    })
    .await;
    let unrelated = edit(&app, &crew, &id, json!({ "spots": 10, "min_age": 14 })).await;
    assert_eq!(unrelated.status(), 200);
    // ...while one that would newly leave the 15-year-old out names only him.
    refused_for(
        edit(&app, &crew, &id, json!({ "min_age": 16 })).await,
        &[&theirs],
    )
    .await;
}

both_backends!(
    raising_the_minimum_age_over_open_signups_is_refused,
    moving_the_start_date_is_refused_when_a_volunteer_would_be_out_of_range,
    an_edit_that_keeps_everyone_eligible_goes_through,
);
