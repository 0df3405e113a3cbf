//! Email that one person causes to others is bounded (429 with Retry-After, and nothing of
//! the refused action remains), a withdrawal is never refused, and notices about the same
//! sign-up that are still waiting coalesce into the newest one.

use std::time::Duration;

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, problem, spawn_app_with};
use crate::signups_support::{CONTACT, act, crew, sign_up, signed_up, task};

async fn sign_up_cycles_run_into_the_per_person_bound(backend: Backend) {
    // Each sign-up and each withdrawal tells the owner and the contact address: 2 emails.
    let app = spawn_app_with(backend, |c| c.email_limits.per_person_per_hour = 6).await;
    let crew = crew(&app, "kierto").await;
    let task = task(&app, &crew, "Kirpputorin myyjä", json!({})).await;
    let (volunteer, _) = app.signed_in("kiertaja@example.fi").await;
    // Two cycles: 2 + 2 notices each (the withdrawals count, though they are never refused).
    for _ in 0..2 {
        let signup = signed_up(&app, &volunteer, &task).await;
        assert_eq!(
            act(&app, &volunteer, &signup, "withdraw").await.status(),
            200
        );
    }
    let (signups, outbox) = (app.count("signups").await, app.count("outbox").await);

    let refused = sign_up(&app, &volunteer, &task).await;
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3500..=3600).contains(&retry_after), "{retry_after}");
    let body = problem(refused, 429).await;
    assert_eq!(body["type"], "urn:talkoot:problem:rate-limited");
    assert_eq!(app.count("signups").await, signups, "no sign-up was made");
    assert_eq!(app.count("outbox").await, outbox, "no email was queued");

    // The bound is the person's, not the task's.
    let (other, _) = app.signed_in("toinen@example.fi").await;
    assert_eq!(sign_up(&app, &other, &task).await.status(), 201);
}

async fn a_notice_still_waiting_is_replaced_by_the_newer_one(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.email_limits.coalesce_after = Duration::from_secs(2);
    })
    .await;
    let crew = crew(&app, "kooste").await;
    let task = task(&app, &crew, "Rantasiivous", json!({})).await;
    let (volunteer, _) = app.signed_in("empiva@example.fi").await;
    let signup = signed_up(&app, &volunteer, &task).await;
    assert_eq!(
        act(&app, &volunteer, &signup, "withdraw").await.status(),
        200
    );
    // The volunteer's own receipt is not held back.
    app.emails_to("empiva@example.fi", 1).await;

    // The contact address gets one email: the withdrawal, which replaced the sign-up's
    // notice while it waited; the owner too (after the association's verification).
    let about_task = |to: &str| {
        app.emails()
            .into_iter()
            .filter(|m| m.to == to && m.body.contains("Rantasiivous"))
            .collect::<Vec<_>>()
    };
    let contact = app.last_email_to(CONTACT, 1).await;
    let owner = app.last_email_to(&crew.owner_email, 2).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    for (address, newest) in [(CONTACT, contact), (crew.owner_email.as_str(), owner)] {
        let notices = about_task(address);
        assert_eq!(notices.len(), 1, "{address}: {notices:?}");
        assert_eq!(notices[0].subject, newest.subject, "{address}");
    }
    // Without a withdrawal in between, a later sign-up's notice comes as usual.
    let again = signed_up(&app, &volunteer, &task).await;
    assert_eq!(again["status"], "accepted");
    let later = app.last_email_to(CONTACT, 2).await;
    assert_ne!(
        later.subject,
        about_task(CONTACT)[0].subject,
        "a new notice"
    );
}

async fn an_address_receives_only_so_many_invitations_an_hour(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.email_limits.per_recipient_per_hour = 2).await;
    let target = "kohde@example.fi";
    let mut owners = Vec::new();
    for tag in ["yksi", "kaksi", "kolme"] {
        let (owner, _) = app.signed_in(&format!("omistaja-{tag}@example.fi")).await;
        let association = app
            .create_association(&owner, &format!("Seura {tag}"), "405")
            .await
            .id();
        owners.push((owner, association));
    }
    for (owner, association) in &owners[..2] {
        app.invite(association, owner, target, "editor").await;
    }
    let (owner, association) = &owners[2];
    let outbox = app.count("outbox").await;
    let refused = app
        .post_auth(
            &format!("/api/v1/associations/{association}/members"),
            owner,
            &json!({ "email": target, "role": "editor" }),
        )
        .await;
    assert!(refused.headers().contains_key("retry-after"));
    problem(refused, 429).await;
    assert_eq!(app.count("outbox").await, outbox, "no third email");
    // Another address is not affected.
    app.invite(association, owner, "toinen@example.fi", "editor")
        .await;
}

both_backends!(
    an_address_receives_only_so_many_invitations_an_hour,
    sign_up_cycles_run_into_the_per_person_bound,
    a_notice_still_waiting_is_replaced_by_the_newer_one
);
