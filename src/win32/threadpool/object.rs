//! Thread pool objects: work (`CreateThreadpoolWork`...), timers, waits, I/O completion objects and the
//! one-shot simple callbacks of `TrySubmitThreadpoolCallback`, and the callback instance a running callback
//! sees (`SetEventWhenCallbackReturns`, `CallbackMayRunLong`, `DisassociateCurrentThreadFromCallback`...).
use super::pool::Pool;
use super::timers::{self, TimerId};
use super::Environment;
use crate::win32::abi::{WAIT_OBJECT_0, WAIT_TIMEOUT};
use crate::win32::handle::{self, KernelObject};
use crate::win32::wait::Waiter;
use parking_lot::{Condvar, Mutex};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// `PTP_SIMPLE_CALLBACK(instance, context)`; also the cleanup group's cancel callback
/// (`PTP_CLEANUP_GROUP_CANCEL_CALLBACK(object context, cleanup context)`) and the environment's
/// finalization callback, which have the same C type.
pub type SimpleFn = unsafe extern "C" fn(usize, usize);
/// `PTP_WORK_CALLBACK` / `PTP_TIMER_CALLBACK(instance, context, object)`.
pub type ObjectFn = unsafe extern "C" fn(usize, usize, usize);
/// `PTP_WAIT_CALLBACK(instance, context, wait, result)`.
pub type WaitFn = unsafe extern "C" fn(usize, usize, usize, u32);
/// `PTP_WIN32_IO_CALLBACK(instance, context, overlapped, result, bytes, io)`.
pub type IoFn = unsafe extern "C" fn(usize, usize, usize, u32, usize, usize);

/// The program's callback, typed by its kind.
#[derive(Clone, Copy, Debug)]
pub enum Callback {
    /// `TrySubmitThreadpoolCallback`.
    Simple(SimpleFn),
    Work(ObjectFn),
    Timer(ObjectFn),
    Wait(WaitFn),
    Io(IoFn),
}

/// The kind of a thread pool object, as the functions taking a `PTP_*` check it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Simple,
    Work,
    Timer,
    Wait,
    Io,
}

impl Callback {
    pub fn kind(&self) -> Kind {
        match self {
            Callback::Simple(_) => Kind::Simple,
            Callback::Work(_) => Kind::Work,
            Callback::Timer(_) => Kind::Timer,
            Callback::Wait(_) => Kind::Wait,
            Callback::Io(_) => Kind::Io,
        }
    }
}

/// What one queued callback carries.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Payload {
    None,
    Wait(u32),
    Io { overlapped: usize, error: u32, bytes: usize },
}

/// When a timer expires or a wait times out, as the `FILETIME` argument says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// A value of 0: now.
    Now,
    /// A negative value: this long from now.
    After(Duration),
    /// A positive value: this UTC time, in 100-ns units since 1601.
    At(u64),
}

impl Due {
    /// From the `FILETIME` a program passes (as a signed 64-bit count of 100 ns).
    pub fn from_filetime(v: i64) -> Due {
        match v {
            0 => Due::Now,
            v if v < 0 => Due::After(Duration::from_nanos(v.unsigned_abs().saturating_mul(100))),
            v => Due::At(v as u64),
        }
    }

    fn deadline(self) -> Instant {
        let now = Instant::now();
        match self {
            Due::Now => now,
            Due::After(d) => now + d,
            Due::At(ft) => {
                let current = crate::win32::time::now_filetime();
                now + Duration::from_nanos(ft.saturating_sub(current).saturating_mul(100))
            }
        }
    }
}

#[derive(Default)]
struct Counts {
    /// Callbacks queued, not started.
    pending: u32,
    /// Callbacks running.
    running: u32,
    /// Running callbacks not disassociated (what `WaitForThreadpool*Callbacks` waits for).
    associated: u32,
    /// `StartThreadpoolIo` calls not yet matched by a completion or `CancelThreadpoolIo`.
    io_expected: u32,
    /// Closed (or, for a simple callback, run).
    shutdown: bool,
}

