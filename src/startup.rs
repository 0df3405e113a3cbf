//! Building and running the application: pool, migrations, HTTP server, email worker and
//! job scheduler.
//!
//! [`Application::build`] binds the listener first, so tests can ask for port 0 and read the
//! real port back, and so a port clash fails before anything else starts.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::{ErrorHandlers, from_fn};
use actix_web::{App, HttpServer, web};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tracing_actix_web::TracingLogger;

use crate::accounts::auth_routes::Limiters;
use crate::api::clean_request::refuse_hidden_characters;
use crate::api::default_headers;
use crate::api::json::MAX_BODY_BYTES;
use crate::auth::jwt::JwtKeys;
use crate::auth::passwords::{Hasher, MAX_CONCURRENT_HASHES};
use crate::auth::rate_limit::limiter;
use crate::config::Config;
use crate::db::{self, Db};
use crate::email::Notifier;
use crate::email::transport::Mailer;
use crate::email::worker::Worker;
use crate::error::{AppError, problem_for_framework_errors};
use crate::jobs::runner::Runner;
use crate::state::AppState;
use crate::telemetry::{RequestSpan, log_request};
use crate::{
    accounts, admin, associations, health, jobs, matching, privacy, reference, referrals, reports,
    search, signups, stats, tasks, web as pages,
};

/// A built, bound, not yet running application.
pub struct Application {
    port: u16,
    server: Server,
    worker: JoinHandle<()>,
    scheduler: JoinHandle<()>,
    follower: JoinHandle<()>,
    stop_worker: watch::Sender<bool>,
}

impl Application {
    /// Connects, migrates, binds and wires everything; nothing serves until
    /// [`Application::run_until_stopped`].
    pub async fn build(config: Config) -> Result<Self, AppError> {
        let pool = db::build_pool(&config.database_url, config.database_pool_size)?;
        let migrate_pool = pool.clone();
        let (retention, started) = (config.retention.clone(), config.clock.now());
        let applied = web::block(move || {
            let mut conn = migrate_pool.get()?;
            let applied = db::run_migrations(&mut conn)?;
            db::write_tx(&mut conn, |conn| {
                privacy::retention::ensure_scheduled(conn, &retention, started)
            })?;
            Ok::<_, AppError>(applied)
        })
        .await??;
        if !applied.is_empty() {
            tracing::info!(migrations = ?applied, "applied database migrations");
        }
        let index_pool = pool.clone();
        let search_dir = config.search_dir.clone();
        let count_cache = config.search_count_cache;
        let now = config.clock.now();
        let index = web::block(move || {
            let mut conn = index_pool.get()?;
            let index = search::SearchIndex::open(&search_dir, &mut conn, now)?
                .with_count_cache(count_cache);
            // Catch up before serving, so the first search need not.
            index.catch_up(&mut conn, now, true)?;
            Ok::<_, AppError>(index)
        })
        .await??;
        let index = web::Data::new(index);
        let listener = TcpListener::bind(&config.bind_addr)
            .map_err(|e| AppError::internal(format!("binding {}: {e}", config.bind_addr)))?;
        let port = listener
            .local_addr()
            .map_err(|e| AppError::internal(e.to_string()))?
            .port();

        let mail_wake = Arc::new(Notify::new());
        let jobs_wake = Arc::new(Notify::new());
        let db = Db::new(pool);
        let state = AppState {
            jwt: JwtKeys::new(&config.jwt_secret, &config.public_base_url),
            config: Arc::new(config.clone()),
            db: db.clone(),
            hasher: Hasher::default(),
            mail_wake: mail_wake.clone(),
            jobs_wake: jobs_wake.clone(),
        };
        let limiters = Limiters {
            login: limiter(&config.rate_limits).map_err(AppError::internal)?,
            register: limiter(&config.rate_limits).map_err(AppError::internal)?,
            reset: limiter(&config.rate_limits).map_err(AppError::internal)?,
            reports: limiter(&config.rate_limits).map_err(AppError::internal)?,
        };

        let (stop_worker, shutdown) = watch::channel(false);
        let scheduler = tokio::spawn(
            Runner {
                db: db.clone(),
                handlers: job_handlers(),
                links: Notifier::new(&state),
                timing: config.mail_worker.clone(),
                clock: config.clock.clone(),
                wake: jobs_wake,
                mail_wake: mail_wake.clone(),
                shutdown: shutdown.clone(),
            }
            .run(),
        );
        let worker = Worker {
            db,
            mailer: Mailer::from_config(&config.mail_transport).map_err(AppError::internal)?,
            from: config
                .mail_from
                .parse()
                .map_err(|e| AppError::internal(format!("MAIL_FROM: {e}")))?,
            config: config.mail_worker.clone(),
            wake: mail_wake,
            shutdown: shutdown.clone(),
        };
        let worker = tokio::spawn(worker.run());
        let follower = tokio::spawn(
            search::follower::Follower {
                db: state.db.clone(),
                index: index.clone().into_inner(),
                clock: config.clock.clone(),
                shutdown: shutdown.clone(),
            }
            .run(),
        );

        let server = build_server(listener, state, index, limiters, &config)?;
        Ok(Self {
            port,
            server,
            worker,
            follower,
            scheduler,
            stop_worker,
        })
    }

