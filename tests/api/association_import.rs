//! `talkoot import-associations FILE.csv [--dry-run]`, run as the real binary against the
//! database of a running test server, then checked over HTTP.

use std::process::Command;

use diesel::prelude::*;
use serde_json::Value;
use talkoot::db::schema::associations;

use crate::both_backends;
use crate::helpers::{Backend, JsonExt, TestApp, spawn_app};

/// Good rows (2, 3, 9), bad rows (4: check digit, 5: municipality, 6: no name, 7: email)
/// and a duplicate (8: the business ID of line 2, written without its leading zero). The
/// file starts with a BOM, as spreadsheet programs write it.
const CSV: &str = concat!(
    "\u{feff}name,business_id,register_number,municipality_code,field_of_activity,email,website,phone,summary,description\n",
    "\"Lappeenrannan Nuoret, ry\",0737546-2,,405,children-youth,INFO@Nuoret.fi,https://nuoret.fi,040 123 4567,\"Leirejä, retkiä ja kerhoja nuorille\",\"Kerhot \"\"Nuokkari\"\" ja \"\"Leiri\"\"\"\n",
    "Kouvolan Sää- ja Ympäristöyhdistys ry,,123.456,286,environment,,,,Luontoretkiä ja sääasema,\n",
    "Virheellinen Tunnus ry,0737546-3,,405,,,,,,\n",
    "Tuntematon Kunta ry,,234.567,999,,,,,,\n",
    ",2345678-0,,091,,,,,,\n",
    "Sähköpostiyhdistys ry,,345678,091,,ei-osoite,,,,\n",
    "Lappeenrannan Nuoret (kopio),737546-2,,405,,,,,,\n",
    "Åbo Svenska Förening rf,2013001-3,,091,culture,,,,,\n",
);

/// The report lines every run of [`CSV`] prints for its bad rows.
const BAD_ROWS: [&str; 4] = [
    "line 4: business_id \"0737546-3\": This is not a valid business ID",
    "line 5: municipality_code \"999\": No municipality has the code '999'.",
    "line 6: name: Give the association's name.",
    "line 7: email \"ei-osoite\": This is not an email address.",
];

const SLUGS: [&str; 3] = [
    "lappeenrannan-nuoret-ry",
    "kouvolan-saa-ja-ymparistoyhdistys-ry",
    "abo-svenska-forening-rf",
];

