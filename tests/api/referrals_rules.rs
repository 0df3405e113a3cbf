//! What cannot be referred, a sign-up refused through a referral (which stays open and says
//! why), the caps on referrals, and the note kept out of the logs.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::tasks;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, capture_logs, fields, problem, spawn_app, spawn_app_with};
use crate::referrals_support::{answer, as_counsellor, refer, referred, scene};
use crate::signups_support::{signed_up, task};

/// The problem type's last segment of a refused request with this status.
async fn refused(response: reqwest::Response, status: u16) -> String {
    problem(response, status)
        .await
        .str_at("type")
        .trim_start_matches("urn:talkoot:problem:")
        .to_owned()
}

async fn only_open_tasks_and_verified_associations_can_be_offered(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "tarjous").await;
    let c = &s.counsellor;
    let draft = app
        .draft_task(
            &s.crew.owner,
            &s.crew.association,
            crate::helpers::task_body("Luonnos", 7),
        )
        .await;
    let closed = task(&app, &s.crew, "Suljettu", json!({})).await;
    let cancelled = task(&app, &s.crew, "Peruttu", json!({})).await;
    for (id, action) in [(&closed, "close"), (&cancelled, "cancel")] {
        let done = app
            .post_auth(
                &format!("/api/v1/tasks/{id}/{action}"),
                &s.crew.owner,
                &json!({}),
            )
            .await;
        assert_eq!(done.status(), 200);
    }
    for id in [&draft, &closed, &cancelled] {
        let response = refer(&app, c, json!({ "task_id": id })).await;
        assert_eq!(refused(response, 409).await, "task-not-open");
    }
    let full = task(
        &app,
        &s.crew,
        "Täysi",
        json!({ "spots": 1, "waitlist": false }),
    )
    .await;
    let taker = app.volunteers("ottaja", 1, "2005-01-01").await.remove(0);
    signed_up(&app, &taker.token, &full).await;
    let response = refer(&app, c, json!({ "task_id": full })).await;
    assert_eq!(refused(response, 409).await, "task-full");

    let (owner2, _) = app.signed_in("odottava@example.fi").await;
    let pending = app
        .create_association(&owner2, "Odottava Yhdistys", "405")
        .await
        .id();
    let response = refer(&app, c, json!({ "association_id": pending })).await;
    assert_eq!(refused(response, 409).await, "association-not-verified");

    // Unknown ids and impossible combinations name their field.
    for (body, field) in [
        (
            json!({ "task_id": "00000000-0000-0000-0000-000000000000" }),
            "task_id",
        ),
        (json!({ "association_id": "ei-ole" }), "association_id"),
        (json!({}), "task_id"),
        (
            json!({ "task_id": s.task, "association_id": s.crew.association }),
            "association_id",
        ),
        (
            json!({ "task_id": s.task, "service_id": "x" }),
            "service_id",
        ),
        (
            json!({ "association_id": s.crew.association, "service_id": "ei-ole" }),
            "service_id",
        ),
        (
            json!({ "task_id": s.task, "client_email": "ei osoite" }),
            "client_email",
        ),
        (
            json!({ "task_id": s.task, "note": "x".repeat(1001) }),
            "note",
        ),
        (
            json!({ "task_id": s.task, "client_email": crate::referrals_support::COUNSELLOR }),
            "client_email",
        ),
    ] {
        let response = refer(&app, c, body.clone()).await;
        assert_eq!(fields(&problem(response, 422).await), [field], "{body}");
    }
    // An association's slug is not its id.
    let card = app
        .get_ok(&format!("/api/v1/associations/{}", s.crew.association))
        .await;
    let response = refer(&app, c, json!({ "association_id": card.str_at("slug") })).await;
    assert_eq!(fields(&problem(response, 422).await), ["association_id"]);
    assert_eq!(app.count("referrals").await, 0);
    // No expiry was scheduled (publishing the tasks scheduled their own jobs).
    let expiries: i64 = app
        .db(|conn| {
            use diesel::prelude::*;
            use talkoot::db::schema::jobs;
            jobs::table
                .filter(jobs::kind.eq("referral_expiry"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(expiries, 0);

    // A minor outside the age range is refused with the sign-up's own problem, before the
    // client ever hears of it.
    let minor = app
        .volunteers("nuorempi", 1, &young_birth_date())
        .await
        .remove(0);
    let adults = task(&app, &s.crew, "Aikuisille", json!({ "min_age": 18 })).await;
    let response = refer(
        &app,
        c,
        json!({ "task_id": adults, "client_email": minor.email }),
    )
    .await;
    assert_eq!(refused(response, 403).await, "too-young");
    assert_eq!(app.count("referrals").await, 0);
    // An adult's age is not probed (their sign-up will say it), and an unverified account's
    // birth date, which anyone could have typed, does not count.
    let older = app.volunteers("vanhempi", 1, "1980-01-01").await.remove(0);
    referred(
        &app,
        c,
        json!({ "task_id": s.task, "client_email": older.email }),
    )
    .await;
    app.register("vahvistamaton@example.fi", &young_birth_date())
        .await;
    app.emails_to("vahvistamaton@example.fi", 1).await;
    referred(
        &app,
        c,
        json!({ "task_id": adults, "client_email": "vahvistamaton@example.fi" }),
    )
    .await;
}

/// A 14-year-old today.
fn young_birth_date() -> String {
    (Utc::now().date_naive() - chrono::Months::new(14 * 12))
        .format("%Y-%m-%d")
        .to_string()
}

async fn a_refused_sign_up_leaves_the_referral_open_with_the_reason(backend: Backend) {
    // One client gets five referrals at once here.
    let app = spawn_app_with(backend, |config| config.referrals.open_per_address = 5).await;
    let s = scene(&app, "torjuttu").await;
    // Too young: the address had no account when referred; its owner registers as a 14-year-old.
    let adults = task(&app, &s.crew, "Aikuisille", json!({ "min_age": 18 })).await;
    let young_view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "nuori.kutsuttu@example.fi", "task_id": adults }),
    )
    .await;
    assert_eq!(
        app.register("nuori.kutsuttu@example.fi", &young_birth_date())
            .await
            .status(),
        202
    );
    let verification = app
        .emails_to("nuori.kutsuttu@example.fi", 2)
        .await
        .into_iter()
        .find(|m| m.body.contains("/verify-email?token="))
        .expect("the verification email");
    let verified = app
        .post(
            "/api/v1/auth/verify-email",
            &json!({ "token": verification.token() }),
        )
        .await;
    assert_eq!(verified.status(), 204);
    let (young, _) = app.tokens("nuori.kutsuttu@example.fi").await;

    // Full without a waitlist, and a passed deadline.
    let one_spot = task(
        &app,
        &s.crew,
        "Yksi paikka",
        json!({ "spots": 1, "waitlist": false }),
    )
    .await;
    let deadline = task(&app, &s.crew, "Takaraja", json!({})).await;
    let (client, _) = app.signed_in("asiakas.torjuttu@example.fi").await;
    let full_view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas.torjuttu@example.fi", "task_id": one_spot }),
    )
    .await;
    let late_view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas.torjuttu@example.fi", "task_id": deadline }),
    )
    .await;
    let taker = app.volunteers("nopeampi", 1, "2005-01-01").await.remove(0);
    signed_up(&app, &taker.token, &one_spot).await;
    let past = (Utc::now() - Duration::hours(1)).naive_utc();
    app.db(move |conn| {
        diesel::update(tasks::table.find(deadline))
            .set(tasks::application_deadline.eq(Some(past)))
            .execute(conn)
            .expect("move the deadline")
    })
    .await;

    // A task closed since, and an association suspended since.
    let closing = task(&app, &s.crew, "Suljetaan", json!({})).await;
    let closed_view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas.torjuttu@example.fi", "task_id": closing }),
    )
    .await;
    let closed = app
        .post_auth(
            &format!("/api/v1/tasks/{closing}/close"),
            &s.crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(closed.status(), 200);
    let other = app
        .imported_association(
            "Toinen Seura",
            "405",
            json!({ "email": "toinen@seura.example.fi" }),
        )
        .await;
    let suspended_view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas.torjuttu@example.fi", "association_id": other }),
    )
    .await;
    let suspended = app
        .post_auth(
            &format!("/api/v1/admin/associations/{other}/suspend"),
            &s.admin,
            &json!({}),
        )
        .await;
    assert_eq!(suspended.status(), 200);

    for (token, view, status, problem_type) in [
        (&young, &young_view, 403, "too-young"),
        (&client, &full_view, 409, "task-full"),
        (&client, &late_view, 409, "deadline-passed"),
        (&client, &closed_view, 409, "task-not-open"),
        (&client, &suspended_view, 409, "association-not-verified"),
    ] {
        let response = answer(
            &app,
            token,
            &view.id(),
            "accept",
            json!({ "share_progress": true }),
        )
        .await;
        assert_eq!(refused(response, status).await, problem_type);
        let after = as_counsellor(&app, &s.counsellor, &view.id()).await;
        assert_eq!(after.str_at("status"), "sent", "{problem_type}");
        assert_eq!(after["share_progress"], false);
        assert_eq!(crate::referrals_support::events(&after), ["sent"]);
    }
    // The one sign-up is the quick volunteer's.
    assert_eq!(app.count("signups").await, 1);
    // Declining is still possible.
    let declined = answer(&app, &client, &full_view.id(), "decline", json!({})).await;
    assert_eq!(declined.status(), 200);
}

