//! Accounts: registration through the real email, logins, administrators made with the
//! real `create-admin` command, and volunteers written straight into the database.

use diesel::prelude::*;
use serde_json::{Value, json};

use super::{Email, JsonExt, TestApp};

/// A strong password that passes the policy.
pub const PASSWORD: &str = "kesäinen metsäretki järvelle 2026";

/// Password of administrators made with [`TestApp::admin`].
pub const ADMIN_PASSWORD: &str = "alueellinen koordinaattori kevät 2026";

impl TestApp {
    pub async fn register(&self, email: &str, birth_date: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/register",
            &json!({ "email": email, "password": PASSWORD, "display_name": "Aino", "birth_date": birth_date }),
        )
        .await
    }

    /// Registers and verifies through the real email; returns the verification email.
    pub async fn register_verified(&self, email: &str) -> Email {
        let before = self.emails().into_iter().filter(|e| e.to == email).count();
        assert_eq!(self.register(email, "2005-04-03").await.status(), 202);
        let mail = self.last_email_to(email, before + 1).await;
        let response = self
            .post(
                "/api/v1/auth/verify-email",
                &json!({ "token": mail.token() }),
            )
            .await;
        assert_eq!(response.status(), 204);
        mail
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post(
            "/api/v1/auth/login",
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    /// Logs in and returns (access token, refresh token).
    pub async fn tokens(&self, email: &str) -> (String, String) {
        let response = self.login(email, PASSWORD).await;
        assert_eq!(response.status(), 200);
        let body: Value = response.json().await.expect("json");
        (
            body.str_at("access_token").to_owned(),
            body.str_at("refresh_token").to_owned(),
        )
    }

    /// Logs in with `password`, which must succeed, and returns the access token.
    pub async fn access_token(&self, email: &str, password: &str) -> String {
        let response = self.login(email, password).await;
        assert_eq!(response.status(), 200, "{email}");
        let body: Value = response.json().await.expect("json");
        body.str_at("access_token").to_owned()
    }

    /// A new account, verified and logged in: (access token, refresh token).
    pub async fn signed_in(&self, email: &str) -> (String, String) {
        self.register_verified(email).await;
        self.tokens(email).await
    }

    /// Creates an administrator with the real `create-admin` command and logs in.
    pub async fn admin(&self, email: &str) -> String {
        let url = self.database_url.clone();
        let email_arg = email.to_owned();
        let output = tokio::task::spawn_blocking(move || {
            use std::io::Write as _;
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_talkoot"))
                .args(["create-admin", "--email", &email_arg])
                .env("DATABASE_URL", url)
                .env("JWT_SECRET", "x".repeat(40))
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn create-admin");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(format!("{ADMIN_PASSWORD}\n").as_bytes())
                .expect("stdin");
            child.wait_with_output().expect("create-admin")
        })
        .await
        .expect("blocking");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        self.access_token(email, ADMIN_PASSWORD).await
    }
}

/// A verified volunteer made straight in the database (many at once), with a live token.
#[derive(Debug, Clone)]
pub struct Volunteer {
    pub id: String,
    pub email: String,
    pub token: String,
}

impl TestApp {
    /// `n` verified volunteers born on `birth_date`, logged in through the API. The rows
    /// are written directly (one password hash shared by all) so that races of fifty
    /// volunteers do not spend a minute on registration.
    pub async fn volunteers(&self, prefix: &str, n: usize, birth_date: &str) -> Vec<Volunteer> {
        use talkoot::db::schema::users;
        let birth = chrono::NaiveDate::parse_from_str(birth_date, "%Y-%m-%d").expect("date");
        let emails: Vec<String> = (0..n).map(|i| format!("{prefix}{i}@example.fi")).collect();
        let rows = emails.clone();
        let ids: Vec<String> = self
            .db(move |conn| {
                let hash = talkoot::auth::passwords::hash_now(PASSWORD).expect("hash");
                let now = chrono::Utc::now().naive_utc();
                rows.iter()
                    .enumerate()
                    .map(|(i, email)| {
                        let id = uuid::Uuid::now_v7().to_string();
                        diesel::insert_into(users::table)
                            .values((
                                users::id.eq(&id),
                                users::email.eq(email),
                                users::password_hash.eq(&hash),
                                users::display_name.eq(format!("Vapaaehtoinen {i}")),
                                users::birth_date.eq(birth),
                                users::language.eq("fi"),
                                users::email_verified_at.eq(now),
                                users::is_admin.eq(false),
                                users::created_at.eq(now),
                                users::updated_at.eq(now),
                            ))
                            .execute(conn)
                            .expect("insert volunteer");
                        id
                    })
                    .collect()
            })
            .await;
        let logins = emails.iter().map(|email| self.tokens(email));
        let tokens = futures_util::future::join_all(logins).await;
        ids.into_iter()
            .zip(emails)
            .zip(tokens)
            .map(|((id, email), (token, _))| Volunteer { id, email, token })
            .collect()
    }
}
