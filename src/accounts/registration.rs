//! Creating an account and confirming its email address.
//!
//! Registration answers the same whether or not the address is taken: a new address gets a
//! verification link, an unverified one a fresh link, and a verified one a notice, so the
//! API never reveals who has an account. Nor does its timing: the request checks what does
//! not depend on the address (the fields, the password hash, the municipality) and schedules
//! a job; the lookup and whatever follows from it run later in the job scheduler
//! ([`complete_registration`], [`send_verification_again`]).

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::accounts::model::{
    self, User, check_birth_date, check_display_name, check_email, normalize_email,
};
use crate::api::text;
use crate::auth::email_tokens::{self, Purpose};
use crate::auth::passwords;
use crate::db::DbConnection;
use crate::db::schema::users;
use crate::email::{Notifier, Template, outbox};
use crate::error::{AppError, FieldError};
use crate::i18n::Language;
use crate::jobs::{self, JobKind};
use crate::state::AppState;

/// `POST /auth/register` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    pub email: String,
    pub password: String,
    pub display_name: String,
    #[serde(deserialize_with = "crate::api::date::strict")]
    pub birth_date: NaiveDate,
    pub municipality_code: Option<String>,
    pub language: Option<Language>,
}

/// `POST /auth/verify-email` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    pub token: String,
}

/// `POST /auth/verify-email/resend` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResendRequest {
    pub email: String,
}

/// What a registration leaves for the scheduler: every field checked, the password hashed.
#[derive(Debug, Serialize, Deserialize)]
struct RegistrationJob {
    email: String,
    password_hash: String,
    display_name: String,
    birth_date: NaiveDate,
    municipality_code: Option<String>,
    language: String,
}

/// What a resend request leaves for the scheduler: the address as typed (normalised).
#[derive(Debug, Serialize, Deserialize)]
struct ResendJob {
    email: String,
}

fn queue_verification(
    conn: &mut DbConnection,
    links: &Notifier,
    user: &User,
) -> Result<(), AppError> {
    let token = email_tokens::issue(conn, &user.id, Purpose::VerifyEmail)?;
    let link = links.link(&format!("/verify-email?token={token}"));
    let mail = Template::VerifyEmail {
        name: user.display_name.clone(),
        link,
    }
    .render(Language::from_code(&user.language));
    outbox::enqueue(conn, Some(&user.id), &user.email, &mail)?;
    Ok(())
}

/// Registers an account (or mails the owner of an existing one): checks the input and hashes
/// the password here, the same work for every address, and leaves the rest to a job.
pub async fn register(state: &AppState, req: RegisterRequest) -> Result<(), AppError> {
    let email = normalize_email(&req.email);
    let display_name = text::nfc(req.display_name.trim());
    let mut errors: Vec<FieldError> = [
        check_email("email", &email),
        check_display_name("display_name", &display_name),
        passwords::check_policy("password", &req.password, &[&email, &display_name]).err(),
        check_birth_date("birth_date", req.birth_date).err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !errors.is_empty() {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        return Err(AppError::Validation(errors));
    }
    let job = RegistrationJob {
        email,
        password_hash: state.hasher.hash(req.password).await?,
        display_name,
        birth_date: req.birth_date,
        municipality_code: req.municipality_code,
        language: req.language.unwrap_or_default().code().to_owned(),
    };
    state
        .db
        .write(move |conn| {
            if let Some(code) = &job.municipality_code
                && let Some(error) = model::check_municipality(conn, "municipality_code", code)?
            {
                return Err(AppError::Validation(vec![error]));
            }
            jobs::schedule_now(conn, JobKind::Registration, &job)
        })
        .await?;
    state.wake_jobs();
    Ok(())
}

/// The scheduler's half of a registration ([`JobKind::Registration`]): a new address gets
/// an account and a verification link, an unverified one a fresh link, and a verified one
/// a notice. When another instance's job created the same address a moment earlier, the
/// insert fails, the job is retried, and the retry finds the account.
pub fn complete_registration(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    _now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let job: RegistrationJob = jobs::read_payload(payload)?;
    match model::find_by_email(conn, &job.email)? {
        Some(existing) if existing.email_verified_at.is_some() => {
            let mail = Template::AccountExists {
                name: existing.display_name.clone(),
                reset_link: links.link("/reset-password"),
            }
            .render(Language::from_code(&existing.language));
            outbox::enqueue(conn, Some(&existing.id), &existing.email, &mail)?;
        }
        Some(existing) => queue_verification(conn, links, &existing)?,
        None => {
            let now = Utc::now().naive_utc();
            let user = User {
                id: uuid::Uuid::now_v7().to_string(),
                email: job.email,
                password_hash: job.password_hash,
                display_name: job.display_name,
                birth_date: Some(job.birth_date),
                municipality_code: job.municipality_code,
                language: job.language,
                gender: None,
                email_verified_at: None,
                is_admin: false,
                created_at: now,
                updated_at: now,
                wants_support: false,
                suspended_at: None,
            };
            insert_user(conn, &user)?;
            queue_verification(conn, links, &user)?;
        }
    }
    Ok(())
}

/// Inserts a complete account row (registration and `create-admin`).
pub fn insert_user(conn: &mut DbConnection, user: &User) -> Result<(), AppError> {
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&user.id),
            users::email.eq(&user.email),
            users::password_hash.eq(&user.password_hash),
            users::display_name.eq(&user.display_name),
            users::birth_date.eq(user.birth_date),
            users::municipality_code.eq(&user.municipality_code),
            users::language.eq(&user.language),
            users::gender.eq(&user.gender),
            users::email_verified_at.eq(user.email_verified_at),
            users::is_admin.eq(user.is_admin),
            users::created_at.eq(user.created_at),
            users::updated_at.eq(user.updated_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Confirms the address behind a verification token.
pub async fn verify(state: &AppState, req: VerifyRequest) -> Result<(), AppError> {
    state
        .db
        .write(move |conn| {
            let user_id = email_tokens::consume(conn, &req.token, Purpose::VerifyEmail)?;
            let now = Utc::now().naive_utc();
            diesel::update(
                users::table
                    .find(&user_id)
                    .filter(users::email_verified_at.is_null()),
            )
            .set((users::email_verified_at.eq(now), users::updated_at.eq(now)))
            .execute(conn)?;
            Ok(())
        })
        .await
}

/// Asks for a new verification link: schedules a job, the same work for every address.
pub async fn resend(state: &AppState, req: ResendRequest) -> Result<(), AppError> {
    let job = ResendJob {
        email: normalize_email(&req.email),
    };
    state
        .db
        .write(move |conn| jobs::schedule_now(conn, JobKind::VerificationResend, &job))
        .await?;
    state.wake_jobs();
    Ok(())
}

/// The scheduler's half of a resend ([`JobKind::VerificationResend`]): a new link to an
/// unverified account; silently nothing otherwise.
pub fn send_verification_again(
    conn: &mut DbConnection,
    links: &Notifier,
    payload: &str,
    _now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let job: ResendJob = jobs::read_payload(payload)?;
    match model::find_by_email(conn, &job.email)? {
        Some(user) if user.email_verified_at.is_none() => queue_verification(conn, links, &user),
        _ => Ok(()),
    }
}
