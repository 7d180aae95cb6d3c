//! The runtime's share of the http.sys engine (DESIGN.md section 6): what no application thread is
//! there to do.
//!
//! - One epoll set, watched by a task on the I/O runtime: connections waiting for their first request
//!   (the queue is not known before a head is routed), and, armed one-shot, the epoll sets of queues no
//!   thread is leading ([`watch_set`]), so pending body reads, queued output, disconnect waits and
//!   event-signalled receives progress while every application thread is away. What the runtime parses
//!   it delivers through the queue (the slow path: the request then costs a second wake).
//! - The connection timers: one heap of (deadline, connection id), one task sleeping until the earliest
//!   ([`schedule_timer`]); a connection re-arms itself from [`super::connection::Connection::expire`].
//! - The watchdog: a queue whose leader left while the other threads sleep (more threads than cores
//!   want to run, so none was woken) is checked every few milliseconds; if no thread took the lead
//!   since, one is woken, or the runtime takes the set ([`poke_watchdog`], [`super::lead`]).
use super::connection;
use super::lead::QueueSet;
use super::poll::{no_event, Poller};
use parking_lot::Mutex;
use std::collections::{BinaryHeap, HashMap};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Tokens of queue sets in the runtime's epoll set (connection ids never have the top bit).
const SET_TOKEN: u64 = 1 << 63;
/// How often a queue left without a leader is checked.
const WATCH_PERIOD: Duration = Duration::from_millis(5);

struct Reactor {
    poller: Poller,
    sets: Mutex<HashMap<u64, Weak<QueueSet>>>,
}

static NEXT_SET: AtomicU64 = AtomicU64::new(1);

/// Counters of the paths requests take (`WINHTTPAPI_ENGINE_STATS=1` prints them every two seconds on
/// stderr): how the one-wake design holds under a given load.
pub mod stats {
    use std::sync::atomic::{AtomicU64, Ordering};
    pub static LEADER_OWN: AtomicU64 = AtomicU64::new(0);
    pub static READY_TAKEN: AtomicU64 = AtomicU64::new(0);
    pub static DELIVERED: AtomicU64 = AtomicU64::new(0);
    pub static RUNTIME_TURNS: AtomicU64 = AtomicU64::new(0);
    pub static RUNTIME_EVENTS: AtomicU64 = AtomicU64::new(0);
    pub static PROMOTIONS: AtomicU64 = AtomicU64::new(0);
    pub static WATCHDOG_WAKES: AtomicU64 = AtomicU64::new(0);
    pub static ARMS: AtomicU64 = AtomicU64::new(0);
    pub fn bump(c: &AtomicU64) {
        c.fetch_add(1, Ordering::Relaxed);
    }
    pub(super) fn start() {
        if std::env::var_os("WINHTTPAPI_ENGINE_STATS").is_none() {
            return;
        }
        std::thread::spawn(|| loop {
            std::thread::sleep(std::time::Duration::from_secs(2));
            let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
            eprintln!(
                "engine: own {} ready {} delivered {} runtime-turns {} runtime-events {} promotions {} watchdog {} arms {}",
                g(&LEADER_OWN), g(&READY_TAKEN), g(&DELIVERED), g(&RUNTIME_TURNS), g(&RUNTIME_EVENTS),
                g(&PROMOTIONS), g(&WATCHDOG_WAKES), g(&ARMS)
            );
        });
    }
}

static REACTOR: once_cell::sync::Lazy<Reactor> = once_cell::sync::Lazy::new(|| {
    stats::start();
    let r = Reactor { poller: Poller::new().expect("an epoll set for the engine"), sets: Default::default() };
    crate::runtime::handle().spawn(run_events());
    crate::runtime::handle().spawn(run_timers());
    crate::runtime::handle().spawn(run_watchdog());
    r
});

/// The runtime watches `fd` (a connection's socket) with the connection's id as token.
pub fn register(fd: RawFd, id: u64) -> std::io::Result<()> {
    REACTOR.poller.add(fd, id, super::poll::CONNECTION_EVENTS)
}

pub fn deregister(fd: RawFd) {
    let _ = REACTOR.poller.delete(fd);
}

/// The token a new queue set is known by.
pub fn new_set_token() -> u64 {
    SET_TOKEN | NEXT_SET.fetch_add(1, Ordering::Relaxed)
}

/// A new queue set: known to the runtime (disarmed until [`watch_set`]) and to the watchdog.
pub fn add_set(set: &Arc<QueueSet>) {
    REACTOR.sets.lock().insert(set.token(), Arc::downgrade(set));
    let _ = REACTOR.poller.add(set.as_raw_fd(), set.token(), libc::EPOLLONESHOT as u32);
}

