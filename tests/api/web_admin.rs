//! The administrators' queues in the browser (claims, counsellor requests, reports, failed
//! emails, the audit trail) and what people ask them for (the counsellor role, a claim on an
//! ownerless association): each moderated thing is made through the API or the web, an
//! administrator acts through the page's real form (its CSRF token read from the page), and
//! the effect is checked through the API, the pages and the delivered email.

use serde_json::{Value, json};
use talkoot::config::MailTransportConfig;

use crate::both_backends;
use crate::helpers::{ADMIN_PASSWORD, Backend, JsonExt, PASSWORD, TestApp, spawn_app, task_body};
use crate::smtp::{SmtpSink, free_port};
use crate::web_client::{Browser, location};

both_backends!(
    claims_are_filed_on_the_card_and_decided_in_the_queue,
    the_counsellor_role_is_asked_for_granted_and_revoked_in_the_browser,
    reports_are_worked_through_in_the_queue,
    failed_emails_are_listed_masked_and_sent_again,
    the_audit_trail_filters_and_pages,
    only_administrators_open_the_admin_pages,
    an_account_is_suspended_and_reinstated_from_its_page,
);

const ADMIN: &str = "koordinaattori@example.fi";

/// A browser signed in through the login form with `password`.
async fn browser_for(app: &TestApp, email: &str, password: &str) -> Browser {
    let mut browser = Browser::new(app);
    let token = browser.token("/fi/login").await;
    let response = browser
        .post(
            "/fi/login",
            &[
                ("csrf", &token),
                ("email", email),
                ("password", password),
                ("next", "/me"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "logging in {email}");
    browser
}

/// An administrator: (API token, signed-in browser).
async fn admin(app: &TestApp) -> (String, Browser) {
    let token = app.admin(ADMIN).await;
    let browser = browser_for(app, ADMIN, ADMIN_PASSWORD).await;
    (token, browser)
}

/// Posts a page's form: the token read from `page`, then `fields` to `action`.
async fn submit(
    browser: &mut Browser,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let token = browser.token(page).await;
    let mut form = vec![("csrf", token.as_str())];
    form.extend_from_slice(fields);
    browser.post(action, &form).await
}

async fn html(browser: &mut Browser, path: &str) -> String {
    let response = browser.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

async fn claims_are_filed_on_the_card_and_decided_in_the_queue(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin_token, mut admin) = admin(&app).await;
    app.register_verified("sihteeri@example.fi").await;
    let (rival, _) = app.signed_in("toinen@example.fi").await;
    let id = app
        .imported_association(
            "Haminan Kylätoimikunta",
            "075",
            json!({ "business_id": "1572860-0" }),
        )
        .await;

    // The claimant finds the form on the card; signed out, it leads to the login page.
    let mut anonymous = Browser::new(&app);
    let card = html(&mut anonymous, &format!("/fi/associations/{id}")).await;
    let claim_path = format!("/fi/associations/{id}/claim");
    assert!(card.contains(&format!("href=\"{claim_path}\"")), "{card}");
    assert_eq!(anonymous.get(&claim_path).await.status(), 303);
    let mut claimant = browser_for(&app, "sihteeri@example.fi", PASSWORD).await;
    let form = html(&mut claimant, &claim_path).await;
    assert!(form.contains("<label for=\"field-justification\""));
    let short = submit(
        &mut claimant,
        &claim_path,
        &claim_path,
        &[("justification", "minä")],
    )
    .await;
    assert_eq!(short.status(), 422);
    let refused = short.text().await.unwrap();
    assert!(
        refused.contains("href=\"#field-justification\""),
        "{refused}"
    );
    assert!(refused.contains("minä</textarea>"));
    let filed = submit(
        &mut claimant,
        &claim_path,
        &claim_path,
        &[("justification", "Olen yhdistyksen sihteeri vuodesta 2020.")],
    )
    .await;
    assert_eq!(filed.status(), 200);
    assert!(
        filed
            .text()
            .await
            .unwrap()
            .contains("Haminan Kylätoimikunta")
    );
    let rival_claim = app
        .post_auth(
            &format!("/api/v1/associations/{id}/claim"),
            &rival,
            &json!({ "justification": "Minä olen puheenjohtaja, en hän." }),
        )
        .await;
    assert_eq!(rival_claim.status(), 201);
    let rival_claim: Value = rival_claim.json().await.unwrap();

    // The queue shows both, each button named by its row.
    let queue = html(&mut admin, "/fi/admin/claims").await;
    assert!(queue.contains("Olen yhdistyksen sihteeri vuodesta 2020."));
    assert!(queue.contains("Hyväksy<span class=\"visually-hidden\">: Aino (sihteeri@example.fi), Haminan Kylätoimikunta</span>"));
    let pending = app
        .get_auth_ok("/api/v1/admin/claims?status=pending", &admin_token)
        .await;
    assert_eq!(pending["total"], 2);
    let mine = pending["items"]
        .list()
        .iter()
        .find(|c| c.str_at("claimant_email") == "sihteeri@example.fi")
        .unwrap()
        .id();
    let approved = submit(
        &mut admin,
        "/fi/admin/claims",
        &format!("/fi/admin/claims/{mine}/approve"),
        &[("status", "pending")],
    )
    .await;
    assert_eq!(approved.status(), 303);
    assert_eq!(location(&approved), "/fi/admin/claims?status=pending");
    let mail = app.last_email_to("sihteeri@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Olet nyt yhdistyksen Haminan Kylätoimikunta omistaja"
    );
    let rejected = submit(
        &mut admin,
        "/fi/admin/claims",
        &format!("/fi/admin/claims/{}/reject", rival_claim.id()),
        &[("status", "pending")],
    )
    .await;
    assert_eq!(rejected.status(), 303);
    let mail = app.last_email_to("toinen@example.fi", 2).await;
    assert_eq!(
        mail.subject,
        "Pyyntösi yhdistyksestä Haminan Kylätoimikunta"
    );

    // Each is in its status now; the claimant manages the association, whose card no
    // longer offers the claim.
    for status in ["approved", "rejected"] {
        let list = app
            .get_auth_ok(
                &format!("/api/v1/admin/claims?status={status}"),
                &admin_token,
            )
            .await;
        assert_eq!(list["total"], 1, "{status}");
    }
    let done = html(&mut admin, "/fi/admin/claims?status=approved").await;
    assert!(done.contains("Haminan Kylätoimikunta") && !done.contains("/approve\""));
    assert_eq!(
        claimant
            .get(&format!("/fi/manage/associations/{id}"))
            .await
            .status(),
        200
    );
    let card = html(&mut anonymous, &format!("/fi/associations/{id}")).await;
    assert!(!card.contains(&claim_path));
}

async fn the_counsellor_role_is_asked_for_granted_and_revoked_in_the_browser(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin_token, mut admin) = admin(&app).await;
    app.register_verified("ohjaaja@example.fi").await;
    let mut user = browser_for(&app, "ohjaaja@example.fi", PASSWORD).await;
    assert!(
        html(&mut user, "/fi/me")
            .await
            .contains("href=\"/fi/me/counsellor\"")
    );

    // The form names what is missing; a complete one is sent and shown as pending.
    let empty = submit(&mut user, "/fi/me/counsellor", "/fi/me/counsellor", &[]).await;
    assert_eq!(empty.status(), 422);
    let refused = empty.text().await.unwrap();
    assert!(
        refused.contains("href=\"#field-organisation\""),
        "{refused}"
    );
    assert!(refused.contains("href=\"#field-municipality_code\""));
    let sent = submit(
        &mut user,
        "/fi/me/counsellor",
        "/fi/me/counsellor",
        &[
            ("organisation", "Kotkan nuorisopalvelut"),
            ("title", "Nuoriso-ohjaaja"),
            ("municipality_code", "285"),
            ("work_email", ""),
        ],
    )
    .await;
    assert_eq!(sent.status(), 303);
    assert_eq!(location(&sent), "/fi/me/counsellor?sent=1");
    let state = html(&mut user, "/fi/me/counsellor?sent=1").await;
    assert!(state.contains("odottaa ylläpidon päätöstä"), "{state}");
    assert!(!state.contains("name=\"organisation\""));

    // The administrator approves it from the queue; the user is a counsellor at once.
    let queue = html(&mut admin, "/fi/admin/counsellor-requests").await;
    assert!(queue.contains("Kotkan nuorisopalvelut") && queue.contains("Kotka"));
    let request = app
        .get_auth_ok(
            "/api/v1/admin/counsellor-requests?status=pending",
            &admin_token,
        )
        .await["items"][0]
        .id();
    let approved = submit(
        &mut admin,
        "/fi/admin/counsellor-requests",
        &format!("/fi/admin/counsellor-requests/{request}/approve"),
        &[("status", "pending")],
    )
    .await;
    assert_eq!(approved.status(), 303);
    assert_eq!(
        location(&approved),
        "/fi/admin/counsellor-requests?status=pending"
    );
    let mail = app.last_email_to("ohjaaja@example.fi", 2).await;
    assert_eq!(mail.subject, "Olet nyt palveluohjaaja Talkoissa");
    assert_eq!(user.get("/fi/counsellor/referrals").await.status(), 200);
    assert!(
        html(&mut user, "/fi/me/counsellor")
            .await
            .contains("olet palveluohjaaja")
    );

    // Revoking needs a reason, which the user is emailed.
    let counsellors = "/fi/admin/counsellor-requests?status=approved";
    assert!(
        html(&mut admin, counsellors)
            .await
            .contains("Kotkan nuorisopalvelut")
    );
    let revoke = format!("/fi/admin/counsellor-requests/{request}/revoke");
    let without = submit(
        &mut admin,
        counsellors,
        &revoke,
        &[("status", "approved"), ("reason", "  ")],
    )
    .await;
    assert_eq!(without.status(), 422);
    let refused = without.text().await.unwrap();
    assert!(
        refused.contains(&format!("href=\"#field-reason-{request}\"")),
        "{refused}"
    );
    let revoked = submit(
        &mut admin,
        counsellors,
        &revoke,
        &[
            ("status", "approved"),
            ("reason", "Työsuhteesi nuorisopalveluissa on päättynyt."),
        ],
    )
    .await;
    assert_eq!(revoked.status(), 303);
    assert_eq!(
        location(&revoked),
        "/fi/admin/counsellor-requests?status=approved"
    );
    let mail = app.last_email_to("ohjaaja@example.fi", 3).await;
    assert_eq!(mail.subject, "Palveluohjaajan oikeutesi on poistettu");
    assert!(
        mail.body
            .contains("Työsuhteesi nuorisopalveluissa on päättynyt.")
    );
    assert_eq!(user.get("/fi/counsellor/referrals").await.status(), 403);
    // …and may ask again.
    let again = html(&mut user, "/fi/me/counsellor").await;
    assert!(
        again.contains("Työsuhteesi nuorisopalveluissa") && again.contains("name=\"organisation\"")
    );

    // Another request, rejected with its reason.
    let (other, _) = app.signed_in("toinen@example.fi").await;
    let other_request = app
        .request_counsellor_role(&other, "Haminan sosiaalityö")
        .await
        .id();
    let rejected = submit(
        &mut admin,
        "/fi/admin/counsellor-requests",
        &format!("/fi/admin/counsellor-requests/{other_request}/reject"),
        &[
            ("status", "pending"),
            ("reason", "Organisaatiota ei voitu varmistaa."),
        ],
    )
    .await;
    assert_eq!(rejected.status(), 303);
    let mail = app.last_email_to("toinen@example.fi", 2).await;
    assert_eq!(mail.subject, "Palveluohjaajapyyntösi");
    assert!(mail.body.contains("Organisaatiota ei voitu varmistaa."));
    let list = app
        .get_auth_ok(
            "/api/v1/admin/counsellor-requests?status=rejected",
            &admin_token,
        )
        .await;
    assert_eq!(list["total"], 1);
}

async fn reports_are_worked_through_in_the_queue(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin_token, mut admin) = admin(&app).await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let association = app
        .verified_association(&owner, &admin_token, "Saimaan Partiolaiset", "405")
        .await;
    let task = app
        .published_task(&owner, &association, task_body("Rantasiivous", 20))
        .await;
    let (reporter, _) = app.signed_in("ilmoittaja@example.fi").await;
    let report = |kind: &'static str, id: String| {
        let app = &app;
        let reporter = reporter.clone();
        async move {
            let response = app
                .post_auth(
                    "/api/v1/reports",
                    &reporter,
                    &json!({
                        "target": { "kind": kind, "id": id },
                        "reason": "asks_for_money",
                        "details": "Pyytää maksamaan ilmoittautumisesta.",
                    }),
                )
                .await;
            assert_eq!(response.status(), 201);
            response.json::<Value>().await.unwrap().id()
        }
    };
    let task_report = report("task", task.clone()).await;
    let association_report = report("association", association.clone()).await;

    let queue = html(&mut admin, "/fi/admin/reports").await;
    assert!(
        queue.contains(&format!("href=\"/fi/tasks/{task}\">Rantasiivous</a>")),
        "{queue}"
    );
    assert!(queue.contains(&format!(
        "href=\"/fi/associations/{association}\">Saimaan Partiolaiset</a>"
    )));
    assert!(
        queue.contains("pyytää rahaa") && queue.contains("Pyytää maksamaan ilmoittautumisesta.")
    );

    // The task is taken down: out of public view at once.
    let hidden = submit(
        &mut admin,
        "/fi/admin/reports",
        &format!("/fi/admin/tasks/{task}/hide"),
        &[("status", "open")],
    )
    .await;
    assert_eq!(hidden.status(), 303);
    assert_eq!(location(&hidden), "/fi/admin/reports?status=open");
    assert_eq!(
        app.get(&format!("/api/v1/tasks/{task}")).await.status(),
        404
    );
    assert!(
        html(&mut admin, "/fi/admin/reports")
            .await
            .contains("Palauta tehtävä näkyviin")
    );

    // A report of an association cannot end with a task taken down: named on the page.
    let wrong = submit(
        &mut admin,
        "/fi/admin/reports",
        &format!("/fi/admin/reports/{association_report}/close"),
        &[("status", "open"), ("outcome", "task_hidden"), ("note", "")],
    )
    .await;
    assert_eq!(wrong.status(), 422);
    let refused = wrong.text().await.unwrap();
    assert!(
        refused.contains(&format!("href=\"#field-outcome-{association_report}\"")),
        "{refused}"
    );

    // Closing tells the reporter that something was done.
    let closed = submit(
        &mut admin,
        "/fi/admin/reports",
        &format!("/fi/admin/reports/{task_report}/close"),
        &[
            ("status", "open"),
            ("outcome", "task_hidden"),
            ("note", "Maksullinen ilmoittautuminen."),
        ],
    )
    .await;
    assert_eq!(closed.status(), 303);
    let mail = app.last_email_to("ilmoittaja@example.fi", 2).await;
    assert_eq!(mail.subject, "Ilmoituksesi on käsitelty");
    assert!(mail.body.contains("ryhtynyt toimiin"), "{}", mail.body);

    // The association is suspended from its report, which is then closed as such.
    let suspended = submit(
        &mut admin,
        "/fi/admin/reports",
        &format!("/fi/admin/reports/suspend-association/{association}"),
        &[("status", "open")],
    )
    .await;
    assert_eq!(suspended.status(), 303);
    let list = app
        .get_auth_ok("/api/v1/admin/associations?status=suspended", &admin_token)
        .await;
    assert_eq!(list["total"], 1);
    let closed = submit(
        &mut admin,
        "/fi/admin/reports",
        &format!("/fi/admin/reports/{association_report}/close"),
        &[("status", "open"), ("outcome", "association_suspended")],
    )
    .await;
    assert_eq!(closed.status(), 303);
    let reports = app
        .get_auth_ok("/api/v1/admin/reports?status=closed", &admin_token)
        .await;
    assert_eq!(reports["total"], 2);
    let done = html(&mut admin, "/fi/admin/reports?status=closed").await;
    assert!(done.contains("tehtävä piilotettu") && done.contains("yhdistys jäädytetty"));
    assert!(done.contains("Maksullinen ilmoittautuminen."));
    assert!(
        html(&mut admin, "/fi/admin/reports")
            .await
            .contains("Ei mitään käsiteltävää.")
    );
}

