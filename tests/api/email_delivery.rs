//! Email through a real SMTP listener on loopback, and the outbox keeping mail while the
//! server is down.

use diesel::prelude::*;
use talkoot::config::MailTransportConfig;
use talkoot::db::schema::outbox;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app_with};
use crate::smtp::{SmtpSink, free_port};

fn smtp(port: u16) -> MailTransportConfig {
    MailTransportConfig::Smtp {
        url: format!("smtp://127.0.0.1:{port}?tls=none"),
    }
}

async fn verification_email_is_delivered_over_smtp(backend: Backend) {
    let sink = SmtpSink::start().await;
    let port = sink.port;
    let app = spawn_app_with(backend, |c| c.mail_transport = smtp(port)).await;
    assert_eq!(
        app.register("smtp@example.fi", "2003-03-03").await.status(),
        202
    );
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, "smtp@example.fi");
    assert_eq!(mail.subject, "Vahvista sähköpostiosoitteesi");
    assert!(
        mail.body.contains("ä"),
        "UTF-8 survives the trip: {}",
        mail.body
    );
    // The Message-ID is derived from the outbox row, so a retry keeps it.
    let row_id: String = app
        .db(|conn| outbox::table.select(outbox::id).first(conn).unwrap())
        .await;
    assert_eq!(mail.message_id, format!("{row_id}@talkoot.test"));
    // And the token in it verifies the account.
    let verify = app
        .post(
            "/api/v1/auth/verify-email",
            &serde_json::json!({ "token": mail.token() }),
        )
        .await;
    assert_eq!(verify.status(), 204);
}

async fn mail_waits_in_the_outbox_while_smtp_is_down(backend: Backend) {
    let port = free_port();
    let app = spawn_app_with(backend, |c| c.mail_transport = smtp(port)).await;
    assert_eq!(
        app.register("odottaa@example.fi", "2003-03-03")
            .await
            .status(),
        202
    );

    // Nobody listens: the attempts fail, and the message stays pending with its error.
    let mut state = (String::new(), 0, None::<String>);
    for _ in 0..100 {
        // Registration queues the message a moment after its 202 (a background job).
        let row = app
            .db(|conn| {
                outbox::table
                    .select((outbox::status, outbox::attempts, outbox::last_error))
                    .first::<(String, i32, Option<String>)>(conn)
                    .optional()
                    .unwrap()
            })
            .await;
        if let Some(row) = row {
            state = row;
        }
        if state.1 >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(state.0, "pending");
    assert!(state.1 >= 2, "retried with backoff: {state:?}");
    assert!(state.2.is_some());

    // The server comes up: the same message is delivered, once.
    let sink = SmtpSink::start_on(port).await;
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, "odottaa@example.fi");
    for _ in 0..50 {
        let status: String = app
            .db(|conn| outbox::table.select(outbox::status).first(conn).unwrap())
            .await;
        if status == "sent" {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            assert_eq!(sink.wait_for(1).await.len(), 1, "delivered exactly once");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the outbox row was never marked sent");
}

async fn a_message_that_keeps_failing_is_given_up_after_its_time(backend: Backend) {
    let port = free_port();
    let app = spawn_app_with(backend, |c| {
        c.mail_transport = smtp(port);
        c.mail_worker.give_up_after = std::time::Duration::from_millis(300);
    })
    .await;
    app.register("turha@example.fi", "2003-03-03").await;
    for _ in 0..100 {
        // Registration queues the message a moment after its 202 (a background job).
        let status: Option<String> = app
            .db(|conn| {
                outbox::table
                    .select(outbox::status)
                    .first(conn)
                    .optional()
                    .unwrap()
            })
            .await;
        if status.as_deref() == Some("failed") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the message was never marked failed");
}

async fn two_instances_never_send_the_same_message(backend: Backend) {
    let sink = SmtpSink::start().await;
    let port = sink.port;
    let first = spawn_app_with(backend, |c| c.mail_transport = smtp(port)).await;
    let second = first.another_instance().await;
    // Queue a batch in one transaction; both workers poll for it at once.
    let ids: Vec<String> = first
        .db(|conn| {
            talkoot::db::write_tx(conn, |conn| {
                (0..40)
                    .map(|i| {
                        let mail = talkoot::email::Template::PasswordChanged {
                            name: format!("Nro {i}"),
                        }
                        .render(talkoot::i18n::Language::Fi);
                        talkoot::email::outbox::enqueue(
                            conn,
                            None,
                            &format!("nro{i}@example.fi"),
                            &mail,
                        )
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap()
        })
        .await;
    let delivered = sink.wait_for(ids.len()).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let delivered_again = sink.wait_for(ids.len()).await;
    assert_eq!(delivered_again.len(), ids.len(), "a message was sent twice");
    let mut message_ids: Vec<String> = delivered.iter().map(|m| m.message_id.clone()).collect();
    message_ids.sort();
    message_ids.dedup();
    assert_eq!(message_ids.len(), ids.len());
    drop(second);
}

both_backends!(
    two_instances_never_send_the_same_message,
    verification_email_is_delivered_over_smtp,
    mail_waits_in_the_outbox_while_smtp_is_down,
    a_message_that_keeps_failing_is_given_up_after_its_time,
);
