//! Fault injection for the C tests: pauses that widen a race window a test must find closed, so a race
//! that shows once in thousands of runs shows every time. Each is off unless its environment variable is
//! set when the process first reaches it (read once; no cost but a load after that).

use once_cell::sync::Lazy;
use std::time::Duration;

fn pause_of(var: &str) -> Option<Duration> {
    std::env::var(var).ok()?.parse().ok().map(Duration::from_micros)
}

/// `WINHTTPAPI_TEST_PAUSE_DELIVER_US`: microseconds between a connection routing a request and the
/// queue taking it (`RequestQueue::deliver`), the window in which a reset could end the connection
/// before its queue held the request (the descriptor leak of issue 10).
pub fn pause_before_deliver() {
    static PAUSE: Lazy<Option<Duration>> = Lazy::new(|| pause_of("WINHTTPAPI_TEST_PAUSE_DELIVER_US"));
    if let Some(d) = *PAUSE {
        std::thread::sleep(d);
    }
}
