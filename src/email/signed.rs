//! Signed values for links that must work without logging in (an alert email's one-click
//! unsubscribe): the link carries a value and an HMAC-SHA-256 of it under the server's
//! secret, so nobody can make a link for someone else's search, and nothing needs storing.
//!
//! The purpose is part of what is signed, so a signature made for one kind of link never
//! passes for another.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in a link: 128 bits, out of reach of guessing, in 22 characters.
const MAC_BYTES: usize = 16;

fn mac(key: &[u8], purpose: &str, value: &str) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(key).ok()?;
    mac.update(purpose.as_bytes());
    mac.update(&[0]);
    mac.update(value.as_bytes());
    Some(mac)
}

/// `value` and its signature as one URL-safe string, `{value}.{mac}` (the value must not
/// hold a `.`). `None` without a key (a notifier for the command line).
pub fn sign(key: &[u8], purpose: &str, value: &str) -> Option<String> {
    if key.is_empty() || value.contains('.') {
        return None;
    }
    let tag = mac(key, purpose, value)?.finalize().into_bytes();
    let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&tag[..MAC_BYTES]);
    Some(format!("{value}.{tag}"))
}

/// The value of a string made by [`sign`] with the same key and purpose, or `None` for
/// anything else (checked in constant time).
pub fn verify<'a>(key: &[u8], purpose: &str, signed: &'a str) -> Option<&'a str> {
    let (value, tag) = signed.rsplit_once('.')?;
    let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(tag)
        .ok()?;
    if key.is_empty() || tag.len() != MAC_BYTES {
        return None;
    }
    mac(key, purpose, value)?
        .verify_truncated_left(&tag)
        .ok()
        .map(|()| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_value_verifies_only_with_its_key_and_purpose() {
        let token = sign(KEY, "unsubscribe", "s:abc").unwrap();
        assert_eq!(verify(KEY, "unsubscribe", &token), Some("s:abc"));
        assert_eq!(
            verify(b"another key of thirty-two bytes!", "unsubscribe", &token),
            None
        );
        assert_eq!(verify(KEY, "calendar", &token), None);
        let forged = token.replacen("s:abc", "s:abd", 1);
        assert_eq!(verify(KEY, "unsubscribe", &forged), None);
        assert_eq!(verify(KEY, "unsubscribe", "s:abc"), None);
        assert_eq!(verify(KEY, "unsubscribe", "s:abc.AAAA"), None);
        assert_eq!(sign(&[], "unsubscribe", "s:abc"), None);
        assert_eq!(sign(KEY, "unsubscribe", "a.b"), None);
    }
}
