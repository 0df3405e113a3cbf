//! Saved searches and follows (issue 13): filters checked like `GET /tasks` and kept in one
//! form, each volunteer's own, bounded in number; following is idempotent and only for
//! public associations.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app};
use crate::signups_support::crew;

const SAVED: &str = "/api/v1/me/saved-searches";

async fn saved_searches_keep_filters_and_belong_to_their_owner(backend: Backend) {
    let app = spawn_app(backend).await;
    let me = app
        .volunteers("tallentaja", 1, "2005-01-01")
        .await
        .remove(0);
    let other = app.volunteers("toinen", 1, "2005-01-01").await.remove(0);

    let created = app
        .post_auth(
            SAVED,
            &me.token,
            &json!({ "name": "Luonto Etelä-Karjalassa",
                     "filters": { "region": "09", "category": ["environment"], "q": "siivous" },
                     "alert": "instant" }),
        )
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let first: Value = created.json().await.unwrap();
    assert_eq!(location, format!("{SAVED}/{}", first.id()));
    assert_eq!(first["query"], "category=environment&q=siivous&region=09");
    assert_eq!(
        first["filters"],
        json!({ "q": "siivous", "region": "09", "category": ["environment"] })
    );
    assert_eq!(first["alert"], "instant");
    let second: Value = app
        .post_auth(
            SAVED,
            &me.token,
            &json!({ "name": "Etätehtävät", "filters": { "remote": true } }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["alert"], "daily", "daily is the default");
    let listed = app.get_auth_ok(SAVED, &me.token).await;
    assert_eq!(
        listed["items"].pluck("name"),
        ["Luonto Etelä-Karjalassa", "Etätehtävät"]
    );
    assert_eq!(
        app.get_auth_ok(SAVED, &other.token).await["items"],
        json!([])
    );

    // Bad filters are named under `filters`; a bad name or alert by its field; nothing kept.
    for (body, expected) in [
        (
            json!({ "name": "x", "filters": { "age": 200 } }),
            vec!["filters.age"],
        ),
        (
            json!({ "name": "x", "filters": { "schedule_type": "joskus", "colour": "red" } }),
            vec!["filters.colour"],
        ),
        (
            json!({ "name": "x", "filters": { "schedule_type": "joskus", "q": "a".repeat(201) } }),
            vec!["filters.q", "filters.schedule_type"],
        ),
        (json!({ "name": " ", "filters": {} }), vec!["name"]),
        (json!({ "name": "x", "filters": [null] }), vec!["filters"]),
        (
            json!({ "name": "x", "filters": {}, "alert": "hourly" }),
            vec!["alert"],
        ),
    ] {
        let refused = problem(app.post_auth(SAVED, &me.token, &body).await, 422).await;
        let mut named = fields(&refused);
        named.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(named, expected, "{body}");
    }
    assert_eq!(
        app.get_auth_ok(SAVED, &me.token).await["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Someone else's saved search is not there for them.
    let path = format!("{SAVED}/{}", first.id());
    let theirs = app
        .patch_auth(&path, &other.token, &json!({ "alert": "off" }))
        .await;
    assert_eq!(theirs.status(), 404);
    assert_eq!(app.delete_auth(&path, &other.token).await.status(), 404);

    // The owner changes and deletes it; a bad change changes nothing.
    let refused = app
        .patch_auth(
            &path,
            &me.token,
            &json!({ "alert": "off", "filters": { "age": -1 } }),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let changed: Value = app
        .patch_auth(
            &path,
            &me.token,
            &json!({ "alert": "off", "name": "Luonto" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(changed["alert"], "off");
    assert_eq!(changed["name"], "Luonto");
    assert_eq!(changed["query"], first["query"]);
    assert_eq!(changed["filters"], first["filters"]);
    assert_eq!(app.delete_auth(&path, &me.token).await.status(), 204);
    assert_eq!(app.delete_auth(&path, &me.token).await.status(), 404);

    // At most 20 each.
    for i in 1..20 {
        let made = app
            .post_auth(
                SAVED,
                &me.token,
                &json!({ "name": format!("Haku {i}"), "filters": { "age": i } }),
            )
            .await;
        assert_eq!(made.status(), 201);
    }
    let over = app
        .post_auth(
            SAVED,
            &me.token,
            &json!({ "name": "Liikaa", "filters": { "age": 1 } }),
        )
        .await;
    assert_eq!(over.status(), 409);
    assert_eq!(app.get(SAVED).await.status(), 401);
}

async fn following_an_association_is_idempotent_and_for_public_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "seurattu").await;
    let me = app.volunteers("seuraaja", 1, "2005-01-01").await.remove(0);
    let follow = format!("/api/v1/associations/{}/follow", crew.association);
    for _ in 0..2 {
        let done = app.post_auth(&follow, &me.token, &json!({})).await;
        assert_eq!(done.status(), 204);
    }
    let follows = app.get_auth_ok("/api/v1/me/follows", &me.token).await;
    assert_eq!(
        follows["items"].pluck("association_id"),
        [crew.association.as_str()]
    );
    assert_eq!(follows["items"][0]["name"], "Luontoseura seurattu");

    assert_eq!(app.delete_auth(&follow, &me.token).await.status(), 204);
    assert_eq!(app.delete_auth(&follow, &me.token).await.status(), 204);
    let follows = app.get_auth_ok("/api/v1/me/follows", &me.token).await;
    assert_eq!(follows["items"], json!([]));

    // A pending (unverified) association or an unknown one cannot be followed.
    let pending = app
        .create_association(&crew.owner, "Odottava seura", "405")
        .await;
    let refused = app
        .post_auth(
            &format!("/api/v1/associations/{}/follow", pending.id()),
            &me.token,
            &json!({}),
        )
        .await;
    assert_eq!(refused.status(), 404);
    let unknown = app
        .post_auth(
            "/api/v1/associations/ei-ole-olemassa/follow",
            &me.token,
            &json!({}),
        )
        .await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(app.post(&follow, &json!({})).await.status(), 401);
}

both_backends!(
    saved_searches_keep_filters_and_belong_to_their_owner,
    following_an_association_is_idempotent_and_for_public_ones
);
