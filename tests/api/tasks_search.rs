//! `GET /tasks`: each filter and sort against a fixture whose answers are known, facets
//! that add up, past tasks, and Finnish-aware text search.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app, task_body};

async fn titles(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/tasks?{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    let body: Value = response.json().await.unwrap();
    let mut titles = body["items"].pluck("title");
    if !query.contains("sort=") && !query.contains("q=") {
        titles.sort();
    }
    titles
}

/// Five published tasks with known attributes, one draft, one past, one from a pending association.
async fn fixture(app: &TestApp) {
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let a = app
        .verified_association(&owner, &admin, "Lappeenrannan Nuoret", "405")
        .await;
    let b = app
        .verified_association(&owner, &admin, "Kotkan Merikerho", "285")
        .await;
    let mut beach = task_body("Rannan siivous Kotkassa", 20);
    beach["municipality_code"] = json!("285");
    beach["categories"] = json!(["environment", "events"]);
    beach["beginner_friendly"] = json!(true);
    beach["languages"] = json!(["fi", "en"]);
    beach["application_deadline"] = json!((Utc::now() + Duration::days(15)).to_rfc3339());
    app.published_task(&owner, &b, beach).await;
    let mut phone = task_body("Puhelinystävä ikäihmisille", 3);
    phone["municipality_code"] = Value::Null;
    phone["remote_phone"] = json!(true);
    phone["schedule_type"] = json!("ongoing");
    phone["starts_at"] = Value::Null;
    phone["ends_at"] = Value::Null;
    phone["categories"] = json!(["older-people", "befriending"]);
    phone["supported"] = json!(true);
    phone["min_age"] = json!(18);
    app.published_task(&owner, &a, phone).await;
    let mut camp = task_body("Nuorten kesäleirin apuohjaaja", 60);
    camp["categories"] = json!(["children-youth"]);
    camp["min_age"] = json!(15);
    camp["max_age"] = json!(17);
    camp["schedule_type"] = json!("flexible");
    camp["placement"] =
        json!({ "field_of_study": "Yhteisöpedagogi", "duration": null, "credits": false });
    camp["application_deadline"] = json!((Utc::now() + Duration::days(30)).to_rfc3339());
    app.published_task(&owner, &a, camp).await;
    let mut dogs = task_body("Koirien ulkoilutus", 10);
    dogs["categories"] = json!(["animals"]);
    dogs["spots"] = Value::Null;
    app.published_task(&owner, &a, dogs).await;
    let mut library = task_body("Läksykerho kirjastossa", 5);
    library["categories"] = json!(["children-youth", "education"]);
    library["description"] =
        json!("Auta nuoria läksyissä. Nuoret tarvitsevat apua matematiikassa.");
    app.published_task(&owner, &a, library).await;
    // Not listed: a draft, a task that has ended, a pending association's task.
    app.draft_task(&owner, &a, task_body("Luonnos tehtävästä", 5))
        .await;
    let past_id = app
        .published_task(&owner, &a, task_body("Mennyt tapahtuma", 2))
        .await;
    app.db(move |conn| {
        use diesel::prelude::*;
        use talkoot::db::schema::tasks;
        let then = Utc::now().naive_utc() - Duration::days(30);
        diesel::update(tasks::table.find(&past_id))
            .set((
                tasks::starts_at.eq(then),
                tasks::ends_at.eq(then + Duration::hours(2)),
            ))
            .execute(conn)
            .unwrap();
        // Written behind the service's back, so the search index is told as the service
        // would tell it.
        talkoot::changes::record(conn, talkoot::changes::Entity::Task, &past_id, then).unwrap();
    })
    .await;
    let (other, _) = app.signed_in("odottava@example.fi").await;
    let pending = app
        .create_association(&other, "Odottava seura", "405")
        .await
        .id();
    app.draft_task(&other, &pending, task_body("Odottavan tehtävä", 5))
        .await;
}

async fn each_filter_finds_exactly_the_right_tasks(backend: Backend) {
    let app = spawn_app(backend).await;
    fixture(&app).await;
    let all = [
        "Koirien ulkoilutus",
        "Läksykerho kirjastossa",
        "Nuorten kesäleirin apuohjaaja",
        "Puhelinystävä ikäihmisille",
        "Rannan siivous Kotkassa",
    ];
    assert_eq!(titles(&app, "").await, all);
    assert_eq!(
        titles(&app, "municipality=285").await,
        ["Rannan siivous Kotkassa"]
    );
    assert_eq!(
        titles(&app, "region=09").await,
        [
            "Koirien ulkoilutus",
            "Läksykerho kirjastossa",
            "Nuorten kesäleirin apuohjaaja"
        ]
    );
    assert_eq!(
        titles(&app, "category=children-youth").await,
        ["Läksykerho kirjastossa", "Nuorten kesäleirin apuohjaaja"]
    );
    assert_eq!(
        titles(&app, "category=children-youth&category=education").await,
        ["Läksykerho kirjastossa"]
    );
    assert_eq!(
        titles(&app, "schedule_type=ongoing").await,
        ["Puhelinystävä ikäihmisille"]
    );
    assert_eq!(
        titles(&app, "remote=true").await,
        ["Puhelinystävä ikäihmisille"]
    );
    assert_eq!(titles(&app, "remote=false").await.len(), 4);
    assert_eq!(
        titles(&app, "age=16").await,
        [
            "Koirien ulkoilutus",
            "Läksykerho kirjastossa",
            "Nuorten kesäleirin apuohjaaja",
            "Rannan siivous Kotkassa"
        ]
    );
    assert_eq!(
        titles(&app, "age=25").await,
        [
            "Koirien ulkoilutus",
            "Läksykerho kirjastossa",
            "Puhelinystävä ikäihmisille",
            "Rannan siivous Kotkassa"
        ]
    );
    let in_two_weeks = (Utc::now() + Duration::days(14)).date_naive();
    assert_eq!(
        titles(&app, &format!("starts_after={in_two_weeks}")).await,
        ["Nuorten kesäleirin apuohjaaja", "Rannan siivous Kotkassa"]
    );
    assert_eq!(
        titles(&app, &format!("starts_before={in_two_weeks}")).await,
        ["Koirien ulkoilutus", "Läksykerho kirjastossa"]
    );
    assert_eq!(
        titles(&app, "beginner_friendly=true").await,
        ["Rannan siivous Kotkassa"]
    );
    assert_eq!(
        titles(&app, "supported=true").await,
        ["Puhelinystävä ikäihmisille"]
    );
    assert_eq!(
        titles(&app, "language=en").await,
        ["Rannan siivous Kotkassa"]
    );
    assert_eq!(
        titles(&app, "placement=true").await,
        ["Nuorten kesäleirin apuohjaaja"]
    );
    assert_eq!(titles(&app, "has_spots=true").await.len(), 5);
    assert_eq!(titles(&app, "include_past=true").await.len(), 6);

    // Sorts.
    assert_eq!(
        titles(&app, "sort=starts_at").await[..3],
        [
            "Läksykerho kirjastossa",
            "Koirien ulkoilutus",
            "Rannan siivous Kotkassa"
        ]
    );
    assert_eq!(
        titles(&app, "sort=deadline").await[..2],
        ["Rannan siivous Kotkassa", "Nuorten kesäleirin apuohjaaja"]
    );
    assert_eq!(
        titles(&app, "sort=newest").await[0],
        "Läksykerho kirjastossa"
    );

    // Paging and bad parameters.
    let page: Value = app
        .get("/api/v1/tasks?per_page=2&page=3&sort=starts_at")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (page["total"].as_i64(), page["items"].list().len()),
        (Some(5), 1)
    );
    for (query, field) in [
        ("age=old", "age"),
        ("remote=maybe", "remote"),
        ("sort=random", "sort"),
        ("starts_after=tomorrow", "starts_after"),
        ("colour=red", "colour"),
        ("per_page=500", "per_page"),
    ] {
        let body = problem(app.get(&format!("/api/v1/tasks?{query}")).await, 422).await;
        assert_eq!(fields(&body), [field], "{query}");
    }
}

