//! One accepted TCP connection: a tokio task reads and parses request heads, routes them and queues
//! them; the application's threads write responses straight to the socket.
//!
//! Threads: the task (a reactor thread) is the only reader of the socket. Writers are the application's
//! threads (`HttpSendHttpResponse` writes head and body with one non-blocking `sendmsg`) and, for what
//! did not fit, the task. Everything is ordered by one lock on [`ConnState`]; completions are fired
//! after it is released.
//!
//! Operations: [`Connection::send`] (responses and entity bodies), [`Connection::receive_body`],
//! [`Connection::copy_body_into`] (for `HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY`), [`Connection::cancel`]
//! (`CancelIoEx` / `HttpCancelHttpRequest`), [`Connection::abort`].
//!
//! Later work (HttpWaitForDisconnect, timers) hangs off [`ConnState`]: `disconnect_waiters` is the
//! list of completions fired when the connection ends, and the task's `select!` is where a per-connection
//! deadline joins.
use super::buffer::{Coalescer, OutBuf};
use super::files::{BodyPiece, FileRange, STREAM_PIECE};
use super::completion::{Completion, Start};
use super::queue::RequestQueue;
use super::request::Request;
use super::response::{self, ResponseHead};
use super::router;
use crate::http1::chunked::ChunkedDecoder;
use crate::http1::request::{parse_request_head, Framing, RequestHead};
use crate::win32::error::*;
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::io::IoSlice;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use tokio::net::TcpStream;
use tokio::sync::Notify;

static NEXT_CONNECTION_ID: AtomicU64 = AtomicU64::new(0x2_0000_0001);

/// Decoded body bytes buffered ahead of the application, and raw bytes read ahead of the parser.
const BODY_AHEAD: usize = 64 * 1024;
const READ_AHEAD: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Waiting for (or parsing) the next request head.
    Head,
    /// A request is with the application.
    InRequest,
    /// The response is done; the rest of the request body is read and dropped.
    Drain,
    /// Flush what is queued, then close.
    Closing,
    Closed,
}

enum BodyKind {
    Done,
    Length(u64),
    Chunked(ChunkedDecoder),
}

struct PendingBody {
    buf: OutBuf,
    completion: Completion,
    /// `HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER`: complete only when `buf` is full (or the
    /// body ends); `filled` bytes are in it so far.
    fill: bool,
    filled: usize,
}

struct OutItem {
    data: Vec<u8>,
    pos: usize,
    /// Fired with `bytes` once `data` is on the wire.
    done: Option<(Completion, u32)>,
    /// The request whose send this is (0: bytes the engine sends itself).
    req: u64,
    /// A file range streamed through `data` piece by piece as the socket drains.
    source: Option<FileRange>,
}

#[derive(Default)]
struct RespState {
    started: bool,
    finished: bool,
    chunked: bool,
    close_after: bool,
    no_body: bool,
    /// For the request log: the status sent and the bytes handed to the socket.
    status: u16,
    bytes: u64,
    /// `HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA` bytes held back.
    coalesce: Coalescer,
}

struct ConnState {
    phase: Phase,
    inbuf: Vec<u8>,
    inpos: usize,
    peer_eof: bool,
    /// The socket failed (reset): the connection is gone, whatever the phase.
    broken: bool,
    current: Option<Arc<Request>>,
    queue: Weak<RequestQueue>,
    body: BodyKind,
    decoded: Vec<u8>,
    dpos: usize,
    body_error: bool,
    body_raw: u64,
    body_reader: Option<PendingBody>,
    continue_needed: bool,
    resp: RespState,
    out: VecDeque<OutItem>,
    /// Completions fired when the connection ends (HttpWaitForDisconnect).
    pub disconnect_waiters: Vec<Completion>,
}

/// A live connection.
pub struct Connection {
    pub id: u64,
    stream: TcpStream,
    fd: RawFd,
    pub local: SocketAddr,
    pub remote: SocketAddr,
    st: Mutex<ConnState>,
    wake: Notify,
}

