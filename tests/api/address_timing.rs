//! Whether an address has an account must not show in how long the answer takes, either.
//!
//! This is a statistical test, not a timed one: it asserts no duration. It measures the
//! same request for a known and for an unknown address, interleaved in random order so
//! that anything else happening on the machine falls on both alike, and asks whether the
//! two sets of times could come from one distribution (a two-sided Mann–Whitney U test).
//! With a separate code path for known addresses (before the job scheduler, the lookup,
//! the token and the outbox row ran on the request path: a median of about 1.4 ms against
//! 0.8 ms) |z| is far above 10; for identical work it is a standard normal variable, and
//! the limit of 4.5 is crossed by chance about once in 150,000 runs.

use std::time::{Duration, Instant};

use rand::seq::SliceRandom as _;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app};

/// Requests per address class.
const SAMPLES: usize = 150;
/// Unmeasured requests of each class first (connections, caches, prepared statements).
const WARM_UP: usize = 15;
/// The z limit: about one false alarm in 150,000 runs for identical distributions.
const Z_LIMIT: f64 = 4.5;

/// Both addresses are 26 characters long, so the bodies are the same size.
const KNOWN: &str = "tunnettu-osoite@example.fi";
const UNKNOWN: &str = "tuntematon-9999@example.fi";

async fn time_request(app: &TestApp, path: &str, email: &str) -> Duration {
    let body = json!({ "email": email });
    let started = Instant::now();
    let response = app.post(path, &body).await;
    let status = response.status();
    let _ = response.bytes().await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(status, 202, "{path}");
    elapsed
}

/// The known and the unknown address's times, measured in one random interleaving.
async fn measure(app: &TestApp, path: &str) -> (Vec<f64>, Vec<f64>) {
    for _ in 0..WARM_UP {
        time_request(app, path, KNOWN).await;
        time_request(app, path, UNKNOWN).await;
    }
    let mut order: Vec<bool> = (0..2 * SAMPLES).map(|i| i % 2 == 0).collect();
    order.shuffle(&mut rand::thread_rng());
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for is_known in order {
        let email = if is_known { KNOWN } else { UNKNOWN };
        let micros = time_request(app, path, email).await.as_secs_f64() * 1e6;
        if is_known {
            known.push(micros);
        } else {
            unknown.push(micros);
        }
    }
    (known, unknown)
}

/// The Mann–Whitney U statistic of `a` against `b` as a z score (normal approximation,
/// with average ranks and the tie correction).
fn mann_whitney_z(a: &[f64], b: &[f64]) -> f64 {
    let mut all: Vec<(f64, bool)> = a
        .iter()
        .map(|&x| (x, true))
        .chain(b.iter().map(|&x| (x, false)))
        .collect();
    all.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = all.len();
    let (mut rank_sum_a, mut ties) = (0.0, 0.0);
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && all[j + 1].0 == all[i].0 {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        let tied = (j - i + 1) as f64;
        ties += tied * tied * tied - tied;
        rank_sum_a += rank * all[i..=j].iter().filter(|x| x.1).count() as f64;
        i = j + 1;
    }
    let (n1, n2, n) = (a.len() as f64, b.len() as f64, n as f64);
    let u = rank_sum_a - n1 * (n1 + 1.0) / 2.0;
    let sigma = (n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)))).sqrt();
    (u - n1 * n2 / 2.0) / sigma
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// Measures `path` for the two addresses and fails if their times differ.
async fn assert_same_timing(app: &TestApp, path: &str) {
    let (known, unknown) = measure(app, path).await;
    let z = mann_whitney_z(&known, &unknown);
    let report = format!(
        "{path}: median {:.0} µs for a known address, {:.0} µs for an unknown one, z = {z:.2}",
        median(&known),
        median(&unknown)
    );
    eprintln!("{report}");
    assert!(
        z.abs() < Z_LIMIT,
        "the timing tells addresses apart: {report}"
    );
}

async fn reset_takes_as_long_for_a_known_address_as_for_an_unknown_one(backend: Backend) {
    let app = spawn_app(backend).await;
    app.register_verified(KNOWN).await;
    assert_same_timing(&app, "/api/v1/auth/password-reset").await;
    // The known address's requests did their work all the same: links were sent.
    let links = app.emails_to(KNOWN, 2).await;
    assert_eq!(links[1].subject, "Salasanan vaihtaminen");
}

async fn resend_takes_as_long_for_a_known_address_as_for_an_unknown_one(backend: Backend) {
    let app = spawn_app(backend).await;
    // Registered but not verified: the one case in which a resend sends anything.
    assert_eq!(app.register(KNOWN, "2004-02-29").await.status(), 202);
    app.emails_to(KNOWN, 1).await;
    assert_same_timing(&app, "/api/v1/auth/verify-email/resend").await;
    assert_eq!(
        app.emails_to(KNOWN, 2).await[1].subject,
        "Vahvista sähköpostiosoitteesi"
    );
}

#[test]
fn mann_whitney_sees_a_shift_and_not_its_absence() {
    let a: Vec<f64> = (0..100).map(f64::from).collect();
    let shifted: Vec<f64> = a.iter().map(|x| x + 30.0).collect();
    assert!(mann_whitney_z(&a, &a).abs() < 1e-9);
    assert!(mann_whitney_z(&a, &shifted) < -5.0);
    assert!(mann_whitney_z(&shifted, &a) > 5.0);
}

both_backends!(
    reset_takes_as_long_for_a_known_address_as_for_an_unknown_one,
    resend_takes_as_long_for_a_known_address_as_for_an_unknown_one,
);