async fn referrals_are_capped_per_day_and_per_address(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.referrals.per_counsellor_per_day = 5;
    })
    .await;
    let s = scene(&app, "raja").await;
    let c = &s.counsellor;
    let address = "sama@example.fi";
    for _ in 0..3 {
        referred(
            &app,
            c,
            json!({ "client_email": address, "task_id": s.task }),
        )
        .await;
    }
    let fourth = refer(
        &app,
        c,
        json!({ "client_email": address, "task_id": s.task }),
    )
    .await;
    assert_eq!(refused(fourth, 409).await, "too-many-open-referrals");
    // Another address, and links, are still fine until the day's cap.
    referred(
        &app,
        c,
        json!({ "client_email": "toinen@example.fi", "task_id": s.task }),
    )
    .await;
    referred(&app, c, json!({ "task_id": s.task })).await;
    let over = refer(&app, c, json!({ "task_id": s.task })).await;
    assert_eq!(over.status(), 429);
    let wait: i64 = over.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=86_400).contains(&wait), "{wait}");
    assert_eq!(app.count("referrals").await, 5);
    // Another counsellor has their own cap.
    let other = app
        .counsellor(
            &s.admin,
            "toinen.ohjaaja@example.fi",
            "Imatran nuorisopalvelut",
        )
        .await;
    referred(&app, &other, json!({ "task_id": s.task })).await;
    // A day later the cap has room again.
    app.advance_clock(Duration::hours(25));
    referred(&app, c, json!({ "task_id": s.task })).await;
}

