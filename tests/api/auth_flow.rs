//! register → verification email → verify → login → /me → refresh → replay (family revoked)
//! → logout.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, PASSWORD, problem, spawn_app};

async fn full_account_lifecycle(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "aino.virtanen@example.fi";

    let response = app
        .post(
            "/api/v1/auth/register",
            &json!({
                "email": "Aino.Virtanen@Example.fi",
                "password": PASSWORD,
                "display_name": "  Aino Virtanen ",
                "birth_date": "2008-05-01",
                "municipality_code": "405",
                "language": "sv"
            }),
        )
        .await;
    assert_eq!(response.status(), 202);

    // The email arrives in the chosen language, with a link to the front end.
    let mail = app.last_email_to(email, 1).await;
    assert_eq!(mail.subject, "Bekräfta din e-postadress");
    assert!(
        mail.body
            .contains("http://talkoot.test/verify-email?token="),
        "{}",
        mail.body
    );
    assert!(mail.body.contains("Aino Virtanen"));

    // Before verification, the right password is answered with its own 403 type.
    let blocked = problem(app.login(email, PASSWORD).await, 403).await;
    assert_eq!(blocked["type"], "urn:talkoot:problem:email-not-verified");

    let verified = app
        .post(
            "/api/v1/auth/verify-email",
            &json!({ "token": mail.token() }),
        )
        .await;
    assert_eq!(verified.status(), 204);

    let login = app.login("AINO.virtanen@example.fi", PASSWORD).await;
    assert_eq!(login.status(), 200);
    assert_eq!(login.headers()["cache-control"], "no-store");
    let tokens: Value = login.json().await.unwrap();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    let access = tokens.str_at("access_token").to_owned();
    let refresh = tokens.str_at("refresh_token").to_owned();

    let me = app.get_auth("/api/v1/me", &access).await;
    assert_eq!(me.status(), 200);
    assert_eq!(me.headers()["cache-control"], "no-store");
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["email"], email);
    assert_eq!(me["display_name"], "Aino Virtanen");
    assert_eq!(me["language"], "sv");
    assert_eq!(me["municipality_code"], "405");
    assert_eq!(me["email_verified"], true);
    assert_eq!(me["roles"], json!(["volunteer"]));
    assert!(me.get("password_hash").is_none());

    // Refresh rotates: a new pair, and the old refresh token is spent.
    let rotated: Value = app
        .post("/api/v1/auth/refresh", &json!({ "refresh_token": refresh }))
        .await
        .json()
        .await
        .unwrap();
    let access2 = rotated.str_at("access_token").to_owned();
    let refresh2 = rotated.str_at("refresh_token").to_owned();
    assert_ne!(refresh2, refresh);
    assert_eq!(app.get_auth("/api/v1/me", &access2).await.status(), 200);

    // Replaying the spent token is theft: 401, and the whole family is revoked.
    problem(
        app.post("/api/v1/auth/refresh", &json!({ "refresh_token": refresh }))
            .await,
        401,
    )
    .await;
    problem(
        app.post(
            "/api/v1/auth/refresh",
            &json!({ "refresh_token": refresh2 }),
        )
        .await,
        401,
    )
    .await;
    problem(app.get_auth("/api/v1/me", &access2).await, 401).await;

    // A new login, then logout: the access token stops working at once.
    let (access3, refresh3) = app.tokens(email).await;
    assert_eq!(app.get_auth("/api/v1/me", &access3).await.status(), 200);
    let logout = app
        .post_auth(
            "/api/v1/auth/logout",
            &access3,
            &json!({ "refresh_token": refresh3 }),
        )
        .await;
    assert_eq!(logout.status(), 204);
    let after = app.get_auth("/api/v1/me", &access3).await;
    assert_eq!(after.headers()["www-authenticate"], "Bearer");
    problem(after, 401).await;
    problem(
        app.post(
            "/api/v1/auth/refresh",
            &json!({ "refresh_token": refresh3 }),
        )
        .await,
        401,
    )
    .await;
}

async fn verification_link_works_once_and_resend_sends_a_new_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "eetu@example.fi";
    assert_eq!(app.register(email, "2010-01-01").await.status(), 202);
    let first = app.last_email_to(email, 1).await;
    assert_eq!(
        first.subject, "Vahvista sähköpostiosoitteesi",
        "Finnish by default"
    );

    assert_eq!(
        app.post(
            "/api/v1/auth/verify-email/resend",
            &json!({ "email": email })
        )
        .await
        .status(),
        202
    );
    let second = app.last_email_to(email, 2).await;
    assert_ne!(first.token(), second.token());

    assert_eq!(
        app.post(
            "/api/v1/auth/verify-email",
            &json!({ "token": second.token() })
        )
        .await
        .status(),
        204
    );
    let again = problem(
        app.post(
            "/api/v1/auth/verify-email",
            &json!({ "token": second.token() }),
        )
        .await,
        400,
    )
    .await;
    assert_eq!(again["type"], "urn:talkoot:problem:invalid-token");

    // A verified account gets no more verification links.
    assert_eq!(
        app.post(
            "/api/v1/auth/verify-email/resend",
            &json!({ "email": email })
        )
        .await
        .status(),
        202
    );
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.emails().iter().filter(|m| m.to == email).count(), 2);
}

async fn expired_verification_link_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "vanha@example.fi";
    app.register(email, "2001-02-03").await;
    let mail = app.last_email_to(email, 1).await;
    app.db(|conn| {
        use diesel::prelude::*;
        use talkoot::db::schema::email_tokens;
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::hours(49);
        diesel::update(email_tokens::table)
            .set(email_tokens::expires_at.eq(past))
            .execute(conn)
            .unwrap();
    })
    .await;
    problem(
        app.post(
            "/api/v1/auth/verify-email",
            &json!({ "token": mail.token() }),
        )
        .await,
        400,
    )
    .await;
    problem(app.login(email, PASSWORD).await, 403).await;
}

async fn concurrent_refreshes_with_one_token_succeed_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, refresh) = app.signed_in("rinnakkain@example.fi").await;
    let body = json!({ "refresh_token": refresh });
    let attempts = (0..8).map(|_| app.post("/api/v1/auth/refresh", &body));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 401),
        "{statuses:?}"
    );
}

async fn a_double_submitted_refresh_keeps_the_session(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, |c| {
        c.refresh_grace = std::time::Duration::from_secs(2);
    })
    .await;
    let (access, refresh) = app.signed_in("kaksoisklikki@example.fi").await;
    let body = json!({ "refresh_token": refresh });
    let first = app.post("/api/v1/auth/refresh", &body).await;
    let second = app.post("/api/v1/auth/refresh", &body).await;
    assert_eq!(
        (first.status().as_u16(), second.status().as_u16()),
        (200, 200)
    );
    let second: Value = second.json().await.unwrap();
    // Both answers are live tokens of the same session.
    let next = json!({ "refresh_token": second.str_at("refresh_token") });
    assert_eq!(app.post("/api/v1/auth/refresh", &next).await.status(), 200);
    assert_eq!(app.get_auth("/api/v1/me", &access).await.status(), 200);
    // Once the grace has passed, a second use is a replay: the whole session ends.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    problem(app.post("/api/v1/auth/refresh", &body).await, 401).await;
    problem(app.get_auth("/api/v1/me", &access).await, 401).await;
}

both_backends!(
    a_double_submitted_refresh_keeps_the_session,
    full_account_lifecycle,
    verification_link_works_once_and_resend_sends_a_new_one,
    expired_verification_link_is_refused,
    concurrent_refreshes_with_one_token_succeed_once,
);
