//! Membership by consent: an owner's invitation answers alike for every address, nobody
//! joins without accepting (by the emailed link or from their account), minors choose for
//! themselves and do not own, and every member, the last owner included, can leave.

use chrono::{Duration, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::{association_invitations, association_members, outbox};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, problem, spawn_app};

/// What a client can observe of an answer: status, headers (but the per-request `date` and
/// `x-request-id`) and body, with the address asked about replaced by `ADDRESS`.
#[derive(Debug, PartialEq, Eq)]
struct Observed {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

async fn observe(response: reqwest::Response, address: &str) -> Observed {
    let status = response.status().as_u16();
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date" && *name != "x-request-id")
        .map(|(name, value)| {
            (
                name.to_string(),
                value.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    headers.sort();
    let body = response.text().await.unwrap().replace(address, "ADDRESS");
    Observed {
        status,
        headers,
        body,
    }
}

/// Invitation emails queued for `recipient` (the outbox row is written with the request, so
/// this counts what was sent without waiting for delivery).
async fn invitations_queued(app: &TestApp, recipient: &str) -> i64 {
    let recipient = recipient.to_owned();
    app.db(move |conn| {
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::kind.eq("member_invited"))
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

/// Moves the times of the invitations of `email` back, as if `days` had passed since they
/// were emailed (and answered, for answered ones).
async fn age_invitation(app: &TestApp, email: &str, days: i64) {
    let email = email.to_owned();
    app.db(move |conn| {
        let then = Utc::now().naive_utc() - Duration::days(days);
        let of_address = association_invitations::email.eq(email);
        diesel::update(association_invitations::table.filter(of_address.clone()))
            .set((
                association_invitations::emailed_at.eq(then),
                association_invitations::expires_at.eq(then + Duration::days(14)),
            ))
            .execute(conn)
            .unwrap();
        diesel::update(
            association_invitations::table
                .filter(of_address)
                .filter(association_invitations::responded_at.is_not_null()),
        )
        .set(association_invitations::responded_at.eq(then))
        .execute(conn)
        .unwrap();
    })
    .await;
}

fn without_token(body: &str) -> String {
    let start = body.find("token=").unwrap() + "token=".len();
    let end = body[start..]
        .find(char::is_whitespace)
        .map_or(body.len(), |i| start + i);
    format!("{}TOKEN{}", &body[..start], &body[end..])
}

async fn members_of(app: &TestApp, association: &str, owner: &str) -> Value {
    app.get_auth_ok(
        &format!("/api/v1/associations/{association}/members"),
        owner,
    )
    .await
}

async fn inviting_answers_alike_whether_or_not_the_address_has_an_account(backend: Backend) {
    let app = spawn_app(backend).await;
    // Addresses of one length, so that even Content-Length cannot differ.
    let (owner, _) = app.signed_in("tili.om@example.fi").await;
    let known = "tili.on@example.fi";
    let unknown = "tili.ei@example.fi";
    app.register_verified(known).await;
    // A pending association made a minute ago, as in the issue.
    let id = app
        .create_association(&owner, "Eilen perustettu", "405")
        .await
        .id();
    let path = format!("/api/v1/associations/{id}/members");

    // First invitations, repeats, and the address of a member: one answer for all.
    let mut seen = Vec::new();
    for address in [known, unknown, known, unknown, "tili.om@example.fi"] {
        let response = app
            .post_auth(&path, &owner, &json!({ "email": address, "role": "owner" }))
            .await;
        seen.push((address, observe(response, address).await));
    }
    let (_, first) = &seen[0];
    assert_eq!(first.status, 202);
    assert_eq!(
        first.body,
        json!({ "email": "ADDRESS", "role": "owner" }).to_string()
    );
    for (address, observed) in &seen {
        assert_eq!(observed, first, "the answer about {address}");
    }

    // One invitation email to each address, whose text is the same but for its link.
    let to_known = app.invitation_emails(known, 1).await;
    let to_unknown = app.invitation_emails(unknown, 1).await;
    assert_eq!(to_known[0].subject, to_unknown[0].subject);
    assert_eq!(
        without_token(&to_known[0].body),
        without_token(&to_unknown[0].body)
    );
    assert_ne!(to_known[0].token(), to_unknown[0].token());
    for address in [known, unknown] {
        assert_eq!(invitations_queued(&app, address).await, 1, "{address}");
    }
    assert_eq!(invitations_queued(&app, "tili.om@example.fi").await, 0);

    // Nobody joined, and the list shows the two invitations alike: address, role, dates.
    let listing = members_of(&app, &id, &owner).await;
    assert_eq!(listing["members"].list().len(), 1);
    assert_eq!(app.count("association_members").await, 1);
    let invitations = listing["invitations"].list();
    assert_eq!(invitations.len(), 2);
    for invitation in invitations {
        let mut keys: Vec<&String> = invitation.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["email", "expires_at", "invited_at", "role"]);
    }
    assert_eq!(
        listing["invitations"].pluck("email"),
        [known.to_owned(), unknown.to_owned()]
    );
}

async fn accepting_by_link_needs_the_invited_account_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let (invitee, _) = app.signed_in("kutsuttu@example.fi").await;
    let (other, _) = app.signed_in("toinen@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Kotkan Meripelastajat", "285")
        .await;
    let token = app
        .invite(&id, &owner, "kutsuttu@example.fi", "editor")
        .await;
    let accept = "/api/v1/invitations/accept";

    // Not without signing in, not as someone else, not with a made-up token.
    problem(app.post(accept, &json!({ "token": token })).await, 401).await;
    let wrong = problem(
        app.post_auth(accept, &other, &json!({ "token": token }))
            .await,
        403,
    )
    .await;
    assert_eq!(
        wrong["type"],
        "urn:talkoot:problem:invitation-for-another-address"
    );
    let unknown = problem(
        app.post_auth(accept, &invitee, &json!({ "token": "keksitty" }))
            .await,
        400,
    )
    .await;
    assert_eq!(unknown["type"], "urn:talkoot:problem:invalid-token");
    assert_eq!(app.count("association_members").await, 1);

    // The invited account accepts: a member, and the inviter is told.
    let accepted = app
        .post_auth(accept, &invitee, &json!({ "token": token }))
        .await;
    assert_eq!(accepted.status(), 200);
    let membership: Value = accepted.json().await.unwrap();
    assert_eq!(membership["association_id"], id.as_str());
    assert_eq!(membership["role"], "editor");
    let told = app.last_email_to("omistaja@example.fi", 3).await;
    assert_eq!(
        told.subject,
        "Aino liittyi yhdistykseen Kotkan Meripelastajat"
    );
    let listing = members_of(&app, &id, &owner).await;
    assert_eq!(
        listing["members"].pluck("email"),
        ["omistaja@example.fi", "kutsuttu@example.fi"]
    );
    assert_eq!(listing["invitations"], json!([]));
    // The link works once.
    let reused = problem(
        app.post_auth(accept, &invitee, &json!({ "token": token }))
            .await,
        400,
    )
    .await;
    assert_eq!(reused["type"], "urn:talkoot:problem:invalid-token");

    // An expired link is refused; inviting again after a day renews it with a new link.
    let (late, _) = app.signed_in("myohassa@example.fi").await;
    let old = app
        .invite(&id, &owner, "myohassa@example.fi", "editor")
        .await;
    age_invitation(&app, "myohassa@example.fi", 15).await;
    problem(
        app.post_auth(accept, &late, &json!({ "token": old })).await,
        400,
    )
    .await;
    let mine = app.get_auth_ok("/api/v1/me/invitations", &late).await;
    assert_eq!(mine["total"], 0, "an expired invitation is not offered");
    let listing = members_of(&app, &id, &owner).await;
    let expires = listing["invitations"][0].str_at("expires_at");
    assert!(
        expires < Utc::now().to_rfc3339().as_str(),
        "the owner sees it expired: {expires}"
    );
    let renewed = app
        .invite(&id, &owner, "myohassa@example.fi", "editor")
        .await;
    problem(
        app.post_auth(accept, &late, &json!({ "token": old })).await,
        400,
    )
    .await;
    assert_eq!(
        app.post_auth(accept, &late, &json!({ "token": renewed }))
            .await
            .status(),
        200
    );
}

async fn answering_from_the_account(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let (invitee, _) = app.signed_in("vastaaja@example.fi").await;
    let (other, _) = app.signed_in("sivullinen@example.fi").await;
    let verified = app
        .verified_association(&owner, &admin, "Haminan Partiolaiset", "075")
        .await;
    let pending = app
        .create_association(&owner, "Haminan Kuoro", "075")
        .await
        .id();
    app.invite(&verified, &owner, "vastaaja@example.fi", "editor")
        .await;
    app.invite(&pending, &owner, "vastaaja@example.fi", "owner")
        .await;

    let mine = app.get_auth_ok("/api/v1/me/invitations", &invitee).await;
    assert_eq!(mine["total"], 2);
    assert_eq!(
        mine["items"].pluck("association_name"),
        ["Haminan Partiolaiset", "Haminan Kuoro"]
    );
    assert_eq!(mine["items"].pluck("role"), ["editor", "owner"]);
    assert_eq!(mine["items"][0]["invited_by"], "Aino");
    let (to_verified, to_pending) = (mine["items"][0].id(), mine["items"][1].id());
    let theirs = app.get_auth_ok("/api/v1/me/invitations", &other).await;
    assert_eq!(theirs["total"], 0);
    // Someone else's invitation does not exist for them.
    for action in ["accept", "decline"] {
        problem(
            app.post_auth(
                &format!("/api/v1/me/invitations/{to_verified}/{action}"),
                &other,
                &json!({}),
            )
            .await,
            404,
        )
        .await;
    }

    // Declining: gone from both lists, and the association cannot invite again for a while.
    let declined = app
        .post_auth(
            &format!("/api/v1/me/invitations/{to_pending}/decline"),
            &invitee,
            &json!({}),
        )
        .await;
    assert_eq!(declined.status(), 204);
    assert_eq!(
        members_of(&app, &pending, &owner).await["invitations"],
        json!([])
    );
    age_invitation(&app, "vastaaja@example.fi", 2).await;
    let again = app
        .post_auth(
            &format!("/api/v1/associations/{pending}/members"),
            &owner,
            &json!({ "email": "vastaaja@example.fi", "role": "owner" }),
        )
        .await;
    assert_eq!(again.status(), 202);
    assert_eq!(invitations_queued(&app, "vastaaja@example.fi").await, 2);
    assert_eq!(
        members_of(&app, &pending, &owner).await["invitations"],
        json!([])
    );

    // Accepting: a member; the invitation is answered.
    let accepted = app
        .post_auth(
            &format!("/api/v1/me/invitations/{to_verified}/accept"),
            &invitee,
            &json!({}),
        )
        .await;
    assert_eq!(accepted.status(), 200);
    let membership: Value = accepted.json().await.unwrap();
    assert_eq!(membership["association_slug"], "haminan-partiolaiset");
    assert_eq!(membership["role"], "editor");
    let card = app
        .get_auth_ok(&format!("/api/v1/associations/{verified}"), &invitee)
        .await;
    assert_eq!(card["my_role"], "editor");
    problem(
        app.post_auth(
            &format!("/api/v1/me/invitations/{to_verified}/accept"),
            &invitee,
            &json!({}),
        )
        .await,
        404,
    )
    .await;
    assert_eq!(
        app.get_auth_ok("/api/v1/me/invitations", &invitee).await["total"],
        0
    );

    // Declining with the link needs no account at all, and works once.
    let token = app
        .invite(&verified, &owner, "ei.tilia@example.fi", "editor")
        .await;
    let decline = "/api/v1/invitations/decline";
    assert_eq!(
        app.post(decline, &json!({ "token": token })).await.status(),
        204
    );
    problem(app.post(decline, &json!({ "token": token })).await, 400).await;
    let listing = members_of(&app, &verified, &owner).await;
    assert_eq!(listing["invitations"], json!([]));
    assert_eq!(listing["members"].list().len(), 2);
}

async fn proving_an_address_accepts_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let id = app
        .create_association(&owner, "Odottava seura", "405")
        .await
        .id();
    let address = "tuleva@example.fi";
    let token = app.invite(&id, &owner, address, "owner").await;
    let card = format!("/api/v1/associations/{id}");

    // Registering and confirming the invited address does not make a member.
    app.register_verified(address).await;
    let (newcomer, _) = app.tokens(address).await;
    problem(app.get_auth(&card, &newcomer).await, 404).await;
    // Nor does following a password reset link.
    app.post("/api/v1/auth/password-reset", &json!({ "email": address }))
        .await;
    let reset = app.last_email_to(address, 3).await;
    assert_eq!(
        app.post(
            "/api/v1/auth/password-reset/confirm",
            &json!({ "token": reset.token(), "new_password": "uusi pitkä salasana syksyllä 2026" }),
        )
        .await
        .status(),
        204
    );
    let newcomer = app
        .access_token(address, "uusi pitkä salasana syksyllä 2026")
        .await;
    problem(app.get_auth(&card, &newcomer).await, 404).await;
    assert_eq!(app.count("association_members").await, 1);

    // Accepting does.
    let accepted = app
        .post_auth(
            "/api/v1/invitations/accept",
            &newcomer,
            &json!({ "token": token }),
        )
        .await;
    assert_eq!(accepted.status(), 200);
    assert_eq!(app.get_auth_ok(&card, &newcomer).await["my_role"], "owner");
}

async fn minors_choose_for_themselves_and_do_not_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let young = "nuori@example.fi";
    let fifteen = (Utc::now().date_naive() - chrono::Months::new(15 * 12 + 1)).to_string();
    assert_eq!(app.register(young, &fifteen).await.status(), 202);
    let mail = app.last_email_to(young, 1).await;
    app.post(
        "/api/v1/auth/verify-email",
        &json!({ "token": mail.token() }),
    )
    .await;
    let (minor, _) = app.tokens(young).await;
    let first = app
        .verified_association(&owner, &admin, "Nuorisoseura Yksi", "405")
        .await;
    let second = app
        .verified_association(&owner, &admin, "Nuorisoseura Kaksi", "405")
        .await;

    // An owner's invitation: the minor cannot take it, and nothing changes.
    let token = app.invite(&first, &owner, young, "owner").await;
    let refused = problem(
        app.post_auth(
            "/api/v1/invitations/accept",
            &minor,
            &json!({ "token": token }),
        )
        .await,
        403,
    )
    .await;
    assert_eq!(refused["type"], "urn:talkoot:problem:owner-must-be-adult");
    assert_eq!(
        members_of(&app, &first, &owner).await["members"]
            .list()
            .len(),
        1
    );
    assert_eq!(
        app.get_auth_ok("/api/v1/me/invitations", &minor).await["total"],
        1,
        "still open, to decline"
    );

    // An editor's invitation: theirs to accept.
    let membership = app
        .add_member(&second, &owner, young, "editor", &minor)
        .await;
    assert_eq!(membership["role"], "editor");
    // Not promoted to owner, and not founding an association either.
    let listing = members_of(&app, &second, &owner).await;
    let minor_id = listing["members"][1].str_at("user_id").to_owned();
    let promote = problem(
        app.patch_auth(
            &format!("/api/v1/associations/{second}/members/{minor_id}"),
            &owner,
            &json!({ "role": "owner" }),
        )
        .await,
        403,
    )
    .await;
    assert_eq!(promote["type"], "urn:talkoot:problem:owner-must-be-adult");
    assert_eq!(
        members_of(&app, &second, &owner).await["members"][1]["role"],
        "editor"
    );
    let founded = problem(
        app.post_auth(
            "/api/v1/associations",
            &minor,
            &json!({ "name": "Oma seura", "municipality_code": "405" }),
        )
        .await,
        403,
    )
    .await;
    assert_eq!(founded["type"], "urn:talkoot:problem:owner-must-be-adult");
    assert_eq!(app.count("associations").await, 2);

    // The case, a minor left as the sole owner (as the old service allowed): they
    // can leave.
    let stuck = app
        .create_association(&owner, "Jumiin jäänyt seura", "405")
        .await
        .id();
    let (stuck_id, minor_user) = (stuck.clone(), minor_id.clone());
    app.db(move |conn| {
        diesel::update(
            association_members::table.filter(association_members::association_id.eq(stuck_id)),
        )
        .set(association_members::user_id.eq(minor_user))
        .execute(conn)
        .unwrap()
    })
    .await;
    assert_eq!(
        app.delete_auth(
            &format!("/api/v1/associations/{stuck}/members/{minor_id}"),
            &minor
        )
        .await
        .status(),
        204
    );
    problem(
        app.get_auth(&format!("/api/v1/associations/{stuck}"), &minor)
            .await,
        404,
    )
    .await;
}

async fn the_last_owner_leaves_and_an_editor_claims_the_association(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let (editor, _) = app.signed_in("muokkaaja@example.fi").await;
    let (third, _) = app.signed_in("kolmas@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Kouvolan Kylätalo", "286")
        .await;
    app.add_member(&id, &owner, "muokkaaja@example.fi", "editor", &editor)
        .await;
    app.add_member(&id, &owner, "kolmas@example.fi", "editor", &third)
        .await;
    let listing = members_of(&app, &id, &owner).await;
    let ids = listing["members"].pluck("user_id");

    // An administrator may remove any member.
    assert_eq!(
        app.delete_auth(
            &format!("/api/v1/associations/{id}/members/{}", ids[2]),
            &admin
        )
        .await
        .status(),
        204
    );
    // The sole owner leaves: the association has no owner and can be claimed.
    assert_eq!(
        app.delete_auth(
            &format!("/api/v1/associations/{id}/members/{}", ids[0]),
            &owner
        )
        .await
        .status(),
        204
    );
    let card = app
        .get_auth_ok(&format!("/api/v1/associations/{id}"), &editor)
        .await;
    assert_eq!(card["claimable"], true);
    assert_eq!(card["my_role"], "editor");
    // The remaining editor claims it, and an administrator approves.
    let claim = app
        .post_auth(
            &format!("/api/v1/associations/{id}/claim"),
            &editor,
            &json!({ "justification": "Olen yhdistyksen sihteeri ja hoidan sen sivuja." }),
        )
        .await;
    assert_eq!(claim.status(), 201);
    let claim: Value = claim.json().await.unwrap();
    assert_eq!(
        app.post_auth(
            &format!("/api/v1/admin/claims/{}/approve", claim.id()),
            &admin,
            &json!({}),
        )
        .await
        .status(),
        200
    );
    let listing = members_of(&app, &id, &editor).await;
    assert_eq!(listing["members"].pluck("role"), ["owner"]);
}

async fn invitation_emails_are_capped_per_inviter(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _) = app.signed_in("innokas@example.fi").await;
    let id = app
        .create_association(&owner, "Kutsuva seura", "405")
        .await
        .id();
    let path = format!("/api/v1/associations/{id}/members");
    for i in 0..50 {
        let response = app
            .post_auth(
                &path,
                &owner,
                &json!({ "email": format!("henkilo{i}@example.fi") }),
            )
            .await;
        assert_eq!(response.status(), 202, "invitation {i}");
    }
    let capped = app
        .post_auth(&path, &owner, &json!({ "email": "henkilo50@example.fi" }))
        .await;
    let retry: u64 = capped.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 23 * 3600 && retry <= 24 * 3600, "{retry}");
    let body = problem(capped, 429).await;
    assert_eq!(body["type"], "urn:talkoot:problem:rate-limited");
    assert_eq!(invitations_queued(&app, "henkilo50@example.fi").await, 0);
    // Asking again about an address already invited today sends nothing, so it still
    // answers as before.
    let repeat = app
        .post_auth(&path, &owner, &json!({ "email": "henkilo7@example.fi" }))
        .await;
    assert_eq!(repeat.status(), 202);
}

both_backends!(
    inviting_answers_alike_whether_or_not_the_address_has_an_account,
    accepting_by_link_needs_the_invited_account_once,
    answering_from_the_account,
    proving_an_address_accepts_nothing,
    minors_choose_for_themselves_and_do_not_own,
    the_last_owner_leaves_and_an_editor_claims_the_association,
    invitation_emails_are_capped_per_inviter,
);
