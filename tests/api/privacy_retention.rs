//! Retention: the daily sweep of the one scheduler removes what is no longer needed, each
//! thing after its own time (moved forward with the test clock); one sweep a day is left
//! however many instances run; and an index that slept through the feed's pruning is
//! rebuilt when it starts.

use chrono::Duration;
use diesel::prelude::*;
use serde_json::json;
use talkoot::db::schema::{
    association_invitations, audit_log, email_tokens, jobs, outbox, search_changes, sessions, users,
};
use talkoot::privacy::retention::next_sweep;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app, task_body};

const LATE: &str = "myohassa@example.fi";
const KEEPER: &str = "pysyva@example.fi";
const GUEST: &str = "vieras@example.fi";

/// The waiting sweeps' due times.
async fn sweeps(app: &TestApp) -> Vec<chrono::NaiveDateTime> {
    app.db(|conn| {
        jobs::table
            .filter(jobs::kind.eq("retention"))
            .order(jobs::run_at)
            .select(jobs::run_at)
            .load(conn)
            .unwrap()
    })
    .await
}

/// Moves the clock `days` forward and lets the sweep that came due run; afterwards the one
/// next sweep waits for the next half past two.
async fn days_pass(app: &TestApp, days: i64) {
    app.advance_clock(Duration::days(days));
    app.settle().await;
    assert_eq!(sweeps(app).await, [next_sweep(app.config.clock.now())]);
}

async fn account_exists(app: &TestApp, email: &'static str) -> bool {
    app.db(move |conn| {
        users::table
            .filter(users::email.eq(email))
            .count()
            .get_result::<i64>(conn)
            .unwrap()
            > 0
    })
    .await
}

/// (subject, body) of the emails to `email`.
async fn stored_emails(app: &TestApp, email: &'static str) -> Vec<(String, String)> {
    app.db(move |conn| {
        outbox::table
            .filter(outbox::recipient.eq(email))
            .select((outbox::subject, outbox::body_text))
            .load(conn)
            .unwrap()
    })
    .await
}

