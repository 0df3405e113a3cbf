//! `DELETE /me`: the account is erased in one go. Open sign-ups are withdrawn (the waiting
//! list moves up), closed ones stay as anonymous rows, and afterwards no row outside the
//! audit trail holds the person's id or anything they wrote; the last owner of an
//! association hands it over first.

use chrono::Duration;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, JsonExt, PASSWORD, TestApp, problem, spawn_app, spawn_app_with, task_body,
};
use crate::referrals_support::{answer, referred, scene};
use crate::signups_support::{
    CONTACT, complete_with_feedback, email_with_subject, move_dates, signed_up, task,
};

/// `DELETE /me` with `password`.
async fn erase(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .delete(app.url("/api/v1/me"))
        .bearer_auth(token)
        .json(&json!({ "password": password }))
        .send()
        .await
        .expect("request")
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    tbl: String,
    #[diesel(sql_type = Text)]
    col: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Every `table.column` outside the audit trail whose value contains one of `needles`.
async fn holding(app: &TestApp, backend: Backend, needles: Vec<String>) -> Vec<String> {
    app.db(move |conn| {
        let columns = match backend {
            Backend::Sqlite => {
                "SELECT m.name AS tbl, p.name AS col FROM sqlite_master m \
                 JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            Backend::Postgres => {
                "SELECT table_name::text AS tbl, column_name::text AS col \
                 FROM information_schema.columns WHERE table_schema = 'public'"
            }
        };
        let columns: Vec<Column> = diesel::sql_query(columns).load(conn).unwrap();
        let mut found = Vec::new();
        for c in columns {
            if c.tbl == "audit_log" || c.tbl.starts_with("__diesel") {
                continue;
            }
            for needle in &needles {
                let placeholder = match backend {
                    Backend::Sqlite => "?",
                    Backend::Postgres => "$1",
                };
                let query = format!(
                    "SELECT count(*) AS n FROM \"{}\" WHERE CAST(\"{}\" AS TEXT) LIKE {placeholder}",
                    c.tbl, c.col
                );
                let count: Count = diesel::sql_query(query)
                    .bind::<Text, _>(format!("%{needle}%"))
                    .get_result(conn)
                    .unwrap();
                if count.n > 0 {
                    found.push(format!("{}.{} ({needle})", c.tbl, c.col));
                }
            }
        }
        found
    })
    .await
}

async fn erasure_forgets_the_person_and_keeps_the_figures(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "poisto").await;
    let me_email = "erkki.poistuja@example.fi";
    let (me, _) = app.signed_in(me_email).await;
    let me_id = app.get_auth_ok("/api/v1/me", &me).await.id();
    let patched = app
        .patch_auth(
            "/api/v1/me",
            &me,
            &json!({ "display_name": "Erkki Poistuja", "gender": "male", "interests": ["environment"] }),
        )
        .await;
    assert_eq!(patched.status(), 200);

    // A one-place task: I hold the place, someone waits for it.
    let one_place = task(
        &app,
        &s.crew,
        "Yhden paikan tehtävä",
        json!({ "spots": 1, "waitlist": true }),
    )
    .await;
    let mine = signed_up(&app, &me, &one_place).await;
    assert_eq!(mine.str_at("status"), "accepted");
    let others = app.volunteers("jonottaja", 1, "2002-02-02").await;
    let waiting = signed_up(&app, &others[0].token, &one_place).await;
    assert_eq!(waiting.str_at("status"), "waitlisted");

    // A task I completed, with a message and feedback both ways.
    let done = task(&app, &s.crew, "Tehty tehtävä", json!({ "spots": 3 })).await;
    let joined = app
        .post_auth(
            &format!("/api/v1/tasks/{done}/signups"),
            &me,
            &json!({ "message": "Tulen mielelläni" }),
        )
        .await;
    assert_eq!(joined.status(), 201);
    let completed: Value = joined.json().await.unwrap();
    move_dates(&app, &done, Duration::days(-8)).await;
    complete_with_feedback(&app, &s.crew.owner, &me, &completed.id(), "Mukava päivä").await;
    let feedback = format!("/api/v1/signups/{}/feedback", completed.id());
    let given = app
        .post_auth(
            &feedback,
            &s.crew.owner,
            &json!({ "rating": 4, "comment": "Ahkera tekijä" }),
        )
        .await;
    assert_eq!(given.status(), 200);

    // A referral I declined with a reason; a membership; alerts; the record; a calendar.
    let referral = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": me_email, "task_id": s.task, "note": "Sinulle sopiva" }),
    )
    .await;
    let declined = answer(
        &app,
        &me,
        &referral.id(),
        "decline",
        json!({ "reason": "Ei sovi minulle" }),
    )
    .await;
    assert_eq!(declined.status(), 200);
    app.add_member(&s.crew.association, &s.crew.owner, me_email, "editor", &me)
        .await;
    let saved = app
        .post_auth(
            "/api/v1/me/saved-searches",
            &me,
            &json!({ "name": "Lähellä", "filters": { "municipality": "405" }, "alert": "daily" }),
        )
        .await;
    assert_eq!(saved.status(), 201);
    assert_eq!(app.get_auth("/api/v1/me/record", &me).await.status(), 200);
    assert!(
        app.post_auth("/api/v1/me/calendar-token", &me, &json!({}))
            .await
            .status()
            .is_success()
    );
    app.settle().await;
    let signups_before = app.count("signups").await;

    // A wrong password changes nothing.
    let wrong = erase(&app, &me, "ei tämä").await;
    assert_eq!(
        problem(wrong, 403).await.str_at("type"),
        "urn:talkoot:problem:wrong-password"
    );
    assert_eq!(app.get_auth("/api/v1/me", &me).await.status(), 200);

    let erased = erase(&app, &me, PASSWORD).await;
    assert_eq!(erased.status(), 204);

    // The place moved on to the one who waited, who is told.
    let theirs = app
        .get_auth_ok(
            &format!("/api/v1/signups/{}", waiting.id()),
            &others[0].token,
        )
        .await;
    assert_eq!(theirs.str_at("status"), "accepted");
    email_with_subject(
        &app,
        &others[0].email,
        "Pääsit mukaan: Yhden paikan tehtävä",
    )
    .await;
    // The association hears of the withdrawal, without the name of whoever it was.
    let notice = email_with_subject(
        &app,
        CONTACT,
        "Ilmoittautuminen peruttu: Yhden paikan tehtävä",
    )
    .await;
    assert!(!notice.contains("Erkki"), "{notice}");
    // The sign-ups are all still there (none deleted); the completed one is anonymous and
    // keeps what the figures count.
    assert_eq!(app.count("signups").await, signups_before);
    let kept = app
        .get_auth_ok(&format!("/api/v1/tasks/{done}/signups"), &s.crew.owner)
        .await;
    let row = &kept["items"][0];
    assert_eq!(row.str_at("status"), "completed");
    assert!(
        row["volunteer"].is_null() && row["message"].is_null(),
        "{row}"
    );
    assert_eq!(row["hours"], 2.0);
    let completed_id = completed.id();
    let (band, gender): (Option<String>, Option<String>) = app
        .db(move |conn| {
            use talkoot::db::schema::signups;
            signups::table
                .find(completed_id)
                .select((signups::erased_age_band, signups::erased_gender))
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(band.as_deref(), Some("18-24"));
    assert_eq!(gender.as_deref(), Some("male"));
    // The counsellor still counts the referral, without whom it was for.
    let summary = app
        .get_auth_ok("/api/v1/referrals/summary", &s.counsellor)
        .await;
    assert_eq!(summary["declined"], 1);

    // Nothing outside the audit trail holds my id or anything I wrote.
    let found = holding(
        &app,
        backend,
        vec![
            me_id.clone(),
            me_email.to_owned(),
            "Erkki Poistuja".to_owned(),
            "Tulen mielelläni".to_owned(),
            "Mukava päivä".to_owned(),
            "Ahkera tekijä".to_owned(),
            "Sinulle sopiva".to_owned(),
            "Ei sovi minulle".to_owned(),
        ],
    )
    .await;
    assert!(found.is_empty(), "still held after erasure: {found:?}");
    let trail = app
        .get_auth_ok(
            &format!("/api/v1/admin/audit?action=account_erased&target={me_id}"),
            &s.admin,
        )
        .await;
    assert_eq!(trail["total"], 1);

    // The session ended with the account: a second erasure is a 401, and so is logging in.
    assert_eq!(erase(&app, &me, PASSWORD).await.status(), 401);
    assert_eq!(app.login(me_email, PASSWORD).await.status(), 401);
}

async fn the_last_owner_hands_the_association_over_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("valvoja@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let association = app
        .verified_association(&owner, &admin, "Luovutettava Seura", "405")
        .await;
    app.published_task(&owner, &association, task_body("Talkoot", 5))
        .await;
    let refused = erase(&app, &owner, PASSWORD).await;
    let body = problem(refused, 409).await;
    assert_eq!(body.str_at("type"), "urn:talkoot:problem:last-owner");
    assert_eq!(body["conflicting"], json!([association]));
    assert!(body.str_at("detail").contains("Luovutettava Seura"));
    assert_eq!(app.get_auth("/api/v1/me", &owner).await.status(), 200);

    // Someone else becomes an owner; then the account can go, and the association stays.
    let (heir, _) = app.signed_in("perija@example.fi").await;
    app.add_member(&association, &owner, "perija@example.fi", "owner", &heir)
        .await;
    assert_eq!(erase(&app, &owner, PASSWORD).await.status(), 204);
    let members = app
        .get_auth_ok(
            &format!("/api/v1/associations/{association}/members"),
            &heir,
        )
        .await;
    assert_eq!(members["members"].list().len(), 1, "{members}");
}

/// Wrong passwords count with failed logins, so a stolen session cannot guess the
/// password through `DELETE /me`; the right one, after the window, still works.
async fn wrong_passwords_count_like_failed_logins(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.rate_limits.account_failures_per_hour = 3;
    })
    .await;
    let (token, _) = app.signed_in("arvaaja@example.fi").await;
    assert_eq!(
        app.login("arvaaja@example.fi", "ensimmäinen arvaus")
            .await
            .status(),
        401
    );
    for guess in ["toinen arvaus", "kolmas arvaus"] {
        problem(erase(&app, &token, guess).await, 403).await;
    }
    let limited = erase(&app, &token, PASSWORD).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    problem(app.login("arvaaja@example.fi", PASSWORD).await, 429).await;
    assert_eq!(app.get_auth("/api/v1/me", &token).await.status(), 200);
}

both_backends!(
    erasure_forgets_the_person_and_keeps_the_figures,
    the_last_owner_hands_the_association_over_first,
    wrong_passwords_count_like_failed_logins,
);
