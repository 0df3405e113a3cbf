//! Delivered email: every message the app wrote to its mail directory, decoded.

use std::path::PathBuf;
use std::time::Duration;

use super::TestApp;

/// A delivered email, decoded.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub message_id: String,
    /// The `List-Unsubscribe` and `List-Unsubscribe-Post` headers, if any.
    pub list_unsubscribe: Option<String>,
    pub list_unsubscribe_post: Option<String>,
}

/// Decodes a raw RFC 5322 message as delivered.
pub fn parse_email(raw: &[u8]) -> Email {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("parsable email");
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    Email {
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        body: message
            .body_text(0)
            .map(|b| b.into_owned())
            .unwrap_or_default(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
        list_unsubscribe: message
            .header_raw("List-Unsubscribe")
            .map(|v| v.trim().to_owned()),
        list_unsubscribe_post: message
            .header_raw("List-Unsubscribe-Post")
            .map(|v| v.trim().to_owned()),
    }
}

impl Email {
    /// The value of `token=` in the message's link.
    pub fn token(&self) -> String {
        let start = self.body.find("token=").expect("a link with a token") + "token=".len();
        self.body[start..]
            .split_whitespace()
            .next()
            .expect("token")
            .to_owned()
    }
}

impl TestApp {
    /// Every email delivered so far, oldest first.
    pub fn emails(&self) -> Vec<Email> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
            .map(|e| {
                (
                    e.metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(std::time::UNIX_EPOCH),
                    e.path(),
                )
            })
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|(_, p)| parse_email(&std::fs::read(p).expect("read eml")))
            .collect()
    }

    /// Waits (up to 15 s) until `count` emails to `to` have been delivered and returns them.
    pub async fn emails_to(&self, to: &str, count: usize) -> Vec<Email> {
        for _ in 0..150 {
            let found: Vec<Email> = self.emails().into_iter().filter(|e| e.to == to).collect();
            if found.len() >= count {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {count} email(s) to {to}, got {:?}", self.emails());
    }

    /// The newest email to `to`, waiting for at least `count` of them.
    pub async fn last_email_to(&self, to: &str, count: usize) -> Email {
        self.emails_to(to, count).await.pop().expect("an email")
    }
}