    /// The port actually bound (useful when `BIND_ADDR` asked for port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the server gracefully (tests use it; production uses signals).
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGINT/SIGTERM (or [`ServerHandle::stop`]): in-flight requests finish,
    /// then the job scheduler finishes its current job and the email worker its current
    /// message, and both stop (what is left waits in the database for the next start).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        let _ = self.stop_worker.send(true);
        if let Err(e) = self.scheduler.await {
            tracing::error!(error = %e, "job scheduler ended abnormally");
        }
        if let Err(e) = self.worker.await {
            tracing::error!(error = %e, "email worker ended abnormally");
        }
        if let Err(e) = self.follower.await {
            tracing::error!(error = %e, "search follower ended abnormally");
        }
        served
    }
}

/// Every feature's hooks, wired here, the one place that knows all features: each feature
/// lists what it lets the features above it plug in (`*/hooks.rs`), and a higher feature
/// provides the functions, so that no feature imports one above it.
struct Hooks {
    associations: web::Data<associations::hooks::Hooks>,
    tasks: web::Data<tasks::hooks::Hooks>,
}

impl Hooks {
    fn wired() -> Self {
        Self {
            associations: web::Data::new(tasks::association_hooks::hooks()),
            tasks: web::Data::new(signups::task_hooks::hooks()),
        }
    }
}

/// The feature function that runs each kind of background job (see `jobs`).
fn job_handlers() -> jobs::Handlers {
    jobs::Handlers {
        registration: accounts::registration::complete_registration,
        verification_resend: accounts::registration::send_verification_again,
        password_reset: accounts::password_reset::send_reset_link,
        referral_expiry: referrals::expiry::expire,
        task_listed: matching::alerts::task_listed,
        alert_digest: matching::alerts::send_digest,
        task_reminders: signups::reminders::send,
        retention: privacy::retention::run,
    }
}

fn build_server(
    listener: TcpListener,
    state: AppState,
    index: web::Data<search::SearchIndex>,
    limiters: Limiters,
    config: &Config,
) -> Result<Server, AppError> {
    let state = web::Data::new(state);
    // Blocking threads per worker: enough for every pooled connection plus the hashes, so a
    // request never waits for a thread while a connection sits idle, and never holds a thread
    // while it waits for a connection that is not there (README, "Sizing").
    let pool = usize::try_from(config.database_pool_size).unwrap_or(10);
    let blocking_per_worker = config
        .blocking_threads_per_worker
        .unwrap_or_else(|| pool.div_ceil(config.workers) + MAX_CONCURRENT_HASHES)
        .max(1);
    let hooks = Hooks::wired();
    let public_base_url = config.public_base_url.clone();
    let report_limiter = web::Data::new(reports::routes::ReportLimiter(limiters.reports.clone()));
    let web_limiters = web::Data::new(limiters.clone());
    let reference_cache = web::Data::new(pages::reference::Cache::default());
    let server = HttpServer::new(move || {
        let limiters = limiters.clone();
        App::new()
            .app_data(report_limiter.clone())
            .app_data(web_limiters.clone())
            .app_data(reference_cache.clone())
            .app_data(state.clone())
            .app_data(hooks.associations.clone())
            .app_data(hooks.tasks.clone())
            .app_data(index.clone())
            .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
            .app_data(web::QueryConfig::default().error_handler(|err, _| {
                AppError::BadRequest(format!("Invalid query string: {err}")).into()
            }))
            .wrap(from_fn(refuse_hidden_characters))
            .wrap(ErrorHandlers::new().default_handler(problem_for_framework_errors))
            .wrap(default_headers(&public_base_url))
            .wrap(from_fn(log_request))
            .wrap(TracingLogger::<RequestSpan>::new())
            .configure(health::configure)
            .service(web::scope("/api/v1").configure(|cfg| {
                accounts::auth_routes::configure(cfg, &limiters);
                accounts::routes::configure(cfg, privacy::routes::erase_me());
                // Before associations: it takes GET /associations (see its configure).
                search::routes::configure(cfg);
                associations::routes::configure(cfg);
                admin::routes::configure(cfg);
                tasks::routes::configure(cfg);
                signups::routes::configure(cfg);
                referrals::routes::configure(cfg);
                matching::routes::configure(cfg);
                privacy::routes::configure(cfg);
                reports::routes::configure(cfg);
                stats::routes::configure(cfg);
                reference::routes::configure(cfg);
            }))
            // The web front end: /{lang}/… and /static/…; any other GET without a language
            // is redirected into the browser's language.
            .configure(pages::configure)
            .default_service(web::to(pages::lang::elsewhere))
    })
    .workers(config.workers)
    .worker_max_blocking_threads(blocking_per_worker)
    .shutdown_timeout(30)
    // Without it, a compressed response on a kept-alive connection waits ~40 ms for the
    // client's delayed ACK (Nagle), exactly the requests htmx makes while someone types
    // (docs/benchmarks.md, "The web search page").
    .tcp_nodelay(true)
    .listen(listener)
    .map_err(|e| AppError::internal(format!("listening: {e}")))?
    .run();
    Ok(server)
}
