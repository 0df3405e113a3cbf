//! Reminders and calendars (issue 13): accepted volunteers are reminded a day before a
//! fixed-time task, and the association gets the list of who is coming, once even with two
//! instances, never after a withdrawal or a cancellation, and at the new time when the
//! task moves; a volunteer's calendar feed (behind a token that can be replaced) and one
//! task's `.ics` parse as iCalendar.

use std::str::FromStr;

use chrono::Utc;
use icalendar::{Calendar, Component, EventLike};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};
use crate::signups_support::{CONTACT, crew, signed_up, task};

fn subjects_to(app: &TestApp, to: &str) -> Vec<String> {
    app.emails()
        .into_iter()
        .filter(|e| e.to == to)
        .map(|e| e.subject)
        .collect()
}

fn reminders_to(app: &TestApp, to: &str) -> usize {
    subjects_to(app, to)
        .iter()
        .filter(|s| s.starts_with("Muistutus"))
        .count()
}

fn rosters_to(app: &TestApp, to: &str) -> Vec<String> {
    app.emails()
        .into_iter()
        .filter(|e| e.to == to && e.subject.starts_with("Huomenna"))
        .map(|e| e.body)
        .collect()
}

/// A task starting `days` from now, automatic approval.
fn starting_in(days: i64) -> Value {
    let start = Utc::now() + chrono::Duration::days(days);
    json!({
        "starts_at": start.to_rfc3339(),
        "ends_at": (start + chrono::Duration::hours(3)).to_rfc3339(),
    })
}

async fn reminders_go_once_a_day_before_and_not_after_a_withdrawal_or_cancellation(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "muistutus").await;
    let v = app.volunteers("muistettava", 4, "2008-05-01").await;
    let kept = task(&app, &crew, "Siivoustalkoot", starting_in(3)).await;
    let cancelled = task(&app, &crew, "Peruttu retki", starting_in(3)).await;
    let moved = task(&app, &crew, "Siirretty retki", starting_in(3)).await;
    for who in &v[..2] {
        signed_up(&app, &who.token, &kept).await;
    }
    signed_up(&app, &v[2].token, &cancelled).await;
    signed_up(&app, &v[3].token, &moved).await;
    // v1 withdraws; the second task is cancelled; the third moves two days later.
    let signups = app.get_auth_ok("/api/v1/me/signups", &v[1].token).await;
    let withdraw = app
        .post_auth(
            &format!(
                "/api/v1/signups/{}/withdraw",
                signups["items"][0]["id"].as_str().unwrap()
            ),
            &v[1].token,
            &json!({}),
        )
        .await;
    assert_eq!(withdraw.status(), 200);
    let r = app
        .post_auth(
            &format!("/api/v1/tasks/{cancelled}/cancel"),
            &crew.owner,
            &json!({}),
        )
        .await;
    assert_eq!(r.status(), 200);
    let r = app
        .patch_auth(
            &format!("/api/v1/tasks/{moved}"),
            &crew.owner,
            &starting_in(5),
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());

    // A second instance runs its own scheduler on the same database and clock.
    let second = app.another_instance().await;
    app.settle().await;
    assert_eq!(reminders_to(&app, &v[0].email), 0, "not yet");

    // A day and a bit before the start: one reminder, one list of who is coming.
    app.advance_clock(chrono::Duration::days(2) + chrono::Duration::hours(1));
    app.settle().await;
    second.settle().await;
    let reminder = app
        .emails()
        .into_iter()
        .find(|e| e.to == v[0].email && e.subject.starts_with("Muistutus"))
        .expect("a reminder");
    assert!(
        reminder.body.contains("Siivoustalkoot"),
        "{}",
        reminder.body
    );
    assert!(reminder.body.contains("Lappeenranta"), "{}", reminder.body);
    assert!(
        reminder.body.contains(&format!("/tasks/{kept}")),
        "{}",
        reminder.body
    );
    let rosters = rosters_to(&app, CONTACT);
    assert_eq!(rosters.len(), 1, "{rosters:?}");
    assert!(rosters[0].contains("Vapaaehtoinen 0"), "{}", rosters[0]);
    assert!(!rosters[0].contains("Vapaaehtoinen 1"), "{}", rosters[0]);
    assert_eq!(reminders_to(&app, &v[1].email), 0, "withdrew");
    assert_eq!(reminders_to(&app, &v[2].email), 0, "cancelled");
    assert_eq!(reminders_to(&app, &v[3].email), 0, "moved later");

    // Time goes on: nobody is reminded twice; the moved task reminds at its new time.
    app.advance_clock(chrono::Duration::days(2));
    app.settle().await;
    second.settle().await;
    assert_eq!(reminders_to(&app, &v[0].email), 1);
    assert_eq!(
        rosters_to(&app, CONTACT).len(),
        2,
        "and one for the moved task"
    );
    assert_eq!(reminders_to(&app, &v[3].email), 1);
    assert_eq!(reminders_to(&app, &v[2].email), 0);
}

