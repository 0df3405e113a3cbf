//! `GET /me/export`: a user who touched every feature gets every part of it back, without
//! secrets; and a guard that fails when a column pointing at a user is not covered.

use std::collections::BTreeSet;

use chrono::Duration;
use diesel::prelude::*;
use diesel::sql_types::Text;
use serde_json::{Value, json};
use talkoot::privacy::export::COVERED;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, spawn_app, task_body};
use crate::referrals_support::{answer, referred, scene};
use crate::signups_support::{act, complete_with_feedback, move_dates, signed_up};

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    tbl: String,
    #[diesel(sql_type = Text)]
    col: String,
}

async fn every_column_that_points_at_a_user_is_exported(backend: Backend) {
    let app = spawn_app(backend).await;
    let (keys, named) = app
        .db(move |conn| {
            // Foreign keys to users, read from the database itself, so that a new
            // migration cannot slip past; and columns named as holding a user without a
            // key (an audit row outlives its actor, an email its sender).
            let (keys, columns) = match backend {
                Backend::Sqlite => (
                    "SELECT m.name AS tbl, p.\"from\" AS col FROM sqlite_master m \
                     JOIN pragma_foreign_key_list(m.name) p \
                     WHERE m.type = 'table' AND p.\"table\" = 'users'",
                    "SELECT m.name AS tbl, p.name AS col FROM sqlite_master m \
                     JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
                ),
                Backend::Postgres => (
                    "SELECT kcu.table_name::text AS tbl, kcu.column_name::text AS col \
                     FROM information_schema.table_constraints tc \
                     JOIN information_schema.key_column_usage kcu \
                       ON kcu.constraint_name = tc.constraint_name \
                      AND kcu.table_schema = tc.table_schema \
                     JOIN information_schema.constraint_column_usage ccu \
                       ON ccu.constraint_name = tc.constraint_name \
                      AND ccu.table_schema = tc.table_schema \
                     WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users'",
                    "SELECT table_name::text AS tbl, column_name::text AS col \
                     FROM information_schema.columns WHERE table_schema = 'public'",
                ),
            };
            let keys: Vec<Column> = diesel::sql_query(keys).load(conn).unwrap();
            let columns: Vec<Column> = diesel::sql_query(columns).load(conn).unwrap();
            (keys, columns)
        })
        .await;
    let covered: BTreeSet<(&str, &str)> = COVERED.iter().map(|(t, c, _)| (*t, *c)).collect();
    let keys: Vec<(String, String)> = keys.into_iter().map(|c| (c.tbl, c.col)).collect();
    assert!(keys.len() >= 20, "the foreign keys were read: {keys:?}");
    let named_like_a_user = |col: &str| {
        col == "user_id"
            || col == "actor_id"
            || col.ends_with("_by")
            || col.ends_with("volunteer_id")
    };
    let mut missing: Vec<String> = keys
        .iter()
        .map(|(t, c)| (t.as_str(), c.as_str()))
        .chain(
            named
                .iter()
                .filter(|c| named_like_a_user(&c.col))
                .map(|c| (c.tbl.as_str(), c.col.as_str())),
        )
        .filter(|key| !covered.contains(key))
        .map(|(t, c)| format!("{t}.{c}"))
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "columns that point at a user but are not in privacy::export::COVERED: {missing:?}"
    );
    // And the list does not name columns that are gone.
    let existing: BTreeSet<(&str, &str)> = named
        .iter()
        .map(|c| (c.tbl.as_str(), c.col.as_str()))
        .collect();
    for key in &covered {
        assert!(
            existing.contains(key),
            "COVERED names {key:?}, which does not exist"
        );
    }
}

/// The sections of an export that hold at least one entry (or are set).
fn filled(export: &Value) -> Vec<String> {
    let mut out: Vec<String> = export
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| match v {
            Value::Array(items) => !items.is_empty(),
            Value::Null | Value::Bool(false) => false,
            _ => true,
        })
        .map(|(k, _)| k.clone())
        .collect();
    out.sort();
    out
}

