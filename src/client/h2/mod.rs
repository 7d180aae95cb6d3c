//! WinHTTP over HTTP/2 (`WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL` with `WINHTTP_PROTOCOL_FLAG_HTTP2`),
//! on the `h2` crate.
//!
//! A secure request (no proxy, not a WebSocket handshake, not framing its own chunks) of a session
//! or request with the flag set offers `h2` and `http/1.1` by ALPN on a new connection. A server that
//! picks `h2` gets one connection per [`Key`] ([`CONNS`]): the origin (which also holds the pool, the
//! relaxed certificate checks and the client certificate) and the settings the connection is opened
//! with ([`Tuning`]: `WINHTTP_OPTION_HTTP2_KEEPALIVE`, `WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW`, the idle
//! timeout). Every request with that key becomes a stream on it (no resolve or connect notifications
//! then), so many requests are in flight at once on one connection. Sessions with the same settings
//! share it, as Windows' default "global, cross-session pooling" shares connections; a session never
//! rides a connection opened with other settings, so each applies its own; a session that set
//! `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING` has its own connections ([`Origin::pool`]), closed
//! ([`close_pool`]) when its handle closes. A server that picks `http/1.1` (or offers no ALPN) keeps
//! the connection as an ordinary HTTP/1.1 one (it goes to the idle pool and carries the request at
//! once) and the key is remembered as HTTP/1.1.
//!
//! The connection itself (frames, HPACK, flow control, pings) is a task of the shared runtime; a
//! request's step waits on its stream wherever it runs (`step.rs`) and is woken from there.
//! The hook in `request.rs` is small: [`transmit`] in the send, [`write`] for
//! `WinHttpWriteData`, [`read_head`] in the receive, and the [`Stream`] for body reads.
//!
//! The response is seen as an HTTP/1.1 one would be (`WinHttpQueryHeaders`, decoding, cookies,
//! redirects, authentication), with `HTTP/2` as its version and no reason phrase; its trailers
//! answer `WINHTTP_QUERY_FLAG_TRAILERS`.
//!
//! Flow control: the connection announces the session's stream window; the body bytes a stream
//! hands out are released to its flow controller at once, or, with a `ulStreamWindowUpdateDelta`,
//! in steps of that many bytes ([`Stream`]): h2 sends a stream's WINDOW_UPDATE when what was
//! released reaches half the window still open, so every update is a whole number of steps, and
//! exactly one step when the step is at least a third of the window (see docs/porting.md).
mod io;

use super::abi::WINHTTP_PROTOCOL_FLAG_HTTP2;
use super::conn::{within, TlsSetup};
use super::request::{Io, Request, Target};
use super::session::{Origin, Settings};
use crate::http1::response::{BodyFraming, ResponseHead};
use crate::win32::error::*;
use bytes::{Buf, Bytes};
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// The stream window a new connection announces, and its connection window
/// (`WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW` sets the first).
pub const STREAM_WINDOW: u32 = 1 << 20;
const CONN_WINDOW: u32 = 4 << 20;

/// One HTTP/2 connection to an origin.
pub struct H2Conn {
    send: ::h2::client::SendRequest<Bytes>,
    link: Arc<super::link::Link>,
    /// The connection ended (closed, GOAWAY, error, idle): no new stream goes on it.
    dead: Arc<AtomicBool>,
    use_: Mutex<Use>,
}

/// The settings a connection is opened with, from the request's copy of its session's options:
/// requests with other settings never go on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tuning {
    /// The stream window it announces (`WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW`).
    window: u32,
    /// Body bytes read between two releases to a stream's flow controller (0: each read at once):
    /// `ulStreamWindowUpdateDelta`, at most the window (a larger step would stall the stream).
    step: u32,
    /// `WINHTTP_OPTION_HTTP2_KEEPALIVE` (ms, 0: no pings).
    keepalive: u32,
    /// `WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT` (ms without a stream before it closes).
    idle: u32,
}

