//! A sign-up's life end to end, with the emails each step really delivers: manual
//! approval, automatic approval with a waitlist that moves up, withdrawal, a cancelled
//! task, completion with hours, and feedback.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, spawn_app};
use crate::signups_support::{
    CONTACT, act, counted, crew, email_with_subject, in_state, move_dates, reloaded, sign_up,
    signed_up, task,
};

async fn manual_signup_is_answered_completed_and_given_feedback(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "manual").await;
    let aino = app.volunteers("aino", 1, "2008-03-01").await.remove(0);
    let id = task(
        &app,
        &crew,
        "Lukukaveri kirjastoon",
        json!({ "approval_mode": "manual", "spots": 2, "contact_person": "Maija Mehiläinen" }),
    )
    .await;

    // Signing up: pending, with the message; both sides hear of it.
    let response = app
        .post_auth(
            &format!("/api/v1/tasks/{id}/signups"),
            &aino.token,
            &json!({ "message": "  Pääsen lauantaisin.  " }),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let signup: Value = response.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/signups/{}", signup.id()));
    assert_eq!(signup["status"], "pending");
    assert_eq!(signup["message"], "Pääsen lauantaisin.");
    assert_eq!(
        signup["volunteer"],
        Value::Null,
        "the volunteer view has no contact card"
    );
    assert_eq!(signup["history"][0]["to"], "pending");
    assert_eq!(signup["history"][0]["by"], "volunteer");
    let body = email_with_subject(
        &app,
        &aino.email,
        "Kiitos ilmoittautumisesta: Lukukaveri kirjastoon",
    )
    .await;
    assert!(body.contains("Luontoseura manual") && body.contains(&format!("/tasks/{id}")));
    for to in [crew.owner_email.as_str(), CONTACT] {
        let body =
            email_with_subject(&app, to, "Uusi ilmoittautuminen: Lukukaveri kirjastoon").await;
        assert!(body.contains("Vapaaehtoinen 0"), "{body}");
        assert!(body.contains(&format!("/tasks/{id}/signups")));
        assert!(
            !body.contains(&aino.email),
            "no addresses in the association's email"
        );
    }

    // The members' list shows how to reach her: age, not birth date.
    let list: Value = app
        .get_auth(&format!("/api/v1/tasks/{id}/signups"), &crew.owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    let row = &list["items"][0];
    assert_eq!(row["volunteer"]["email"], aino.email);
    assert_eq!(row["volunteer"]["display_name"], "Vapaaehtoinen 0");
    assert!(row["volunteer"]["age"].as_i64().unwrap() >= 17);
    assert!(row["volunteer"].get("birth_date").is_none());
    assert!(!list.to_string().contains("2008-03-01"));

    // Accept: the volunteer hears, with the contact person.
    let accepted: Value = act(&app, &crew.owner, &signup, "accept")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(accepted["status"], "accepted");
    assert!(accepted["decided_at"].is_string());
    let body = email_with_subject(&app, &aino.email, "Olet mukana: Lukukaveri kirjastoon").await;
    assert!(body.contains("Maija Mehiläinen"));

    // Complete with hours, once the task has taken place: the record grows and she is told.
    move_dates(&app, &id, chrono::Duration::days(-8)).await;
    let done = app
        .post_auth(
            &format!("/api/v1/signups/{}/complete", signup.id()),
            &crew.owner,
            &json!({ "hours": 2.5 }),
        )
        .await;
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(done["status"], "completed");
    assert_eq!(done["hours"], 2.5);
    let body =
        email_with_subject(&app, &aino.email, "Kiitos talkoista: Lukukaveri kirjastoon").await;
    assert!(body.contains("2.5") && body.contains("/me/record"));
    let history = done["history"].pluck("to");
    assert_eq!(history, ["pending", "accepted", "completed"]);

    // Feedback: each side once; the comment reaches the other side, the rating does not.
    let path = format!("/api/v1/signups/{}/feedback", signup.id());
    let mine: Value = app
        .post_auth(
            &path,
            &aino.token,
            &json!({ "rating": 5, "comment": "Mukava porukka!" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["feedback"]["mine"]["rating"], 5);
    let again = app
        .post_auth(&path, &aino.token, &json!({ "rating": 4 }))
        .await;
    assert_eq!(again.status(), 409);
    let theirs: Value = app
        .post_auth(
            &path,
            &crew.owner,
            &json!({ "rating": 4, "comment": "Kiitos avusta!" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(theirs["feedback"]["mine"]["rating"], 4);
    assert_eq!(theirs["feedback"]["from_other_side"], "Mukava porukka!");
    let seen = reloaded(&app, &aino.token, &signup).await;
    assert_eq!(seen["feedback"]["from_other_side"], "Kiitos avusta!");
    assert_eq!(seen["feedback"]["mine"]["rating"], 5);
    assert!(
        !seen.to_string().contains("\"rating\":4"),
        "the other side's rating stays hidden"
    );
}

async fn waitlist_moves_up_when_a_place_frees(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "wait").await;
    let people = app.volunteers("jono", 4, "2004-05-05").await;
    // The last one reads Swedish: her emails come in Swedish.
    let sv = app
        .patch_auth("/api/v1/me", &people[3].token, &json!({ "language": "sv" }))
        .await;
    assert_eq!(sv.status(), 200);
    let id = task(
        &app,
        &crew,
        "Kesäleirin apuohjaaja",
        json!({ "spots": 2, "approval_mode": "automatic", "waitlist": true }),
    )
    .await;
    let mut s = Vec::new();
    for p in &people {
        s.push(signed_up(&app, &p.token, &id).await);
    }
    let states: Vec<&str> = s.iter().map(|x| x.str_at("status")).collect();
    assert_eq!(states, ["accepted", "accepted", "waitlisted", "waitlisted"]);
    assert_eq!(s[2]["waitlist_position"], 1);
    assert_eq!(s[3]["waitlist_position"], 2);
    email_with_subject(
        &app,
        &people[2].email,
        "Olet varasijalla: Kesäleirin apuohjaaja",
    )
    .await;
    email_with_subject(
        &app,
        CONTACT,
        "Uusi ilmoittautuminen varasijalle: Kesäleirin apuohjaaja",
    )
    .await;
    email_with_subject(&app, &people[0].email, "Olet mukana: Kesäleirin apuohjaaja").await;

    // An accepted volunteer withdraws: the association hears, the oldest waitlisted moves up.
    let w = act(&app, &people[0].token, &s[0], "withdraw").await;
    assert_eq!(w.status(), 200);
    email_with_subject(
        &app,
        CONTACT,
        "Ilmoittautuminen peruttu: Kesäleirin apuohjaaja",
    )
    .await;
    let body = email_with_subject(
        &app,
        &people[2].email,
        "Pääsit mukaan: Kesäleirin apuohjaaja",
    )
    .await;
    assert!(body.contains(&format!("/tasks/{id}")));
    let moved = reloaded(&app, &people[2].token, &s[2]).await;
    assert_eq!(moved["status"], "accepted");
    assert_eq!(moved["history"][1]["by"], "service");
    let last = reloaded(&app, &people[3].token, &s[3]).await;
    assert_eq!(last["waitlist_position"], 1);

    // Declined after all: the next one moves up too.
    assert_eq!(act(&app, &crew.owner, &s[1], "decline").await.status(), 200);
    email_with_subject(
        &app,
        &people[1].email,
        "Tietoa ilmoittautumisestasi: Kesäleirin apuohjaaja",
    )
    .await;
    email_with_subject(
        &app,
        &people[3].email,
        "Du fick en plats: Kesäleirin apuohjaaja",
    )
    .await;
    assert_eq!(in_state(&app, &id, "accepted").await, 2);
    assert_eq!(in_state(&app, &id, "waitlisted").await, 0);
    assert_eq!(counted(&app, &id).await.1, 2);
}

async fn manual_waitlist_moves_up_to_pending_and_more_spots_move_it_too(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "manualwait").await;
    let people = app.volunteers("odottaja", 3, "2004-05-05").await;
    let id = task(
        &app,
        &crew,
        "Ruoka-apu",
        json!({ "spots": 1, "approval_mode": "manual", "waitlist": true }),
    )
    .await;
    let first = signed_up(&app, &people[0].token, &id).await;
    assert_eq!(act(&app, &crew.owner, &first, "accept").await.status(), 200);
    let second = signed_up(&app, &people[1].token, &id).await;
    let third = signed_up(&app, &people[2].token, &id).await;
    assert_eq!(second["status"], "waitlisted");
    assert_eq!(third["status"], "waitlisted");

    // The accepted one withdraws: the next moves up to pending, for a member to decide.
    assert_eq!(
        act(&app, &people[0].token, &first, "withdraw")
            .await
            .status(),
        200
    );
    email_with_subject(&app, &people[1].email, "Nousit varasijalta: Ruoka-apu").await;
    // The association is asked to decide, as for a new sign-up (the first one's and now
    // this one's request).
    let mut asked = 0;
    for _ in 0..100 {
        asked = app
            .emails()
            .iter()
            .filter(|e| e.to == crew.owner_email && e.subject == "Uusi ilmoittautuminen: Ruoka-apu")
            .count();
        if asked == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(asked, 2);
    assert_eq!(in_state(&app, &id, "pending").await, 1);
    assert_eq!(in_state(&app, &id, "waitlisted").await, 1);

    // Raising the spots moves the rest up.
    let patched = app
        .patch_auth(
            &format!("/api/v1/tasks/{id}"),
            &crew.owner,
            &json!({ "spots": 3 }),
        )
        .await;
    assert_eq!(patched.status(), 200);
    email_with_subject(&app, &people[2].email, "Nousit varasijalta: Ruoka-apu").await;
    assert_eq!(in_state(&app, &id, "pending").await, 2);

    // Spots cannot drop below those already accepted.
    assert_eq!(
        act(&app, &crew.owner, &second, "accept").await.status(),
        200
    );
    assert_eq!(act(&app, &crew.owner, &third, "accept").await.status(), 200);
    let shrink = app
        .patch_auth(
            &format!("/api/v1/tasks/{id}"),
            &crew.owner,
            &json!({ "spots": 1 }),
        )
        .await;
    let problem = crate::helpers::problem(shrink, 422).await;
    assert_eq!(crate::helpers::fields(&problem), ["spots"]);
}

async fn cancelling_a_task_cancels_open_signups_and_tells_each_volunteer(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "cancel").await;
    let people = app.volunteers("peruttu", 3, "2002-02-02").await;
    let id = task(
        &app,
        &crew,
        "Siivoustalkoot",
        json!({ "spots": 1, "approval_mode": "automatic", "waitlist": true }),
    )
    .await;
    let a = signed_up(&app, &people[0].token, &id).await;
    signed_up(&app, &people[1].token, &id).await;
    let c = signed_up(&app, &people[2].token, &id).await;
    assert_eq!(
        act(&app, &people[2].token, &c, "withdraw").await.status(),
        200
    );
    let cancelled = app
        .post_auth(
            &format!("/api/v1/tasks/{id}/cancel"),
            &crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    for p in &people[..2] {
        let body = email_with_subject(&app, &p.email, "Tehtävä peruttiin: Siivoustalkoot").await;
        assert!(body.contains("Luontoseura cancel"));
    }
    assert_eq!(in_state(&app, &id, "cancelled").await, 2);
    assert_eq!(
        in_state(&app, &id, "withdrawn").await,
        1,
        "a closed sign-up stays as it was"
    );
    assert_eq!(counted(&app, &id).await.1, 0);
    let mine = reloaded(&app, &people[0].token, &a).await;
    assert_eq!(mine["status"], "cancelled");
    assert!(mine["cancelled_at"].is_string());
    let no_mail = app
        .emails()
        .into_iter()
        .filter(|e| e.to == people[2].email && e.subject.starts_with("Tehtävä peruttiin"))
        .count();
    assert_eq!(no_mail, 0, "the one who had withdrawn is not told");
    // The volunteer's own list shows it, newest first.
    let list: Value = app
        .get_auth("/api/v1/me/signups", &people[0].token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["task"]["title"], "Siivoustalkoot");
    let refused = sign_up(&app, &people[0].token, &id).await;
    assert_eq!(
        crate::helpers::problem(refused, 409).await["type"],
        "urn:talkoot:problem:task-not-open"
    );
}

/// Makes every email to these addresses fail to queue, as a broken outbox would.
async fn break_outbox_for(app: &crate::helpers::TestApp, backend: Backend, recipients: &[&str]) {
    let list = recipients
        .iter()
        .map(|r| format!("'{r}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = match backend {
        Backend::Sqlite => format!(
            "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox WHEN NEW.recipient IN ({list}) \
             BEGIN SELECT RAISE(ABORT, 'outbox broken'); END;"
        ),
        Backend::Postgres => format!(
            "CREATE FUNCTION outbox_broken() RETURNS trigger AS $$ BEGIN \
             IF NEW.recipient IN ({list}) THEN RAISE EXCEPTION 'outbox broken'; END IF; \
             RETURN NEW; END $$ LANGUAGE plpgsql; \
             CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox \
             FOR EACH ROW EXECUTE FUNCTION outbox_broken();"
        ),
    };
    app.db(move |conn| {
        use diesel::connection::SimpleConnection as _;
        conn.batch_execute(&sql).expect("trigger");
    })
    .await;
}

async fn a_state_change_and_its_email_commit_together(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "atomic").await;
    let people = app.volunteers("atomi", 3, "2003-03-03").await;
    let id = task(
        &app,
        &crew,
        "Kaikki tai ei mitään",
        json!({ "spots": 1, "approval_mode": "automatic", "waitlist": true }),
    )
    .await;
    let first = signed_up(&app, &people[0].token, &id).await;
    let second = signed_up(&app, &people[1].token, &id).await;
    assert_eq!(second["status"], "waitlisted");
    break_outbox_for(&app, backend, &[&people[1].email, &people[2].email]).await;
    let signups_before = counted(&app, &id).await;
    let outbox_before = app.count("outbox").await;

    // The moved-up volunteer's email cannot be queued: the withdrawal that would move them
    // up fails as a whole, so nobody is moved without being told.
    let failed = act(&app, &people[0].token, &first, "withdraw").await;
    assert_eq!(failed.status(), 500);
    assert_eq!(counted(&app, &id).await, signups_before);
    assert_eq!(app.count("outbox").await, outbox_before);
    let still = reloaded(&app, &people[0].token, &first).await;
    assert_eq!(still["status"], "accepted");
    assert_eq!(still["history"].list().len(), 1);

    // A sign-up whose confirmation cannot be queued is not made either.
    let before = app.count("signups").await;
    assert_eq!(sign_up(&app, &people[2].token, &id).await.status(), 500);
    assert_eq!(app.count("signups").await, before);
    assert_eq!(app.count("outbox").await, outbox_before);
}

async fn nobody_moves_up_once_a_fixed_task_has_begun(backend: Backend) {
    use diesel::prelude::*;
    use talkoot::db::schema::tasks;
    let app = spawn_app(backend).await;
    let crew = crew(&app, "begun").await;
    let people = app.volunteers("alkanut", 2, "2004-05-05").await;
    let id = task(
        &app,
        &crew,
        "Konsertin järjestyksenvalvonta",
        json!({ "spots": 1, "approval_mode": "automatic", "waitlist": true }),
    )
    .await;
    let first = signed_up(&app, &people[0].token, &id).await;
    let second = signed_up(&app, &people[1].token, &id).await;
    assert_eq!(second["status"], "waitlisted");
    // The event started an hour ago; someone drops out during it.
    let task_id = id.clone();
    app.db(move |conn| {
        let now = chrono::Utc::now().naive_utc();
        diesel::update(tasks::table.find(&task_id))
            .set(tasks::starts_at.eq(now - chrono::Duration::hours(1)))
            .execute(conn)
            .unwrap();
    })
    .await;
    assert_eq!(
        act(&app, &people[0].token, &first, "withdraw")
            .await
            .status(),
        200
    );
    assert_eq!(in_state(&app, &id, "waitlisted").await, 1);
    assert_eq!(counted(&app, &id).await.1, 0);
}

both_backends!(
    a_state_change_and_its_email_commit_together,
    nobody_moves_up_once_a_fixed_task_has_begun,
    manual_signup_is_answered_completed_and_given_feedback,
    waitlist_moves_up_when_a_place_frees,
    manual_waitlist_moves_up_to_pending_and_more_spots_move_it_too,
    cancelling_a_task_cancels_open_signups_and_tells_each_volunteer,
);
