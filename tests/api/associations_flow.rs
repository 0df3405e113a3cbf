//! An association's life: created pending, verified, edited with ETags, members and
//! invitations, services, suspension; each step's email.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, fields, problem, spawn_app};

async fn create_verify_edit_and_suspend(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("puheenjohtaja@example.fi").await;

    let created = app
        .post_auth(
            "/api/v1/associations",
            &owner,
            &json!({
                "name": "Lappeenrannan Nuorisoseura ry",
                "municipality_code": "405",
                "business_id": "0737546-2",
                "register_number": "123.456",
                "field_of_activity": "children-youth",
                "summary": "Harrastuksia ja vapaaehtoistyötä nuorille.",
                "phone": "040 123 4567",
                "website": "https://nuorisoseura.example.fi",
                "social_links": ["https://instagram.com/nuorisoseura"],
                "languages": ["fi", "sv", "fi"],
                "founding_year": 1905
            }),
        )
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let etag = created.headers()["etag"].to_str().unwrap().to_owned();
    let card: Value = created.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/associations/{}", card.id()));
    assert_eq!(card["status"], "pending");
    assert_eq!(card["slug"], "lappeenrannan-nuorisoseura-ry");
    assert_eq!(card["my_role"], "owner");
    assert_eq!(card["register_number"], "123456");
    assert_eq!(card["phone"], "+358401234567");
    assert_eq!(card["languages"], json!(["fi", "sv"]));
    assert_eq!(card["municipality"]["region_code"], "09");
    let id = card.id();
    let path = format!("/api/v1/associations/{id}");

    // Pending: hidden from everyone but its members and administrators.
    problem(app.get(&path).await, 404).await;
    problem(
        app.get("/api/v1/associations/lappeenrannan-nuorisoseura-ry")
            .await,
        404,
    )
    .await;
    assert_eq!(app.get_auth(&path, &owner).await.status(), 200);
    assert_eq!(app.get_auth(&path, &admin).await.status(), 200);
    let public: Value = app.get("/api/v1/associations").await.json().await.unwrap();
    assert_eq!(public["total"], 0);

    // The coordinator sees it in the queue and verifies it; the owner is told.
    let queue: Value = app
        .get_auth("/api/v1/admin/associations?status=pending", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["items"][0]["id"], id.as_str());
    let verified = app
        .post_auth(
            &format!("/api/v1/admin/associations/{id}/verify"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(verified.status(), 200);
    let mail = app.last_email_to("puheenjohtaja@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Lappeenrannan Nuorisoseura ry on nyt Talkoissa"
    );
    let by_slug = app
        .get("/api/v1/associations/lappeenrannan-nuorisoseura-ry")
        .await;
    assert_eq!(by_slug.status(), 200);
    assert!(
        by_slug.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public")
    );

    // Edits carry the version they were based on; a stale one is refused.
    let current = app.get_auth(&path, &owner).await;
    let etag_now = current.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(etag_now, etag, "verification changed the card");
    let edit = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&owner)
        .header("if-match", &etag_now)
        .json(&json!({ "description": "Kesäleirejä ja tapahtumia.", "phone": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(edit.status(), 200);
    let newer = edit.headers()["etag"].to_str().unwrap().to_owned();
    let card: Value = edit.json().await.unwrap();
    assert_eq!(card["description"], "Kesäleirejä ja tapahtumia.");
    assert_eq!(card["phone"], Value::Null);
    assert_eq!(
        card["summary"], "Harrastuksia ja vapaaehtoistyötä nuorille.",
        "untouched fields stay"
    );
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&owner)
        .header("if-match", &etag_now)
        .json(&json!({ "description": "Toisen muokkaajan versio" }))
        .send()
        .await
        .unwrap();
    let body = problem(stale, 412).await;
    assert_eq!(body["type"], "urn:talkoot:problem:precondition-failed");
    let unchanged: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(unchanged["description"], "Kesäleirejä ja tapahtumia.");
    let fresh = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&owner)
        .header("if-match", &newer)
        .json(&json!({ "summary": "Uusi kuvaus" }))
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), 200);

    // Bad card input names each field and writes nothing.
    let bad = app
        .patch_auth(
            &path,
            &owner,
            &json!({
                "summary": "x".repeat(251),
                "email": "ei-osoite",
                "website": "javascript:alert(1)",
                "founding_year": 1200,
                "languages": ["Finnish"],
                "business_id": "1572860-0"
            }),
        )
        .await;
    let body = problem(bad, 422).await;
    assert_eq!(
        fields(&body),
        [
            "business_id",
            "email",
            "founding_year",
            "languages[0]",
            "summary",
            "website"
        ]
    );
    let after: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(after["summary"], "Uusi kuvaus");

    // Suspension hides it again and tells the owner.
    let suspended = app
        .post_auth(
            &format!("/api/v1/admin/associations/{id}/suspend"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(suspended.status(), 200);
    problem(app.get(&path).await, 404).await;
    assert_eq!(app.get_auth(&path, &owner).await.status(), 200);
    let mail = app.last_email_to("puheenjohtaja@example.fi", 3).await;
    assert_eq!(mail.subject, "Lappeenrannan Nuorisoseura ry on piilotettu");
}

async fn same_names_get_distinct_slugs_and_identifiers_are_unique(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _) = app.signed_in("perustaja@example.fi").await;
    let first = app
        .create_association(&owner, "Kotkan Meriseura", "285")
        .await;
    let second = app
        .create_association(&owner, "Kotkan meriseura!", "285")
        .await;
    assert_eq!(first["slug"], "kotkan-meriseura");
    assert_eq!(second["slug"], "kotkan-meriseura-2");
    let body = json!({ "name": "Toinen", "municipality_code": "285", "business_id": "1572860-0" });
    assert_eq!(
        app.post_auth("/api/v1/associations", &owner, &body)
            .await
            .status(),
        201
    );
    let taken = problem(
        app.post_auth("/api/v1/associations", &owner, &body).await,
        422,
    )
    .await;
    assert_eq!(fields(&taken), ["business_id"]);
    let missing = problem(
        app.post_auth("/api/v1/associations", &owner, &json!({ "name": "X" }))
            .await,
        422,
    )
    .await;
    assert_eq!(fields(&missing), ["municipality_code", "name"]);
}

async fn members_invitations_and_the_last_owner(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let (helper, _) = app.signed_in("auttaja@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Imatran Eläinsuojeluyhdistys", "153")
        .await;
    let members_path = format!("/api/v1/associations/{id}/members");

    // An existing account is invited, not added: it joins when it accepts.
    let invited = app
        .post_auth(
            &members_path,
            &owner,
            &json!({ "email": "AUTTAJA@example.fi", "role": "editor" }),
        )
        .await;
    assert_eq!(invited.status(), 202);
    let invited: Value = invited.json().await.unwrap();
    assert_eq!(
        invited,
        json!({ "email": "auttaja@example.fi", "role": "editor" })
    );
    let mail = app.last_email_to("auttaja@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Kutsu yhdistyksen Imatran Eläinsuojeluyhdistys ylläpitäjäksi"
    );
    // Asking again answers the same, and is no "already invited" 409.
    let again = app
        .post_auth(
            &members_path,
            &owner,
            &json!({ "email": "auttaja@example.fi" }),
        )
        .await;
    assert_eq!(again.status(), 202);
    let bad = problem(
        app.post_auth(
            &members_path,
            &owner,
            &json!({ "email": "x", "role": "boss" }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(fields(&bad), ["email", "role"]);
    let accepted = app
        .post_auth(
            "/api/v1/invitations/accept",
            &helper,
            &json!({ "token": mail.token() }),
        )
        .await;
    assert_eq!(accepted.status(), 200);

    // The editor edits the card but does not manage members.
    assert_eq!(
        app.patch_auth(
            &format!("/api/v1/associations/{id}"),
            &helper,
            &json!({ "summary": "Kissoja ja koiria" })
        )
        .await
        .status(),
        200
    );
    problem(app.get_auth(&members_path, &helper).await, 403).await;

    // An unknown address is invited; registering and confirming it is not accepting.
    let invited = app
        .post_auth(
            &members_path,
            &owner,
            &json!({ "email": "uusi.jasen@example.fi", "role": "owner" }),
        )
        .await;
    let invited: Value = invited.json().await.unwrap();
    assert_eq!(
        invited,
        json!({ "email": "uusi.jasen@example.fi", "role": "owner" })
    );
    let invitation = app.last_email_to("uusi.jasen@example.fi", 1).await;
    assert!(
        invitation.body.contains("http://talkoot.test/register"),
        "{}",
        invitation.body
    );
    let listing: Value = app
        .get_auth(&members_path, &owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listing["invitations"][0]["email"], "uusi.jasen@example.fi");
    app.register("uusi.jasen@example.fi", "1990-01-01").await;
    let verify = app.last_email_to("uusi.jasen@example.fi", 2).await;
    app.post(
        "/api/v1/auth/verify-email",
        &json!({ "token": verify.token() }),
    )
    .await;
    let listing: Value = app
        .get_auth(&members_path, &owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listing["members"].list().len(), 2, "{listing}");
    assert_eq!(listing["invitations"][0]["email"], "uusi.jasen@example.fi");
    let newcomer = app.tokens("uusi.jasen@example.fi").await.0;
    let accepted = app
        .post_auth(
            "/api/v1/invitations/accept",
            &newcomer,
            &json!({ "token": invitation.token() }),
        )
        .await;
    assert_eq!(accepted.status(), 200);
    let listing: Value = app
        .get_auth(&members_path, &owner)
        .await
        .json()
        .await
        .unwrap();
    let roles: Vec<(&str, &str)> = listing["members"]
        .list()
        .iter()
        .map(|m| (m.str_at("email"), m.str_at("role")))
        .collect();
    assert_eq!(
        roles,
        [
            ("omistaja@example.fi", "owner"),
            ("auttaja@example.fi", "editor"),
            ("uusi.jasen@example.fi", "owner")
        ]
    );
    assert_eq!(listing["invitations"], json!([]));

    // With two owners one may leave; the last one cannot be demoted.
    let owner_id = listing["members"][0].str_at("user_id").to_owned();
    let newcomer_id = listing["members"][2].str_at("user_id").to_owned();
    assert_eq!(
        app.delete_auth(&format!("{members_path}/{owner_id}"), &owner)
            .await
            .status(),
        204
    );
    let demote = app
        .patch_auth(
            &format!("{members_path}/{newcomer_id}"),
            &newcomer,
            &json!({ "role": "editor" }),
        )
        .await;
    problem(demote, 409).await;
    // The editor may leave on their own.
    let helper_id = listing["members"][1].str_at("user_id").to_owned();
    assert_eq!(
        app.delete_auth(&format!("{members_path}/{helper_id}"), &helper)
            .await
            .status(),
        204
    );
    let listing: Value = app
        .get_auth(&members_path, &newcomer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listing["members"].list().len(), 1);
    // So may the last owner: the association is then ownerless and claimable again.
    assert_eq!(
        app.delete_auth(&format!("{members_path}/{newcomer_id}"), &newcomer)
            .await
            .status(),
        204
    );
    let card = app.get_ok(&format!("/api/v1/associations/{id}")).await;
    assert_eq!(card["claimable"], true);
}

async fn services_belong_to_the_card(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("palvelut@example.fi").await;
    let id = app
        .verified_association(&owner, &admin, "Kouvolan Ruoka-apu", "286")
        .await;
    let services = format!("/api/v1/associations/{id}/services");
    let created = app
        .post_auth(&services, &owner, &json!({ "name": "Ruokakassit", "target_group": "Perheet", "how_to_get": "Tule torstaina klo 12" }))
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let service: Value = created.json().await.unwrap();
    assert_eq!(location, format!("{services}/{}", service.id()));
    assert_eq!(service["price"], Value::Null, "free unless priced");
    let edited = app
        .patch_auth(&location, &owner, &json!({ "price": "2 €" }))
        .await;
    assert_eq!(edited.json::<Value>().await.unwrap()["price"], "2 €");
    let listed: Value = app.get(&services).await.json().await.unwrap();
    assert_eq!(listed["total"], 1);
    let card: Value = app
        .get(&format!("/api/v1/associations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["services"][0]["name"], "Ruokakassit");
    problem(
        app.post_auth(&services, &owner, &json!({ "description": "nimetön" }))
            .await,
        422,
    )
    .await;
    assert_eq!(app.delete_auth(&location, &owner).await.status(), 204);
    problem(app.delete_auth(&location, &owner).await, 404).await;
}

async fn imported_associations_are_claimed_through_an_administrator(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (claimant, _) = app.signed_in("vapaaehtoinen@example.fi").await;
    let (other, _) = app.signed_in("toinen@example.fi").await;
    let id = app
        .imported_association(
            "Haminan Kylätoimikunta",
            "075",
            json!({ "business_id": "1572860-0" }),
        )
        .await;
    let card: Value = app
        .get(&format!("/api/v1/associations/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["claimable"], true);

    let claim_path = format!("/api/v1/associations/{id}/claim");
    let short = problem(
        app.post_auth(&claim_path, &claimant, &json!({ "justification": "minä" }))
            .await,
        422,
    )
    .await;
    assert_eq!(fields(&short), ["justification"]);
    let claim = app
        .post_auth(
            &claim_path,
            &claimant,
            &json!({ "justification": "Olen yhdistyksen sihteeri vuodesta 2020." }),
        )
        .await;
    assert_eq!(claim.status(), 201);
    let claim: Value = claim.json().await.unwrap();
    problem(
        app.post_auth(
            &claim_path,
            &claimant,
            &json!({ "justification": "Olen yhdistyksen sihteeri vuodesta 2020." }),
        )
        .await,
        409,
    )
    .await;
    let rival = app
        .post_auth(
            &claim_path,
            &other,
            &json!({ "justification": "Minä olen puheenjohtaja, en hän." }),
        )
        .await;
    let rival: Value = rival.json().await.unwrap();

    let pending: Value = app
        .get_auth("/api/v1/admin/claims", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["total"], 2);
    let approve = app
        .post_auth(
            &format!("/api/v1/admin/claims/{}/approve", claim.id()),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(approve.status(), 200);
    assert_eq!(approve.json::<Value>().await.unwrap()["status"], "approved");
    let mail = app.last_email_to("vapaaehtoinen@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Olet nyt yhdistyksen Haminan Kylätoimikunta omistaja"
    );
    let card: Value = app
        .get_auth(&format!("/api/v1/associations/{id}"), &claimant)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["my_role"], "owner");
    assert_eq!(card["claimable"], false);

    // The rival claim cannot also be approved: the association has an owner now.
    let second = app
        .post_auth(
            &format!("/api/v1/admin/claims/{}/approve", rival.id()),
            &admin,
            &json!({}),
        )
        .await;
    problem(second, 409).await;
    let reject = app
        .post_auth(
            &format!("/api/v1/admin/claims/{}/reject", rival.id()),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(reject.status(), 200);
    let mail = app.last_email_to("toinen@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Pyyntösi yhdistyksestä Haminan Kylätoimikunta"
    );
    problem(
        app.post_auth(
            &format!("/api/v1/admin/claims/{}/reject", rival.id()),
            &admin,
            &json!({}),
        )
        .await,
        409,
    )
    .await;
    // Now that it has an owner, nobody else can claim it.
    problem(
        app.post_auth(
            &claim_path,
            &other,
            &json!({ "justification": "Minä olen puheenjohtaja, en hän." }),
        )
        .await,
        409,
    )
    .await;
}

async fn a_name_that_looks_like_an_id_never_shadows_another_association(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner, _) = app.signed_in("varjo@example.fi").await;
    let id = app
        .create_association(&owner, "Ensimmäinen", "405")
        .await
        .id();
    let shadow = app.create_association(&owner, &id, "405").await;
    assert_ne!(shadow["slug"], id);
    let fetched: Value = app
        .get_auth(&format!("/api/v1/associations/{id}"), &owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fetched["name"], "Ensimmäinen");
    // A weak or unknown ETag never matches (RFC 9110 strong comparison); a list may.
    let current = app
        .get_auth(&format!("/api/v1/associations/{id}"), &owner)
        .await;
    let tag = current.headers()["etag"].to_str().unwrap().to_owned();
    let patch = |if_match: String| {
        app.client
            .patch(app.url(&format!("/api/v1/associations/{id}")))
            .bearer_auth(&owner)
            .header("if-match", if_match)
            .json(&json!({ "summary": "Tiivistelmä" }))
            .send()
    };
    problem(patch(format!("W/{tag}")).await.unwrap(), 412).await;
    assert_eq!(
        patch(format!("\"999\", {tag}")).await.unwrap().status(),
        200
    );
}

async fn identifiers_lock_at_verification_and_administrators_correct_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let id = app
        .create_association(&owner, "Kouvolan Kuoro", "286")
        .await
        .id();
    let path = format!("/api/v1/associations/{id}");
    // While pending, the owner sets the identifiers.
    let set = app
        .patch_auth(&path, &owner, &json!({ "business_id": "0737546-2" }))
        .await;
    assert_eq!(set.status(), 200);
    app.post_auth(
        &format!("/api/v1/admin/associations/{id}/verify"),
        &admin,
        &json!({}),
    )
    .await;
    // Once verified, the owner cannot change them, not even to the same value.
    for body in [
        json!({ "business_id": "1572860-0" }),
        json!({ "business_id": "0737546-2" }),
        json!({ "register_number": null }),
    ] {
        let refused = problem(app.patch_auth(&path, &owner, &body).await, 422).await;
        assert_eq!(refused["errors"][0]["code"], "locked", "{body}");
    }
    // The administrator corrects a typo, with the same checks as anyone.
    let bad = app
        .patch_auth(&path, &admin, &json!({ "business_id": "1572860-1" }))
        .await;
    assert_eq!(fields(&problem(bad, 422).await), ["business_id"]);
    let fixed: Value = app
        .patch_auth(
            &path,
            &admin,
            &json!({ "business_id": "1572860-0", "register_number": "123.456" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fixed["business_id"], "1572860-0");
    assert_eq!(fixed["register_number"], "123456");
    assert_eq!(
        fixed["my_role"],
        Value::Null,
        "the administrator is not a member"
    );
}

both_backends!(
    identifiers_lock_at_verification_and_administrators_correct_them,
    a_name_that_looks_like_an_id_never_shadows_another_association,
    create_verify_edit_and_suspend,
    same_names_get_distinct_slugs_and_identifiers_are_unique,
    members_invitations_and_the_last_owner,
    services_belong_to_the_card,
    imported_associations_are_claimed_through_an_administrator,
);
