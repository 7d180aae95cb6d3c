//! The connection timers of `HTTP_TIMEOUT_LIMIT_INFO` (seeds/HTTP_TIMEOUT_LIMIT_INFO, DESIGN.md
//! section 8) and the QoS limits (`HTTP_QOS_SETTING_INFO`): what a server session or URL group sets,
//! how the levels combine, and the shared state that enforces bandwidth and connection limits.
//!
//! Operations: [`TimeoutLimits`] (one object's setting, 0 = not set at that level), [`resolve`] (the
//! timers a connection runs under: group over session over the defaults, per timer), [`Throttle`]
//! (a token bucket shared by every connection of a session or group), [`ConnectionLimit`].
//!
//! The timers themselves run in the connection task ([`super::connection`]): each state of the
//! connection arms one deadline in the task's `select!`, so there is no timer wheel to keep in step.
use crate::server::abi::HTTP_LIMIT_INFINITE;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// http.sys defaults: two minutes for every timer, 150 bytes/second for responses.
pub const DEFAULT_SECONDS: u16 = 120;
pub const DEFAULT_MIN_SEND_RATE: u32 = 150;
/// `MinSendRate` = `MAXULONG` switches the send-rate check off.
pub const MIN_SEND_RATE_DISABLED: u32 = u32::MAX;

/// One object's `HttpServerTimeoutsProperty`, in seconds (0: this level does not set the timer).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeoutLimits {
    pub entity_body: u16,
    pub drain_entity_body: u16,
    pub request_queue: u16,
    pub idle_connection: u16,
    pub header_wait: u16,
    pub min_send_rate: u32,
}

/// The timers a connection runs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnTimers {
    pub entity_body: Duration,
    pub drain_entity_body: Duration,
    pub request_queue: Duration,
    pub idle_connection: Duration,
    pub header_wait: Duration,
    /// Bytes per second; `None` when switched off (`MAXULONG`).
    pub min_send_rate: Option<u32>,
}

impl Default for ConnTimers {
    fn default() -> Self {
        resolve(None, None)
    }
}

fn pick(group: Option<u16>, session: Option<u16>) -> Duration {
    let s = [group, session].into_iter().flatten().find(|&v| v != 0).unwrap_or(DEFAULT_SECONDS);
    Duration::from_secs(s as u64)
}

/// Per timer: the URL group's value when it sets one, else the session's, else the default. A zero on
/// either level means "not set here" (the remarks: zero on a session restores the default; a group's
/// unset timer falls back to the session's, then to the default).
pub fn resolve(session: Option<TimeoutLimits>, group: Option<TimeoutLimits>) -> ConnTimers {
    let g = |f: fn(&TimeoutLimits) -> u16| group.as_ref().map(f);
    let s = |f: fn(&TimeoutLimits) -> u16| session.as_ref().map(f);
    let rate = [group.map(|t| t.min_send_rate), session.map(|t| t.min_send_rate)]
        .into_iter()
        .flatten()
        .find(|&v| v != 0)
        .unwrap_or(DEFAULT_MIN_SEND_RATE);
    ConnTimers {
        entity_body: pick(g(|t| t.entity_body), s(|t| t.entity_body)),
        drain_entity_body: pick(g(|t| t.drain_entity_body), s(|t| t.drain_entity_body)),
        request_queue: pick(g(|t| t.request_queue), s(|t| t.request_queue)),
        idle_connection: pick(g(|t| t.idle_connection), s(|t| t.idle_connection)),
        header_wait: pick(g(|t| t.header_wait), s(|t| t.header_wait)),
        min_send_rate: (rate != MIN_SEND_RATE_DISABLED).then_some(rate),
    }
}

/// The machine-wide `IdleConnection` / `HeaderWait` (for the first request of every connection).
pub fn machine_first_request() -> (Duration, Duration) {
    let m = super::service_config::machine_timeouts();
    let secs = |v: u16| Duration::from_secs(if v == 0 { DEFAULT_SECONDS } else { v } as u64);
    (secs(m.idle_connection), secs(m.header_wait))
}

