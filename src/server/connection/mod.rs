//! One accepted connection: its socket, what it has read ([`read`], [`body`]), what it writes
//! ([`write`]), its timers ([`timers`]) and its socket options ([`socket`]).
//!
//! Who drives it: the socket sits, edge-triggered, in one epoll set ([`super::poll`]). Until its first
//! request is routed that is the runtime's set ([`super::reactor`]); from then on it is the set of the
//! queue its last request went to, which the application's threads waiting in `HttpReceiveHttpRequest`
//! or `GetQueuedCompletionStatus` drive themselves ([`super::lead`]): the thread that takes an event
//! reads, parses and routes the request and, when it is for its own queue, returns it (one wake per
//! request). Responses are written from the application's thread straight to the socket; only what
//! the socket does not take waits for the next writable edge, whoever takes it.
//!
//! State, in three parts locked separately, always in this order when more than one is needed:
//! [`Input`] (the phase, bytes read ahead of the parser, the request and its body, and the timestamps
//! the timers run on, [`Timing`]), [`Output`] (the response in progress and what waits to be written),
//! and the disconnect waits ([`Waits`]); the deadline armed in the runtime's heap is an atomic.
//! Completions are fired only after every lock is released.
//!
//! Operations (by file): [`Connection::on_event`] (an epoll event: read, parse, route, flush),
//! `send` / `flush` (write.rs), `receive_body` / `copy_body_into` / `body_status` (body.rs),
//! `expire` (timers.rs), [`Connection::cancel`], [`Connection::abort`], the disconnect waits, and the
//! socket options (socket.rs). [`lookup`] finds a connection by its `HTTP_CONNECTION_ID`: an engine
//! connection's own id, or the id the relays of an HTTP/2 TCP connection share ([`multiplexed`]).
mod body;
pub mod multiplexed;
mod read;
mod socket;
mod timers;
mod tls_stream;
mod write;

pub use socket::TcpInfo;
pub(super) use timers::Timer;

use super::completion::{Completion, Start};
use super::notify_hook;
use super::queue::RequestQueue;
use super::request::Request;
use super::tls::SslInfo;
use crate::http1::chunked::ChunkedDecoder;
use crate::notify::abi::{HTTP_NOTIFY_CONNECTION_CLOSED, HTTP_NOTIFY_CONNECTION_OPENED};
use crate::server::ids::IdMap;
use crate::win32::error::*;
use parking_lot::{Mutex, RwLock};
use socket::Socket;
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Instant;

const FIRST_CONNECTION_ID: u64 = 0x2_0000_0001;
static NEXT_CONNECTION_ID: AtomicU64 = AtomicU64::new(FIRST_CONNECTION_ID);

/// The next connection id (engine connections and [`multiplexed::Multiplexed`] ones share the sequence).
fn next_id() -> u64 {
    NEXT_CONNECTION_ID.fetch_add(1, Ordering::Relaxed)
}

/// Live connections by id: epoll tokens, `HttpWaitForDisconnect`, the timers. The map owns them: a
/// connection lives until it ends (then only requests the application still holds keep the object).
static LIVE: once_cell::sync::Lazy<RwLock<IdMap<Arc<Connection>>>> = once_cell::sync::Lazy::new(Default::default);

/// What an `HTTP_CONNECTION_ID` names, as the calls taking one see it (`HttpWaitForDisconnect`,
/// `HttpReceiveClientCertificate`): the client's connection, served by one engine [`Connection`]
/// (HTTP/1.1) or by the relays of an HTTP/2 TCP connection ([`multiplexed::Multiplexed`]).
pub trait ClientConnection: Send + Sync {
    /// `HttpWaitForDisconnect`: keeps `completion` until the connection ends; done at once when it has.
    /// A queue that never received a request of this connection: `ERROR_INVALID_PARAMETER`.
    fn add_disconnect_waiter(&self, queue: usize, completion: Completion) -> Start;
    /// Ends the disconnect waits of `queue` whose `OVERLAPPED` is `ov` (0: all) with
    /// `ERROR_OPERATION_ABORTED` (`CancelIoEx`, queue closed or shut down).
    fn cancel_disconnect_waiters(&self, queue: usize, ov: usize) -> bool;
}

