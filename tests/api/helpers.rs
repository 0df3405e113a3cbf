//! `spawn_app`: the real server on a random port, on its own fresh database (SQLite file or
//! a new PostgreSQL database), with emails written to its own directory.

use std::path::{Path, PathBuf};
use std::time::Duration;

use actix_web::dev::ServerHandle;
use diesel::prelude::*;
use serde_json::{Value, json};
use talkoot::config::{Config, MailTransportConfig, MailWorkerConfig, RateLimits};
use talkoot::db::{self, DatabaseUrl, DbConnection, DbPool};
use talkoot::startup::Application;

/// The database backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A strong password that passes the policy.
pub const PASSWORD: &str = "kesäinen metsäretki järvelle 2026";
/// The JWT secret of test apps (tests forge tokens with it).
pub const JWT_SECRET: &[u8] = b"test-secret-that-is-long-enough-0123456789";
/// `PUBLIC_BASE_URL` of test apps, which is also the JWT issuer.
pub const BASE_URL: &str = "http://talkoot.test";

/// Runs each named `async fn name(backend: Backend)` once per backend, each as its own test.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            )*
        }
    };
}

/// A running test application.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub mail_dir: PathBuf,
    pub pool: DbPool,
    /// `DATABASE_URL` of this app, for running the CLI against the same database.
    pub database_url: String,
    handle: ServerHandle,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    config: Config,
    pg_database: Option<String>,
    _dir: tempfile::TempDir,
}

fn admin_pg_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn pg_url_for(database: &str) -> String {
    let admin = admin_pg_url();
    match admin.rfind('/') {
        Some(idx) if idx > "postgres://".len() => format!("{}/{database}", &admin[..idx]),
        _ => format!("{admin}/{database}"),
    }
}

/// Creates a fresh PostgreSQL database. An unreachable server fails the test: silently
/// running only SQLite would hide every PostgreSQL bug.
fn create_pg_database() -> String {
    let name = format!("talkoot_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = diesel::PgConnection::establish(&admin_pg_url()).unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is not reachable at {} ({e}). Start it (see README) or set TEST_DATABASE_URL.",
            admin_pg_url()
        )
    });
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .expect("create test database");
    name
}

fn drop_pg_database(name: &str) {
    if let Ok(mut conn) = diesel::PgConnection::establish(&admin_pg_url()) {
        let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn);
    }
}

/// A test configuration: generous rate limits and a fast email worker.
pub fn test_config(database_url: DatabaseUrl, mail_dir: &Path) -> Config {
    Config {
        database_url,
        database_pool_size: 4,
        bind_addr: "127.0.0.1:0".into(),
        public_base_url: BASE_URL.into(),
        jwt_secret: JWT_SECRET.to_vec(),
        mail_transport: MailTransportConfig::File {
            dir: mail_dir.to_path_buf(),
        },
        mail_from: "Talkoot <no-reply@talkoot.test>".into(),
        production: false,
        workers: 2,
        blocking_threads_per_worker: None,
        rate_limits: RateLimits {
            per_ip_burst: 100_000,
            per_ip_replenish: Duration::from_millis(1),
            account_failures_per_hour: 100,
            trust_forwarded_for: false,
        },
        mail_worker: MailWorkerConfig {
            poll_interval: Duration::from_millis(100),
            base_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(1),
            give_up_after: Duration::from_secs(24 * 3600),
        },
    }
}

/// Logs through the test harness's capture (shown only for a failing test), at `warn`
/// unless `RUST_LOG` says otherwise; the server's own set-up writes to stderr directly.
fn init_test_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

/// Starts an app with the default test configuration.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Starts an app after letting the test adjust its configuration.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
    init_test_logging();
    let dir = tempfile::tempdir().expect("temp dir");
    let mail_dir = dir.path().join("mail");
    let (database_url, pg_database) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("talkoot.db").display()),
            None,
        ),
        Backend::Postgres => {
            let name = tokio::task::spawn_blocking(create_pg_database)
                .await
                .expect("create db");
            (pg_url_for(&name), Some(name))
        }
    };
    let mut config = test_config(DatabaseUrl::parse(&database_url).expect("url"), &mail_dir);
    adjust(&mut config);
    if let MailTransportConfig::File { dir } = &config.mail_transport {
        std::fs::create_dir_all(dir).expect("mail dir");
    }
    let pool = db::build_pool(&config.database_url, 2).expect("pool");
    let app = Application::build(config.clone())
        .await
        .expect("application builds");
    let port = app.port();
    let handle = app.handle();
    let server = tokio::spawn(app.run_until_stopped());
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        mail_dir,
        pool,
        database_url,
        handle,
        server: Some(server),
        config,
        pg_database,
        _dir: dir,
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        let database = self.pg_database.take();
        // Drop runs inside the test's runtime; do the blocking clean-up on a plain thread.
        let _ = std::thread::spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                rt.block_on(async {
                    tokio::time::timeout(Duration::from_secs(10), handle.stop(false))
                        .await
                        .ok()
                });
            }
            if let Some(name) = database {
                drop_pg_database(&name);
            }
        })
        .join();
    }
}

/// A delivered email, decoded.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub message_id: String,
}

