//! `talkoot seed --scale N` against the database a running server uses: the sizes scale
//! with N, the data keeps the application's invariants (one open sign-up per task and
//! volunteer, accepted sign-ups within the spots and equal to the task's count, every
//! state present), the API serves it (search, a login with the printed password), and a
//! second run refuses.

use std::process::{Command, Output};

use diesel::prelude::*;
use talkoot::db::schema::{associations, signups, tasks, users};
use talkoot::seed::scale::SCALE_PASSWORD;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

fn seed(app: &TestApp, scale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_talkoot"))
        .args(["seed", "--scale", scale])
        .env("DATABASE_URL", &app.database_url)
        .env("JWT_SECRET", "x".repeat(40))
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

async fn a_small_scale_seed_keeps_every_invariant(backend: Backend) {
    let app = spawn_app(backend).await;
    let output = seed(&app, "0.002");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("1000 users, 20 associations"), "{stdout}");
    assert!(stdout.contains("200 tasks"), "{stdout}");

    let (n_users, n_associations, n_tasks, states, overbooked, miscounted, doubled) = app
        .db(|conn| {
            let n_users: i64 = users::table.count().get_result(conn).unwrap();
            let n_associations: i64 = associations::table.count().get_result(conn).unwrap();
            let n_tasks: i64 = tasks::table.count().get_result(conn).unwrap();
            let mut states: Vec<String> = signups::table
                .select(signups::status)
                .distinct()
                .load(conn)
                .unwrap();
            states.sort();
            let counts: Vec<(String, Option<i32>, i32)> = tasks::table
                .select((tasks::id, tasks::spots, tasks::accepted_count))
                .load(conn)
                .unwrap();
            let accepted: Vec<String> = signups::table
                .filter(signups::status.eq("accepted"))
                .select(signups::task_id)
                .load(conn)
                .unwrap();
            let overbooked = counts
                .iter()
                .filter(|(_, spots, n)| spots.is_some_and(|s| *n > s))
                .count();
            let miscounted = counts
                .iter()
                .filter(|(id, _, n)| accepted.iter().filter(|t| *t == id).count() != *n as usize)
                .count();
            let pairs: Vec<(String, Option<String>)> = signups::table
                .select((signups::task_id, signups::volunteer_id))
                .load(conn)
                .unwrap();
            let distinct: std::collections::HashSet<_> = pairs.iter().collect();
            let doubled = pairs.len() - distinct.len();
            (
                n_users,
                n_associations,
                n_tasks,
                states,
                overbooked,
                miscounted,
                doubled,
            )
        })
        .await;
    assert_eq!((n_users, n_associations, n_tasks), (1000, 20, 200));
    assert_eq!(
        states,
        [
            "accepted",
            "cancelled",
            "completed",
            "declined",
            "no_show",
            "pending",
            "waitlisted",
            "withdrawn"
        ]
    );
    assert_eq!((overbooked, miscounted, doubled), (0, 0, 0));

    // The API serves it: listing, a common word, and a generated login.
    let listed = app.get_ok("/api/v1/tasks?per_page=5").await;
    assert!(listed["total"].as_i64().unwrap() > 50, "{listed}");
    let found = app.get_ok("/api/v1/tasks?q=vapaaehtoinen").await;
    assert!(found["total"].as_i64().unwrap() > 0, "{found}");
    app.access_token("kayttaja0@scale.example.fi", SCALE_PASSWORD)
        .await;

    // A second run, and an impossible scale, change nothing.
    let again = seed(&app, "0.002");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("only loaded into an empty database"));
    let fresh = spawn_app(backend).await;
    let too_big = seed(&fresh, "1000");
    assert!(!too_big.status.success());
    assert_eq!(fresh.count("users").await, 0);
}

both_backends!(a_small_scale_seed_keeps_every_invariant);