async fn a_calendar_feed_follows_accepted_tasks_behind_a_replaceable_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "kalenteri").await;
    let me = app
        .volunteers("kalenteroija", 1, "2008-05-01")
        .await
        .remove(0);
    let going = task(&app, &crew, "Rantasiivous", starting_in(4)).await;
    let called_off = task(&app, &crew, "Metsäretki", starting_in(5)).await;
    signed_up(&app, &me.token, &going).await;
    signed_up(&app, &me.token, &called_off).await;
    app.post_auth(
        &format!("/api/v1/tasks/{called_off}/cancel"),
        &crew.owner,
        &json!({}),
    )
    .await;

    let made = app
        .post_auth("/api/v1/me/calendar-token", &me.token, &json!({}))
        .await;
    assert_eq!(made.status(), 201);
    let url: String = made.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url[url.find("/api/v1/").unwrap()..].to_owned();
    // No login: a calendar app only has the URL.
    let feed = app.get(&path).await;
    assert_eq!(feed.status(), 200);
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = feed.text().await.unwrap();
    let calendar = Calendar::from_str(&text).expect("parses");
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 2, "{text}");
    let by_title = |title: &str| {
        *events
            .iter()
            .find(|e| e.get_summary() == Some(title))
            .expect(title)
    };
    let rantasiivous = by_title("Rantasiivous");
    assert_eq!(
        rantasiivous.get_uid(),
        Some(format!("task-{going}@talkoot").as_str())
    );
    assert!(
        rantasiivous
            .get_location()
            .unwrap()
            .contains("Lappeenranta")
    );
    assert!(
        rantasiivous
            .get_description()
            .unwrap()
            .contains("Luontoseura kalenteri")
    );
    assert!(rantasiivous.get_start().is_some() && rantasiivous.get_end().is_some());
    assert_eq!(
        by_title("Metsäretki").get_status(),
        Some(icalendar::EventStatus::Cancelled),
        "a cancelled task stays, struck out"
    );
    // Round trip: what the crate parsed writes out and parses to the same events.
    let again = Calendar::from_str(&calendar.to_string()).expect("parses again");
    assert_eq!(again.events().count(), 2);

    // A new token shuts the old URL; removing it shuts the feed.
    let renewed: Value = app
        .post_auth("/api/v1/me/calendar-token", &me.token, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(app.get(&path).await.status(), 404);
    let new_url = renewed["url"].as_str().unwrap();
    let new_path = &new_url[new_url.find("/api/v1/").unwrap()..];
    assert_eq!(app.get(new_path).await.status(), 200);
    assert_eq!(
        app.delete_auth("/api/v1/me/calendar-token", &me.token)
            .await
            .status(),
        204
    );
    assert_eq!(app.get(new_path).await.status(), 404);
    assert_eq!(
        app.get("/api/v1/me/calendar.ics?token=guess")
            .await
            .status(),
        404
    );
}

async fn one_public_task_downloads_as_ics(backend: Backend) {
    let app = spawn_app(backend).await;
    let crew = crew(&app, "ics").await;
    let id = task(&app, &crew, "Lumityöt", starting_in(2)).await;
    let r = app.get(&format!("/api/v1/tasks/{id}.ics")).await;
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    let calendar = Calendar::from_str(&text).expect("parses");
    let event = calendar.events().next().expect("one event");
    assert_eq!(event.get_summary(), Some("Lumityöt"));
    assert_eq!(event.get_status(), Some(icalendar::EventStatus::Confirmed));
    // A draft is nobody's business, and a task without a time has no event.
    let draft = app
        .draft_task(
            &crew.owner,
            &crew.association,
            crate::helpers::task_body("Luonnos", 3),
        )
        .await;
    assert_eq!(
        app.get(&format!("/api/v1/tasks/{draft}.ics"))
            .await
            .status(),
        404
    );
    let mut ongoing = crate::helpers::task_body("Jatkuva", 3);
    ongoing["schedule_type"] = json!("ongoing");
    ongoing["starts_at"] = Value::Null;
    ongoing["ends_at"] = Value::Null;
    let ongoing = app
        .published_task(&crew.owner, &crew.association, ongoing)
        .await;
    assert_eq!(
        app.get(&format!("/api/v1/tasks/{ongoing}.ics"))
            .await
            .status(),
        404
    );
    // The task itself is still at its own URL.
    assert_eq!(app.get(&format!("/api/v1/tasks/{id}")).await.status(), 200);
}

both_backends!(
    reminders_go_once_a_day_before_and_not_after_a_withdrawal_or_cancellation,
    a_calendar_feed_follows_accepted_tasks_behind_a_replaceable_token,
    one_public_task_downloads_as_ics,
);
