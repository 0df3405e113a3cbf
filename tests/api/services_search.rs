//! Finding services (palvelut) to offer: `GET /services` over the services of verified
//! associations only, by words (Finnish-aware on PostgreSQL, prefixes on both), place,
//! field of activity, target group and price, with each association's public contact.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app};

/// The names of the services found, in order.
async fn found(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/services?{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    let body: Value = response.json().await.unwrap();
    body["items"].pluck("name")
}

/// The accounts and associations of a test.
struct World {
    owner: String,
    admin: String,
    imatra: String,
    kotka: String,
}

/// A verified association of `owner` with these card fields.
async fn provider(
    app: &TestApp,
    world: (&str, &str),
    name: &str,
    municipality: &str,
    card: Value,
) -> String {
    let (owner, admin) = world;
    let id = app
        .verified_association(owner, admin, name, municipality)
        .await;
    let patched = app
        .patch_auth(&format!("/api/v1/associations/{id}"), owner, &card)
        .await;
    assert_eq!(patched.status(), 200, "{card}");
    id
}

/// Three verified associations in two regions with four services, two of them free:
/// Imatra (153, Etelä-Karjala 09), Kotka (285) and Kouvola (286), both in Kymenlaakso (08).
async fn seed(app: &TestApp) -> World {
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("palvelut@example.fi").await;
    let world = (owner.as_str(), admin.as_str());
    let imatra = provider(
        app,
        world,
        "Imatran Luontokerho",
        "153",
        json!({
            "field_of_activity": "environment",
            "contact_person": "Liisa Luoto",
            "email": "luonto@example.fi",
            "phone": "040 123 4567",
            "website": "https://luonto.example.fi",
            "meeting_address": "Metsäkatu 1, Imatra",
            "founding_year": 1990
        }),
    )
    .await;
    app.add_service(
        &owner,
        &imatra,
        json!({
            "name": "Retkipäivä",
            "description": "Opastettu retki metsään, ruokailu nuotiolla.",
            "target_group": "Nuoret ja perheet"
        }),
    )
    .await;
    app.add_service(
        &owner,
        &imatra,
        json!({
            "name": "Sienikurssi",
            "description": "Myös nuoret ovat tervetulleita.",
            "target_group": "Aikuiset",
            "price": "10 €"
        }),
    )
    .await;
    let kotka = provider(
        app,
        world,
        "Kotkan Meripelastajat",
        "285",
        json!({ "field_of_activity": "crisis-preparedness" }),
    )
    .await;
    app.add_service(
        &owner,
        &kotka,
        json!({
            "name": "Ensiapukurssi",
            "target_group": "Nuoret aikuiset",
            "price": "20 €",
            "how_to_get": "Ilmoittaudu verkossa."
        }),
    )
    .await;
    let kouvola = provider(
        app,
        world,
        "Kouvolan Ruoka-apu",
        "286",
        json!({ "field_of_activity": "befriending" }),
    )
    .await;
    app.add_service(
        &owner,
        &kouvola,
        json!({
            "name": "Ruokakassit",
            "description": "Ruokaa perheille torstaisin.",
            "target_group": "Lapsiperheet"
        }),
    )
    .await;
    World {
        owner,
        admin,
        imatra,
        kotka,
    }
}

async fn filters_paging_and_order(backend: Backend) {
    let app = spawn_app(backend).await;
    seed(&app).await;

    // By association name, then by service name.
    assert_eq!(
        found(&app, "").await,
        ["Retkipäivä", "Sienikurssi", "Ensiapukurssi", "Ruokakassit"]
    );
    assert_eq!(
        found(&app, "municipality=153").await,
        ["Retkipäivä", "Sienikurssi"]
    );
    assert_eq!(
        found(&app, "region=08").await,
        ["Ensiapukurssi", "Ruokakassit"]
    );
    assert_eq!(
        found(&app, "category=environment").await,
        ["Retkipäivä", "Sienikurssi"]
    );
    assert_eq!(
        found(&app, "free=true").await,
        ["Retkipäivä", "Ruokakassit"]
    );
    assert_eq!(
        found(&app, "free=false").await,
        ["Sienikurssi", "Ensiapukurssi"]
    );
    assert_eq!(found(&app, "region=08&free=true").await, ["Ruokakassit"]);
    // The target group alone: Sienikurssi welcomes "nuoret" in its description, and is
    // found by `q`, but its target group is adults.
    assert_eq!(
        found(&app, "target_group=nuoret").await,
        ["Retkipäivä", "Ensiapukurssi"]
    );
    assert_eq!(
        found(&app, "q=nuoret").await.len(),
        3,
        "q searches the description too"
    );
    assert_eq!(
        found(&app, "target_group=aikuiset").await,
        ["Sienikurssi", "Ensiapukurssi"]
    );
    assert_eq!(
        found(&app, "target_group=NUORET%20aikuiset").await,
        ["Ensiapukurssi"],
        "every word, in any case"
    );
    assert_eq!(found(&app, "target_group=%21%3F").await.len(), 4);

    let page: Value = app.get_ok("/api/v1/services?per_page=2&page=2").await;
    assert_eq!(
        (page["total"].as_i64(), page["page"].as_i64()),
        (Some(4), Some(2))
    );
    assert_eq!(page["per_page"], 2);
    assert_eq!(
        page["items"].pluck("name"),
        ["Ensiapukurssi", "Ruokakassit"]
    );
    let past: Value = app.get_ok("/api/v1/services?per_page=2&page=3").await;
    assert_eq!(
        (past["total"].as_i64(), past["items"].list().len()),
        (Some(4), 0)
    );
    let filtered: Value = app.get_ok("/api/v1/services?free=true&per_page=1").await;
    assert_eq!(
        filtered["total"], 2,
        "the total counts the filtered services"
    );
}

async fn text_search_and_relevance(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = seed(&app).await;
    // A word prefix, in the service's name, description, how to get it or the
    // association's name.
    assert_eq!(found(&app, "q=retki").await, ["Retkipäivä"]);
    assert_eq!(found(&app, "q=torstai").await, ["Ruokakassit"]);
    assert_eq!(found(&app, "q=verkossa").await, ["Ensiapukurssi"]);
    assert_eq!(found(&app, "q=meripelast").await, ["Ensiapukurssi"]);
    // Every word must match, wherever it is.
    assert_eq!(found(&app, "q=kotkan%20ensiapu").await, ["Ensiapukurssi"]);
    assert!(found(&app, "q=kotkan%20ruokakassit").await.is_empty());
    // Query syntax is only text, never an error.
    found(&app, "q=%22%29%20OR%20*%3A%26").await;
    found(&app, "target_group=%22%29%20OR%20*%3A%26").await;
    // Relevance: a match in the name ranks above a match in the text ("ruokailu").
    let ranked = found(&app, "q=ruoka").await;
    assert_eq!(ranked, ["Ruokakassit", "Retkipäivä"]);

    // Edits reach the index: a service's new text, and a deleted service is gone.
    let services = format!("/api/v1/associations/{}/services", world.kotka);
    let id = app
        .add_service(
            &world.owner,
            &world.kotka,
            json!({ "name": "Uimavalvonta" }),
        )
        .await;
    assert_eq!(found(&app, "q=uimavalvonta").await, ["Uimavalvonta"]);
    let edited = app
        .patch_auth(
            &format!("{services}/{id}"),
            &world.owner,
            &json!({ "description": "Rantojen turvallisuus kesällä." }),
        )
        .await;
    assert_eq!(edited.status(), 200);
    assert_eq!(found(&app, "q=rantojen").await, ["Uimavalvonta"]);
    let deleted = app
        .delete_auth(&format!("{services}/{id}"), &world.owner)
        .await;
    assert_eq!(deleted.status(), 204);
    assert!(found(&app, "q=rantojen").await.is_empty());
}

/// Finnish words, the same on both backends: inflected forms meet, the last word is a
/// prefix, and umlauts may be typed without their dots.
async fn finnish_words(backend: Backend) {
    let app = spawn_app(backend).await;
    seed(&app).await;
    assert_eq!(found(&app, "q=retkip").await, ["Retkipäivä"]);
    assert_eq!(
        found(&app, "target_group=nuore").await,
        ["Retkipäivä", "Ensiapukurssi"]
    );
    // "nuorille" (for young people) finds "nuoret" (young people), "metsissä" (in
    // forests) "metsään" (into the forest), "perheille" (for families) "perheet".
    assert_eq!(
        found(&app, "target_group=nuorille%20").await,
        ["Retkipäivä", "Ensiapukurssi"]
    );
    assert_eq!(found(&app, "q=metsissä%20").await, ["Retkipäivä"]);
    let mut families = found(&app, "q=perheille%20").await;
    families.sort();
    assert_eq!(families, ["Retkipäivä", "Ruokakassit"]);
    // For someone without a Finnish keyboard: "retkipaiva" finds "Retkipäivä".
    assert_eq!(found(&app, "q=retkipaiva%20").await, ["Retkipäivä"]);
    assert_eq!(found(&app, "q=metsaan%20").await, ["Retkipäivä"]);
    // A prefix of a word, not of a part of a compound ("Lapsiperheet").
    assert_eq!(found(&app, "target_group=perhe").await, ["Retkipäivä"]);
}

/// Only verified associations' services appear; pending and suspended ones never do, even
/// when the words name them exactly.
async fn only_verified_associations(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = seed(&app).await;
    let pending = app
        .create_association(&world.owner, "Aaa Odottava Kerho", "153")
        .await
        .id();
    app.add_service(&world.owner, &pending, json!({ "name": "Läksykerho" }))
        .await;
    let suspended = provider(
        &app,
        (&world.owner, &world.admin),
        "Aab Hyllytetty Kerho",
        "153",
        json!({}),
    )
    .await;
    app.add_service(&world.owner, &suspended, json!({ "name": "Läksyapu" }))
        .await;
    assert_eq!(
        found(&app, "q=läksyapu").await,
        ["Läksyapu"],
        "while verified"
    );
    let response = app
        .post_auth(
            &format!("/api/v1/admin/associations/{suspended}/suspend"),
            &world.admin,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), 200);

    let everything = found(&app, "").await;
    assert_eq!(everything.len(), 4, "{everything:?}");
    for query in [
        "q=läksy",
        "q=odottava",
        "q=hyllytetty",
        "municipality=153&free=true",
    ] {
        let names = found(&app, query).await;
        assert!(
            !names.iter().any(|n| n.starts_with("Läksy")),
            "{query}: {names:?}"
        );
    }
    // Signing in changes nothing: the search is the same for everyone.
    let body: Value = app
        .get_auth_ok("/api/v1/services?q=läksy", &world.owner)
        .await;
    assert_eq!(body["total"], 0);

    // Once verified, the pending association's services appear.
    let verified = app
        .post_auth(
            &format!("/api/v1/admin/associations/{pending}/verify"),
            &world.admin,
            &json!({}),
        )
        .await;
    assert_eq!(verified.status(), 200);
    assert_eq!(found(&app, "q=läksy").await, ["Läksykerho"]);
}

