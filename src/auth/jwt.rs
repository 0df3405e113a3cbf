//! Access tokens: HS256 JWTs that live 15 minutes and name their session (`sid`), which is
//! checked against the `sessions` table on every request so logout takes effect at once.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Lifetime of an access token.
pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;
/// The audience every access token is minted for; a token for another audience is refused.
pub const AUDIENCE: &str = "talkoot-api";

/// Claims of an access token; every one is required.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub sid: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

/// Signs and checks access tokens with one secret and issuer.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
}

impl JwtKeys {
    /// `issuer` is the service's public base URL, so tokens of another deployment fail.
    pub fn new(secret: &[u8], issuer: &str) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
        }
    }

    /// The issuer claim value (tests forge tokens with other values).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Mints an access token for a session.
    pub fn issue(&self, user_id: &str, session_id: &str) -> Result<String, AppError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_owned(),
            sid: session_id.to_owned(),
            iat: now,
            nbf: now,
            exp: now + ACCESS_TOKEN_SECONDS,
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::internal(format!("signing token: {e}")))
    }

    /// Checks signature (HS256 only), expiry, not-before, issuer and audience.
    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[AUDIENCE]);
        validation.validate_nbf = true;
        validation.leeway = 5;
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .map(|data| data.claims)
            .map_err(|_| AppError::Unauthorized)
    }
}
