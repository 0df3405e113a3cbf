//! Matching (issue 13): recommendations in a known order with every reason kind and every
//! exclusion, an empty profile, determinism and paging; similar tasks.

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app, task_body};
use crate::signups_support::{crew, move_dates, signed_up, task};

/// A birth date that makes its holder `age` today (and for the next month).
fn born_aged(age: i32) -> String {
    let today = Utc::now().date_naive();
    let born = today
        .with_year(today.year() - age)
        .unwrap_or(today - Duration::days(365 * i64::from(age)))
        - Duration::days(40);
    born.format("%Y-%m-%d").to_string()
}

/// The first `weekday` at least `days` from now, at 09:00 UTC (11 or 12 in Finland).
fn next(weekday: Weekday, days: i64) -> DateTime<Utc> {
    let mut day = (Utc::now() + Duration::days(days)).date_naive();
    while day.weekday() != weekday {
        day += Duration::days(1);
    }
    day.and_hms_opt(9, 0, 0).unwrap().and_utc()
}

/// Settings for a fixed task at `start`, three hours long.
fn at(start: DateTime<Utc>, extra: Value) -> Value {
    let mut body = json!({
        "starts_at": start.to_rfc3339(),
        "ends_at": (start + Duration::hours(3)).to_rfc3339(),
    });
    for (key, value) in extra.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

async fn recommendations(app: &TestApp, token: &str, query: &str) -> Value {
    app.get_auth_ok(&format!("/api/v1/me/recommendations{query}"), token)
        .await
}

fn ids(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["task"].id())
        .collect()
}

fn item<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["task"]["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {body}"))
}

/// A volunteer aged 17 in Lappeenranta who likes nature and animals, is free at weekends
/// and asked for support.
async fn volunteer(app: &TestApp, prefix: &str) -> String {
    let me = app.volunteers(prefix, 1, &born_aged(17)).await.remove(0);
    let patched = app
        .patch_auth(
            "/api/v1/me",
            &me.token,
            &json!({
                "municipality_code": "405",
                "interests": ["environment", "animals"],
                "availability": ["weekends"],
                "wants_support": true,
            }),
        )
        .await;
    assert_eq!(patched.status(), 200, "{}", patched.text().await.unwrap());
    me.token
}

async fn recommendations_rank_by_the_volunteer_and_say_why(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "suositus").await;
    let me = volunteer(&app, "suositeltu").await;
    let me_token = me.as_str();
    let saturday = next(Weekday::Sat, 3);
    let tuesday = next(Weekday::Tue, 30);

    // Every signal: both interests, the municipality, a weekend start, Finnish,
    // beginner-friendly, supported, starting within two weeks.
    let best = task(
        &app,
        &crew,
        "Luontopolun kunnostus",
        at(
            saturday,
            json!({ "categories": ["environment", "animals"], "languages": ["fi"],
                    "beginner_friendly": true, "supported": true }),
        ),
    )
    .await;
    // One interest and the municipality.
    let near = task(
        &app,
        &crew,
        "Puiston siivous",
        at(
            tuesday,
            json!({ "categories": ["environment"], "languages": ["sv"] }),
        ),
    )
    .await;
    // Elsewhere in the region, remote, Finnish.
    let region = task(
        &app,
        &crew,
        "Läksyapu etänä",
        at(
            tuesday + Duration::days(1),
            json!({ "categories": ["education"], "municipality_code": "153",
                    "remote_online": true, "languages": ["fi"] }),
        ),
    )
    .await;
    // Nothing in common, but open to them.
    let other = task(
        &app,
        &crew,
        "Museo-opas",
        at(
            tuesday + Duration::days(2),
            json!({ "categories": ["culture"], "municipality_code": "091",
                    "languages": ["en"] }),
        ),
    )
    .await;

    // What they cannot join never appears: too young, full without a waitlist, already
    // signed up, not published.
    let liked = json!({ "categories": ["environment", "animals"], "languages": ["fi"] });
    task(&app, &crew, "Aikuisten talkoot", {
        let mut s = at(saturday, liked.clone());
        s["min_age"] = json!(18);
        s
    })
    .await;
    let full = task(&app, &crew, "Täysi retki", {
        let mut s = at(saturday, liked.clone());
        s["spots"] = json!(1);
        s
    })
    .await;
    let someone = app.volunteers("joku", 1, &born_aged(20)).await.remove(0);
    signed_up(&app, &someone.token, &full).await;
    let joined = task(&app, &crew, "Jo mukana", at(saturday, liked.clone())).await;
    signed_up(&app, me_token, &joined).await;
    let mut draft = task_body("Luonnos", 5);
    draft["categories"] = json!(["environment"]);
    app.draft_task(&crew.owner, &crew.association, draft).await;

    let body = recommendations(&app, me_token, "").await;
    assert_eq!(
        ids(&body),
        [
            best.as_str(),
            near.as_str(),
            region.as_str(),
            other.as_str()
        ],
        "{body}"
    );
    assert_eq!(body["total"], 4);
    let scores: Vec<f64> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores, [18.0, 7.0, 4.0, 0.0]);
    assert_eq!(
        item(&body, &best)["reasons"],
        json!([
            { "kind": "category", "id": "animals" },
            { "kind": "category", "id": "environment" },
            { "kind": "municipality", "code": "405" },
            { "kind": "fits_availability", "slot": "weekends" },
            { "kind": "language", "code": "fi" },
            { "kind": "beginner_friendly" },
            { "kind": "supported" },
            { "kind": "starting_soon" },
        ])
    );
    assert_eq!(
        item(&body, &region)["reasons"],
        json!([
            { "kind": "region", "code": "09" },
            { "kind": "remote" },
            { "kind": "language", "code": "fi" },
        ])
    );
    assert_eq!(item(&body, &other)["reasons"], json!([]));
    assert_eq!(body["improve_with"], json!([]));

    // The same question gets the same answer; pages split it.
    assert_eq!(recommendations(&app, me_token, "").await, body);
    let second = recommendations(&app, me_token, "?per_page=2&page=2").await;
    assert_eq!(ids(&second), [region.as_str(), other.as_str()]);
    assert_eq!(second["total"], 4);
    // One per page: the best (18) scores above what a task with no interest and no place
    // can (9), so only the tasks meeting a strong signal are ranked, and the total (all
    // they could join, less the task they joined) is counted apart; the same answer.
    let first = recommendations(&app, me_token, "?per_page=1").await;
    assert_eq!(ids(&first), [best.as_str()]);
    assert_eq!(first["total"], 4);
    assert_eq!(first["items"][0], body["items"][0]);
    let next = recommendations(&app, me_token, "?per_page=1&page=2").await;
    assert_eq!(ids(&next), [near.as_str()]);
    assert_eq!(next["total"], 4);

    // A task they completed and rated 5: its categories count as liked, and they are no
    // longer a beginner.
    let walk = task(
        &app,
        &crew,
        "Koirien ulkoilutus",
        at(saturday, json!({ "categories": ["animals"] })),
    )
    .await;
    let signup = signed_up(&app, me_token, &walk).await;
    move_dates(&app, &walk, -Duration::days(20)).await;
    let done = app
        .post_auth(
            &format!("/api/v1/signups/{}/complete", signup.id()),
            &crew.owner,
            &json!({ "hours": 3 }),
        )
        .await;
    assert_eq!(done.status(), 200, "{}", done.text().await.unwrap());
    let rated = app
        .post_auth(
            &format!("/api/v1/signups/{}/feedback", signup.id()),
            me_token,
            &json!({ "rating": 5 }),
        )
        .await;
    assert_eq!(rated.status(), 200, "{}", rated.text().await.unwrap());
    let after = recommendations(&app, me_token, "").await;
    let reasons = &item(&after, &best)["reasons"];
    assert!(
        reasons
            .as_array()
            .unwrap()
            .contains(&json!({ "kind": "liked_before", "id": "animals" })),
        "{reasons}"
    );
    assert!(
        !reasons
            .as_array()
            .unwrap()
            .contains(&json!({ "kind": "beginner_friendly" })),
        "{reasons}"
    );
    assert!(!ids(&after).contains(&walk));
}