async fn failed_emails_are_listed_masked_and_sent_again(backend: Backend) {
    let port = free_port();
    let app = crate::helpers::spawn_app_with(backend, |c| {
        c.mail_transport = MailTransportConfig::Smtp {
            url: format!("smtp://127.0.0.1:{port}?tls=none"),
        };
        c.mail_worker.give_up_after = std::time::Duration::from_millis(300);
    })
    .await;
    let (admin_token, mut admin) = admin(&app).await;
    assert_eq!(
        app.register("aino.virtanen@example.fi", "2004-04-04")
            .await
            .status(),
        202
    );
    // Nobody listens on the port: the verification email is given up.
    let mut given_up = false;
    for _ in 0..100 {
        let page = app
            .get_auth_ok("/api/v1/admin/emails?status=failed", &admin_token)
            .await;
        if page["total"] == 1 {
            given_up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(given_up, "the email never failed");

    let list = html(&mut admin, "/fi/admin/emails").await;
    assert!(list.contains("a***@example.fi"), "{list}");
    assert!(!list.contains("aino.virtanen"), "the address is masked");
    assert!(list.contains("<th scope=\"col\">"));
    assert!(list.contains("Lähetä uudelleen<span class=\"visually-hidden\">"));
    let id = app
        .get_auth_ok("/api/v1/admin/emails?status=failed", &admin_token)
        .await["items"][0]
        .id();

    // The mail server is back; the administrator sends it again from the page.
    let sink = SmtpSink::start_on(port).await;
    let retried = submit(
        &mut admin,
        "/fi/admin/emails",
        &format!("/fi/admin/emails/{id}/retry"),
        &[("status", "failed")],
    )
    .await;
    assert_eq!(retried.status(), 303);
    assert_eq!(location(&retried), "/fi/admin/emails?status=failed");
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail.to, "aino.virtanen@example.fi");
    assert_eq!(mail.subject, "Vahvista sähköpostiosoitteesi");
    let audit = app
        .get_auth_ok("/api/v1/admin/audit?action=email_retried", &admin_token)
        .await;
    assert_eq!(audit["total"], 1);
}

async fn the_audit_trail_filters_and_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let (admin_token, mut admin) = admin(&app).await;
    let (owner, _) = app.signed_in("omistaja@example.fi").await;
    let mut ids = Vec::new();
    for name in [
        "Kotkan Kuoro ry",
        "Haminan Soittajat ry",
        "Loviisan Laulajat ry",
    ] {
        ids.push(
            app.verified_association(&owner, &admin_token, name, "285")
                .await,
        );
    }
    let all = html(&mut admin, "/fi/admin/audit").await;
    assert!(all.contains("yhdistys vahvistettu"), "{all}");
    assert!(all.contains("<th scope=\"row\"><time datetime="));

    // Two at a time: a next link keeping the filter, then a previous one.
    let first = html(
        &mut admin,
        "/fi/admin/audit?action=association_verified&per_page=2",
    )
    .await;
    assert!(first.contains("3 tapahtumaa"), "{first}");
    let next = "/fi/admin/audit?action=association_verified&#38;per_page=2&#38;page=2";
    assert!(
        first.contains(&format!("href=\"{next}\" rel=\"next\"")),
        "{first}"
    );
    assert!(!first.contains("rel=\"prev\""));
    let second = html(&mut admin, &next.replace("&#38;", "&")).await;
    assert!(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""));
    assert!(second.contains(&ids[0]) && !second.contains(&ids[2]));

    // By target, and a filter it cannot read named at the top.
    let one = html(
        &mut admin,
        &format!(
            "/fi/admin/audit?target={}&action=association_verified",
            ids[1]
        ),
    )
    .await;
    assert!(one.contains("1 tapahtuma<"), "{one}");
    let bad = admin.get("/fi/admin/audit?from=eilen").await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("href=\"#field-from\""));
}

