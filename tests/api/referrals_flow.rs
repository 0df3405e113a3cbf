//! Referrals end to end, with the emails read from what was delivered: to an account, to an
//! address that registers later, as a link without email; accepting with and without
//! sharing, declining, turning sharing off, expiry with the application's clock, and a
//! counsellor whose role is revoked.

use chrono::Duration;
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, problem, spawn_app};
use crate::referrals_support::{COUNSELLOR, answer, as_counsellor, events, refer, referred, scene};
use crate::signups_support::{CONTACT, move_dates};

const NOTE: &str = "Sovimme tapaamisessa, että kokeilet tätä. Soita, jos jännittää.";

/// Emails queued to `to` so far (the outbox: written in the same transaction as the change).
async fn queued_to(app: &TestApp, to: &str) -> Vec<String> {
    use talkoot::db::schema::outbox;
    let to = to.to_owned();
    app.db(move |conn| {
        outbox::table
            .filter(outbox::recipient.eq(to))
            .order(outbox::created_at.asc())
            .select(outbox::kind)
            .load(conn)
            .expect("outbox")
    })
    .await
}

async fn an_account_accepts_shares_and_stops_sharing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "tili").await;
    let client_email = "nuori@example.fi";
    let (client, _) = app.signed_in(client_email).await;

    let view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "Nuori@Example.fi", "task_id": s.task, "note": NOTE }),
    )
    .await;
    let id = view.id();
    assert_eq!(view.str_at("status"), "sent");
    assert_eq!(view["offer"].str_at("kind"), "task");
    assert_eq!(
        view["offer"]["task"].str_at("name"),
        "Kirpputorin järjestäjä"
    );
    assert_eq!(view.str_at("client_email"), client_email);
    assert_eq!(view.str_at("note"), NOTE);
    assert!(view["progress"].is_null() && view.get("link").is_none());
    assert_eq!(events(&view), ["sent"]);

    // The client's email names the counsellor's organisation, the task and the link, and
    // not the note.
    let mail = app.last_email_to(client_email, 2).await;
    assert!(mail.body.contains("Lappeenrannan Ohjaamo"), "{}", mail.body);
    assert!(
        mail.body.contains("Kirpputorin järjestäjä"),
        "{}",
        mail.body
    );
    assert!(
        mail.body
            .contains(&format!("http://talkoot.test/referrals/{id}"))
    );
    assert!(!mail.body.contains("Soita, jos jännittää"), "{}", mail.body);

    let mine = app.get_auth_ok("/api/v1/me/referrals", &client).await;
    assert_eq!(mine["total"], 1);
    let item = &mine["items"][0];
    assert_eq!(item.str_at("note"), NOTE);
    assert_eq!(
        item["counsellor"].str_at("organisation"),
        "Lappeenrannan Ohjaamo"
    );
    assert!(item["contact"].is_null());

    // Accepting signs the client up, through the sign-up's own rules and emails.
    let accepted = answer(
        &app,
        &client,
        &id,
        "accept",
        json!({ "share_progress": true, "message": "Kiva, tulen!" }),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let accepted: Value = accepted.json().await.unwrap();
    assert_eq!(accepted.str_at("status"), "accepted");
    let signup_id = accepted.str_at("signup_id").to_owned();
    let signup = app
        .get_auth_ok(&format!("/api/v1/signups/{signup_id}"), &client)
        .await;
    assert_eq!(signup.str_at("status"), "accepted");
    assert_eq!(signup.str_at("message"), "Kiva, tulen!");
    let mail = app.last_email_to(COUNSELLOR, 3).await;
    assert_eq!(mail.subject, "Asiakkaasi hyväksyi ohjauksen");

    // The association sees that it came through a referral, and nothing of the referral.
    let list = app
        .get_auth(&format!("/api/v1/tasks/{}/signups", s.task), &s.crew.owner)
        .await
        .text()
        .await
        .unwrap();
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list["items"][0]["via_referral"], true);
    let text = list.to_string();
    assert!(!text.contains("Sovimme") && !text.contains(COUNSELLOR) && !text.contains("Ohjaamo"));

    // The counsellor follows, while shared.
    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert_eq!(view.str_at("status"), "accepted");
    assert_eq!(view["progress"].str_at("signup_status"), "accepted");
    assert_eq!(events(&view), ["sent", "accepted", "sharing_started"]);
    assert!(view["consent_changed_at"].is_string());

    move_dates(&app, &s.task, -Duration::days(7) - Duration::hours(4)).await;
    let completed = app
        .post_auth(
            &format!("/api/v1/signups/{signup_id}/complete"),
            &s.crew.owner,
            &json!({ "hours": 2.5 }),
        )
        .await;
    assert_eq!(completed.status(), 200);
    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert_eq!(view["progress"].str_at("signup_status"), "completed");
    assert_eq!(view["progress"]["hours"], 2.5);
    assert!(view["progress"]["replied_at"].is_string());
    let figures = app
        .get_auth_ok("/api/v1/referrals/summary", &s.counsellor)
        .await;
    assert_eq!(
        (
            &figures["referred"],
            &figures["accepted"],
            &figures["completed_while_sharing"]
        ),
        (&json!(1), &json!(1), &json!(1))
    );

    // Turning sharing off hides the progress at once; the referral's own status stays.
    let off = app
        .patch_auth(
            &format!("/api/v1/me/referrals/{id}"),
            &client,
            &json!({ "share_progress": false }),
        )
        .await;
    assert_eq!(off.status(), 200);
    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert!(view["progress"].is_null());
    assert_eq!(view["share_progress"], false);
    assert_eq!(view.str_at("status"), "accepted");
    assert_eq!(
        events(&view),
        ["sent", "accepted", "sharing_started", "sharing_stopped"]
    );
    // The figures follow the consent too.
    let figures = app
        .get_auth_ok("/api/v1/referrals/summary", &s.counsellor)
        .await;
    assert_eq!(figures["sharing"], 0);
    assert_eq!(figures["completed_while_sharing"], 0);
    assert_eq!(figures["accepted"], 1);

    // An answered referral cannot be answered again.
    let again = answer(&app, &client, &id, "decline", json!({})).await;
    assert_eq!(
        problem(again, 409).await.str_at("current_status"),
        "accepted"
    );
}

