//! `GET` and `PATCH /me`: the fields a user may change, and the ones they may not.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, fields, problem, spawn_app};

async fn profile_can_be_edited_field_by_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let (access, _) = app.signed_in("profiili@example.fi").await;
    let patch = |body: Value| {
        let request = app
            .client
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&access)
            .json(&body);
        async move { request.send().await.unwrap() }
    };

    let response = patch(json!({
        "display_name": "Pia P.",
        "municipality_code": "153",
        "language": "en",
        "gender": "female",
        "interests": ["environment", "animals", "environment"],
        "availability": ["weekends", "weekday_evenings"]
    }))
    .await;
    assert_eq!(response.status(), 200);
    let me: Value = response.json().await.unwrap();
    assert_eq!(me["display_name"], "Pia P.");
    assert_eq!(me["municipality_code"], "153");
    assert_eq!(me["language"], "en");
    assert_eq!(me["gender"], "female");
    assert_eq!(me["interests"], json!(["animals", "environment"]));
    assert_eq!(me["availability"], json!(["weekday_evenings", "weekends"]));
    assert!(me["age"].as_i64().unwrap() >= 13);

    // null clears what may be cleared; an absent field is left alone.
    let me: Value = patch(json!({ "gender": null, "municipality_code": null }))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["gender"], Value::Null);
    assert_eq!(me["municipality_code"], Value::Null);
    assert_eq!(me["display_name"], "Pia P.");
    assert_eq!(me["interests"], json!(["animals", "environment"]));

    // Email, roles and birth date are not editable here; bad values name their field and
    // leave the profile as it was.
    for (body, field) in [
        (json!({ "email": "uusi@example.fi" }), "email"),
        (json!({ "roles": ["admin"] }), "roles"),
        (json!({ "birth_date": "2000-01-01" }), "birth_date"),
        (json!({ "display_name": "" }), "display_name"),
        (json!({ "municipality_code": "000" }), "municipality_code"),
        (json!({ "gender": "robot" }), "gender"),
        (json!({ "language": "de" }), "language"),
        (
            json!({ "interests": ["environment", "flying"] }),
            "interests[1]",
        ),
        (json!({ "availability": ["always"] }), "availability[0]"),
        (json!({ "interests": "environment" }), "interests"),
    ] {
        let body = problem(patch(body.clone()).await, 422).await;
        assert!(fields(&body).contains(&field.to_owned()), "{field}: {body}");
    }
    let atomic = problem(
        patch(json!({ "display_name": "Uusi nimi", "interests": ["flying"] })).await,
        422,
    )
    .await;
    assert_eq!(fields(&atomic), ["interests[0]"]);
    let me: Value = app
        .get_auth("/api/v1/me", &access)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        me["display_name"], "Pia P.",
        "a rejected patch writes nothing"
    );
    assert_eq!(me["email"], "profiili@example.fi");
}

async fn profile_needs_a_live_session(backend: Backend) {
    let app = spawn_app(backend).await;
    problem(
        app.client.get(app.url("/api/v1/me")).send().await.unwrap(),
        401,
    )
    .await;
    problem(
        app.client
            .patch(app.url("/api/v1/me"))
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
        401,
    )
    .await;
}

both_backends!(
    profile_can_be_edited_field_by_field,
    profile_needs_a_live_session
);
