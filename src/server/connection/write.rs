//! Writing: `HttpSendHttpResponse` / `HttpSendResponseEntityBody` from the application's thread
//! straight to the socket (head and body in one `sendmsg`), what the socket does not take queued and
//! flushed on the next writable edge (file ranges with `sendfile`), `BUFFER_DATA` coalescing, and the
//! bandwidth limits (`HTTP_BANDWIDTH_LIMIT_INFO`) that hold output back until their buckets refill.
use super::*;
use crate::server::files::{BodyPiece, EDGE_CHUNK};
use crate::server::response::{self, ResponseHead};
use crate::server::timers::Throttle;
use std::io::IoSlice;

/// What a write did with its bytes.
pub(super) enum Written {
    /// Everything is on the wire.
    All,
    /// Some or all are queued for the next writable edge (the completion went with them).
    Queued,
    /// The socket failed: the connection is gone.
    Failed(Option<Completion>),
}

thread_local! {
    /// The last response head this thread wrote (its buffer is reused: no allocation per response).
    static HEAD_MEMO: std::cell::Cell<HeadMemo> = const { std::cell::Cell::new(HeadMemo::new()) };
}

/// Heads longer than this are written every time (not compared).
const MEMO_MAX: usize = 2048;

/// A response head as last written, and what it was written from ([`response::head_key`]): a response
/// identical in every byte that makes its head (status, reason, headers, the engine's framing decision)
/// reuses the bytes, with the Date refreshed. Servers answer many responses alike.
#[derive(Default)]
struct HeadMemo {
    bytes: Vec<u8>,
    /// Empty: nothing to compare with.
    key: Vec<u8>,
    date_at: usize,
}

impl HeadMemo {
    const fn new() -> Self {
        HeadMemo { bytes: Vec::new(), key: Vec::new(), date_at: 0 }
    }

    /// Makes `bytes` the head for `h`, dated `now`.
    fn write(&mut self, h: &ResponseHead, plan: &response::Plan, v2: bool, now: Instant) {
        let date = crate::http1::date::imf_at(now);
        let key = &self.key;
        let mut pos = 0;
        let same = !key.is_empty()
            && response::head_key(h, plan, v2, |p| {
                let end = pos + p.len();
                let ok = key.get(pos..end) == Some(p);
                pos = end;
                ok
            })
            && pos == key.len();
        if same {
            response::refresh_date(&mut self.bytes, self.date_at, &date);
            return;
        }
        self.bytes.clear();
        self.key.clear();
        self.date_at = response::write_head(h, plan, v2, &date, &mut self.bytes);
        if self.bytes.len() <= MEMO_MAX {
            let key = &mut self.key;
            response::head_key(h, plan, v2, |p| {
                key.extend_from_slice(p);
                true
            });
        }
    }
}

/// The pieces of one send, on the stack for the usual few.
struct Slices<'a> {
    small: [IoSlice<'a>; 8],
    n: usize,
    big: Vec<IoSlice<'a>>,
}

impl<'a> Slices<'a> {
    fn new() -> Self {
        Slices { small: [IoSlice::new(&[]); 8], n: 0, big: Vec::new() }
    }
    fn push(&mut self, s: IoSlice<'a>) {
        if self.big.is_empty() && self.n < self.small.len() {
            self.small[self.n] = s;
            self.n += 1;
        } else {
            if self.big.is_empty() {
                self.big.extend_from_slice(&self.small[..self.n]);
            }
            self.big.push(s);
        }
    }
}

impl<'a> std::ops::Deref for Slices<'a> {
    type Target = [IoSlice<'a>];
    fn deref(&self) -> &[IoSlice<'a>] {
        if self.big.is_empty() {
            &self.small[..self.n]
        } else {
            &self.big
        }
    }
}

/// Which thread flushes a connection's output (file ranges: who may wait for the disk).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flusher {
    /// One driving events (the runtime on a writable edge or a timer, a queue's leader): sends only
    /// what is in the page cache, [`EDGE_CHUNK`] at a time, and hands a cold part to the blocking pool.
    Edge,
    /// The application's own, in its send call (as a synchronous send on Windows, it may wait).
    Caller,
    /// A blocking pool thread a cold part was handed to.
    Pool,
}

