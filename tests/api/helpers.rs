//! `spawn_app`: the real server on a random port, on its own fresh database (SQLite file or
//! a new PostgreSQL database), with emails written to its own directory.
//!
//! Set-up and reading helpers live in submodules, re-exported here: accounts (sign-ups,
//! logins, administrators, volunteers), associations, tasks, delivered email, and typed
//! reads of JSON answers ([`JsonExt`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use actix_web::dev::ServerHandle;
use diesel::prelude::*;
use serde_json::Value;
use talkoot::clock::Clock;
use talkoot::config::{
    Config, EmailLimits, MailTransportConfig, MailWorkerConfig, RateLimits, ReferralLimits,
    RetentionPolicy,
};
use talkoot::db::{self, DatabaseUrl, DbConnection, DbPool};
use talkoot::startup::Application;

mod accounts;
mod associations;
mod counsellors;
mod jobs;
mod json;
mod logs;
mod mail;
mod tasks;

pub use accounts::{ADMIN_PASSWORD, PASSWORD, Volunteer};
pub use json::{JsonExt, fields, problem};
pub use logs::capture_logs;
pub use mail::{Email, parse_email};
pub use tasks::task_body;

/// The database backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

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
    /// The configuration it runs with (its search folder, to break or restart it).
    pub config: Config,
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
        // High enough for every scenario but the throttle tests, which lower them; no
        // coalescing delay, so notices arrive at once.
        email_limits: EmailLimits {
            per_person_per_hour: 10_000,
            per_recipient_per_hour: 10_000,
            coalesce_after: Duration::ZERO,
        },
        // Off, so that the reuse-detection tests see every second use; the grace test
        // turns it on.
        refresh_grace: Duration::ZERO,
        referrals: ReferralLimits::default(),
        // Tests move time forward to see referrals expire.
        clock: Clock::adjustable(),
        retention: RetentionPolicy::default(),
        search_dir: mail_dir.with_file_name("search"),
        search_count_cache: true,
    }
}

/// Logs through the test harness's capture (shown only for a failing test), at `warn`
/// unless `RUST_LOG` says otherwise; the server's own set-up writes to stderr directly.
/// Beside it, [`capture_logs`] can read what the server logs at `info`.
fn init_test_logging() {
    use tracing_subscriber::Layer as _;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_test_writer()
                .with_filter(filter),
        )
        .with(logs::layer())
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
        let mut config = self.config.clone();
        // Each instance keeps its own search index, from the same change feed.
        let dir = tempfile::tempdir().expect("temp dir");
        config.search_dir = dir.path().join("search");
        let mut app = Self::start_with(self, config).await;
        app._dir = dir;
        app
    }

    /// Another server process with `config` (the same database as `app`'s, which keeps
    /// owning it), e.g. a restart of a stopped one.
    pub async fn start_with(app: &TestApp, config: Config) -> TestApp {
        let server = Application::build(config.clone())
            .await
            .expect("instance builds");
        let port = server.port();
        let handle = server.handle();
        let server = tokio::spawn(server.run_until_stopped());
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            client: app.client.clone(),
            mail_dir: app.mail_dir.clone(),
            pool: app.pool.clone(),
            database_url: app.database_url.clone(),
            handle,
            server: Some(server),
            config,
            pg_database: None,
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
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

    /// `GET` that must answer 200; returns the JSON body.
    pub async fn get_ok(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("json")
    }

    /// Authenticated `GET` that must answer 200; returns the JSON body.
    pub async fn get_auth_ok(&self, path: &str, token: &str) -> Value {
        let response = self.get_auth(path, token).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("json")
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