/// What an `HTTP_CONNECTION_ID` names.
pub enum Lookup {
    Live(Arc<dyn ClientConnection>),
    /// A connection this process had, now closed.
    Gone,
    /// Never a connection id.
    Unknown,
}

pub fn lookup(id: u64) -> Lookup {
    match get(id) {
        // An HTTP/2 stream's relay: its id is internal (its requests report the TCP connection's).
        Some(c) if c.mux.is_some() => return Lookup::Unknown,
        Some(c) => return Lookup::Live(c),
        None => {}
    }
    if let Some(m) = multiplexed::get(id) {
        return Lookup::Live(m);
    }
    if (FIRST_CONNECTION_ID..NEXT_CONNECTION_ID.load(Ordering::Relaxed)).contains(&id) {
        Lookup::Gone
    } else {
        Lookup::Unknown
    }
}

/// The live connection with this id (an epoll token).
pub fn get(id: u64) -> Option<Arc<Connection>> {
    LIVE.read().get(&id).cloned()
}

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
    Chunked(Box<ChunkedDecoder>),
}

/// A pending `HttpReceiveRequestEntityBody`.
struct PendingBody {
    buf: crate::win32::overlapped::CallerBuf,
    completion: Completion,
    /// `HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER`: complete only when `buf` is full (or the
    /// body ends); `filled` bytes are in it so far.
    fill: bool,
    filled: usize,
}

/// The epoll set the socket is registered in.
#[derive(Clone)]
enum Home {
    Runtime,
    Queue(Arc<super::lead::QueueSet>),
    /// Deregistered (closed).
    None,
}

/// The input side: reading, parsing, the request with the application and its body.
struct Input {
    phase: Phase,
    /// Bytes read ahead of the parser: `buf[pos..]`. A lent buffer ([`super::pool`]) while it holds
    /// bytes; none (capacity 0) when empty, so an idle connection holds no buffer.
    buf: Vec<u8>,
    pos: usize,
    /// An input edge came and no read has since found the socket empty.
    readable: bool,
    peer_eof: bool,
    /// The socket failed (reset): the connection is gone, whatever the phase.
    broken: bool,
    current: Option<Arc<Request>>,
    /// The queue of the current (or last) request.
    queue: Weak<RequestQueue>,
    home: Home,
    body: BodyKind,
    /// Decoded body bytes ahead of the application: `decoded[dpos..]`.
    decoded: Vec<u8>,
    dpos: usize,
    body_error: bool,
    body_raw: u64,
    body_reader: Option<PendingBody>,
    continue_needed: bool,
    /// The URL group connection limit this connection counts against.
    conn_slot: Option<Arc<super::timers::ConnectionLimit>>,
    /// Close with a reset (Http503ResponseVerbosityBasic, MinSendRate), not a FIN.
    reset: bool,
    /// The settings of the last URL group routed to, with the settings generation they were read at.
    route_cache: Option<(Option<u64>, u64, Arc<super::session::RouteSettings>)>,
    /// The queue key last added to `Waits::queues_seen` (which only grows): a request routed to the
    /// same queue again takes no `waits` lock.
    seen_queue: usize,
    /// The last routing of this connection's requests.
    route_memo: Option<Box<super::router::RouteMemo>>,
    /// What the timers run on (kept with the input: the per-request updates take no other lock).
    timing: Timing,
}

/// One item of output waiting for the socket.
struct OutItem {
    data: Vec<u8>,
    pos: usize,
    /// Fired with the byte count once `data` (and `source`) is on the wire.
    done: Option<(Completion, u32)>,
    /// The request whose send this is (0: bytes the engine sends itself).
    req: u64,
    /// A file range sent after `data`, as the socket drains.
    source: Option<super::files::FileRange>,
    /// `source` is out with a thread sending it, the output lock released (write.rs `flush`).
    sending: bool,
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
    coalesce: super::buffer::Coalescer,
}

