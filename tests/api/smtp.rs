//! A minimal SMTP server on loopback that stores what it is sent, so email tests read what
//! lettre really delivered over the wire.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::{Email, parse_email};

/// A running sink; dropping it stops accepting connections.
pub struct SmtpSink {
    pub port: u16,
    messages: Arc<Mutex<Vec<Vec<u8>>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A loopback port that was free a moment ago (for "the server is down" tests).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

impl SmtpSink {
    /// Starts on a random port.
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// Starts on a given port.
    pub async fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind smtp sink");
        let port = listener.local_addr().expect("addr").port();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, store.clone()));
            }
        });
        Self {
            port,
            messages,
            task,
        }
    }

    /// Waits (up to 15 s) for `count` messages and returns them decoded.
    pub async fn wait_for(&self, count: usize) -> Vec<Email> {
        for _ in 0..150 {
            let raw = self.messages.lock().expect("lock").clone();
            if raw.len() >= count {
                return raw.iter().map(|m| parse_email(m)).collect();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the SMTP sink received fewer than {count} message(s)");
    }
}

async fn session(stream: TcpStream, store: Arc<Mutex<Vec<Vec<u8>>>>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    if write.write_all(b"220 sink.test ESMTP\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250 8BITMIME\r\n",
            "DATA" => {
                if write
                    .write_all(b"354 end with <CRLF>.<CRLF>\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let mut data = Vec::new();
                loop {
                    let mut chunk = String::new();
                    match reader.read_line(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    if chunk == ".\r\n" {
                        break;
                    }
                    // Undo dot-stuffing (RFC 5321 4.5.2).
                    let chunk = chunk.strip_prefix('.').unwrap_or(&chunk).to_owned();
                    data.extend_from_slice(chunk.as_bytes());
                }
                store.lock().expect("lock").push(data);
                b"250 queued\r\n"
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"250 ok\r\n",
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
