//! The audit trail: each administrative and membership action leaves one row, written with
//! the action (none for an action that failed), readable by administrators with filters,
//! and impossible to change or delete.

use chrono::Utc;
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, fields, problem, spawn_app};
use crate::signups_support::{act, crew, signed_up, task};

/// The caller's user id.
async fn id_of(app: &TestApp, token: &str) -> String {
    app.get_auth_ok("/api/v1/me", token).await.id()
}

/// The trail as an administrator reads it with `query`: (action, actor, target, detail).
async fn trail(app: &TestApp, admin: &str, query: &str) -> Vec<(String, Value, String, String)> {
    let page = app
        .get_auth_ok(&format!("/api/v1/admin/audit?per_page=100{query}"), admin)
        .await;
    page["items"]
        .list()
        .iter()
        .map(|row| {
            (
                row.str_at("action").to_owned(),
                row["actor_id"].clone(),
                row.str_at("target_id").to_owned(),
                row.str_at("detail").to_owned(),
            )
        })
        .collect()
}

async fn every_action_leaves_one_row_with_who_what_and_when(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("valvoja@example.fi").await;
    let admin_id = id_of(&app, &admin).await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let owner_id = id_of(&app, &owner).await;
    let association = app
        .verified_association(&owner, &admin, "Kotkan Kajakkiseura", "285")
        .await;

    // Membership: an invitation, its acceptance, a role change, a removal.
    let (member, _) = app.signed_in("jasen@example.fi").await;
    let member_id = id_of(&app, &member).await;
    app.add_member(&association, &owner, "jasen@example.fi", "editor", &member)
        .await;
    let role_path = format!("/api/v1/associations/{association}/members/{member_id}");
    let changed = app
        .patch_auth(&role_path, &owner, &json!({ "role": "owner" }))
        .await;
    assert_eq!(changed.status(), 200);
    // A change that is refused leaves no row: one to someone who is not a member (404).
    let unknown = format!("/api/v1/associations/{association}/members/nobody");
    assert_eq!(
        app.patch_auth(&unknown, &owner, &json!({ "role": "editor" }))
            .await
            .status(),
        404
    );
    let removed = app.delete_auth(&role_path, &owner).await;
    assert_eq!(removed.status(), 204);
    // The sole owner cannot be demoted: 409, and no row for it.
    let own_path = format!("/api/v1/associations/{association}/members/{owner_id}");
    problem(
        app.patch_auth(&own_path, &owner, &json!({ "role": "editor" }))
            .await,
        409,
    )
    .await;

    // Administration: a suspension, a counsellor approved.
    let suspended = app
        .post_auth(
            &format!("/api/v1/admin/associations/{association}/suspend"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(suspended.status(), 200);
    let counsellor = app
        .counsellor(&admin, "ohjaaja@example.fi", "Kotkan Ohjaamo")
        .await;
    let counsellor_id = id_of(&app, &counsellor).await;

    // A record check entered by a member of another association.
    let crew = crew(&app, "tarkastus").await;
    let crew_owner_id = id_of(&app, &crew.owner).await;
    let people = app.volunteers("kerho", 1, "2000-01-01").await;
    let kids_club = task(
        &app,
        &crew,
        "Lasten kerho",
        json!({ "criminal_record_check": true, "spots": 2 }),
    )
    .await;
    let signup = signed_up(&app, &people[0].token, &kids_club).await;
    let checked = app
        .post_auth(
            &format!("/api/v1/signups/{}/record-check", signup.id()),
            &crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(checked.status(), 200);
    assert_eq!(
        act(&app, &crew.owner, &signup, "accept").await.status(),
        200
    );

    let rows = trail(&app, &admin, "").await;
    let actions: Vec<&str> = rows.iter().map(|(a, ..)| a.as_str()).collect();
    // Newest first; a sign-up decision is the sign-up's own history, not the trail's.
    assert_eq!(
        actions,
        [
            "record_check_entered",
            "association_verified",
            "counsellor_approved",
            "association_suspended",
            "member_removed",
            "member_role_changed",
            "member_joined",
            "member_invited",
            "association_verified",
        ]
    );
    let find = |action: &str| {
        rows.iter()
            .find(|(a, ..)| a == action)
            .cloned()
            .unwrap_or_else(|| panic!("no {action} in {rows:?}"))
    };
    let (_, actor, target, detail) = find("member_role_changed");
    assert_eq!(
        (actor, target, detail),
        (
            json!(owner_id),
            member_id.clone(),
            format!("association {association}: editor -> owner")
        )
    );
    let (_, actor, target, detail) = find("member_removed");
    assert_eq!(
        (actor, target, detail),
        (
            json!(owner_id),
            member_id.clone(),
            format!("association {association}: owner, removed")
        )
    );
    let (_, actor, target, detail) = find("member_joined");
    assert_eq!(
        (actor, target.as_str()),
        (json!(member_id), member_id.as_str())
    );
    assert!(detail.starts_with(&format!("association {association}: as editor")));
    let (_, actor, _, detail) = find("member_invited");
    assert_eq!(actor, json!(owner_id));
    assert_eq!(detail, format!("association {association}: as editor"));
    assert!(!detail.contains('@'), "no address in the trail: {detail}");
    let (_, actor, target, detail) = find("association_suspended");
    assert_eq!(
        (actor, target, detail),
        (
            json!(admin_id),
            association.clone(),
            "verified -> suspended".into()
        )
    );
    let (_, actor, _, detail) = find("counsellor_approved");
    assert_eq!(actor, json!(admin_id));
    assert_eq!(detail, format!("user {counsellor_id}: pending -> approved"));
    let (_, actor, target, detail) = find("record_check_entered");
    assert_eq!((actor, target), (json!(crew_owner_id), signup.id()));
    assert_eq!(
        detail,
        format!(
            "task {kids_club}: extract seen on {}",
            Utc::now().date_naive()
        )
    );

    // Filters: by actor, action, target and period, together with paging.
    let by_owner = trail(&app, &admin, &format!("&actor={owner_id}")).await;
    assert_eq!(
        by_owner
            .iter()
            .map(|(a, ..)| a.as_str())
            .collect::<Vec<_>>(),
        ["member_removed", "member_role_changed", "member_invited"]
    );
    let joined = trail(&app, &admin, "&action=member_joined").await;
    assert_eq!(joined.len(), 1);
    let about_member = trail(&app, &admin, &format!("&target={member_id}")).await;
    assert_eq!(
        about_member
            .iter()
            .map(|(a, ..)| a.as_str())
            .collect::<Vec<_>>(),
        ["member_removed", "member_role_changed", "member_joined"]
    );
    let today = Utc::now().date_naive();
    let all_today = trail(&app, &admin, &format!("&from={today}&to={today}")).await;
    assert_eq!(all_today.len(), rows.len());
    let tomorrow = today.succ_opt().unwrap();
    assert!(
        trail(&app, &admin, &format!("&from={tomorrow}"))
            .await
            .is_empty()
    );
    let page = app
        .get_auth_ok("/api/v1/admin/audit?per_page=2&page=2", &admin)
        .await;
    assert_eq!(page["total"], rows.len());
    assert_eq!(
        page["items"].pluck("action"),
        ["counsellor_approved", "association_suspended"]
    );

    // Bad filters name their field; only administrators read the trail.
    let bad = app
        .get_auth("/api/v1/admin/audit?action=deleted_everything", &admin)
        .await;
    assert_eq!(fields(&problem(bad, 422).await), ["action"]);
    let backwards = app
        .get_auth(
            &format!("/api/v1/admin/audit?from={tomorrow}&to={today}"),
            &admin,
        )
        .await;
    assert_eq!(fields(&problem(backwards, 422).await), ["to"]);
    let long = app
        .get_auth(
            &format!("/api/v1/admin/audit?actor={}", "a".repeat(201)),
            &admin,
        )
        .await;
    assert_eq!(fields(&problem(long, 422).await), ["actor"]);
    let malformed = app.get_auth("/api/v1/admin/audit?from=eilen", &admin).await;
    assert_eq!(malformed.status(), 400);
    assert_eq!(
        app.get_auth("/api/v1/admin/audit", &owner).await.status(),
        403
    );
    assert_eq!(app.get("/api/v1/admin/audit").await.status(), 401);
}

async fn the_trail_cannot_be_changed_or_deleted(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("valvoja@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    app.verified_association(&owner, &admin, "Haminan Huvila", "075")
        .await;
    assert_eq!(app.count("audit_log").await, 1);
    let (updated, deleted) = app
        .db(|conn| {
            use talkoot::db::schema::audit_log;
            let updated = diesel::update(audit_log::table)
                .set(audit_log::detail.eq("nothing happened"))
                .execute(conn);
            let deleted = diesel::delete(audit_log::table).execute(conn);
            (updated, deleted)
        })
        .await;
    let updated = updated.expect_err("an update is refused");
    assert!(updated.to_string().contains("append-only"), "{updated}");
    let deleted = deleted.expect_err("a delete is refused");
    assert!(deleted.to_string().contains("append-only"), "{deleted}");
    let rows = trail(&app, &admin, "").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].3, "pending -> verified");
}

both_backends!(
    every_action_leaves_one_row_with_who_what_and_when,
    the_trail_cannot_be_changed_or_deleted,
);