impl Tuning {
    fn of(cfg: &Settings) -> Tuning {
        let window = if cfg.h2_window != 0 { cfg.h2_window } else { STREAM_WINDOW };
        Tuning { window, step: cfg.h2_delta.min(window), keepalive: cfg.h2_keepalive, idle: cfg.idle_timeout }
    }
}

/// What tells connections apart.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    origin: Origin,
    tuning: Tuning,
}

/// Who uses a connection, and since when it has had no stream.
struct Use {
    /// Streams open on it (a [`Stream`] not dropped yet).
    streams: usize,
    /// When the last stream ended (or the connection opened).
    idle_since: std::time::Instant,
    /// The sessions whose requests went on it (`WinHttpQueryConnectionGroup` counts it for them).
    sessions: Vec<u64>,
}

impl H2Conn {
    /// A stream of `session`'s opens on the connection.
    fn stream_opened(&self, session: u64) {
        let mut u = self.use_.lock();
        u.streams += 1;
        if !u.sessions.contains(&session) {
            u.sessions.push(session);
        }
    }
}

/// `WinHttpQueryConnectionGroup`: the live HTTP/2 connections to origins `keep` matches that
/// `session`'s requests used (one each, however many streams they carry). A connection being opened
/// at this moment is not counted yet.
pub fn used_by(session: u64, keep: impl Fn(&Origin) -> bool) -> u32 {
    let slots: Vec<Slot> = CONNS.lock().iter().filter(|(k, _)| keep(&k.origin)).map(|(_, s)| s.clone()).collect();
    slots
        .iter()
        .filter(|s| match s.try_lock().as_deref() {
            Ok(Some(Known::Http2(c))) => !c.dead.load(Ordering::Acquire) && c.use_.lock().sessions.contains(&session),
            _ => false,
        })
        .count() as u32
}

/// Closes the connection once it has had no stream for `idle` (Windows' idle timeout of pooled
/// connections, `WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT`): it leaves the origin's slot, so the next
/// request opens a new one, and with the last handle gone h2 ends it with GOAWAY.
async fn close_when_idle(c: std::sync::Weak<H2Conn>, slot: Slot, idle: std::time::Duration) {
    loop {
        let wait = {
            let Some(c) = c.upgrade() else { return };
            if c.dead.load(Ordering::Acquire) {
                return;
            }
            let u = c.use_.lock();
            if u.streams > 0 {
                idle
            } else {
                idle.saturating_sub(u.idle_since.elapsed())
            }
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
            continue;
        }
        let mut known = slot.lock().await;
        let Some(c) = c.upgrade() else { return };
        {
            let u = c.use_.lock();
            if u.streams > 0 || u.idle_since.elapsed() < idle {
                continue;
            }
        }
        c.dead.store(true, Ordering::Release);
        if matches!(&*known, Some(Known::Http2(k)) if Arc::ptr_eq(k, &c)) {
            *known = None;
        }
        return;
    }
}

/// What the process knows of a key.
enum Known {
    Http1,
    Http2(Arc<H2Conn>),
}

/// One key's entry: the lock is held while a connection for it is opened, so the requests that
/// start meanwhile wait for it and share it.
type Slot = Arc<tokio::sync::Mutex<Option<Known>>>;

/// The process-wide map of keys to their HTTP/2 connection (or to "speaks HTTP/1.1"). Searched
/// linearly: a process talks to a handful of origins with a handful of settings.
static CONNS: Lazy<Mutex<Vec<(Key, Slot)>>> = Lazy::new(|| Mutex::new(Vec::new()));

fn slot(origin: &Origin, tuning: Tuning) -> Slot {
    let mut all = CONNS.lock();
    if let Some((_, s)) = all.iter().find(|(k, _)| k.tuning == tuning && k.origin == *origin) {
        return s.clone();
    }
    let s: Slot = Arc::new(tokio::sync::Mutex::new(None));
    all.push((Key { origin: origin.clone(), tuning }, s.clone()));
    s
}