#[derive(Default)]
struct TimerState {
    /// `IsThreadpoolTimerSet`: the last `SetThreadpoolTimer` gave a due time.
    set: bool,
    /// The next expiry still to come.
    due: Option<Instant>,
    period: Duration,
    generation: u64,
    scheduled: Option<TimerId>,
}

#[derive(Default)]
struct WaitState {
    active: bool,
    generation: u64,
    target: Option<Arc<dyn KernelObject>>,
    watcher: Option<Arc<Waiter>>,
    timeout: Option<TimerId>,
}

/// A thread pool object. Operations: `submit` (work), `set_timer`, `set_wait`, `start_io`/`cancel_io`,
/// `cancel_pending`, `wait_callbacks`, `release` (the `Close*` functions).
pub struct TpObject {
    pool: Arc<Pool>,
    callback: Callback,
    context: usize,
    env: Environment,
    me: Weak<TpObject>,
    handle: AtomicUsize,
    counts: Mutex<Counts>,
    idle: Condvar,
    timer: Mutex<TimerState>,
    wait: Mutex<WaitState>,
}

impl TpObject {
    /// A new object on the environment's pool (the default pool when it names none), in its cleanup group.
    pub fn new(callback: Callback, context: usize, env: Environment) -> Arc<TpObject> {
        let pool = env.pool.clone().unwrap_or_else(Pool::default_pool);
        let object = Arc::new_cyclic(|me| TpObject {
            pool: pool.clone(),
            callback,
            context,
            env,
            me: me.clone(),
            handle: AtomicUsize::new(0),
            counts: Mutex::new(Counts::default()),
            idle: Condvar::new(),
            timer: Mutex::new(TimerState::default()),
            wait: Mutex::new(WaitState::default()),
        });
        pool.object_created();
        if let Some(g) = &object.env.group {
            g.add(&object);
        }
        object
    }

    /// Records the object's handle value (what its callbacks are given).
    pub fn set_handle(&self, h: usize) {
        self.handle.store(h, Ordering::Release);
    }

    pub fn handle(&self) -> usize {
        self.handle.load(Ordering::Acquire)
    }

    pub fn callback(&self) -> Callback {
        self.callback
    }

    pub fn pool(&self) -> &Arc<Pool> {
        &self.pool
    }

    pub(crate) fn priority(&self) -> usize {
        self.env.priority.min(2)
    }

    fn arc(&self) -> Arc<TpObject> {
        self.me.upgrade().expect("an object in use is alive")
    }

    /// Queues one callback (`SubmitThreadpoolWork`, a timer's expiry, a wait's end).
    pub(crate) fn submit(&self, payload: Payload) {
        {
            let mut st = self.pool.state.lock();
            self.counts.lock().pending += 1;
            self.pool.push_locked(&mut st, self.arc(), payload);
        }
        self.pool.wake_one();
    }

    /// `SubmitThreadpoolWork` / `TrySubmitThreadpoolCallback`.
    pub fn submit_work(&self) {
        self.submit(Payload::None);
    }

    /// Called by a worker under the pool's lock when an I/O completion for this object arrives: it is
    /// accepted (and counted as pending) only if a `StartThreadpoolIo` announced it.
    pub(crate) fn accept_io_completion(&self) -> bool {
        let mut c = self.counts.lock();
        if c.io_expected == 0 {
            return false;
        }
        c.io_expected -= 1;
        c.pending += 1;
        true
    }

    /// Called by a worker under the pool's lock when it takes one of this object's callbacks to run.
    pub(crate) fn start_callback(&self) {
        let mut c = self.counts.lock();
        c.pending = c.pending.saturating_sub(1);
        c.running += 1;
        c.associated += 1;
    }

    /// `StartThreadpoolIo`: one more completion to expect.
    pub fn start_io(&self) {
        self.counts.lock().io_expected += 1;
    }

    /// `CancelThreadpoolIo`: the operation announced by `StartThreadpoolIo` will not complete to the pool.
    pub fn cancel_io(&self) {
        let mut c = self.counts.lock();
        if c.io_expected == 0 {
            tracing::warn!(target: "winhttpapi::win32", "CancelThreadpoolIo without a StartThreadpoolIo");
        }
        c.io_expected = c.io_expected.saturating_sub(1);
        self.idle.notify_all();
    }

