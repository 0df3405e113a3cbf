//! Opaque one-time secrets (refresh, email verification, password reset).
//!
//! The client gets 32 random bytes; the database keeps only their SHA-256, so a leaked
//! database copy cannot be replayed. They are not JWTs, so none of them can ever pass as an
//! access token, and an access token is never found in their tables.

use base64::Engine as _;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// A freshly generated secret: give `plain` to the user, store `hash`.
pub struct NewToken {
    pub plain: String,
    pub hash: String,
}

/// Generates a new random token.
pub fn generate() -> NewToken {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let plain = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&plain);
    NewToken { plain, hash }
}

/// The stored form of a token the client presents.
pub fn hash(plain: &str) -> String {
    let digest = Sha256::digest(plain.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_unique_and_hash_stably() {
        let a = super::generate();
        let b = super::generate();
        assert_ne!(a.plain, b.plain);
        assert_eq!(super::hash(&a.plain), a.hash);
        assert_eq!(a.hash.len(), 64);
    }
}