/// `WinHttpCloseHandle` on a session with its own pool (`WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`):
/// its connections take no new stream and end (GOAWAY, then the socket closes) once the streams its
/// requests still read are done; at once when they have none.
pub fn close_pool(pool: u64) {
    let gone: Vec<Slot> = {
        let mut all = CONNS.lock();
        let (gone, kept) = std::mem::take(&mut *all).into_iter().partition(|(k, _)| k.origin.pool == pool);
        *all = kept;
        gone.into_iter().map(|(_, s)| s).collect()
    };
    for slot in gone {
        // The slot's lock may be held by a request opening a connection: wait for it on the runtime.
        crate::runtime::handle().spawn(async move {
            if let Some(Known::Http2(c)) = slot.lock().await.take() {
                c.dead.store(true, Ordering::Release);
            }
        });
    }
}

/// The client configuration offering `h2` and `http/1.1` (cached per certificate-check flags and client
/// certificate).
fn tls_config(security_flags: u32, client: &super::tls::ClientAuth) -> WinResult<Arc<rustls::ClientConfig>> {
    static CONFIGS: Lazy<Mutex<HashMap<usize, Arc<rustls::ClientConfig>>>> = Lazy::new(|| Mutex::new(HashMap::new()));
    let base = super::tls::config(security_flags, client)?;
    let key = Arc::as_ptr(&base) as usize;
    let mut cache = CONFIGS.lock();
    Ok(cache
        .entry(key)
        .or_insert_with(|| {
            let mut c = (*base).clone();
            c.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
            Arc::new(c)
        })
        .clone())
}

fn h2_error(e: &::h2::Error) -> Win32Error {
    // The connection or the stream ended under us (I/O, RST_STREAM, GOAWAY); anything else is the
    // peer breaking the protocol.
    if e.is_io() || e.is_reset() || e.is_go_away() {
        ERROR_WINHTTP_CONNECTION_ERROR
    } else {
        ERROR_WINHTTP_INVALID_SERVER_RESPONSE
    }
}

/// Starts the HTTP/2 connection on a connection whose handshake chose `h2`: the `h2` client runs
/// as a task of the shared runtime.
async fn start(mut conn: super::conn::Conn, tuning: Tuning, slot: Slot) -> WinResult<Arc<H2Conn>> {
    let link = conn.link();
    let (sock, tls) = conn.into_tls().ok_or(ERROR_WINHTTP_CONNECTION_ERROR)?;
    let window = tuning.window;
    let keepalive = tuning.keepalive;
    let idle = std::time::Duration::from_millis(tuning.idle as u64);
    let (tx, rx) = tokio::sync::oneshot::channel();
    crate::runtime::handle().spawn(async move {
        let heard = Arc::new(io::Heard::new());
        let stream = match io::TlsIo::new(sock, tls, heard.clone()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tx.send(Err(ERROR_WINHTTP_CONNECTION_ERROR));
                return;
            }
        };
        let mut b = ::h2::client::Builder::new();
        b.enable_push(false).initial_window_size(window).initial_connection_window_size(CONN_WINDOW.max(window));
        let (send, mut connection) = match b.handshake::<_, Bytes>(stream).await {
            Ok(x) => x,
            Err(e) => {
                let _ = tx.send(Err(h2_error(&e)));
                return;
            }
        };
        let dead = Arc::new(AtomicBool::new(false));
        let use_ = Mutex::new(Use { streams: 0, idle_since: std::time::Instant::now(), sessions: Vec::new() });
        let c = Arc::new(H2Conn { send, link, dead: dead.clone(), use_ });
        let weak = Arc::downgrade(&c);
        let _ = tx.send(Ok(c));
        if keepalive != 0 {
            if let Some(pp) = connection.ping_pong() {
                tokio::spawn(pings(pp, keepalive, heard, dead.clone()));
            }
        }
        tokio::pin!(connection);
        // Until the server ends it, or it has been idle long enough: then h2 sends GOAWAY and ends
        // it once the last handle (a request still holding it) is gone.
        tokio::select! {
            _ = &mut connection => {}
            _ = close_when_idle(weak, slot, idle) => {
                let _ = connection.await;
            }
        }
        dead.store(true, Ordering::Release);
    });
    rx.await.map_err(|_| ERROR_WINHTTP_CONNECTION_ERROR)?
}

