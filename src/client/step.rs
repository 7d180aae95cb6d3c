//! How a request step runs, in every mode (DESIGN.md section 5): one model for synchronous and
//! asynchronous sessions.
//!
//! A step (`WinHttpSendRequest`, `WinHttpWriteData`, `WinHttpReceiveResponse`,
//! `WinHttpQueryDataAvailable`, `WinHttpReadData`) is a future over the state it owns (`Io`: the
//! connection, the body decoder, the write state), taken out of its request while it runs; only one
//! step runs per request at a time (the notifier counts them), which makes each request a serial
//! queue of steps. The state option and header queries read (`RequestState`) is locked only for a few
//! field reads or writes, never across a wait, so those queries answer at once while a step is pending.
//!
//! [`launch`] polls the step first on the calling thread, inside the context of the client reactor
//! it is to wait in (`reactor.rs`): a step whose data is already there (a response that has fully
//! arrived, buffered body bytes, a write the socket takes) finishes during the call, with no task and
//! no thread hop. A step that must wait has registered with that reactor's epoll and timers in that
//! poll; the first wake makes it an ordinary task of that reactor, which polls it from then on on the
//! thread that drives the reactor. Nothing here blocks inside a runtime and nothing recognises a
//! thread by its name.
//!
//! - Synchronous ([`run_sync`]): the step waits in a reactor lent to the call, driven by the calling
//!   thread itself (it sleeps in that reactor's epoll; the kernel wakes it when the socket is ready
//!   and the step is polled there: no other thread, no task). The step's notifications are
//!   delivered on the calling thread, in order: those posted before a wait when it waits, the rest
//!   when it ends.
//! - Asynchronous ([`run_async`]): submit and return. A step that finished during the call delivers
//!   its notifications and completion on the calling thread (nested when the call came from one of the
//!   request's callbacks, up to [`MAX_NEST`] levels), and the call reports the count it got.
//!   A step that waits delivers what it posted so far on the calling thread, and waits in the reactor
//!   of a callback thread (the calling one's when a callback made the call, otherwise one per core in
//!   turn); that thread sees the socket ready, finishes the step and delivers the rest of its
//!   notifications itself, outside the reactor: no hand-off between threads.
//!
//! Closing the handle while a step is pending ends it with `ERROR_WINHTTP_OPERATION_CANCELLED`.
use super::callback::*;
use super::reactor::{self, Reactor};
use super::request::{Io, Request};
use crate::client::abi::{
    API_QUERY_DATA_AVAILABLE, API_READ_DATA, API_RECEIVE_RESPONSE, API_SEND_REQUEST, API_WRITE_DATA,
    WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE, WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE,
    WINHTTP_CALLBACK_STATUS_READ_COMPLETE, WINHTTP_CALLBACK_STATUS_REQUEST_ERROR,
    WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE,
};
use crate::win32::error::*;
use crate::win32::overlapped::CallerBuf;
use parking_lot::{Condvar, Mutex};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// One request step.
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

    fn len(&self) -> usize {
        match self {
            Op::Write(b) | Op::Read { buf: b, .. } => b.len(),
            _ => 0,
        }
    }

    /// Steps whose completion Windows delivers inside the call when the data is already there.
    fn finishes_in_call(&self) -> bool {
        matches!(self, Op::Receive | Op::Available | Op::Read { .. })
    }
}

/// What a step produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    Sent,
    Written(u32),
    Headers,
    Available(u32),
    Read(u32),
}

impl Done {
    /// The count the call reports through its out-pointer (bytes written, available or read).
    pub fn count(self) -> u32 {
        match self {
            Done::Written(n) | Done::Available(n) | Done::Read(n) => n,
            Done::Sent | Done::Headers => 0,
        }
    }
}

