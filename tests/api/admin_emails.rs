//! Failed emails for administrators: listed with the recipient masked, sent again once the
//! mail server is back, and the retry in the audit trail.

use serde_json::json;
use talkoot::config::MailTransportConfig;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app_with};
use crate::smtp::{SmtpSink, free_port};

/// The failed emails an administrator sees, after waiting for the sender to give up.
async fn failed(app: &TestApp, admin: &str, count: usize) -> serde_json::Value {
    for _ in 0..100 {
        let page = app
            .get_auth_ok("/api/v1/admin/emails?status=failed", admin)
            .await;
        if page["items"].list().len() >= count {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no failed email");
}

async fn a_failed_email_is_listed_masked_and_sent_again(backend: Backend) {
    let port = free_port();
    let app = spawn_app_with(backend, |c| {
        c.mail_transport = MailTransportConfig::Smtp {
            url: format!("smtp://127.0.0.1:{port}?tls=none"),
        };
        c.mail_worker.give_up_after = std::time::Duration::from_millis(300);
    })
    .await;
    let admin = app.admin("valvoja@example.fi").await;
    assert_eq!(
        app.register("aino.virtanen@example.fi", "2004-04-04")
            .await
            .status(),
        202
    );

    // Nobody listens on the port: the verification email is given up.
    let page = failed(&app, &admin, 1).await;
    assert_eq!(page["total"], 1);
    let email = &page["items"][0];
    assert_eq!(email.str_at("recipient"), "a***@example.fi");
    assert_eq!(email.str_at("status"), "failed");
    assert_eq!(email.str_at("kind"), "verify_email");
    assert!(email["last_error"].is_string());
    let text = page.to_string();
    assert!(
        !text.contains("aino.virtanen"),
        "the address is masked: {text}"
    );
    assert!(email.get("body_text").is_none() && email.get("body").is_none());
    let id = email.id();

    // The mail server is back; the administrator sends it again.
    let sink = SmtpSink::start_on(port).await;
    let retry = format!("/api/v1/admin/emails/{id}/retry");
    let retried = app.post_auth(&retry, &admin, &json!({})).await;
    assert_eq!(retried.status(), 200);
    let retried: serde_json::Value = retried.json().await.unwrap();
    assert_eq!(retried.str_at("status"), "pending");
    assert!(retried["retried_at"].is_string());
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, "aino.virtanen@example.fi");
    assert_eq!(mail.subject, "Vahvista sähköpostiosoitteesi");

    // Sent now, so not failed; a second retry is refused with its status.
    for _ in 0..50 {
        let sent = app
            .get_auth_ok("/api/v1/admin/emails?status=sent", &admin)
            .await;
        if sent["total"] == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let again = app.post_auth(&retry, &admin, &json!({})).await;
    let body = problem(again, 409).await;
    assert_eq!(body["current_status"], "sent");
    assert_eq!(
        app.get_auth_ok("/api/v1/admin/emails", &admin).await["total"],
        0
    );

    // The retry is in the audit trail, once.
    let trail = app
        .get_auth_ok("/api/v1/admin/audit?action=email_retried", &admin)
        .await;
    assert_eq!(trail["total"], 1);
    assert_eq!(trail["items"][0].str_at("target_id"), id);
    assert_eq!(trail["items"][0].str_at("target_kind"), "email");

    // Unknown ids and statuses, and non-administrators.
    let unknown = app
        .post_auth("/api/v1/admin/emails/nothing/retry", &admin, &json!({}))
        .await;
    assert_eq!(unknown.status(), 404);
    let bad = app
        .get_auth("/api/v1/admin/emails?status=lost", &admin)
        .await;
    assert_eq!(fields(&problem(bad, 422).await), ["status"]);
    // Anyone else: associations_authz covers the roles; without a token it is 401.
    assert_eq!(app.get("/api/v1/admin/emails").await.status(), 401);
}

both_backends!(a_failed_email_is_listed_masked_and_sent_again);
