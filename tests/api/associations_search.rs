//! Finding verified associations: text (Finnish-aware on PostgreSQL, prefixes on both),
//! filters, sorting and paging.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app};

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/associations?{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    let body: Value = response.json().await.unwrap();
    body["items"].pluck("name")
}

async fn seed(app: &TestApp) {
    for (name, municipality, extra) in [
        (
            "Lappeenrannan Nuorisoseura",
            "405",
            json!({ "field_of_activity": "children-youth", "description": "Nuoret tekevät yhdessä." }),
        ),
        (
            "Imatran Luontokerho",
            "153",
            json!({ "field_of_activity": "environment", "description": "Retkiä metsiin ja soille." }),
        ),
        (
            "Kotkan Meripelastajat",
            "285",
            json!({ "field_of_activity": "crisis-preparedness", "summary": "Meripelastusta Kymenlaaksossa." }),
        ),
        (
            "Kouvolan Eläinystävät",
            "286",
            json!({ "field_of_activity": "animals", "activities": "Koirien ulkoilutusta nuorten kanssa." }),
        ),
        (
            "Helsingin Shakkikerho",
            "091",
            json!({ "field_of_activity": "culture" }),
        ),
    ] {
        app.imported_association(name, municipality, extra).await;
    }
}

async fn filters_sorting_and_paging(backend: Backend) {
    let app = spawn_app(backend).await;
    seed(&app).await;
    // A pending association never shows up.
    let (owner, _) = app.signed_in("odottaja@example.fi").await;
    app.create_association(&owner, "Aaa Odottava Nuorisoseura", "405")
        .await;

    assert_eq!(
        names(&app, "").await,
        [
            "Helsingin Shakkikerho",
            "Imatran Luontokerho",
            "Kotkan Meripelastajat",
            "Kouvolan Eläinystävät",
            "Lappeenrannan Nuorisoseura"
        ]
    );
    assert_eq!(
        names(&app, "municipality=153").await,
        ["Imatran Luontokerho"]
    );
    // Kymenlaakso (08) is Kotka and Kouvola; Etelä-Karjala (09) is Lappeenranta and Imatra.
    assert_eq!(
        names(&app, "region=08").await,
        ["Kotkan Meripelastajat", "Kouvolan Eläinystävät"]
    );
    assert_eq!(
        names(&app, "region=09&category=environment").await,
        ["Imatran Luontokerho"]
    );
    assert_eq!(
        names(&app, "category=animals").await,
        ["Kouvolan Eläinystävät"]
    );

    let page: Value = app
        .get("/api/v1/associations?per_page=2&page=2")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 5);
    assert_eq!(page["page"], 2);
    assert_eq!(page["per_page"], 2);
    let second = page["items"].pluck("name");
    assert_eq!(second, ["Kotkan Meripelastajat", "Kouvolan Eläinystävät"]);
    assert_eq!(page["items"][0]["municipality"]["name_fi"], "Kotka");

    for (query, field) in [
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("sort=popularity", "sort"),
    ] {
        let body = problem(app.get(&format!("/api/v1/associations?{query}")).await, 422).await;
        assert_eq!(fields(&body), [field]);
    }
    problem(app.get("/api/v1/associations?page=abc").await, 400).await;
}

async fn text_search_matches_prefixes_and_card_text(backend: Backend) {
    let app = spawn_app(backend).await;
    seed(&app).await;
    // A word prefix finds the whole word, in the name or the card text.
    assert_eq!(
        names(&app, "q=lappeen").await,
        ["Lappeenrannan Nuorisoseura"]
    );
    assert_eq!(names(&app, "q=meripel").await, ["Kotkan Meripelastajat"]);
    assert_eq!(names(&app, "q=retki").await, ["Imatran Luontokerho"]);
    // Every word must match; query syntax is just text.
    assert_eq!(
        names(&app, "q=kotkan%20meri").await,
        ["Kotkan Meripelastajat"]
    );
    assert!(names(&app, "q=kotkan%20imatran").await.is_empty());
    // Quotes, brackets and operators are only text, never an error.
    names(&app, "q=%22%29%20OR%20*%3A%26").await;
    // Services are part of what is searched.
    let id = app
        .imported_association("Haminan Kyläyhdistys", "075", json!({}))
        .await;
    app.db(move |conn| {
        talkoot::db::write_tx(conn, |conn| {
            let input: talkoot::associations::services::ServiceInput = serde_json::from_value(
                json!({ "name": "Ruoka-apu", "description": "Ruokakasseja torstaisin" }),
            )
            .unwrap();
            talkoot::associations::services::create(conn, &id, input)
        })
        .unwrap()
    })
    .await;
    assert_eq!(names(&app, "q=ruokakass").await, ["Haminan Kyläyhdistys"]);
    // Relevance: a match in the name ranks above a match in the text.
    app.imported_association("Nuorten Kesäteatteri", "405", json!({}))
        .await;
    let ranked = names(&app, "q=nuort").await;
    assert_eq!(
        ranked.first().map(String::as_str),
        Some("Nuorten Kesäteatteri"),
        "{ranked:?}"
    );
    assert!(
        ranked.contains(&"Kouvolan Eläinystävät".to_owned()),
        "{ranked:?}"
    );
}

/// Finnish inflection, the same on both backends: an inflected form finds the base form
/// and vice versa.
async fn finnish_inflections_meet(backend: Backend) {
    let app = spawn_app(backend).await;
    seed(&app).await;
    // "nuorille" (for young people) finds "Nuoret" (young people) and "nuorten".
    let found = names(&app, "q=nuorille%20").await;
    assert!(
        found.contains(&"Lappeenrannan Nuorisoseura".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Kouvolan Eläinystävät".to_owned()),
        "{found:?}"
    );
    assert_eq!(names(&app, "q=metsissä").await, ["Imatran Luontokerho"]);
}

both_backends!(
    filters_sorting_and_paging,
    text_search_matches_prefixes_and_card_text,
    finnish_inflections_meet
);