/// The output side: the response being written and what waits for the socket.
struct Output {
    /// The request whose response this is (0: none yet).
    serving: u64,
    resp: RespState,
    out: VecDeque<OutItem>,
    /// Start and size of the output backlog (MinSendRate).
    backlog: Option<(Instant, u64)>,
    throttles: Vec<Arc<super::timers::Throttle>>,
    throttled_until: Option<Instant>,
    /// The connection closes once the queue is written (the input phase is Closing).
    closing: bool,
    /// A thread sends the front item's file range with this lock released: nobody else writes.
    file_busy: bool,
    /// A flush was asked for meanwhile (a writable edge, a refilled bucket): that thread goes on.
    flush_again: bool,
    /// The front file range was not in the page cache when a thread driving events came to send it: a
    /// blocking pool thread flushes next ([`Flusher::Pool`]); nobody else writes until it starts.
    file_pool: bool,
    /// MinSendRate in bytes a second (the timers of the last routed request; `None`: off).
    min_send_rate: Option<u32>,
}

/// One `HttpWaitForDisconnect` of one queue.
struct Waiter {
    queue: usize,
    completion: Completion,
}

/// The disconnect waits on a client connection (an engine [`Connection`]'s, or a
/// [`multiplexed::Multiplexed`]'s).
#[derive(Default)]
struct Waits {
    /// Completions fired when the connection ends (HttpWaitForDisconnect).
    waiters: Vec<Waiter>,
    /// Queues that received a request of this connection (they may wait for its end).
    queues_seen: Vec<usize>,
}

impl Waits {
    /// A request of the connection went to the queue `key`.
    fn see(&mut self, key: usize) {
        if !self.queues_seen.contains(&key) {
            self.queues_seen.push(key);
        }
    }

    /// `HttpWaitForDisconnect` of `queue` (`ended`: the connection has ended).
    fn add(&mut self, queue: usize, completion: Completion, ended: bool) -> Start {
        if !self.queues_seen.contains(&queue) {
            return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
        }
        if ended {
            return Start::Done(ERROR_SUCCESS, 0, true);
        }
        self.waiters.push(Waiter { queue, completion });
        Start::Pending
    }

    /// Takes the waits of `queue` whose `OVERLAPPED` is `ov` (0: all).
    fn take(&mut self, queue: usize, ov: usize) -> Vec<Waiter> {
        let (taken, keep) = std::mem::take(&mut self.waiters)
            .into_iter()
            .partition(|x| x.queue == queue && (ov == 0 || x.completion.overlapped() == ov));
        self.waiters = keep;
        taken
    }
}

/// Ends `taken` waits with `ERROR_OPERATION_ABORTED` (no lock held); whether there were any.
fn abort_waiters(taken: Vec<Waiter>) -> bool {
    let any = !taken.is_empty();
    for w in taken {
        w.completion.fire(ERROR_OPERATION_ABORTED, 0, false);
    }
    any
}

/// What the timers run on (timers.rs).
struct Timing {
    /// The application's timers (from the URL group of the last routed request).
    timers: super::timers::ConnTimers,
    /// No request routed yet: the machine-wide IdleConnection and HeaderWait apply.
    first: bool,
    /// The machine-wide (IdleConnection, HeaderWait), read when the connection was accepted.
    first_timers: (std::time::Duration, std::time::Duration),
    idle_since: Instant,
    head_started: Option<Instant>,
    body_progress: Instant,
    reading_body: bool,
    queued_at: Instant,
    drain_started: Instant,
    /// No earlier than the deadline armed in the heap (`Connection::armed`), when set: the input side
    /// arms a deadline only when it is earlier than this (timers.rs `schedule_input`).
    armed_hint: Option<Instant>,
}

/// A live connection.
pub struct Connection {
    pub id: u64,
    sock: Socket,
    pub local: SocketAddr,
    pub remote: SocketAddr,
    /// HTTPS: what `HTTP_REQUEST.pSslInfo` reports (None: plain HTTP).
    pub tls: Option<Arc<SslInfo>>,
    /// An HTTP/2 stream's side channel to its relay (trailers, the last send, a reset).
    pub h2: Option<Arc<super::h2::control::StreamControl>>,
    /// An HTTP/2 stream's relay: the TCP connection it serves, whose id its requests report.
    pub mux: Option<Arc<multiplexed::Multiplexed>>,
    input: Mutex<Input>,
    output: Mutex<Output>,
    waits: Mutex<Waits>,
    /// The deadline this connection has in the runtime's timer heap ([`timers::armed_at`];
    /// [`timers::NOT_ARMED`]: none).
    armed: AtomicU64,
    /// The phase is Closed (read without a lock).
    closed: AtomicBool,
    /// Output may be waiting for a writable edge (see [`Connection::on_event`]): stored only under the
    /// output lock; true from the start of every write until it leaves nothing queued, while anything is
    /// queued, and once the connection is closing. False lets an edge skip the output lock.
    out_waiting: AtomicBool,
}