async fn only_administrators_open_the_admin_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, mut admin) = admin(&app).await;
    app.register_verified("aino@example.fi").await;
    let pages = [
        "/admin/claims",
        "/admin/counsellor-requests",
        "/admin/reports",
        "/admin/emails",
        "/admin/audit",
    ];
    // Signed out: the login page, coming back.
    let mut anonymous = Browser::new(&app);
    for path in pages {
        let response = anonymous.get(&format!("/fi{path}")).await;
        assert_eq!(response.status(), 303, "{path}");
        assert!(location(&response).starts_with("/fi/login?next="), "{path}");
    }
    // A volunteer: 403 on every page and every form.
    let mut aino = browser_for(&app, "aino@example.fi", PASSWORD).await;
    for path in pages {
        let response = aino.get(&format!("/en{path}")).await;
        assert_eq!(response.status(), 403, "{path}");
        assert!(
            response.text().await.unwrap().contains("Not allowed"),
            "{path}"
        );
    }
    let some = uuid::Uuid::now_v7();
    for action in [
        format!("/fi/admin/claims/{some}/approve"),
        format!("/fi/admin/counsellor-requests/{some}/approve"),
        format!("/fi/admin/counsellor-requests/{some}/revoke"),
        format!("/fi/admin/reports/{some}/close"),
        format!("/fi/admin/reports/suspend-association/{some}"),
        format!("/fi/admin/tasks/{some}/hide"),
        format!("/fi/admin/emails/{some}/retry"),
    ] {
        let response = submit(&mut aino, "/fi/me", &action, &[("reason", "x")]).await;
        assert_eq!(response.status(), 403, "{action}");
    }
    // The administrator's pages speak all three languages and link to one another.
    for lang in ["fi", "sv", "en"] {
        for path in pages {
            let page = html(&mut admin, &format!("/{lang}{path}")).await;
            assert!(!page.contains("Unknown localization"), "{lang}{path}");
            for other in pages {
                assert!(
                    page.contains(&format!("href=\"/{lang}{other}\"")),
                    "{lang}{path}"
                );
            }
        }
        let me = html(&mut admin, &format!("/{lang}/me")).await;
        for other in pages {
            assert!(
                me.contains(&format!("href=\"/{lang}{other}\"")),
                "{lang}/me"
            );
        }
        let mine = html(&mut aino, &format!("/{lang}/me/counsellor")).await;
        assert!(
            !mine.contains("Unknown localization"),
            "{lang}/me/counsellor"
        );
    }
}