/// A renamed association's services are found by the new name, no longer by the old one.
async fn renamed_association_is_found_by_its_new_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = seed(&app).await;
    assert_eq!(found(&app, "q=kotkan").await, ["Ensiapukurssi"]);
    let renamed = app
        .patch_auth(
            &format!("/api/v1/associations/{}", world.kotka),
            &world.owner,
            &json!({ "name": "Kymenlaakson Meripelastajat" }),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    assert_eq!(found(&app, "q=kymenlaakson").await, ["Ensiapukurssi"]);
    assert!(found(&app, "q=kotkan").await.is_empty());
    let body: Value = app.get_ok("/api/v1/services?q=ensiapu").await;
    assert_eq!(
        body["items"][0]["association"]["name"],
        "Kymenlaakson Meripelastajat"
    );
}

/// Each hit is the service with its association's name, place and public contact: the
/// contact that the public card shows, and nothing else of the card.
async fn hits_carry_the_association_and_its_public_contact(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = seed(&app).await;
    let response = app.get("/api/v1/services?q=retki").await;
    assert_eq!(response.status(), 200);
    let listed = app.get("/api/v1/associations").await;
    assert_eq!(
        response.headers().get("cache-control"),
        listed.headers().get("cache-control"),
        "cached like GET /associations"
    );
    let body: Value = response.json().await.unwrap();
    let hit = &body["items"][0];
    let mut keys: Vec<&String> = hit.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "association",
            "description",
            "free",
            "how_to_get",
            "id",
            "name",
            "price",
            "target_group"
        ]
    );
    assert_eq!(hit["free"], true);
    assert_eq!(hit["price"], Value::Null);
    assert_eq!(hit["target_group"], "Nuoret ja perheet");

    let card = app
        .get_ok(&format!("/api/v1/associations/{}", world.imatra))
        .await;
    let association = &hit["association"];
    for key in [
        "id",
        "slug",
        "name",
        "contact_person",
        "email",
        "phone",
        "website",
        "municipality",
    ] {
        assert_eq!(association[key], card[key], "{key}");
    }
    assert_eq!(association["name"], "Imatran Luontokerho");
    assert_eq!(association["contact_person"], "Liisa Luoto");
    assert_eq!(association["email"], "luonto@example.fi");
    assert_eq!(association["municipality"]["name_fi"], "Imatra");
    assert_eq!(association.as_object().unwrap().len(), 8, "{association}");
    assert_eq!(card["services"][0]["id"], hit["id"]);

    let priced: Value = app.get_ok("/api/v1/services?q=sienikurssi").await;
    assert_eq!(priced["items"][0]["free"], false);
    assert_eq!(priced["items"][0]["price"], "10 €");

    // HEAD answers like GET; other methods are 405 with Allow.
    let head = app
        .client
        .head(app.url("/api/v1/services?region=09"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    let post = app
        .post_auth("/api/v1/services", &world.owner, &json!({}))
        .await;
    assert_eq!(post.headers()["allow"], "GET, HEAD");
    problem(post, 405).await;
}

async fn bad_parameters_are_named(backend: Backend) {
    let app = spawn_app(backend).await;
    for (query, expected) in [
        ("free=maybe", vec!["free"]),
        ("municipality=999", vec!["municipality"]),
        ("region=99", vec!["region"]),
        ("category=knitting", vec!["category"]),
        ("colour=red", vec!["colour"]),
        ("sort=name", vec!["sort"]),
        ("page=abc", vec!["page"]),
        ("per_page=101", vec!["per_page"]),
        ("page=0", vec!["page"]),
        ("region=99&per_page=0", vec!["region", "per_page"]),
    ] {
        let body = problem(app.get(&format!("/api/v1/services?{query}")).await, 422).await;
        assert_eq!(fields(&body), expected, "{query}");
    }
    // Known codes are fine even where nothing is offered yet.
    for query in [
        "municipality=091",
        "region=01",
        "category=animals",
        "free=0",
    ] {
        assert!(found(&app, query).await.is_empty(), "{query}");
    }
}

both_backends!(
    filters_paging_and_order,
    text_search_and_relevance,
    finnish_words,
    only_verified_associations,
    renamed_association_is_found_by_its_new_name,
    hits_carry_the_association_and_its_public_contact,
    bad_parameters_are_named
);