async fn run_op(req: &Request, io: &mut Io, op: Op) -> WinResult<Done> {
    match op {
        Op::Send => req.transmit(io).await.map(|_| Done::Sent),
        Op::Write(buf) => {
            // SAFETY: the caller's buffer is valid until the step completes (CallerBuf's contract: the
            // synchronous caller waits for it; the asynchronous one keeps it until WRITE_COMPLETE).
            let data = unsafe { buf.slice() };
            req.write(io, data).await.map(Done::Written)
        }
        Op::Receive => req.receive(io).await.map(|_| Done::Headers),
        Op::Available => req.available(io).await.map(Done::Available),
        Op::Read { buf, fill } => {
            // SAFETY: as for Write; READ_COMPLETE hands the buffer back.
            let out = unsafe { buf.slice_mut() };
            let mut total = 0;
            loop {
                let n = req.read(io, &mut out[total..]).await?;
                total += n;
                if !fill || n == 0 || total == out.len() {
                    return Ok(Done::Read(total as u32));
                }
            }
        }
    }
}

/// Runs `op` over the request's step-owned state, raced against `WinHttpCloseHandle`, then gives the
/// state back.
async fn step(req: &Arc<Request>, mut io: Box<Io>, op: Op) -> WinResult<Done> {
    let cancelled = req.cancel.notified();
    tokio::pin!(cancelled);
    // Registered before the closed test, so a close between the two still wakes us.
    cancelled.as_mut().enable();
    let r = if req.is_closed() {
        Err(ERROR_WINHTTP_OPERATION_CANCELLED)
    } else {
        tokio::select! {
            r = run_op(req, &mut io, op) => r.map_err(|e| if req.is_closed() { ERROR_WINHTTP_OPERATION_CANCELLED } else { e }),
            _ = &mut cancelled => Err(ERROR_WINHTTP_OPERATION_CANCELLED),
        }
    };
    // A step dropped mid-way leaves its connection in an unknown state: put_io drops it (closed).
    req.put_io(io);
    r
}

thread_local! {
    /// Set while this thread polls a step for the first time (inside the call).
    static FIRST_POLL: Cell<bool> = const { Cell::new(false) };
    /// The result of an asynchronous step that finished in its first poll, for the call to report.
    static INLINE_RESULT: Cell<Option<WinResult<Done>>> = const { Cell::new(None) };
}

fn in_first_poll() -> bool {
    FIRST_POLL.with(|f| f.get())
}

pin_project_lite::pin_project! {
    /// An asynchronous step's future as launched: whenever it has to wait after the first poll, the
    /// notifications it posted so far go out in one hand-off to a callback thread, so they are
    /// delivered while it waits; those of the first poll are delivered by the calling thread itself
    /// ([`run_async`]).
    struct Flush<F> {
        #[pin]
        inner: F,
        req: Arc<Request>,
    }
}

impl<F: Future<Output = ()>> Future for Flush<F> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.project();
        let r = this.inner.poll(cx);
        if r.is_pending() && !in_first_poll() && this.req.notifier.has_notes() {
            this.req.notifier.flush(Deliver::Pool);
        }
        r
    }
}

type StepFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

const POLLING: u8 = 0;
const NOTIFIED: u8 = 1;
const PARKED: u8 = 2;
const GONE: u8 = 3;

/// The waker of a launched step until it becomes a task of the reactor it waits in.
struct Launch {
    state: AtomicU8,
    parked: Mutex<Option<StepFuture>>,
    /// Where it becomes a task.
    handle: tokio::runtime::Handle,
}

impl Wake for Launch {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let mut cur = self.state.load(Ordering::Acquire);
        loop {
            let next = match cur {
                POLLING => NOTIFIED,
                PARKED => GONE,
                _ => return,
            };
            match self.state.compare_exchange(cur, next, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) if next == GONE => break,
                Ok(_) => return,
                Err(now) => cur = now,
            }
        }
        // The step must wait no longer: from now on it is an ordinary task of its reactor (spawned
        // from the thread that saw its socket or timer, it runs there next).
        if let Some(f) = self.parked.lock().take() {
            self.handle.spawn(f);
        }
    }
}