async fn facets_count_the_current_filters(backend: Backend) {
    let app = spawn_app(backend).await;
    fixture(&app).await;
    let body: Value = app
        .get("/api/v1/tasks?facets=true")
        .await
        .json()
        .await
        .unwrap();
    let facets = &body["facets"];
    let count = |facet: &Value, value: &str| {
        facet
            .list()
            .iter()
            .find(|f| f["value"] == value)
            .map(|f| f["count"].as_i64().unwrap())
    };
    assert_eq!(count(&facets["categories"], "children-youth"), Some(2));
    assert_eq!(count(&facets["categories"], "environment"), Some(1));
    assert_eq!(count(&facets["regions"], "09"), Some(3));
    assert_eq!(count(&facets["regions"], "08"), Some(1));
    let schedule_sum: i64 = facets["schedule_types"]
        .list()
        .iter()
        .map(|f| f["count"].as_i64().unwrap())
        .sum();
    assert_eq!(
        schedule_sum,
        body["total"].as_i64().unwrap(),
        "every task has one schedule type"
    );
    assert_eq!(count(&facets["schedule_types"], "fixed"), Some(3));
    // With a filter, the counts follow it.
    let body: Value = app
        .get("/api/v1/tasks?facets=true&region=09")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["total"], 3);
    assert_eq!(count(&body["facets"]["regions"], "08"), None);
    assert_eq!(
        count(&body["facets"]["categories"], "children-youth"),
        Some(2)
    );
    let plain: Value = app.get("/api/v1/tasks").await.json().await.unwrap();
    assert!(plain.get("facets").is_none());
}

async fn text_search(backend: Backend) {
    let app = spawn_app(backend).await;
    fixture(&app).await;
    // Prefixes on both backends, in titles, descriptions and the association's name.
    assert_eq!(titles(&app, "q=ulkoil").await, ["Koirien ulkoilutus"]);
    assert_eq!(titles(&app, "q=matemat").await, ["Läksykerho kirjastossa"]);
    assert_eq!(
        titles(&app, "q=merikerho").await,
        ["Rannan siivous Kotkassa"]
    );
    assert!(titles(&app, "q=%22%20OR%20*").await.len() <= 5);
    {
        // Finnish inflection: "nuorille" finds "nuoria"/"nuoret" and "Nuorten".
        let found = titles(&app, "q=nuorille%20").await;
        assert!(
            found.contains(&"Läksykerho kirjastossa".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"Nuorten kesäleirin apuohjaaja".to_owned()),
            "{found:?}"
        );
    }
    // Relevance puts a title match first.
    let ranked = titles(&app, "q=nuor").await;
    assert_eq!(
        ranked.first().map(String::as_str),
        Some("Nuorten kesäleirin apuohjaaja"),
        "{ranked:?}"
    );
}

both_backends!(
    each_filter_finds_exactly_the_right_tasks,
    facets_count_the_current_filters,
    text_search
);
