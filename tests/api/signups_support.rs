//! Shared set-up of the sign-up tests: an association with an owner and a contact
//! address, tasks of each kind, and the database's own count of accepted sign-ups.

use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{JsonExt, TestApp, task_body};

/// The public contact address every test association gets.
pub const CONTACT: &str = "info@luontoseura.example.fi";

/// A verified association and its owner.
pub struct Crew {
    pub owner: String,
    pub owner_email: String,
    pub association: String,
}

/// An owner, a verified association with a contact address, and (if asked) an editor.
pub async fn crew(app: &TestApp, tag: &str) -> Crew {
    let admin = app.admin(&format!("admin-{tag}@example.fi")).await;
    let owner_email = format!("omistaja-{tag}@example.fi");
    let (owner, _) = app.signed_in(&owner_email).await;
    let association = app
        .verified_association(&owner, &admin, &format!("Luontoseura {tag}"), "405")
        .await;
    let patched = app
        .patch_auth(
            &format!("/api/v1/associations/{association}"),
            &owner,
            &json!({ "email": CONTACT }),
        )
        .await;
    assert_eq!(patched.status(), 200);
    Crew {
        owner,
        owner_email,
        association,
    }
}

/// A published task with these sign-up settings; returns its id.
pub async fn task(app: &TestApp, crew: &Crew, title: &str, settings: Value) -> String {
    let mut body = task_body(title, 7);
    for (key, value) in settings.as_object().expect("object") {
        body[key] = value.clone();
    }
    app.published_task(&crew.owner, &crew.association, body)
        .await
}

/// `POST /tasks/{id}/signups` with an optional message.
pub async fn sign_up(app: &TestApp, token: &str, task: &str) -> reqwest::Response {
    app.post_auth(&format!("/api/v1/tasks/{task}/signups"), token, &json!({}))
        .await
}

/// Signs up and returns the created sign-up, asserting 201.
pub async fn signed_up(app: &TestApp, token: &str, task: &str) -> Value {
    let response = sign_up(app, token, task).await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

/// `POST /signups/{id}/{action}`.
pub async fn act(app: &TestApp, token: &str, signup: &Value, action: &str) -> reqwest::Response {
    let id = signup.id();
    let body = if action == "complete" {
        json!({ "hours": 3.5 })
    } else {
        json!({})
    };
    app.post_auth(&format!("/api/v1/signups/{id}/{action}"), token, &body)
        .await
}

/// A sign-up as `token` sees it now (`GET /signups/{id}`, whatever the status).
pub async fn reloaded(app: &TestApp, token: &str, signup: &Value) -> Value {
    app.get_auth(&format!("/api/v1/signups/{}", signup.id()), token)
        .await
        .json()
        .await
        .unwrap()
}

/// The sign-ups of a task by state, counted in the database, and the task's own
/// `accepted_count` (which the CHECK constraint bounds by `spots`).
pub async fn counted(app: &TestApp, task: &str) -> (Vec<(String, i64)>, i32) {
    use talkoot::db::schema::{signups, tasks};
    let task = task.to_owned();
    app.db(move |conn| {
        let by_state: Vec<(String, i64)> = signups::table
            .filter(signups::task_id.eq(&task))
            .group_by(signups::status)
            .select((signups::status, diesel::dsl::count_star()))
            .order(signups::status)
            .load(conn)
            .expect("count");
        let kept: i32 = tasks::table
            .find(&task)
            .select(tasks::accepted_count)
            .first(conn)
            .expect("task");
        (by_state, kept)
    })
    .await
}

/// How many sign-ups of a task are in `state`, per the database.
pub async fn in_state(app: &TestApp, task: &str, state: &str) -> i64 {
    counted(app, task)
        .await
        .0
        .into_iter()
        .find(|(s, _)| s == state)
        .map_or(0, |(_, n)| n)
}

/// Waits for an email to `to` whose subject is `subject` and returns its body.
pub async fn email_with_subject(app: &TestApp, to: &str, subject: &str) -> String {
    for _ in 0..150 {
        if let Some(found) = app
            .emails()
            .into_iter()
            .find(|e| e.to == to && e.subject == subject)
        {
            return found.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let seen: Vec<(String, String)> = app
        .emails()
        .into_iter()
        .map(|e| (e.to, e.subject))
        .collect();
    panic!("no email to {to} with subject {subject:?}; delivered: {seen:?}");
}

/// Moves a task's start, end and deadline by `by` in the database, as time passing would:
/// eight days back makes a task of [`task`] (a week ahead, three hours long) one that
/// started yesterday and is over, so that its sign-ups can be completed.
pub async fn move_dates(app: &TestApp, task: &str, by: chrono::Duration) {
    use talkoot::db::schema::tasks;
    let task = task.to_owned();
    app.db(move |conn| {
        type Dates = (
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
            Option<chrono::NaiveDateTime>,
        );
        let (start, end, deadline): Dates = tasks::table
            .find(&task)
            .select((
                tasks::starts_at,
                tasks::ends_at,
                tasks::application_deadline,
            ))
            .first(conn)
            .expect("task");
        diesel::update(tasks::table.find(&task))
            .set((
                tasks::starts_at.eq(start.map(|t| t + by)),
                tasks::ends_at.eq(end.map(|t| t + by)),
                tasks::application_deadline.eq(deadline.map(|t| t + by)),
            ))
            .execute(conn)
            .expect("move the dates");
    })
    .await;
}

/// A member (`member`) completes a sign-up of a task that is over with two hours, and its
/// volunteer (`volunteer`) gives five stars and `comment`.
pub async fn complete_with_feedback(
    app: &TestApp,
    member: &str,
    volunteer: &str,
    signup: &str,
    comment: &str,
) {
    let completed = app
        .post_auth(
            &format!("/api/v1/signups/{signup}/complete"),
            member,
            &json!({ "hours": 2 }),
        )
        .await;
    assert_eq!(
        completed.status(),
        200,
        "{}",
        completed.text().await.unwrap()
    );
    let feedback = app
        .post_auth(
            &format!("/api/v1/signups/{signup}/feedback"),
            volunteer,
            &json!({ "rating": 5, "comment": comment }),
        )
        .await;
    assert_eq!(feedback.status(), 200);
}