async fn an_invited_address_registers_and_accepts_without_sharing(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "kutsu").await;
    let address = "uusi.nuori@example.fi";
    let view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": address, "task_id": s.task }),
    )
    .await;
    let id = view.id();
    let mail = app.last_email_to(address, 1).await;
    assert!(
        mail.body.contains("http://talkoot.test/register"),
        "{}",
        mail.body
    );
    assert!(
        mail.body.contains(&format!("/referrals/{id}")),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("30"), "{}", mail.body);

    // Someone else sees nothing of it.
    let (other, _) = app.signed_in("joku.muu@example.fi").await;
    let theirs = app.get_auth_ok("/api/v1/me/referrals", &other).await;
    assert_eq!(theirs["total"], 0);

    app.register_verified(address).await;
    let (client, _) = app.tokens(address).await;
    let mine = app.get_auth_ok("/api/v1/me/referrals", &client).await;
    assert_eq!(mine["total"], 1);

    // Sharing turned on while thinking it over, and off again with the answer: both
    // changes are in the history.
    let on = app
        .patch_auth(
            &format!("/api/v1/me/referrals/{id}"),
            &client,
            &json!({ "share_progress": true }),
        )
        .await;
    assert_eq!(on.status(), 200);
    let accepted = answer(
        &app,
        &client,
        &id,
        "accept",
        json!({ "share_progress": false }),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert_eq!(view.str_at("status"), "accepted");
    assert!(view["progress"].is_null());
    assert_eq!(view["share_progress"], false);
    assert_eq!(
        events(&view),
        ["sent", "sharing_started", "accepted", "sharing_stopped"]
    );
    let list = app
        .get_auth_ok(&format!("/api/v1/tasks/{}/signups", s.task), &s.crew.owner)
        .await;
    assert_eq!(list["items"][0]["via_referral"], true);
}

