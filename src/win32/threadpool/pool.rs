//! Pools (`CreateThreadpool`, `CloseThreadpool`, `SetThreadpoolThreadMaximum/Minimum`, the default pool):
//! a completion port, its worker threads, and the queues of callbacks waiting for them.
use super::object::{Payload, TpObject};
use crate::win32::handle::{self, KernelObject};
use crate::win32::iocp::{CompletionPort, DequeueError, Packet};
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The key of the packets that only wake a worker (an I/O object's key is its handle value, never 0).
const WAKE: usize = 0;
/// How long an idle worker waits before leaving (when it is not needed to keep the pool's minimum).
const IDLE: Duration = Duration::from_secs(5);
/// Windows' default maximum of worker threads per pool.
pub const DEFAULT_MAX_THREADS: u32 = 500;

pub(crate) struct PoolState {
    /// Callbacks waiting for a worker, by priority (high, normal, low).
    pub(crate) queues: [VecDeque<(Arc<TpObject>, Payload)>; 3],
    workers: u32,
    /// Workers running a callback.
    pub(super) busy: u32,
    min: u32,
    max: u32,
    /// Live objects of this pool: while there are any, the last worker stays.
    objects: u32,
    /// `CloseThreadpool` was called: workers leave once the pool has no objects.
    closed: bool,
}

/// A thread pool. Operations: `submit` (from objects), `set_max`, `set_min`, `close`.
pub struct Pool {
    port: Arc<CompletionPort>,
    pub(crate) state: Mutex<PoolState>,
}

static DEFAULT: OnceLock<Arc<Pool>> = OnceLock::new();

impl Pool {
    pub fn new() -> Arc<Pool> {
        Arc::new(Pool {
            port: Arc::new(CompletionPort::new()),
            state: Mutex::new(PoolState {
                queues: Default::default(),
                workers: 0,
                busy: 0,
                min: 0,
                max: DEFAULT_MAX_THREADS,
                objects: 0,
                closed: false,
            }),
        })
    }

    /// The process's default pool (used when an environment names none).
    pub fn default_pool() -> Arc<Pool> {
        DEFAULT.get_or_init(Pool::new).clone()
    }

    /// The port I/O objects bind their handles to.
    pub fn port(&self) -> Arc<CompletionPort> {
        self.port.clone()
    }

    /// Counts a new object of this pool and makes sure a worker exists to serve it.
    pub(crate) fn object_created(self: &Arc<Self>) {
        let mut st = self.state.lock();
        st.objects += 1;
        if st.workers == 0 {
            self.spawn_worker(&mut st);
        }
    }

    pub(crate) fn object_released(&self) {
        let mut st = self.state.lock();
        st.objects = st.objects.saturating_sub(1);
        if st.objects == 0 && st.closed {
            // Let the workers see it and leave.
            for _ in 0..st.workers {
                self.wake_one();
            }
        }
    }

    /// Queues one callback of `object` (the object's pending count was raised by the caller, under this
    /// lock) and wakes a worker.
    pub(crate) fn push_locked(self: &Arc<Self>, st: &mut PoolState, object: Arc<TpObject>, payload: Payload) {
        let priority = object.priority();
        st.queues[priority].push_back((object, payload));
        if st.workers == 0 {
            self.spawn_worker(st);
        }
    }

    /// Posts one wake-up packet: for one queued callback, or for a worker to see that the pool closed.
    pub(crate) fn wake_one(&self) {
        self.port.post(Packet { bytes: 0, key: WAKE, overlapped: 0, error: 0 });
    }

    /// `SetThreadpoolThreadMaximum` (at least 1; the minimum follows it down).
    pub fn set_max(&self, max: u32) {
        let mut st = self.state.lock();
        st.max = max.max(1);
        st.min = st.min.min(st.max);
    }

    /// `SetThreadpoolThreadMinimum`: starts threads up to `min` and keeps them; false if a thread could
    /// not be started.
    pub fn set_min(self: &Arc<Self>, min: u32) -> bool {
        let mut st = self.state.lock();
        while st.workers < min {
            if !self.spawn_worker(&mut st) {
                return false;
            }
        }
        st.min = min;
        st.max = st.max.max(min);
        true
    }

    /// `CloseThreadpool`: the pool goes once its objects are gone.
    pub fn close(&self) {
        let mut st = self.state.lock();
        st.closed = true;
        if st.objects == 0 {
            for _ in 0..st.workers {
                self.wake_one();
            }
        }
    }

    /// Whether a callback that may block should get another thread: true when one is idle or could be
    /// started (and starts it), false at the maximum (`CallbackMayRunLong`).
    pub(crate) fn ensure_spare(self: &Arc<Self>) -> bool {
        let mut st = self.state.lock();
        if st.busy < st.workers {
            return true;
        }
        st.workers < st.max && self.spawn_worker(&mut st)
    }

    fn spawn_worker(self: &Arc<Self>, st: &mut PoolState) -> bool {
        let me = self.clone();
        let ok = std::thread::Builder::new().name("winhttpapi-tp".into()).spawn(move || me.work()).is_ok();
        if ok {
            st.workers += 1;
        } else {
            tracing::warn!(target: "winhttpapi::win32", "thread pool: a worker thread could not start");
        }
        ok
    }

    /// A worker: takes packets from the port; each wake-up or I/O completion runs one callback.
    fn work(self: Arc<Self>) {
        loop {
            match self.port.dequeue(Some(Instant::now() + IDLE)) {
                Ok(p) if p.key == WAKE => {}
                Ok(p) => self.io_completed(p),
                Err(DequeueError::TimedOut) | Err(DequeueError::Closed) => {
                    let mut st = self.state.lock();
                    let empty = st.queues.iter().all(VecDeque::is_empty);
                    let surplus = st.workers > st.min.max(1) || (st.objects == 0 && (st.min == 0 || st.closed));
                    if empty && surplus {
                        st.workers -= 1;
                        return;
                    }
                    continue;
                }
            }
            self.run_one();
            let mut st = self.state.lock();
            if st.closed && st.objects == 0 && st.queues.iter().all(VecDeque::is_empty) {
                st.workers -= 1;
                return;
            }
        }
    }

    /// An I/O completion for the I/O object whose handle is `p.key`: queued as its callback if a
    /// `StartThreadpoolIo` announced it; otherwise ignored, as Windows ignores it.
    fn io_completed(self: &Arc<Self>, p: Packet) {
        let Ok(object) = handle::get_typed::<TpObject>(p.key) else {
            tracing::warn!(target: "winhttpapi::win32", "thread pool: completion for a closed I/O object dropped");
            return;
        };
        let mut st = self.state.lock();
        if !object.accept_io_completion() {
            tracing::warn!(target: "winhttpapi::win32", "thread pool: I/O completion without StartThreadpoolIo ignored");
            return;
        }
        let payload = Payload::Io { overlapped: p.overlapped, error: p.error, bytes: p.bytes as usize };
        self.push_locked(&mut st, object, payload);
    }

    /// Runs the highest-priority queued callback, if any.
    fn run_one(self: &Arc<Self>) {
        let (object, payload) = {
            let mut st = self.state.lock();
            let Some(next) = st.queues.iter_mut().find_map(VecDeque::pop_front) else { return };
            next.0.start_callback();
            st.busy += 1;
            // Keep one worker waiting on the port while this one runs user code.
            if st.busy >= st.workers && st.workers < st.max {
                self.spawn_worker(&mut st);
            }
            next
        };
        // `run` catches its own panics and counts the callback done; this guard keeps the worker and
        // the pool's count should anything outside those catches panic.
        if catch_unwind(AssertUnwindSafe(|| object.run(payload))).is_err() {
            tracing::error!(target: "winhttpapi::win32", "thread pool: running a callback panicked");
        }
        self.state.lock().busy -= 1;
    }
}

impl KernelObject for Pool {
    fn kind(&self) -> &'static str {
        "thread pool"
    }
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}
