//! Every association route against every kind of caller: anonymous, a plain user, an
//! editor of A, an owner of A, an owner of B, and an administrator.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app};

struct Cast {
    anonymous: Option<String>,
    plain: Option<String>,
    editor_a: Option<String>,
    owner_a: Option<String>,
    owner_b: Option<String>,
    admin: Option<String>,
}

impl Cast {
    fn all(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("anonymous", &self.anonymous),
            ("plain user", &self.plain),
            ("editor of A", &self.editor_a),
            ("owner of A", &self.owner_a),
            ("owner of B", &self.owner_b),
            ("administrator", &self.admin),
        ]
    }
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &Option<String>,
    body: &Value,
) -> u16 {
    let mut request = app.client.request(method.parse().unwrap(), app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if method != "GET" && method != "DELETE" {
        request = request.json(body);
    }
    request.send().await.unwrap().status().as_u16()
}

/// Asserts the status each caller gets, in the order of [`Cast::all`].
async fn expect(
    app: &TestApp,
    cast: &Cast,
    method: &str,
    path: &str,
    body: Value,
    statuses: [u16; 6],
) {
    for ((who, token), expected) in cast.all().into_iter().zip(statuses) {
        let got = call(app, method, path, token, &body).await;
        assert_eq!(got, expected, "{method} {path} as {who}");
    }
}

async fn every_route_answers_each_caller_as_it_should(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner_a, _) = app.signed_in("omistaja.a@example.fi").await;
    let (owner_b, _) = app.signed_in("omistaja.b@example.fi").await;
    let (editor_a, _) = app.signed_in("muokkaaja.a@example.fi").await;
    let (plain, _) = app.signed_in("tavallinen@example.fi").await;
    let a_id = app
        .verified_association(&owner_a, &admin, "Yhdistys A", "405")
        .await;
    let b_id = app
        .verified_association(&owner_b, &admin, "Yhdistys B", "285")
        .await;
    let p_id = app
        .create_association(&owner_a, "Odottava yhdistys", "405")
        .await
        .id();
    app.add_member(
        &a_id,
        &owner_a,
        "muokkaaja.a@example.fi",
        "editor",
        &editor_a,
    )
    .await;
    let members: Value = app
        .get_auth(&format!("/api/v1/associations/{a_id}/members"), &owner_a)
        .await
        .json()
        .await
        .unwrap();
    let editor_id = members["members"][1].str_at("user_id").to_owned();
    let service: Value = app
        .post_auth(
            &format!("/api/v1/associations/{a_id}/services"),
            &owner_a,
            &json!({ "name": "Läksyapu" }),
        )
        .await
        .json()
        .await
        .unwrap();
    let service_a = service.id();
    let cast = Cast {
        anonymous: None,
        plain: Some(plain),
        editor_a: Some(editor_a),
        owner_a: Some(owner_a.clone()),
        owner_b: Some(owner_b.clone()),
        admin: Some(admin.clone()),
    };
    let a_path = format!("/api/v1/associations/{a_id}");
    let p_path = format!("/api/v1/associations/{p_id}");

    // Reading a verified card and its services: everyone.
    expect(&app, &cast, "GET", &a_path, json!({}), [200; 6]).await;
    expect(
        &app,
        &cast,
        "GET",
        &format!("{a_path}/services"),
        json!({}),
        [200; 6],
    )
    .await;
    // A pending card exists only for its members and administrators.
    expect(
        &app,
        &cast,
        "GET",
        &p_path,
        json!({}),
        [404, 404, 404, 200, 404, 200],
    )
    .await;
    expect(
        &app,
        &cast,
        "GET",
        &format!("{p_path}/services"),
        json!({}),
        [404, 404, 404, 200, 404, 200],
    )
    .await;
    expect(
        &app,
        &cast,
        "PATCH",
        &p_path,
        json!({ "summary": "x" }),
        [401, 404, 404, 200, 404, 200],
    )
    .await;
    // Editing A: its members, and administrators (who also correct identifiers).
    expect(
        &app,
        &cast,
        "PATCH",
        &a_path,
        json!({ "summary": "Uusi" }),
        [401, 403, 200, 200, 403, 200],
    )
    .await;
    // Members: owners only.
    expect(
        &app,
        &cast,
        "GET",
        &format!("{a_path}/members"),
        json!({}),
        [401, 403, 403, 200, 403, 403],
    )
    .await;
    expect(
        &app,
        &cast,
        "POST",
        &format!("{a_path}/members"),
        json!({ "email": "kutsuttu@example.fi" }),
        [401, 403, 403, 202, 403, 403],
    )
    .await;
    expect(
        &app,
        &cast,
        "PATCH",
        &format!("{a_path}/members/{editor_id}"),
        json!({ "role": "editor" }),
        [401, 403, 403, 200, 403, 403],
    )
    .await;
    // Services: members of A; B's owner cannot reach A's service through B either.
    expect(
        &app,
        &cast,
        "POST",
        &format!("{a_path}/services"),
        json!({ "name": "Uusi palvelu" }),
        [401, 403, 201, 201, 403, 403],
    )
    .await;
    expect(
        &app,
        &cast,
        "PATCH",
        &format!("{a_path}/services/{service_a}"),
        json!({ "price": "5 €" }),
        [401, 403, 200, 200, 403, 403],
    )
    .await;
    let through_b = app
        .patch_auth(
            &format!("/api/v1/associations/{b_id}/services/{service_a}"),
            &owner_b,
            &json!({ "price": "0" }),
        )
        .await;
    assert_eq!(through_b.status(), 404, "A's service is not B's");
    let remove_through_b = app
        .delete_auth(
            &format!("/api/v1/associations/{b_id}/members/{editor_id}"),
            &owner_b,
        )
        .await;
    assert_eq!(
        remove_through_b.status(),
        404,
        "A's editor is not B's member"
    );
    // Claiming an association that has owners: never.
    expect(
        &app,
        &cast,
        "POST",
        &format!("{a_path}/claim"),
        json!({ "justification": "Olen tämän yhdistyksen jäsen." }),
        [401, 409, 409, 409, 409, 409],
    )
    .await;
    // The administrator's routes.
    for (method, path) in [
        ("GET", "/api/v1/admin/associations".to_owned()),
        ("GET", "/api/v1/admin/claims".to_owned()),
        ("GET", "/api/v1/admin/emails".to_owned()),
        ("GET", "/api/v1/admin/audit".to_owned()),
        ("POST", format!("/api/v1/admin/associations/{b_id}/verify")),
    ] {
        expect(
            &app,
            &cast,
            method,
            &path,
            json!({}),
            [401, 403, 403, 403, 403, 200],
        )
        .await;
    }
    // Any signed-in user may found an association.
    expect(
        &app,
        &cast,
        "POST",
        "/api/v1/associations",
        json!({ "name": "Uusi yhdistys", "municipality_code": "405" }),
        [401, 201, 201, 201, 201, 201],
    )
    .await;
    expect(
        &app,
        &cast,
        "POST",
        &format!("/api/v1/admin/associations/{b_id}/suspend"),
        json!({}),
        [401, 403, 403, 403, 403, 200],
    )
    .await;
    let unknown_claim = uuid::Uuid::now_v7();
    for path in ["approve", "reject"]
        .map(|action| format!("/api/v1/admin/claims/{unknown_claim}/{action}"))
        .into_iter()
        .chain([format!("/api/v1/admin/emails/{unknown_claim}/retry")])
    {
        expect(
            &app,
            &cast,
            "POST",
            &path,
            json!({}),
            [401, 403, 403, 403, 403, 404],
        )
        .await;
    }
    // Deleting a service and removing a member last, as they change what the rows above see:
    // the editor leaves, after which nobody (administrators, who may remove anyone,
    // included) finds them there.
    expect(
        &app,
        &cast,
        "DELETE",
        &format!("{a_path}/services/{service_a}"),
        json!({}),
        [401, 403, 204, 404, 403, 403],
    )
    .await;
    expect(
        &app,
        &cast,
        "DELETE",
        &format!("{a_path}/members/{editor_id}"),
        json!({}),
        [401, 403, 204, 404, 403, 404],
    )
    .await;
}

both_backends!(every_route_answers_each_caller_as_it_should);