type Fired = Vec<(Completion, Win32Error, u32)>;

#[inline]
fn fire_all(list: Fired) {
    if list.is_empty() {
        // The usual case (twice a request): nothing to fire, no call.
        return;
    }
    fire_each(list);
}

#[inline(never)]
fn fire_each(list: Fired) {
    for (c, e, n) in list {
        c.fire(e, n, false);
    }
}

/// A request a connection has routed: the queue it goes to, for the thread that drove the connection to
/// take (its own queue) or deliver.
pub type Routed = (Arc<RequestQueue>, Arc<Request>);

impl Connection {
    /// Takes an accepted socket: registers it with the runtime until its first request is routed.
    pub fn start(stream: std::net::TcpStream, remote: SocketAddr) {
        let _ = stream.set_nodelay(true);
        let _ = stream.set_nonblocking(true);
        let Ok(local) = stream.local_addr() else { return };
        Self::launch(Socket::tcp(stream), local, remote, None, None, None);
    }

    /// Takes an HTTPS connection whose handshake is done: `conn` reads and writes through TLS on the
    /// client's own socket from now on.
    pub fn start_tls(
        stream: std::net::TcpStream,
        remote: SocketAddr,
        conn: rustls::ServerConnection,
        tls: Arc<SslInfo>,
    ) {
        let _ = stream.set_nonblocking(true);
        let Ok(local) = stream.local_addr() else { return };
        Self::launch(Socket::tls(stream, conn), local, remote, Some(tls), None, None);
    }

    /// Takes the engine's end of an HTTP/2 stream's relay ([`super::h2`]: the pipe, and `edge`, its
    /// `eventfd`; `local`, `remote`: the TCP addresses). `tcp`: a duplicate of the client's TCP socket
    /// (socket options); `h2`: the stream's side channel ([`super::h2::control`]); `mux`: the TCP
    /// connection, whose id the requests report and which keeps the disconnect waits.
    #[allow(clippy::too_many_arguments)]
    pub fn start_relayed(
        pipe: Arc<super::h2::pipe::Pipe>,
        edge: std::os::fd::OwnedFd,
        tcp: std::os::fd::OwnedFd,
        local: SocketAddr,
        remote: SocketAddr,
        tls: Arc<SslInfo>,
        h2: Option<Arc<super::h2::control::StreamControl>>,
        mux: Arc<multiplexed::Multiplexed>,
    ) {
        Self::launch(Socket::piped(pipe, edge, tcp), local, remote, Some(tls), h2, Some(mux));
    }

    fn launch(
        sock: Socket,
        local: SocketAddr,
        remote: SocketAddr,
        tls: Option<Arc<SslInfo>>,
        h2: Option<Arc<super::h2::control::StreamControl>>,
        mux: Option<Arc<multiplexed::Multiplexed>>,
    ) {
        let now = Instant::now();
        let sock_tls = sock.is_tls();
        let first_timers = super::timers::machine_first_request();
        let timers = super::timers::ConnTimers::default();
        let conn = Arc::new(Connection {
            id: next_id(),
            sock,
            local,
            remote,
            tls,
            h2,
            mux,
            input: Mutex::new(Input {
                phase: Phase::Head,
                buf: Vec::new(),
                pos: 0,
                // TLS: the handshake may have read the first request's records already (no edge will
                // come for them).
                readable: sock_tls,
                peer_eof: false,
                broken: false,
                current: None,
                queue: Weak::new(),
                home: Home::Runtime,
                body: BodyKind::Done,
                decoded: Vec::new(),
                dpos: 0,
                body_error: false,
                body_raw: 0,
                body_reader: None,
                continue_needed: false,
                conn_slot: None,
                reset: false,
                route_cache: None,
                seen_queue: 0,
                route_memo: None,
                timing: Timing {
                    timers,
                    first: true,
                    first_timers,
                    idle_since: now,
                    head_started: None,
                    body_progress: now,
                    reading_body: false,
                    queued_at: now,
                    drain_started: now,
                    armed_hint: None,
                },
            }),
            output: Mutex::new(Output {
                serving: 0,
                resp: RespState::default(),
                out: VecDeque::new(),
                backlog: None,
                throttles: Vec::new(),
                throttled_until: None,
                closing: false,
                file_busy: false,
                flush_again: false,
                file_pool: false,
                min_send_rate: timers.min_send_rate,
            }),
            waits: Mutex::new(Waits::default()),
            armed: AtomicU64::new(timers::NOT_ARMED),
            closed: AtomicBool::new(false),
            out_waiting: AtomicBool::new(false),
        });
        LIVE.write().insert(conn.id, conn.clone());
        notify_hook::connection(&conn, HTTP_NOTIFY_CONNECTION_OPENED);
        // The first request runs under the machine-wide IdleConnection.
        conn.schedule(now + first_timers.0);
        if let Err(e) = super::reactor::register(conn.sock.fd(), conn.id) {
            tracing::warn!(target: "winhttpapi::httpapi", "connection {}: cannot watch the socket ({e})", conn.id);
            let mut fired = Vec::new();
            conn.input.lock().home = Home::None;
            conn.end(&mut conn.input.lock(), &mut fired);
            fire_all(fired);
        }
    }