/// `WINHTTP_OPTION_HTTP2_KEEPALIVE`: while the connection lives, a PING whenever the server has been silent
/// for `ms` (its answer counts as hearing from it, so an idle connection is pinged every `ms`; a busy one
/// never).
async fn pings(mut pp: ::h2::PingPong, ms: u32, heard: Arc<io::Heard>, dead: Arc<AtomicBool>) {
    let every = std::time::Duration::from_millis(ms as u64);
    while !dead.load(Ordering::Acquire) {
        let quiet = heard.quiet_for();
        if quiet < every {
            tokio::time::sleep(every - quiet).await;
            continue;
        }
        if pp.ping(::h2::Ping::opaque()).await.is_err() {
            return;
        }
    }
}

/// Whether this request goes over HTTP/2 (when its origin speaks it).
fn eligible(req: &Request, io: &Io, via_proxy: bool, target: &Target) -> bool {
    target.secure
        && !via_proxy
        && io_cfg(io).http_protocol & WINHTTP_PROTOCOL_FLAG_HTTP2 != 0
        && !io_cfg(io).websocket
        // A caller's own Transfer-Encoding frames the body itself: HTTP/1.1 only.
        && req.state.lock().declared.is_some()
}

fn io_cfg(io: &Io) -> &Settings {
    &io.cfg
}

/// The connection a request to `origin` with `tuning` goes on: their HTTP/2 connection, opened now
/// when there is none (None: the origin speaks HTTP/1.1; a connection just opened to find that out
/// is in the idle pool for the ordinary path).
async fn connection(
    req: &Request,
    io: &Io,
    origin: &Origin,
    tuning: Tuning,
    target: &Target,
    security_flags: u32,
) -> WinResult<Option<Arc<H2Conn>>> {
    let slot = slot(origin, tuning);
    let mut known = slot.lock().await;
    match &*known {
        Some(Known::Http1) => return Ok(None),
        Some(Known::Http2(c)) if !c.dead.load(Ordering::Acquire) => return Ok(Some(c.clone())),
        _ => {}
    }
    *known = None;
    let tls = TlsSetup {
        config: tls_config(security_flags, &origin.client)?,
        server_name: super::tls::server_name(&target.host)?,
    };
    let conn = req.open_conn(io, &target.host, target.port, false, target, Some(tls)).await?;
    if !conn.alpn_is_h2() {
        *known = Some(Known::Http1);
        super::pool::put(origin, conn, req.session.id, io_cfg(io).idle_timeout);
        return Ok(None);
    }
    let c = start(conn, tuning, slot.clone()).await?;
    *known = Some(Known::Http2(c.clone()));
    Ok(Some(c))
}

/// The request as `h2` sends it, from the HTTP/1.1 head the request would send (so cookies,
/// credentials, agent and the caller's headers come out the same): `Host` becomes `:authority`, and
/// the fields HTTP/2 forbids are left out.
fn build(head: &str, verb: &str, path: &str) -> WinResult<::http::Request<()>> {
    let mut lines = head.split("\r\n");
    lines.next();
    let mut authority = None;
    let mut b = ::http::Request::builder().method(verb.as_bytes()).version(::http::Version::HTTP_2);
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("host") {
            authority.get_or_insert_with(|| value.to_string());
            continue;
        }
        let hop = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"];
        if hop.iter().any(|h| name.eq_ignore_ascii_case(h))
            || (name.eq_ignore_ascii_case("te") && !value.eq_ignore_ascii_case("trailers"))
        {
            continue;
        }
        b = b.header(name, value);
    }
    let authority = authority.ok_or(ERROR_WINHTTP_INVALID_URL)?;
    let uri = format!("https://{authority}{path}");
    b.uri(uri).body(()).map_err(|_| ERROR_WINHTTP_INVALID_URL)
}

