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

both_backends!(saved_searches_and_follows_are_kept_from_the_pages);
