//! `talkoot seed --demo` against the same database a running server uses: the demo fills an
//! empty database with data the API serves, its printed login works, and a second run
//! refuses politely and changes nothing.

use std::collections::BTreeSet;
use std::process::{Command, Output};

use diesel::prelude::*;
use serde_json::Value;
use talkoot::db::schema::{association_services, associations, tasks, users};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

fn seed(app: &TestApp) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talkoot"))
        .args(["seed", "--demo"])
        .env("DATABASE_URL", &app.database_url)
        .env("JWT_SECRET", "x".repeat(40))
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

/// Rows per table: accounts, associations, services, tasks.
fn counts(app: &TestApp) -> [i64; 4] {
    let mut conn = app.pool.get().unwrap();
    [
        users::table.count().get_result(&mut conn).unwrap(),
        associations::table.count().get_result(&mut conn).unwrap(),
        association_services::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        tasks::table.count().get_result(&mut conn).unwrap(),
    ]
}

async fn get(app: &TestApp, path: &str) -> Value {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

async fn demo_fills_an_empty_database_and_refuses_a_second_time(backend: Backend) {
    let app = spawn_app(backend).await;
    let output = seed(&app);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // A dozen verified associations in Etelä-Karjala (09) and Kymenlaakso (08).
    let list = get(&app, "/api/v1/associations?per_page=100").await;
    let items = list["items"].as_array().unwrap();
    let in_regions = items
        .iter()
        .filter(|a| a["status"] == "verified")
        .filter(|a| ["08", "09"].contains(&a["municipality"]["region_code"].as_str().unwrap()))
        .count();
    assert!(in_regions >= 12, "{list}");
    let regions: BTreeSet<&str> = items
        .iter()
        .filter_map(|a| a["municipality"]["region_code"].as_str())
        .collect();
    assert_eq!(regions, BTreeSet::from(["08", "09"]));

    // A full card with services and open tasks.
    let slug = items[0]["slug"].as_str().unwrap();
    let card = get(&app, &format!("/api/v1/associations/{slug}")).await;
    for field in ["description", "email", "phone", "website", "how_to_join"] {
        assert!(card[field].is_string(), "{field}: {card}");
    }
    assert!(!card["services"].as_array().unwrap().is_empty(), "{card}");
    assert!(!card["open_tasks"].as_array().unwrap().is_empty(), "{card}");

    // 40+ published tasks across schedule types, categories and age ranges.
    let page = get(&app, "/api/v1/tasks?per_page=100").await;
    let tasks = page["items"].as_array().unwrap();
    assert!(page["total"].as_i64().unwrap() >= 40, "{}", page["total"]);
    assert!(tasks.len() >= 40);
    assert!(tasks.iter().all(|t| t["status"] == "published"));
    let schedules: BTreeSet<&str> = tasks
        .iter()
        .filter_map(|t| t["schedule_type"].as_str())
        .collect();
    assert_eq!(
        schedules,
        BTreeSet::from(["fixed", "flexible", "ongoing"]),
        "schedule types"
    );
    let categories: BTreeSet<&str> = tasks
        .iter()
        .flat_map(|t| t["categories"].as_array().unwrap())
        .filter_map(Value::as_str)
        .collect();
    assert!(categories.len() >= 8, "{categories:?}");
    assert!(tasks.iter().any(|t| t["max_age"] == 17));
    assert!(tasks.iter().any(|t| t["min_age"] == 18));
    assert!(tasks.iter().any(|t| t["min_age"].is_null()));
    assert!(tasks.iter().any(|t| t["remote_online"] == true));
    assert!(tasks.iter().any(|t| t["criminal_record_check"] == true));
    assert!(tasks.iter().any(|t| t["placement"].is_object()));
    let placements = get(&app, "/api/v1/tasks?placement=true").await;
    assert!(placements["total"].as_i64().unwrap() >= 1);

    // The printed volunteer login works.
    let password = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("password:"))
        .expect("the password is printed")
        .trim();
    let volunteer = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("volunteer"))
        .and_then(|l| l.split_whitespace().find(|w| w.contains('@')))
        .expect("a volunteer login is printed");
    assert!(stdout.contains("administrator"), "{stdout}");
    assert!(stdout.contains("counsellor"), "{stdout}");
    let login = app.login(volunteer, password).await;
    assert_eq!(login.status(), 200);
    let access = login.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me: Value = app
        .get_auth("/api/v1/me", &access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], serde_json::json!(["volunteer"]));
    assert!(me["age"].as_i64().is_some_and(|a| (13..30).contains(&a)));

    // A second run refuses politely and writes nothing.
    let before = counts(&app);
    let again = seed(&app);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("only loaded into an empty database"),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was changed"), "{stderr}");
    assert!(again.stdout.is_empty());
    assert_eq!(counts(&app), before);
    let page_again = get(&app, "/api/v1/tasks?per_page=100").await;
    assert_eq!(page_again["total"], page["total"]);
}

async fn demo_refuses_a_database_that_already_has_an_account(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified("aino@example.fi").await;
    let before = counts(&app);
    let output = seed(&app);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 account(s)"), "{stderr}");
    assert_eq!(counts(&app), before);
}

both_backends!(
    demo_fills_an_empty_database_and_refuses_a_second_time,
    demo_refuses_a_database_that_already_has_an_account,
);
