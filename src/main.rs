//! The `talkoot` binary: reads `.env` and the environment, then runs a subcommand.

use std::process::ExitCode;

use clap::Parser as _;
use talkoot::cli::{self, Cli};
use talkoot::config::Config;

#[actix_web::main]
async fn main() -> ExitCode {
    // A missing .env is normal; only its absence is tolerated, not a broken one.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("error: .env: {e}");
        return ExitCode::FAILURE;
    }
    talkoot::telemetry::init();
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("configuration error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cli::run(cli, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            if let talkoot::error::AppError::Validation(fields) = &e {
                for f in fields {
                    eprintln!("  {}: {}", f.field, f.message);
                }
            }
            ExitCode::FAILURE
        }
    }
}
