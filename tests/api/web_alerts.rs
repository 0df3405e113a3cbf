//! A young person's saved searches and follows in the browser: saved from the search
//! page, their alert changed, deleted; an association followed from its card and
//! unfollowed from the settings page (where every alert email's settings link lands).

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::signups_support::{crew, task};
use crate::web_client::{Browser, location};

async fn saved_searches_and_follows_are_kept_from_the_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "alerts").await;
    task(&app, &crew, "Rantasiivous", json!({})).await;
    let (token, _) = app.signed_in("nuori@example.fi").await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.log_in("nuori@example.fi").await.status(), 303);

    // Saved from the search page's own form, with the search's filters.
    let search = "/fi/tasks?q=rantasiivous&has_spots=true";
    let saved = browser
        .submit(search, "/me/saved-searches", &[("name", "Rannat")])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), "/fi/me/saved-searches");
    let list = app.get_auth_ok("/api/v1/me/saved-searches", &token).await;
    assert_eq!(list["items"][0]["name"], "Rannat");
    assert_eq!(list["items"][0]["filters"]["q"], "rantasiivous");
    assert_eq!(list["items"][0]["alert"], "daily");
    let id = list["items"][0]["id"].as_str().unwrap().to_owned();

    // Its alert changes on the settings page.
    let page = "/fi/me/saved-searches";
    let changed = browser
        .submit(
            page,
            &format!("/me/saved-searches/{id}/save"),
            &[("alert", "instant")],
        )
        .await;
    assert_eq!(changed.status(), 303);
    let list = app.get_auth_ok("/api/v1/me/saved-searches", &token).await;
    assert_eq!(list["items"][0]["alert"], "instant");
    let refused = browser
        .submit(
            page,
            &format!("/me/saved-searches/{id}/save"),
            &[("alert", "hourly")],
        )
        .await;
    assert_eq!(refused.status(), 422);

    // Followed from the card, back on the card; unfollowed from the settings page.
    let card = format!("/fi/associations/{}", crew.association);
    let followed = browser
        .submit(
            &card,
            &format!("/associations/{}/follow", crew.association),
            &[],
        )
        .await;
    assert_eq!(followed.status(), 303);
    assert_eq!(location(&followed), card);
    let follows = app.get_auth_ok("/api/v1/me/follows", &token).await;
    assert_eq!(follows["items"][0]["alerts"], true);
    let html = browser.get(page).await.text().await.unwrap();
    assert!(html.contains("Luontoseura alerts"), "{html}");
    let unfollowed = browser
        .submit(
            page,
            &format!("/associations/{}/unfollow", crew.association),
            &[],
        )
        .await;
    assert_eq!(unfollowed.status(), 303);
    let follows = app.get_auth_ok("/api/v1/me/follows", &token).await;
    assert_eq!(follows["items"].as_array().unwrap().len(), 0);

    // Deleted.
    let deleted = browser
        .submit(page, &format!("/me/saved-searches/{id}/delete"), &[])
        .await;
    assert_eq!(deleted.status(), 303);
    let list = app.get_auth_ok("/api/v1/me/saved-searches", &token).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 0);

    // Signed out, the page asks to log in first.
    let mut stranger = Browser::new(&app);
    let response = stranger.get(page).await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/fi/login"));
}

async fn the_record_s_sharing_and_reports_are_set_from_the_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "record").await;
    let id = task(&app, &crew, "Kirpputori", json!({})).await;
    let (token, _) = app.signed_in("nuori@example.fi").await;
    let mut browser = Browser::new(&app);
    assert_eq!(browser.log_in("nuori@example.fi").await.status(), 303);

    // Only the hours stay shared: the boxes as sent are the choice.
    let record = "/fi/me/record";
    let html = browser.get(record).await.text().await.unwrap();
    let mut fields = crate::web_client::form_fields(&html, "/me/record/sharing");
    assert_eq!(
        fields.len(),
        4,
        "the token and three ticked boxes: {fields:?}"
    );
    fields.retain(|(k, _)| k != "share_name" && k != "share_tasks");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = browser.post("/fi/me/record/sharing", &pairs).await;
    assert_eq!(saved.status(), 303);
    let mine = app.get_auth_ok("/api/v1/me/record", &token).await;
    let share = &mine["verification"]["share"];
    assert_eq!(
        (&share["name"], &share["tasks"], &share["hours"]),
        (&json!(false), &json!(false), &json!(true)),
        "{mine}"
    );
    // A new code replaces the old one.
    let old = mine["verification"]["code"].as_str().unwrap().to_owned();
    assert_eq!(
        browser
            .submit(record, "/me/record/code", &[])
            .await
            .status(),
        303
    );
    let mine = app.get_auth_ok("/api/v1/me/record", &token).await;
    assert_ne!(mine["verification"]["code"], old.as_str());
    assert_eq!(
        app.get(&format!("/api/v1/records/{old}")).await.status(),
        404
    );

    // Reporting a task from its page reaches the administrators' queue.
    let reported = browser
        .submit(
            &format!("/fi/tasks/{id}"),
            &format!("/tasks/{id}/report"),
            &[("reason", "asks_for_money"), ("details", "Pyytää maksua")],
        )
        .await;
    assert_eq!(reported.status(), 200);
    assert!(
        reported
            .text()
            .await
            .unwrap()
            .contains("Kiitos ilmoituksesta")
    );
    let admin = app.admin("yllapito-record@example.fi").await;
    let queue = app.get_auth_ok("/api/v1/admin/reports", &admin).await;
    assert_eq!(queue["items"][0]["reason"], "asks_for_money", "{queue}");
    // A reason the feature does not know is refused, naming the field.
    let mut anonymous = Browser::new(&app);
    let refused = anonymous
        .submit(
            &format!("/fi/associations/{}", crew.association),
            &format!("/associations/{}/report", crew.association),
            &[("reason", "boring")],
        )
        .await;
    assert_eq!(refused.status(), 422);
}

both_backends!(
    saved_searches_and_follows_are_kept_from_the_pages,
    the_record_s_sharing_and_reports_are_set_from_the_pages,
);