    /// Drops this object's queued callbacks (and, for an I/O object, the completions still expected).
    pub fn cancel_pending(&self) {
        let mut st = self.pool.state.lock();
        let mut removed = 0;
        for q in st.queues.iter_mut() {
            q.retain(|(o, _)| {
                let mine = std::ptr::eq(Arc::as_ptr(o), self);
                removed += mine as u32;
                !mine
            });
        }
        let mut c = self.counts.lock();
        c.pending = c.pending.saturating_sub(removed);
        c.io_expected = 0;
        drop(st);
        self.idle.notify_all();
    }

    /// Waits until no callback is queued or running (`group`: running at all; otherwise: still
    /// associated) and, for I/O objects, no announced completion is outstanding.
    pub fn wait_callbacks(&self, group: bool) {
        let mut c = self.counts.lock();
        while c.pending != 0 || c.io_expected != 0 || if group { c.running != 0 } else { c.associated != 0 } {
            self.idle.wait(&mut c);
        }
    }

    /// Stops future expiries and waits (the first step of closing).
    pub fn prepare_shutdown(&self) {
        let mut t = self.timer.lock();
        t.generation += 1;
        t.due = None;
        if let Some(id) = t.scheduled.take() {
            timers::cancel(id);
        }
        drop(t);
        let mut w = self.wait.lock();
        Self::stop_wait(&mut w);
    }

    /// The `Close*` functions: stop, mark closed, give up the handle. Queued callbacks still run.
    pub fn release(&self) {
        self.prepare_shutdown();
        self.counts.lock().shutdown = true;
        let h = self.handle();
        if h != 0 {
            if let Ok(Some(me)) = handle::get_as::<TpObject>(h) {
                if std::ptr::eq(Arc::as_ptr(&me), self) {
                    let _ = handle::remove(h);
                }
            }
        }
    }

    pub fn is_shut_down(&self) -> bool {
        self.counts.lock().shutdown
    }

    /// The cleanup group's cancel callback for this object (`CloseThreadpoolCleanupGroupMembers`).
    pub fn call_group_cancel(&self, cleanup_context: usize) {
        if let Some(cancel) = self.env.cancel_callback {
            // SAFETY: the program gave this function as the environment's PTP_CLEANUP_GROUP_CANCEL_CALLBACK.
            unsafe { cancel(self.context, cleanup_context) }
        }
    }

    // ---- timers ----

    /// `SetThreadpoolTimer(Ex)`: replaces the timer's settings; None stops it (callbacks already queued
    /// still run). Due now: a callback is queued at once. Returns whether an expiry was still to come (what
    /// `SetThreadpoolTimerEx` returns). `window` (coalescing) is accepted: expiries are not delayed.
    pub fn set_timer(&self, due: Option<Due>, period_ms: u32) -> bool {
        let mut t = self.timer.lock();
        let was_pending = t.due.is_some();
        t.generation += 1;
        if let Some(id) = t.scheduled.take() {
            timers::cancel(id);
        }
        t.due = None;
        t.set = due.is_some();
        t.period = Duration::from_millis(period_ms as u64);
        let mut now = false;
        match due {
            None => {}
            Some(Due::Now) => {
                now = true;
                if period_ms != 0 {
                    let next = Instant::now() + t.period;
                    self.schedule_timer(&mut t, next);
                }
            }
            Some(d) => self.schedule_timer(&mut t, d.deadline()),
        }
        drop(t);
        if now {
            self.submit(Payload::None);
        }
        was_pending
    }

    fn schedule_timer(&self, t: &mut TimerState, at: Instant) {
        let (weak, generation) = (self.me.clone(), t.generation);
        t.due = Some(at);
        t.scheduled = Some(timers::schedule(
            at,
            Box::new(move || {
                if let Some(o) = weak.upgrade() {
                    o.timer_expired(generation);
                }
            }),
        ));
    }