/// An account's page (reached from the audit trail): suspending it ends its sessions and
/// its logins; lifting the suspension lets it in again; an administrator's own account
/// offers no suspension.
async fn an_account_is_suspended_and_reinstated_from_its_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let (token, mut browser) = admin(&app).await;
    let (volunteer, _) = app.signed_in("hairitsija@example.fi").await;
    let me = app.get_auth_ok("/api/v1/me", &volunteer).await;
    let id = me["id"].as_str().unwrap().to_owned();
    let page = format!("/fi/admin/users/{id}");
    let shown = html(&mut browser, &page).await;
    assert!(
        shown.contains(me["display_name"].as_str().unwrap()),
        "{shown}"
    );
    assert!(
        !shown.contains("hairitsija@example.fi"),
        "no address on the page"
    );
    let suspended = submit(&mut browser, &page, &format!("{page}/suspend"), &[]).await;
    assert_eq!(suspended.status(), 303);
    assert_eq!(location(&suspended), page);
    assert_eq!(app.get_auth("/api/v1/me", &volunteer).await.status(), 401);
    let login = app
        .post(
            "/api/v1/auth/login",
            &json!({ "email": "hairitsija@example.fi", "password": PASSWORD }),
        )
        .await;
    assert!(login.status().is_client_error(), "{}", login.status());
    // The audit trail links the account to this page.
    let trail = html(&mut browser, &format!("/fi/admin/audit?target={id}")).await;
    assert!(trail.contains(&format!("/fi/admin/users/{id}")), "{trail}");
    let reinstated = submit(&mut browser, &page, &format!("{page}/reinstate"), &[]).await;
    assert_eq!(reinstated.status(), 303);
    let login = app
        .post(
            "/api/v1/auth/login",
            &json!({ "email": "hairitsija@example.fi", "password": PASSWORD }),
        )
        .await;
    assert_eq!(login.status(), 200);
    // One's own account: no button to lock oneself out.
    let own = app.get_auth_ok("/api/v1/me", &token).await;
    let own_page = html(
        &mut browser,
        &format!("/fi/admin/users/{}", own["id"].as_str().unwrap()),
    )
    .await;
    assert!(!own_page.contains("/suspend\""), "{own_page}");
    // Not for anyone else.
    let mut other = browser_for(&app, "hairitsija@example.fi", PASSWORD).await;
    assert_eq!(other.get(&page).await.status(), 403);
}