/// The send of a request that may go over HTTP/2: true when it went (the stream is in `io`), false
/// when the ordinary HTTP/1.1 path is to carry it.
#[allow(clippy::too_many_arguments)]
pub async fn transmit(
    req: &Request,
    io: &mut Io,
    origin: &Origin,
    via_proxy: bool,
    target: &Target,
    security_flags: u32,
    head: &str,
    optional: &[u8],
) -> WinResult<bool> {
    if !eligible(req, io, via_proxy, target) {
        return Ok(false);
    }
    let (verb, declared) = {
        let st = req.state.lock();
        (st.verb.clone(), st.declared.unwrap_or(0))
    };
    let request = build(head, &verb, &target.path)?;
    let send_timeout = io_cfg(io).timeouts.send;
    let tuning = Tuning::of(io_cfg(io));
    // A connection that ended (or got a GOAWAY) since it was last used is replaced; a few times, as
    // a server that ends connections after a few streams may end the next one too meanwhile.
    const ATTEMPTS: u32 = 5;
    for attempt in 0..ATTEMPTS {
        let Some(c) = connection(req, io, origin, tuning, target, security_flags).await? else { return Ok(false) };
        if origin.pool != 0 && req.session.own_pool_closed() {
            // A request outliving its own-pool session's handle: the connection is for it alone, and
            // ends once its stream does.
            close_pool(origin.pool);
        }
        let stream_error = {
            let mut st = req.state.lock();
            st.link = Some(c.link.clone());
            st.protocol_used = WINHTTP_PROTOCOL_FLAG_HTTP2;
            st.stream_error.clone()
        };
        let opened = match within(send_timeout, c.send.clone().ready()).await? {
            Ok(mut ready) => ready.send_request(request.clone(), declared == 0),
            Err(e) => Err(e),
        };
        let (resp, send) = match opened {
            Ok(x) => x,
            Err(e) => {
                c.dead.store(true, Ordering::Release);
                if attempt + 1 < ATTEMPTS {
                    continue;
                }
                return Err(h2_error(&e));
            }
        };
        // Once, for the stream that carries it (a connection found ended is passed over first).
        req.note(super::abi::WINHTTP_CALLBACK_STATUS_SENDING_REQUEST, || super::callback::Info::None);
        c.stream_opened(req.session.id);
        let mut s = Stream {
            conn: c.clone(),
            send: (declared != 0).then_some(send),
            resp: Some(resp),
            recv: None,
            stream_error,
            data: Bytes::new(),
            ended: false,
            trailers: Vec::new(),
            step: tuning.step as usize,
            unreleased: 0,
        };
        if !optional.is_empty() {
            s.send_all(optional, optional.len() as u64 == declared, send_timeout).await?;
        }
        let sent = (head.len() + optional.len()) as u32;
        req.note(super::abi::WINHTTP_CALLBACK_STATUS_REQUEST_SENT, || super::callback::Info::Dword(sent));
        io.h2 = Some(Box::new(s));
        return Ok(true);
    }
    Err(ERROR_WINHTTP_CONNECTION_ERROR)
}

/// `WinHttpWriteData` on an HTTP/2 stream: DATA frames as the peer's window allows; the last byte
/// the request declared ends the stream.
pub async fn write(req: &Request, io: &mut Io, data: &[u8]) -> WinResult<u32> {
    let declared = req.state.lock().declared;
    let end = declared.is_some_and(|d| io.written + data.len() as u64 == d);
    let timeout = io_cfg(io).timeouts.send;
    let s = io.h2.as_deref_mut().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
    if let Err(e) = s.send_all(data, end, timeout).await {
        req.discard_conn(io);
        return Err(e);
    }
    io.written += data.len() as u64;
    Ok(data.len() as u32)
}