type Fired = Vec<(Completion, Win32Error, u32)>;

fn fire_all(list: Fired) {
    for (c, e, n) in list {
        c.fire(e, n, false);
    }
}

enum Step {
    Dispatch(RequestHead),
    Wait { read: bool, write: bool },
    Exit,
}

impl Connection {
    /// Takes an accepted socket and starts its task.
    pub fn start(stream: TcpStream, remote: SocketAddr) {
        let _ = stream.set_nodelay(true);
        let local = match stream.local_addr() {
            Ok(a) => a,
            Err(_) => return,
        };
        let fd = stream.as_raw_fd();
        let conn = Arc::new(Connection {
            id: NEXT_CONNECTION_ID.fetch_add(1, Ordering::Relaxed),
            stream,
            fd,
            local,
            remote,
            st: Mutex::new(ConnState {
                phase: Phase::Head,
                inbuf: Vec::with_capacity(4096),
                inpos: 0,
                peer_eof: false,
                broken: false,
                current: None,
                queue: Weak::new(),
                body: BodyKind::Done,
                decoded: Vec::new(),
                dpos: 0,
                body_error: false,
                body_raw: 0,
                body_reader: None,
                continue_needed: false,
                resp: RespState::default(),
                out: VecDeque::new(),
                disconnect_waiters: Vec::new(),
            }),
            wake: Notify::new(),
        });
        tokio::spawn(conn.run());
    }

    async fn run(self: Arc<Self>) {
        loop {
            let mut fired = Vec::new();
            let step = self.step(&mut fired);
            fire_all(fired);
            match step {
                Step::Dispatch(head) => self.dispatch(head),
                Step::Exit => break,
                Step::Wait { read, write } => {
                    tokio::select! {
                        r = self.stream.readable(), if read => {
                            if r.is_err() { let mut st = self.st.lock(); st.peer_eof = true; st.broken = true; } else { self.read_some(); }
                        }
                        w = self.stream.writable(), if write => {
                            if w.is_err() { self.fail_writes(); } else { self.flush_some(); }
                        }
                        _ = self.wake.notified() => {}
                    }
                }
            }
        }
        self.finish();
    }

    fn read_some(&self) {
        let mut st = self.st.lock();
        if st.inpos == st.inbuf.len() {
            st.inbuf.clear();
            st.inpos = 0;
        } else if st.inpos > 0 && st.inbuf.capacity() - st.inbuf.len() < 4096 {
            let p = st.inpos;
            st.inbuf.drain(..p);
            st.inpos = 0;
        }
        let len = st.inbuf.len();
        st.inbuf.resize(len + 16 * 1024, 0);
        let r = self.stream.try_read(&mut st.inbuf[len..]);
        match r {
            Ok(0) => {
                st.inbuf.truncate(len);
                st.peer_eof = true;
            }
            Ok(n) => st.inbuf.truncate(len + n),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => st.inbuf.truncate(len),
            Err(_) => {
                st.inbuf.truncate(len);
                st.peer_eof = true;
                st.broken = true;
            }
        }
    }