async fn a_link_is_claimed_once_and_declined(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "linkki").await;
    let view = referred(
        &app,
        &s.counsellor,
        json!({ "task_id": s.task, "note": NOTE }),
    )
    .await;
    let id = view.id();
    let link = view.str_at("link").to_owned();
    let code = link
        .strip_prefix("http://talkoot.test/r/")
        .expect("a link to hand over")
        .to_owned();
    assert!(code.len() >= 40, "{code}");
    assert_eq!(view["claim"]["claimed"], false);
    // The link is shown once: reading the referral again does not show it.
    let again = as_counsellor(&app, &s.counsellor, &id).await;
    assert!(again.get("link").is_none());

    let (client, _) = app.signed_in("linkin.saaja@example.fi").await;
    // Nobody can answer an unclaimed link referral by its id.
    let early = answer(&app, &client, &id, "decline", json!({})).await;
    assert_eq!(early.status(), 404);
    let wrong = app
        .post_auth(
            "/api/v1/referrals/claim",
            &client,
            &json!({ "code": "väärä" }),
        )
        .await;
    assert_eq!(wrong.status(), 400);
    let claimed = app
        .post_auth("/api/v1/referrals/claim", &client, &json!({ "code": code }))
        .await;
    assert_eq!(claimed.status(), 200);
    let claimed: Value = claimed.json().await.unwrap();
    assert_eq!(claimed.id(), id);
    assert_eq!(claimed.str_at("note"), NOTE);
    // Claiming again is harmless; anyone else is refused.
    let twice = app
        .post_auth("/api/v1/referrals/claim", &client, &json!({ "code": code }))
        .await;
    assert_eq!(twice.status(), 200);
    let (other, _) = app.signed_in("toinen@example.fi").await;
    let stolen = app
        .post_auth("/api/v1/referrals/claim", &other, &json!({ "code": code }))
        .await;
    assert_eq!(stolen.status(), 400);

    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert_eq!(view["claim"]["claimed"], true);
    assert!(view["client_email"].is_null());
    assert_eq!(events(&view), ["sent", "claimed"]);

    let declined = answer(
        &app,
        &client,
        &id,
        "decline",
        json!({ "reason": "En ehdi nyt koulun takia." }),
    )
    .await;
    assert_eq!(declined.status(), 200);
    let mail = app.last_email_to(COUNSELLOR, 3).await;
    assert_eq!(mail.subject, "Asiakkaasi ei ottanut ohjausta vastaan");
    let view = as_counsellor(&app, &s.counsellor, &id).await;
    assert_eq!(view.str_at("status"), "declined");
    assert_eq!(view.str_at("decline_reason"), "En ehdi nyt koulun takia.");
    assert_eq!(events(&view), ["sent", "claimed", "declined"]);
    assert_eq!(app.count("signups").await, 0);
}

async fn accepting_an_association_service_gives_its_contact(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "palvelu").await;
    let service = app
        .post_auth(
            &format!("/api/v1/associations/{}/services", s.crew.association),
            &s.crew.owner,
            &json!({ "name": "Nuortenilta", "how_to_get": "Tule torstaisin kello 17." }),
        )
        .await;
    assert_eq!(service.status(), 201);
    let service: Value = service.json().await.unwrap();
    let (client, _) = app.signed_in("palvelun.saaja@example.fi").await;
    let view = referred(
        &app,
        &s.counsellor,
        json!({
            "client_email": "palvelun.saaja@example.fi",
            "association_id": s.crew.association,
            "service_id": service.id(),
        }),
    )
    .await;
    assert_eq!(view["offer"].str_at("kind"), "service");
    assert_eq!(view["offer"]["service"].str_at("name"), "Nuortenilta");

    let accepted = answer(
        &app,
        &client,
        &view.id(),
        "accept",
        json!({ "share_progress": true, "message": "Tulen torstaina." }),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let accepted: Value = accepted.json().await.unwrap();
    assert_eq!(accepted["contact"].str_at("email"), CONTACT);
    assert_eq!(
        accepted["contact"].str_at("how_to_get"),
        "Tule torstaisin kello 17."
    );
    assert!(accepted["signup_id"].is_null());
    assert_eq!(app.count("signups").await, 0);
    let view = as_counsellor(&app, &s.counsellor, &view.id()).await;
    assert_eq!(view["progress"].str_at("message"), "Tulen torstaina.");
    assert!(view["progress"]["signup_status"].is_null());
}