/// The response head of an HTTP/2 stream, and its size for RESPONSE_RECEIVED. The error says
/// whether the server never processed the stream (REFUSED_STREAM, or above the last stream a GOAWAY
/// kept): the request may then go again, on a new connection.
///
/// Interim responses (1xx but 101) before it are reported as over HTTP/1.1: one
/// `WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE` each with the status code, at most
/// `WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE` of them (`ERROR_WINHTTP_INVALID_SERVER_RESPONSE` past it).
pub async fn read_head(req: &Request, io: &mut Io) -> Result<(ResponseHead, usize), (Win32Error, bool)> {
    let timeout = io_cfg(io).timeouts.response_wait();
    let max_interim = io_cfg(io).max_status_continue;
    let s = io.h2.as_deref_mut().ok_or((ERROR_WINHTTP_INCORRECT_HANDLE_STATE, false))?;
    let mut resp = s.resp.take().ok_or((ERROR_WINHTTP_INCORRECT_HANDLE_STATE, false))?;
    let mut interim = 0u32;
    let r = loop {
        let next = within(
            timeout,
            std::future::poll_fn(|cx| {
                // h2 keeps interim HEADERS apart from the final one; they come out here first.
                if let Poll::Ready(Some(r)) = resp.poll_informational(cx) {
                    return Poll::Ready(Err(r.map(|r| r.status().as_u16())));
                }
                std::pin::Pin::new(&mut resp).poll(cx).map(Ok)
            }),
        )
        .await
        .map_err(|e| (e, false))?;
        match next {
            Ok(r) => break r,
            Err(Ok(code)) => {
                let code = u32::from(code);
                req.note(super::abi::WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE, || {
                    super::callback::Info::Dword(code)
                });
                interim += 1;
                if interim > max_interim {
                    return Err((ERROR_WINHTTP_INVALID_SERVER_RESPONSE, false));
                }
            }
            Err(Err(e)) => break Err(e),
        }
    };
    let r = r.map_err(|e| {
        let refused = (e.is_go_away() && e.is_remote()) || e.reason() == Some(::h2::Reason::REFUSED_STREAM);
        (s.fail(&e), refused)
    })?;
    let (parts, body) = r.into_parts();
    s.ended = body.is_end_stream();
    s.recv = Some(body);
    let size = 12 + parts.headers.iter().map(|(n, v)| n.as_str().len() + v.len() + 4).sum::<usize>();
    let head =
        ResponseHead::from_fields(parts.status.as_u16(), parts.headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    Ok((head, size))
}

/// The body framing of an HTTP/2 response: the stream's end ends it.
pub fn framing(io: &Io, f: BodyFraming) -> BodyFraming {
    match io.h2.as_deref() {
        Some(s) if s.ended => BodyFraming::Empty,
        _ if f == BodyFraming::Empty => BodyFraming::Empty,
        _ => BodyFraming::UntilClose,
    }
}

/// A request's stream.
///
/// The body bytes it takes from h2 are released to the stream's flow controller at once, or, with a
/// `ulStreamWindowUpdateDelta` (`step`), once a whole step has been read: "the threshold for sending
/// window updates" (Microsoft's option-flags page). h2 sends the stream's WINDOW_UPDATE when the
/// released bytes reach half of the window still open, so each update is a whole number of steps,
/// exactly one when the step is at least a third of the window (the window still open at a release
/// is then at most twice the step). Bytes never released go back to the connection's window when
/// the stream ends (h2 does that for a closed stream).
pub struct Stream {
    /// Its connection, which counts it as open until it is dropped.
    conn: Arc<H2Conn>,
    /// Until the request body has ended.
    send: Option<::h2::SendStream<Bytes>>,
    /// Until the response head came.
    resp: Option<::h2::client::ResponseFuture>,
    recv: Option<::h2::RecvStream>,
    /// Received body bytes not handed out yet.
    data: Bytes,
    /// The body has ended (END_STREAM).
    ended: bool,
    trailers: Vec<(String, String)>,
    /// The request's `WINHTTP_OPTION_STREAM_ERROR_CODE`.
    stream_error: Arc<AtomicU32>,
    /// Bytes released per step (0: every read at once).
    step: usize,
    /// Bytes read and not released yet (less than a step).
    unreleased: usize,
}

impl Drop for Stream {
    fn drop(&mut self) {
        let mut u = self.conn.use_.lock();
        u.streams -= 1;
        u.idle_since = std::time::Instant::now();
    }
}

impl Stream {
    /// The Win32 error for an h2 error on this stream; a RST_STREAM from the server leaves its code for
    /// `WINHTTP_OPTION_STREAM_ERROR_CODE`.
    fn fail(&self, e: &::h2::Error) -> Win32Error {
        if let (true, true, Some(r)) = (e.is_reset(), e.is_remote(), e.reason()) {
            self.stream_error.store(u32::from(r), Ordering::Relaxed);
        }
        h2_error(e)
    }

    async fn send_all(&mut self, data: &[u8], end: bool, timeout: u32) -> WinResult<()> {
        let send = self.send.as_mut().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
        let mut rest = Bytes::copy_from_slice(data);
        while !rest.is_empty() {
            send.reserve_capacity(rest.len());
            let cap = within(timeout, std::future::poll_fn(|cx| send.poll_capacity(cx))).await?;
            let n = match cap {
                Some(Ok(n)) => n.min(rest.len()),
                Some(Err(e)) => return Err(self.fail(&e)),
                None => return Err(ERROR_WINHTTP_CONNECTION_ERROR),
            };
            if n == 0 {
                continue;
            }
            let chunk = rest.split_to(n);
            if let Err(e) = send.send_data(chunk, end && rest.is_empty()) {
                return Err(self.fail(&e));
            }
        }
        if end && data.is_empty() {
            if let Err(e) = send.send_data(Bytes::new(), true) {
                return Err(self.fail(&e));
            }
        }
        if end {
            self.send = None;
        }
        Ok(())
    }

    /// Takes what the stream has for us, without waiting past `cx`.
    fn poll_fill(&mut self, cx: &mut Context<'_>) -> Poll<WinResult<()>> {
        if !self.data.is_empty() || self.ended {
            return Poll::Ready(Ok(()));
        }
        let Some(recv) = self.recv.as_mut() else { return Poll::Ready(Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)) };
        match recv.poll_data(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Some(Ok(b))) => {
                let release = if self.step == 0 {
                    b.len()
                } else {
                    self.unreleased += b.len();
                    let whole = self.unreleased - self.unreleased % self.step;
                    self.unreleased -= whole;
                    whole
                };
                if release != 0 {
                    let _ = recv.flow_control().release_capacity(release);
                }
                self.data = b;
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Err(self.fail(&e))),
            Poll::Ready(None) => {
                self.ended = true;
                if let Poll::Ready(Ok(Some(t))) = recv.poll_trailers(cx) {
                    self.trailers = t
                        .iter()
                        .map(|(n, v)| (n.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                        .collect();
                }
                Poll::Ready(Ok(()))
            }
        }
    }

    /// Bytes a read returns now (Some(0): the body has ended; None: none yet).
    pub fn available_now(&mut self) -> Option<u32> {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match self.poll_fill(&mut cx) {
            Poll::Ready(Ok(())) => Some(self.data.len().min(u32::MAX as usize) as u32),
            _ => None,
        }
    }

    /// Waits for body bytes or the end.
    pub async fn fill(&mut self, timeout: u32) -> WinResult<()> {
        within(timeout, std::future::poll_fn(|cx| self.poll_fill(cx))).await?
    }

    /// Body bytes into `buf` (0: the body has ended).
    pub async fn read(&mut self, buf: &mut [u8], timeout: u32) -> WinResult<usize> {
        self.fill(timeout).await?;
        let n = buf.len().min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data.advance(n);
        Ok(n)
    }

    /// The trailer fields, once the body has ended.
    pub fn take_trailers(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.trailers)
    }
}