/// Decodes a raw RFC 5322 message as delivered.
pub fn parse_email(raw: &[u8]) -> Email {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parsable email");
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    Email {
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        body: message
            .body_text(0)
            .map(|b| b.into_owned())
            .unwrap_or_default(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
    }
}

impl Email {
    /// The value of `token=` in the message's link.
    pub fn token(&self) -> String {
        let start = self.body.find("token=").expect("a link with a token") + "token=".len();
        self.body[start..]
            .split_whitespace()
            .next()
            .expect("token")
            .to_owned()
    }
}

impl TestApp {
    /// Stops the server gracefully, as SIGTERM would, and waits until `run_until_stopped`
    /// has returned (in-flight requests answered, email worker stopped).
    pub async fn stop_gracefully(&mut self) -> std::io::Result<()> {
        self.handle.stop(true).await;
        let server = self.server.take().expect("still running");
        tokio::time::timeout(Duration::from_secs(40), server)
            .await
            .expect("shutdown finishes in time")
            .expect("server task")
    }

    /// A second server process on the same database and mail transport, as when a region
    /// runs several instances behind a load balancer.
    pub async fn another_instance(&self) -> TestApp {
        let app = Application::build(self.config.clone())
            .await
            .expect("second instance builds");
        let port = app.port();
        let handle = app.handle();
        let server = tokio::spawn(app.run_until_stopped());
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            client: self.client.clone(),
            mail_dir: self.mail_dir.clone(),
            pool: self.pool.clone(),
            database_url: self.database_url.clone(),
            handle,
            server: Some(server),
            config: self.config.clone(),
            pg_database: None,
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Every email delivered so far, oldest first.
    pub fn emails(&self) -> Vec<Email> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .map(|e| {
                (
                    e.metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(std::time::UNIX_EPOCH),
                    e.path(),
                )
            })
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|(_, p)| parse_email(&std::fs::read(p).expect("read eml")))
            .collect()
    }

    /// Waits (up to 15 s) until `count` emails to `to` have been delivered and returns them.
    pub async fn emails_to(&self, to: &str, count: usize) -> Vec<Email> {
        for _ in 0..150 {
            let found: Vec<Email> = self.emails().into_iter().filter(|e| e.to == to).collect();
            if found.len() >= count {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {count} email(s) to {to}, got {:?}", self.emails());
    }

    /// The newest email to `to`, waiting for at least `count` of them.
    pub async fn last_email_to(&self, to: &str, count: usize) -> Email {
        self.emails_to(to, count).await.pop().expect("an email")
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_auth(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn get_auth(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

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
            body["access_token"].as_str().expect("access").to_owned(),
            body["refresh_token"].as_str().expect("refresh").to_owned(),
        )
    }

    /// A new account, verified and logged in: (access token, refresh token).
    pub async fn signed_in(&self, email: &str) -> (String, String) {
        self.register_verified(email).await;
        self.tokens(email).await
    }

    /// Runs `f` against the app's database on a blocking thread.
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> T + Send + 'static,
    ) -> T {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || f(&mut pool.get().expect("connection")))
            .await
            .expect("db task")
    }

    /// Counts rows of a table (for "nothing was written" checks).
    pub async fn count(&self, table: &'static str) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        self.db(move |conn| {
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
                .get_result::<Count>(conn)
                .expect("count")
                .n
        })
        .await
    }
}

/// Asserts a problem+json response and returns its body.
pub async fn problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "unexpected status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("application/problem+json"),
        "content type {content_type}"
    );
    let body: Value = response.json().await.expect("problem body");
    assert_eq!(body["status"], status);
    assert!(body["type"].is_string() && body["title"].is_string());
    body
}

/// The fields a 422 problem names.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Password of administrators made with [`TestApp::admin`].
pub const ADMIN_PASSWORD: &str = "alueellinen koordinaattori kevät 2026";

impl TestApp {
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
        let response = self.login(email, ADMIN_PASSWORD).await;
        assert_eq!(response.status(), 200);
        response.json::<Value>().await.expect("json")["access_token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    pub async fn patch_auth(&self, path: &str, token: &str, body: &Value) -> reqwest::Response {
        self.client
            .patch(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn delete_auth(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// Creates an association through the API and returns its card.
    pub async fn create_association(&self, token: &str, name: &str, municipality: &str) -> Value {
        let response = self
            .post_auth(
                "/api/v1/associations",
                token,
                &json!({ "name": name, "municipality_code": municipality }),
            )
            .await;
        assert_eq!(response.status(), 201);
        response.json().await.expect("card")
    }

    /// Creates an association and has an administrator verify it.
    pub async fn verified_association(
        &self,
        owner: &str,
        admin: &str,
        name: &str,
        municipality: &str,
    ) -> Value {
        let card = self.create_association(owner, name, municipality).await;
        let id = card["id"].as_str().expect("id");
        let response = self
            .post_auth(
                &format!("/api/v1/admin/associations/{id}/verify"),
                admin,
                &json!({}),
            )
            .await;
        assert_eq!(response.status(), 200);
        response.json().await.expect("card")
    }

    /// Inserts a verified, ownerless (imported) association straight into the database.
    pub async fn imported_association(
        &self,
        name: &str,
        municipality: &str,
        extra: Value,
    ) -> String {
        let mut body = extra;
        body["name"] = json!(name);
        body["municipality_code"] = json!(municipality);
        let input: talkoot::associations::card::CardInput =
            serde_json::from_value(body).expect("card input");
        self.db(move |conn| {
            talkoot::db::write_tx(conn, |conn| {
                let changes = talkoot::associations::card::check(conn, input, None)?;
                talkoot::associations::card::insert(conn, changes, "verified", true)
            })
            .expect("insert association")
        })
        .await
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