async fn a_user_who_did_everything_gets_everything_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "vienti").await;
    let me_email = "nuori@example.fi";
    let (me, _) = app.signed_in(me_email).await;

    // As a client: a referral accepted with sharing, the sign-up completed, feedback given.
    let view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": me_email, "task_id": s.task, "note": "Kokeile tätä." }),
    )
    .await;
    let accepted = answer(
        &app,
        &me,
        &view.id(),
        "accept",
        json!({ "share_progress": true, "message": "Tulen!" }),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let accepted: Value = accepted.json().await.unwrap();
    let signup = json!({ "id": accepted.str_at("signup_id") });
    // Time passes: the task is over, so the sign-up can be completed.
    move_dates(&app, &s.task, Duration::days(-8)).await;
    complete_with_feedback(&app, &s.crew.owner, &me, &signup.id(), "Mukava päivä").await;

    // As a member: an association of my own with a task, a volunteer accepted, a friend
    // invited; and an invitation to the crew's association accepted.
    let mine = app
        .verified_association(&me, &s.admin, "Nuorten Oma Seura", "405")
        .await;
    let mut body = task_body("Siivoustalkoot", 5);
    body["approval_mode"] = json!("manual");
    let my_task = app.published_task(&me, &mine, body).await;
    let volunteer = app.volunteers("talkoolainen", 1, "2001-01-01").await;
    let theirs = signed_up(&app, &volunteer[0].token, &my_task).await;
    assert_eq!(act(&app, &me, &theirs, "accept").await.status(), 200);
    app.invite(&mine, &me, "kaveri@example.fi", "editor").await;
    app.add_member(&s.crew.association, &s.crew.owner, me_email, "editor", &me)
        .await;

    // Alerts: a saved search and a follow, then a new task that matches both.
    let saved = app
        .post_auth(
            "/api/v1/me/saved-searches",
            &me,
            &json!({ "name": "Lappeenranta", "filters": { "municipality": "405" }, "alert": "daily" }),
        )
        .await;
    assert_eq!(saved.status(), 201);
    let followed = app
        .post_auth(
            &format!("/api/v1/associations/{}/follow", s.crew.association),
            &me,
            &json!({}),
        )
        .await;
    assert!(followed.status().is_success());
    app.published_task(
        &s.crew.owner,
        &s.crew.association,
        task_body("Uusi tehtävä", 9),
    )
    .await;
    app.settle().await;

    // The record, the calendar feed, a claim and a counsellor request.
    assert_eq!(app.get_auth("/api/v1/me/record", &me).await.status(), 200);
    let feed = app
        .post_auth("/api/v1/me/calendar-token", &me, &json!({}))
        .await;
    assert!(feed.status().is_success());
    let feed: Value = feed.json().await.unwrap();
    let ownerless = app
        .imported_association("Vanha Kotiseutuyhdistys", "405", json!({}))
        .await;
    let claim = app
        .post_auth(
            &format!("/api/v1/associations/{ownerless}/claim"),
            &me,
            &json!({ "justification": "Olen yhdistyksen sihteeri vuodesta 2020." }),
        )
        .await;
    assert_eq!(claim.status(), 201);
    let claim: Value = claim.json().await.unwrap();
    let approved = app
        .post_auth(
            &format!("/api/v1/admin/claims/{}/approve", claim.id()),
            &s.admin,
            &json!({}),
        )
        .await;
    assert_eq!(approved.status(), 200);
    let request = app.request_counsellor_role(&me, "Nuorisotila").await;

    let response = app.get_auth("/api/v1/me/export", &me).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"talkoot-export.json\""
    );
    let text = response.text().await.unwrap();
    let export: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        filled(&export),
        [
            "account",
            "alert_digests",
            "alert_matches",
            "audit_trail",
            "calendar_feed",
            "claims",
            "counsellor_requests",
            "email_tokens",
            "emails",
            "emails_caused",
            "exported_at",
            "follows",
            "invitations_received",
            "invitations_sent",
            "memberships",
            "referral_actions",
            "referrals_received",
            "signup_actions",
            "signups",
            "volunteer_record",
            "saved_searches",
            "sessions",
        ]
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    assert_eq!(export["account"].str_at("email"), me_email);
    assert_eq!(
        export["memberships"].list().len(),
        3,
        "{}",
        export["memberships"]
    );
    assert_eq!(
        export["signups"][0]["feedback"]["mine"]["comment"],
        "Mukava päivä"
    );
    assert_eq!(
        export["referrals_received"][0]["referral"].str_at("note"),
        "Kokeile tätä."
    );
    assert!(
        export["referrals_received"][0]["history"]
            .pluck("event")
            .starts_with(&[
                "sent".to_owned(),
                "accepted".to_owned(),
                "sharing_started".to_owned()
            ]),
        "{}",
        export["referrals_received"][0]
    );
    assert_eq!(export["counsellor_requests"][0].id(), request.id());
    assert_eq!(
        export["invitations_sent"][0].str_at("email"),
        "kaveri@example.fi"
    );
    assert_eq!(
        export["signup_actions"].pluck("action"),
        ["decided", "status:accepted"]
    );
    assert!(
        export["emails"]
            .list()
            .iter()
            .all(|e| e.get("body_text").is_none())
    );
    assert!(export["email_tokens"][0].get("token_hash").is_none());
    // No secrets: not the password hash, not the calendar feed's token.
    let token = feed
        .str_at("url")
        .rsplit("token=")
        .next()
        .unwrap()
        .to_owned();
    assert!(!text.contains("argon2"), "no password hash");
    assert!(!text.contains(&token), "no calendar token");
    assert!(!text.contains("token_hash") && !text.contains("claim_hash"));

    // The administrator's own export lists what they decided.
    let admin = app.get_auth_ok("/api/v1/me/export", &s.admin).await;
    assert_eq!(admin["claims_decided"][0]["status"], "approved");
    assert_eq!(
        admin["counsellor_requests_decided"][0]["status"],
        "approved"
    );
    assert!(
        admin["audit_trail"]
            .pluck("action")
            .contains(&"claim_approved".to_owned())
    );

    // Only for the signed-in user.
    assert_eq!(app.get("/api/v1/me/export").await.status(), 401);
}

both_backends!(
    every_column_that_points_at_a_user_is_exported,
    a_user_who_did_everything_gets_everything_back,
);
