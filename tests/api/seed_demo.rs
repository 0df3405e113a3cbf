//! `talkoot seed --demo` against the same database a running server uses: the demo fills an
//! empty database with data the API serves, its printed login works, its sign-ups show
//! every state (and a volunteer's record) without sending a single email, and a second run
//! refuses politely and changes nothing.

use std::collections::BTreeSet;
use std::process::{Command, Output};

use diesel::prelude::*;
use serde_json::Value;
use talkoot::db::schema::{association_services, associations, outbox, signups, tasks, users};
use talkoot::signups::status::SignupStatus;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app};

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

/// Runs the seed and returns what it printed, failing the test if it failed.
fn seed_ok(app: &TestApp) -> String {
    let output = seed(app);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn printed_password(stdout: &str) -> &str {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("password:"))
        .expect("the password is printed")
        .trim()
}

/// The email address on the first printed login line that contains `text`.
fn printed_login<'a>(stdout: &'a str, text: &str) -> &'a str {
    stdout
        .lines()
        .filter(|l| l.contains(text))
        .find_map(|l| l.split_whitespace().find(|w| w.contains('@')))
        .unwrap_or_else(|| panic!("a login with {text:?} is printed: {stdout}"))
}

async fn demo_fills_an_empty_database_and_refuses_a_second_time(backend: Backend) {
    let app = spawn_app(backend).await;
    let stdout = seed_ok(&app);

    // A dozen verified associations in Etelä-Karjala (09) and Kymenlaakso (08).
    let list = app.get_ok("/api/v1/associations?per_page=100").await;
    let items = list["items"].list();
    let in_regions = items
        .iter()
        .filter(|a| a["status"] == "verified")
        .filter(|a| ["08", "09"].contains(&a["municipality"].str_at("region_code")))
        .count();
    assert!(in_regions >= 12, "{list}");
    let regions: BTreeSet<&str> = items
        .iter()
        .filter_map(|a| a["municipality"]["region_code"].as_str())
        .collect();
    assert_eq!(regions, BTreeSet::from(["08", "09"]));

    // A full card with services and open tasks.
    let slug = items[0].str_at("slug");
    let card = app.get_ok(&format!("/api/v1/associations/{slug}")).await;
    for field in ["description", "email", "phone", "website", "how_to_join"] {
        assert!(card[field].is_string(), "{field}: {card}");
    }
    assert!(!card["services"].list().is_empty(), "{card}");
    assert!(!card["open_tasks"].list().is_empty(), "{card}");

    // 40+ published tasks across schedule types, categories and age ranges.
    let page = app.get_ok("/api/v1/tasks?per_page=100").await;
    let tasks = page["items"].list();
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
        .flat_map(|t| t["categories"].list())
        .filter_map(Value::as_str)
        .collect();
    assert!(categories.len() >= 8, "{categories:?}");
    assert!(tasks.iter().any(|t| t["max_age"] == 17));
    assert!(tasks.iter().any(|t| t["min_age"] == 18));
    assert!(tasks.iter().any(|t| t["min_age"].is_null()));
    assert!(tasks.iter().any(|t| t["remote_online"] == true));
    assert!(tasks.iter().any(|t| t["criminal_record_check"] == true));
    assert!(tasks.iter().any(|t| t["placement"].is_object()));
    let placements = app.get_ok("/api/v1/tasks?placement=true").await;
    assert!(placements["total"].as_i64().unwrap() >= 1);

    // The printed volunteer login works.
    let password = printed_password(&stdout);
    let volunteer = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("volunteer"))
        .and_then(|l| l.split_whitespace().find(|w| w.contains('@')))
        .expect("a volunteer login is printed");
    assert!(stdout.contains("administrator"), "{stdout}");
    assert!(stdout.contains("counsellor"), "{stdout}");
    let access = app.access_token(volunteer, password).await;
    let me: Value = app
        .get_auth("/api/v1/me", &access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], serde_json::json!(["volunteer"]));
    assert!(me["age"].as_i64().is_some_and(|a| (13..30).contains(&a)));

    // The printed counsellor holds the role and follows three referrals: one waiting, one
    // accepted and shared, one link.
    let counsellor = app
        .access_token(printed_login(&stdout, "counsellor"), password)
        .await;
    let me = app.get_auth_ok("/api/v1/me", &counsellor).await;
    assert_eq!(me["counsellor"].str_at("organisation"), "Kouvolan Ohjaamo");
    let referrals = app.get_auth_ok("/api/v1/referrals", &counsellor).await;
    let mut statuses = referrals["items"].pluck("status");
    statuses.sort_unstable();
    assert_eq!(statuses, ["accepted", "sent", "sent"], "{referrals}");
    assert!(
        referrals["items"]
            .list()
            .iter()
            .any(|r| r["progress"]["message"].is_string()),
        "{referrals}"
    );

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
    let page_again = app.get_ok("/api/v1/tasks?per_page=100").await;
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

/// The states of a list of sign-ups, sorted.
fn states(list: &Value) -> Vec<String> {
    let mut states = list["items"].pluck("status");
    states.sort_unstable();
    states
}

async fn task_id(app: &TestApp, title: &'static str) -> String {
    app.db(move |conn| {
        tasks::table
            .filter(tasks::title.eq(title))
            .select(tasks::id)
            .first(conn)
            .unwrap()
    })
    .await
}