async fn unanswered_referrals_expire_and_the_counsellor_is_told(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "vanhenee").await;
    let (client, _) = app.signed_in("hidas@example.fi").await;
    let emailed = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "hidas@example.fi", "task_id": s.task }),
    )
    .await;
    let linked = referred(
        &app,
        &s.counsellor,
        json!({ "association_id": s.crew.association }),
    )
    .await;
    // Answered in time: never expires.
    let (quick, _) = app.signed_in("nopea@example.fi").await;
    let answered = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "nopea@example.fi", "association_id": s.crew.association }),
    )
    .await;
    assert_eq!(
        answer(&app, &quick, &answered.id(), "decline", json!({}))
            .await
            .status(),
        200
    );

    app.advance_clock(Duration::days(29));
    let still = as_counsellor(&app, &s.counsellor, &emailed.id()).await;
    assert_eq!(still.str_at("status"), "sent");

    app.advance_clock(Duration::days(2));
    // Two expiry notices (after the verification, approval and decline emails).
    let mails = app.emails_to(COUNSELLOR, 5).await;
    let expired: Vec<_> = mails
        .iter()
        .filter(|m| m.subject == "Ohjaukseesi ei vastattu")
        .collect();
    assert_eq!(expired.len(), 2);
    for id in [emailed.id(), linked.id()] {
        let view = as_counsellor(&app, &s.counsellor, &id).await;
        assert_eq!(view.str_at("status"), "expired");
        assert_eq!(events(&view).last().map(String::as_str), Some("expired"));
    }
    let view = as_counsellor(&app, &s.counsellor, &answered.id()).await;
    assert_eq!(view.str_at("status"), "declined");

    let late = answer(
        &app,
        &client,
        &emailed.id(),
        "accept",
        json!({ "share_progress": true }),
    )
    .await;
    assert_eq!(problem(late, 409).await.str_at("current_status"), "expired");
    let list = app
        .get_auth_ok("/api/v1/referrals?status=expired", &s.counsellor)
        .await;
    assert_eq!(list["total"], 2);
    let sent = app
        .get_auth_ok("/api/v1/referrals?status=sent", &s.counsellor)
        .await;
    assert_eq!(sent["total"], 0);
    assert_eq!(queued_to(&app, COUNSELLOR).await.len(), 5);
    let today = chrono::Utc::now().date_naive();
    let figures = app
        .get_auth_ok(
            &format!("/api/v1/referrals/summary?from={today}&to={today}"),
            &s.counsellor,
        )
        .await;
    assert_eq!(
        [
            &figures["referred"],
            &figures["open"],
            &figures["declined"],
            &figures["expired"]
        ],
        [&json!(3), &json!(0), &json!(1), &json!(2)]
    );
    let tomorrow = today + Duration::days(1);
    let none = app
        .get_auth_ok(
            &format!("/api/v1/referrals/summary?from={tomorrow}"),
            &s.counsellor,
        )
        .await;
    assert_eq!(none["referred"], 0);
    let backwards = app
        .get_auth(
            &format!("/api/v1/referrals/summary?from={tomorrow}&to={today}"),
            &s.counsellor,
        )
        .await;
    assert_eq!(
        crate::helpers::fields(&problem(backwards, 422).await),
        ["to"]
    );
}

async fn a_revoked_counsellor_loses_access_and_the_client_keeps_the_offer(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "peruttu").await;
    let (client, _) = app.signed_in("asiakas@example.fi").await;
    let view = referred(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas@example.fi", "task_id": s.task }),
    )
    .await;
    let requests = app
        .get_auth_ok(
            "/api/v1/admin/counsellor-requests?status=approved",
            &s.admin,
        )
        .await;
    let request = requests["items"][0].id();
    let revoked = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{request}/revoke"),
            &s.admin,
            &json!({ "reason": "Siirtyi muihin tehtäviin." }),
        )
        .await;
    assert_eq!(revoked.status(), 200);

    for path in [
        "/api/v1/referrals".to_owned(),
        format!("/api/v1/referrals/{}", view.id()),
    ] {
        let refused = app.get_auth(&path, &s.counsellor).await;
        assert_eq!(
            problem(refused, 403).await.str_at("type"),
            "urn:talkoot:problem:not-a-counsellor"
        );
    }
    let refused = refer(
        &app,
        &s.counsellor,
        json!({ "client_email": "asiakas@example.fi", "task_id": s.task }),
    )
    .await;
    assert_eq!(refused.status(), 403);

    // The client still has the offer and may take it; the former counsellor hears nothing.
    let accepted = answer(
        &app,
        &client,
        &view.id(),
        "accept",
        json!({ "share_progress": true }),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    assert_eq!(
        queued_to(&app, COUNSELLOR).await,
        ["verify_email", "counsellor_approved", "counsellor_revoked"]
    );
}

both_backends!(
    an_account_accepts_shares_and_stops_sharing,
    an_invited_address_registers_and_accepts_without_sharing,
    a_link_is_claimed_once_and_declined,
    accepting_an_association_service_gives_its_contact,
    unanswered_referrals_expire_and_the_counsellor_is_told,
    a_revoked_counsellor_loses_access_and_the_client_keeps_the_offer,
);
