//! Alerts (issue 13): a newly listed task is checked against every alerting saved search
//! and noted for the followers of its association, once per source; daily digests batch a
//! day's matches into one email at the daily hour, instant ones go at once but at most a
//! few an hour; every alert email can be stopped with one click without logging in.

use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::db::schema::alert_matches;

use crate::both_backends;
use crate::helpers::{Backend, Email, TestApp, Volunteer, spawn_app};
use crate::signups_support::{Crew, crew, task};

const SAVED: &str = "/api/v1/me/saved-searches";

/// `(user email, source kind)` of every match, sorted.
async fn matches(app: &TestApp) -> Vec<(String, String, String)> {
    use talkoot::db::schema::users;
    let mut rows: Vec<(String, String, String)> = app
        .db(|conn| {
            alert_matches::table
                .inner_join(users::table)
                .select((
                    users::email,
                    alert_matches::source_kind,
                    alert_matches::task_id,
                ))
                .load(conn)
                .unwrap()
        })
        .await;
    rows.sort();
    rows
}

async fn save(app: &TestApp, who: &Volunteer, name: &str, filters: Value, alert: &str) -> String {
    let created = app
        .post_auth(
            SAVED,
            &who.token,
            &json!({ "name": name, "filters": filters, "alert": alert }),
        )
        .await;
    assert_eq!(created.status(), 201);
    created.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn emails_to(app: &TestApp, to: &str) -> Vec<Email> {
    app.emails().into_iter().filter(|e| e.to == to).collect()
}

/// The `token=` of the unsubscribe link after `after` in an email body.
fn unsubscribe_token(body: &str, after: &str) -> String {
    let from = body.find(after).expect("the section");
    let rest = &body[from..];
    let start = rest.find("unsubscribe?token=").expect("a link") + "unsubscribe?token=".len();
    rest[start..].split_whitespace().next().unwrap().to_owned()
}

async fn people(app: &TestApp) -> (Crew, Vec<Volunteer>) {
    let crew = crew(app, "alerts").await;
    let volunteers = app.volunteers("seuraaja", 5, "2008-05-01").await;
    (crew, volunteers)
}

async fn a_listed_task_alerts_each_matching_search_and_follower_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (crew, v) = people(&app).await;
    // v0: daily search that matches; v1: daily search that does not; v2: follows the
    // association; v3: a matching search with alerts off; v4: an instant search.
    save(
        &app,
        &v[0],
        "Luonto Lappeenrannassa",
        json!({ "municipality": "405", "category": ["environment"] }),
        "daily",
    )
    .await;
    save(
        &app,
        &v[1],
        "Koirat",
        json!({ "q": "koiranulkoilutus" }),
        "daily",
    )
    .await;
    let followed = app
        .post_auth(
            &format!("/api/v1/associations/{}/follow", crew.association),
            &v[2].token,
            &json!({}),
        )
        .await;
    assert_eq!(followed.status(), 204);
    save(&app, &v[3], "Hiljaa", json!({ "region": "09" }), "off").await;
    let instant = save(
        &app,
        &v[4],
        "Heti",
        json!({ "q": "rantasiivous" }),
        "instant",
    )
    .await;

    let first = task(&app, &crew, "Rantasiivous Saimaalla", json!({})).await;
    app.settle().await;
    let found = matches(&app).await;
    assert_eq!(
        found,
        [
            (v[0].email.clone(), "saved_search".to_owned(), first.clone()),
            (v[2].email.clone(), "follow".to_owned(), first.clone()),
            (v[4].email.clone(), "saved_search".to_owned(), first.clone()),
        ]
    );

    // Instant: at once, with the one-click headers (RFC 8058) and the link in the body.
    let email = app.last_email_to(&v[4].email, 1).await;
    assert!(
        email.body.contains("Rantasiivous Saimaalla"),
        "{}",
        email.body
    );
    assert!(
        email.body.contains(&format!("/tasks/{first}")),
        "{}",
        email.body
    );
    assert!(email.body.contains("Heti"), "{}", email.body);
    let header = email.list_unsubscribe.clone().expect("List-Unsubscribe");
    assert!(header.starts_with('<') && header.ends_with('>'), "{header}");
    assert!(header.contains("/api/v1/unsubscribe?token="), "{header}");
    assert_eq!(
        email.list_unsubscribe_post.as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    // Daily: nothing yet.
    assert!(emails_to(&app, &v[0].email).is_empty());
    assert!(emails_to(&app, &v[2].email).is_empty());

    // A second task the same day: the daily digests will carry both.
    let second = task(&app, &crew, "Metsäretki ja rantasiivous", json!({})).await;
    app.settle().await;
    assert_eq!(matches(&app).await.len(), 6);
    app.emails_to(&v[4].email, 2).await;
    assert!(emails_to(&app, &v[0].email).is_empty());

    // Listed again (closed, published again): no one is told twice.
    for step in ["close", "publish"] {
        let r = app
            .post_auth(
                &format!("/api/v1/tasks/{first}/{step}"),
                &crew.owner,
                &json!({}),
            )
            .await;
        assert_eq!(r.status(), 200);
    }
    app.settle().await;
    assert_eq!(matches(&app).await.len(), 6);

    // The daily hour passes: one email each, with both tasks.
    app.advance_clock(chrono::Duration::hours(25));
    app.settle().await;
    for who in [&v[0], &v[2]] {
        let got = app.emails_to(&who.email, 1).await;
        assert_eq!(got.len(), 1, "{got:?}");
        let body = &got[0].body;
        assert!(got[0].subject.contains('2'), "{}", got[0].subject);
        for id in [&first, &second] {
            assert!(body.contains(&format!("/tasks/{id}")), "{body}");
        }
        assert!(got[0].list_unsubscribe.is_some());
    }
    assert!(emails_to(&app, &v[1].email).is_empty());
    assert!(emails_to(&app, &v[3].email).is_empty());
    assert_eq!(
        emails_to(&app, &v[4].email).len(),
        2,
        "instant matches are not sent again in a daily digest"
    );
    // Everything is marked sent, and nothing more is due.
    let unsent: i64 = app
        .db(|conn| {
            alert_matches::table
                .filter(alert_matches::sent_at.is_null())
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(unsent, 0);
    app.advance_clock(chrono::Duration::hours(25));
    app.settle().await;
    assert_eq!(emails_to(&app, &v[0].email).len(), 1);

    // Deleting the instant search: a later task matches nothing of it.
    let deleted = app
        .delete_auth(&format!("{SAVED}/{instant}"), &v[4].token)
        .await;
    assert_eq!(deleted.status(), 204);
    let third = task(&app, &crew, "Kolmas rantasiivous", json!({})).await;
    app.settle().await;
    let found = matches(&app).await;
    assert!(
        found
            .iter()
            .any(|(e, _, t)| *e == v[0].email && *t == third)
    );
    assert!(
        !found
            .iter()
            .any(|(e, _, t)| *e == v[4].email && *t == third)
    );
}

async fn one_click_unsubscribe_needs_no_login_and_cannot_be_forged(backend: Backend) {
    let app = spawn_app(backend).await;
    let (crew, v) = people(&app).await;
    let search = save(&app, &v[0], "Kaikki", json!({}), "instant").await;
    app.post_auth(
        &format!("/api/v1/associations/{}/follow", crew.association),
        &v[0].token,
        &json!({}),
    )
    .await;
    task(&app, &crew, "Talkoot", json!({})).await;
    app.settle().await;
    let instant = app.last_email_to(&v[0].email, 1).await;
    let token = unsubscribe_token(&instant.body, "Kaikki");

    // GET only shows what would stop (a link scanner stops nothing).
    let page = app.get(&format!("/api/v1/unsubscribe?token={token}")).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Kaikki") && html.contains("<form method=\"post\""),
        "{html}"
    );
    let listed = app.get_auth_ok(SAVED, &v[0].token).await;
    assert_eq!(listed["items"][0]["alert"], "instant");

    // A forged or altered token leads nowhere, and changes nothing.
    let mut forged = token.clone();
    forged.replace_range(2..3, if &token[2..3] == "0" { "1" } else { "0" });
    for bad in [forged.as_str(), "s:x.AAAAAAAAAAAAAAAAAAAAAA", "nonsense"] {
        let r = app
            .client
            .post(app.url(&format!("/api/v1/unsubscribe?token={bad}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{bad}");
    }

    // The mail client's one-click POST (RFC 8058), twice: the search stays, silent.
    for _ in 0..2 {
        let r = app
            .client
            .post(app.url(&format!("/api/v1/unsubscribe?token={token}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let listed = app.get_auth_ok(SAVED, &v[0].token).await;
    assert_eq!(listed["items"][0]["id"], search.as_str());
    assert_eq!(listed["items"][0]["alert"], "off");

    // The follow's daily digest: its header stops the follow's emails, the follow stays.
    app.advance_clock(chrono::Duration::hours(25));
    app.settle().await;
    let digest = app.last_email_to(&v[0].email, 2).await;
    assert!(
        digest.body.contains("Luontoseura alerts"),
        "{}",
        digest.body
    );
    let header = digest.list_unsubscribe.clone().expect("header");
    let url = header.trim_start_matches('<').trim_end_matches('>');
    let path = &url[url.find("/api/v1/").unwrap()..];
    let r = app.client.post(app.url(path)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let follows = app.get_auth_ok("/api/v1/me/follows", &v[0].token).await;
    assert_eq!(follows["items"][0]["alerts"], false);

    // Nothing alerts any more.
    let before = matches(&app).await.len();
    task(&app, &crew, "Toiset talkoot", json!({})).await;
    app.settle().await;
    assert_eq!(matches(&app).await.len(), before);
    // Following again turns the emails back on.
    app.post_auth(
        &format!("/api/v1/associations/{}/follow", crew.association),
        &v[0].token,
        &json!({}),
    )
    .await;
    let follows = app.get_auth_ok("/api/v1/me/follows", &v[0].token).await;
    assert_eq!(follows["items"][0]["alerts"], true);
}

async fn instant_alerts_are_limited_to_a_few_an_hour(backend: Backend) {
    let app = spawn_app(backend).await;
    let (crew, v) = people(&app).await;
    save(&app, &v[0], "Kaikki", json!({}), "instant").await;
    for i in 1..=3 {
        task(&app, &crew, &format!("Tehtävä {i}"), json!({})).await;
        app.emails_to(&v[0].email, i).await;
    }
    task(&app, &crew, "Tehtävä 4", json!({})).await;
    app.settle().await;
    assert_eq!(emails_to(&app, &v[0].email).len(), 3, "the fourth waits");
    app.advance_clock(chrono::Duration::minutes(61));
    app.settle().await;
    let got = app.emails_to(&v[0].email, 4).await;
    assert!(got[3].body.contains("Tehtävä 4"), "{}", got[3].body);
}

both_backends!(
    a_listed_task_alerts_each_matching_search_and_follower_once,
    one_click_unsubscribe_needs_no_login_and_cannot_be_forged,
    instant_alerts_are_limited_to_a_few_an_hour,
);
