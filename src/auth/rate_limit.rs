//! Per-IP rate limits for the endpoints an attacker would hammer: a GCRA limiter per client
//! address from the `governor` crate (well kept, lock-free, MIT), answering in problem+json
//! with `Retry-After`. The middleware is a few lines of `from_fn` here rather than the
//! `actix-governor` crate, whose GPL-3.0 licence would bind every deployment of this
//! EUPL-licensed service to the GPL's terms.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::RateLimits;
use crate::error::AppError;

/// Clients remembered before the idle ones are forgotten (a refilled bucket carries no
/// state worth keeping, and a flood of addresses must not grow memory without end).
const FORGET_IDLE_ABOVE: usize = 10_000;

/// One limiter: its own buckets, shared by every worker (cloning shares them).
#[derive(Clone)]
pub struct Limiter {
    buckets: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trust_forwarded: bool,
}

/// Builds a limiter from the configured burst and replenish period.
pub fn limiter(limits: &RateLimits) -> Result<Limiter, String> {
    let invalid = || "rate limit burst and period must be greater than zero".to_owned();
    let burst = NonZeroU32::new(limits.per_ip_burst).ok_or_else(invalid)?;
    let quota = Quota::with_period(limits.per_ip_replenish)
        .ok_or_else(invalid)?
        .allow_burst(burst);
    Ok(Limiter {
        buckets: Arc::new(RateLimiter::keyed(quota)),
        trust_forwarded: limits.trust_forwarded_for,
    })
}

impl Limiter {
    /// Counts one request of this client; over the limit it is a 429 that says when to
    /// come back.
    pub fn check(&self, req: &HttpRequest) -> Result<(), AppError> {
        let ip = self
            .client_ip(req)
            .ok_or_else(|| AppError::BadRequest("Cannot tell the client's address.".into()))?;
        if self.buckets.len() > FORGET_IDLE_ABOVE {
            self.buckets.retain_recent();
        }
        self.buckets.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            AppError::RateLimited {
                retry_after_secs: secs.max(1),
            }
        })
    }

    /// The TCP peer, or the first `X-Forwarded-For` hop when `TRUST_FORWARDED_FOR` says a
    /// trusted proxy sets it.
    fn client_ip(&self, req: &HttpRequest) -> Option<IpAddr> {
        if self.trust_forwarded
            && let Some(ip) = req.connection_info().realip_remote_addr().and_then(|s| {
                s.parse::<IpAddr>()
                    .ok()
                    .or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
            })
        {
            return Some(ip);
        }
        req.peer_addr().map(|addr| addr.ip())
    }
}
