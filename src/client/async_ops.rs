//! The asynchronous mode (`WINHTTP_FLAG_ASYNC` sessions): a request step is a future first polled
//! by the calling thread and, when it must wait, by the runtime thread whose reactor or timer wakes
//! it (its socket waits go through the reactor, bounded by the same WinHTTP timeouts; nothing in it
//! blocks a thread). Its result is queued as the step's completion notification, delivered on a
//! callback thread (`callback.rs`), never on a runtime thread.
//!
//! The calls return at once. What can fail before any I/O (state, framing, a second pending
//! operation) fails then: FALSE and no callback. A call that returned TRUE gets exactly one
//! completion: SENDREQUEST_COMPLETE, WRITE_COMPLETE (DWORD bytes), HEADERS_AVAILABLE,
//! DATA_AVAILABLE (DWORD bytes), READ_COMPLETE (the caller's buffer, bytes read), or REQUEST_ERROR
//! (`WINHTTP_ASYNC_RESULT` naming the API and the error, the same codes as the synchronous mode).
//! Closing the handle while a step is pending ends it with `ERROR_WINHTTP_OPERATION_CANCELLED`,
//! before `HANDLE_CLOSING`.
//!
//! Operations: [`start`] (runs an [`Op`]).
use super::callback::*;
use super::request::{Request, RequestState};
use crate::win32::error::*;
use crate::win32::overlapped::CallerBuf;
use parking_lot::Mutex;
use std::cell::Cell;
use std::future::Future;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

/// One asynchronous request step.
pub enum Op {
    Send,
    Write(CallerBuf),
    Receive,
    Available,
    Read { buf: CallerBuf, fill: bool },
}

impl Op {
    /// The `API_*` value REQUEST_ERROR names for this step.
    pub fn api(&self) -> u32 {
        match self {
            Op::Send => API_SEND_REQUEST,
            Op::Write(_) => API_WRITE_DATA,
            Op::Receive => API_RECEIVE_RESPONSE,
            Op::Available => API_QUERY_DATA_AVAILABLE,
            Op::Read { .. } => API_READ_DATA,
        }
    }
}

enum Done {
    Sent,
    Written(u32),
    Headers,
    Available(u32),
    Read { addr: usize, n: u32 },
}

thread_local! {
    /// The notifier of the request whose step this thread is first-polling from inside that
    /// request's own callback (0 = none): a completion reached then is delivered by that drain.
    static INLINE: Cell<usize> = const { Cell::new(0) };
}

