//! Per-IP rate limits for the endpoints an attacker would hammer, with actix-governor
//! (a GCRA limiter, well kept and lock-free) answering in problem+json with `Retry-After`.

use std::net::IpAddr;

use actix_governor::governor::NotUntil;
use actix_governor::governor::clock::{Clock, DefaultClock, QuantaInstant};
use actix_governor::governor::middleware::NoOpMiddleware;
use actix_governor::{
    GovernorConfig, GovernorConfigBuilder, KeyExtractor, SimpleKeyExtractionError,
};
use actix_web::dev::ServiceRequest;
use actix_web::{HttpResponse, HttpResponseBuilder, ResponseError};

use crate::config::RateLimits;
use crate::error::AppError;

/// Keys requests by client IP: the TCP peer, or the first `X-Forwarded-For` hop when
/// `TRUST_FORWARDED_FOR` says a trusted proxy sets it.
#[derive(Clone, Debug)]
pub struct ClientIp {
    trust_forwarded: bool,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;
    type KeyExtractionError = SimpleKeyExtractionError<&'static str>;

    fn extract(&self, req: &ServiceRequest) -> Result<IpAddr, Self::KeyExtractionError> {
        if self.trust_forwarded
            && let Some(ip) = req.connection_info().realip_remote_addr().and_then(|s| {
                s.parse::<IpAddr>()
                    .ok()
                    .or_else(|| s.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
            })
        {
            return Ok(ip);
        }
        req.peer_addr()
            .map(|addr| addr.ip())
            .ok_or_else(|| SimpleKeyExtractionError::new("cannot tell the client's address"))
    }

    fn exceed_rate_limit_response(
        &self,
        negative: &NotUntil<QuantaInstant>,
        _: HttpResponseBuilder,
    ) -> HttpResponse {
        let wait = negative.wait_time_from(DefaultClock::default().now());
        let retry_after_secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        AppError::RateLimited {
            retry_after_secs: retry_after_secs.max(1),
        }
        .error_response()
    }
}

/// One limiter's configuration; build it once and share it between workers (each
/// `GovernorConfig` owns its own counter store).
pub type Limiter = GovernorConfig<ClientIp, NoOpMiddleware<QuantaInstant>>;

/// Builds a limiter from the configured burst and replenish period.
pub fn limiter(limits: &RateLimits) -> Result<Limiter, String> {
    GovernorConfigBuilder::default()
        .period(limits.per_ip_replenish)
        .burst_size(limits.per_ip_burst)
        .key_extractor(ClientIp {
            trust_forwarded: limits.trust_forwarded_for,
        })
        .finish()
        .ok_or_else(|| "rate limit burst and period must be greater than zero".to_owned())
}
