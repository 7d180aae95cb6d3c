//! Status callbacks (`WinHttpSetStatusCallback`): who is told what, in which order, on which thread.
//!
//! Every WinHTTP handle has a [`Notifier`]: the application's callback and notification flags
//! (inherited by the handles opened from it, as Windows copies them at creation), and a serial queue
//! of notifications. The queue is what keeps Windows' rules (DESIGN.md section 5):
//! - one handle's callbacks never run concurrently and keep the order they were posted in: a queue is
//!   drained by one thread at a time (`draining`); a notification posted while a drain runs (for
//!   example a completion of a call made from inside a callback) is delivered by that drain right
//!   after the current callback returns, on the same thread (no recursion, so no recursion limit);
//! - asynchronous completions and the informational notifications of asynchronous operations are
//!   delivered on callback threads ([`pool`]: our own std threads, never the runtime's I/O threads),
//!   so a callback may block or call the next WinHTTP function;
//! - synchronous calls deliver their informational notifications on the calling thread before the
//!   call returns ([`Deliver::Hold`] then [`Notifier::end_op`]), as Windows does in synchronous mode;
//! - `HANDLE_CLOSING` is the last notification of a handle: it is queued only once the handle is
//!   closed, no operation is in flight (a pending one completes first, with
//!   `ERROR_WINHTTP_OPERATION_CANCELLED`) and every child handle has had its own `HANDLE_CLOSING`.
//!   Nothing is delivered for the handle afterwards (the application may free its context then).
//!
//! Operations: [`Notifier::new`], [`Notifier::set_callback`], [`Notifier::post`],
//! [`Notifier::begin_op`]/[`Notifier::try_begin_async`]/[`Notifier::end_op`]/[`Notifier::complete_op`],
//! [`Notifier::close`]; the handle registry ([`register`], [`lookup`], [`unregister`]).
use crate::client::abi::WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING;
use crate::win32::error::*;
use crate::win32::handle::RawHandle;
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::Arc;

/// `WINHTTP_STATUS_CALLBACK`: `(hInternet, dwContext, dwInternetStatus, lpvStatusInformation,
/// dwStatusInformationLength)`.
pub type StatusCallback = unsafe extern "C" fn(usize, usize, u32, *mut std::ffi::c_void, u32);

/// What `lpvStatusInformation` points to, per the `WINHTTP_STATUS_CALLBACK` page.
#[derive(Debug, Clone)]
pub enum Info {
    /// NULL, length 0 (SENDING_REQUEST, RECEIVING_RESPONSE, SENDREQUEST_COMPLETE, HEADERS_AVAILABLE, ...).
    None,
    /// A `DWORD` (REQUEST_SENT, RESPONSE_RECEIVED, DATA_AVAILABLE, WRITE_COMPLETE, SECURE_FAILURE, ...).
    Dword(u32),
    /// An `HINTERNET` (HANDLE_CREATED, HANDLE_CLOSING).
    Handle(usize),
    /// A wide string, NUL-terminated; the length is in bytes with the terminator (NAME_RESOLVED, ...).
    Wide(String),
    /// The caller's `WinHttpReadData` buffer and the bytes read (READ_COMPLETE).
    Buffer { ptr: usize, len: u32 },
    /// `WINHTTP_ASYNC_RESULT` (REQUEST_ERROR).
    AsyncResult { api: u32, error: u32 },
    /// A structure passed as its bytes (the WebSocket completions: `WINHTTP_WEB_SOCKET_STATUS`,
    /// `WINHTTP_WEB_SOCKET_ASYNC_RESULT`).
    Raw(Vec<u8>),
}

/// How a posted notification reaches the callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deliver {
    /// Queue only; the synchronous call that posted it delivers it on its own thread when it ends.
    Hold,
    /// Deliver now on this thread unless this handle's queue is being drained (then that drain does).
    Inline,
    /// Deliver on a callback thread.
    Pool,
}