pub fn remove_set(token: u64) {
    REACTOR.sets.lock().remove(&token);
}

/// The runtime takes events of `set` from now on (one-shot: the set's owner re-arms it after each turn
/// while no thread leads it).
pub fn watch_set(set: &QueueSet) {
    stats::bump(&stats::ARMS);
    let _ = REACTOR.poller.modify(set.as_raw_fd(), set.token(), (libc::EPOLLIN | libc::EPOLLONESHOT) as u32);
}

struct Fd(RawFd);
impl AsRawFd for Fd {
    fn as_raw_fd(&self) -> RawFd {
        self.0
    }
}

async fn run_events() {
    let r = &*REACTOR;
    // SAFETY: the epoll set lives in a static for the whole process, so the descriptor stays open (and is
    // not reused) as long as the registration exists.
    let registered = unsafe {
        tokio::io::unix::AsyncFd::register_with_interest(Fd(r.poller.as_raw_fd()), tokio::io::Interest::READABLE)
    };
    let afd = match registered {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(target: "winhttpapi::httpapi", "the engine's epoll set cannot be watched: {e}");
            return;
        }
    };
    let mut events = vec![no_event(); 64];
    loop {
        let Ok(mut guard) = afd.readable().await else { return };
        let n = r.poller.wait(&mut events, 0);
        for ev in &events[..n] {
            let (token, mask) = (ev.u64, ev.events);
            if token & SET_TOKEN != 0 {
                let set = r.sets.lock().get(&token).and_then(Weak::upgrade);
                if let Some(set) = set {
                    set.runtime_turn();
                }
            } else if let Some(conn) = connection::get(token) {
                if let Some((q, req)) = conn.on_event(mask) {
                    q.deliver(req);
                }
            }
        }
        if n < events.len() {
            guard.clear_ready();
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Timers

struct Timers {
    heap: Mutex<BinaryHeap<std::cmp::Reverse<(Instant, u64)>>>,
    notify: Notify,
}

static TIMERS: once_cell::sync::Lazy<Timers> =
    once_cell::sync::Lazy::new(|| Timers { heap: Mutex::new(BinaryHeap::new()), notify: Notify::new() });

/// Wakes connection `id` (its `expire`) at `at`.
pub fn schedule_timer(id: u64, at: Instant) {
    once_cell::sync::Lazy::force(&REACTOR);
    let earliest = {
        let mut h = TIMERS.heap.lock();
        let earliest = h.peek().is_none_or(|e| at < e.0 .0);
        h.push(std::cmp::Reverse((at, id)));
        earliest
    };
    if earliest {
        TIMERS.notify.notify_one();
    }
}

async fn run_timers() {
    loop {
        let next = TIMERS.heap.lock().peek().map(|e| e.0 .0);
        match next {
            None => TIMERS.notify.notified().await,
            Some(at) => {
                tokio::select! {
                    _ = tokio::time::sleep_until(at.into()) => {}
                    _ = TIMERS.notify.notified() => continue,
                }
            }
        }
        let now = Instant::now();
        let mut due = Vec::new();
        {
            let mut h = TIMERS.heap.lock();
            while h.peek().is_some_and(|e| e.0 .0 <= now) {
                due.push(h.pop().expect("peeked").0 .1);
            }
        }
        for id in due {
            if let Some(conn) = connection::get(id) {
                conn.expire();
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Watchdog

struct Watchdog {
    parked: AtomicBool,
    notify: Notify,
}

static WATCHDOG: Watchdog = Watchdog { parked: AtomicBool::new(true), notify: Notify::const_new() };

/// A queue's leader left without waking another thread: make sure the watchdog looks at it.
pub fn poke_watchdog() {
    if WATCHDOG.parked.load(Ordering::SeqCst) && WATCHDOG.parked.swap(false, Ordering::SeqCst) {
        once_cell::sync::Lazy::force(&REACTOR);
        WATCHDOG.notify.notify_one();
    }
}

async fn run_watchdog() {
    loop {
        let sets = || -> Vec<Arc<QueueSet>> { REACTOR.sets.lock().values().filter_map(Weak::upgrade).collect() };
        let mut any = false;
        for s in &sets() {
            any |= s.watchdog_check();
        }
        if !any {
            WATCHDOG.parked.store(true, Ordering::SeqCst);
            // Looked at again once `parked` is public, so a poke that came just before is not missed (a
            // poke after it leaves a permit for `notified`).
            if !sets().iter().any(|s| s.needs_watch()) {
                WATCHDOG.notify.notified().await;
            }
            WATCHDOG.parked.store(false, Ordering::SeqCst);
        }
        tokio::time::sleep(WATCH_PERIOD).await;
    }
}
