//! An association member's pages over HTTP, as a browser uses them: editing a task and
//! the card (a stale edit shows what changed instead of overwriting it), services,
//! members and invitations, the participant list, the record check and feedback.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::signups_support::{act, crew, move_dates, signed_up, task};
use crate::web_client::{Browser, location};

/// An owner's browser, signed in.
async fn owner_browser(app: &crate::helpers::TestApp, email: &str) -> Browser {
    let mut browser = Browser::new(app);
    assert_eq!(browser.log_in(email).await.status(), 303);
    browser
}

async fn a_stale_task_edit_shows_what_changed_instead_of_overwriting(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "edit").await;
    let id = task(&app, &crew, "Rantasiivous", json!({})).await;
    let mut browser = owner_browser(&app, &crew.owner_email).await;
    let edit = format!("/fi/manage/tasks/{id}/edit");
    let action = format!("/manage/tasks/{id}/edit");

    // A plain edit saves and goes back to the task.
    let before = app.get_ok(&format!("/api/v1/tasks/{id}")).await;
    let saved = browser
        .submit(&edit, &action, &[("title", "Rantasiivous ja grilli")])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), format!("/fi/manage/tasks/{id}"));
    let api = app.get_ok(&format!("/api/v1/tasks/{id}")).await;
    assert_eq!(api["title"], "Rantasiivous ja grilli");
    // The other fields are kept as they were (the form is filled with the task).
    for field in ["description", "min_age", "categories", "municipality"] {
        assert_eq!(api[field], before[field], "{field}");
    }
    // Times are typed to the minute.
    let minute = |v: &serde_json::Value| v.as_str().unwrap()[..16].to_owned();
    assert_eq!(minute(&api["starts_at"]), minute(&before["starts_at"]));

    // Someone else changes the spots while this editor has the form open.
    let html = browser.get(&edit).await.text().await.unwrap();
    let mut fields = crate::web_client::form_fields(&html, &action);
    let patched = app
        .patch_auth(
            &format!("/api/v1/tasks/{id}"),
            &crew.owner,
            &json!({ "spots": 9 }),
        )
        .await;
    assert_eq!(patched.status(), 200);
    fields.retain(|(k, _)| k != "title");
    fields.push(("title".into(), "Kolmas otsikko".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let stale = browser.post(&format!("/fi{action}"), &pairs).await;
    assert_eq!(stale.status(), 409);
    let page = stale.text().await.unwrap();
    assert!(page.contains("Joku muu muutti"), "{page}");
    let row = &page[page
        .find("<th scope=\"row\">Paikkoja</th>")
        .expect("spots listed")..];
    assert!(
        row[..row.find("</tr>").unwrap()].ends_with("<td>9</td>"),
        "{row}"
    );
    assert!(
        page.contains("Kolmas otsikko"),
        "the editor's input is kept"
    );
    let api = app.get_ok(&format!("/api/v1/tasks/{id}")).await;
    assert_eq!(
        api["title"], "Rantasiivous ja grilli",
        "nothing was overwritten"
    );
    assert_eq!(api["spots"], 9);

    // Saving again from the page that showed the change is a decision: it saves.
    let fields = crate::web_client::form_fields(&page, &action);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let again = browser.post(&format!("/fi{action}"), &pairs).await;
    assert_eq!(again.status(), 303);
    let api = app.get_ok(&format!("/api/v1/tasks/{id}")).await;
    assert_eq!(api["title"], "Kolmas otsikko");
    assert_eq!(
        api["spots"], 9,
        "the other editor's change to a field left alone stays"
    );

    // A change outside the form's fields (publishing moved the version) is no conflict.
    let html = browser.get(&edit).await.text().await.unwrap();
    let fields = crate::web_client::form_fields(&html, &action);
    let closed = app
        .post_auth(
            &format!("/api/v1/tasks/{id}/close"),
            &crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(closed.status(), 200);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        browser.post(&format!("/fi{action}"), &pairs).await.status(),
        303
    );

    // A stranger gets no form.
    let (_, _) = app.signed_in("vieras@example.fi").await;
    let mut stranger = owner_browser(&app, "vieras@example.fi").await;
    assert_eq!(stranger.get(&edit).await.status(), 403);
}

async fn a_stale_card_edit_lists_the_other_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "card").await;
    let id = crew.association.clone();
    let mut browser = owner_browser(&app, &crew.owner_email).await;
    let edit = format!("/sv/manage/associations/{id}/card");
    let action = format!("/manage/associations/{id}/card");
    let saved = browser
        .submit(
            &edit,
            &action,
            &[("summary", "Vi städar stränder"), ("founding_year", "1987")],
        )
        .await;
    assert_eq!(saved.status(), 303);
    let card = app.get_ok(&format!("/api/v1/associations/{id}")).await;
    assert_eq!(card["summary"], "Vi städar stränder");
    assert_eq!(card["founding_year"], 1987);
    assert_eq!(
        card["email"],
        crate::signups_support::CONTACT,
        "kept as it was"
    );

    let html = browser.get(&edit).await.text().await.unwrap();
    let mut fields = crate::web_client::form_fields(&html, &action);
    let patched = app
        .patch_auth(
            &format!("/api/v1/associations/{id}"),
            &crew.owner,
            &json!({ "summary": "Någon annans text" }),
        )
        .await;
    assert_eq!(patched.status(), 200);
    fields.retain(|(k, _)| k != "summary");
    fields.push(("summary".into(), "Min text".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let stale = browser.post(&format!("/sv{action}"), &pairs).await;
    assert_eq!(stale.status(), 409);
    let page = stale.text().await.unwrap();
    assert!(page.contains("Någon annan ändrade"), "{page}");
    assert!(
        page.contains("Vi städar stränder") && page.contains("Någon annans text"),
        "{page}"
    );
    let card = app.get_ok(&format!("/api/v1/associations/{id}")).await;
    assert_eq!(card["summary"], "Någon annans text");

    // A refused field is named on the form, and nothing is written.
    let refused = browser
        .submit(&edit, &action, &[("founding_year", "förr")])
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("#field-founding_year")
    );
    let card = app.get_ok(&format!("/api/v1/associations/{id}")).await;
    assert_eq!(card["founding_year"], 1987, "nothing was written");
}

