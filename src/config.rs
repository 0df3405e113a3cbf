//! Configuration from the environment (DESIGN.md's table), with the production guard rails.
//!
//! Everything the server needs is read once at start-up into [`Config`]; tests build a
//! `Config` directly so that each test app gets its own database, mail directory and limits.

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine as _;
use rand::RngCore as _;

use crate::clock::Clock;
use crate::db::DatabaseUrl;

/// Where emails go: one variant per `MAIL_TRANSPORT` scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTransportConfig {
    /// `smtp://` (STARTTLS required unless `?tls=none|opportunistic`) or `smtps://` (TLS).
    Smtp { url: String },
    /// `file://DIR`: one `.eml` file per message, for development and tests.
    File { dir: PathBuf },
    /// `log`: the message is written to the log only.
    Log,
}

impl MailTransportConfig {
    /// Parses `MAIL_TRANSPORT`; an unknown scheme is an error rather than a silent default
    /// because a typo here would lose every email.
    pub fn parse(value: &str) -> Result<Self, ConfigError> {
        if value == "log" {
            Ok(Self::Log)
        } else if let Some(dir) = value.strip_prefix("file://") {
            Ok(Self::File {
                dir: PathBuf::from(dir),
            })
        } else if value.starts_with("smtp://") || value.starts_with("smtps://") {
            url::Url::parse(value).map_err(|e| ConfigError::invalid("MAIL_TRANSPORT", e))?;
            Ok(Self::Smtp {
                url: value.to_owned(),
            })
        } else {
            Err(ConfigError::invalid(
                "MAIL_TRANSPORT",
                "expected smtp://…, smtps://…, file://DIR or log",
            ))
        }
    }
}

/// Limits for the unauthenticated endpoints that an attacker would hammer.
#[derive(Clone, Debug)]
pub struct RateLimits {
    /// Requests a single IP may make to login/register/reset in a burst.
    pub per_ip_burst: u32,
    /// How long it takes for one request of the per-IP burst to be replenished.
    pub per_ip_replenish: Duration,
    /// Failed logins allowed per account (email) per hour, across all IPs.
    pub account_failures_per_hour: i32,
    /// Key per-IP limits on `X-Forwarded-For`; only behind a proxy that sets it.
    pub trust_forwarded_for: bool,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            per_ip_burst: 10,
            per_ip_replenish: Duration::from_secs(6),
            account_failures_per_hour: 100,
            trust_forwarded_for: false,
        }
    }
}

/// Bounds on the email that people cause to be sent to others (sign-up notices, decisions,
/// invitations), so that nobody can use the service to flood an inbox.
#[derive(Clone, Debug)]
pub struct EmailLimits {
    /// Emails to other people one person may cause in an hour (their own receipts are free).
    pub per_person_per_hour: u32,
    /// Unsolicited emails (invitations) one address may receive from others in an hour.
    pub per_recipient_per_hour: u32,
    /// How long a notice to an association waits, so that a newer notice about the same
    /// sign-up replaces it (a sign-up withdrawn a minute later is one email, not two);
    /// zero sends at once and coalesces nothing.
    pub coalesce_after: Duration,
}

impl Default for EmailLimits {
    fn default() -> Self {
        Self {
            per_person_per_hour: 60,
            per_recipient_per_hour: 10,
            coalesce_after: Duration::from_secs(120),
        }
    }
}

/// Knobs of the email worker; tests shorten them so retries happen within a test's life.
#[derive(Clone, Debug)]
pub struct MailWorkerConfig {
    /// How often the worker looks for due messages when nobody woke it up.
    pub poll_interval: Duration,
    /// First retry delay; doubles per attempt up to `max_backoff`.
    pub base_backoff: Duration,
    /// Upper bound for one retry delay.
    pub max_backoff: Duration,
    /// After this long without success a message is marked `failed`.
    pub give_up_after: Duration,
}

impl Default for MailWorkerConfig {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(5),
            base_backoff: Duration::from_secs(30),
            max_backoff: Duration::from_secs(3600),
            give_up_after: Duration::from_secs(24 * 3600),
        }
    }
}

