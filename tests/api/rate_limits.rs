//! Over the limit: 429 with Retry-After, per IP and per account.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, problem, spawn_app_with};

async fn login_per_ip_limit_answers_429_with_retry_after(backend: Backend) {
    let app = spawn_app_with(backend, |c| {
        c.rate_limits.per_ip_burst = 3;
        c.rate_limits.per_ip_replenish = std::time::Duration::from_secs(60);
    })
    .await;
    let body = json!({ "email": "joku@example.fi", "password": "väärä salasana tänään" });
    for _ in 0..3 {
        assert_eq!(app.post("/api/v1/auth/login", &body).await.status(), 401);
    }
    let over = app.post("/api/v1/auth/login", &body).await;
    let retry_after: u64 = over.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let body = problem(over, 429).await;
    assert_eq!(body["type"], "urn:talkoot:problem:rate-limited");

    // Registration and reset have their own limiters with the same rule.
    let reset = json!({ "email": "joku@example.fi" });
    for _ in 0..3 {
        assert_eq!(
            app.post("/api/v1/auth/password-reset", &reset)
                .await
                .status(),
            202
        );
    }
    problem(app.post("/api/v1/auth/password-reset", &reset).await, 429).await;
    for i in 0..3 {
        assert_eq!(
            app.register(&format!("uusi{i}@example.fi"), "2000-01-01")
                .await
                .status(),
            202
        );
    }
    problem(app.register("uusi9@example.fi", "2000-01-01").await, 429).await;
}

async fn failed_logins_per_account_are_limited_across_ips(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.rate_limits.account_failures_per_hour = 3).await;
    let email = "kohde@example.fi";
    app.register_verified(email).await;
    for _ in 0..3 {
        problem(app.login(email, "väärä salasana tänään").await, 401).await;
    }
    // Now even the right password waits: the account is locked for the window.
    let locked = app.login(email, PASSWORD).await;
    assert!(locked.headers().contains_key("retry-after"));
    problem(locked, 429).await;
    // The same limit applies to an address without an account (no enumeration by lock-out).
    for _ in 0..3 {
        problem(
            app.login("ei-tilia@example.fi", "väärä salasana tänään")
                .await,
            401,
        )
        .await;
    }
    problem(
        app.login("ei-tilia@example.fi", "väärä salasana tänään")
            .await,
        429,
    )
    .await;
    // Other accounts are unaffected.
    app.register_verified("muu@example.fi").await;
    assert_eq!(app.login("muu@example.fi", PASSWORD).await.status(), 200);
}

async fn a_successful_login_clears_earlier_failures(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.rate_limits.account_failures_per_hour = 3).await;
    let email = "muistaa@example.fi";
    app.register_verified(email).await;
    for _ in 0..2 {
        problem(app.login(email, "väärä salasana tänään").await, 401).await;
    }
    assert_eq!(app.login(email, PASSWORD).await.status(), 200);
    for _ in 0..2 {
        problem(app.login(email, "väärä salasana tänään").await, 401).await;
    }
    assert_eq!(app.login(email, PASSWORD).await.status(), 200);
}

async fn a_password_reset_lifts_the_lock(backend: Backend) {
    let app = spawn_app_with(backend, |c| c.rate_limits.account_failures_per_hour = 3).await;
    let email = "lukittu@example.fi";
    app.register_verified(email).await;
    for _ in 0..3 {
        problem(app.login(email, "väärä salasana tänään").await, 401).await;
    }
    problem(app.login(email, PASSWORD).await, 429).await;
    // The owner proves the address: the guesses no longer count against them.
    let asked = app
        .post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    assert_eq!(asked.status(), 202);
    let mail = app.last_email_to(email, 2).await;
    let new_password = "uusi pitkä salasana keväällä 2027";
    let confirm = json!({ "token": mail.token(), "new_password": new_password });
    assert_eq!(
        app.post("/api/v1/auth/password-reset/confirm", &confirm)
            .await
            .status(),
        204
    );
    assert_eq!(app.login(email, new_password).await.status(), 200);
}

both_backends!(
    a_password_reset_lifts_the_lock,
    login_per_ip_limit_answers_429_with_retry_after,
    failed_logins_per_account_are_limited_across_ips,
    a_successful_login_clears_earlier_failures,
);
