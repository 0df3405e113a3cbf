//! No overbooking, ever: races of sign-ups and accepts, counted in the database.

use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::signups_support::{act, counted, crew, in_state, sign_up, signed_up, task};

/// Status and body of every answer to a burst of requests.
async fn answers(responses: Vec<reqwest::Response>) -> Vec<(u16, Value)> {
    let mut out = Vec::new();
    for r in responses {
        let status = r.status().as_u16();
        out.push((status, r.json().await.unwrap_or(Value::Null)));
    }
    out
}

async fn fifty_volunteers_race_for_five_spots(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "race").await;
    let people = app.volunteers("kilpa", 50, "2005-04-03").await;
    for round in 0..20 {
        // Even rounds have a waitlist, odd rounds refuse when full.
        let waitlist = round % 2 == 0;
        let id = task(
            &app,
            &crew,
            &format!("Kilpailu {round}"),
            json!({ "spots": 5, "approval_mode": "automatic", "waitlist": waitlist }),
        )
        .await;
        let burst = join_all(people.iter().map(|p| sign_up(&app, &p.token, &id))).await;
        let answers = answers(burst).await;
        let with = |status: u16, field: &str, value: &str| {
            answers
                .iter()
                .filter(|(s, b)| *s == status && b[field] == value)
                .count()
        };
        assert_eq!(with(201, "status", "accepted"), 5, "round {round}");
        if waitlist {
            assert_eq!(with(201, "status", "waitlisted"), 45, "round {round}");
        } else {
            assert_eq!(
                with(409, "type", "urn:talkoot:problem:task-full"),
                45,
                "round {round}"
            );
        }
        let (by_state, kept) = counted(&app, &id).await;
        assert_eq!(kept, 5, "round {round}");
        assert_eq!(in_state(&app, &id, "accepted").await, 5, "round {round}");
        let rows: i64 = by_state.iter().map(|(_, n)| n).sum();
        assert_eq!(rows, if waitlist { 50 } else { 5 }, "round {round}");
        let view: Value = app
            .get(&format!("/api/v1/tasks/{id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(view["spots_left"], 0);
    }
}

async fn twenty_concurrent_accepts_fill_five_spots(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "accept").await;
    let people = app.volunteers("hakija", 20, "2003-01-01").await;
    for round in 0..5 {
        let id = task(
            &app,
            &crew,
            &format!("Käsin valittava {round}"),
            json!({ "spots": 5, "approval_mode": "manual", "waitlist": false }),
        )
        .await;
        let mut pending = Vec::new();
        for p in &people {
            let s = signed_up(&app, &p.token, &id).await;
            assert_eq!(s["status"], "pending");
            pending.push(s);
        }
        let burst = join_all(pending.iter().map(|s| act(&app, &crew.owner, s, "accept"))).await;
        let answers = answers(burst).await;
        let ok = answers.iter().filter(|(s, _)| *s == 200).count();
        let full = answers
            .iter()
            .filter(|(s, b)| *s == 409 && b["type"] == "urn:talkoot:problem:task-full")
            .count();
        assert_eq!((ok, full), (5, 15), "round {round}: {answers:?}");
        assert_eq!(in_state(&app, &id, "accepted").await, 5);
        assert_eq!(in_state(&app, &id, "pending").await, 15);
        assert_eq!(counted(&app, &id).await.1, 5);
    }
}

async fn one_volunteer_signing_up_ten_times_at_once_gets_one_signup(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "twice").await;
    let me = app.volunteers("innokas", 1, "2006-06-06").await.remove(0);
    for (round, mode) in ["automatic", "manual", "automatic", "manual", "automatic"]
        .iter()
        .enumerate()
    {
        let id = task(
            &app,
            &crew,
            &format!("Tuplat {round}"),
            json!({ "spots": 3, "approval_mode": mode, "waitlist": true }),
        )
        .await;
        let burst = join_all((0..10).map(|_| sign_up(&app, &me.token, &id))).await;
        let answers = answers(burst).await;
        assert_eq!(answers.iter().filter(|(s, _)| *s == 201).count(), 1);
        assert_eq!(
            answers
                .iter()
                .filter(|(s, b)| *s == 409 && b["type"] == "urn:talkoot:problem:already-signed-up")
                .count(),
            9
        );
        let rows: i64 = counted(&app, &id).await.0.iter().map(|(_, n)| n).sum();
        assert_eq!(rows, 1);
    }
}

async fn withdrawals_racing_sign_ups_never_overbook(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "churn").await;
    let first = app.volunteers("eka", 5, "2004-02-02").await;
    let later = app.volunteers("toka", 30, "2004-02-02").await;
    let id = task(
        &app,
        &crew,
        "Vaihtuva porukka",
        json!({ "spots": 5, "approval_mode": "automatic", "waitlist": true }),
    )
    .await;
    let mut accepted = Vec::new();
    for p in &first {
        accepted.push((p.token.clone(), signed_up(&app, &p.token, &id).await));
    }
    // Five accepted volunteers withdraw while thirty others sign up.
    let withdrawals = accepted
        .iter()
        .map(|(token, s)| act(&app, token, s, "withdraw"));
    let signups = later.iter().map(|p| sign_up(&app, &p.token, &id));
    let (w, s) = tokio::join!(join_all(withdrawals), join_all(signups));
    assert!(w.iter().all(|r| r.status() == 200));
    assert!(s.iter().all(|r| r.status() == 201));
    assert_eq!(in_state(&app, &id, "accepted").await, 5);
    assert_eq!(in_state(&app, &id, "waitlisted").await, 25);
    assert_eq!(in_state(&app, &id, "withdrawn").await, 5);
    assert_eq!(counted(&app, &id).await.1, 5);
}

both_backends!(
    fifty_volunteers_race_for_five_spots,
    twenty_concurrent_accepts_fill_five_spots,
    one_volunteer_signing_up_ten_times_at_once_gets_one_signup,
    withdrawals_racing_sign_ups_never_overbook,
);