/// The future of one step: `$body` runs under the request's state lock (`$st`), raced against
/// `WinHttpCloseHandle`; its result becomes the completion notification.
///
/// The request's state lock is held across the step's waits on purpose: it is what the synchronous
/// mode holds too, and one pending operation per request is the rule; other threads only take it
/// briefly (header and option queries), and nothing under it waits for a callback.
macro_rules! step_future {
    ($req:ident, $api:expr, |$st:ident| $body:block) => {
        async move {
            let cancelled = $req.cancel.notified();
            tokio::pin!(cancelled);
            // Registered before the closed test, so a close between the two still wakes us.
            cancelled.as_mut().enable();
            let r: WinResult<Done> = if $req.is_closed() {
                Err(ERROR_WINHTTP_OPERATION_CANCELLED)
            } else {
                #[allow(clippy::await_holding_lock)]
                let work = async {
                    let mut guard = $req.state.lock();
                    let $st: &mut RequestState = &mut guard;
                    $body
                };
                tokio::select! {
                    r = work => r.map_err(|e| if $req.is_closed() { ERROR_WINHTTP_OPERATION_CANCELLED } else { e }),
                    _ = &mut cancelled => {
                        // The step was dropped mid-way: its connection cannot be reused.
                        let mut st = $req.state.lock();
                        $req.abandon(&mut st);
                        Err(ERROR_WINHTTP_OPERATION_CANCELLED)
                    }
                }
            };
            finish(&$req, $api, r);
        }
    };
}
/// Runs `op`; the caller has registered it as pending (`Notifier::try_begin_async`) and made its
/// synchronous checks. Performance shape (DESIGN.md section 9): the step is first polled on the
/// calling thread, so a step the socket can serve at once (a read of buffered bytes, a write the
/// socket takes) costs no task and no thread hop. A step that must wait is a [`StepTask`]: its
/// waker is registered with the runtime's reactor and timers by that first poll, and the I/O thread
/// that sees the socket become ready polls it on the spot (no task is spawned, no runtime thread is
/// woken just to register interest). When the call was made from one of this request's own
/// callbacks (the normal pattern), a completion reached in the first poll is delivered by that
/// callback's thread right after the callback returns (no nesting, so no recursion limit is
/// needed); otherwise it goes to a callback thread, never to the application's calling thread.
pub fn start(req: Arc<Request>, op: Op) {
    let inline = if req.notifier.is_drained_here() { Arc::as_ptr(&req.notifier) as usize } else { 0 };
    let notifier = req.notifier.clone();
    // One future type per kind of step, so a read's future is not the size of a send's (which
    // holds connect, TLS and redirects): it is allocated for every call.
    match op {
        Op::Send => launch(
            inline,
            notifier,
            step_future!(req, API_SEND_REQUEST, |st| { req.transmit(st).await.map(|_| Done::Sent) }),
        ),
        Op::Write(buf) => launch(
            inline,
            notifier,
            step_future!(req, API_WRITE_DATA, |st| {
                // SAFETY: the caller's buffer is valid until WRITE_COMPLETE (CallerBuf's contract).
                let data = unsafe { buf.slice() };
                req.write(st, data).await.map(Done::Written)
            }),
        ),
        Op::Receive => launch(
            inline,
            notifier,
            step_future!(req, API_RECEIVE_RESPONSE, |st| { req.receive(st).await.map(|_| Done::Headers) }),
        ),
        Op::Available => launch(
            inline,
            notifier,
            step_future!(req, API_QUERY_DATA_AVAILABLE, |st| { req.available(st).await.map(Done::Available) }),
        ),
        Op::Read { buf, fill } => launch(
            inline,
            notifier,
            step_future!(req, API_READ_DATA, |st| {
                // SAFETY: the caller's buffer is valid until READ_COMPLETE (CallerBuf's contract).
                let out = unsafe { buf.slice_mut() };
                let mut total = 0;
                loop {
                    let n = match req.read(st, &mut out[total..]).await {
                        Ok(n) => n,
                        Err(e) => break Err(e),
                    };
                    total += n;
                    if !fill || n == 0 || total == out.len() {
                        break Ok(Done::Read { addr: buf.addr(), n: total as u32 });
                    }
                }
            }),
        ),
    }
}

/// Polls a step's future for the first time on this thread (see [`start`]).
fn launch<F: Future<Output = ()> + Send + 'static>(inline: usize, notifier: Arc<Notifier>, fut: F) {
    let task = Arc::new(StepTask {
        state: AtomicU8::new(IDLE),
        fut: Mutex::new(Some(Box::pin(Step { inner: fut, notifier }))),
    });
    let _rt = crate::runtime::handle().enter();
    let outer = INLINE.with(|f| f.replace(inline));
    task.poll_now();
    INLINE.with(|f| f.set(outer));
}

const IDLE: u8 = 0;
const POLLING: u8 = 1;
const NOTIFIED: u8 = 2;
const DONE: u8 = 3;

type StepFuture = std::pin::Pin<Box<dyn Future<Output = ()> + Send>>;

/// A pending step, woken by the reactor, a timer, or a close. Whoever wakes it polls it at once when
/// that is a runtime thread (the usual case: the I/O thread that saw the socket ready); any other
/// thread (an application thread closing the handle) hands the poll to the runtime. The state
/// keeps one poll at a time: a wake during a poll makes the poller poll again.
struct StepTask {
    state: AtomicU8,
    fut: Mutex<Option<StepFuture>>,
}