/// What every bandwidth limit on the connection lets go now, of `want` bytes.
fn grant(throttles: &[Arc<Throttle>], want: usize) -> usize {
    let mut n = want;
    for t in throttles {
        n = t.take(n);
        if n == 0 {
            break;
        }
    }
    n
}

impl Connection {
    /// Whether nothing waits to be written (TLS: no record either).
    pub(super) fn output_idle(&self) -> bool {
        self.output.lock().out.is_empty() && !self.sock.pending()
    }

    /// Writes `bufs` now as far as the socket (and the bandwidth limits) take them; queues the rest with
    /// `done` (fired once it is all out). `req`: the request the bytes belong to (0: the engine's own).
    pub(super) fn write_locked(
        &self,
        out: &mut Output,
        bufs: &[IoSlice],
        done: Option<Completion>,
        req: u64,
    ) -> Written {
        let total: usize = bufs.iter().map(|b| b.len()).sum();
        let mut written = 0usize;
        // (Before the send: see `Connection::on_event`.)
        self.out_waiting.store(true, Ordering::Release);
        if out.out.is_empty() && out.throttles.is_empty() {
            match self.sock.send_vectored(bufs) {
                Ok(n) => written = n,
                Err(_) => return Written::Failed(done),
            }
        } else if out.out.is_empty() && out.throttled_until.is_none() {
            // A bandwidth limit: only what the buckets grant goes now; the rest when they refill.
            let allowed = grant(&out.throttles, total);
            let mut cut = Vec::with_capacity(bufs.len());
            let mut left = allowed;
            for b in bufs {
                if left == 0 {
                    break;
                }
                let n = b.len().min(left);
                cut.push(IoSlice::new(&b[..n]));
                left -= n;
            }
            if !cut.is_empty() {
                match self.sock.send_vectored(&cut) {
                    Ok(n) => written = n,
                    Err(_) => return Written::Failed(done),
                }
            }
            if written == allowed && written < total {
                self.hold_back(out, total - written);
            }
        }
        if written == total {
            // TLS: records the socket did not take wait in the TLS layer. They count towards MinSendRate as
            // queued bytes do: a client that stops reading must not hold the connection with no timer
            // running (a closing connection has no other).
            if out.backlog.is_none() && self.sock.pending() {
                self.add_backlog(out, written as u64);
            }
            if out.out.is_empty() && !out.closing {
                self.out_waiting.store(false, Ordering::Release);
            }
            return Written::All;
        }
        let mut rest = Vec::with_capacity(total - written);
        let mut skip = written;
        for b in bufs {
            if skip >= b.len() {
                skip -= b.len();
                continue;
            }
            rest.extend_from_slice(&b[skip..]);
            skip = 0;
        }
        self.add_backlog(out, rest.len() as u64);
        out.out.push_back(OutItem {
            data: rest,
            pos: 0,
            done: done.map(|c| (c, total as u32)),
            req,
            source: None,
            sending: false,
        });
        Written::Queued
    }

    /// Output waits for a bandwidth bucket (not for the socket): no writable edge will come, so a timer
    /// lets it go.
    fn hold_back(&self, out: &mut Output, want: usize) {
        if let Some(at) = out.throttles.iter().map(|t| t.ready_at(want)).max() {
            out.throttled_until = Some(at);
            self.schedule(at);
        }
    }

    /// Counts queued bytes towards the MinSendRate allowance.
    fn add_backlog(&self, out: &mut Output, n: u64) {
        out.backlog = Some(match out.backlog {
            Some((t, b)) => (t, b + n),
            None => {
                let now = Instant::now();
                if let Some(d) = Self::send_deadline(out, now, n) {
                    self.schedule(d);
                }
                (now, n)
            }
        });
    }

    /// Writes what is queued as far as the socket takes it (a writable edge, a bucket refilled), on a
    /// thread that drives events: it never waits for the disk.
    pub(super) fn flush(self: &Arc<Self>) {
        self.flush_as(Flusher::Edge);
    }

