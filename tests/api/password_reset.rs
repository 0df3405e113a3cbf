//! Forgotten password: link by email, new password, every session ended, notice sent.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, problem, spawn_app};

const NEW_PASSWORD: &str = "uusi vahva salasana kesällä 2027";

async fn reset_ends_all_sessions_and_changes_the_password(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "unohtaja@example.fi";
    app.register_verified(email).await;
    let (phone_access, phone_refresh) = app.tokens(email).await;
    let (laptop_access, _) = app.tokens(email).await;

    assert_eq!(
        app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
            .await
            .status(),
        202
    );
    let mail = app.last_email_to(email, 2).await;
    assert_eq!(mail.subject, "Salasanan vaihtaminen");
    assert!(
        mail.body
            .contains("http://talkoot.test/reset-password?token=")
    );

    // A weak new password is refused and the token survives for a second try.
    let weak = json!({ "token": mail.token(), "new_password": "salasana1" });
    let refused = problem(
        app.post("/api/v1/auth/password-reset/confirm", &weak).await,
        422,
    )
    .await;
    assert_eq!(refused["errors"][0]["field"], "new_password");

    let confirm = json!({ "token": mail.token(), "new_password": NEW_PASSWORD });
    assert_eq!(
        app.post("/api/v1/auth/password-reset/confirm", &confirm)
            .await
            .status(),
        204
    );

    // Old password out, new in; both earlier sessions ended.
    problem(app.login(email, PASSWORD).await, 401).await;
    assert_eq!(app.login(email, NEW_PASSWORD).await.status(), 200);
    problem(app.get_auth("/api/v1/me", &phone_access).await, 401).await;
    problem(app.get_auth("/api/v1/me", &laptop_access).await, 401).await;
    problem(
        app.post(
            "/api/v1/auth/refresh",
            &json!({ "refresh_token": phone_refresh }),
        )
        .await,
        401,
    )
    .await;

    // The link works once; the user is told the password changed.
    problem(
        app.post("/api/v1/auth/password-reset/confirm", &confirm)
            .await,
        400,
    )
    .await;
    let notice = app.last_email_to(email, 3).await;
    assert_eq!(notice.subject, "Salasanasi on vaihdettu");
}

async fn expired_reset_links_fail_and_one_reset_spends_the_others(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "hidas@example.fi";
    app.register_verified(email).await;
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    let first = app.last_email_to(email, 2).await;
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    let second = app.last_email_to(email, 3).await;

    // Expire the second link only: an hour is the limit.
    let expired_hash = talkoot::auth::tokens::hash(&second.token());
    app.db(move |conn| {
        use diesel::prelude::*;
        use talkoot::db::schema::email_tokens;
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(61);
        diesel::update(email_tokens::table.find(expired_hash))
            .set(email_tokens::expires_at.eq(past))
            .execute(conn)
            .unwrap();
    })
    .await;
    let expired = json!({ "token": second.token(), "new_password": NEW_PASSWORD });
    problem(
        app.post("/api/v1/auth/password-reset/confirm", &expired)
            .await,
        400,
    )
    .await;

    // The first link still works, and using it spends every other outstanding link.
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    let third = app.last_email_to(email, 4).await;
    let ok = json!({ "token": first.token(), "new_password": NEW_PASSWORD });
    assert_eq!(
        app.post("/api/v1/auth/password-reset/confirm", &ok)
            .await
            .status(),
        204
    );
    assert_eq!(app.login(email, NEW_PASSWORD).await.status(), 200);
    let late = json!({ "token": third.token(), "new_password": "kolmas salasana talvella 2028" });
    problem(
        app.post("/api/v1/auth/password-reset/confirm", &late).await,
        400,
    )
    .await;
}

async fn reset_of_unverified_account_also_verifies_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "vahvistamaton@example.fi";
    app.register(email, "1999-09-09").await;
    app.last_email_to(email, 1).await;
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    let mail = app.last_email_to(email, 2).await;
    let confirm = json!({ "token": mail.token(), "new_password": NEW_PASSWORD });
    assert_eq!(
        app.post("/api/v1/auth/password-reset/confirm", &confirm)
            .await
            .status(),
        204
    );
    assert_eq!(
        app.login(email, NEW_PASSWORD).await.status(),
        200,
        "following the link proved the address"
    );
}

both_backends!(
    reset_ends_all_sessions_and_changes_the_password,
    expired_reset_links_fail_and_one_reset_spends_the_others,
    reset_of_unverified_account_also_verifies_it,
);