struct Outcome {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Writes `csv` to a file and runs the import on it against the app's database.
async fn import(app: &TestApp, csv: &[u8], args: &[&str]) -> Outcome {
    let database_url = app.database_url.clone();
    let csv = csv.to_vec();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    tokio::task::spawn_blocking(move || {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yhdistykset.csv");
        std::fs::write(&path, csv).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_talkoot"))
            .arg("import-associations")
            .arg(&path)
            .args(args)
            .env("DATABASE_URL", database_url)
            .env("JWT_SECRET", "x".repeat(40))
            .env("RUST_LOG", "warn")
            .output()
            .unwrap();
        Outcome {
            success: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    })
    .await
    .unwrap()
}

impl Outcome {
    fn assert_ok(&self) {
        assert!(
            self.success,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
    }

    fn assert_lines(&self, lines: &[&str]) {
        for line in lines {
            assert!(
                self.stdout.contains(line),
                "missing {line:?} in:\n{}",
                self.stdout
            );
        }
    }
}

/// The import's rows in the audit trail, oldest first: (actor, detail).
async fn imports_audited(app: &TestApp) -> Vec<(Option<String>, String)> {
    app.db(|conn| {
        let query = talkoot::audit::AuditQuery {
            action: Some("associations_imported".into()),
            per_page: Some(100),
            ..Default::default()
        };
        let page = talkoot::audit::list(conn, query).expect("the trail");
        page.items
            .into_iter()
            .rev()
            .map(|row| (row.actor_id, row.detail))
            .collect()
    })
    .await
}

async fn listed_slugs(app: &TestApp) -> Vec<String> {
    let page = app
        .get_ok("/api/v1/associations?per_page=100&sort=name")
        .await;
    let mut slugs = page["items"].pluck("slug");
    slugs.sort();
    slugs
}

async fn imported_verified(app: &TestApp) -> i64 {
    app.db(|conn| {
        associations::table
            .filter(associations::imported.eq(true))
            .filter(associations::status.eq("verified"))
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

async fn good_rows_are_imported_and_bad_rows_reported_by_line(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = import(&app, CSV.as_bytes(), &[]).await;
    first.assert_ok();
    first.assert_lines(&BAD_ROWS);
    first.assert_lines(&[
        "line 8: business ID 0737546-2 is already on line 2",
        "imported 3, duplicates 1, invalid 4 (8 rows)",
    ]);
    for line in ["line 2:", "line 3:", "line 9:"] {
        assert!(!first.stdout.contains(line), "{}", first.stdout);
    }

    let mut expected: Vec<String> = SLUGS.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(listed_slugs(&app).await, expected);
    assert_eq!(imported_verified(&app).await, 3);
    assert_eq!(app.count("association_members").await, 0);

    let card = app
        .get_ok("/api/v1/associations/lappeenrannan-nuoret-ry")
        .await;
    assert_eq!(card["name"], "Lappeenrannan Nuoret, ry");
    assert_eq!(card["status"], "verified");
    assert_eq!(card["claimable"], true);
    assert_eq!(card["business_id"], "0737546-2");
    assert_eq!(card["municipality"]["code"], "405");
    assert_eq!(card["field_of_activity"], "children-youth");
    assert_eq!(card["email"], "info@nuoret.fi");
    assert_eq!(card["phone"], "+358401234567");
    assert_eq!(card["website"], "https://nuoret.fi/");
    assert_eq!(card["summary"], "Leirejä, retkiä ja kerhoja nuorille");
    assert_eq!(card["description"], "Kerhot \"Nuokkari\" ja \"Leiri\"");

    let card = app
        .get_ok("/api/v1/associations/kouvolan-saa-ja-ymparistoyhdistys-ry")
        .await;
    assert_eq!(card["name"], "Kouvolan Sää- ja Ympäristöyhdistys ry");
    assert_eq!(card["register_number"], "123456");
    assert_eq!(card["business_id"], Value::Null);
    assert_eq!(card["claimable"], true);
    let card = app
        .get_ok("/api/v1/associations/abo-svenska-forening-rf")
        .await;
    assert_eq!(card["name"], "Åbo Svenska Förening rf");
    assert_eq!(card["claimable"], true);

    // The same file again: every good row is now known, the bad ones are still bad.
    let again = import(&app, CSV.as_bytes(), &[]).await;
    again.assert_ok();
    again.assert_lines(&BAD_ROWS);
    again.assert_lines(&[
        "line 2: business ID 0737546-2 is already in the database (lappeenrannan-nuoret-ry)",
        "line 3: register number 123456 is already in the database (kouvolan-saa-ja-ymparistoyhdistys-ry)",
        "line 8: business ID 0737546-2 is already in the database (lappeenrannan-nuoret-ry)",
        "line 9: business ID 2013001-3 is already in the database (abo-svenska-forening-rf)",
        "imported 0, duplicates 4, invalid 4 (8 rows)",
    ]);
    assert_eq!(app.count("associations").await, 3);
    // Each run is in the audit trail, by the command line (no user).
    assert_eq!(
        imports_audited(&app).await,
        [
            (None, "lines 2-9: 3 imported".to_owned()),
            (None, "lines 2-9: 0 imported".to_owned()),
        ]
    );
}

async fn a_dry_run_reports_the_same_but_writes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let dry = import(&app, CSV.as_bytes(), &["--dry-run"]).await;
    dry.assert_ok();
    dry.assert_lines(&BAD_ROWS);
    dry.assert_lines(&[
        "line 8: business ID 0737546-2 is already on line 2",
        "dry run, nothing written: would import 3, duplicates 1, invalid 4 (8 rows)",
    ]);
    assert_eq!(app.count("associations").await, 0);
    assert_eq!(app.count("audit_log").await, 0);
    assert!(listed_slugs(&app).await.is_empty());

    // The real run then does what the dry run predicted.
    let real = import(&app, CSV.as_bytes(), &[]).await;
    real.assert_ok();
    real.assert_lines(&["imported 3, duplicates 1, invalid 4 (8 rows)"]);
    assert_eq!(app.count("associations").await, 3);
}

async fn a_wrong_header_or_a_missing_file_fails_and_writes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let wrong = import(
        &app,
        "nimi,kunta,business_id,www\nSeura ry,405,0737546-2,https://seura.fi\n".as_bytes(),
        &[],
    )
    .await;
    assert!(!wrong.success, "{}", wrong.stdout);
    assert!(
        wrong
            .stderr
            .contains("header: Unknown column(s): nimi, kunta, www."),
        "{}",
        wrong.stderr
    );
    assert!(
        wrong.stderr.contains("missing: name, municipality_code"),
        "{}",
        wrong.stderr
    );

    let output = tokio::task::spawn_blocking({
        let database_url = app.database_url.clone();
        move || {
            Command::new(env!("CARGO_BIN_EXE_talkoot"))
                .args(["import-associations", "/nonexistent/yhdistykset.csv"])
                .env("DATABASE_URL", database_url)
                .env("JWT_SECRET", "x".repeat(40))
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));
    assert_eq!(app.count("associations").await, 0);
}

async fn a_big_file_is_imported_in_batches_and_only_once(backend: Backend) {
    let app = spawn_app(backend).await;
    // Semicolons, as a Finnish spreadsheet program saves CSV; register numbers only.
    let mut csv = String::from("municipality_code;name;register_number\n");
    for i in 1..=1201 {
        csv.push_str(&format!("286;Kouvolan seura {i} ry;{}\n", 100_000 + i));
    }
    let first = import(&app, csv.as_bytes(), &[]).await;
    first.assert_ok();
    first.assert_lines(&["imported 1201, duplicates 0, invalid 0 (1201 rows)"]);
    let page = app.get_ok("/api/v1/associations?municipality=286").await;
    assert_eq!(page["total"], 1201);
    // One audit row per committed batch, written in the batch's transaction.
    assert_eq!(
        imports_audited(&app).await,
        [
            (None, "lines 2-501: 500 imported".to_owned()),
            (None, "lines 502-1001: 500 imported".to_owned()),
            (None, "lines 1002-1202: 201 imported".to_owned()),
        ]
    );

    let again = import(&app, csv.as_bytes(), &[]).await;
    again.assert_ok();
    again.assert_lines(&[
        "line 1202: register number 101201 is already in the database (kouvolan-seura-1201-ry)",
        "imported 0, duplicates 1201, invalid 0 (1201 rows)",
    ]);
    assert_eq!(imported_verified(&app).await, 1201);
}

both_backends!(
    good_rows_are_imported_and_bad_rows_reported_by_line,
    a_dry_run_reports_the_same_but_writes_nothing,
    a_wrong_header_or_a_missing_file_fails_and_writes_nothing,
    a_big_file_is_imported_in_batches_and_only_once,
);