/// The whole runtime configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: DatabaseUrl,
    /// Connections in the r2d2 pool; see README "Sizing" for why this default.
    pub database_pool_size: u32,
    pub bind_addr: String,
    pub public_base_url: String,
    pub jwt_secret: Vec<u8>,
    pub mail_transport: MailTransportConfig,
    pub mail_from: String,
    pub production: bool,
    /// HTTP worker threads (actix workers); defaults to the number of cores.
    pub workers: usize,
    /// Blocking threads per worker for diesel and argon2; `None` sizes them from the pool
    /// (README, "Sizing"). Settable for benchmarks.
    pub blocking_threads_per_worker: Option<usize>,
    pub rate_limits: RateLimits,
    pub mail_worker: MailWorkerConfig,
    pub email_limits: EmailLimits,
    /// How long a just-spent refresh token still gets a fresh one instead of revoking the
    /// session (a double-submitted refresh must not log the user out).
    pub refresh_grace: Duration,
    /// Referrals: how long one waits for an answer, and how many a counsellor may make.
    pub referrals: ReferralLimits,
    /// The time that due times are compared with (tests move it forward).
    pub clock: Clock,
    /// How long what is no longer needed is kept.
    pub retention: RetentionPolicy,
    /// Where this instance keeps its search index (`SEARCH_DIR`, default `data/search`);
    /// each instance needs its own.
    pub search_dir: std::path::PathBuf,
    /// Whether the counts of recent task queries are kept until the index changes
    /// (`SEARCH_COUNT_CACHE`, default true; off only to measure the engine without it).
    pub search_count_cache: bool,
}

/// Bounds on referrals (issue 11), so that an unanswered referral does not wait forever and
/// a counsellor's account cannot be used to flood young people with offers.
#[derive(Clone, Debug)]
pub struct ReferralLimits {
    /// How long a referral waits for its client's answer before it expires
    /// (`REFERRAL_EXPIRY_DAYS`, default 30 days).
    pub expire_after: chrono::Duration,
    /// Referrals one counsellor may make in 24 hours.
    pub per_counsellor_per_day: u32,
    /// Open referrals one counsellor may have to the same address at once.
    pub open_per_address: u32,
}

impl Default for ReferralLimits {
    fn default() -> Self {
        Self {
            expire_after: chrono::Duration::days(30),
            per_counsellor_per_day: 100,
            open_per_address: 3,
        }
    }
}

/// How long the service keeps what it no longer needs (issue 14), in days; the background
/// scheduler sweeps once a day ([`crate::privacy::retention`]). Carried in the sweep job's
/// payload, so the job needs nothing else.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RetentionPolicy {
    /// An account whose address was never verified is erased this long after registering
    /// (`RETENTION_UNVERIFIED_DAYS`, 7).
    pub unverified_account_days: i64,
    /// Emailed links (verification, reset) are deleted this long after they were used or
    /// expired (`RETENTION_TOKEN_DAYS`, 7).
    pub spent_token_days: i64,
    /// Sessions (and their refresh tokens) are deleted this long after they expired or were
    /// ended (`RETENTION_SESSION_DAYS`, 30): long enough to answer "was that me?".
    pub ended_session_days: i64,
    /// A delivered email's text is emptied this long after it went out (a failed one's,
    /// after it was queued); its subject, time and status stay for the export
    /// (`RETENTION_EMAIL_BODY_DAYS`, 30).
    pub email_body_days: i64,
    /// Invitations (which hold an address that may belong to nobody here) are deleted this
    /// long after they were answered or expired (`RETENTION_INVITATION_DAYS`, 30).
    pub invitation_days: i64,
    /// Rows of the search change feed are deleted this long after they were written
    /// (`RETENTION_CHANGE_FEED_DAYS`, 7); an index that was offline longer is rebuilt.
    pub change_feed_days: i64,
    /// A closed report of abuse loses its reporter's words and the administrators' note
    /// this long after it was closed (`RETENTION_REPORT_DAYS`, 365); what was reported,
    /// why and how it ended stay.
    pub report_days: i64,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        Self {
            unverified_account_days: 7,
            spent_token_days: 7,
            ended_session_days: 30,
            email_body_days: 30,
            invitation_days: 30,
            change_feed_days: 7,
            report_days: 365,
        }
    }
}

impl RetentionPolicy {
    /// Reads the `RETENTION_*` variables; each is 1 to 3,650 days.
    fn from_env() -> Result<Self, ConfigError> {
        let defaults = Self::default();
        let days = |name: &'static str, default: i64| -> Result<i64, ConfigError> {
            let value = env_parse(name, default)?;
            if (1..=3650).contains(&value) {
                Ok(value)
            } else {
                Err(ConfigError::invalid(name, "must be 1 to 3650 days"))
            }
        };
        Ok(Self {
            unverified_account_days: days(
                "RETENTION_UNVERIFIED_DAYS",
                defaults.unverified_account_days,
            )?,
            spent_token_days: days("RETENTION_TOKEN_DAYS", defaults.spent_token_days)?,
            ended_session_days: days("RETENTION_SESSION_DAYS", defaults.ended_session_days)?,
            email_body_days: days("RETENTION_EMAIL_BODY_DAYS", defaults.email_body_days)?,
            invitation_days: days("RETENTION_INVITATION_DAYS", defaults.invitation_days)?,
            change_feed_days: days("RETENTION_CHANGE_FEED_DAYS", defaults.change_feed_days)?,
            report_days: days("RETENTION_REPORT_DAYS", defaults.report_days)?,
        })
    }
}

