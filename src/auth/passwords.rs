//! Password hashing (argon2id at OWASP's parameters) and the password policy.
//!
//! Hashing is deliberately slow, so it runs on the blocking pool and at most
//! [`MAX_CONCURRENT_HASHES`] run at once: a burst of logins then queues instead of taking
//! every core away from the requests that do not hash.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::{AppError, FieldError};

/// How many argon2 computations may run at the same time in one process.
pub const MAX_CONCURRENT_HASHES: usize = 2;
/// Shortest password accepted (NIST SP 800-63B).
pub const MIN_LEN: usize = 8;
/// Longest password accepted; bounds the hashing work an attacker can ask for.
pub const MAX_LEN: usize = 128;
/// zxcvbn score (0–4) a password must reach; 3 is "safely unguessable" against online attack.
const MIN_STRENGTH: zxcvbn::Score = zxcvbn::Score::Three;

fn argon2() -> Argon2<'static> {
    // OWASP: m=19456 KiB, t=2, p=1. The unwrap-free constructor cannot fail for these values,
    // but a failure would fall back to the crate default, which is the same set.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Shared limiter for hashing; cloned into every request's state.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Default for Hasher {
    fn default() -> Self {
        Self {
            permits: Arc::new(Semaphore::new(MAX_CONCURRENT_HASHES)),
        }
    }
}

/// Result of checking a password against a stored hash.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    No,
    Yes,
    /// Right password, but the stored hash uses old parameters: store this new hash.
    YesRehashed(String),
}

impl Hasher {
    /// Hashes a new password into a PHC string.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::internal(e.to_string()))?;
        actix_web::web::block(move || hash_now(&password)).await?
    }

    /// Verifies `password` against `stored`, or against a dummy hash when there is no
    /// account, so that an unknown email costs the same time as a wrong password.
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, AppError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::internal(e.to_string()))?;
        actix_web::web::block(move || verify_now(&password, stored.as_deref())).await?
    }
}

/// Hashes synchronously; for the CLI and for code already on a blocking thread.
pub fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(format!("hashing failed: {e}")))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("not-a-real-password-only-for-timing").unwrap_or_default())
}

fn verify_now(password: &str, stored: Option<&str>) -> Result<Verified, AppError> {
    let (phc, real) = match stored {
        Some(s) => (s, true),
        None => (dummy_hash(), false),
    };
    let parsed = PasswordHash::new(phc)
        .map_err(|e| AppError::internal(format!("stored hash unreadable: {e}")))?;
    if argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
        || !real
    {
        return Ok(Verified::No);
    }
    if needs_rehash(&parsed) {
        return Ok(Verified::YesRehashed(hash_now(password)?));
    }
    Ok(Verified::Yes)
}

fn needs_rehash(parsed: &PasswordHash<'_>) -> bool {
    let current = argon2();
    let wanted = current.params();
    let Ok(params) = Params::try_from(parsed) else {
        return true;
    };
    parsed.algorithm != argon2::ARGON2ID_IDENT
        || parsed.version != Some(Version::V0x13.into())
        || params.m_cost() != wanted.m_cost()
        || params.t_cost() != wanted.t_cost()
        || params.p_cost() != wanted.p_cost()
}

/// Checks length and strength; `user_inputs` (email, name) make passwords built from them weak.
pub fn check_policy(field: &str, password: &str, user_inputs: &[&str]) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_LEN {
        return Err(FieldError::new(
            field,
            "too_short",
            format!("Use at least {MIN_LEN} characters."),
        ));
    }
    if chars > MAX_LEN {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("Use at most {MAX_LEN} characters."),
        ));
    }
    // zxcvbn matches user inputs as whole dictionary words, so feed it the pieces too:
    // "maija.meikalainen@example.fi" yields "maija", "meikalainen", "example".
    let mut words: Vec<&str> = user_inputs.to_vec();
    for input in user_inputs {
        words.extend(
            input
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 3),
        );
        if let Some((local, _)) = input.split_once('@') {
            words.push(local);
        }
    }
    let estimate = zxcvbn::zxcvbn(password, &words);
    if estimate.score() < MIN_STRENGTH {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| w.to_string()))
            .unwrap_or_else(|| "It is too easy to guess.".to_owned());
        return Err(FieldError::new(
            field,
            "too_weak",
            format!(
                "This password is too common or easy to guess: {hint} A few unrelated words make a strong one."
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_with_owasp_parameters_and_verifies() {
        let phc = hash_now("correct horse battery staple").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert_eq!(
            verify_now("correct horse battery staple", Some(&phc)).unwrap(),
            Verified::Yes
        );
        assert_eq!(verify_now("wrong", Some(&phc)).unwrap(), Verified::No);
        assert_eq!(verify_now("anything", None).unwrap(), Verified::No);
    }

    #[test]
    fn old_parameters_are_rehashed_on_login() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let old = weak
            .hash_password(b"correct horse battery staple", &salt)
            .unwrap()
            .to_string();
        match verify_now("correct horse battery staple", Some(&old)).unwrap() {
            Verified::YesRehashed(new) => assert!(new.contains("m=19456,t=2,p=1")),
            other => panic!("expected a rehash, got {other:?}"),
        }
    }

    #[test]
    fn policy_refuses_short_long_and_common() {
        assert_eq!(
            check_policy("password", "short", &[]).unwrap_err().code,
            "too_short"
        );
        assert_eq!(
            check_policy("password", &"a".repeat(129), &[])
                .unwrap_err()
                .code,
            "too_long"
        );
        assert_eq!(
            check_policy("password", "password123", &[])
                .unwrap_err()
                .code,
            "too_weak"
        );
        assert_eq!(
            check_policy(
                "password",
                "maija.meikalainen",
                &["maija.meikalainen@example.fi"]
            )
            .unwrap_err()
            .code,
            "too_weak"
        );
        assert!(check_policy("password", "kesäinen metsäretki 2026 järvellä", &[]).is_ok());
    }
}