    fn timer_expired(&self, generation: u64) {
        let mut t = self.timer.lock();
        if t.generation != generation || t.due.is_none() {
            return;
        }
        t.scheduled = None;
        if t.period.is_zero() {
            t.due = None;
        } else {
            // The next period from this expiry; a clock thread held up does not queue a backlog.
            let mut next = t.due.expect("checked above") + t.period;
            let now = Instant::now();
            if next <= now {
                next = now + t.period;
            }
            self.schedule_timer(&mut t, next);
        }
        drop(t);
        self.submit(Payload::None);
    }

    /// `IsThreadpoolTimerSet`.
    pub fn is_timer_set(&self) -> bool {
        self.timer.lock().set
    }

    // ---- waits ----

    fn stop_wait(w: &mut WaitState) {
        w.generation += 1;
        w.active = false;
        if let (Some(target), Some(watcher)) = (w.target.take(), w.watcher.take()) {
            if let Some(waitable) = target.waitable() {
                waitable.unpark(&watcher);
            }
        }
        if let Some(id) = w.timeout.take() {
            timers::cancel(id);
        }
    }

    /// `SetThreadpoolWait(Ex)`: waits for `target` (its handle's object, which must be waitable) until
    /// `timeout`, replacing any previous wait; None stops waiting. Returns whether a previous wait was still
    /// waiting (what `SetThreadpoolWaitEx` returns). An auto-reset event is consumed by the wait that ends.
    pub fn set_wait(&self, target: Option<Arc<dyn KernelObject>>, timeout: Option<Due>) -> bool {
        let mut w = self.wait.lock();
        let was_active = w.active;
        Self::stop_wait(&mut w);
        let Some(target) = target else { return was_active };
        let Some(waitable) = target.waitable() else { return was_active };
        let generation = w.generation;
        let weak = self.me.clone();
        let watcher = Waiter::with_hook(Box::new(move || {
            if let Some(o) = weak.upgrade() {
                o.wait_woken(generation);
            }
        }));
        let mut result = None;
        if waitable.acquire_or_park(&watcher) {
            result = Some(WAIT_OBJECT_0);
        } else if timeout == Some(Due::Now) {
            waitable.unpark(&watcher);
            result = Some(WAIT_TIMEOUT);
        } else {
            w.active = true;
            w.watcher = Some(watcher);
            w.target = Some(target.clone());
            if let Some(t) = timeout {
                let weak = self.me.clone();
                w.timeout = Some(timers::schedule(
                    t.deadline(),
                    Box::new(move || {
                        if let Some(o) = weak.upgrade() {
                            o.wait_timed_out(generation);
                        }
                    }),
                ));
            }
        }
        drop(w);
        if let Some(r) = result {
            self.submit(Payload::Wait(r));
        }
        was_active
    }

    /// The waited-for object was signaled: take the signal (auto-reset objects are consumed) unless another
    /// waiter got it first, in which case keep waiting.
    fn wait_woken(&self, generation: u64) {
        let mut w = self.wait.lock();
        if w.generation != generation || !w.active {
            return;
        }
        let (Some(target), Some(watcher)) = (w.target.clone(), w.watcher.clone()) else { return };
        let Some(waitable) = target.waitable() else { return };
        if !waitable.acquire_or_park(&watcher) {
            return;
        }
        w.active = false;
        w.watcher = None;
        w.target = None;
        if let Some(id) = w.timeout.take() {
            timers::cancel(id);
        }
        drop(w);
        self.submit(Payload::Wait(WAIT_OBJECT_0));
    }

    fn wait_timed_out(&self, generation: u64) {
        let mut w = self.wait.lock();
        if w.generation != generation || !w.active {
            return;
        }
        w.timeout = None;
        Self::stop_wait(&mut w);
        drop(w);
        self.submit(Payload::Wait(WAIT_TIMEOUT));
    }

    // ---- running ----