async fn demo_sign_ups_show_every_state_and_a_volunteer_record(backend: Backend) {
    let app = spawn_app(backend).await;
    let stdout = seed_ok(&app);
    assert!(stdout.contains("Sign-ups: "), "{stdout}");
    assert!(stdout.contains("1 waitlisted"), "{stdout}");
    assert!(stdout.contains("4 past tasks"), "{stdout}");
    let password = printed_password(&stdout);

    // Every state of a sign-up is in the demo, and every task's accepted count matches its
    // accepted sign-ups (the seed went through the checked functions).
    let (shown, counts, accepted) = app
        .db(|conn| {
            let shown: Vec<String> = signups::table
                .select(signups::status)
                .distinct()
                .load(conn)
                .unwrap();
            let counts: Vec<(String, i32)> = tasks::table
                .select((tasks::id, tasks::accepted_count))
                .load(conn)
                .unwrap();
            let accepted: Vec<String> = signups::table
                .filter(signups::status.eq("accepted"))
                .select(signups::task_id)
                .load(conn)
                .unwrap();
            (shown, counts, accepted)
        })
        .await;
    let shown: BTreeSet<&str> = shown.iter().map(String::as_str).collect();
    assert_eq!(
        shown,
        BTreeSet::from(SignupStatus::ALL.map(SignupStatus::as_str))
    );
    for (task, count) in counts {
        let n = accepted.iter().filter(|t| **t == task).count();
        assert_eq!(usize::try_from(count).unwrap(), n, "task {task}");
    }

    // The volunteer printed with three completed tasks has them on her record: at two
    // associations, in the past, newest first.
    let aada = printed_login(&stdout, "(3 completed tasks)");
    let token = app.access_token(aada, password).await;
    let record = app.get_auth_ok("/api/v1/me/record", &token).await;
    let entries = record["entries"].list();
    assert_eq!(entries.len(), 3, "{record}");
    assert_eq!(record["totals"]["tasks"], 3, "{record}");
    assert_eq!(record["totals"]["hours"].as_f64(), Some(13.5), "{record}");
    assert_eq!(record["totals"]["associations"], 2, "{record}");
    let associations: BTreeSet<&str> = entries.iter().map(|e| e.str_at("association")).collect();
    assert_eq!(
        associations,
        BTreeSet::from(["Imatran Seudun Martat ry", "Parikkalan Seniorit ry"])
    );
    let today = chrono::Utc::now().date_naive();
    let days: Vec<chrono::NaiveDate> = entries
        .iter()
        .map(|e| e.str_at("completed_on").parse().unwrap())
        .collect();
    assert!(days.iter().all(|d| *d < today), "{record}");
    assert!(days.windows(2).all(|w| w[0] > w[1]), "{record}");
    assert!(entries.iter().all(|e| e["hours"].as_f64() > Some(0.0)));

    // Her sign-ups: one pending with a message, one declined, three completed, one of them
    // with feedback from both sides.
    let mine = app
        .get_auth_ok("/api/v1/me/signups?per_page=100", &token)
        .await;
    assert_eq!(
        states(&mine),
        ["completed", "completed", "completed", "declined", "pending"],
        "{mine}"
    );
    let items = mine["items"].list();
    let pending = items.iter().find(|s| s["status"] == "pending").unwrap();
    assert!(
        pending["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Hei")),
        "{pending}"
    );
    let rated = items
        .iter()
        .find(|s| s["feedback"]["mine"].is_object())
        .expect("feedback on a completed task");
    assert_eq!(rated["status"], "completed");
    assert_eq!(rated["feedback"]["mine"]["rating"], 5);
    assert!(rated["feedback"]["from_other_side"].is_string(), "{rated}");
    let history = rated["history"].pluck("to");
    assert_eq!(history, ["pending", "accepted", "completed"]);

    // The owner of the association sees the full task's sign-ups in order: two accepted,
    // one waitlisted next in line.
    let jari = printed_login(&stdout, "jari.kinnunen@");
    let owner = app.access_token(jari, password).await;
    let full = task_id(&app, "Veneilyturvallisuusillan kahvio ja ilmoittautumiset").await;
    let path = format!("/api/v1/tasks/{full}/signups");
    let list = app.get_auth_ok(&path, &owner).await;
    let items = list["items"].list();
    let in_order = list["items"].pluck("status");
    assert_eq!(in_order, ["accepted", "accepted", "waitlisted"], "{list}");
    assert_eq!(items[2]["waitlist_position"], 1, "{list}");
    assert!(
        items
            .iter()
            .all(|s| s["volunteer"]["display_name"].is_string())
    );
    // ... and the recorded criminal-record check on the camp task.
    let camp = task_id(&app, "Meripelastusnuorten leirin apuohjaaja").await;
    let list = app
        .get_auth_ok(&format!("/api/v1/tasks/{camp}/signups"), &owner)
        .await;
    assert_eq!(states(&list), ["accepted"], "{list}");
    assert!(
        list["items"][0]["record_check"]["seen_on"].is_string(),
        "{list}"
    );
    // A volunteer does not see other people's sign-ups.
    assert_eq!(app.get_auth(&path, &token).await.status(), 404);

    // Demo data is history: no email was queued (sign-ups, the counsellor's approval,
    // referrals), and none was delivered.
    let queued: i64 = app
        .db(|conn| outbox::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(queued, 0);
    assert_eq!(app.emails().len(), 0, "{:?}", app.emails());
}

both_backends!(
    demo_fills_an_empty_database_and_refuses_a_second_time,
    demo_refuses_a_database_that_already_has_an_account,
    demo_sign_ups_show_every_state_and_a_volunteer_record,
);
