//! Who may do what with referrals and counsellor requests, as one table: the counsellor,
//! another counsellor of the same organisation, the client, another user, the association's
//! member, an administrator and an anonymous caller, against every route.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app};
use crate::referrals_support::{referred, scene};

/// The callers, in the order of each row's expected statuses.
const ACTORS: [&str; 7] = [
    "counsellor",
    "other counsellor",
    "client",
    "other user",
    "member",
    "admin",
    "anonymous",
];

/// One row: a request and what each of [`ACTORS`] gets.
struct Row {
    method: Method,
    path: String,
    body: Value,
    expected: [u16; 7],
}

fn row(method: Method, path: impl Into<String>, body: Value, expected: [u16; 7]) -> Row {
    Row {
        method,
        path: path.into(),
        body,
        expected,
    }
}

async fn call(app: &TestApp, token: Option<&str>, row: &Row) -> u16 {
    let mut request = app.client.request(row.method.clone(), app.url(&row.path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if row.method != Method::GET {
        request = request.json(&row.body);
    }
    request.send().await.expect("request").status().as_u16()
}

/// Runs each row for every caller; the callers expected to succeed go last, so that a
/// refused caller always meets the same state as before the row.
async fn check(app: &TestApp, tokens: &[Option<&str>; 7], rows: &[Row]) {
    let mut failures = Vec::new();
    for row in rows {
        let mut order: Vec<usize> = (0..ACTORS.len()).collect();
        order.sort_by_key(|&i| row.expected[i] < 300);
        for i in order {
            let got = call(app, tokens[i], row).await;
            if got != row.expected[i] {
                failures.push(format!(
                    "{} {} as {}: expected {}, got {got}",
                    row.method, row.path, ACTORS[i], row.expected[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_referral_and_counsellor_route_by_every_caller(backend: Backend) {
    let app = spawn_app(backend).await;
    let s = scene(&app, "oikeudet").await;
    let other_counsellor = app
        .counsellor(
            &s.admin,
            "kollega@ohjaamo.example.fi",
            "Lappeenrannan Ohjaamo",
        )
        .await;
    let (client, _) = app.signed_in("asiakas.oikeudet@example.fi").await;
    let (other_user, _) = app.signed_in("sivullinen@example.fi").await;
    let to_client = json!({ "client_email": "asiakas.oikeudet@example.fi", "task_id": s.task });
    let accepted = referred(&app, &s.counsellor, to_client.clone()).await.id();
    let declined = referred(&app, &s.counsellor, to_client.clone()).await.id();
    let link = referred(
        &app,
        &s.counsellor,
        json!({ "association_id": s.crew.association }),
    )
    .await;
    let code = link
        .str_at("link")
        .rsplit('/')
        .next()
        .expect("code")
        .to_owned();
    // The client claims the link first: from then on it is theirs alone.
    let claimed = app
        .post_auth("/api/v1/referrals/claim", &client, &json!({ "code": code }))
        .await;
    assert_eq!(claimed.status(), 200);

    let tokens: [Option<&str>; 7] = [
        Some(&s.counsellor),
        Some(&other_counsellor),
        Some(&client),
        Some(&other_user),
        Some(&s.crew.owner),
        Some(&s.admin),
        None,
    ];
    let fresh =
        |n: u32| json!({ "client_email": format!("uusi{n}@example.fi"), "task_id": s.task });
    let referral_rows = vec![
        row(
            Method::GET,
            "/api/v1/referrals",
            json!({}),
            [200, 200, 403, 403, 403, 403, 401],
        ),
        row(
            Method::GET,
            "/api/v1/referrals/summary",
            json!({}),
            [200, 200, 403, 403, 403, 403, 401],
        ),
        row(
            Method::GET,
            format!("/api/v1/referrals/{accepted}"),
            json!({}),
            [200, 404, 403, 403, 403, 403, 401],
        ),
        row(
            Method::POST,
            "/api/v1/referrals",
            fresh(1),
            [201, 201, 403, 403, 403, 403, 401],
        ),
        row(
            Method::GET,
            format!("/api/v1/me/referrals/{accepted}"),
            json!({}),
            [404, 404, 200, 404, 404, 404, 401],
        ),
        row(
            Method::PATCH,
            format!("/api/v1/me/referrals/{accepted}"),
            json!({ "share_progress": true }),
            [404, 404, 200, 404, 404, 404, 401],
        ),
        row(
            Method::POST,
            format!("/api/v1/referrals/{declined}/decline"),
            json!({}),
            [404, 404, 200, 404, 404, 404, 401],
        ),
        row(
            Method::POST,
            format!("/api/v1/referrals/{accepted}/accept"),
            json!({ "share_progress": true }),
            [404, 404, 200, 404, 404, 404, 401],
        ),
        row(
            Method::POST,
            "/api/v1/referrals/claim",
            json!({ "code": code }),
            [400, 400, 200, 400, 400, 400, 401],
        ),
        row(
            Method::GET,
            format!("/api/v1/me/referrals/{}", link.id()),
            json!({}),
            [404, 404, 200, 404, 404, 404, 401],
        ),
        row(
            Method::GET,
            "/api/v1/me/referrals",
            json!({}),
            [200, 200, 200, 200, 200, 200, 401],
        ),
    ];
    check(&app, &tokens, &referral_rows).await;

    // What each list holds: the counsellor's own referrals, the client's own offers.
    let mine = app.get_auth_ok("/api/v1/referrals", &s.counsellor).await;
    assert!(mine["items"].pluck("id").contains(&accepted));
    let theirs = app
        .get_auth_ok("/api/v1/referrals", &other_counsellor)
        .await;
    assert!(!theirs["items"].pluck("id").contains(&accepted));
    assert_eq!(theirs["total"], 1);
    let offers = app.get_auth_ok("/api/v1/me/referrals", &client).await;
    assert_eq!(offers["total"], 3);
    for token in [&other_user, &s.crew.owner, &s.admin, &s.counsellor] {
        let none = app.get_auth_ok("/api/v1/me/referrals", token).await;
        assert_eq!(none["total"], 0);
    }

    // Counsellor requests: anyone signed in may ask once; only administrators decide.
    let ask =
        json!({ "organisation": "Koulu", "title": "Opinto-ohjaaja", "municipality_code": "405" });
    let request_rows = vec![
        row(
            Method::POST,
            "/api/v1/me/counsellor-request",
            ask,
            [409, 409, 201, 201, 201, 201, 401],
        ),
        row(
            Method::GET,
            "/api/v1/me/counsellor-request",
            json!({}),
            [200, 200, 200, 200, 200, 200, 401],
        ),
        row(
            Method::GET,
            "/api/v1/admin/counsellor-requests",
            json!({}),
            [403, 403, 403, 403, 403, 200, 401],
        ),
    ];
    check(&app, &tokens, &request_rows).await;
    let queue = app
        .get_auth_ok("/api/v1/admin/counsellor-requests?status=pending", &s.admin)
        .await;
    assert_eq!(queue["total"], 4);
    let pending = queue["items"].pluck("id");
    let approved = app
        .get_auth_ok(
            "/api/v1/admin/counsellor-requests?status=approved",
            &s.admin,
        )
        .await;
    let colleague = approved["items"]
        .list()
        .iter()
        .find(|r| r["user"].str_at("email") == "kollega@ohjaamo.example.fi")
        .expect("the colleague's role")
        .id();
    let reason = json!({ "reason": "Tarkistettu." });
    let decision_rows = vec![
        row(
            Method::POST,
            format!("/api/v1/admin/counsellor-requests/{}/approve", pending[0]),
            json!({}),
            [403, 403, 403, 403, 403, 200, 401],
        ),
        row(
            Method::POST,
            format!("/api/v1/admin/counsellor-requests/{}/reject", pending[1]),
            reason.clone(),
            [403, 403, 403, 403, 403, 200, 401],
        ),
        row(
            Method::POST,
            format!("/api/v1/admin/counsellor-requests/{colleague}/revoke"),
            reason,
            [403, 403, 403, 403, 403, 200, 401],
        ),
    ];
    check(&app, &tokens, &decision_rows).await;
}

both_backends!(every_referral_and_counsellor_route_by_every_caller);
