//! The `talkoot` command line: `serve` (default), `migrate`, `create-admin`.

use std::io::{BufRead as _, IsTerminal as _};

use chrono::Utc;
use clap::{Parser, Subcommand};

use crate::accounts::model::{self, User, normalize_email};
use crate::accounts::registration::{check_display_name, check_email, insert_user};
use crate::auth::passwords;
use crate::config::Config;
use crate::db;
use crate::error::AppError;
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
    /// Run the HTTP API and the email worker (runs pending migrations first).
    Serve,
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
}

/// Runs the chosen command.
pub async fn run(cli: Cli, config: Config) -> Result<(), AppError> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
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
    }
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
    let display_name = display_name.trim();
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
            },
        )
    })
}