    /// Runs one callback on the calling worker, then the instance's clean-up actions, then counts it done.
    /// The counting always happens: a panic in our own part (the instance set-up, a clean-up action) is
    /// caught and logged, so `WaitForThreadpool*Callbacks` never waits for a callback that is gone.
    pub(crate) fn run(&self, payload: Payload) {
        let token = next_token();
        let called = catch_unwind(AssertUnwindSafe(|| self.call(token, payload)));
        if called.is_err() {
            tracing::error!(target: "winhttpapi::win32", "thread pool: a callback of {} panicked", self.kind());
        }
        // Still set when the callback ran (None only if setting it up panicked: then it counts as associated).
        let state = CURRENT.with(|c| c.borrow_mut().take());
        let associated = state.as_ref().is_none_or(|s| s.associated);
        for action in state.into_iter().flat_map(|s| s.cleanup).flatten() {
            // Each action runs even if an earlier one panicked (they are independent: leave a critical
            // section, set an event, free a library).
            if catch_unwind(AssertUnwindSafe(action)).is_err() {
                tracing::error!(target: "winhttpapi::win32", "thread pool: a clean-up action panicked");
            }
        }
        let mut c = self.counts.lock();
        if matches!(self.callback, Callback::Simple(_)) {
            c.shutdown = true;
        }
        c.running -= 1;
        if associated {
            c.associated -= 1;
        }
        drop(c);
        self.idle.notify_all();
    }

    /// Makes `token` the calling thread's running instance and calls the program's callback (and the
    /// environment's finalization callback).
    fn call(&self, token: usize, payload: Payload) {
        CURRENT.with(|c| {
            *c.borrow_mut() = Some(InstanceState {
                token,
                object: self.arc(),
                associated: true,
                may_run_long: self.env.long_function,
                cleanup: Default::default(),
            })
        });
        let h = self.handle();
        // SAFETY: each address was given by the program as the callback type its Create* function takes.
        unsafe {
            match (self.callback, payload) {
                (Callback::Simple(f), _) => f(token, self.context),
                (Callback::Work(f), _) | (Callback::Timer(f), _) => f(token, self.context, h),
                (Callback::Wait(f), p) => {
                    let result = if let Payload::Wait(r) = p { r } else { WAIT_OBJECT_0 };
                    f(token, self.context, h, result)
                }
                (Callback::Io(f), Payload::Io { overlapped, error, bytes }) => {
                    f(token, self.context, overlapped, error, bytes, h)
                }
                (Callback::Io(_), _) => {}
            }
            if let Some(finalization) = self.env.finalization {
                finalization(token, self.context);
            }
        }
    }
}

impl Drop for TpObject {
    fn drop(&mut self) {
        self.pool.object_released();
    }
}

impl KernelObject for TpObject {
    fn kind(&self) -> &'static str {
        match self.callback {
            Callback::Simple(_) => "thread pool callback",
            Callback::Work(_) => "thread pool work",
            Callback::Timer(_) => "thread pool timer",
            Callback::Wait(_) => "thread pool wait",
            Callback::Io(_) => "thread pool I/O",
        }
    }
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}

/// The clean-up actions a callback may ask for, run in this order when it returns (as Windows does):
/// leave a critical section, set an event, free a library. The first request of each kind counts.
pub const CLEANUP_LEAVE_CRITICAL_SECTION: usize = 0;
pub const CLEANUP_SET_EVENT: usize = 1;
pub const CLEANUP_FREE_LIBRARY: usize = 2;

/// The running callback's instance, kept by its worker thread. `PTP_CALLBACK_INSTANCE` is its token.
pub struct InstanceState {
    token: usize,
    object: Arc<TpObject>,
    associated: bool,
    may_run_long: bool,
    cleanup: [Option<Box<dyn FnOnce()>>; 3],
}

thread_local! {
    static CURRENT: RefCell<Option<InstanceState>> = const { RefCell::new(None) };
}

static TOKENS: AtomicUsize = AtomicUsize::new(1);

/// A fresh non-NULL, pointer-aligned token for a callback instance.
fn next_token() -> usize {
    TOKENS.fetch_add(1, Ordering::Relaxed) << 4
}

