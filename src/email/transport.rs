//! Delivery backends behind one enum (SMTP, files, log), chosen by `MAIL_TRANSPORT`.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use std::path::PathBuf;

use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::MailTransportConfig;
use crate::email::outbox::OutboxMessage;

/// A configured way to deliver email.
#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `{outbox id}.eml` per message, written to a temporary name and renamed, so a
    /// reader never sees half a message and a retry overwrites rather than duplicates.
    File(PathBuf),
    Log,
}

/// Why a message could not be delivered (the worker retries it).
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("building the message: {0}")]
    Build(String),
    #[error("delivery: {0}")]
    Transport(String),
}

impl SendError {
    /// A message that can never be built (bad address) is not worth retrying.
    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::Build(_))
    }
}

/// Turns DESIGN.md's `smtp://` (STARTTLS required) into lettre's URL form; `?tls=none` is an
/// explicit opt-out for a local sink such as Mailpit.
pub fn lettre_smtp_url(url: &str) -> Result<String, String> {
    let mut parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
    if parsed.scheme() != "smtp" {
        return Ok(url.to_owned());
    }
    let tls = parsed
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.into_owned());
    let others: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(k, _)| k != "tls")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    parsed.set_query(None);
    {
        let mut pairs = parsed.query_pairs_mut();
        for (k, v) in &others {
            pairs.append_pair(k, v);
        }
        match tls.as_deref() {
            None | Some("required") => {
                pairs.append_pair("tls", "required");
            }
            Some("opportunistic") => {
                pairs.append_pair("tls", "opportunistic");
            }
            Some("none") => {}
            Some(other) => {
                return Err(format!(
                    "unknown tls mode '{other}' (required, opportunistic, none)"
                ));
            }
        }
    }
    let mut s = parsed.to_string();
    if s.ends_with('?') {
        s.pop();
    }
    Ok(s)
}

impl Mailer {
    /// Builds the transport; SMTP connects lazily, so a mail server that is down now does
    /// not stop the service from starting.
    pub fn from_config(config: &MailTransportConfig) -> Result<Self, String> {
        Ok(match config {
            MailTransportConfig::Smtp { url } => {
                let url = lettre_smtp_url(url)?;
                let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(|e| e.to_string())?;
                Self::Smtp(
                    builder
                        .timeout(Some(std::time::Duration::from_secs(20)))
                        .build(),
                )
            }
            MailTransportConfig::File { dir } => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("creating {}: {e}", dir.display()))?;
                Self::File(dir.clone())
            }
            MailTransportConfig::Log => Self::Log,
        })
    }

    /// Sends one outbox row. `Message-ID` comes from the row id, so a retried message keeps
    /// its identity and a receiving server can drop a duplicate.
    pub async fn send(&self, from: &Mailbox, message: &OutboxMessage) -> Result<(), SendError> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| SendError::Build(format!("{e}")))?;
        let domain = from.email.domain().to_owned();
        let mut builder = Message::builder();
        if let Some(url) = &message.list_unsubscribe {
            // RFC 8058: a mail client may offer one-click unsubscribe, a POST to the URL.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let email = builder
            .from(from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(format!("<{}@{}>", message.id, domain)))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body_text.clone())
            .map_err(|e| SendError::Build(e.to_string()))?;
        match self {
            Self::Smtp(transport) => {
                transport
                    .send(email)
                    .await
                    .map_err(|e| SendError::Transport(e.to_string()))?;
            }
            Self::File(dir) => {
                let tmp = dir.join(format!("{}.eml.tmp", message.id));
                tokio::fs::write(&tmp, email.formatted())
                    .await
                    .map_err(|e| SendError::Transport(e.to_string()))?;
                tokio::fs::rename(&tmp, dir.join(format!("{}.eml", message.id)))
                    .await
                    .map_err(|e| SendError::Transport(e.to_string()))?;
            }
            Self::Log => {
                tracing::info!(message_id = %message.id, subject = %message.subject, "email (log transport)");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::lettre_smtp_url;

    #[test]
    fn smtp_means_starttls_unless_opted_out() {
        assert_eq!(
            lettre_smtp_url("smtp://u:p@mail.example.fi:587").unwrap(),
            "smtp://u:p@mail.example.fi:587?tls=required"
        );
        assert_eq!(
            lettre_smtp_url("smtp://127.0.0.1:1025?tls=none").unwrap(),
            "smtp://127.0.0.1:1025"
        );
        assert_eq!(
            lettre_smtp_url("smtps://mail.example.fi").unwrap(),
            "smtps://mail.example.fi"
        );
        assert!(lettre_smtp_url("smtp://h?tls=maybe").is_err());
    }
}
