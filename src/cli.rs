//! The `talkoot` command line: `serve` (default), `migrate`, `create-admin`,
//! `import-associations`, `seed --demo`.

use std::io::{BufRead as _, IsTerminal as _};
use std::path::{Path, PathBuf};

use chrono::Utc;
use clap::{Parser, Subcommand};

use crate::accounts::model::{self, User, normalize_email};
use crate::accounts::model::{check_display_name, check_email};
use crate::accounts::registration::insert_user;
use crate::associations::import;
use crate::auth::passwords;
use crate::config::Config;
use crate::db;
use crate::error::AppError;
use crate::search;
use crate::seed;
use crate::startup::Application;

/// Talkoot: volunteer matching for a region's associations.
#[derive(Debug, Parser)]
#[command(name = "talkoot", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; `serve` when none is given.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web pages, the HTTP API and the email worker (runs pending migrations
    /// first).
    Serve {
        /// Load the demo first when the database is empty (a database with data is served
        /// as it is), so that a newcomer sees a living service at once.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a verified administrator account. The password is read from a prompt, or
    /// from the first line of standard input when it is not a terminal — never from argv.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Ylläpitäjä")]
        display_name: String,
    },
    /// Import associations from a UTF-8 CSV file with a header row (columns: name,
    /// register_number, business_id, municipality_code, field_of_activity, email, website,
    /// phone, summary, description). Imported associations are verified and have no owner
    /// until claimed. Rows whose business ID or register number is already known are
    /// skipped, so the same file can be run again.
    ImportAssociations {
        /// The CSV file.
        file: PathBuf,
        /// Check every row and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Fill an empty database with demo data (`--demo`) or a national-size data set for
    /// benchmarks (`--scale N`); a database that has any account or association is left
    /// untouched.
    Seed {
        /// A dozen associations in Etelä-Karjala and Kymenlaakso, 40+ published tasks, and
        /// demo accounts (administrator, counsellor, owners, volunteers of several ages).
        #[arg(long, conflicts_with = "scale")]
        demo: bool,
        /// N × (10,000 associations, 100,000 tasks, 500,000 users, 2,000,000 sign-ups);
        /// fractions such as 0.2 work.
        #[arg(long, value_name = "N")]
        scale: Option<f64>,
    },
    /// Rebuild the search index from the database, with a progress bar. A server running
    /// on the same SEARCH_DIR keeps answering from its index meanwhile and switches to the
    /// new one when it is ready.
    Reindex,
}

/// Printed by `talkoot seed` without `--demo`: there is nothing else to seed yet, and
/// loading invented data should never happen by accident.
const SEED_HINT: &str = "Nothing was seeded. `talkoot seed --demo` fills an empty database \
with demo associations, tasks and accounts and prints their logins; `talkoot seed --scale N` \
with N × 100,000 tasks for benchmarks.";

/// Runs the chosen command.
pub async fn run(cli: Cli, config: Config) -> Result<(), AppError> {
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => {
            if demo {
                let seed_config = config.clone();
                let seeded = tokio::task::spawn_blocking(move || seed_demo_if_empty(&seed_config))
                    .await
                    .map_err(|e| AppError::internal(e.to_string()))??;
                match seeded {
                    Some(report) => print!("{report}"),
                    None => println!("The database has data already; the demo was not loaded."),
                }
            }
            let app = Application::build(config).await?;
            tracing::info!(port = app.port(), "Talkoot is listening");
            app.run_until_stopped()
                .await
                .map_err(|e| AppError::internal(e.to_string()))
        }
        Command::Migrate => {
            let applied = tokio::task::spawn_blocking(move || {
                let pool = db::build_pool(&config.database_url, 1)?;
                let mut conn = pool.get()?;
                db::run_migrations(&mut conn)
            })
            .await
            .map_err(|e| AppError::internal(e.to_string()))??;
            println!("applied {} migration(s)", applied.len());
            for name in applied {
                println!("  {name}");
            }
            Ok(())
        }
        Command::CreateAdmin {
            email,
            display_name,
        } => {
            let password = read_password()?;
            tokio::task::spawn_blocking(move || {
                create_admin(&config, &email, &display_name, &password)
            })
            .await
            .map_err(|e| AppError::internal(e.to_string()))??;
            println!("administrator created");
            Ok(())
        }
        Command::ImportAssociations { file, dry_run } => {
            let report =
                tokio::task::spawn_blocking(move || import_associations(&config, &file, dry_run))
                    .await
                    .map_err(|e| AppError::internal(e.to_string()))??;
            print!("{report}");
            Ok(())
        }
        Command::Seed {
            demo: false,
            scale: Some(factor),
        } => {
            let report = tokio::task::spawn_blocking(move || seed_scale(&config, factor))
                .await
                .map_err(|e| AppError::internal(e.to_string()))??;
            print!("{report}");
            Ok(())
        }
        Command::Seed {
            demo: false,
            scale: None,
        } => {
            println!("{SEED_HINT}");
            Ok(())
        }
        Command::Reindex => {
            let tasks = tokio::task::spawn_blocking(move || reindex(&config))
                .await
                .map_err(|e| AppError::internal(e.to_string()))??;
            println!("search index rebuilt: {tasks} task(s) read");
            Ok(())
        }
        Command::Seed { demo: true, .. } => {
            let report = tokio::task::spawn_blocking(move || seed_demo(&config))
                .await
                .map_err(|e| AppError::internal(e.to_string()))??;
            print!("{report}");
            Ok(())
        }
    }
}