/// The callback instance functions. Each acts only on the calling thread's running callback whose token
/// is `instance`; any other value (a stale instance, another thread's) is ignored with a warning, where
/// Windows' behaviour is undefined.
pub struct Instance;

impl Instance {
    fn with<R>(instance: usize, f: impl FnOnce(&mut InstanceState) -> R) -> Option<R> {
        let r = CURRENT.with(|c| c.borrow_mut().as_mut().filter(|s| s.token == instance).map(f));
        if r.is_none() {
            tracing::warn!(target: "winhttpapi::win32", "thread pool: {instance:#x} is not this thread's running callback");
        }
        r
    }

    /// Registers a clean-up action of `kind` (`CLEANUP_*`), run when the callback returns.
    pub fn on_return(instance: usize, kind: usize, action: Box<dyn FnOnce()>) {
        Self::with(instance, |s| {
            if s.cleanup[kind].is_none() {
                s.cleanup[kind] = Some(action);
            }
        });
    }

    /// `CallbackMayRunLong`: true when another thread serves the pool meanwhile (an idle one, or one
    /// started now), false at the pool's maximum.
    pub fn may_run_long(instance: usize) -> bool {
        Self::with(instance, |s| {
            if s.may_run_long {
                return true;
            }
            s.may_run_long = true;
            s.object.pool().ensure_spare()
        })
        .unwrap_or(false)
    }

    /// `DisassociateCurrentThreadFromCallback`: the object's waits stop waiting for this callback.
    pub fn disassociate(instance: usize) {
        Self::with(instance, |s| {
            if s.associated {
                s.associated = false;
                let o = &s.object;
                o.counts.lock().associated -= 1;
                o.idle.notify_all();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_times_follow_filetime_signs() {
        assert_eq!(Due::from_filetime(0), Due::Now);
        assert_eq!(Due::from_filetime(-10_000), Due::After(Duration::from_millis(1)));
        assert_eq!(Due::from_filetime(5), Due::At(5));
        // A time in the past is due now.
        assert!(Due::At(1).deadline() <= Instant::now());
    }

    static RAN: AtomicUsize = AtomicUsize::new(0);
    static CLEANED: AtomicUsize = AtomicUsize::new(0);

    /// A work callback that asks for two clean-up actions: the first panics, the second counts.
    unsafe extern "C" fn panicking_cleanup(instance: usize, _context: usize, _work: usize) {
        RAN.fetch_add(1, Ordering::SeqCst);
        Instance::on_return(instance, CLEANUP_LEAVE_CRITICAL_SECTION, Box::new(|| panic!("a clean-up action panics")));
        Instance::on_return(
            instance,
            CLEANUP_SET_EVENT,
            Box::new(|| {
                CLEANED.fetch_add(1, Ordering::SeqCst);
            }),
        );
    }

    #[test]
    fn panicking_cleanup_action_keeps_worker_and_counts() {
        // A pool of its own with one worker: if the panic killed it, the second round would never run.
        let pool = Pool::new();
        pool.set_max(1);
        let env = Environment { pool: Some(pool.clone()), ..Default::default() };
        let work = TpObject::new(Callback::Work(panicking_cleanup), 0, env);
        for round in 1..=2 {
            work.submit_work();
            let (tx, rx) = std::sync::mpsc::channel();
            let w = work.clone();
            std::thread::spawn(move || {
                w.wait_callbacks(false);
                let _ = tx.send(());
            });
            rx.recv_timeout(Duration::from_secs(10)).expect("WaitForThreadpoolWorkCallbacks returns (counts kept)");
            assert_eq!(RAN.load(Ordering::SeqCst), round, "the callback ran");
            assert_eq!(CLEANED.load(Ordering::SeqCst), round, "the next clean-up action still ran");
            let c = work.counts.lock();
            assert_eq!((c.pending, c.running, c.associated), (0, 0, 0), "round {round}: nothing left counted");
        }
        for _ in 0..1000 {
            if pool.state.lock().busy == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(pool.state.lock().busy, 0, "the worker is idle again");
        work.release();
    }
}