    /// An epoll event for this connection (`events`: the epoll mask). Returns a request it routed, for
    /// the caller to take (its own queue) or deliver.
    pub fn on_event(self: &Arc<Self>, events: u32) -> Option<Routed> {
        // A plain socket's input edge reports it writable too (EPOLLOUT is a state: every event of the
        // socket carries it): with nothing queued there is nothing to flush, and no output lock is taken.
        // No writable edge meant for queued output is skipped: a write marks `out_waiting` before its
        // send (the kernel's socket lock, taken by the send, orders the store before any drain of what it
        // sends, and so before the edge that drain raises), and clears it only when nothing was queued.
        let errors = (libc::EPOLLHUP | libc::EPOLLERR) as u32;
        if events & super::poll::OUTPUT_EVENTS != 0
            && (events & errors != 0 || !self.sock.is_plain() || self.out_waiting.load(Ordering::Acquire))
        {
            self.flush();
        }
        let mut fired = Vec::new();
        let routed = {
            let mut inp = self.input.lock();
            if events & super::poll::INPUT_EVENTS != 0 {
                inp.readable = true;
                if events & super::poll::END_EVENTS != 0 {
                    self.sock.hung_up();
                }
            }
            self.advance(&mut inp, &mut fired)
        };
        fire_all(fired);
        routed
    }

    /// The `HTTP_CONNECTION_ID` this connection's requests report: its own, or for an HTTP/2 stream's
    /// relay its TCP connection's ([`multiplexed`]).
    #[inline]
    pub fn reported_id(&self) -> u64 {
        match &self.mux {
            None => self.id,
            Some(m) => m.id,
        }
    }

    /// Whether the connection is gone.
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// Ends the connection (with the input lock held): pending operations fail, disconnect waits
    /// complete, the socket is shut down (or reset) and leaves its epoll set. Completions go to `fired`.
    fn end(&self, inp: &mut Input, fired: &mut Fired) {
        if inp.phase == Phase::Closed {
            return;
        }
        inp.phase = Phase::Closed;
        self.closed.store(true, Ordering::Release);
        if let Some(p) = inp.body_reader.take() {
            fired.push((p.completion, ERROR_CONNECTION_INVALID, 0));
        }
        {
            let mut out = self.output.lock();
            for item in out.out.drain(..) {
                if let Some((c, _)) = item.done {
                    fired.push((c, ERROR_CONNECTION_INVALID, 0));
                }
            }
            out.backlog = None;
            out.throttled_until = None;
        }
        for w in self.waits.lock().waiters.drain(..) {
            fired.push((w.completion, ERROR_SUCCESS, 0));
        }
        super::pool::give(std::mem::take(&mut inp.buf));
        inp.pos = 0;
        inp.decoded = Vec::new();
        inp.dpos = 0;
        Self::forget(self.id);
        notify_hook::connection(self, HTTP_NOTIFY_CONNECTION_CLOSED);
        if let Some(s) = inp.conn_slot.take() {
            s.release();
        }
        if let (Some(req), Some(q)) = (inp.current.take(), inp.queue.upgrade()) {
            q.forget(req.id);
        }
        match std::mem::replace(&mut inp.home, Home::None) {
            Home::Runtime => super::reactor::deregister(self.sock.fd()),
            Home::Queue(set) => set.remove(self.sock.fd(), self.id),
            Home::None => {}
        }
        if inp.reset {
            self.sock.abort();
        } else {
            self.sock.shutdown();
        }
    }