async fn an_empty_profile_gets_tasks_starting_soon_and_a_hint(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "tyhja").await;
    let me = app.volunteers("uusi", 1, &born_aged(25)).await.remove(0);
    let later = task(
        &app,
        &crew,
        "Syystalkoot",
        at(next(Weekday::Wed, 40), json!({ "languages": ["fi"] })),
    )
    .await;
    let soon = task(
        &app,
        &crew,
        "Kevättalkoot",
        at(next(Weekday::Wed, 4), json!({ "languages": ["fi"] })),
    )
    .await;
    let body = recommendations(&app, &me.token, "").await;
    assert_eq!(ids(&body), [soon.as_str(), later.as_str()], "{body}");
    assert_eq!(
        item(&body, &soon)["reasons"],
        json!([{ "kind": "language", "code": "fi" }, { "kind": "starting_soon" }])
    );
    assert_eq!(
        body["improve_with"],
        json!(["municipality_code", "interests", "availability"])
    );
    // Signed in only.
    assert_eq!(app.get("/api/v1/me/recommendations").await.status(), 401);
    let bad = app
        .get_auth("/api/v1/me/recommendations?per_page=0", &me.token)
        .await;
    assert_eq!(bad.status(), 422);
}

async fn similar_tasks_share_categories_place_and_words(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "samanlainen").await;
    let env = |municipality: &str| json!({ "categories": ["environment"], "municipality_code": municipality });
    let base = task(&app, &crew, "Rannan siivous", env("405")).await;
    let forest = task(&app, &crew, "Metsän siivous", env("405")).await;
    let imatra = task(&app, &crew, "Puistotalkoot Imatralla", env("153")).await;
    task(
        &app,
        &crew,
        "Kuoron laulaja",
        json!({ "categories": ["culture"], "municipality_code": "091" }),
    )
    .await;
    let full = task(&app, &crew, "Täysi siivous", {
        let mut s = env("405");
        s["spots"] = json!(1);
        s
    })
    .await;
    let someone = app.volunteers("taysi", 1, &born_aged(20)).await.remove(0);
    signed_up(&app, &someone.token, &full).await;

    let body = app.get_ok(&format!("/api/v1/tasks/{base}/similar")).await;
    let found: Vec<String> = body["items"].pluck("id");
    assert_eq!(found, [forest.as_str(), imatra.as_str()], "{body}");
    let one = app
        .get_ok(&format!("/api/v1/tasks/{base}/similar?limit=1"))
        .await;
    assert_eq!(one["items"].pluck("id"), [forest.as_str()]);

    let missing = app
        .get("/api/v1/tasks/0190a4c4-0000-7000-8000-000000000000/similar")
        .await;
    assert_eq!(missing.status(), 404);
    let mut body = task_body("Luonnos", 5);
    body["categories"] = json!(["environment"]);
    let draft = app.draft_task(&crew.owner, &crew.association, body).await;
    assert_eq!(
        app.get(&format!("/api/v1/tasks/{draft}/similar"))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(&format!("/api/v1/tasks/{base}/similar?limit=0"))
            .await
            .status(),
        422
    );
}

both_backends!(
    recommendations_rank_by_the_volunteer_and_say_why,
    an_empty_profile_gets_tasks_starting_soon_and_a_hint,
    similar_tasks_share_categories_place_and_words
);
