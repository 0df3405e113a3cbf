//! Forged, expired and misused tokens are all refused with 401.

use base64::Engine as _;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{BASE_URL, Backend, JWT_SECRET, problem, spawn_app};

fn forge(claims: &Value, secret: &[u8], alg: Algorithm) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, &EncodingKey::from_secret(secret)).unwrap()
}

fn b64(value: &Value) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
}

async fn forged_and_misused_tokens_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "hyokkaaja@example.fi";
    let verify_mail = app.register_verified(email).await;
    let (access, refresh) = app.tokens(email).await;
    assert_eq!(app.get_auth("/api/v1/me", &access).await.status(), 200);

    // Take the real claims of a live session and vary one thing at a time.
    let payload = access.split('.').nth(1).unwrap();
    let real: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    let now = chrono::Utc::now().timestamp();
    let with = |key: &str, value: Value| {
        let mut claims = real.clone();
        claims[key] = value;
        claims
    };
    let without = |key: &str| {
        let mut claims = real.clone();
        claims.as_object_mut().unwrap().remove(key);
        claims
    };

    // Sanity: a token we forge with the right key and claims is accepted, so the refusals
    // below are caused by the one thing that differs.
    let control = forge(&real, JWT_SECRET, Algorithm::HS256);
    assert_eq!(app.get_auth("/api/v1/me", &control).await.status(), 200);

    let alg_none = format!(
        "{}.{}.",
        b64(&json!({ "alg": "none", "typ": "JWT" })),
        b64(&real)
    );
    let mut attacks: Vec<(&str, String)> = vec![
        ("alg none", alg_none),
        (
            "HS512 instead of HS256",
            forge(&real, JWT_SECRET, Algorithm::HS512),
        ),
        (
            "wrong key",
            forge(
                &real,
                b"another-secret-that-is-long-enough-012345",
                Algorithm::HS256,
            ),
        ),
        (
            "expired",
            forge(
                &with("exp", json!(now - 3600)),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "nbf in the future",
            forge(
                &with("nbf", json!(now + 3600)),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong audience",
            forge(
                &with("aud", json!("someone-else")),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong issuer",
            forge(
                &with("iss", json!("https://evil.example")),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "unknown session",
            forge(
                &with("sid", json!(uuid::Uuid::now_v7().to_string())),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "another user's id",
            forge(
                &with("sub", json!(uuid::Uuid::now_v7().to_string())),
                JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        ("garbage", "not.a.jwt".to_owned()),
        ("refresh token as access token", refresh.clone()),
        ("verification token as access token", verify_mail.token()),
    ];
    for claim in ["exp", "nbf", "iss", "aud", "sub", "sid", "iat"] {
        attacks.push((claim, forge(&without(claim), JWT_SECRET, Algorithm::HS256)));
    }
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    let reset = app.last_email_to(email, 2).await;
    attacks.push(("reset token as access token", reset.token()));

    for (name, token) in attacks {
        let response = app.get_auth("/api/v1/me", &token).await;
        assert_eq!(response.status(), 401, "{name} was not refused");
        problem(response, 401).await;
    }
    // No Authorization header, or another scheme.
    problem(
        app.client.get(app.url("/api/v1/me")).send().await.unwrap(),
        401,
    )
    .await;
    let basic = app
        .client
        .get(app.url("/api/v1/me"))
        .header("authorization", format!("Basic {access}"))
        .send()
        .await
        .unwrap();
    problem(basic, 401).await;

    // And the other way round: an access token is no refresh, verification or reset token.
    problem(
        app.post("/api/v1/auth/refresh", &json!({ "refresh_token": access }))
            .await,
        401,
    )
    .await;
    problem(
        app.post("/api/v1/auth/verify-email", &json!({ "token": access }))
            .await,
        400,
    )
    .await;
    let confirm = json!({ "token": access, "new_password": "uusi vahva salasana kesällä 2027" });
    problem(
        app.post("/api/v1/auth/password-reset/confirm", &confirm)
            .await,
        400,
    )
    .await;
    // A (fresh, unused) verification token cannot reset a password, nor a reset token verify.
    app.register("toinen@example.fi", "2004-04-04").await;
    let fresh_verify = app.last_email_to("toinen@example.fi", 1).await;
    let cross = json!({ "token": fresh_verify.token(), "new_password": "uusi vahva salasana kesällä 2027" });
    problem(
        app.post("/api/v1/auth/password-reset/confirm", &cross)
            .await,
        400,
    )
    .await;
    problem(
        app.post(
            "/api/v1/auth/verify-email",
            &json!({ "token": reset.token() }),
        )
        .await,
        400,
    )
    .await;
    // Both are still good for their own purpose.
    assert_eq!(
        app.post(
            "/api/v1/auth/verify-email",
            &json!({ "token": fresh_verify.token() })
        )
        .await
        .status(),
        204
    );

    // The issuer really is the configured base URL (so the issuer test above means something).
    assert_eq!(real["iss"], BASE_URL);
}

both_backends!(forged_and_misused_tokens_are_refused);
