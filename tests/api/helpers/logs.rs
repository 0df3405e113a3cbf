//! What the server logs at `info`, in the server's own format, read back by a test.
//!
//! One subscriber serves the whole test binary, so the capture is global: while any test
//! holds a [`LogCapture`], every `info` (and more severe) line of every running app is
//! kept. A test therefore looks for its own lines by request id, and for the absence of
//! strings that only it used.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use tracing::{Level, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::dynamic_filter_fn;
use tracing_subscriber::registry::LookupSpan;

/// How many captures are open; nothing is formatted while there are none.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);
/// Everything logged while a capture was open.
static LINES: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// The layer that feeds the capture: the server's format without colours, at `info`.
pub fn layer<S>() -> impl Layer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    talkoot::telemetry::format_layer(|| Sink)
        .with_ansi(false)
        // Dynamic: decided per event, as a plain filter function's answer is cached per
        // call site the first time, capture or not.
        .with_filter(dynamic_filter_fn(|meta, _| {
            ACTIVE.load(Ordering::SeqCst) > 0 && *meta.level() <= Level::INFO
        }))
}

struct Sink;

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LINES.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Keeps the server's log while it lives.
pub struct LogCapture;

/// Starts keeping what the server logs at `info`.
pub fn capture_logs() -> LogCapture {
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    LogCapture
}

impl LogCapture {
    /// Everything kept so far (from every test running meanwhile).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&LINES.lock().unwrap()).into_owned()
    }

    /// The lines that mention `needle`.
    pub fn lines_with(&self, needle: &str) -> Vec<String> {
        self.text()
            .lines()
            .filter(|line| line.contains(needle))
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for LogCapture {
    fn drop(&mut self) {
        ACTIVE.fetch_sub(1, Ordering::SeqCst);
    }
}