impl StepTask {
    fn poll_now(self: &Arc<Self>) {
        let mut cur = self.state.load(Ordering::Acquire);
        loop {
            let next = match cur {
                IDLE => POLLING,
                POLLING => NOTIFIED,
                _ => return,
            };
            match self.state.compare_exchange(cur, next, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) if next == NOTIFIED => return,
                Ok(_) => break,
                Err(now) => cur = now,
            }
        }
        let waker = Waker::from(self.clone());
        let mut cx = Context::from_waker(&waker);
        loop {
            let mut slot = self.fut.lock();
            let done = match slot.as_mut() {
                Some(f) => f.as_mut().poll(&mut cx).is_ready(),
                None => true,
            };
            if done {
                let f = slot.take();
                self.state.store(DONE, Ordering::Release);
                drop(slot);
                drop(f);
                return;
            }
            drop(slot);
            if self.state.compare_exchange(POLLING, IDLE, Ordering::AcqRel, Ordering::Acquire).is_ok() {
                return;
            }
            // Woken while polling: poll again.
            self.state.store(POLLING, Ordering::Release);
        }
    }
}

impl Wake for StepTask {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if self.state.load(Ordering::Acquire) == DONE {
            return;
        }
        if is_runtime_thread() {
            self.run_here();
        } else {
            let me = self.clone();
            crate::runtime::handle().spawn(async move { me.run_here() });
        }
    }
}

impl StepTask {
    /// Polls on this runtime thread. A wake that happens inside a step's poll (a step handing a
    /// connection to another one waiting for MAX_CONNS_PER_SERVER, under the pool's lock) is only
    /// recorded, and that task is polled after the outer poll returns: no step runs nested in
    /// another, so no lock is taken twice.
    fn run_here(self: &Arc<Self>) {
        if DEPTH.with(|d| d.get()) > 0 {
            DEFERRED.with(|q| q.borrow_mut().push(self.clone()));
            return;
        }
        DEPTH.with(|d| d.set(1));
        let outer = INLINE.with(|f| f.replace(0));
        self.poll_now();
        while let Some(t) = DEFERRED.with(|q| q.borrow_mut().pop()) {
            t.poll_now();
        }
        INLINE.with(|f| f.set(outer));
        DEPTH.with(|d| d.set(0));
    }
}

thread_local! {
    static RUNTIME_THREAD: Cell<Option<bool>> = const { Cell::new(None) };
    /// Set while this runtime thread polls steps ([`StepTask::run_here`]).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Steps woken during such a poll, polled once it returns.
    static DEFERRED: std::cell::RefCell<Vec<Arc<StepTask>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether this thread is one of the runtime's (the I/O workers and their blocking helpers).
fn is_runtime_thread() -> bool {
    RUNTIME_THREAD.with(|c| match c.get() {
        Some(v) => v,
        None => {
            let v = std::thread::current().name() == Some("winhttpapi-io");
            c.set(Some(v));
            v
        }
    })
}

pin_project_lite::pin_project! {
    /// A step's future: whenever it has to wait, the informational notifications it posted so far
    /// (held in the queue, see `Request::note`) go to a callback thread, so they are delivered while
    /// the step waits, and the notifications between two waits travel as one job.
    struct Step<F> {
        #[pin]
        inner: F,
        notifier: Arc<Notifier>,
    }
}

impl<F: Future<Output = ()>> Future for Step<F> {
    type Output = ();
    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> std::task::Poll<()> {
        let this = self.project();
        let r = this.inner.poll(cx);
        if r.is_pending() {
            this.notifier.flush(Deliver::Pool);
        }
        r
    }
}

fn finish(req: &Request, api: u32, r: WinResult<Done>) {
    let (status, info) = match r {
        Ok(Done::Sent) => (WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, Info::None),
        Ok(Done::Written(n)) => (WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, Info::Dword(n)),
        Ok(Done::Headers) => (WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE, Info::None),
        Ok(Done::Available(n)) => (WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE, Info::Dword(n)),
        Ok(Done::Read { addr, n }) => (WINHTTP_CALLBACK_STATUS_READ_COMPLETE, Info::Buffer { ptr: addr, len: n }),
        Err(e) => (WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, Info::AsyncResult { api, error: e.0 }),
    };
    let mine = Arc::as_ptr(&req.notifier) as usize;
    let deliver = if INLINE.with(|f| f.get()) == mine { Deliver::Inline } else { Deliver::Pool };
    req.notifier.complete_op(status, info, req.context.load(Ordering::Relaxed), deliver);
}
