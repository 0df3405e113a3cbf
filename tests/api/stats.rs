//! `GET /stats`: the region's figures. Small cells are hidden and no hidden cell can be
//! solved for from what is shown; the figures do not move when a volunteer is erased; a
//! counsellor sees only their organisation's referrals; CSV carries the same numbers.

use serde_json::{Value, json};
use talkoot::stats::suppression::{Figure, Protected, THRESHOLD, recovered};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, PASSWORD, TestApp, fields, problem, spawn_app};
use crate::referrals_support::{self, answer, referred};
use crate::signups_support::{crew, move_dates, signed_up, task};

/// An administrator, and a task of a Lappeenranta association with eight sign-ups: six
/// volunteers of 16 who completed two hours each and two of 36 still accepted. Returns
/// (admin, the volunteers' tokens, first the completed ones).
async fn scene(app: &TestApp) -> (String, Vec<String>) {
    let admin = app.admin("tilastot@example.fi").await;
    let crew = crew(app, "stats").await;
    let task = task(app, &crew, "Rantasiivous", json!({ "spots": 20 })).await;
    let young = app.volunteers("nuori", 6, "2010-01-01").await;
    let older = app.volunteers("aikuinen", 2, "1990-01-01").await;
    let mut signups = Vec::new();
    for v in young.iter().chain(&older) {
        signups.push(signed_up(app, &v.token, &task).await);
    }
    move_dates(app, &task, chrono::Duration::days(-8)).await;
    for signup in &signups[..6] {
        let completed = app
            .post_auth(
                &format!(
                    "/api/v1/signups/{}/complete",
                    signup["id"].as_str().unwrap()
                ),
                &crew.owner,
                &json!({ "hours": 2 }),
            )
            .await;
        assert_eq!(completed.status(), 200);
    }
    let tokens = young.into_iter().chain(older).map(|v| v.token).collect();
    (admin, tokens)
}

fn table<'a>(stats: &'a Value, name: &str) -> &'a Value {
    stats["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no table {name} in {stats}"))
}

/// `(key, value)` of a table's cells, `None` where hidden.
fn cells(stats: &Value, name: &str) -> Vec<(String, Option<i64>)> {
    table(stats, name)["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["key"].as_str().unwrap().to_owned(), c["value"].as_i64()))
        .collect()
}

fn figure(value: &Value) -> Figure<i64> {
    match value["value"].as_i64() {
        Some(n) => Figure::shown(n),
        None => {
            assert_eq!(value["suppressed"], true, "{value}");
            Figure::hidden()
        }
    }
}

/// Nothing under 5 is shown, and no hidden cell of a table with a total can be solved
/// for: every table of counts that would be published the same way is tried, and each
/// hidden cell takes more than one value among them.
fn assert_protected(stats: &Value) {
    for t in stats["tables"].as_array().unwrap() {
        let protected = Protected {
            cells: t["cells"].as_array().unwrap().iter().map(figure).collect(),
            total: if t["total"].is_null() {
                Figure::hidden()
            } else {
                figure(&t["total"])
            },
        };
        for f in protected.cells.iter().chain([&protected.total]) {
            assert!(f.value.is_none_or(|n| n >= THRESHOLD), "{t}");
        }
        assert_eq!(
            recovered(&protected),
            Vec::<usize>::new(),
            "hidden cells of {} can be solved for",
            t["name"]
        );
    }
}

async fn stats(app: &TestApp, token: &str, query: &str) -> Value {
    app.get_auth_ok(&format!("/api/v1/stats?{query}"), token)
        .await
}

async fn small_cells_are_hidden_and_cannot_be_solved_for(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin, volunteers) = scene(&app).await;
    let all = stats(&app, &admin, "").await;
    assert_protected(&all);
    assert_eq!(all["organisation"], Value::Null);

    // Eight sign-ups: six completed are shown; the two accepted are hidden, and so are
    // the zeros around them, so that 8 - 6 cannot be pinned on one state.
    let states = cells(&all, "signups_by_state");
    assert_eq!(
        states.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        [
            "pending",
            "accepted",
            "waitlisted",
            "declined",
            "withdrawn",
            "completed",
            "no_show",
            "cancelled"
        ]
    );
    assert_eq!(states[5].1, Some(6));
    assert!(
        states
            .iter()
            .filter(|(k, _)| k != "completed")
            .all(|(_, v)| v.is_none())
    );
    assert_eq!(table(&all, "signups_by_state")["total"]["value"], 8);
    // By age: the six of 16 shown, the two of 36 hidden with the zeros.
    let bands = cells(&all, "signups_by_age_band");
    assert_eq!(bands[1], ("16-17".to_owned(), Some(6)));
    assert_eq!(bands[4], ("30+".to_owned(), None));
    // Nobody gave a gender: "not given" alone would be the total, and every other cell
    // 0, so it is hidden too (only the total is shown).
    assert!(
        cells(&all, "signups_by_gender")
            .iter()
            .all(|(_, v)| v.is_none())
    );
    assert_eq!(table(&all, "signups_by_gender")["total"]["value"], 8);
    // One association and one task: all hidden, their totals too.
    assert_eq!(
        table(&all, "associations_by_field")["total"]["suppressed"],
        true
    );
    assert!(table(&all, "tasks_by_category")["total"].is_null());
    assert_eq!(all["completed_hours"]["value"], 12.0);
    assert_eq!(all["median_hours_to_decision"]["suppressed"], false);

    // An area: Lappeenranta is all of it; Uusimaa has none of it.
    let lappeenranta = stats(&app, &admin, "municipality=405").await;
    assert_eq!(lappeenranta["tables"], all["tables"]);
    let uusimaa = stats(&app, &admin, "region=01").await;
    assert_eq!(
        table(&uusimaa, "signups_by_state")["total"]["suppressed"],
        true
    );
    assert_eq!(uusimaa["completed_hours"]["suppressed"], true);
    // A period before any of it.
    let before = stats(&app, &admin, "from=2020-01-01&to=2020-12-31").await;
    assert_eq!(before["completed_hours"]["suppressed"], true);

    // The same as CSV.
    let response = app.get_auth("/api/v1/stats?format=csv", &admin).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "table,key,value,suppressed");
    assert!(
        lines.contains(&"signups_by_state,completed,6,false"),
        "{csv}"
    );
    assert!(lines.contains(&"signups_by_state,accepted,,true"), "{csv}");
    assert!(lines.contains(&"signups_by_state,total,8,false"), "{csv}");
    assert!(lines.contains(&"summary,completed_hours,12,false"), "{csv}");

    // Only administrators and counsellors; bad parameters name themselves.
    problem(app.get_auth("/api/v1/stats", &volunteers[0]).await, 403).await;
    problem(app.get("/api/v1/stats").await, 401).await;
    for (query, field) in [
        ("region=99", "region"),
        ("municipality=999", "municipality"),
        ("region=01&municipality=405", "municipality"),
        ("from=2026-02-01&to=2026-01-01", "to"),
        ("from=2026-02-02", "from"),
        ("to=2026-02-27", "to"),
        ("format=xml", "format"),
    ] {
        let response = app
            .get_auth(&format!("/api/v1/stats?{query}"), &admin)
            .await;
        assert_eq!(fields(&problem(response, 422).await), [field], "{query}");
    }
    problem(
        app.get_auth("/api/v1/stats?from=yesterday", &admin).await,
        400,
    )
    .await;
}

