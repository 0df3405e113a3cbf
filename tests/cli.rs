//! The `talkoot` binary itself: configuration guard rails and the zero-setup defaults, run
//! as a user would run them. (Commands that work on a database, such as `create-admin`, are
//! tested in tests/api on both backends.)

// The crate's lints forbid panicking shortcuts; the helper that runs the binary stops at the
// first surprise on purpose (clippy.toml covers only `#[test]` functions).
#![expect(clippy::expect_used, reason = "tests fail by panicking")]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_talkoot");

fn talkoot(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("spawn talkoot");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn production_refuses_unsafe_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "x".repeat(40);
    let smtp = "smtp://user:pass@mail.example.fi:587";
    let cases: [(&[(&str, &str)], &str); 4] = [
        (
            &[("APP_ENV", "production"), ("MAIL_TRANSPORT", smtp)],
            "JWT_SECRET",
        ),
        (
            &[
                ("APP_ENV", "production"),
                ("JWT_SECRET", "too-short"),
                ("MAIL_TRANSPORT", smtp),
            ],
            "JWT_SECRET",
        ),
        (
            &[("APP_ENV", "production"), ("JWT_SECRET", &secret)],
            "MAIL_TRANSPORT",
        ),
        (
            &[
                ("APP_ENV", "production"),
                ("JWT_SECRET", &secret),
                ("MAIL_TRANSPORT", "log"),
            ],
            "MAIL_TRANSPORT",
        ),
    ];
    for (env, variable) in cases {
        let output = talkoot(dir.path(), &["migrate"], env, "");
        assert!(!output.status.success(), "{env:?} was accepted");
        assert!(
            stderr(&output).contains(variable),
            "{env:?}: {}",
            stderr(&output)
        );
    }
    // Nothing was created by the refused runs.
    assert!(!dir.path().join("data").exists());
}

#[test]
fn bad_urls_are_refused_with_the_variable_named() {
    let dir = tempfile::tempdir().unwrap();
    for (env, variable) in [
        (
            ("DATABASE_URL", "mysql://localhost/talkoot"),
            "DATABASE_URL",
        ),
        (("MAIL_TRANSPORT", "pigeon://coop"), "MAIL_TRANSPORT"),
        (("APP_ENV", "staging"), "APP_ENV"),
    ] {
        let output = talkoot(dir.path(), &["migrate"], &[env], "");
        assert!(!output.status.success());
        assert!(stderr(&output).contains(variable), "{}", stderr(&output));
    }
}

#[test]
fn development_defaults_need_no_setup() {
    let dir = tempfile::tempdir().unwrap();
    let output = talkoot(dir.path(), &["migrate"], &[], "");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("data/talkoot.db").exists());
    // The generated development secret is kept for the next start, readable by the owner only.
    let secret = dir.path().join("data/jwt_secret");
    let first = std::fs::read_to_string(&secret).unwrap();
    assert!(first.len() >= 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            std::fs::metadata(&secret).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(talkoot(dir.path(), &["migrate"], &[], "").status.success());
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), first);
}