/// A configuration value that cannot be used; the message names the variable.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl ConfigError {
    fn invalid(variable: &'static str, message: impl std::fmt::Display) -> Self {
        Self {
            variable,
            message: message.to_string(),
        }
    }
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

fn env_parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => v.parse().map_err(|e| ConfigError::invalid(name, e)),
        _ => Ok(default),
    }
}

impl Config {
    /// Reads the environment (after `.env`, if present) and applies the production checks.
    pub fn from_env() -> Result<Self, ConfigError> {
        let production = match env_or("APP_ENV", "development").as_str() {
            "production" => true,
            "development" | "test" => false,
            other => {
                return Err(ConfigError::invalid(
                    "APP_ENV",
                    format!("'{other}' is not one of development, production"),
                ));
            }
        };
        let database_url = DatabaseUrl::parse(&env_or("DATABASE_URL", "sqlite://data/talkoot.db"))
            .map_err(|e| ConfigError::invalid("DATABASE_URL", e))?;
        let default_pool = if database_url.is_sqlite() { 8 } else { 10 };
        let workers = env_parse(
            "HTTP_WORKERS",
            std::thread::available_parallelism().map_or(2, |n| n.get()),
        )?;
        let jwt_secret = match std::env::var("JWT_SECRET").ok().filter(|v| !v.is_empty()) {
            Some(secret) => secret.into_bytes(),
            None if production => {
                return Err(ConfigError::invalid(
                    "JWT_SECRET",
                    "must be set in production (at least 32 random bytes); the generated development secret is refused",
                ));
            }
            None => dev_secret(Path::new("data"))?,
        };
        if jwt_secret.len() < 32 {
            return Err(ConfigError::invalid(
                "JWT_SECRET",
                "must be at least 32 bytes long",
            ));
        }
        let mail_transport =
            MailTransportConfig::parse(&env_or("MAIL_TRANSPORT", "file://data/mail"))?;
        if production && !matches!(mail_transport, MailTransportConfig::Smtp { .. }) {
            return Err(ConfigError::invalid(
                "MAIL_TRANSPORT",
                "production needs smtp:// or smtps://; file:// and log would never reach anyone",
            ));
        }
        let public_base_url = env_or("PUBLIC_BASE_URL", "http://localhost:8080")
            .trim_end_matches('/')
            .to_owned();
        url::Url::parse(&public_base_url)
            .map_err(|e| ConfigError::invalid("PUBLIC_BASE_URL", e))?;
        let mail_from = env_or("MAIL_FROM", "Talkoot <no-reply@localhost>");
        mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| ConfigError::invalid("MAIL_FROM", e))?;
        Ok(Self {
            database_pool_size: env_parse("DATABASE_POOL_SIZE", default_pool)?,
            database_url,
            bind_addr: env_or("BIND_ADDR", "127.0.0.1:8080"),
            public_base_url,
            jwt_secret,
            mail_transport,
            mail_from,
            production,
            workers: workers.max(1),
            blocking_threads_per_worker: match std::env::var("HTTP_BLOCKING_THREADS") {
                Ok(v) if !v.is_empty() => Some(
                    v.parse()
                        .map_err(|e| ConfigError::invalid("HTTP_BLOCKING_THREADS", e))?,
                ),
                _ => None,
            },
            rate_limits: RateLimits {
                trust_forwarded_for: env_parse("TRUST_FORWARDED_FOR", false)?,
                ..RateLimits::default()
            },
            mail_worker: MailWorkerConfig::default(),
            email_limits: EmailLimits::default(),
            refresh_grace: Duration::from_secs(10),
            referrals: ReferralLimits {
                expire_after: chrono::Duration::days(
                    env_parse("REFERRAL_EXPIRY_DAYS", 30_i64)?.clamp(1, 365),
                ),
                ..ReferralLimits::default()
            },
            clock: Clock::system(),
            retention: RetentionPolicy::from_env()?,
            search_dir: env_or("SEARCH_DIR", "data/search").into(),
            search_count_cache: env_parse("SEARCH_COUNT_CACHE", true)?,
        })
    }
}

/// Loads the development JWT secret from `data/jwt_secret`, creating it on first run, so
/// that tokens survive a restart without anyone having to configure a secret.
fn dev_secret(dir: &Path) -> Result<Vec<u8>, ConfigError> {
    let path = dir.join("jwt_secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(dir).map_err(|e| ConfigError::invalid("JWT_SECRET", e))?;
    let mut bytes = [0u8; 48];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    write_private(&path, &secret).map_err(|e| ConfigError::invalid("JWT_SECRET", e))?;
    tracing::warn!(path = %path.display(), "generated a development JWT secret");
    Ok(secret.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}