async fn revoked_sessions(app: &TestApp) -> i64 {
    app.db(|conn| {
        sessions::table
            .filter(sessions::revoked_at.is_not_null())
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

async fn retention_sweeps_each_thing_after_its_time(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(sweeps(&app).await, [next_sweep(app.config.clock.now())]);

    // Someone registers and never opens the link.
    assert_eq!(app.register(LATE, "2008-05-06").await.status(), 202);
    app.last_email_to(LATE, 1).await;
    // Someone else verifies, logs in twice, ends one session and mistypes a password.
    let (token, _) = app.signed_in(KEEPER).await;
    let (second, refresh) = app.tokens(KEEPER).await;
    let logout = app
        .post_auth(
            "/api/v1/auth/logout",
            &second,
            &json!({ "refresh_token": refresh }),
        )
        .await;
    assert_eq!(logout.status(), 204);
    assert_eq!(app.login(KEEPER, "not the password").await.status(), 401);
    // An association invites a guest, who never answers; a task is published.
    let admin = app.admin("koordinaattori@example.fi").await;
    let association = app
        .verified_association(&token, &admin, "Saimaan Partiolaiset", "405")
        .await;
    app.invite(&association, &token, GUEST, "editor").await;
    // Someone else's invitation to the never-verified address: the sweep of that account
    // must not take it (anyone can register an address that is not theirs).
    app.invite(&association, &token, LATE, "editor").await;
    app.published_task(&token, &association, task_body("Kevättalkoot", 120))
        .await;
    assert!(app.count("search_changes").await > 1);
    assert_eq!(app.count("login_throttle").await, 1);
    app.settle().await;

    // A day: nothing is old enough yet.
    days_pass(&app, 1).await;
    assert!(account_exists(&app, LATE).await);
    assert!(app.count("email_tokens").await >= 2);

    // Eight days: the unverified account is erased (by the service, in the audit trail),
    // used and expired links go, and so do the feed's old rows but its newest, and the
    // failed-login counter.
    days_pass(&app, 7).await;
    assert!(!account_exists(&app, LATE).await);
    let to_late = stored_emails(&app, LATE).await;
    assert_eq!(to_late.len(), 1, "only the invitation is left: {to_late:?}");
    assert_eq!(app.count("association_invitations").await, 2);
    let erased: Vec<(Option<String>, String)> = app
        .db(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("account_erased"))
                .select((audit_log::actor_id, audit_log::detail))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(erased, [(None, "address never verified".to_owned())]);
    assert!(account_exists(&app, KEEPER).await);
    let tokens_of_keeper: i64 = app
        .db(|conn| {
            email_tokens::table
                .inner_join(users::table)
                .filter(users::email.eq(KEEPER))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(tokens_of_keeper, 0);
    assert_eq!(app.count("search_changes").await, 1);
    assert_eq!(app.count("login_throttle").await, 0);
    // The ended session is still there to answer "was that me?"; bodies are kept a month.
    assert_eq!(revoked_sessions(&app).await, 1);
    let mails = stored_emails(&app, KEEPER).await;
    assert!(
        !mails.is_empty() && mails.iter().all(|(_, body)| !body.is_empty()),
        "{mails:?}"
    );

    // Thirty-one days: the ended session goes (the live one expired only a day ago and
    // stays); delivered emails keep their subject but lose their text; the invitations,
    // expired 17 days ago, stay.
    days_pass(&app, 23).await;
    assert_eq!(revoked_sessions(&app).await, 0);
    assert_eq!(app.count("sessions").await, 2);
    let mails = stored_emails(&app, KEEPER).await;
    assert!(!mails.is_empty());
    for (subject, body) in mails {
        assert!(!subject.is_empty());
        assert_eq!(body, "");
    }
    assert!(stored_emails(&app, GUEST).await[0].1.is_empty());
    assert_eq!(app.count("association_invitations").await, 2);

    // Sixty-one days: the expired sessions and the invitation are gone.
    days_pass(&app, 30).await;
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("refresh_tokens").await, 0);
    let invitations: i64 = app
        .db(|conn| {
            association_invitations::table
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(invitations, 0);
    // The task and the association are untouched.
    let listed = app.get_ok("/api/v1/tasks?q=kevättalkoot").await;
    assert_eq!(listed["items"].pluck("title"), ["Kevättalkoot"]);
}

async fn one_sweep_a_day_however_many_instances_run(backend: Backend) {
    let app = spawn_app(backend).await;
    let second = app.another_instance().await;
    let third = app.another_instance().await;
    assert_eq!(sweeps(&app).await, [next_sweep(app.config.clock.now())]);
    days_pass(&app, 1).await;
    days_pass(&second, 2).await;
    drop(third);
    // The retention settings of the last instance to start are the ones the sweep uses.
    let mut config = app.config.clone();
    let dir = tempfile::tempdir().unwrap();
    config.search_dir = dir.path().join("search");
    config.retention.unverified_account_days = 2;
    let fourth = TestApp::start_with(&app, config).await;
    let payloads: Vec<String> = fourth
        .db(|conn| {
            jobs::table
                .filter(jobs::kind.eq("retention"))
                .select(jobs::payload)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(payloads.len(), 1);
    assert!(payloads[0].contains(r#""unverified_account_days":2"#));
    assert_eq!(fourth.register(LATE, "2008-05-06").await.status(), 202);
    fourth.last_email_to(LATE, 1).await;
    days_pass(&fourth, 3).await;
    assert!(!account_exists(&fourth, LATE).await);
}

async fn an_index_that_slept_through_the_pruning_is_rebuilt(backend: Backend) {
    let mut app = spawn_app(backend).await;
    let admin = app.admin("koordinaattori@example.fi").await;
    let (owner, _) = app.signed_in(KEEPER).await;
    let association = app
        .verified_association(&owner, &admin, "Saimaan Partiolaiset", "405")
        .await;
    let first = app
        .published_task(&owner, &association, task_body("Rantasiivous", 120))
        .await;
    let second = app.another_instance().await;
    app.stop_gracefully().await.unwrap();

    // While the first instance is down, one task changes, then another; a week later the
    // first change is pruned from the feed (the newest row stays).
    let renamed = second
        .patch_auth(
            &format!("/api/v1/tasks/{first}"),
            &owner,
            &json!({ "title": "Metsäsiivous" }),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    second
        .published_task(&owner, &association, task_body("Kirpputori", 120))
        .await;
    days_pass(&second, 8).await;
    assert_eq!(second.count("search_changes").await, 1);
    let oldest: i64 = second
        .db(|conn| {
            search_changes::table
                .select(diesel::dsl::min(search_changes::seq))
                .first::<Option<i64>>(conn)
                .unwrap()
                .unwrap()
        })
        .await;
    assert!(oldest > 1);

    // Started again, the first instance sees both changes: it rebuilt its index.
    let mut config = app.config.clone();
    config.bind_addr = "127.0.0.1:0".into();
    let restarted = TestApp::start_with(&app, config).await;
    let mut titles = restarted.get_ok("/api/v1/tasks").await["items"].pluck("title");
    titles.sort();
    assert_eq!(titles, ["Kirpputori", "Metsäsiivous"]);
    assert!(
        restarted.get_ok("/api/v1/tasks?q=rantasiivous").await["items"]
            .pluck("title")
            .is_empty()
    );
}

both_backends!(
    retention_sweeps_each_thing_after_its_time,
    one_sweep_a_day_however_many_instances_run,
    an_index_that_slept_through_the_pruning_is_rebuilt,
);