struct Note {
    status: u32,
    info: Info,
    context: usize,
}

#[derive(Default)]
struct Queue {
    notes: VecDeque<Note>,
    draining: bool,
    closed: bool,
    closing_queued: bool,
    dead: bool,
    closing_context: usize,
    /// Operations in flight (a synchronous step running, or an asynchronous one not completed).
    busy: u32,
    /// Child handles that have not had their HANDLE_CLOSING yet.
    children: u32,
}

/// The callback state and serial queue of one handle.
pub struct Notifier {
    handle: AtomicUsize,
    /// The application's `WINHTTP_STATUS_CALLBACK`, if any.
    callback: Mutex<Option<StatusCallback>>,
    flags: AtomicU32,
    /// The callback was set through `WinHttpSetStatusCallback_w16`: strings are UTF-16.
    wide16: AtomicBool,
    /// `WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT` (sessions): an event handle set once the session is gone.
    unload_event: AtomicUsize,
    parent: Option<Arc<Notifier>>,
    queue: Mutex<Queue>,
}

impl Notifier {
    /// A handle's notifier; a child copies its parent's callback and flags (Windows semantics: later
    /// changes on the parent do not reach handles already open).
    pub fn new(parent: Option<Arc<Notifier>>) -> Arc<Notifier> {
        let (cb, flags, w16) = match &parent {
            Some(p) => {
                p.queue.lock().children += 1;
                (*p.callback.lock(), p.flags.load(Ordering::Acquire), p.wide16.load(Ordering::Relaxed))
            }
            None => (None, 0, false),
        };
        Arc::new(Notifier {
            handle: AtomicUsize::new(0),
            callback: Mutex::new(cb),
            flags: AtomicU32::new(flags),
            wide16: AtomicBool::new(w16),
            unload_event: AtomicUsize::new(0),
            parent,
            queue: Mutex::new(Queue::default()),
        })
    }

    pub fn set_handle(&self, h: RawHandle) {
        self.handle.store(h, Ordering::Release);
    }

    pub fn handle(&self) -> RawHandle {
        self.handle.load(Ordering::Acquire)
    }

    /// `WinHttpSetStatusCallback`: installs `callback` (None removes) for `flags`; returns the previous one.
    pub fn set_callback(&self, callback: Option<StatusCallback>, flags: u32, wide16: bool) -> Option<StatusCallback> {
        let mut cb = self.callback.lock();
        self.flags.store(flags, Ordering::Release);
        self.wide16.store(wide16, Ordering::Relaxed);
        std::mem::replace(&mut *cb, callback)
    }

    pub fn set_unload_event(&self, event: usize) {
        self.unload_event.store(event, Ordering::Release);
    }

    /// Whether the application asked for `status` (a cheap test before building the information).
    pub fn wants(&self, status: u32) -> bool {
        self.callback.lock().is_some() && self.flags.load(Ordering::Acquire) & status != 0
    }

    /// Queues a notification (dropped when not asked for or when the handle is gone).
    pub fn post(self: &Arc<Self>, status: u32, info: Info, context: usize, deliver: Deliver) {
        if !self.wants(status) {
            return;
        }
        let mut q = self.queue.lock();
        if q.dead || q.closing_queued {
            return;
        }
        q.notes.push_back(Note { status, info, context });
        self.kick(q, deliver);
    }

    /// Starts a drain as `deliver` says, unless one runs (it will pick the new notes up).
    fn kick(self: &Arc<Self>, mut q: parking_lot::MutexGuard<'_, Queue>, deliver: Deliver) {
        if q.draining || q.notes.is_empty() || deliver == Deliver::Hold {
            return;
        }
        q.draining = true;
        drop(q);
        match deliver {
            Deliver::Inline => self.drain(),
            _ => pool::submit(self.clone()),
        }
    }

