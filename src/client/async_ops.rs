//! The asynchronous mode (`WINHTTP_FLAG_ASYNC` sessions): a request step runs as a task on the
//! runtime (its socket waits go through the reactor, bounded by the same WinHTTP timeouts), and its
//! result is queued as the step's completion notification, delivered on a callback thread
//! (`callback.rs`).
//!
//! The calls return at once. What can fail before any I/O (state, framing, a second pending
//! operation) fails then: FALSE and no callback. A call that returned TRUE gets exactly one
//! completion: SENDREQUEST_COMPLETE, WRITE_COMPLETE (DWORD bytes), HEADERS_AVAILABLE,
//! DATA_AVAILABLE (DWORD bytes), READ_COMPLETE (the caller's buffer, bytes read), or REQUEST_ERROR
//! (`WINHTTP_ASYNC_RESULT` naming the API and the error, the same codes as the synchronous mode).
//! Closing the handle while a step is pending ends it with `ERROR_WINHTTP_OPERATION_CANCELLED`,
//! before `HANDLE_CLOSING`.
//!
//! Operations: [`start`] (spawns an [`Op`]).
use super::callback::*;
use super::request::{Request, RequestState};
use crate::ffi::ptr::CallerBuf;
use crate::win32::error::*;
use std::cell::Cell;
use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context, Waker};

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
    /// Set while a step is first polled on the calling thread and that thread is draining the
    /// request's own callback queue: a completion reached then is delivered by that drain.
    static INLINE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `op`; the caller has registered it as pending (`Notifier::try_begin_async`) and made its
/// synchronous checks. Performance shape (DESIGN.md section 9): the step is first polled on the
/// calling thread, so a step the socket can serve at once (a read of buffered bytes, a write the
/// socket takes) costs no task and no thread hop; only a step that must wait goes to the runtime
/// (the same future, moved into a task). When the call was made from one of this request's own
/// callbacks (the normal pattern), such a completion is delivered by that callback's thread right
/// after the callback returns (no nesting, so no recursion limit is needed); otherwise it goes to a
/// callback thread, never to the application's calling thread.
pub fn start(req: Arc<Request>, op: Op) {
    let inline = req.notifier.is_drained_here();
    let mut fut = Box::pin(async move {
        let api = op.api();
        let r = run(&req, op).await;
        finish(&req, api, r);
    });
    let _rt = crate::runtime::handle().enter();
    let mut cx = Context::from_waker(Waker::noop());
    INLINE.with(|f| f.set(inline));
    let first = fut.as_mut().poll(&mut cx);
    INLINE.with(|f| f.set(false));
    if first.is_pending() {
        crate::runtime::handle().spawn(fut);
    }
}

// The request's state lock is held across the step's waits on purpose: it is what the synchronous
// mode holds too, and one pending operation per request is the rule; other threads only take it
// briefly (header and option queries), and nothing under it waits for a callback.
#[allow(clippy::await_holding_lock)]
async fn run(req: &Arc<Request>, op: Op) -> WinResult<Done> {
    let cancelled = req.cancel.notified();
    tokio::pin!(cancelled);
    // Registered before the closed test, so a close between the two still wakes us.
    cancelled.as_mut().enable();
    if req.is_closed() {
        return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
    }
    let work = async {
        let mut st = req.state.lock();
        step(req, &mut st, op).await
    };
    tokio::select! {
        r = work => r.map_err(|e| if req.is_closed() { ERROR_WINHTTP_OPERATION_CANCELLED } else { e }),
        _ = &mut cancelled => {
            // The step was dropped mid-way: its connection cannot be reused.
            let mut st = req.state.lock();
            req.abandon(&mut st);
            Err(ERROR_WINHTTP_OPERATION_CANCELLED)
        }
    }
}

async fn step(req: &Request, st: &mut RequestState, op: Op) -> WinResult<Done> {
    match op {
        Op::Send => req.transmit(st).await.map(|_| Done::Sent),
        Op::Write(buf) => {
            // SAFETY: the caller's buffer is valid until WRITE_COMPLETE (CallerBuf's contract).
            let data = unsafe { buf.slice() };
            req.write(st, data).await.map(Done::Written)
        }
        Op::Receive => req.receive(st).await.map(|_| Done::Headers),
        Op::Available => req.available(st).await.map(Done::Available),
        Op::Read { buf, fill } => {
            // SAFETY: the caller's buffer is valid until READ_COMPLETE (CallerBuf's contract).
            let out = unsafe { buf.slice_mut() };
            let mut total = 0;
            loop {
                let n = req.read(st, &mut out[total..]).await?;
                total += n;
                if !fill || n == 0 || total == out.len() {
                    return Ok(Done::Read { addr: buf.addr(), n: total as u32 });
                }
            }
        }
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
    let deliver = if INLINE.with(|f| f.get()) { Deliver::Inline } else { Deliver::Pool };
    req.notifier.complete_op(status, info, req.context.load(Ordering::Relaxed), deliver);
}
