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
//! Disconnect waits ([`Connection::add_disconnect_waiter`], `HttpWaitForDisconnect`) are completions
//! fired when the connection ends, or when the client half-closes (http.sys reports a client's FIN as
//! the end of the connection). [`lookup`] finds a connection by its `HTTP_CONNECTION_ID`.
//!
//! Timers (`HTTP_TIMEOUT_LIMIT_INFO`, [`super::timers`]): each state arms at most a few deadlines
//! ([`Connection::deadlines`]); the task sleeps until the nearest in its `select!` and, when one has
//! passed, [`Connection::expire`] acts: IdleConnection, HeaderWait, EntityBody, DrainEntityBody and
//! MinSendRate close the connection; RequestQueue answers 503 to a request the application never took.
//! Bandwidth limits (`HTTP_BANDWIDTH_LIMIT_INFO`) hold output back until their token buckets refill.
use super::buffer::{Coalescer, OutBuf};
use super::completion::{Completion, Start};
use super::files::{BodyPiece, FileRange, STREAM_PIECE};
use super::notify_hook;
use super::queue::RequestQueue;
use super::queue::VERBOSITY_BASIC;
use super::request::Request;
use super::request::NOT_RECEIVED;
use super::response::{self, ResponseHead};
use super::router;
use super::session;
use super::timers::{self, ConnTimers, ConnectionLimit, Throttle};
use crate::http1::chunked::ChunkedDecoder;
use crate::http1::request::{parse_request_head, Framing, RequestHead};
use crate::notify::abi::{HTTP_NOTIFY_CONNECTION_CLOSED, HTTP_NOTIFY_CONNECTION_OPENED, HTTP_NOTIFY_REQUEST_503};
use crate::win32::error::*;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::collections::VecDeque;
use std::io::IoSlice;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Instant;
use tokio::net::{TcpStream, UnixStream};
use tokio::sync::Notify;

const FIRST_CONNECTION_ID: u64 = 0x2_0000_0001;
static NEXT_CONNECTION_ID: AtomicU64 = AtomicU64::new(FIRST_CONNECTION_ID);

/// Live connections by id, for `HttpWaitForDisconnect`.
static LIVE: once_cell::sync::Lazy<Mutex<HashMap<u64, Weak<Connection>>>> =
    once_cell::sync::Lazy::new(Default::default);

/// What an `HTTP_CONNECTION_ID` names.
pub enum Lookup {
    Live(Arc<Connection>),
    /// A connection this process had, now closed.
    Gone,
    /// Never a connection id.
    Unknown,
}

pub fn lookup(id: u64) -> Lookup {
    if let Some(c) = LIVE.lock().get(&id).and_then(|w| w.upgrade()) {
        return Lookup::Live(c);
    }
    if (FIRST_CONNECTION_ID..NEXT_CONNECTION_ID.load(Ordering::Relaxed)).contains(&id) {
        Lookup::Gone
    } else {
        Lookup::Unknown
    }
}

/// Which timer a deadline belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Timer {
    IdleConnection,
    HeaderWait,
    EntityBody,
    DrainEntityBody,
    RequestQueue,
    MinSendRate,
    /// Not a timeout: a bandwidth limit lets more output go.
    Throttle,
}

/// One `HttpWaitForDisconnect` of one queue.
struct Waiter {
    queue: usize,
    completion: Completion,
}

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
    disconnect_waiters: Vec<Waiter>,
    /// Queues that received a request of this connection (they may wait for its end).
    queues_seen: Vec<usize>,
    /// The application's timers (from the URL group of the last routed request).
    timers: ConnTimers,
    /// No request routed yet: the machine-wide IdleConnection and HeaderWait apply.
    first: bool,
    idle_since: Instant,
    head_started: Option<Instant>,
    body_progress: Instant,
    reading_body: bool,
    queued_at: Instant,
    drain_started: Instant,
    /// Start and size of the output backlog (MinSendRate).
    backlog: Option<(Instant, u64)>,
    throttles: Vec<Arc<Throttle>>,
    throttled_until: Option<Instant>,
    /// The URL group connection limit this connection counts against.
    conn_slot: Option<Arc<ConnectionLimit>>,
    /// Close with a reset (Http503ResponseVerbosityBasic), not a FIN.
    reset: bool,
    /// The settings of the last URL group routed to, with the settings generation they were read at.
    route_cache: Option<(Option<u64>, u64, Arc<session::RouteSettings>)>,
    /// The machine-wide (IdleConnection, HeaderWait), read when the connection was accepted.
    first_timers: (std::time::Duration, std::time::Duration),
}