async fn the_note_stays_out_of_the_logs(backend: Backend) {
    let logs = capture_logs();
    let app = spawn_app(backend).await;
    let s = scene(&app, "loki").await;
    let note = "Asiakkaalla on vaikea elämäntilanne, älä kerro tätä muille.";
    let view: Value = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "loki@example.fi", "task_id": s.task, "note": note }),
    )
    .await;
    // A refused request with the note too.
    let refused = refer(
        &app,
        &s.counsellor,
        json!({ "task_id": "ei-ole", "note": note }),
    )
    .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(view.str_at("note"), note);
    assert!(!logs.text().contains("elämäntilanne"), "{}", logs.text());
    assert!(!logs.text().is_empty());
}

async fn racing_answers_and_claims_go_through_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "kilpa").await;
    let (client, _) = app.signed_in("kilpailija@example.fi").await;
    let view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "kilpailija@example.fi", "association_id": s.crew.association }),
    )
    .await;
    let id = view.id();
    // The same client answers eight times at once, half accepting, half declining.
    let answers = (0..8).map(|i| {
        let (action, body) = if i % 2 == 0 {
            ("accept", json!({ "share_progress": true }))
        } else {
            ("decline", json!({}))
        };
        answer(&app, &client, &id, action, body)
    });
    let statuses: Vec<u16> = futures_util::future::join_all(answers)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|&s| s == 200 || s == 409),
        "{statuses:?}"
    );
    let after = as_counsellor(&app, &s.counsellor, &id).await;
    let history = crate::referrals_support::events(&after);
    assert_eq!(
        history.len(),
        if after["status"] == "accepted" { 3 } else { 2 },
        "{history:?}"
    );

    // Eight people claim one link at once: one gets it.
    let link = referred(
        &app,
        &s.counsellor,
        json!({ "association_id": s.crew.association }),
    )
    .await;
    let code = link.str_at("link").rsplit('/').next().unwrap().to_owned();
    let claimants = app.volunteers("linkki", 8, "2005-01-01").await;
    let body = json!({ "code": code });
    let claims = claimants
        .iter()
        .map(|v| app.post_auth("/api/v1/referrals/claim", &v.token, &body));
    let statuses: Vec<u16> = futures_util::future::join_all(claims)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 400).count(),
        7,
        "{statuses:?}"
    );
}

both_backends!(
    racing_answers_and_claims_go_through_once,
    only_open_tasks_and_verified_associations_can_be_offered,
    a_refused_sign_up_leaves_the_referral_open_with_the_reason,
    referrals_are_capped_per_day_and_per_address,
    the_note_stays_out_of_the_logs,
);