/// Polls `fut` on this thread in the context of `home` (a client reactor; None: the shared
/// runtime); true when it finished. Otherwise it registered what it waits for there, and its first
/// wake makes it a task of that reactor.
fn launch(mut fut: StepFuture, home: Option<&Reactor>) -> bool {
    let handle = match home {
        Some(r) => r.handle().clone(),
        None => crate::runtime::handle().clone(),
    };
    let _in = match home {
        Some(r) => r.enter(),
        None => reactor::enter_shared(),
    };
    let l = Arc::new(Launch { state: AtomicU8::new(POLLING), parked: Mutex::new(None), handle });
    let waker = Waker::from(l.clone());
    let mut cx = Context::from_waker(&waker);
    let outer = FIRST_POLL.with(|f| f.replace(true));
    let done = loop {
        if fut.as_mut().poll(&mut cx).is_ready() {
            l.state.store(GONE, Ordering::Release);
            break true;
        }
        *l.parked.lock() = Some(fut);
        match l.state.compare_exchange(POLLING, PARKED, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => break false,
            // Woken during the poll: poll again here.
            Err(_) => {
                l.state.store(POLLING, Ordering::Release);
                fut = l.parked.lock().take().expect("parked above");
            }
        }
    };
    FIRST_POLL.with(|f| f.set(outer));
    done
}

/// Runs `fut` as a step of its own (a WebSocket operation): polled here first, a runtime task once
/// it must wait; this thread waits for its result on a private event.
pub fn run_to_end<T: Send + 'static>(fut: impl Future<Output = T> + Send + 'static) -> T {
    let slot: Arc<(Mutex<Option<T>>, Condvar)> = Arc::new((Mutex::new(None), Condvar::new()));
    let s2 = slot.clone();
    launch(
        Box::pin(async move {
            let v = fut.await;
            *s2.0.lock() = Some(v);
            s2.1.notify_one();
        }),
        None,
    );
    let mut v = slot.0.lock();
    loop {
        if let Some(v) = v.take() {
            return v;
        }
        slot.1.wait(&mut v);
    }
}

/// Starts `fut` as a step of its own (an asynchronous WebSocket operation) and returns: polled here
/// first, a runtime task once it must wait. Whether it finished during the call.
pub fn start(fut: impl Future<Output = ()> + Send + 'static) -> bool {
    launch(Box::pin(fut), None)
}

/// A synchronous call: `setup` (the checks and preparation that fail at once), then the step,
/// waited for on this thread in a reactor lent to the call (`reactor.rs`: the thread sleeps in the
/// reactor's epoll, and the kernel wakes it when the socket is ready; the step is polled here, so a
/// response costs one wake and no task). Its notifications run on this thread, outside the reactor:
/// those posted before a wait as soon as it waits, the rest when it ends.
pub fn run_sync(req: &Arc<Request>, op: Op, setup: impl FnOnce(&mut Io) -> WinResult<()>) -> WinResult<Done> {
    req.notifier.begin_op();
    let mut io = req.take_io();
    if let Err(e) = setup(&mut io) {
        req.put_io(io);
        req.notifier.end_op(Deliver::Inline);
        return Err(e);
    }
    let mut fut = std::pin::pin!(step(req, io, op));
    let r = reactor::with_spare(|home| loop {
        // Back out of the reactor whenever the step waits with notifications to deliver: a callback
        // may make synchronous calls of its own (on other handles), which must not run inside it.
        let polled = reactor::block_on_here(
            home,
            std::future::poll_fn(|cx| match fut.as_mut().poll(cx) {
                Poll::Ready(r) => Poll::Ready(Some(r)),
                Poll::Pending if req.notifier.has_notes() => Poll::Ready(None),
                Poll::Pending => Poll::Pending,
            }),
        );
        match polled {
            Some(r) => break r,
            None => req.notifier.flush(Deliver::Inline),
        }
    });
    req.notifier.end_op(Deliver::Inline);
    r
}

