//! The job scheduler: a job runs once, even with two instances on one database; a job that
//! fails is kept and retried, and after a day kept as `failed`; neither stops the others.

use std::time::Duration;

use chrono::Utc;
use diesel::prelude::*;
use serde_json::json;
use talkoot::db::schema::jobs;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

/// `(kind, status, attempts, last_error)` of every job row, by kind, but the daily
/// retention sweep that always waits (privacy_retention.rs tests it).
async fn job_rows(app: &TestApp) -> Vec<(String, String, i32, Option<String>)> {
    app.db(|conn| {
        jobs::table
            .filter(jobs::kind.ne("retention"))
            .order(jobs::kind.asc())
            .select((jobs::kind, jobs::status, jobs::attempts, jobs::last_error))
            .load(conn)
            .unwrap()
    })
    .await
}

/// Writes a job row straight into the table, as a bug or a newer release could leave it,
/// `age_hours` old and first due now (`first_due`) or, like rows from before that column,
/// without a first due time.
async fn insert_job(
    app: &TestApp,
    kind: &'static str,
    payload: &'static str,
    age_hours: i64,
    first_due: bool,
) {
    app.db(move |conn| {
        let created = Utc::now().naive_utc() - chrono::Duration::hours(age_hours);
        diesel::insert_into(jobs::table)
            .values((
                jobs::id.eq(uuid::Uuid::now_v7().to_string()),
                jobs::kind.eq(kind),
                jobs::payload.eq(payload),
                jobs::status.eq("pending"),
                jobs::attempts.eq(0),
                jobs::run_at.eq(Utc::now().naive_utc()),
                jobs::created_at.eq(created),
                jobs::first_due_at.eq(first_due.then(|| Utc::now().naive_utc())),
            ))
            .execute(conn)
            .unwrap();
    })
    .await;
}

async fn failing_jobs_are_retried_then_kept_and_others_still_run(backend: Backend) {
    let app = spawn_app(backend).await;
    // Unknown to this build: retried (a newer instance may know it).
    insert_job(&app, "from_a_newer_release", "{}", 0, true).await;
    // A payload that does not parse, a day old: one more try, then kept as failed.
    insert_job(&app, "password_reset", "not json", 25, false).await;
    // Written a month ago but due only now (a referral's expiry): its first failure is
    // retried, since the day of retries counts from when it came due.
    insert_job(&app, "referral_expiry", "not json", 24 * 30, true).await;

    // The test configuration retries after 0.2 s, doubling up to 1 s.
    let mut rows = Vec::new();
    for _ in 0..100 {
        rows = job_rows(&app).await;
        if rows
            .iter()
            .any(|r| r.0 == "from_a_newer_release" && r.2 >= 3)
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, status, attempts, error) = &rows[0];
    assert_eq!(rows[0].0, "from_a_newer_release", "{rows:?}");
    assert_eq!(status, "pending", "{rows:?}");
    assert!(*attempts >= 3, "retried: {rows:?}");
    assert!(
        error.as_deref().unwrap().contains("unknown job kind"),
        "{rows:?}"
    );
    let (_, status, attempts, error) = &rows[1];
    assert_eq!(status, "failed", "{rows:?}");
    assert_eq!(*attempts, 1, "not retried after giving up: {rows:?}");
    assert!(
        error.as_deref().unwrap().contains("job payload"),
        "{rows:?}"
    );
    let (kind, status, attempts, _) = &rows[2];
    assert_eq!(kind, "referral_expiry", "{rows:?}");
    assert_eq!(status, "pending", "{rows:?}");
    assert!(*attempts >= 1, "{rows:?}");

    // Meanwhile the scheduler goes on with good jobs.
    let email = "jonossa@example.fi";
    app.register_verified(email).await;
    app.post("/api/v1/auth/password-reset", &json!({ "email": email }))
        .await;
    assert_eq!(
        app.last_email_to(email, 2).await.subject,
        "Salasanan vaihtaminen"
    );
    assert_eq!(job_rows(&app).await.len(), 3, "done jobs are deleted");
}

async fn a_job_runs_once_with_two_instances_on_one_database(backend: Backend) {
    let app = spawn_app(backend).await;
    let second = app.another_instance().await;
    let email = "kahdesti@example.fi";
    app.register_verified(email).await;

    let body = json!({ "email": email });
    let requests = (0..20).map(|i| {
        let instance = if i % 2 == 0 { &app } else { &second };
        instance.post("/api/v1/auth/password-reset", &body)
    });
    for response in futures_util::future::join_all(requests).await {
        assert_eq!(response.status(), 202);
    }
    app.emails_to(email, 21).await;
    // Give a duplicate run time to show.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let delivered = app.emails().into_iter().filter(|m| m.to == email).count();
    assert_eq!(
        delivered, 21,
        "one verification link and one reset link per request"
    );
    assert!(job_rows(&app).await.is_empty());
}

both_backends!(
    failing_jobs_are_retried_then_kept_and_others_still_run,
    a_job_runs_once_with_two_instances_on_one_database,
);