    /// Writes what is queued as far as the socket takes it, on `who`'s thread.
    fn flush_as(self: &Arc<Self>, who: Flusher) {
        let mut fired = Vec::new();
        let mut failed = false;
        let mut close = false;
        {
            let mut out = self.output.lock();
            if who == Flusher::Pool {
                out.file_pool = false;
            }
            if out.file_busy || out.file_pool {
                // Another thread is sending a file range with the lock released, or a pool thread is
                // about to: it flushes again.
                out.flush_again = true;
                return;
            }
            if out.throttled_until.is_some() {
                return;
            }
            // TLS: the records of earlier writes go first (a plain socket holds none).
            match self.sock.flush_pending() {
                Ok(true) if out.out.is_empty() && !out.closing => {
                    out.backlog = None;
                    self.out_waiting.store(false, Ordering::Release);
                    return;
                }
                Ok(true) => {}
                Ok(false) => return,
                Err(_) => failed = true,
            }
            let throttles = out.throttles.clone();
            'items: while let Some(item) = out.out.front_mut() {
                if failed {
                    break;
                }
                while item.pos < item.data.len() {
                    let mut end = item.data.len();
                    if !throttles.is_empty() {
                        let granted = grant(&throttles, end - item.pos);
                        if granted == 0 {
                            let want = end - item.pos;
                            self.hold_back(&mut out, want);
                            break 'items;
                        }
                        end = item.pos + granted;
                    }
                    match self.sock.send(&item.data[item.pos..end]) {
                        Ok(n) => item.pos += n,
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break 'items,
                        Err(_) => {
                            failed = true;
                            break 'items;
                        }
                    }
                    if item.pos < end {
                        break 'items; // the socket is full
                    }
                }
                // The file range is sent with the lock released (a cold page cache may block in
                // `sendfile`): the item stays at the front, marked, so nothing overtakes it, and a
                // flush asked for meanwhile is left to this thread (`flush_again`).
                while out.out.front().is_some_and(|f| f.source.as_ref().is_some_and(|s| !s.is_empty())) {
                    let item = out.out.front_mut().expect("front exists");
                    let mut src = item.source.take().expect("a range");
                    let cap = match who {
                        Flusher::Edge => EDGE_CHUNK,
                        Flusher::Caller | Flusher::Pool => usize::MAX,
                    };
                    if who == Flusher::Edge && !src.cached(cap) {
                        // A cold disk would stall this thread (and every connection it drives): the part
                        // goes from a blocking pool thread, which asks the next window in as it sends.
                        item.source = Some(src);
                        out.file_pool = true;
                        let me = self.clone();
                        crate::runtime::handle().spawn_blocking(move || me.flush_as(Flusher::Pool));
                        break 'items;
                    }
                    if who == Flusher::Pool {
                        src.read_ahead();
                    }
                    let mut max = cap;
                    if !throttles.is_empty() {
                        let want = src.len().min(1 << 20).min(cap as u64) as usize;
                        max = grant(&throttles, want);
                        if max == 0 {
                            item.source = Some(src);
                            self.hold_back(&mut out, want);
                            break 'items;
                        }
                    }
                    item.sending = true;
                    out.file_busy = true;
                    out.flush_again = false;
                    let r = parking_lot::MutexGuard::unlocked(&mut out, || self.sock.send_file(&mut src, max));
                    out.file_busy = false;
                    let again = std::mem::take(&mut out.flush_again);
                    match out.out.front_mut() {
                        Some(f) if f.sending => {
                            f.sending = false;
                            f.source = Some(src);
                        }
                        // The connection ended meanwhile: its output is gone.
                        _ => break 'items,
                    }
                    match r {
                        Ok(_) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && again => {}
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break 'items,
                        Err(_) => {
                            failed = true;
                            break 'items;
                        }
                    }
                }
                let item = out.out.pop_front().expect("front exists");
                if let Some((c, bytes)) = item.done {
                    fired.push((c, ERROR_SUCCESS, bytes));
                }
            }
            if out.out.is_empty() && !failed && !self.sock.pending() {
                out.backlog = None;
                close = out.closing;
                if !close {
                    self.out_waiting.store(false, Ordering::Release);
                }
            }
        }
        fire_all(fired);
        if failed {
            let mut fired = Vec::new();
            {
                let mut inp = self.input.lock();
                inp.broken = true;
                self.end(&mut inp, &mut fired);
            }
            fire_all(fired);
        } else if close {
            let mut fired = Vec::new();
            {
                let mut inp = self.input.lock();
                if inp.phase == Phase::Closing {
                    self.end(&mut inp, &mut fired);
                }
            }
            fire_all(fired);
        }
    }

    /// `HttpSendHttpResponse` (with `head`) and `HttpSendResponseEntityBody` (without), on the
    /// application's thread. `buffer_data`: `HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA` (small pieces may be
    /// held back, see [`crate::server::buffer::Coalescer`]). File ranges larger than [`crate::server::files::READ_NOW_LIMIT`]
    /// follow with `sendfile` as the socket drains. `queue`: the queue the caller found `req` in.
    #[allow(clippy::too_many_arguments)]
    pub fn send(
        self: &Arc<Self>,
        queue: &Arc<RequestQueue>,
        req: &Request,
        head: Option<&ResponseHead>,
        body: crate::server::files::Body<'_>,
        more_data: bool,
        disconnect: bool,
        buffer_data: bool,
        completion: Completion,
    ) -> Start {
        let result;
        let mut ended = None;
        let mut kick = false;
        // One clock reading for the head's Date and, when this send ends the response, the connection's
        // timers (IdleConnection starts).
        let mut now = None;
        {
            let mut out = self.output.lock();
            if out.serving != req.id || out.resp.finished || self.is_closed() {
                return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
            }
            // One send at a time per request (HttpSendResponseEntityBody: ERROR_BAD_COMMAND when
            // another send is pending on the same request).
            if out.out.iter().any(|i| i.req == req.id && i.done.is_some()) {
                return Start::Done(ERROR_BAD_COMMAND, 0, false);
            }
            if head.is_some() == out.resp.started {
                // A second head, or a body before any head.
                return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
            }
            let body_len: u64 = body.iter().map(|b| b.len()).sum();
            // The head is this thread's memo (no allocation per response, no writing for a head like
            // the last).
            let mut memo = HEAD_MEMO.with(|b| b.take());
            let head_bytes: &[u8] = if let Some(h) = head {
                let plan = response::plan(h, &req.head, more_data, disconnect, body_len);
                out.resp.started = true;
                out.resp.close_after = plan.close;
                out.resp.no_body |= plan.no_body;
                out.resp.status = h.status;
                if let Some(pipe) = self.sock.pipe() {
                    // An HTTP/2 stream: the head goes to its relay as fields, not HTTP/1.1 text.
                    pipe.put_head(h, &plan, req.v2);
                    &[]
                } else {
                    memo.write(h, &plan, req.v2, *now.get_or_insert_with(Instant::now));
                    &memo.bytes
                }
            } else {
                if disconnect {
                    out.resp.close_after = true;
                }
                &[]
            };
            let held = std::mem::take(&mut out.resp.coalesce);
            let mut slices: Slices = Slices::new();
            if !held.held().is_empty() {
                slices.push(IoSlice::new(held.held()));
            }
            if !head_bytes.is_empty() {
                slices.push(IoSlice::new(head_bytes));
            }
            // The entity goes out as given: http.sys frames nothing. From the first file range on, the
            // pieces are queued behind it (`tail`).
            let mut tail: Vec<OutItem> = Vec::new();
            if !out.resp.no_body {
                for b in body {
                    match b {
                        BodyPiece::Mem([]) => {}
                        BodyPiece::Mem(m) if tail.is_empty() => slices.push(IoSlice::new(m)),
                        BodyPiece::Mem(m) => tail.push(OutItem {
                            data: m.to_vec(),
                            pos: 0,
                            done: None,
                            req: req.id,
                            source: None,
                            sending: false,
                        }),
                        BodyPiece::File(f) => tail.push(OutItem {
                            data: Vec::new(),
                            pos: 0,
                            done: None,
                            req: req.id,
                            source: Some(f),
                            sending: false,
                        }),
                    }
                }
            }
            let own: u64 = slices.iter().map(|s| s.len() as u64).sum::<u64>() - held.held().len() as u64;
            let tail_bytes: u64 =
                tail.iter().map(|t| t.data.len() as u64 + t.source.as_ref().map_or(0, |f| f.len())).sum();
            let total = (own + tail_bytes).min(u32::MAX as u64) as u32;
            out.resp.bytes += total as u64;
            if more_data && tail.is_empty() && out.resp.coalesce.try_hold(buffer_data, &slices) {
                // Held: the call is done; the bytes go out with a later send.
                drop(slices);
                HEAD_MEMO.with(|b| b.set(memo));
                return Start::Done(ERROR_SUCCESS, total, true);
            }
            let written = if tail.is_empty() {
                self.write_locked(&mut out, &slices, Some(completion), req.id)
            } else {
                match self.write_locked(&mut out, &slices, None, req.id) {
                    Written::Failed(_) => Written::Failed(Some(completion)),
                    written => {
                        kick = matches!(written, Written::All);
                        tail.last_mut().expect("not empty").done = Some((completion, total));
                        self.add_backlog(&mut out, tail_bytes);
                        out.out.extend(tail);
                        self.out_waiting.store(true, Ordering::Release);
                        Written::Queued
                    }
                }
            };
            drop(slices);
            drop(held);
            HEAD_MEMO.with(|b| b.set(memo));
            if !more_data {
                out.resp.finished = true;
                ended = Some((out.resp.status, out.resp.bytes, out.resp.close_after));
            }
            result = match written {
                Written::All => Start::Done(ERROR_SUCCESS, total, true),
                Written::Queued => Start::Pending,
                Written::Failed(c) => {
                    drop(c);
                    Start::Done(ERROR_CONNECTION_INVALID, 0, false)
                }
            };
        }
        if kick {
            // File ranges (and what follows them) start right away, on this thread: the socket is not
            // full, so no writable edge would come for them.
            self.flush_as(Flusher::Caller);
        }
        let failed = matches!(result, Start::Done(ERROR_CONNECTION_INVALID, _, _));
        match ended {
            Some((status, sent, close_after)) => {
                let now = now.unwrap_or_else(Instant::now);
                self.response_done(queue, req, status, sent, close_after || failed, now)
            }
            None if head.is_some() || failed => {
                // A response began (no 100 Continue any more), or the socket failed.
                let mut fired = Vec::new();
                {
                    let mut inp = self.input.lock();
                    inp.continue_needed = false;
                    if failed {
                        inp.broken = true;
                        self.end(&mut inp, &mut fired);
                    }
                }
                fire_all(fired);
            }
            None => {}
        }
        result
    }

    /// The last send of a response was handed to the socket: the request ends (logged, forgotten by its
    /// queue), and the connection goes on to the next request (which may be waiting already: pipelined),
    /// drains the rest of the body, or closes.
    /// `found_in`: the queue the caller found the request in (usually the connection's: then no weak
    /// upgrade is needed to forget it there).
    /// `now`: when the response ended.
    #[allow(clippy::too_many_arguments)]
    fn response_done(
        self: &Arc<Self>,
        found_in: &Arc<RequestQueue>,
        req: &Request,
        status: u16,
        sent: u64,
        close: bool,
        now: Instant,
    ) {
        let mut fired = Vec::new();
        let (received, queue, routed) = {
            let mut inp = self.input.lock();
            let received = inp.body_raw;
            let queue = if std::ptr::eq(inp.queue.as_ptr(), Arc::as_ptr(found_in)) {
                Some(std::borrow::Cow::Borrowed(found_in))
            } else {
                inp.queue.upgrade().map(std::borrow::Cow::Owned)
            };
            let mut routed = None;
            if inp.current.as_ref().is_some_and(|c| c.id == req.id) {
                inp.current = None;
                inp.continue_needed = false;
                if let Some(p) = inp.body_reader.take() {
                    fired.push((p.completion, ERROR_CONNECTION_INVALID, 0));
                }
                if inp.phase != Phase::Closed {
                    if close || inp.body_error {
                        self.set_closing(&mut inp);
                    } else {
                        self.request_ended(&mut inp, now);
                    }
                    routed = self.advance(&mut inp, &mut fired);
                }
            }
            (received, queue, routed)
        };
        fire_all(fired);
        response::completed(req, self.local, self.remote, status, sent, received);
        if let Some(q) = queue {
            q.forget(req.id);
        }
        if let Some((q, r)) = routed {
            q.deliver(r);
        }
    }
}