    /// Delivers queued notes one at a time until the queue is empty.
    fn drain(self: &Arc<Self>) {
        let outer = DRAINING.with(|d| d.replace(Arc::as_ptr(self) as usize));
        NEST.with(|n| n.set(n.get() + 1));
        self.drain_queue(false);
        NEST.with(|n| n.set(n.get() - 1));
        DRAINING.with(|d| d.set(outer));
    }

    /// `nested`: a drain inside one of this handle's callbacks on this thread; the drain below it
    /// keeps the queue's `draining` mark.
    fn drain_queue(self: &Arc<Self>, nested: bool) {
        loop {
            let note = {
                let mut q = self.queue.lock();
                match q.notes.pop_front() {
                    Some(n) => n,
                    None => {
                        if !nested {
                            q.draining = false;
                        }
                        return;
                    }
                }
            };
            let closing = note.status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING;
            if !closing || self.wants(note.status) {
                self.invoke(&note);
            }
            if closing {
                self.finish_closing();
            }
        }
    }

    /// Whether notifications wait in this handle's queue.
    pub fn has_notes(&self) -> bool {
        !self.queue.lock().notes.is_empty()
    }

    /// Delivers what is queued on this thread, now (a call that finished at once, as Windows does):
    /// nested inside this handle's callback when the call came from one and `may_nest` (nothing of
    /// the handle was waiting before the call), up to [`MAX_NEST`] levels; past that, after the
    /// callback below returns. When another thread is delivering this handle's notifications, it
    /// delivers these too, after its current one (one at a time, in order).
    pub fn deliver_here(self: &Arc<Self>, may_nest: bool) {
        let mut q = self.queue.lock();
        if q.notes.is_empty() {
            return;
        }
        let depth = NEST.with(|n| n.get());
        if q.draining {
            if may_nest && depth < MAX_NEST && self.is_drained_here() {
                drop(q);
                NEST.with(|n| n.set(depth + 1));
                self.drain_queue(true);
                NEST.with(|n| n.set(depth));
            }
            return;
        }
        q.draining = true;
        drop(q);
        if depth >= MAX_NEST {
            pool::submit(self.clone());
        } else {
            self.drain();
        }
    }

    fn invoke(&self, note: &Note) {
        let Some(f) = *self.callback.lock() else {
            return;
        };
        let h = self.handle();
        let w16 = self.wide16.load(Ordering::Relaxed);
        let mut dword: u32;
        let mut hval: usize;
        let mut result = [0usize; 2];
        let (wide32, wide16);
        let mut raw: Vec<u8>;
        let (ptr, len): (*mut std::ffi::c_void, u32) = match &note.info {
            Info::None => (std::ptr::null_mut(), 0),
            Info::Dword(v) => {
                dword = *v;
                (&mut dword as *mut u32 as *mut _, 4)
            }
            Info::Handle(v) => {
                hval = *v;
                (&mut hval as *mut usize as *mut _, std::mem::size_of::<usize>() as u32)
            }
            Info::Wide(s) => {
                if w16 {
                    wide16 = crate::win32::wstr::encode_nul::<u16>(s);
                    (wide16.as_ptr() as *mut _, (wide16.len() * 2) as u32)
                } else {
                    wide32 = crate::win32::wstr::encode_nul::<u32>(s);
                    (wide32.as_ptr() as *mut _, (wide32.len() * 4) as u32)
                }
            }
            Info::Buffer { ptr, len } => (*ptr as *mut _, *len),
            Info::Raw(v) => {
                raw = v.clone();
                (raw.as_mut_ptr() as *mut _, raw.len() as u32)
            }
            Info::AsyncResult { api, error } => {
                // WINHTTP_ASYNC_RESULT { DWORD_PTR dwResult; DWORD dwError; } (x64: 16 bytes).
                result[0] = *api as usize;
                result[1] = *error as usize;
                (result.as_mut_ptr() as *mut _, 16)
            }
        };
        tracing::trace!(target: "winhttpapi::winhttp", "callback({h:#x}, {:#x}, {:#x}, {:?})", note.context, note.status, note.info);
        // The watchdog's heartbeat counts the outermost callback of this thread (a nested one runs
        // inside it: the thread is busy the whole time).
        let outermost = NEST.with(|n| n.get()) == 1;
        if outermost {
            pool::beat();
        }
        // SAFETY: the application's callback, called with the documented arguments; the information
        // lives on this frame until it returns.
        unsafe { f(h, note.context, note.status, ptr, len) };
        if outermost {
            pool::beat();
        }
    }