/// How long a send backlog of `bytes` may take at `rate` bytes/second: `bytes / rate` rounded up,
/// at least one second (the timer granularity).
pub fn send_allowance(bytes: u64, rate: u32) -> Duration {
    let secs = bytes.div_ceil(rate.max(1) as u64).max(1);
    Duration::from_secs(secs)
}

/// A bandwidth limit (`HTTP_BANDWIDTH_LIMIT_INFO`): a token bucket of one second's worth of bytes,
/// shared by every connection whose responses it governs.
pub struct Throttle {
    pub rate: u32,
    bucket: Mutex<(f64, Instant)>,
}

impl Throttle {
    pub fn new(rate: u32) -> Self {
        Throttle { rate, bucket: Mutex::new((rate as f64, Instant::now())) }
    }

    /// Takes up to `want` bytes of allowance now; returns how many were granted.
    pub fn take(&self, want: usize) -> usize {
        let mut b = self.bucket.lock();
        let now = Instant::now();
        let rate = self.rate as f64;
        b.0 = (b.0 + now.duration_since(b.1).as_secs_f64() * rate).min(rate);
        b.1 = now;
        let n = (b.0.floor() as usize).min(want);
        b.0 -= n as f64;
        n
    }

    /// When at least `want` bytes (capped at one second's worth) will be available.
    pub fn ready_at(&self, want: usize) -> Instant {
        let b = self.bucket.lock();
        let want = (want as f64).min(self.rate as f64).max(1.0);
        let missing = (want - b.0).max(0.0);
        b.1 + Duration::from_secs_f64(missing / self.rate as f64)
    }
}

/// `HTTP_CONNECTION_LIMIT_INFO` of a URL group: connections that carried a request to the group.
pub struct ConnectionLimit {
    pub max: AtomicU32,
    pub current: AtomicU32,
}

impl ConnectionLimit {
    pub fn new() -> Self {
        ConnectionLimit { max: AtomicU32::new(HTTP_LIMIT_INFINITE), current: AtomicU32::new(0) }
    }
    /// Takes a place for one more connection, if the limit allows.
    pub fn acquire(&self) -> bool {
        let max = self.max.load(Ordering::Acquire);
        self.current
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |c| {
                (max == HTTP_LIMIT_INFINITE || c < max).then_some(c + 1)
            })
            .is_ok()
    }
    pub fn release(&self) {
        self.current.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Default for ConnectionLimit {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_wins_over_session_which_wins_over_defaults() {
        let s = TimeoutLimits { entity_body: 5, header_wait: 7, min_send_rate: 1000, ..Default::default() };
        let g = TimeoutLimits { entity_body: 3, idle_connection: 9, ..Default::default() };
        let t = resolve(Some(s), Some(g));
        assert_eq!(t.entity_body, Duration::from_secs(3));
        assert_eq!(t.header_wait, Duration::from_secs(7));
        assert_eq!(t.idle_connection, Duration::from_secs(9));
        assert_eq!(t.request_queue, Duration::from_secs(120));
        assert_eq!(t.min_send_rate, Some(1000));
        let off = TimeoutLimits { min_send_rate: MIN_SEND_RATE_DISABLED, ..Default::default() };
        assert_eq!(resolve(None, Some(off)).min_send_rate, None);
        assert_eq!(resolve(None, None).min_send_rate, Some(150));
        assert_eq!(send_allowance(1000, 150), Duration::from_secs(7));
        assert_eq!(send_allowance(10, 150), Duration::from_secs(1));
    }

    #[test]
    fn connection_limit_counts() {
        let l = ConnectionLimit::new();
        l.max.store(1, Ordering::Release);
        assert!(l.acquire());
        assert!(!l.acquire());
        l.release();
        assert!(l.acquire());
    }
}