    fn flush_some(&self) {
        let mut fired = Vec::new();
        {
            let mut st = self.st.lock();
            while let Some(item) = st.out.front_mut() {
                if item.pos == item.data.len() {
                    if let Some(src) = item.source.as_mut() {
                        item.data.clear();
                        item.pos = 0;
                        match src.refill(&mut item.data, STREAM_PIECE) {
                            Ok(0) => item.source = None,
                            Ok(_) => {}
                            Err(_) => {
                                drop(st);
                                fire_all(fired);
                                self.fail_writes();
                                return;
                            }
                        }
                    }
                    if item.source.is_none() && item.pos == item.data.len() {
                        let item = st.out.pop_front().expect("front exists");
                        if let Some((c, bytes)) = item.done {
                            fired.push((c, ERROR_SUCCESS, bytes));
                        }
                        continue;
                    }
                }
                match self.stream.try_write(&item.data[item.pos..]) {
                    Ok(n) => {
                        item.pos += n;
                        if item.pos == item.data.len() && item.source.is_none() {
                            let item = st.out.pop_front().expect("front exists");
                            if let Some((c, bytes)) = item.done {
                                fired.push((c, ERROR_SUCCESS, bytes));
                            }
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                    Err(_) => {
                        drop(st);
                        fire_all(fired);
                        self.fail_writes();
                        return;
                    }
                }
            }
        }
        fire_all(fired);
    }

    fn fail_writes(&self) {
        let mut st = self.st.lock();
        let fired = Self::close_locked(&mut st);
        drop(st);
        fire_all(fired);
    }

    /// Ends the connection's state (under the lock): returns the completions to fire.
    fn close_locked(st: &mut ConnState) -> Fired {
        let mut fired = Vec::new();
        st.phase = Phase::Closed;
        if let Some(p) = st.body_reader.take() {
            fired.push((p.completion, ERROR_CONNECTION_INVALID, 0));
        }
        for item in st.out.drain(..) {
            if let Some((c, _)) = item.done {
                fired.push((c, ERROR_CONNECTION_INVALID, 0));
            }
        }
        for c in st.disconnect_waiters.drain(..) {
            fired.push((c, ERROR_SUCCESS, 0));
        }
        fired
    }

    fn finish(&self) {
        let (fired, current, queue) = {
            let mut st = self.st.lock();
            let fired = Self::close_locked(&mut st);
            (fired, st.current.take(), st.queue.upgrade())
        };
        fire_all(fired);
        if let (Some(req), Some(q)) = (current, queue) {
            q.forget(req.id);
        }
        // SAFETY: our own socket; shutting it down tells the peer at once even while requests still
        // hold the connection object (the descriptor itself closes when the last of them lets go).
        unsafe { libc::shutdown(self.fd, libc::SHUT_RDWR) };
    }

    /// Moves raw input into the decoded body buffer (bounded). `Err` on a malformed chunked body.
    fn pump_body(st: &mut ConnState) -> Result<(), ()> {
        if st.dpos > 0 && st.dpos == st.decoded.len() {
            st.decoded.clear();
            st.dpos = 0;
        }
        let avail = st.inbuf.len() - st.inpos;
        let room = BODY_AHEAD.saturating_sub(st.decoded.len() - st.dpos);
        if avail == 0 || room == 0 {
            return Ok(());
        }
        match &mut st.body {
            BodyKind::Done => {}
            BodyKind::Length(rem) => {
                let n = (*rem).min(avail as u64).min(room as u64) as usize;
                let start = st.inpos;
                st.decoded.extend_from_slice(&st.inbuf[start..start + n]);
                st.inpos += n;
                st.body_raw += n as u64;
                *rem -= n as u64;
                if *rem == 0 {
                    st.body = BodyKind::Done;
                }
            }
            BodyKind::Chunked(dec) => {
                let start = st.inpos;
                let input = &st.inbuf[start..start + avail.min(room)];
                let decoded = &mut st.decoded;
                let used = dec.decode(input, |d| decoded.extend_from_slice(d)).map_err(|_| ())?;
                let done = dec.is_done();
                st.inpos += used;
                st.body_raw += used as u64;
                if done {
                    st.body = BodyKind::Done;
                }
            }
        }
        Ok(())
    }

    fn body_done(st: &ConnState) -> bool {
        matches!(st.body, BodyKind::Done)
    }

    /// Queues a complete response the engine itself sends (400, 404, 503, 100 Continue).
    fn queue_bytes(&self, st: &mut ConnState, data: Vec<u8>) {
        let slices = [IoSlice::new(&data)];
        let _ = self.write_locked(st, &slices, None);
    }

    /// The synchronous part of the task: everything that needs no waiting.
    fn step(&self, fired: &mut Fired) -> Step {
        let mut st = self.st.lock();
        if st.broken && st.phase != Phase::Closed {
            // A reset peer: nothing queued can be delivered any more.
            fired.extend(Self::close_locked(&mut st));
            return Step::Exit;
        }
        loop {
            match st.phase {
                Phase::Closed => return Step::Exit,
                Phase::Closing => {
                    if st.out.is_empty() {
                        return Step::Exit;
                    }
                    return Step::Wait { read: false, write: true };
                }
                Phase::Head => {
                    let write = !st.out.is_empty();
                    if st.inpos < st.inbuf.len() {
                        match parse_request_head(&st.inbuf[st.inpos..]) {
                            Err(r) => {
                                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: bad request head, answering {}", self.id, r.0);
                                let bytes = response::error_response(r.0, true);
                                self.queue_bytes(&mut st, bytes);
                                st.phase = Phase::Closing;
                                continue;
                            }
                            Ok(Some((head, used))) => {
                                st.inpos += used;
                                return Step::Dispatch(head);
                            }
                            Ok(None) => {}
                        }
                    }
                    if st.peer_eof {
                        if write {
                            st.phase = Phase::Closing;
                            continue;
                        }
                        return Step::Exit;
                    }
                    return Step::Wait { read: true, write };
                }
                Phase::InRequest | Phase::Drain => {
                    if Self::pump_body(&mut st).is_err() {
                        st.body_error = true;
                        st.body = BodyKind::Done;
                        if let Some(p) = st.body_reader.take() {
                            fired.push((p.completion, ERROR_CONNECTION_INVALID, 0));
                        }
                        if !st.resp.started {
                            let bytes = response::error_response(400, true);
                            self.queue_bytes(&mut st, bytes);
                        }
                        st.phase = Phase::Closing;
                        continue;
                    }
                    if st.phase == Phase::Drain {
                        st.decoded.clear();
                        st.dpos = 0;
                        if Self::body_done(&st) {
                            st.phase = Phase::Head;
                            continue;
                        }
                    } else if st.body_reader.is_some() {
                        let avail = st.decoded.len() - st.dpos;
                        if avail > 0 {
                            let mut p = st.body_reader.take().expect("checked");
                            let n = avail.min(p.buf.len() - p.filled);
                            let (from, at) = (st.dpos, p.filled);
                            p.buf.bytes()[at..at + n].copy_from_slice(&st.decoded[from..from + n]);
                            st.dpos += n;
                            p.filled += n;
                            let ended = st.dpos == st.decoded.len() && Self::body_done(&st);
                            if p.fill && p.filled < p.buf.len() && !ended {
                                st.body_reader = Some(p); // FILL_BUFFER: wait for the rest
                            } else {
                                fired.push((p.completion, ERROR_SUCCESS, p.filled as u32));
                            }
                        } else if Self::body_done(&st) {
                            let p = st.body_reader.take().expect("checked");
                            if p.filled > 0 {
                                fired.push((p.completion, ERROR_SUCCESS, p.filled as u32));
                            } else {
                                fired.push((p.completion, ERROR_HANDLE_EOF, 0));
                            }
                        }
                    }
                    let write = !st.out.is_empty();
                    if st.peer_eof {
                        if !Self::body_done(&st) {
                            // The client left mid-body: nothing more will come.
                            let fl = Self::close_locked(&mut st);
                            fired.extend(fl);
                            return Step::Exit;
                        }
                        if st.phase == Phase::Drain && !write {
                            return Step::Exit;
                        }
                        return Step::Wait { read: false, write };
                    }
                    let read = if Self::body_done(&st) {
                        st.inbuf.len() - st.inpos < READ_AHEAD
                    } else {
                        st.decoded.len() - st.dpos < BODY_AHEAD && !st.continue_needed
                    };
                    return Step::Wait { read, write };
                }
            }
        }
    }

    /// Routes a parsed head and hands it to its queue, or answers it here.
    fn dispatch(self: &Arc<Self>, head: RequestHead) {
        match router::route(&head, self.local) {
            router::Routed::Reject(status) => {
                let mut st = self.st.lock();
                let keep = head.keep_alive && head.framing == Framing::None && status != 400;
                let bytes = response::error_response(status, !keep);
                self.queue_bytes(&mut st, bytes);
                st.phase = if keep { Phase::Head } else { Phase::Closing };
            }
            router::Routed::Queue { queue, context, cooked, host, group } => {
                let framing = head.framing;
                let expect = head.expect_continue;
                let req = Arc::new(Request::new(self.clone(), head, context, cooked, host, queue.v2).with_group(group));
                {
                    let mut st = self.st.lock();
                    st.current = Some(req.clone());
                    st.queue = Arc::downgrade(&queue);
                    st.body = match framing {
                        Framing::None => BodyKind::Done,
                        Framing::Length(n) => BodyKind::Length(n),
                        Framing::Chunked => BodyKind::Chunked(ChunkedDecoder::new()),
                    };
                    st.decoded.clear();
                    st.dpos = 0;
                    st.body_error = false;
                    st.body_raw = 0;
                    st.continue_needed = expect && framing != Framing::None;
                    st.resp = RespState { no_body: req.is_head_verb(), ..Default::default() };
                    st.phase = Phase::InRequest;
                    // A chunked body that arrived with its head is checked before the application
                    // sees the request: a smuggling attempt never reaches it.
                    if Self::pump_body(&mut st).is_err() {
                        st.current = None;
                        let bytes = response::error_response(400, true);
                        self.queue_bytes(&mut st, bytes);
                        st.phase = Phase::Closing;
                        return;
                    }
                }
                queue.deliver(req);
            }
        }
    }

    /// Writes `bufs` now as far as the socket takes them; queues the rest for the task.
    /// Returns `Some(total)` when everything went out now.
    fn write_locked(&self, st: &mut ConnState, bufs: &[IoSlice], done: Option<Completion>) -> Result<Option<u32>, Completion> {
        let total: usize = bufs.iter().map(|b| b.len()).sum();
        let mut written = 0usize;
        if st.out.is_empty() {
            written = send_vectored(self.fd, bufs).unwrap_or(0);
        }
        if written == total {
            return Ok(Some(total as u32));
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
        let was_empty = st.out.is_empty();
        let req = st.current.as_ref().map_or(0, |c| c.id);
        st.out.push_back(OutItem { data: rest, pos: 0, done: done.map(|c| (c, total as u32)), req, source: None });
        if was_empty {
            self.wake.notify_one();
        }
        Ok(None)
    }

    fn is_current(st: &ConnState, req: &Request) -> bool {
        st.phase != Phase::Closed && st.current.as_ref().is_some_and(|c| c.id == req.id)
    }

    /// `HttpSendHttpResponse` (with `head`) and `HttpSendResponseEntityBody` (without).
    /// `buffer_data`: `HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA` (small pieces may be held back, see
    /// [`Coalescer`]). File ranges larger than a few pieces are streamed by the task as the socket drains.
    #[allow(clippy::too_many_arguments)]
    pub fn send(&self, req: &Request, head: Option<&ResponseHead>, body: Vec<BodyPiece<'_>>, more_data: bool, disconnect: bool, buffer_data: bool, completion: Completion) -> Start {
        let queue;
        let result;
        let mut orphan = None;
        let mut logged = None;
        {
            let mut st = self.st.lock();
            if !Self::is_current(&st, req) || st.resp.finished {
                return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
            }
            // One send at a time per request (HttpSendResponseEntityBody: ERROR_BAD_COMMAND when
            // another send is pending on the same request).
            if st.out.iter().any(|i| i.req == req.id && i.done.is_some()) {
                return Start::Done(ERROR_BAD_COMMAND, 0, false);
            }
            if head.is_some() == st.resp.started {
                // A second head, or a body before any head.
                return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
            }
            let body_len: u64 = body.iter().map(|b| b.len()).sum();
            let mut head_bytes = Vec::new();
            if let Some(h) = head {
                let plan = response::plan(h, &req.head, more_data, disconnect, body_len);
                st.resp.started = true;
                st.resp.chunked = plan.chunked;
                st.resp.close_after = plan.close;
                st.resp.no_body |= plan.no_body;
                st.resp.status = h.status;
                st.continue_needed = false;
                response::write_head(h, &plan, req.v2, &mut head_bytes);
            } else if disconnect {
                st.resp.close_after = true;
            }
            let held = std::mem::take(&mut st.resp.coalesce);
            let mut slices: Vec<IoSlice> = Vec::with_capacity(body.len() + 4);
            if !held.held().is_empty() {
                slices.push(IoSlice::new(held.held()));
            }
            if !head_bytes.is_empty() {
                slices.push(IoSlice::new(&head_bytes));
            }
            // Chunk framing: one chunk per call (all the call's pieces), then the last chunk.
            // From the first streamed file range on, pieces are queued for the task (`tail`).
            let mut chunk_head = Vec::new();
            let mut tail: Vec<OutItem> = Vec::new();
            let mut trailer: &[u8] = b"";
            if !st.resp.no_body {
                let chunked = st.resp.chunked;
                if chunked && body_len > 0 {
                    crate::http1::chunked::chunk_head(body_len as usize, &mut chunk_head);
                    slices.push(IoSlice::new(&chunk_head));
                }
                for b in body {
                    match b {
                        BodyPiece::Mem(m) if m.is_empty() => {}
                        BodyPiece::Mem(m) if tail.is_empty() => slices.push(IoSlice::new(m)),
                        BodyPiece::Mem(m) => tail.push(OutItem { data: m.to_vec(), pos: 0, done: None, req: req.id, source: None }),
                        BodyPiece::File(f) => tail.push(OutItem { data: Vec::new(), pos: 0, done: None, req: req.id, source: Some(f) }),
                    }
                }
                trailer = match (chunked && body_len > 0, chunked && !more_data) {
                    (true, true) => b"\r\n0\r\n\r\n",
                    (true, false) => b"\r\n",
                    (false, true) => b"0\r\n\r\n",
                    (false, false) => b"",
                };
                if !trailer.is_empty() && !tail.is_empty() {
                    tail.push(OutItem { data: trailer.to_vec(), pos: 0, done: None, req: req.id, source: None });
                    trailer = b"";
                }
            }
            if !trailer.is_empty() {
                slices.push(IoSlice::new(trailer));
            }
            let own: u64 = slices.iter().map(|s| s.len() as u64).sum::<u64>() - held.held().len() as u64;
            let total = (own + tail.iter().map(|t| t.data.len() as u64).sum::<u64>() + tail.iter().filter_map(|t| t.source.as_ref()).map(|f| f.len()).sum::<u64>()).min(u32::MAX as u64) as u32;
            st.resp.bytes += total as u64;
            if more_data && tail.is_empty() && st.resp.coalesce.try_hold(buffer_data, &slices) {
                // Held: the call is done; the bytes go out with a later send.
                return Start::Done(ERROR_SUCCESS, total, true);
            }
            let outcome = if tail.is_empty() {
                self.write_locked(&mut st, &slices, Some(completion))
            } else {
                let _ = self.write_locked(&mut st, &slices, None);
                tail.last_mut().expect("not empty").done = Some((completion, total));
                st.out.extend(tail);
                self.wake.notify_one();
                Ok(None)
            };
            drop(slices);
            drop(held);
            if !more_data {
                st.resp.finished = true;
                st.current = None;
                orphan = st.body_reader.take();
                logged = Some((st.resp.status, st.resp.bytes, st.body_raw));
                st.phase = if st.resp.close_after || st.body_error {
                    Phase::Closing
                } else if Self::body_done(&st) {
                    Phase::Head
                } else {
                    Phase::Drain
                };
                self.wake.notify_one();
                queue = st.queue.upgrade();
            } else {
                queue = None;
            }
            result = match outcome {
                Ok(Some(_)) => Start::Done(ERROR_SUCCESS, total, true),
                Ok(None) => Start::Pending,
                Err(c) => {
                    drop(c);
                    Start::Done(ERROR_CONNECTION_INVALID, 0, false)
                }
            };
        }
        if let Some(p) = orphan {
            p.completion.fire(ERROR_CONNECTION_INVALID, 0, false);
        }
        if let Some((status, sent, received)) = logged {
            response::completed(req, self.local, self.remote, status, sent, received);
        }
        if let Some(q) = queue {
            q.forget(req.id);
        }
        result
    }

    /// `HttpReceiveRequestEntityBody`.
    /// `fill`: `HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER` (complete with a full buffer, or
    /// with what is left when the body ends).
    pub fn receive_body(&self, req: &Request, mut buf: OutBuf, fill: bool, completion: Completion) -> Start {
        let mut st = self.st.lock();
        if !Self::is_current(&st, req) || st.resp.finished {
            return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
        }
        if st.body_reader.is_some() {
            return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
        }
        if st.continue_needed {
            st.continue_needed = false;
            if !st.resp.started {
                self.queue_bytes(&mut st, b"HTTP/1.1 100 Continue\r\n\r\n".to_vec());
            }
        }
        if Self::pump_body(&mut st).is_err() {
            st.body_error = true;
            st.body = BodyKind::Done;
            self.wake.notify_one();
            return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
        }
        let avail = st.decoded.len() - st.dpos;
        let mut filled = 0;
        if avail > 0 {
            let n = avail.min(buf.len());
            let from = st.dpos;
            buf.bytes()[..n].copy_from_slice(&st.decoded[from..from + n]);
            st.dpos += n;
            self.wake.notify_one();
            let ended = st.dpos == st.decoded.len() && Self::body_done(&st);
            if !fill || n == buf.len() || ended || st.body_error {
                return Start::Done(ERROR_SUCCESS, n as u32, true);
            }
            filled = n;
        }
        if st.body_error {
            return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
        }
        if Self::body_done(&st) {
            return Start::Done(ERROR_HANDLE_EOF, 0, false);
        }
        st.body_reader = Some(PendingBody { buf, completion, fill, filled });
        self.wake.notify_one();
        Start::Pending
    }

    /// Copies the body bytes already here into `out` (`HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY`).
    /// Returns (bytes copied, more body exists, raw body bytes received so far).
    pub fn copy_body_into(&self, req: &Request, out: &mut [u8]) -> (usize, bool, u64) {
        let mut st = self.st.lock();
        if !Self::is_current(&st, req) {
            return (0, false, 0);
        }
        let _ = Self::pump_body(&mut st);
        let avail = st.decoded.len() - st.dpos;
        let n = avail.min(out.len());
        let from = st.dpos;
        out[..n].copy_from_slice(&st.decoded[from..from + n]);
        st.dpos += n;
        let more = st.dpos < st.decoded.len() || !Self::body_done(&st);
        if n > 0 {
            self.wake.notify_one();
        }
        (n, more, st.body_raw)
    }

    /// Whether body remains to be read, and the raw body bytes received so far (for the request's
    /// `Flags` and `BytesReceived` when the body is not copied).
    pub fn body_status(&self, req: &Request) -> (bool, u64) {
        let mut st = self.st.lock();
        if !Self::is_current(&st, req) {
            return (false, 0);
        }
        let _ = Self::pump_body(&mut st);
        (st.dpos < st.decoded.len() || !Self::body_done(&st), st.body_raw)
    }

    /// Whether the connection is gone.
    pub fn is_closed(&self) -> bool {
        self.st.lock().phase == Phase::Closed
    }

    /// Cancels this connection's pending operations for `req` whose `OVERLAPPED` is `ov` (0: all).
    /// A cancelled send leaves the response half-written, so the connection is closed.
    pub fn cancel(&self, req_id: u64, ov: usize) -> bool {
        let mut fired = Vec::new();
        {
            let mut st = self.st.lock();
            if st.current.as_ref().is_none_or(|c| c.id != req_id) {
                return false;
            }
            if st.body_reader.as_ref().is_some_and(|p| ov == 0 || p.completion.overlapped() == ov) {
                let p = st.body_reader.take().expect("checked");
                fired.push((p.completion, ERROR_OPERATION_ABORTED, 0));
            }
            let mut cut = false;
            for item in st.out.iter_mut() {
                if item.done.as_ref().is_some_and(|(c, _)| ov == 0 || c.overlapped() == ov) {
                    let (c, _) = item.done.take().expect("checked");
                    fired.push((c, ERROR_OPERATION_ABORTED, 0));
                    cut = true;
                }
            }
            if cut {
                let mut rest = Self::close_locked(&mut st);
                fired.append(&mut rest);
                self.wake.notify_one();
            }
        }
        let any = !fired.is_empty();
        fire_all(fired);
        any
    }

    /// Ends the connection now (queue closed, request cancelled): pending operations of its request
    /// complete with `ERROR_OPERATION_ABORTED`.
    pub fn abort(&self) {
        let mut fired = Vec::new();
        {
            let mut st = self.st.lock();
            if let Some(p) = st.body_reader.take() {
                fired.push((p.completion, ERROR_OPERATION_ABORTED, 0));
            }
            for item in st.out.iter_mut() {
                if let Some((c, _)) = item.done.take() {
                    fired.push((c, ERROR_OPERATION_ABORTED, 0));
                }
            }
            fired.append(&mut Self::close_locked(&mut st));
            st.current = None;
        }
        fire_all(fired);
        self.wake.notify_one();
        // SAFETY: our own socket (see `finish`).
        unsafe { libc::shutdown(self.fd, libc::SHUT_RDWR) };
    }
}

/// One non-blocking `sendmsg` of all the pieces. `MSG_NOSIGNAL`: a peer that left must give an error,
/// not kill the application with SIGPIPE.
fn send_vectored(fd: RawFd, bufs: &[IoSlice]) -> Option<usize> {
    let mut total = 0usize;
    let mut start = 0usize;
    let mut skip = 0usize;
    while start < bufs.len() {
        let n_iov = (bufs.len() - start).min(1024);
        let mut iov: Vec<libc::iovec> = bufs[start..start + n_iov]
            .iter()
            .map(|b| libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() })
            .collect();
        if skip > 0 {
            iov[0].iov_base = (iov[0].iov_base as usize + skip) as *mut libc::c_void;
            iov[0].iov_len -= skip;
        }
        // SAFETY: a zeroed msghdr is valid; the iovecs point into live slices for the duration of the call.
        let n = unsafe {
            let mut msg: libc::msghdr = std::mem::zeroed();
            msg.msg_iov = iov.as_mut_ptr();
            msg.msg_iovlen = iov.len() as _;
            libc::sendmsg(fd, &msg, libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT)
        };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return if total > 0 || e.kind() == std::io::ErrorKind::WouldBlock { Some(total) } else { None };
        }
        let mut n = n as usize;
        if n == 0 {
            break;
        }
        total += n;
        // Advance over what went out.
        while start < bufs.len() && n > 0 {
            let left = bufs[start].len() - skip;
            if n >= left {
                n -= left;
                start += 1;
                skip = 0;
            } else {
                skip += n;
                n = 0;
            }
        }
        while start < bufs.len() && bufs[start].len() == skip {
            start += 1;
            skip = 0;
        }
    }
    Some(total)
}