    /// A synchronous step begins (a `HANDLE_CLOSING` from another thread waits for its end).
    pub fn begin_op(&self) {
        self.queue.lock().busy += 1;
    }

    /// An asynchronous operation begins: refused while another one is pending on this request
    /// (Windows allows one pending operation per request: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`).
    pub fn try_begin_async(&self) -> WinResult<()> {
        let mut q = self.queue.lock();
        if q.closed {
            return Err(ERROR_INVALID_HANDLE);
        }
        if q.busy > 0 {
            return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
        }
        q.busy += 1;
        Ok(())
    }

    /// Delivers the notifications held so far (an asynchronous step about to wait), unless a drain
    /// runs (it will deliver them).
    pub fn flush(self: &Arc<Self>, deliver: Deliver) {
        let q = self.queue.lock();
        self.kick(q, deliver);
    }

    /// Undoes [`Notifier::try_begin_async`] when the call fails its synchronous checks.
    pub fn cancel_begin(self: &Arc<Self>) {
        self.end_op(Deliver::Pool);
    }

    /// A step ends: the notes it held are delivered on this thread (synchronous mode), then the
    /// `HANDLE_CLOSING` a close made wait, if any.
    pub fn end_op(self: &Arc<Self>, deliver: Deliver) {
        let mut q = self.queue.lock();
        q.busy -= 1;
        self.queue_closing_if_due(&mut q);
        self.kick(q, deliver);
    }

    /// An asynchronous operation completes: its completion notification is queued and the operation
    /// stops counting as pending in one step, so a callback that starts the next operation never
    /// finds this one still pending.
    pub fn complete_op(self: &Arc<Self>, status: u32, info: Info, context: usize, deliver: Deliver) {
        let mut q = self.queue.lock();
        q.busy -= 1;
        if self.wants(status) && !q.dead && !q.closing_queued {
            q.notes.push_back(Note { status, info, context });
        }
        self.queue_closing_if_due(&mut q);
        self.kick(q, deliver);
    }

    /// Whether this thread is the one draining this handle's queue (inside one of its callbacks).
    pub fn is_drained_here(&self) -> bool {
        DRAINING.with(|d| d.get() == self as *const Notifier as usize)
    }

    /// The handle was closed (`WinHttpCloseHandle`): `HANDLE_CLOSING` follows once nothing is in
    /// flight and every child handle has had its own.
    pub fn close(self: &Arc<Self>, context: usize, deliver: Deliver) {
        let mut q = self.queue.lock();
        if q.closed {
            return;
        }
        q.closed = true;
        q.closing_context = context;
        self.queue_closing_if_due(&mut q);
        self.kick(q, deliver);
    }

    fn queue_closing_if_due(&self, q: &mut Queue) {
        if q.closed && !q.closing_queued && q.busy == 0 && q.children == 0 {
            q.closing_queued = true;
            let h = self.handle();
            q.notes.push_back(Note {
                status: WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING,
                info: Info::Handle(h),
                context: q.closing_context,
            });
        }
    }