async fn figures_stay_the_same_when_a_volunteer_is_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin, volunteers) = scene(&app).await;
    let before = stats(&app, &admin, "").await;
    // A volunteer of 16 who completed the task erases their account.
    let erased = app
        .client
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&volunteers[0])
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 204);
    let after = stats(&app, &admin, "").await;
    assert_eq!(after, before);
}

async fn a_counsellor_sees_only_their_organisations_referrals(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin, _) = scene(&app).await;
    let counsellor = app
        .counsellor(&admin, "ohjaaja@example.fi", "Lappeenrannan Ohjaamo")
        .await;
    let mine = stats(&app, &counsellor, "").await;
    assert_eq!(mine["organisation"], "Lappeenrannan Ohjaamo");
    let names: Vec<&str> = mine["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["referrals_by_outcome"]);
    assert_eq!(mine["completed_hours"], Value::Null);
    assert_protected(&mine);
}

async fn referral_figures_outlive_their_counsellor(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = referrals_support::scene(&app, "ohjaus").await;
    let colleague = app
        .counsellor(&s.admin, "kollega@example.fi", "Lappeenrannan Ohjaamo")
        .await;
    // Six young people decline the counsellor's referrals; a seventh has not answered.
    for client in app.volunteers("asiakas", 6, "2005-01-01").await {
        let view = referred(
            &app,
            &s.counsellor,
            json!({ "client_email": client.email, "task_id": s.task, "note": "Sopisi sinulle." }),
        )
        .await;
        let declined = answer(&app, &client.token, view.str_at("id"), "decline", json!({})).await;
        assert_eq!(declined.status(), 200);
    }
    referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "avoin@example.fi", "task_id": s.task }),
    )
    .await;
    let region = stats(&app, &s.admin, "").await;
    let organisation = stats(&app, &colleague, "").await;
    assert_eq!(
        cells(&organisation, "referrals_by_outcome")[2],
        ("declined".to_owned(), Some(6))
    );

    // The counsellor erases their account: the referrals stay, without them or their
    // notes, and the open one expires; the figures do not move.
    let erased = app
        .client
        .delete(app.url("/api/v1/me"))
        .bearer_auth(&s.counsellor)
        .json(&json!({ "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 204);
    assert_eq!(stats(&app, &s.admin, "").await, region);
    assert_eq!(stats(&app, &colleague, "").await, organisation);
    let kept: Vec<(Option<String>, Option<String>, String)> = app
        .db(|conn| {
            use diesel::prelude::*;
            use talkoot::db::schema::referrals;
            referrals::table
                .order(referrals::created_at)
                .select((referrals::counsellor_id, referrals::note, referrals::status))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(kept.len(), 7);
    assert!(
        kept.iter().all(|(c, n, _)| c.is_none() && n.is_none()),
        "{kept:?}"
    );
    assert_eq!(kept[6].2, "expired");
}

both_backends!(
    referral_figures_outlive_their_counsellor,
    small_cells_are_hidden_and_cannot_be_solved_for,
    figures_stay_the_same_when_a_volunteer_is_erased,
    a_counsellor_sees_only_their_organisations_referrals,
);