/// The socket a connection reads and writes: the client's TCP socket, or (HTTPS) the local end of
/// the TLS relay ([`super::tls`]). An enum, not a trait object: the plain path stays a direct call.
enum Stream {
    Tcp(TcpStream),
    Relay(UnixStream),
}

impl Stream {
    async fn readable(&self) -> std::io::Result<()> {
        match self {
            Stream::Tcp(s) => s.readable().await,
            Stream::Relay(s) => s.readable().await,
        }
    }
    async fn writable(&self) -> std::io::Result<()> {
        match self {
            Stream::Tcp(s) => s.writable().await,
            Stream::Relay(s) => s.writable().await,
        }
    }
    fn try_read(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_read(buf),
            Stream::Relay(s) => s.try_read(buf),
        }
    }
    fn try_write(&self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Tcp(s) => s.try_write(buf),
            Stream::Relay(s) => {
                s.try_io(tokio::io::Interest::WRITABLE, || super::tls::send_nosignal(s.as_raw_fd(), buf))
            }
        }
    }
}

/// A live connection.
pub struct Connection {
    pub id: u64,
    stream: Stream,
    fd: RawFd,
    /// The TCP socket (socket options, `TCP_INFO`): `fd` itself, or for HTTPS a duplicate of the
    /// client's socket, held in `_tcp_dup` so it stays valid as long as the connection object.
    tcp_fd: RawFd,
    _tcp_dup: Option<std::os::fd::OwnedFd>,
    pub local: SocketAddr,
    pub remote: SocketAddr,
    /// HTTPS: what `HTTP_REQUEST.pSslInfo` reports (None: plain HTTP).
    pub tls: Option<Arc<super::tls::SslInfo>>,
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
    Wait { read: bool, write: bool, deadline: Option<Instant> },
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
        Self::launch(Stream::Tcp(stream), fd, None, local, remote, None);
    }

    /// Takes the local end of an HTTPS connection's TLS relay (`local`, `remote`: the TCP addresses).
    /// `tcp`: a duplicate of the client's TCP socket.
    pub fn start_relayed(
        stream: UnixStream,
        tcp: std::os::fd::OwnedFd,
        local: SocketAddr,
        remote: SocketAddr,
        tls: Arc<super::tls::SslInfo>,
    ) {
        let fd = stream.as_raw_fd();
        Self::launch(Stream::Relay(stream), fd, Some(tcp), local, remote, Some(tls));
    }

    fn launch(
        stream: Stream,
        fd: RawFd,
        tcp_dup: Option<std::os::fd::OwnedFd>,
        local: SocketAddr,
        remote: SocketAddr,
        tls: Option<Arc<super::tls::SslInfo>>,
    ) {
        let now = Instant::now();
        let conn = Arc::new(Connection {
            id: NEXT_CONNECTION_ID.fetch_add(1, Ordering::Relaxed),
            stream,
            fd,
            tcp_fd: tcp_dup.as_ref().map_or(fd, |d| d.as_raw_fd()),
            _tcp_dup: tcp_dup,
            local,
            remote,
            tls,
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
                queues_seen: Vec::new(),
                timers: ConnTimers::default(),
                first: true,
                idle_since: now,
                head_started: None,
                body_progress: now,
                reading_body: false,
                queued_at: now,
                drain_started: now,
                backlog: None,
                throttles: Vec::new(),
                throttled_until: None,
                conn_slot: None,
                reset: false,
                first_timers: timers::machine_first_request(),
                route_cache: None,
            }),
            wake: Notify::new(),
        });
        LIVE.lock().insert(conn.id, Arc::downgrade(&conn));
        notify_hook::connection(&conn, HTTP_NOTIFY_CONNECTION_OPENED);
        tokio::spawn(conn.run());
    }

    async fn run(self: Arc<Self>) {
        // One timer for the task's life. A deadline that moves later (each keep-alive request pushes
        // IdleConnection out) does not re-arm it: it fires early, `expire` finds nothing due, and it
        // is armed again for the new deadline. Only an earlier deadline resets it, so the hot path
        // does not touch the timer wheel per request.
        let sleep = tokio::time::sleep_until(tokio::time::Instant::now());
        tokio::pin!(sleep);
        let mut armed: Option<Instant> = None;
        loop {
            let mut fired = Vec::new();
            let step = self.step(&mut fired);
            fire_all(fired);
            match step {
                Step::Dispatch(head) => self.dispatch(head),
                Step::Exit => break,
                Step::Wait { read, write, deadline } => {
                    if let Some(d) = deadline {
                        if armed.is_none_or(|a| d < a) {
                            sleep.as_mut().reset(d.into());
                            armed = Some(d);
                        }
                    }
                    tokio::select! {
                        _ = &mut sleep, if armed.is_some() => {
                            armed = None;
                            self.expire();
                        }
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
            Ok(n) => {
                st.inbuf.truncate(len + n);
                st.body_progress = Instant::now();
            }
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
            if st.throttled_until.is_some() {
                return;
            }
            let throttles = st.throttles.clone();
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
                let mut end = item.data.len();
                if !throttles.is_empty() {
                    let granted = grant(&throttles, end - item.pos);
                    if granted == 0 {
                        let at = throttles.iter().map(|t| t.ready_at(end - item.pos)).max();
                        st.throttled_until = at;
                        break;
                    }
                    end = item.pos + granted;
                }
                match self.stream.try_write(&item.data[item.pos..end]) {
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
            if st.out.is_empty() {
                st.backlog = None;
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
        for w in st.disconnect_waiters.drain(..) {
            fired.push((w.completion, ERROR_SUCCESS, 0));
        }
        st.backlog = None;
        fired
    }

    fn finish(&self) {
        let (fired, current, queue, slot, reset) = {
            let mut st = self.st.lock();
            let fired = Self::close_locked(&mut st);
            (fired, st.current.take(), st.queue.upgrade(), st.conn_slot.take(), st.reset)
        };
        LIVE.lock().remove(&self.id);
        notify_hook::connection(self, HTTP_NOTIFY_CONNECTION_CLOSED);
        fire_all(fired);
        if let Some(s) = slot {
            s.release();
        }
        if let (Some(req), Some(q)) = (current, queue) {
            q.forget(req.id);
        }
        if reset && matches!(self.stream, Stream::Tcp(_)) {
            // An abortive close (Http503ResponseVerbosityBasic, MinSendRate): the client sees a reset
            // and what is still in the socket's send buffer is dropped, not trickled out. Linux
            // disconnects a TCP socket with RST on `connect(AF_UNSPEC)`, without closing the
            // descriptor that requests may still hold.
            // SAFETY: our own socket; a zeroed sockaddr with family AF_UNSPEC is the documented form.
            unsafe {
                let mut sa: libc::sockaddr = std::mem::zeroed();
                sa.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
                libc::connect(self.fd, &sa, std::mem::size_of::<libc::sockaddr>() as libc::socklen_t);
            }
            return;
        }
        // (An HTTPS relay socket cannot carry a reset: the relay closes the TLS connection instead.)
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

    /// The synchronous part of the task, then the timers for the wait that follows.
    fn step(&self, fired: &mut Fired) -> Step {
        let step = self.step_inner(fired);
        let Step::Wait { read, write, .. } = step else {
            return step;
        };
        let mut st = self.st.lock();
        if st.peer_eof && !st.disconnect_waiters.is_empty() {
            // http.sys takes a client's FIN as the end of the connection for HttpWaitForDisconnect,
            // even while a response may still be written to the half-open socket.
            for w in st.disconnect_waiters.drain(..) {
                fired.push((w.completion, ERROR_SUCCESS, 0));
            }
        }
        let now = Instant::now();
        match st.phase {
            Phase::Head if st.inpos < st.inbuf.len() && st.head_started.is_none() => st.head_started = Some(now),
            Phase::InRequest | Phase::Drain => {
                let want = read && !Self::body_done(&st);
                if want && !st.reading_body {
                    st.body_progress = now;
                }
                st.reading_body = want;
            }
            _ => {}
        }
        let write = write && st.throttled_until.is_none();
        let deadline = Self::deadlines(&st).into_iter().flatten().map(|(t, _)| t).min();
        Step::Wait { read, write, deadline }
    }

    /// The deadlines the connection's state arms now.
    fn deadlines(st: &ConnState) -> [Option<(Instant, Timer)>; 4] {
        let mut d = [None; 4];
        match st.phase {
            Phase::Head => {
                // The queue (and so the application's timers) is unknown until a head is routed: the
                // first request runs under the machine-wide IdleConnection and HeaderWait.
                let (idle, header_wait) =
                    if st.first { st.first_timers } else { (st.timers.idle_connection, st.timers.header_wait) };
                d[0] = Some(match st.head_started {
                    Some(t) => (t + header_wait, Timer::HeaderWait),
                    None => (st.idle_since + idle, Timer::IdleConnection),
                });
            }
            Phase::InRequest => {
                if st.current.as_ref().is_some_and(|r| r.state.load(Ordering::Acquire) == NOT_RECEIVED) {
                    d[0] = Some((st.queued_at + st.timers.request_queue, Timer::RequestQueue));
                }
                if st.reading_body {
                    d[1] = Some((st.body_progress + st.timers.entity_body, Timer::EntityBody));
                }
            }
            Phase::Drain => d[0] = Some((st.drain_started + st.timers.drain_entity_body, Timer::DrainEntityBody)),
            Phase::Closing | Phase::Closed => {}
        }
        if let (Some((t0, n)), Some(rate)) = (st.backlog, st.timers.min_send_rate) {
            d[2] = Some((t0 + timers::send_allowance(n, rate), Timer::MinSendRate));
        }
        if let Some(t) = st.throttled_until {
            d[3] = Some((t, Timer::Throttle));
        }
        d
    }

    /// A deadline passed: act on every timer that is due.
    fn expire(&self) {
        let now = Instant::now();
        let mut fired = Vec::new();
        let mut take_back = None;
        {
            let mut st = self.st.lock();
            for (_, timer) in Self::deadlines(&st).into_iter().flatten().filter(|(t, _)| *t <= now) {
                match timer {
                    Timer::Throttle => st.throttled_until = None,
                    Timer::RequestQueue => take_back = st.current.clone().zip(st.queue.upgrade()),
                    _ => {
                        tracing::debug!(target: "winhttpapi::httpapi", "connection {}: {timer:?} timer expired, closing", self.id);
                        notify_hook::timer(self, timer);
                        // A reader too slow for MinSendRate must not get the rest of the socket's
                        // buffer at its own pace: that connection is reset.
                        st.reset |= timer == Timer::MinSendRate;
                        fired.extend(Self::close_locked(&mut st));
                        break;
                    }
                }
            }
        }
        fire_all(fired);
        if let Some((req, q)) = take_back {
            // Taken back under the queue's lock: either the application has it or nobody will.
            if q.take_back(req.id) {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: RequestQueue timer expired, answering 503", self.id);
                notify_hook::request_timed_out(self, &q, &req);
                let mut st = self.st.lock();
                if Self::is_current(&st, &req) {
                    st.current = None;
                    let bytes = response::error_response(503, true);
                    self.queue_bytes(&mut st, bytes);
                    st.phase = Phase::Closing;
                }
            }
        }
    }

    /// `HttpWaitForDisconnect`: keeps `completion` until the connection ends; done at once when it
    /// has. A queue that never received a request of this connection: `ERROR_INVALID_PARAMETER`.
    pub fn add_disconnect_waiter(&self, queue: usize, completion: Completion) -> Start {
        let mut st = self.st.lock();
        if !st.queues_seen.contains(&queue) {
            return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
        }
        if st.phase == Phase::Closed || st.peer_eof || st.broken {
            return Start::Done(ERROR_SUCCESS, 0, true);
        }
        st.disconnect_waiters.push(Waiter { queue, completion });
        Start::Pending
    }

    /// Ends the disconnect waits of `queue` whose `OVERLAPPED` is `ov` (0: all) with
    /// `ERROR_OPERATION_ABORTED` (`CancelIoEx`, queue closed or shut down).
    pub fn cancel_disconnect_waiters(&self, queue: usize, ov: usize) -> bool {
        let taken: Vec<Waiter> = {
            let mut st = self.st.lock();
            let (taken, keep) = std::mem::take(&mut st.disconnect_waiters)
                .into_iter()
                .partition(|w| w.queue == queue && (ov == 0 || w.completion.overlapped() == ov));
            st.disconnect_waiters = keep;
            taken
        };
        let any = !taken.is_empty();
        for w in taken {
            w.completion.fire(ERROR_OPERATION_ABORTED, 0, false);
        }
        any
    }

    /// Everything of the task that needs no waiting.
    fn step_inner(&self, fired: &mut Fired) -> Step {
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
                    return Step::Wait { read: false, write: true, deadline: None };
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
                    return Step::Wait { read: true, write, deadline: None };
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
                            st.idle_since = Instant::now();
                            st.head_started = None;
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
                        return Step::Wait { read: false, write, deadline: None };
                    }
                    let read = if Self::body_done(&st) {
                        st.inbuf.len() - st.inpos < READ_AHEAD
                    } else {
                        st.decoded.len() - st.dpos < BODY_AHEAD && !st.continue_needed
                    };
                    return Step::Wait { read, write, deadline: None };
                }
            }
        }
    }

    /// Routes a parsed head and hands it to its queue, or answers it here.
    fn dispatch(self: &Arc<Self>, head: RequestHead) {
        match router::route(&head, self.local, self.tls.is_some()) {
            router::Routed::Reject(status) => {
                notify_hook::rejected(self, status);
                let mut st = self.st.lock();
                let keep = head.keep_alive && head.framing == Framing::None && status != 400;
                let bytes = response::error_response(status, !keep);
                self.queue_bytes(&mut st, bytes);
                st.phase = if keep { Phase::Head } else { Phase::Closing };
                st.idle_since = Instant::now();
                st.head_started = None;
            }
            router::Routed::Queue { queue, context, cooked, host, group } => {
                let gen = session::settings_generation();
                let group_id = (group != 0).then_some(group);
                let cached =
                    self.st.lock().route_cache.as_ref().filter(|c| c.0 == group_id && c.1 == gen).map(|c| c.2.clone());
                let settings = cached.unwrap_or_else(|| {
                    let s = Arc::new(session::route_settings(group_id));
                    self.st.lock().route_cache = Some((group_id, gen, s.clone()));
                    s
                });
                if let Some(limit) = &settings.connections {
                    // HTTP_CONNECTION_LIMIT_INFO: a connection counts against the group its requests
                    // go to; one over the limit is answered 503 and closed.
                    let mut st = self.st.lock();
                    if !st.conn_slot.as_ref().is_some_and(|s| Arc::ptr_eq(s, limit)) {
                        if !limit.acquire() {
                            tracing::debug!(target: "winhttpapi::httpapi", "connection {}: group connection limit reached, answering 503", self.id);
                            notify_hook::request(HTTP_NOTIFY_REQUEST_503, self, Some(&queue), group);
                            let bytes = response::error_response(503, true);
                            self.queue_bytes(&mut st, bytes);
                            st.phase = Phase::Closing;
                            return;
                        }
                        if let Some(old) = st.conn_slot.replace(limit.clone()) {
                            old.release();
                        }
                    }
                }
                if queue.is_full() {
                    // HttpServerQueueLengthProperty reached: Http503ResponseVerbosityBasic resets the
                    // connection, Limited and Full answer 503.
                    notify_hook::queue_full(self, &queue, group);
                    let mut st = self.st.lock();
                    if queue.verbosity.load(Ordering::Acquire) == VERBOSITY_BASIC {
                        tracing::debug!(target: "winhttpapi::httpapi", "connection {}: queue full, resetting", self.id);
                        let fl = Self::close_locked(&mut st);
                        st.reset = true;
                        drop(st);
                        fire_all(fl);
                    } else {
                        tracing::debug!(target: "winhttpapi::httpapi", "connection {}: queue full, answering 503", self.id);
                        let bytes = response::error_response(503, true);
                        self.queue_bytes(&mut st, bytes);
                        st.phase = Phase::Closing;
                    }
                    return;
                }
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
                        Framing::Chunked => BodyKind::Chunked(ChunkedDecoder::for_requests()),
                    };
                    st.decoded.clear();
                    st.dpos = 0;
                    st.body_error = false;
                    st.body_raw = 0;
                    st.continue_needed = expect && framing != Framing::None;
                    st.resp = RespState { no_body: req.is_head_verb(), ..Default::default() };
                    st.phase = Phase::InRequest;
                    let now = Instant::now();
                    st.timers = settings.timers;
                    st.throttles.clone_from(&settings.throttles);
                    st.first = false;
                    st.head_started = None;
                    st.queued_at = now;
                    st.body_progress = now;
                    st.reading_body = false;
                    let key = queue.key();
                    if !st.queues_seen.contains(&key) {
                        st.queues_seen.push(key);
                    }
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
    fn write_locked(
        &self,
        st: &mut ConnState,
        bufs: &[IoSlice],
        done: Option<Completion>,
    ) -> Result<Option<u32>, Completion> {
        let total: usize = bufs.iter().map(|b| b.len()).sum();
        let mut written = 0usize;
        if st.out.is_empty() && st.throttles.is_empty() {
            written = send_vectored(self.fd, bufs).unwrap_or(0);
        } else if st.out.is_empty() && st.throttled_until.is_none() {
            // A bandwidth limit: only what the buckets grant goes now; the task sends the rest.
            let allowed = grant(&st.throttles, total);
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
                written = send_vectored(self.fd, &cut).unwrap_or(0);
            }
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
        let n = rest.len() as u64;
        st.backlog = Some(match st.backlog {
            Some((t, b)) => (t, b + n),
            None => (Instant::now(), n),
        });
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
    pub fn send(
        &self,
        req: &Request,
        head: Option<&ResponseHead>,
        body: Vec<BodyPiece<'_>>,
        more_data: bool,
        disconnect: bool,
        buffer_data: bool,
        completion: Completion,
    ) -> Start {
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
            // The entity goes out as given: http.sys frames nothing (the application that wants chunked
            // encoding frames its chunks itself). From the first streamed file range on, pieces are
            // queued for the task (`tail`).
            let mut tail: Vec<OutItem> = Vec::new();
            if !st.resp.no_body {
                for b in body {
                    match b {
                        BodyPiece::Mem([]) => {}
                        BodyPiece::Mem(m) if tail.is_empty() => slices.push(IoSlice::new(m)),
                        BodyPiece::Mem(m) => {
                            tail.push(OutItem { data: m.to_vec(), pos: 0, done: None, req: req.id, source: None })
                        }
                        BodyPiece::File(f) => {
                            tail.push(OutItem { data: Vec::new(), pos: 0, done: None, req: req.id, source: Some(f) })
                        }
                    }
                }
            }
            let own: u64 = slices.iter().map(|s| s.len() as u64).sum::<u64>() - held.held().len() as u64;
            let total = (own
                + tail.iter().map(|t| t.data.len() as u64).sum::<u64>()
                + tail.iter().filter_map(|t| t.source.as_ref()).map(|f| f.len()).sum::<u64>())
            .min(u32::MAX as u64) as u32;
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
                // Streamed pieces count towards the MinSendRate allowance like any other backlog.
                let tail_bytes: u64 =
                    tail.iter().map(|t| t.data.len() as u64 + t.source.as_ref().map_or(0, |f| f.len())).sum();
                st.backlog = Some(match st.backlog {
                    Some((t, b)) => (t, b + tail_bytes),
                    None => (Instant::now(), tail_bytes),
                });
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
                let now = Instant::now();
                st.idle_since = now;
                st.drain_started = now;
                st.head_started = None;
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

/// What `HttpQueryRequestProperty` / `HttpSetRequestProperty` and `HttpDelegateRequestEx` need of a
/// connection (kept apart from the I/O paths above).
impl Connection {
    /// Whether the response to `req` has begun (its head went out or is queued).
    pub fn response_started(&self, req: &Request) -> bool {
        let st = self.st.lock();
        st.current.as_ref().is_none_or(|c| c.id != req.id) || st.resp.started
    }

    /// `HttpDelegateRequestEx`: the current request now belongs to `queue` (its timers, disconnect
    /// waits and the end of the request report there).
    pub fn rebind_queue(&self, queue: &Arc<RequestQueue>) {
        let mut st = self.st.lock();
        st.queue = Arc::downgrade(queue);
        let key = queue.key();
        if !st.queues_seen.contains(&key) {
            st.queues_seen.push(key);
        }
    }

    /// The kernel's `TCP_INFO` for this socket (fields a kernel does not have stay 0).
    pub fn tcp_info(&self) -> Option<TcpInfo> {
        // SAFETY: `fd` is this connection's open socket; the buffer is a plain struct of its size.
        unsafe {
            let mut info: TcpInfo = std::mem::zeroed();
            let mut len = std::mem::size_of::<TcpInfo>() as libc::socklen_t;
            let r = libc::getsockopt(
                self.tcp_fd,
                libc::IPPROTO_TCP,
                libc::TCP_INFO,
                &mut info as *mut _ as *mut libc::c_void,
                &mut len,
            );
            (r == 0).then_some(info)
        }
    }

    /// An integer socket option (`SO_SNDBUF`, `IP_TOS` ...).
    pub fn sockopt(&self, level: i32, name: i32) -> Option<i32> {
        // SAFETY: as above, with an int.
        unsafe {
            let mut v: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            let r = libc::getsockopt(self.tcp_fd, level, name, &mut v as *mut _ as *mut libc::c_void, &mut len);
            (r == 0).then_some(v)
        }
    }

    /// `HttpRequestPropertyDscpTag`: the DSCP bits of the packets this connection sends (`IP_TOS` for
    /// IPv4, `IPV6_TCLASS` for IPv6; DSCP is the upper six bits).
    pub fn set_dscp(&self, dscp: u8) -> WinResult<()> {
        let v: libc::c_int = (dscp as libc::c_int) << 2;
        let (level, name) = if self.local.is_ipv6()
            && !matches!(self.local.ip(), std::net::IpAddr::V6(a) if a.to_ipv4_mapped().is_some())
        {
            (libc::IPPROTO_IPV6, libc::IPV6_TCLASS)
        } else {
            (libc::IPPROTO_IP, libc::IP_TOS)
        };
        // SAFETY: `fd` is this connection's open socket; the value is an int.
        let r = unsafe {
            libc::setsockopt(
                self.tcp_fd,
                level,
                name,
                &v as *const _ as *const libc::c_void,
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if r != 0 {
            return Err(Win32Error::from(std::io::Error::last_os_error()));
        }
        Ok(())
    }
}

/// Linux's `struct tcp_info` (libc's copy has the fields through `tcpi_min_rtt` and beyond).
pub type TcpInfo = libc::tcp_info;