    /// After `HANDLE_CLOSING`: nothing more for this handle; the parent may now close in turn.
    fn finish_closing(self: &Arc<Self>) {
        {
            let mut q = self.queue.lock();
            q.dead = true;
            q.notes.clear();
        }
        let ev = self.unload_event.swap(0, Ordering::AcqRel);
        if ev != 0 {
            // WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT: the session and everything under it is gone.
            if let Ok(e) = crate::win32::handle::get_typed::<crate::win32::event::Event>(ev) {
                e.signal.set();
            }
        }
        if let Some(p) = &self.parent {
            let mut q = p.queue.lock();
            q.children -= 1;
            p.queue_closing_if_due(&mut q);
            p.kick(q, Deliver::Inline);
        }
    }
}

thread_local! {
    /// The notifier whose queue this thread is draining (0 = none).
    static DRAINING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Drains on this thread's stack (a callback making a call that finishes at once nests one).
    static NEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How deep notifications may nest on one thread (a callback making the next call, which finishes
/// at once): Windows was seen two levels deep. Past this depth a notification waits until the
/// callback below it returns, so a program that reads in a loop from its callback cannot exhaust
/// the stack.
pub const MAX_NEST: u32 = 4;

static REGISTRY: Lazy<Mutex<HashMap<RawHandle, Arc<Notifier>>>> = Lazy::new(|| Mutex::new(HashMap::new()));

/// Records the notifier of a new handle.
pub fn register(h: RawHandle, n: Arc<Notifier>) {
    n.set_handle(h);
    REGISTRY.lock().insert(h, n);
}

/// The notifier of a live WinHTTP handle.
pub fn lookup(h: RawHandle) -> Option<Arc<Notifier>> {
    REGISTRY.lock().get(&h).cloned()
}

/// Forgets a closed handle's notifier (returned for its `HANDLE_CLOSING`).
pub fn unregister(h: RawHandle) -> Option<Arc<Notifier>> {
    REGISTRY.lock().remove(&h)
}

/// The callback threads: our own std threads, each driving a client reactor of its own
/// (`reactor.rs`) while it has nothing to deliver. A step that waits in that reactor completes on
/// that thread, and its notifications are delivered there next, outside the reactor (so a
/// callback may block or call back into the API): the thread that sees the socket ready is the one
/// that runs the callback, with no hand-off (DESIGN.md sections 5 and 9).
///
/// - Jobs (a handle's queue to drain) a callback thread makes itself (completions in its reactor,
///   notifications of the calls its callbacks make) go to its own list, taken before anything else
///   and with no wake-up; jobs from any other thread go to the shared list and wake one idle
///   callback thread (waiting in its reactor), or start one while fewer than one per core exist.
/// - An asynchronous step started by a callback waits in that thread's reactor; one started by
///   another thread waits in one of the per-core threads' reactors, in turn.
///
/// A callback may block. The watchdog notices it: every [`pool::TICK`] it looks at each thread's
/// heartbeat (bumped at the start and the end of each callback). A thread whose callback has run
/// for a whole tick gives its own jobs to the shared list, and a helper thread drives its reactor
/// until the callback returns (the reactor is free while a callback runs, so nothing in it waits
/// for the callback). While shared jobs wait and fewer threads than cores are free of a blocked
/// callback, it adds a thread (up to [`pool::MAX_THREADS`]); added threads leave after
/// [`pool::EXTRA_IDLE`] without work, once nothing waits in their reactor. So a blocked callback
/// holds up nothing but its own handle, and an unblocked pool never grows.
pub mod pool {
    use super::Notifier;
    use crate::client::reactor::Reactor;
    use once_cell::sync::Lazy;
    use parking_lot::{Condvar, Mutex};
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::Arc;
    use std::task::{Poll, Waker};
    use std::time::Duration;

    pub const MAX_THREADS: usize = 256;
    /// How long a callback must run before its thread counts as blocked.
    pub const TICK: Duration = Duration::from_millis(5);
    /// How long a thread added for a blocked callback stays without work.
    pub const EXTRA_IDLE: Duration = Duration::from_secs(2);
    /// Ticks with every thread waiting for work before the watchdog sleeps.
    const QUIET_TICKS: u32 = 20;

    /// One callback thread.
    struct Worker {
        /// Odd while a callback runs; bumped when one starts and when it ends.
        beat: AtomicU64,
        /// The beat the watchdog saw at its last tick.
        seen: AtomicU64,
        reactor: Arc<Reactor>,
        /// Jobs this thread queued itself, taken before the shared ones.
        local: Mutex<VecDeque<Arc<Notifier>>>,
        /// Wakes the thread while it waits in its reactor for work.
        waker: Mutex<Option<Waker>>,
        /// Waiting for work (and listed in `State::idle` unless `listed` is stale).
        idle: AtomicBool,
        /// In `State::idle` (changed under the pool lock).
        listed: AtomicBool,
        /// A helper drives the reactor while this thread's callback blocks.
        helped: AtomicBool,
        /// Wakes the helper when the callback returns.
        helper_waker: Mutex<Option<Waker>>,
        /// One of the per-core threads (never leaves).
        core: bool,
    }

    #[derive(Default)]
    struct State {
        /// Jobs any callback thread may take.
        jobs: VecDeque<Arc<Notifier>>,
        /// Threads waiting for work (some entries may have been woken since: `Worker::idle`).
        idle: Vec<Arc<Worker>>,
        workers: Vec<Arc<Worker>>,
        /// The per-core thread whose reactor the next step started outside a callback thread uses.
        next: usize,
        watchdog: bool,
    }

    struct Pool {
        state: Mutex<State>,
        watchdog: Condvar,
        /// The watchdog sleeps until woken (every thread waits for work).
        watchdog_parked: AtomicBool,
        cores: usize,
    }

    static POOL: Lazy<Pool> = Lazy::new(|| Pool {
        state: Mutex::new(State::default()),
        watchdog: Condvar::new(),
        watchdog_parked: AtomicBool::new(false),
        // One per core this process may run on (its CPU affinity and quota): a second thread on one
        // core only adds switches between the two (a callback that blocks is covered by the
        // watchdog, which adds threads).
        cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 64),
    });

    thread_local! {
        /// This callback thread (None on other threads).
        static ME: RefCell<Option<Arc<Worker>>> = const { RefCell::new(None) };
    }

    fn me() -> Option<Arc<Worker>> {
        ME.with(|m| m.borrow().clone())
    }

    /// A callback starts or ends on this thread (a no-op on threads that are not callback threads).
    /// When one ends while a helper drives this thread's reactor, the helper is told to stop.
    pub(super) fn beat() {
        ME.with(|m| {
            if let Some(w) = m.borrow().as_ref() {
                let b = w.beat.fetch_add(1, Ordering::AcqRel) + 1;
                if b % 2 == 0 && w.helped.load(Ordering::Acquire) {
                    if let Some(k) = w.helper_waker.lock().take() {
                        k.wake();
                    }
                }
            }
        })
    }

    /// Queues a job: on a callback thread, for itself (after its current job; no wake-up, and when
    /// it waits in its reactor, it returns from there to take it); from any other thread, for the
    /// first idle callback thread.
    pub(super) fn submit(n: Arc<Notifier>) {
        let mine = ME.with(|m| {
            let m = m.borrow();
            let Some(w) = m.as_ref() else { return Some(n) };
            w.local.lock().push_back(n);
            if let Some(k) = w.waker.lock().take() {
                k.wake();
            }
            None
        });
        if let Some(n) = mine {
            let mut st = POOL.state.lock();
            st.jobs.push_back(n);
            if !wake_idle(&mut st) && st.workers.iter().filter(|w| w.core).count() < POOL.cores {
                spawn(&mut st, true);
            }
            drop(st);
            wake_watchdog();
        }
    }

    /// The reactor an asynchronous step started on this thread waits in: a callback thread's own;
    /// otherwise a per-core thread's, in turn (started when missing).
    pub fn home() -> Arc<Reactor> {
        if let Some(w) = me() {
            return w.reactor.clone();
        }
        let mut st = POOL.state.lock();
        while st.workers.iter().filter(|w| w.core).count() < POOL.cores {
            if !spawn(&mut st, true) {
                break;
            }
        }
        let cores: Vec<&Arc<Worker>> = st.workers.iter().filter(|w| w.core).collect();
        let n = cores.len();
        if n == 0 {
            // No thread could be started: a reactor nobody drives would hang the step.
            panic!("no callback thread could be started");
        }
        let start = st.next;
        // A thread whose callback blocks is passed over while another one is free.
        let pick = (0..n).map(|i| (start + i) % n).find(|&i| cores[i].beat.load(Ordering::Acquire) % 2 == 0);
        let i = pick.unwrap_or(start % n);
        let r = cores[i].reactor.clone();
        st.next = i + 1;
        r
    }

    /// Wakes one thread waiting for work, if any.
    fn wake_idle(st: &mut State) -> bool {
        while let Some(w) = st.idle.pop() {
            w.listed.store(false, Ordering::Relaxed);
            if w.idle.swap(false, Ordering::AcqRel) {
                if let Some(k) = w.waker.lock().take() {
                    k.wake();
                }
                return true;
            }
        }
        false
    }

    fn wake_watchdog() {
        if POOL.watchdog_parked.swap(false, Ordering::AcqRel) {
            let _st = POOL.state.lock();
            POOL.watchdog.notify_one();
        }
    }

    /// Starts a callback thread (and the watchdog with the first one).
    fn spawn(st: &mut State, core: bool) -> bool {
        let w = Arc::new(Worker {
            beat: AtomicU64::new(0),
            seen: AtomicU64::new(0),
            reactor: Reactor::new(),
            local: Mutex::new(VecDeque::new()),
            waker: Mutex::new(None),
            idle: AtomicBool::new(false),
            listed: AtomicBool::new(false),
            helped: AtomicBool::new(false),
            helper_waker: Mutex::new(None),
            core,
        });
        let mine = w.clone();
        if std::thread::Builder::new().name("winhttp-callback".into()).spawn(move || worker(mine)).is_err() {
            return false;
        }
        st.workers.push(w);
        if !st.watchdog {
            st.watchdog = true;
            if std::thread::Builder::new().name("winhttp-cb-watch".into()).spawn(watchdog).is_err() {
                st.watchdog = false;
            }
        }
        true
    }

    /// The next job for `me`: its own first, then a shared one.
    fn next_job(me: &Worker) -> Option<Arc<Notifier>> {
        if let Some(j) = me.local.lock().pop_front() {
            return Some(j);
        }
        POOL.state.lock().jobs.pop_front()
    }

    /// Waits in `me`'s reactor (driving it) until a job is there for it.
    async fn work_arrives(me: &Arc<Worker>) {
        std::future::poll_fn(|cx| {
            if !me.local.lock().is_empty() {
                me.idle.store(false, Ordering::Release);
                me.waker.lock().take();
                return Poll::Ready(());
            }
            let mut st = POOL.state.lock();
            if !st.jobs.is_empty() {
                me.idle.store(false, Ordering::Release);
                me.waker.lock().take();
                return Poll::Ready(());
            }
            *me.waker.lock() = Some(cx.waker().clone());
            me.idle.store(true, Ordering::Release);
            if !me.listed.swap(true, Ordering::Relaxed) {
                st.idle.push(me.clone());
            }
            Poll::Pending
        })
        .await
    }

    fn worker(me: Arc<Worker>) {
        ME.with(|m| *m.borrow_mut() = Some(me.clone()));
        loop {
            if let Some(job) = next_job(&me) {
                job.drain();
                continue;
            }
            if me.core {
                me.reactor.block_on(work_arrives(&me));
                wake_watchdog();
                continue;
            }
            let woke = me.reactor.block_on(async { tokio::time::timeout(EXTRA_IDLE, work_arrives(&me)).await.is_ok() });
            if woke {
                wake_watchdog();
                continue;
            }
            // An added thread leaves once idle, unless something still waits in its reactor.
            let mut st = POOL.state.lock();
            me.idle.store(false, Ordering::Release);
            me.waker.lock().take();
            if st.jobs.is_empty() && me.local.lock().is_empty() && me.reactor.idle() {
                st.workers.retain(|w| !Arc::ptr_eq(w, &me));
                st.idle.retain(|w| !Arc::ptr_eq(w, &me));
                drop(st);
                ME.with(|m| *m.borrow_mut() = None);
                return;
            }
        }
    }

    /// Drives `w`'s reactor while its callback (seen at heartbeat `beat`) blocks.
    fn help(w: Arc<Worker>, beat: u64) {
        w.reactor.block_on(std::future::poll_fn(|cx| {
            if w.beat.load(Ordering::Acquire) != beat {
                return Poll::Ready(());
            }
            *w.helper_waker.lock() = Some(cx.waker().clone());
            if w.beat.load(Ordering::Acquire) != beat {
                return Poll::Ready(());
            }
            Poll::Pending
        }));
        w.helper_waker.lock().take();
        w.helped.store(false, Ordering::Release);
    }

    /// Finds blocked callbacks every tick: their threads' jobs go to the shared list and a helper
    /// drives their reactors; adds a thread while shared jobs wait and fewer than `cores` threads
    /// are free of a blocked callback.
    fn watchdog() {
        let pool = &*POOL;
        let mut quiet = 0;
        let mut st = pool.state.lock();
        loop {
            if quiet >= QUIET_TICKS {
                pool.watchdog_parked.store(true, Ordering::Release);
                // Rechecked under the lock a waker takes: a job queued meanwhile is seen.
                let all_idle = st.jobs.is_empty() && st.workers.iter().all(|w| w.idle.load(Ordering::Acquire));
                if all_idle {
                    while pool.watchdog_parked.load(Ordering::Acquire) {
                        pool.watchdog.wait(&mut st);
                    }
                } else {
                    pool.watchdog_parked.store(false, Ordering::Release);
                }
                quiet = 0;
            }
            pool.watchdog.wait_for(&mut st, TICK);
            let mut blocked = 0;
            let mut helpers = Vec::new();
            let mut handed = Vec::new();
            for w in &st.workers {
                let b = w.beat.load(Ordering::Acquire);
                if b % 2 == 1 && w.seen.swap(b, Ordering::Relaxed) == b {
                    blocked += 1;
                    handed.extend(w.local.lock().drain(..));
                    if !w.helped.load(Ordering::Acquire) && !w.reactor.idle() {
                        w.helped.store(true, Ordering::Release);
                        helpers.push((w.clone(), b));
                    }
                } else {
                    w.seen.store(b, Ordering::Relaxed);
                }
            }
            st.jobs.extend(handed);
            for (w, b) in helpers {
                let h = w.clone();
                if std::thread::Builder::new().name("winhttp-cb-help".into()).spawn(move || help(h, b)).is_err() {
                    w.helped.store(false, Ordering::Release);
                }
            }
            let free = st.workers.len() - blocked;
            for _ in 0..st.jobs.len() {
                if !wake_idle(&mut st) {
                    break;
                }
            }
            if !st.jobs.is_empty() && free < pool.cores && st.workers.len() < MAX_THREADS {
                tracing::debug!(target: "winhttpapi::winhttp", blocked, threads = st.workers.len(), "callback thread added: callbacks are blocking");
                spawn(&mut st, false);
            }
            let all_idle = st.jobs.is_empty() && st.workers.iter().all(|w| w.idle.load(Ordering::Acquire));
            quiet = if all_idle { quiet + 1 } else { 0 };
        }
    }
}
