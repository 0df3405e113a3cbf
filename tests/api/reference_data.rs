//! Regions, municipalities and categories shipped with the migrations.

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app};

async fn municipalities_regions_and_categories(backend: Backend) {
    let app = spawn_app(backend).await;
    let get = |path: &str| app.client.get(app.url(path)).send();

    let all = get("/api/v1/municipalities").await.unwrap();
    assert!(
        all.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public")
    );
    let all: Value = all.json().await.unwrap();
    assert_eq!(all["total"], 308);
    assert_eq!(all["items"].list().len(), 308);
    let helsinki = all["items"]
        .list()
        .iter()
        .find(|m| m["code"] == "091")
        .unwrap();
    assert_eq!(helsinki["name_sv"], "Helsingfors");
    assert_eq!(helsinki["region"]["code"], "01");
    assert_eq!(helsinki["region"]["name_fi"], "Uusimaa");

    // Kymenlaakso (08): Kotka, Kouvola, Hamina, Pyhtää, Miehikkälä, Virolahti.
    let kymi: Value = get("/api/v1/municipalities?region=08")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut names = kymi["items"].pluck("name_fi");
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Hamina",
            "Kotka",
            "Kouvola",
            "Miehikkälä",
            "Pyhtää",
            "Virolahti"
        ]
    );

    let unknown = problem(get("/api/v1/municipalities?region=03").await.unwrap(), 422).await;
    assert_eq!(fields(&unknown), ["region"]);

    let regions: Value = get("/api/v1/regions").await.unwrap().json().await.unwrap();
    assert_eq!(regions["total"], 19);

    let categories: Value = get("/api/v1/categories")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let items = categories["items"].list();
    assert!(items.len() >= 20);
    for category in items {
        for key in ["slug", "name_fi", "name_sv", "name_en"] {
            assert!(!category.str_at(key).is_empty(), "{category}");
        }
    }
    assert!(
        items
            .iter()
            .any(|c| c["slug"] == "environment" && c["name_fi"] == "Ympäristö ja luonto")
    );
}

/// The reference migration is generated from the CSV; this catches an edit of one without
/// the other.
async fn every_csv_municipality_is_in_the_database(backend: Backend) {
    let app = spawn_app(backend).await;
    let served: Value = app
        .client
        .get(app.url("/api/v1/municipalities"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/reference/municipalities.csv"
    ))
    .unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(rows.len(), 308);
    for (row, item) in rows.iter().zip(served["items"].list()) {
        assert_eq!(item["code"], row[0]);
        assert_eq!(item["name_fi"], row[1]);
        assert_eq!(item["name_sv"], row[2]);
        assert_eq!(item["region"]["code"], row[3]);
    }
}

both_backends!(
    municipalities_regions_and_categories,
    every_csv_municipality_is_in_the_database
);
