//! Every refusal of a sign-up, every illegal transition, the criminal-record check, and
//! who may see and change a sign-up.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::{tasks, users};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app, task_body};
use crate::signups_support::{act, crew, move_dates, reloaded, sign_up, signed_up, task};

/// The problem type's last segment of a refused request with this status.
async fn refused(response: reqwest::Response, status: u16) -> String {
    let body = problem(response, status).await;
    body.str_at("type")
        .trim_start_matches("urn:talkoot:problem:")
        .to_owned()
}

async fn every_refusal_says_why_and_writes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "rules").await;
    let adult = app.volunteers("aikuinen", 1, "1990-01-01").await.remove(0);
    let young = app.volunteers("nuori", 1, "2012-01-01").await.remove(0);
    let id = task(
        &app,
        &crew,
        "Nuorten ilta",
        json!({ "min_age": 15, "max_age": 29, "spots": 1, "waitlist": false }),
    )
    .await;

    // Age on the start date, both ways.
    assert_eq!(
        refused(sign_up(&app, &young.token, &id).await, 403).await,
        "too-young"
    );
    assert_eq!(
        refused(sign_up(&app, &adult.token, &id).await, 403).await,
        "too-old"
    );
    // Not signed in.
    let anonymous = app
        .post(&format!("/api/v1/tasks/{id}/signups"), &json!({}))
        .await;
    assert_eq!(anonymous.status(), 401);

    // Someone who turns 15 between today and the start date may join; on an ongoing task
    // (age taken today) they may not.
    let birthday = (Utc::now() + Duration::days(3)).date_naive() - chrono::Months::new(15 * 12);
    let almost = app
        .volunteers("melkein", 1, &birthday.format("%Y-%m-%d").to_string())
        .await
        .remove(0);
    let ongoing = task(
        &app,
        &crew,
        "Jatkuva kerho",
        json!({ "min_age": 15, "schedule_type": "ongoing", "ends_at": null }),
    )
    .await;
    assert_eq!(
        refused(sign_up(&app, &almost.token, &ongoing).await, 403).await,
        "too-young"
    );
    let mine = signed_up(&app, &almost.token, &id).await;
    assert_eq!(mine["status"], "accepted");

    // Twice, and full.
    assert_eq!(
        refused(sign_up(&app, &almost.token, &id).await, 409).await,
        "already-signed-up"
    );
    let other = app.volunteers("toinen", 1, "2005-01-01").await.remove(0);
    assert_eq!(
        refused(sign_up(&app, &other.token, &id).await, 409).await,
        "task-full"
    );

    // A long message is named, and nothing is written (no sign-up, no email).
    let before = app.count("signups").await;
    let mail_before = app.count("outbox").await;
    let long = app
        .post_auth(
            &format!("/api/v1/tasks/{ongoing}/signups"),
            &other.token,
            &json!({ "message": "x".repeat(1001) }),
        )
        .await;
    assert_eq!(fields(&problem(long, 422).await), ["message"]);
    let unknown = app
        .post_auth(
            &format!("/api/v1/tasks/{ongoing}/signups"),
            &other.token,
            &json!({ "mesage": "typo" }),
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert_eq!(app.count("signups").await, before);

    // Deadline passed, task over, task closed, draft invisible.
    let late = task(&app, &crew, "Myöhästynyt", json!({})).await;
    let over = task(&app, &crew, "Ohi jo", json!({})).await;
    let (l, o) = (late.clone(), over.clone());
    app.db(move |conn| {
        let past = Utc::now().naive_utc() - Duration::hours(1);
        diesel::update(tasks::table.find(&l))
            .set(tasks::application_deadline.eq(past))
            .execute(conn)
            .unwrap();
        diesel::update(tasks::table.find(&o))
            .set((
                tasks::starts_at.eq(past - Duration::hours(2)),
                tasks::ends_at.eq(past),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
    assert_eq!(
        refused(sign_up(&app, &other.token, &late).await, 409).await,
        "deadline-passed"
    );
    assert_eq!(
        refused(sign_up(&app, &other.token, &over).await, 409).await,
        "task-ended"
    );
    let closed = task(&app, &crew, "Suljettu", json!({})).await;
    app.post_auth(
        &format!("/api/v1/tasks/{closed}/close"),
        &crew.owner,
        &json!({}),
    )
    .await;
    assert_eq!(
        refused(sign_up(&app, &other.token, &closed).await, 409).await,
        "task-not-open"
    );
    let draft: Value = app
        .post_auth(
            &format!("/api/v1/associations/{}/tasks", crew.association),
            &crew.owner,
            &task_body("Luonnos", 5),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sign_up(&app, &other.token, &draft.id()).await.status(), 404);

    // An account whose address is no longer verified.
    let uid = other.id.clone();
    app.db(move |conn| {
        diesel::update(users::table.find(&uid))
            .set(users::email_verified_at.eq(None::<chrono::NaiveDateTime>))
            .execute(conn)
            .unwrap();
    })
    .await;
    assert_eq!(
        refused(sign_up(&app, &other.token, &ongoing).await, 403).await,
        "email-not-verified"
    );
    assert_eq!(app.count("signups").await, before);
    assert_eq!(app.count("outbox").await, mail_before);

    // The task tells a reader why ahead of time.
    let view: Value = app
        .get_auth(&format!("/api/v1/tasks/{id}"), &almost.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["sign_up"]["reason"], "already_signed_up");
    assert_eq!(view["spots_left"], 0);
    // Search knows the task is full.
    let ids = |page: Value| page["items"].pluck("id");
    let free: Value = app
        .get("/api/v1/tasks?has_spots=true&per_page=100")
        .await
        .json()
        .await
        .unwrap();
    let full: Value = app
        .get("/api/v1/tasks?has_spots=false&per_page=100")
        .await
        .json()
        .await
        .unwrap();
    assert!(!ids(free.clone()).contains(&id) && ids(full).contains(&id));
    assert!(ids(free).contains(&ongoing));
}

async fn illegal_transitions_name_the_current_state(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "illegal").await;
    let people = app.volunteers("siirto", 3, "2001-01-01").await;
    let id = task(
        &app,
        &crew,
        "Tilakone",
        json!({ "approval_mode": "manual", "spots": 3 }),
    )
    .await;
    let s: Vec<Value> =
        futures_util::future::join_all(people.iter().map(|p| signed_up(&app, &p.token, &id))).await;

    let check = |response: reqwest::Response, current: &'static str| async move {
        let body = problem(response, 409).await;
        assert_eq!(body["type"], "urn:talkoot:problem:illegal-transition");
        assert_eq!(body["current_status"], current);
    };
    // pending: cannot be completed or marked as a no-show, nor given feedback.
    check(act(&app, &crew.owner, &s[0], "complete").await, "pending").await;
    check(act(&app, &crew.owner, &s[0], "no-show").await, "pending").await;
    let fb = format!("/api/v1/signups/{}/feedback", s[0].id());
    check(
        app.post_auth(&fb, &people[0].token, &json!({ "rating": 3 }))
            .await,
        "pending",
    )
    .await;
    // declined: final.
    assert_eq!(act(&app, &crew.owner, &s[0], "decline").await.status(), 200);
    for action in ["complete", "accept", "decline", "no-show"] {
        check(act(&app, &crew.owner, &s[0], action).await, "declined").await;
    }
    check(
        act(&app, &people[0].token, &s[0], "withdraw").await,
        "declined",
    )
    .await;
    // accepted: not accepted twice; no-show is final.
    assert_eq!(act(&app, &crew.owner, &s[1], "accept").await.status(), 200);
    check(act(&app, &crew.owner, &s[1], "accept").await, "accepted").await;
    assert_eq!(act(&app, &crew.owner, &s[1], "no-show").await.status(), 200);
    check(act(&app, &crew.owner, &s[1], "complete").await, "no_show").await;
    // withdrawn: final.
    assert_eq!(
        act(&app, &people[2].token, &s[2], "withdraw")
            .await
            .status(),
        200
    );
    check(act(&app, &crew.owner, &s[2], "accept").await, "withdrawn").await;
    check(
        act(&app, &people[2].token, &s[2], "withdraw").await,
        "withdrawn",
    )
    .await;

    // Hours are checked before anything changes (and the task must have taken place).
    let again = signed_up(&app, &people[2].token, &id).await;
    assert_eq!(act(&app, &crew.owner, &again, "accept").await.status(), 200);
    move_dates(&app, &id, Duration::days(-8)).await;
    let path = format!("/api/v1/signups/{}/complete", again.id());
    for bad in [
        json!({ "hours": 0 }),
        json!({ "hours": -1 }),
        json!({ "hours": 1001 }),
        json!({}),
    ] {
        let r = app.post_auth(&path, &crew.owner, &bad).await;
        assert_eq!(fields(&problem(r, 422).await), ["hours"], "{bad}");
    }
    let r: Value = app
        .post_auth(&path, &crew.owner, &json!({ "hours": 1.3 }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(r["hours"], 1.25, "hours are kept in quarter hours");
    check(
        app.post_auth(&path, &crew.owner, &json!({ "hours": 2 }))
            .await,
        "completed",
    )
    .await;
    // Feedback is checked too.
    let fb = format!("/api/v1/signups/{}/feedback", again.id());
    for bad in [
        json!({ "rating": 0 }),
        json!({ "rating": 6 }),
        json!({ "rating": 3, "comment": "x".repeat(501) }),
    ] {
        let r = app.post_auth(&fb, &people[2].token, &bad).await;
        assert_eq!(r.status(), 422, "{bad}");
    }
}

async fn criminal_record_check_comes_before_accepting(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "record").await;
    let people = app.volunteers("ohjaaja", 2, "2000-01-01").await;
    let id = task(
        &app,
        &crew,
        "Lasten kerhon ohjaaja",
        json!({ "criminal_record_check": true, "approval_mode": "automatic", "spots": 2 }),
    )
    .await;
    // Even an automatic task waits for a person to see the extract.
    let s = signed_up(&app, &people[0].token, &id).await;
    assert_eq!(s["status"], "pending");
    assert_eq!(s["record_check"]["seen_on"], Value::Null);
    let refused_accept = act(&app, &crew.owner, &s, "accept").await;
    assert_eq!(
        problem(refused_accept, 409).await["type"],
        "urn:talkoot:problem:record-check-required"
    );
    let path = format!("/api/v1/signups/{}/record-check", s.id());
    let future = (Utc::now() + Duration::days(2)).date_naive().to_string();
    let r = app
        .post_auth(&path, &crew.owner, &json!({ "seen_on": future }))
        .await;
    assert_eq!(fields(&problem(r, 422).await), ["seen_on"]);
    let r = app
        .post_auth(&path, &crew.owner, &json!({ "seen_on": "2026-2-3" }))
        .await;
    assert_eq!(r.status(), 422);
    // The volunteer cannot record it for themselves.
    assert_eq!(
        app.post_auth(&path, &people[0].token, &json!({}))
            .await
            .status(),
        403
    );
    let today = Utc::now().date_naive().to_string();
    let checked: Value = app
        .post_auth(&path, &crew.owner, &json!({ "seen_on": today }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(checked["record_check"]["seen_on"], today);
    assert_eq!(checked["record_check"]["seen_by"], "Aino");
    assert_eq!(act(&app, &crew.owner, &s, "accept").await.status(), 200);
    let own = reloaded(&app, &people[0].token, &s).await;
    assert_eq!(own["record_check"]["seen_on"], today);
    assert_eq!(own["record_check"]["seen_by"], Value::Null);

    // A task without the requirement has nothing to record.
    let plain = task(&app, &crew, "Tavallinen", json!({})).await;
    let p = signed_up(&app, &people[1].token, &plain).await;
    let r = app
        .post_auth(
            &format!("/api/v1/signups/{}/record-check", p.id()),
            &crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(
        problem(r, 409).await["type"],
        "urn:talkoot:problem:record-check-not-required"
    );
}

async fn only_the_volunteer_and_the_associations_members_see_a_signup(backend: Backend) {
    let app = spawn_app(backend).await;
    let a = crew(&app, "a").await;
    let admin_b = app.admin("admin-b2@example.fi").await;
    let (b_owner, _) = app.signed_in("b-omistaja@example.fi").await;
    app.verified_association(&b_owner, &admin_b, "Toinen yhdistys", "405")
        .await;
    let (editor, _) = app.signed_in("muokkaaja@example.fi").await;
    app.add_member(
        &a.association,
        &a.owner,
        "muokkaaja@example.fi",
        "editor",
        &editor,
    )
    .await;
    let (stranger, _) = app.signed_in("vieras@example.fi").await;
    let me = app.volunteers("oma", 1, "2007-07-07").await.remove(0);
    let id = task(
        &app,
        &a,
        "Pihatalkoot",
        json!({ "approval_mode": "manual" }),
    )
    .await;
    let s = signed_up(&app, &me.token, &id).await;
    let one = format!("/api/v1/signups/{}", s.id());
    let list = format!("/api/v1/tasks/{id}/signups");

    for (who, token, status) in [
        ("volunteer", me.token.as_str(), 200),
        ("owner", a.owner.as_str(), 200),
        ("editor", editor.as_str(), 200),
        ("member of B", b_owner.as_str(), 404),
        ("stranger", stranger.as_str(), 404),
        ("administrator", admin_b.as_str(), 404),
    ] {
        let r = app.get_auth(&one, token).await;
        assert_eq!(r.status(), status, "{who} GET sign-up");
        if status == 200 {
            assert_eq!(r.headers()["cache-control"], "no-store");
        }
    }
    assert_eq!(app.get(&one).await.status(), 401);
    for (who, token, status) in [
        ("owner", a.owner.as_str(), 200),
        ("editor", editor.as_str(), 200),
        ("volunteer", me.token.as_str(), 404),
        ("member of B", b_owner.as_str(), 404),
        ("administrator", admin_b.as_str(), 404),
    ] {
        assert_eq!(
            app.get_auth(&list, token).await.status(),
            status,
            "{who} GET list"
        );
    }
    // Members' actions: the volunteer is refused (403), outsiders never learn of it (404).
    for action in ["accept", "decline", "no-show", "complete", "record-check"] {
        assert_eq!(
            act(&app, &me.token, &s, action).await.status(),
            403,
            "volunteer {action}"
        );
        assert_eq!(
            act(&app, &b_owner, &s, action).await.status(),
            404,
            "B {action}"
        );
        assert_eq!(
            act(&app, &stranger, &s, action).await.status(),
            404,
            "stranger {action}"
        );
    }
    // The volunteer's action: members are refused, outsiders see nothing.
    assert_eq!(act(&app, &a.owner, &s, "withdraw").await.status(), 403);
    assert_eq!(act(&app, &b_owner, &s, "withdraw").await.status(), 404);
    let fb = format!("{one}/feedback");
    assert_eq!(
        app.post_auth(&fb, &b_owner, &json!({ "rating": 5 }))
            .await
            .status(),
        404
    );
    // The editor decides; the B owner's own list is empty.
    assert_eq!(act(&app, &editor, &s, "accept").await.status(), 200);
    let theirs: Value = app
        .get_auth("/api/v1/me/signups", &b_owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["total"], 0);
    let mine: Value = app
        .get_auth("/api/v1/me/signups", &me.token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["status"], "accepted");
    // Bad list parameters are named.
    let bad = app
        .get_auth(&format!("{list}?status=maybe&per_page=1000"), &a.owner)
        .await;
    let mut named = fields(&problem(bad, 422).await);
    named.sort();
    assert!(named == ["per_page"] || named == ["status"] || named == ["per_page", "status"]);
    let filtered: Value = app
        .get_auth(&format!("{list}?status=pending"), &a.owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(filtered["total"], 0);
    // An unknown sign-up is simply not there.
    assert_eq!(
        app.get_auth("/api/v1/signups/nope", &me.token)
            .await
            .status(),
        404
    );
}

both_backends!(
    every_refusal_says_why_and_writes_nothing,
    illegal_transitions_name_the_current_state,
    criminal_record_check_comes_before_accepting,
    only_the_volunteer_and_the_associations_members_see_a_signup,
);