/// Migrates, then loads the demo ([`seed::demo`]), which refuses a database with data.
pub fn seed_demo(config: &Config) -> Result<seed::Report, AppError> {
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    seed::demo(&mut conn)
}

/// [`seed_demo`] on an empty database; `None` (and nothing written) on one with data.
pub fn seed_demo_if_empty(config: &Config) -> Result<Option<seed::Report>, AppError> {
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    if !seed::is_empty(&mut conn)? {
        return Ok(None);
    }
    seed::demo(&mut conn).map(Some)
}

/// Migrates, then generates the scale data set ([`seed::scale::scale`]) with a progress
/// bar on stderr; refuses a database with data.
pub fn seed_scale(config: &Config, factor: f64) -> Result<seed::scale::ScaleReport, AppError> {
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    seed::scale::scale(&mut conn, factor, &progress_bar(0))
}

/// Migrates, then writes a new generation of the search index ([`search::SearchIndex::rebuild`])
/// with a progress bar on stderr; returns how many tasks it read.
pub fn reindex(config: &Config) -> Result<u64, AppError> {
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    let total: i64 = {
        use diesel::prelude::*;
        db::schema::tasks::table.count().get_result(&mut conn)?
    };
    let progress = progress_bar(u64::try_from(total).unwrap_or(0));
    let mut read = 0;
    search::SearchIndex::rebuild(&config.search_dir, &mut conn, config.clock.now(), |done| {
        read = done;
        progress.set_position(done);
    })?;
    progress.finish_and_clear();
    Ok(read)
}

/// Reads and checks the whole file before connecting, so that an unreadable file or a
/// wrong header changes nothing; then imports with a progress bar on stderr (hidden when
/// stderr is not a terminal, so logs and pipes stay clean).
pub fn import_associations(
    config: &Config,
    path: &Path,
    dry_run: bool,
) -> Result<import::Report, AppError> {
    let bytes = std::fs::read(path)
        .map_err(|e| AppError::BadRequest(format!("cannot read {}: {e}", path.display())))?;
    let file = import::read(&bytes)?;
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    let progress = progress_bar(file.len() as u64);
    let options = import::Options {
        dry_run,
        ..import::Options::default()
    };
    import::run(&mut conn, &file, options, &progress)
}

fn progress_bar(rows: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style =
        indicatif::ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} rows, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    indicatif::ProgressBar::new(rows).with_style(style)
}

fn read_password() -> Result<String, AppError> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")
            .map_err(|e| AppError::internal(e.to_string()))?;
        let again =
            rpassword::prompt_password("Again: ").map_err(|e| AppError::internal(e.to_string()))?;
        if first != again {
            return Err(AppError::BadRequest("the passwords differ".into()));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| AppError::internal(e.to_string()))?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Creates the administrator; refuses an address that already has an account.
pub fn create_admin(
    config: &Config,
    email: &str,
    display_name: &str,
    password: &str,
) -> Result<(), AppError> {
    let email = normalize_email(email);
    let display_name = &crate::api::text::nfc(display_name.trim());
    let errors: Vec<_> = [
        check_email("email", &email),
        check_display_name("display_name", display_name),
        passwords::check_policy("password", password, &[&email, display_name]).err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let pool = db::build_pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::run_migrations(&mut conn)?;
    let password_hash = passwords::hash_now(password)?;
    db::write_tx(&mut conn, |conn| {
        if model::find_by_email(conn, &email)?.is_some() {
            return Err(AppError::Conflict(format!(
                "{email} already has an account"
            )));
        }
        let now = Utc::now().naive_utc();
        insert_user(
            conn,
            &User {
                id: uuid::Uuid::now_v7().to_string(),
                email: email.clone(),
                password_hash,
                display_name: display_name.to_owned(),
                birth_date: None,
                municipality_code: None,
                language: "fi".into(),
                gender: None,
                email_verified_at: Some(now),
                is_admin: true,
                created_at: now,
                updated_at: now,
                wants_support: false,
                suspended_at: None,
            },
        )
    })
}