async fn members_manage_services_and_invite_others(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "members").await;
    let id = crew.association.clone();
    let mut browser = owner_browser(&app, &crew.owner_email).await;
    let services = format!("/fi/manage/associations/{id}/services");
    let added = browser
        .submit(
            &services,
            &format!("/manage/associations/{id}/services"),
            &[("name", "Lainaamo"), ("price", "")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let list = app
        .get_ok(&format!("/api/v1/associations/{id}/services"))
        .await;
    assert_eq!(list["items"][0]["name"], "Lainaamo");
    let service = list["items"][0]["id"].as_str().unwrap().to_owned();
    let renamed = browser
        .submit(
            &services,
            &format!("/manage/associations/{id}/services/{service}/save"),
            &[("name", "Välinelainaamo")],
        )
        .await;
    assert_eq!(renamed.status(), 303);
    let list = app
        .get_ok(&format!("/api/v1/associations/{id}/services"))
        .await;
    assert_eq!(list["items"][0]["name"], "Välinelainaamo");
    // The renamed service is found in the services search (a counsellor's page).
    let found = browser
        .get("/fi/services?q=v%C3%A4linelainaamo&free=true")
        .await;
    assert_eq!(found.status(), 200);
    let html = found.text().await.unwrap();
    assert!(html.contains("Välinelainaamo") && html.contains("Luontoseura members"));
    let refused = browser.get("/fi/services?municipality=999").await;
    assert_eq!(refused.status(), 422);
    let removed = browser
        .submit(
            &services,
            &format!("/manage/associations/{id}/services/{service}/delete"),
            &[],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let list = app
        .get_ok(&format!("/api/v1/associations/{id}/services"))
        .await;
    assert_eq!(list["total"], 0);

    // Invitations: the email is really delivered, the invitation is listed.
    let members = format!("/fi/manage/associations/{id}/members");
    let invited = browser
        .submit(
            &members,
            &format!("/manage/associations/{id}/members"),
            &[("email", "Uusi.Jasen@example.fi"), ("role", "editor")],
        )
        .await;
    assert_eq!(invited.status(), 303);
    let page = browser.get(location(&invited)).await.text().await.unwrap();
    assert!(page.contains("uusi.jasen@example.fi"), "{page}");
    let mail = app
        .emails()
        .into_iter()
        .find(|e| e.to == "uusi.jasen@example.fi");
    let mail = match mail {
        Some(m) => m,
        None => {
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            app.emails()
                .into_iter()
                .find(|e| e.to == "uusi.jasen@example.fi")
                .expect("the invitation was delivered")
        }
    };
    assert!(mail.body.contains("/invitations?token="));
    // A bad address is named on the form.
    let refused = browser
        .submit(
            &members,
            &format!("/manage/associations/{id}/members"),
            &[("email", "ei-osoite")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("#field-email"));

    // An editor joins through the API; the owner makes them an owner, then removes them.
    let (editor, _) = app.signed_in("muokkaaja@example.fi").await;
    let invite = app
        .post_auth(
            &format!("/api/v1/associations/{id}/members"),
            &crew.owner,
            &json!({ "email": "muokkaaja@example.fi", "role": "editor" }),
        )
        .await;
    assert_eq!(invite.status(), 202);
    let mine = app.get_auth_ok("/api/v1/me/invitations", &editor).await;
    let invitation = mine["items"][0]["id"].as_str().unwrap().to_owned();
    let accepted = app
        .post_auth(
            &format!("/api/v1/me/invitations/{invitation}/accept"),
            &editor,
            &json!({}),
        )
        .await;
    assert!(accepted.status().is_success(), "{}", accepted.status());
    let list = app
        .get_auth_ok(&format!("/api/v1/associations/{id}/members"), &crew.owner)
        .await;
    let editor_id = list["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == "muokkaaja@example.fi")
        .expect("the editor is a member")["user_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let promoted = browser
        .submit(
            &members,
            &format!("/manage/associations/{id}/members/{editor_id}/role"),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(promoted.status(), 303);
    let list = app
        .get_auth_ok(&format!("/api/v1/associations/{id}/members"), &crew.owner)
        .await;
    let roles: Vec<&str> = list["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["owner", "owner"]);
    let removed = browser
        .submit(
            &members,
            &format!("/manage/associations/{id}/members/{editor_id}/remove"),
            &[],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let list = app
        .get_auth_ok(&format!("/api/v1/associations/{id}/members"), &crew.owner)
        .await;
    assert_eq!(list["members"].as_array().unwrap().len(), 1);
}

async fn the_participant_list_record_check_and_feedback_work_from_the_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "list").await;
    let id = task(
        &app,
        &crew,
        "Leirin ohjaaja",
        json!({ "criminal_record_check": true, "approval_mode": "manual" }),
    )
    .await;
    let (volunteer, _) = app.signed_in("vapaaehtoinen@example.fi").await;
    let signup = signed_up(&app, &volunteer, &id).await;
    let signup_id = signup["id"].as_str().unwrap().to_owned();
    let mut browser = owner_browser(&app, &crew.owner_email).await;
    let manage = format!("/fi/manage/tasks/{id}");

    // The record check: the day only.
    // A day in the future is refused; then the form records today.
    let future = browser
        .submit(
            &manage,
            &format!("/manage/signups/{signup_id}/record-check"),
            &[("seen_on", "2999-01-01")],
        )
        .await;
    assert_eq!(future.status(), 422);
    assert!(
        future
            .text()
            .await
            .unwrap()
            .contains("Päivä ei voi olla tulevaisuudessa.")
    );
    let checked = browser
        .submit(
            &manage,
            &format!("/manage/signups/{signup_id}/record-check"),
            &[],
        )
        .await;
    assert_eq!(checked.status(), 303);
    let seen = app
        .get_auth_ok(&format!("/api/v1/signups/{signup_id}"), &crew.owner)
        .await;
    assert!(seen["record_check"]["seen_on"].is_string(), "{seen}");

    let accepted = act(&app, &crew.owner, &signup, "accept").await;
    assert_eq!(accepted.status(), 200);

    // The printable list names the accepted volunteer and the check.
    let list = browser
        .get(&format!("/fi/manage/tasks/{id}/participants"))
        .await;
    assert_eq!(list.status(), 200);
    let html = list.text().await.unwrap();
    assert!(html.contains("vapaaehtoinen@example.fi"), "{html}");
    assert!(html.contains("Yksi osallistuja"), "{html}");

    // Completed: both sides leave feedback from their pages.
    move_dates(&app, &id, chrono::Duration::days(-8)).await;
    let completed = browser
        .submit(
            &manage,
            &format!("/manage/signups/{signup_id}/complete"),
            &[("hours", "3")],
        )
        .await;
    assert_eq!(completed.status(), 303);
    let given = browser
        .submit(
            &manage,
            &format!("/signups/{signup_id}/feedback"),
            &[("rating", "5"), ("comment", "Kiitos avusta!")],
        )
        .await;
    assert_eq!(given.status(), 303);
    assert_eq!(location(&given), manage);
    let mut volunteer_browser = owner_browser(&app, "vapaaehtoinen@example.fi").await;
    let mine = volunteer_browser
        .get("/fi/me/signups")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        mine.contains("Kiitos avusta!"),
        "the association's comment shows"
    );
    let answered = volunteer_browser
        .submit(
            "/fi/me/signups",
            &format!("/signups/{signup_id}/feedback"),
            &[("rating", "4")],
        )
        .await;
    assert_eq!(answered.status(), 303);
    assert_eq!(location(&answered), "/fi/me/signups");
    let view = app
        .get_auth_ok(&format!("/api/v1/signups/{signup_id}"), &volunteer)
        .await;
    assert_eq!(view["feedback"]["mine"]["rating"], 4);
}

both_backends!(
    a_stale_task_edit_shows_what_changed_instead_of_overwriting,
    a_stale_card_edit_lists_the_other_change,
    members_manage_services_and_invite_others,
    the_participant_list_record_check_and_feedback_work_from_the_pages,
);
