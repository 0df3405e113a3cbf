//! One code base over SQLite and PostgreSQL: a diesel `MultiConnection`, an r2d2 pool that
//! picks the backend from the URL scheme, per-backend embedded migrations, and the two
//! helpers ([`Db::run`], [`Db::write`]) through which every request touches the database
//! without blocking an async worker.

pub mod json;
pub mod schema;
pub mod stored;

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::AppError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to whichever backend `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// `DATABASE_URL`, already split by scheme so that nothing later has to guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (the part after `sqlite://`).
    Sqlite(PathBuf),
    /// A full `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl DatabaseUrl {
    /// Chooses the backend from the scheme; anything else is refused with a message.
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("sqlite:// needs a file path, e.g. sqlite://data/talkoot.db".into());
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err("expected sqlite://PATH or postgres://…".into())
        }
    }

    /// True for the embedded backend, whose pool and locking differ.
    pub fn is_sqlite(&self) -> bool {
        matches!(self, Self::Sqlite(_))
    }
}

/// r2d2 manager that opens the backend named by the URL scheme and applies SQLite's
/// pragmas on every new connection (diesel's stock manager would try each backend in turn).
#[derive(Debug)]
pub struct DbManager {
    url: DatabaseUrl,
}

impl ManageConnection for DbManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                let mut conn =
                    diesel::PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                // Plan every statement with its actual values: a generic plan cached for a
                // search made a rare-term query thousands of times slower in a measurement.
                conn.batch_execute("SET plan_cache_mode = force_custom_plan; SET TIME ZONE 'UTC';")
                    .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Postgres(conn))
            }
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path)
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers run beside the one writer; busy_timeout makes a writer wait
                // for the lock instead of failing; foreign keys are off by default in SQLite.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

/// The shared pool type.
pub type DbPool = r2d2::Pool<DbManager>;

/// Builds the pool without connecting eagerly, so that the server starts (and `/readyz`
/// reports the problem) even while the database is down.
pub fn build_pool(url: &DatabaseUrl, size: u32) -> Result<DbPool, AppError> {
    if let DatabaseUrl::Sqlite(path) = url
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| AppError::internal(format!("creating {}: {e}", parent.display())))?;
    }
    Ok(r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(5))
        .test_on_check_out(true)
        .build_unchecked(DbManager { url: url.clone() }))
}

/// Runs the pending migrations of the connection's backend. On PostgreSQL an advisory lock
/// keeps two instances starting at once from migrating concurrently.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, AppError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect())
            .map_err(|e| AppError::internal(format!("migration failed: {e}")))?,
        DbConnection::Postgres(c) => {
            c.batch_execute("SELECT pg_advisory_lock(7406191)")?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.iter().map(ToString::to_string).collect::<Vec<String>>())
                .map_err(|e| AppError::internal(format!("migration failed: {e}")));
            c.batch_execute("SELECT pg_advisory_unlock(7406191)")?;
            result?
        }
    };
    Ok(applied)
}

/// Whether `conn` is in no transaction yet: only then may a transaction be begun with SQL
/// of our own (inside one, diesel makes a savepoint).
fn outermost(conn: &mut DbConnection) -> bool {
    matches!(
        <DbConnection as Connection>::TransactionManager::transaction_manager_status_mut(conn)
            .transaction_depth(),
        Ok(None)
    )
}

/// Runs `f` in a write transaction. On SQLite this is `BEGIN IMMEDIATE`, which takes the
/// write lock up front: a deferred transaction that reads and then writes can fail with
/// SQLITE_BUSY at once, ignoring `busy_timeout`.
pub fn write_tx<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let outermost = outermost(conn);
    match conn {
        DbConnection::Sqlite(c) if outermost => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        _ => <DbConnection as Connection>::TransactionManager::begin_transaction(conn)?,
    }
    match f(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            if let Err(rollback) =
                <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)
            {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(e)
        }
    }
}

/// Runs `f` in a read-only transaction that sees one snapshot of the database, for an
/// answer assembled from many queries that must agree with each other (a data export). On
/// PostgreSQL this is `REPEATABLE READ, READ ONLY`; SQLite's deferred transaction reads one
/// snapshot from its first read on.
pub fn read_tx<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let outermost = outermost(conn);
    match conn {
        DbConnection::Postgres(c) if outermost => AnsiTransactionManager::begin_transaction_sql(
            c,
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        )?,
        _ => <DbConnection as Connection>::TransactionManager::begin_transaction(conn)?,
    }
    let result = f(conn);
    // Nothing was written: ending it either way is the same, and a rollback cannot fail
    // for a reason a commit would not.
    if let Err(e) = <DbConnection as Connection>::TransactionManager::rollback_transaction(conn) {
        tracing::error!(error = %e, "ending a read transaction failed");
    }
    result
}

/// Handle on the pool for request handlers and background tasks.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
}

impl Db {
    pub fn new(pool: DbPool) -> Self {
        Self { pool }
    }

    /// The pool, for code that is already on a blocking thread (CLI, worker internals).
    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Checks out a connection and runs `f` on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// Like [`Db::run`], inside one read-only transaction ([`read_tx`]).
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| read_tx(conn, f)).await
    }

    /// Like [`Db::run`], inside one write transaction ([`write_tx`]).
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| write_tx(conn, f)).await
    }
}