    /// Removes a connection from the live map. When most connections of a peak have gone, the map shrinks
    /// and the allocator gives its free memory back to the system (after 10,000 idle keep-alive
    /// connections close, the process returns to its size before them).
    fn forget(id: u64) {
        let shrink = {
            let mut live = LIVE.write();
            live.remove(&id);
            let shrink = live.capacity() > 4096 && live.len() * 8 < live.capacity();
            if shrink {
                let keep = (live.len() * 2).max(64);
                live.shrink_to(keep);
            }
            shrink
        };
        if shrink {
            // Off the caller's thread: trimming walks the whole heap.
            crate::runtime::handle().spawn_blocking(|| {
                // SAFETY: malloc_trim only releases free memory of the allocator.
                unsafe { libc::malloc_trim(0) };
            });
        }
    }

    /// Cancels this connection's pending operations for `req` whose `OVERLAPPED` is `ov` (0: all).
    /// A cancelled send leaves the response half-written, so the connection is closed.
    pub fn cancel(&self, req_id: u64, ov: usize) -> bool {
        let mut fired = Vec::new();
        {
            let mut inp = self.input.lock();
            if inp.current.as_ref().is_none_or(|c| c.id != req_id) {
                return false;
            }
            if inp.body_reader.as_ref().is_some_and(|p| ov == 0 || p.completion.overlapped() == ov) {
                let p = inp.body_reader.take().expect("checked");
                fired.push((p.completion, ERROR_OPERATION_ABORTED, 0));
            }
            let mut cut = false;
            for item in self.output.lock().out.iter_mut() {
                if item.done.as_ref().is_some_and(|(c, _)| ov == 0 || c.overlapped() == ov) {
                    let (c, _) = item.done.take().expect("checked");
                    fired.push((c, ERROR_OPERATION_ABORTED, 0));
                    cut = true;
                }
            }
            if cut {
                self.end(&mut inp, &mut fired);
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
            let mut inp = self.input.lock();
            if let Some(p) = inp.body_reader.take() {
                fired.push((p.completion, ERROR_OPERATION_ABORTED, 0));
            }
            for item in self.output.lock().out.iter_mut() {
                if let Some((c, _)) = item.done.take() {
                    fired.push((c, ERROR_OPERATION_ABORTED, 0));
                }
            }
            self.end(&mut inp, &mut fired);
        }
        fire_all(fired);
    }

    /// The client half-closed: http.sys takes a client's FIN as the end of the connection for
    /// `HttpWaitForDisconnect`, even while a response may still be written to the half-open socket.
    fn peer_left(&self, fired: &mut Fired) {
        for w in self.waits.lock().waiters.drain(..) {
            fired.push((w.completion, ERROR_SUCCESS, 0));
        }
    }

    /// Whether the response to `req` has begun (its head went out or is queued).
    pub fn response_started(&self, req: &Request) -> bool {
        let out = self.output.lock();
        out.serving != req.id || out.resp.started
    }

    /// `HttpDelegateRequestEx`: the current request now belongs to `queue` (its timers, disconnect
    /// waits and the end of the request report there).
    pub fn rebind_queue(&self, queue: &Arc<RequestQueue>) {
        self.input.lock().queue = Arc::downgrade(queue);
        self.saw_queue(queue.key());
    }

    /// A request of this connection went to the queue `key` (which may now wait for its end).
    fn saw_queue(&self, key: usize) {
        self.waits.lock().see(key);
        if let Some(m) = &self.mux {
            m.saw_queue(key);
        }
    }
}

impl ClientConnection for Connection {
    fn add_disconnect_waiter(&self, queue: usize, completion: Completion) -> Start {
        let inp = self.input.lock();
        let ended = inp.phase == Phase::Closed || inp.peer_eof || inp.broken;
        self.waits.lock().add(queue, completion, ended)
    }

    fn cancel_disconnect_waiters(&self, queue: usize, ov: usize) -> bool {
        let taken = self.waits.lock().take(queue, ov);
        abort_waiters(taken)
    }
}
