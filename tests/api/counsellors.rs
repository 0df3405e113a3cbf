//! The service counsellor role: asking for it, an administrator's approval, rejection and
//! revocation, each emailed in the user's language, and `GET /me` showing the role.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app};

async fn request_approve_reject_and_revoke(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (aino, _) = app.signed_in("aino.ohjaaja@example.fi").await;
    // Swedish, so that the decision's email is in Swedish.
    let patched = app
        .patch_auth("/api/v1/me", &aino, &json!({ "language": "sv" }))
        .await;
    assert_eq!(patched.status(), 200);

    // Bad input: every field named at once, nothing written.
    let bad = app
        .post_auth(
            "/api/v1/me/counsellor-request",
            &aino,
            &json!({ "organisation": "  ", "title": "Ohjaaja\nrivinvaihto", "municipality_code": "999", "work_email": "ei-osoite" }),
        )
        .await;
    let body = problem(bad, 422).await;
    assert_eq!(
        fields(&body),
        ["organisation", "title", "municipality_code", "work_email"]
    );
    assert_eq!(app.count("counsellor_requests").await, 0);

    let created = app
        .post_auth(
            "/api/v1/me/counsellor-request",
            &aino,
            &json!({
                "organisation": "Lappeenrannan Ohjaamo",
                "title": "Palveluohjaaja",
                "municipality_code": "405",
                "work_email": "Aino.Ohjaaja@Lappeenranta.example.fi"
            }),
        )
        .await;
    assert_eq!(created.status(), 201);
    assert_eq!(
        created.headers()["location"],
        "/api/v1/me/counsellor-request"
    );
    let request: Value = created.json().await.unwrap();
    assert_eq!(request.str_at("status"), "pending");
    assert_eq!(
        request.str_at("work_email"),
        "aino.ohjaaja@lappeenranta.example.fi"
    );
    // One open request per user.
    let again = app
        .post_auth(
            "/api/v1/me/counsellor-request",
            &aino,
            &json!({ "organisation": "Toinen", "title": "Ohjaaja", "municipality_code": "405" }),
        )
        .await;
    let body = problem(again, 409).await;
    assert_eq!(
        body.str_at("type"),
        "urn:talkoot:problem:counsellor-request-open"
    );

    // Not a counsellor yet: no role, no referrals.
    let me = app.get_auth_ok("/api/v1/me", &aino).await;
    assert!(me["counsellor"].is_null());
    assert!(!me["roles"].list().contains(&json!("counsellor")));
    let refused = app.get_auth("/api/v1/referrals", &aino).await;
    let body = problem(refused, 403).await;
    assert_eq!(body.str_at("type"), "urn:talkoot:problem:not-a-counsellor");

    // The administrators' queue shows who asked.
    let queue = app
        .get_auth_ok("/api/v1/admin/counsellor-requests?status=pending", &admin)
        .await;
    assert_eq!(queue["total"], 1);
    assert_eq!(
        queue["items"][0]["user"].str_at("email"),
        "aino.ohjaaja@example.fi"
    );
    let bad_status = app
        .get_auth("/api/v1/admin/counsellor-requests?status=maybe", &admin)
        .await;
    assert_eq!(fields(&problem(bad_status, 422).await), ["status"]);

    let approved = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{}/approve", request.id()),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(approved.status(), 200);
    let mail = app.last_email_to("aino.ohjaaja@example.fi", 2).await;
    assert!(
        mail.subject.contains("servicehandledare"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("Lappeenrannan Ohjaamo"), "{}", mail.body);

    let me = app.get_auth_ok("/api/v1/me", &aino).await;
    assert_eq!(
        me["counsellor"].str_at("organisation"),
        "Lappeenrannan Ohjaamo"
    );
    assert_eq!(me["counsellor"].str_at("title"), "Palveluohjaaja");
    assert!(me["roles"].list().contains(&json!("counsellor")));
    assert_eq!(app.get_auth("/api/v1/referrals", &aino).await.status(), 200);
    // Deciding twice is a conflict naming the state.
    let twice = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{}/approve", request.id()),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(
        problem(twice, 409).await.str_at("current_status"),
        "approved"
    );

    // Revoking needs a reason, which the user reads; the role is gone at once.
    let no_reason = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{}/revoke", request.id()),
            &admin,
            &json!({ "reason": " " }),
        )
        .await;
    assert_eq!(fields(&problem(no_reason, 422).await), ["reason"]);
    let revoked = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{}/revoke", request.id()),
            &admin,
            &json!({ "reason": "Työsuhde on päättynyt." }),
        )
        .await;
    assert_eq!(revoked.status(), 200);
    let mail = app.last_email_to("aino.ohjaaja@example.fi", 3).await;
    assert!(
        mail.body.contains("Työsuhde on päättynyt."),
        "{}",
        mail.body
    );
    let me = app.get_auth_ok("/api/v1/me", &aino).await;
    assert!(me["counsellor"].is_null());
    assert_eq!(app.get_auth("/api/v1/referrals", &aino).await.status(), 403);
    let mine = app
        .get_auth_ok("/api/v1/me/counsellor-request", &aino)
        .await;
    assert_eq!(mine.str_at("status"), "revoked");
    assert_eq!(mine.str_at("reason"), "Työsuhde on päättynyt.");

    // Someone else is rejected, with the reason in their (Finnish) email; they may ask again.
    let (eero, _) = app.signed_in("eero@example.fi").await;
    let request = app.request_counsellor_role(&eero, "Eeron yritys").await;
    let rejected = app
        .post_auth(
            &format!("/api/v1/admin/counsellor-requests/{}/reject", request.id()),
            &admin,
            &json!({ "reason": "Organisaatio ei tee palveluohjausta." }),
        )
        .await;
    assert_eq!(rejected.status(), 200);
    let mail = app.last_email_to("eero@example.fi", 2).await;
    assert_eq!(mail.subject, "Palveluohjaajapyyntösi");
    assert!(mail.body.contains("Organisaatio ei tee palveluohjausta."));
    app.request_counsellor_role(&eero, "Imatran nuorisopalvelut")
        .await;
    let pending = app
        .get_auth_ok("/api/v1/admin/counsellor-requests?status=pending", &admin)
        .await;
    assert_eq!(pending["total"], 1);
}

both_backends!(request_approve_reject_and_revoke);