/// An asynchronous call: `setup` and the checks that fail at once (FALSE, no callback), then the
/// step. Some(done) when it finished during the call (its notifications were delivered here).
pub fn run_async(req: &Arc<Request>, op: Op, setup: impl FnOnce(&mut Io) -> WinResult<()>) -> WinResult<Option<Done>> {
    req.notifier.try_begin_async()?;
    INLINE_RESULT.with(|c| c.set(None));
    let mut io = req.take_io();
    let api = op.api();
    if let Err(e) = req.check_async(&io, api, op.len()).and_then(|_| setup(&mut io)) {
        req.put_io(io);
        req.notifier.cancel_begin();
        return Err(e);
    }
    // Nested delivery keeps Windows' order only when nothing of this handle waits to be delivered.
    let may_nest = !req.notifier.has_notes();
    let in_call = op.finishes_in_call();
    let addr = match &op {
        Op::Read { buf, .. } => buf.addr(),
        _ => 0,
    };
    let r2 = req.clone();
    let home = super::callback::pool::home();
    let mark = home.count_step();
    let fut = Flush {
        inner: async move {
            let _counted = mark;
            let r = step(&r2, io, op).await;
            if in_first_poll() {
                // Finished in the call: this thread reads it right after the poll.
                INLINE_RESULT.with(|c| c.set(Some(r)));
            }
            complete(&r2, api, addr, r);
        },
        req: req.clone(),
    };
    launch(Box::pin(fut), Some(&home));
    // Read before delivering: a callback's own call (nested below) uses the same slot.
    let inline = INLINE_RESULT.with(|c| c.take());
    if in_call {
        // A receive or read: what it posted (all of it when it finished here) runs on this thread.
        req.notifier.deliver_here(may_nest);
    } else {
        // Windows reports the notifications of WinHttpSendRequest and WinHttpWriteData from its own
        // threads: a callback thread (taken by this one after its current callback when this is a
        // callback thread), or the drain this call was made from, after its callback returns.
        req.notifier.flush(Deliver::Pool);
    }
    Ok(inline.and_then(|r| r.ok()))
}

/// Queues a step's completion notification; delivered by the caller when the step finished in its
/// first poll, else from here in one hand-off to a callback thread.
fn complete(req: &Request, api: u32, addr: usize, r: WinResult<Done>) {
    let (status, info) = match r {
        Ok(Done::Sent) => (WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, Info::None),
        Ok(Done::Written(n)) => (WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, Info::Dword(n)),
        Ok(Done::Headers) => (WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE, Info::None),
        Ok(Done::Available(n)) => (WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE, Info::Dword(n)),
        Ok(Done::Read(n)) => (WINHTTP_CALLBACK_STATUS_READ_COMPLETE, Info::Buffer { ptr: addr, len: n }),
        Err(e) => (WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, Info::AsyncResult { api, error: e.0 }),
    };
    let deliver = if in_first_poll() { Deliver::Hold } else { Deliver::Pool };
    req.notifier.complete_op(status, info, req.context.load(Ordering::Relaxed), deliver);
}

/// `WinHttpReceiveResponse` in asynchronous mode when the request is not in a state to receive (no
/// send yet, or a response already received): TRUE, and REQUEST_ERROR on the calling thread.
pub fn refuse_async(req: &Arc<Request>, api: u32, e: Win32Error) -> WinResult<()> {
    req.notifier.try_begin_async()?;
    let may_nest = !req.notifier.has_notes();
    let info = Info::AsyncResult { api, error: e.0 };
    req.notifier.complete_op(
        WINHTTP_CALLBACK_STATUS_REQUEST_ERROR,
        info,
        req.context.load(Ordering::Relaxed),
        Deliver::Hold,
    );
    req.notifier.deliver_here(may_nest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::connect::Connect;
    use crate::client::request::Opening;
    use crate::client::session::{ProxyConfig, Session};

    #[test]
    fn future_sizes() {
        fn size<F: Future>(_: &F) -> usize {
            std::mem::size_of::<F>()
        }
        let session = Arc::new(Session::new(String::new(), ProxyConfig::default(), 0));
        let connect = Arc::new(Connect { session, host: "h".into(), port: 80, context: 0.into(), parent: 0 });
        let o = Opening {
            verb: "GET".into(),
            path: "/".into(),
            version: "HTTP/1.1".into(),
            referrer: None,
            accept_types: vec![],
            flags: 0,
            parent: 0,
        };
        let r = Arc::new(Request::new(connect, o));
        let f = step(&r, r.take_io(), Op::Available);
        eprintln!("step future: {} bytes", size(&f));
        let mut io = r.take_io();
        eprintln!("available: {} bytes", size(&r.available(&mut io)));
        let mut b = [0u8; 1];
        eprintln!("read: {} bytes", size(&r.read(&mut io, &mut b)));
        eprintln!("receive: {} bytes", size(&r.receive(&mut io)));
        eprintln!("transmit: {} bytes", size(&r.transmit(&mut io)));
    }
}
