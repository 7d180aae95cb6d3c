//! Request handles (`WinHttpOpenRequest`) and their state machine:
//!
//! `Opened` --send--> `Sending` (head and `lpOptional` sent; `WinHttpWriteData` streams the rest)
//! --receive--> `Receiving` (headers available; `WinHttpQueryDataAvailable`/`WinHttpReadData` stream
//! the body) --body read--> `Done` (the connection is back in the pool). `WinHttpSendRequest` may be
//! called again from `Receiving` or `Done` (resend on the same handle). Every step is an `async fn`
//! over the step-owned [`Io`], run the same way in both modes (`step.rs`); what queries and options
//! read is [`RequestState`], locked briefly.
//!
//! Operations: [`Request::send`], [`Request::write`], [`Request::receive`], [`Request::available`],
//! [`Request::read`], header queries (`query.rs`), options (`options.rs`), and close ([`KernelObject::on_close`]).
use super::callback::{self, Deliver, Info, Notifier};
use super::conn::{Conn, ConnEvent, TlsSetup};
use super::connect::Connect;
use super::headers::HeaderList;
use super::session::*;
use crate::client::abi;
use crate::client::abi::{
    REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP, REDIRECT_POLICY_NEVER, WINHTTP_DISABLE_COOKIES, WINHTTP_DISABLE_KEEP_ALIVE,
    WINHTTP_DISABLE_REDIRECTS,
};
use crate::client::abi::{WINHTTP_ADDREQ_FLAG_ADD, WINHTTP_ADDREQ_FLAG_REPLACE};
use crate::client::abi::{
    WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION, WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER,
    WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER, WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED,
    WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE, WINHTTP_CALLBACK_STATUS_NAME_RESOLVED,
    WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE, WINHTTP_CALLBACK_STATUS_REDIRECT, WINHTTP_CALLBACK_STATUS_REQUEST_SENT,
    WINHTTP_CALLBACK_STATUS_RESOLVING_NAME, WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED,
    WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, WINHTTP_CALLBACK_STATUS_SENDING_REQUEST,
};
use crate::client::abi::{
    WINHTTP_DECOMPRESSION_FLAG_DEFLATE, WINHTTP_DECOMPRESSION_FLAG_GZIP, WINHTTP_FLAG_REFRESH, WINHTTP_FLAG_SECURE,
};
use crate::http1::chunked::ChunkedDecoder;
use crate::http1::response::{parse_head, BodyFraming, HeadError, ResponseHead};
use crate::win32::error::*;
use crate::win32::handle::KernelObject;
use parking_lot::Mutex;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

/// Where a request is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Opened,
    Sending,
    Receiving,
    Done,
}

/// The target of the current (possibly redirected) request.
#[derive(Clone, Debug)]
pub struct Target {
    pub secure: bool,
    pub host: String,
    pub port: u16,
    /// Path and query, as sent on the request line.
    pub path: String,
}

impl Target {
    /// The URL as `WINHTTP_OPTION_URL` reports it.
    pub fn url(&self) -> String {
        let scheme = if self.secure { "https" } else { "http" };
        format!("{scheme}://{}{}", self.host_header(), self.path)
    }
    /// The URL in `url` crate form (cookie matching, redirect resolution); None when the host or path
    /// does not make a valid URL.
    pub fn parsed(&self) -> Option<url::Url> {
        url::Url::parse(&self.url()).ok()
    }
    /// `host[:port]`, the port only when it is not the scheme's default; an IPv6 literal in brackets.
    fn host_header(&self) -> String {
        let mut h = String::with_capacity(self.host.len() + 8);
        self.write_host(&mut h);
        h
    }
    /// Appends [`Target::host_header`] to `out` (no allocation of its own: built for every request).
    fn write_host(&self, out: &mut String) {
        use std::fmt::Write;
        let bracket = self.host.contains(':') && !self.host.starts_with('[');
        if bracket {
            out.push('[');
        }
        out.push_str(&self.host);
        if bracket {
            out.push(']');
        }
        if self.port != if self.secure { 443 } else { 80 } {
            let _ = write!(out, ":{}", self.port);
        }
    }
}

/// Content decoding of a response body (`WINHTTP_OPTION_DECOMPRESSION`).
enum Decoder {
    Gzip(flate2::write::GzDecoder<Vec<u8>>),
    Zlib(flate2::write::ZlibDecoder<Vec<u8>>),
    Deflate(flate2::write::DeflateDecoder<Vec<u8>>),
    /// "deflate" whose first byte decides between zlib and raw.
    Sniff,
}

impl Decoder {
    fn feed(&mut self, input: &[u8]) -> WinResult<()> {
        if let Decoder::Sniff = self {
            if input.is_empty() {
                return Ok(());
            }
            // RFC 9110 "deflate" is zlib; some servers send raw deflate. A zlib header has CMF 0x?8 and
            // (CMF*256+FLG) % 31 == 0.
            let zlib = input.len() >= 2 && input[0] & 0x0F == 8 && ((input[0] as u16) << 8 | input[1] as u16) % 31 == 0;
            *self = if zlib {
                Decoder::Zlib(flate2::write::ZlibDecoder::new(Vec::new()))
            } else {
                Decoder::Deflate(flate2::write::DeflateDecoder::new(Vec::new()))
            };
        }
        let r = match self {
            Decoder::Gzip(d) => d.write_all(input),
            Decoder::Zlib(d) => d.write_all(input),
            Decoder::Deflate(d) => d.write_all(input),
            Decoder::Sniff => Ok(()),
        };
        r.map_err(|_| ERROR_WINHTTP_INVALID_SERVER_RESPONSE)
    }
    fn finish(&mut self) -> WinResult<()> {
        let r = match self {
            Decoder::Gzip(d) => d.try_finish(),
            Decoder::Zlib(d) => d.try_finish(),
            Decoder::Deflate(d) => d.try_finish(),
            Decoder::Sniff => Ok(()),
        };
        r.map_err(|_| ERROR_WINHTTP_INVALID_SERVER_RESPONSE)
    }
    fn output(&mut self) -> &mut Vec<u8> {
        match self {
            Decoder::Gzip(d) => d.get_mut(),
            Decoder::Zlib(d) => d.get_mut(),
            Decoder::Deflate(d) => d.get_mut(),
            Decoder::Sniff => unreachable!("sniff has no output before its first input"),
        }
    }
}

/// Body reading state of the current response.
struct Body {
    framing: BodyFraming,
    /// Bytes left for `Length` framing.
    remaining: u64,
    chunked: ChunkedDecoder,
    /// The raw body has ended.
    raw_done: bool,
    decoder: Option<Decoder>,
    /// Decoded bytes not handed out yet, from `pending_pos`.
    pending: Vec<u8>,
    pending_pos: usize,
    /// Both sides keep the connection once the body has been read (the response said so).
    keep_alive: bool,
}

/// Writes up to this size are held back and coalesced (see `Io::held`).
const HOLD_PIECE: usize = 512;
/// At most this much is held before it is written.
const HOLD_LIMIT: usize = 4096;

/// What option and header queries see, behind [`Request::state`]. The lock is only ever held for a
/// few field reads or writes, never across a network wait, so `WinHttpQueryOption`,
/// `WinHttpQueryHeaders` and `WinHttpSetOption` answer at once from any thread or callback while a
/// step is pending (DESIGN.md section 5).
pub struct RequestState {
    pub settings: Settings,
    pub headers: HeaderList,
    pub phase: Phase,
    pub target: Target,
    pub verb: String,
    /// The body length the request head declared (None: chunked or no body).
    pub declared: Option<u64>,
    /// Whether part of the body came through `WinHttpWriteData` (then it cannot be replayed).
    pub(super) streamed: bool,
    /// The head of the last request sent.
    pub sent_head: Option<String>,
    pub response: Option<ResponseHead>,
    pub redirects: u32,
    pub security_flags: u32,
    pub context: usize,
    /// Credentials and the last challenges (`auth.rs`).
    pub auth: super::auth::AuthState,
    /// The connection that carried the last send (`link.rs`; connection and security options).
    pub link: Option<Arc<super::link::Link>>,
    /// `WINHTTP_OPTION_HTTP_PROTOCOL_USED` of the last send (`WINHTTP_PROTOCOL_FLAG_HTTP2` over `h2`).
    pub protocol_used: u32,
    /// `WINHTTP_OPTION_STREAM_ERROR_CODE`: the code of the server's RST_STREAM on the last send's HTTP/2
    /// stream (0: none), written by its [`super::h2::Stream`].
    pub stream_error: Arc<std::sync::atomic::AtomicU32>,
    /// The trailer fields of the last response (HTTP/2), for `WINHTTP_QUERY_FLAG_TRAILERS`.
    pub trailers: Vec<(String, String)>,
    /// `WINHTTP_OPTION_CLIENT_CERT_CONTEXT`: None never set, `Some(None)` `WINHTTP_NO_CLIENT_CERT_CONTEXT`,
    /// else the client certificate's context (our own reference).
    pub client_cert: Option<Option<crate::win32::cert_context::CertRef>>,
}

/// What the running step owns (the connection, the body decoder, the write state). A step takes it
/// out of its request when it starts and puts it back when it ends ([`Request::take_io`],
/// [`Request::put_io`]); only one step runs at a time per request (the notifier counts them), so no
/// lock is held while it works.
#[derive(Default)]
pub struct Io {
    conn: Option<Conn>,
    origin: Option<Origin>,
    /// `lpOptional` of the last send (kept for redirects and authentication resends).
    optional: Vec<u8>,
    pub(super) written: u64,
    /// Small `WinHttpWriteData` pieces not yet on the wire (a caller framing its own chunks writes a
    /// few bytes of chunk head, the data, then CRLF): they go out with the next larger write or before
    /// the response is read, one `writev` instead of a syscall and a TCP segment each.
    held: Vec<u8>,
    body: Option<Body>,
    /// The request's options as the step started (an option set meanwhile applies to the next step).
    pub(super) cfg: Settings,
    /// The request's HTTP/2 stream when it went over `h2` (`client::h2`; `conn` is None then).
    pub(super) h2: Option<Box<super::h2::Stream>>,
    /// Streams of this send the server refused unprocessed and that went again (bounded).
    h2_resent: u8,
    /// The server asked for a client certificate and the request never set one: the send went no
    /// further (no connection), `WinHttpReceiveResponse` reports `ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED`.
    cert_needed: bool,
}

/// A request handle's object.
pub struct Request {
    pub connect: Arc<Connect>,
    pub session: Arc<Session>,
    pub flags: u32,
    pub version: String,
    pub referrer: Option<String>,
    pub accept_types: Vec<String>,
    pub state: Mutex<RequestState>,
    /// The step-owned state while no step runs (None while one does).
    io: Mutex<Option<Box<Io>>>,
    closed: AtomicBool,
    pub context: AtomicUsize,
    /// The connect handle (`WINHTTP_OPTION_PARENT_HANDLE`).
    pub parent: usize,
    /// The status callback and its serial queue (`callback.rs`).
    pub notifier: Arc<Notifier>,
    /// Wakes a pending step when the handle closes.
    pub cancel: tokio::sync::Notify,
}

/// Methods a stale pooled connection may be retried for without asking (RFC 9110 idempotent methods).
fn is_idempotent(verb: &str) -> bool {
    matches!(verb.to_ascii_uppercase().as_str(), "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS" | "TRACE")
}

/// What `WinHttpOpenRequest` gives a new request, besides its connect handle.
pub struct Opening {
    pub verb: String,
    pub path: String,
    pub version: String,
    pub referrer: Option<String>,
    pub accept_types: Vec<String>,
    pub flags: u32,
    pub parent: usize,
}

impl Request {
    pub fn new(connect: Arc<Connect>, o: Opening) -> Request {
        let session = connect.session.clone();
        let settings = session.settings.lock().clone();
        let secure = o.flags & WINHTTP_FLAG_SECURE != 0;
        let target = Target { secure, host: connect.host.clone(), port: connect.port_for(secure), path: o.path };
        let security_flags = settings.security_flags | if secure { 1 } else { 0 };
        Request {
            session,
            flags: o.flags,
            version: o.version,
            referrer: o.referrer,
            accept_types: o.accept_types,
            state: Mutex::new(RequestState {
                settings,
                headers: HeaderList::default(),
                phase: Phase::Opened,
                target,
                verb: o.verb,
                declared: None,
                streamed: false,
                sent_head: None,
                response: None,
                redirects: 0,
                security_flags,
                context: 0,
                auth: Default::default(),
                link: None,
                client_cert: None,
                protocol_used: 0,
                stream_error: Default::default(),
                trailers: Vec::new(),
            }),
            io: Mutex::new(Some(Box::default())),
            // Windows copies the connect handle's context value and callback into a new request.
            context: AtomicUsize::new(connect.context.load(Ordering::Relaxed)),
            notifier: Notifier::new(callback::lookup(o.parent)),
            cancel: tokio::sync::Notify::new(),
            connect,
            closed: AtomicBool::new(false),
            parent: o.parent,
        }
    }

    /// Whether the request belongs to a `WINHTTP_FLAG_ASYNC` session.
    pub fn is_async(&self) -> bool {
        self.session.is_async()
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// The step-owned state, for a step about to start (the caller counted it with the notifier, so
    /// no other step holds it). Once the handle is closed the state is gone: a fresh one is given,
    /// and the step fails its open check.
    pub fn take_io(&self) -> Box<Io> {
        let mut io = self.io.lock().take().unwrap_or_default();
        io.cfg = self.state.lock().settings.clone();
        io
    }

    /// Gives the step-owned state back when a step ends. After a close its connection is dropped.
    pub fn put_io(&self, mut io: Box<Io>) {
        if self.is_closed() {
            self.discard_conn(&mut io);
            return;
        }
        *self.io.lock() = Some(io);
        // A close that ran between the test and the store finds nothing to drop: drop it here.
        if self.is_closed() {
            if let Some(mut io) = self.io.lock().take() {
                self.discard_conn(&mut io);
            }
        }
    }

    fn set_phase(&self, p: Phase) {
        self.state.lock().phase = p;
    }

    fn phase(&self) -> Phase {
        self.state.lock().phase
    }

    /// Posts an informational notification. It is held in the handle's queue and delivered with the
    /// step's next hand-off (see `step.rs`): on the calling thread in synchronous mode, on the calling
    /// thread or one callback thread in asynchronous mode.
    pub fn note(&self, status: u32, info: impl FnOnce() -> Info) {
        if !self.notifier.wants(status) {
            return;
        }
        self.notifier.post(status, info(), self.context.load(Ordering::Relaxed), Deliver::Hold);
    }

    fn check_open(&self) -> WinResult<()> {
        if self.closed.load(Ordering::Acquire) {
            Err(ERROR_WINHTTP_OPERATION_CANCELLED)
        } else {
            Ok(())
        }
    }

    /// Maps an I/O failure to cancellation when the handle was closed meanwhile.
    fn cancelled_or(&self, e: Win32Error) -> Win32Error {
        if self.closed.load(Ordering::Acquire) {
            ERROR_WINHTTP_OPERATION_CANCELLED
        } else {
            e
        }
    }

    /// Drops the current connection (not reusable).
    pub(super) fn discard_conn(&self, io: &mut Io) {
        io.held.clear();
        // An HTTP/2 stream not read to its end is reset; its connection stays with the others.
        io.h2 = None;
        let had = io.conn.is_some();
        if had {
            self.note(WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION, || Info::None);
        }
        if let Some(origin) = io.origin.take() {
            self.session.drop_conn(&origin, io.conn.take());
        }
        io.conn = None;
        if had {
            self.note(WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED, || Info::None);
        }
    }

    /// `WinHttpWebSocketCompleteUpgrade`: the connection of the 101 response leaves the request (and
    /// the pool's accounting) for good. None while a step runs or when there is no connection.
    pub fn take_upgraded(&self) -> Option<Conn> {
        let mut slot = self.io.lock();
        let io = slot.as_mut()?;
        let conn = io.conn.take()?;
        if let Some(origin) = io.origin.take() {
            self.session.drop_conn(&origin, None);
        }
        drop(slot);
        self.set_phase(Phase::Done);
        Some(conn)
    }

    /// The checks an asynchronous call makes before it returns (a failure there is FALSE with no
    /// callback), the same the synchronous step makes first.
    pub fn check_async(&self, io: &Io, api: u32, len: usize) -> WinResult<()> {
        self.check_open()?;
        let st = self.state.lock();
        match api {
            abi::API_WRITE_DATA => {
                if st.phase != Phase::Sending || (io.conn.is_none() && io.h2.is_none() && !io.cert_needed) {
                    return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
                }
                if st.declared.is_some_and(|d| io.written + len as u64 > d) {
                    return Err(ERROR_INVALID_PARAMETER);
                }
            }
            abi::API_QUERY_DATA_AVAILABLE | abi::API_READ_DATA
                if !matches!(st.phase, Phase::Receiving | Phase::Done) =>
            {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether the request is in a state to receive a response: sent, and no response received since.
    pub fn check_receive_now(&self) -> WinResult<()> {
        self.check_open()?;
        if self.phase() != Phase::Sending {
            return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
        }
        Ok(())
    }

    /// Why `WinHttpReceiveResponse` cannot start now (no send, a response already received, body
    /// bytes still owed), or Ok.
    pub fn check_receive(&self, io: &Io) -> WinResult<()> {
        self.check_open()?;
        let st = self.state.lock();
        if st.phase != Phase::Sending || st.declared.is_some_and(|d| io.written < d) {
            return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
        }
        Ok(())
    }

    /// Whether the rest of the current response's body is already buffered and the connection may
    /// carry another request; if so the body is consumed.
    fn skip_buffered_body(&self, io: &mut Io) -> bool {
        let (Some(body), Some(conn)) = (io.body.as_mut(), io.conn.as_mut()) else { return false };
        if !body.keep_alive || io.cfg.disabled & WINHTTP_DISABLE_KEEP_ALIVE != 0 {
            return false;
        }
        let used = match body.framing {
            _ if body.raw_done => 0,
            BodyFraming::Empty => 0,
            BodyFraming::UntilClose => return false,
            BodyFraming::Length(_) => {
                if (conn.buffered().len() as u64) < body.remaining {
                    return false;
                }
                body.remaining as usize
            }
            BodyFraming::Chunked => {
                let mut probe = body.chunked.clone();
                match probe.decode(conn.buffered(), |_| {}) {
                    Ok(used) if probe.is_done() => used,
                    _ => return false,
                }
            }
        };
        conn.consume(used);
        conn.buffered().is_empty()
    }

    /// Returns the connection to the pool when the response ended cleanly and both sides keep it.
    fn finish_body(&self, io: &mut Io) {
        self.set_phase(Phase::Done);
        let keep = io.cfg.disabled & WINHTTP_DISABLE_KEEP_ALIVE == 0
            && io.body.as_ref().is_some_and(|b| b.keep_alive && b.framing != BodyFraming::UntilClose)
            && !self.closed.load(Ordering::Acquire);
        if keep {
            if let (Some(conn), Some(origin)) = (io.conn.take(), io.origin.take()) {
                self.session.put_idle(&origin, conn);
                return;
            }
        }
        self.discard_conn(io);
    }

    /// The head of the request as it would be sent now (also what `WINHTTP_QUERY_FLAG_REQUEST_HEADERS`
    /// reports).
    pub fn build_head(&self, st: &RequestState, through_proxy: bool) -> String {
        use std::fmt::Write;
        let t = &st.target;
        let proxy_form = through_proxy && !t.secure;
        let url;
        let target = if proxy_form {
            url = t.url();
            url.as_str()
        } else {
            t.path.as_str()
        };
        // One buffer, written in place: this runs for every request.
        let mut h =
            String::with_capacity(256 + st.headers.fields.iter().map(|(n, v)| n.len() + v.len() + 4).sum::<usize>());
        for part in [st.verb.as_str(), " ", target, " ", self.version.as_str(), "\r\n"] {
            h.push_str(part);
        }
        let has = |n: &str| st.headers.find(n).is_some();
        let line = |h: &mut String, name: &str, value: &str| {
            for part in [name, ": ", value, "\r\n"] {
                h.push_str(part);
            }
        };
        if !has("Host") {
            h.push_str("Host: ");
            t.write_host(&mut h);
            h.push_str("\r\n");
        }
        {
            let agent = self.session.agent.lock();
            if !agent.is_empty() && !has("User-Agent") {
                line(&mut h, "User-Agent", &agent);
            }
        }
        if !self.accept_types.is_empty() && !has("Accept") {
            line(&mut h, "Accept", &self.accept_types.join(", "));
        }
        if let Some(r) = &self.referrer {
            if !has("Referer") {
                line(&mut h, "Referer", r);
            }
        }
        if self.flags & WINHTTP_FLAG_REFRESH != 0 {
            h.push_str("Pragma: no-cache\r\nCache-Control: no-cache\r\n");
        }
        if st.settings.decompression != 0 && !has("Accept-Encoding") {
            let enc = match st.settings.decompression & 3 {
                1 => "gzip",
                2 => "deflate",
                _ => "gzip, deflate",
            };
            line(&mut h, "Accept-Encoding", enc);
        }
        // The stored cookies; a Cookie header of the caller's own is merged with them into one, the
        // caller's value first (Windows).
        // (The URL is parsed only when the jar holds cookies: parsing costs more than the rest of the head.)
        let stored = if st.settings.disabled & WINHTTP_DISABLE_COOKIES == 0 && self.session.has_cookies() {
            t.parsed().and_then(|u| self.session.cookie_header(&u))
        } else {
            None
        };
        let own_cookie = st.headers.find("Cookie");
        if let (Some(c), None) = (&stored, own_cookie) {
            line(&mut h, "Cookie", c);
        }
        if let Some(key) = &st.settings.websocket_key {
            h.push_str(&super::websocket::handshake_lines(key));
        } else if !has("Connection") {
            if st.settings.disabled & WINHTTP_DISABLE_KEEP_ALIVE != 0 {
                h.push_str("Connection: close\r\n");
            } else {
                h.push_str("Connection: Keep-Alive\r\n");
            }
        }
        // The caller's own Transfer-Encoding means the caller frames the body (seed page): no length.
        if let Some(n) = st.declared {
            if !has("Content-Length") && !has("Transfer-Encoding") {
                let bodiless = st.verb.eq_ignore_ascii_case("GET") || st.verb.eq_ignore_ascii_case("HEAD");
                if n > 0 || !bodiless {
                    let _ = write!(h, "Content-Length: {n}\r\n");
                }
            }
        }
        h.push_str(&super::auth::header_lines(
            st,
            &st.verb,
            target,
            proxy_form,
            has("Authorization"),
            has("Proxy-Authorization"),
        ));
        for (i, (n, v)) in st.headers.fields.iter().enumerate() {
            h.push_str(n);
            h.push_str(": ");
            h.push_str(v);
            if let (Some(c), true) = (&stored, own_cookie == Some(i)) {
                h.push_str("; ");
                h.push_str(c);
            }
            h.push_str("\r\n");
        }
        h.push_str("\r\n");
        h
    }

    /// The part of `WinHttpSendRequest` that fails at once (in asynchronous mode too: such a call
    /// returns FALSE and gets no callback): state and framing checks, then the request is set up.
    pub fn prepare_send(&self, io: &mut Io, extra_headers: Option<&str>, optional: &[u8], total: u32) -> WinResult<()> {
        self.check_open()?;
        let mut st = self.state.lock();
        if st.phase == Phase::Sending {
            return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
        }
        let mut headers = st.headers.clone();
        if let Some(text) = extra_headers {
            headers.add_text(text, WINHTTP_ADDREQ_FLAG_ADD | WINHTTP_ADDREQ_FLAG_REPLACE)?;
        }
        let te = headers.get("Transfer-Encoding").map(str::to_string);
        let cl = match headers.get("Content-Length") {
            Some(v) => Some(v.trim().parse::<u64>().map_err(|_| ERROR_INVALID_PARAMETER)?),
            None => None,
        };
        let declared = match (&te, cl) {
            // "The Content-Length header cannot be present when the Transfer-Encoding header is present."
            (Some(_), Some(_)) => return Err(ERROR_INVALID_PARAMETER),
            (Some(_), None) => {
                // "lpOptional must be NULL and dwOptionalLength zero when Transfer-Encoding is present";
                // a total length would be a second framing.
                if !optional.is_empty() || total != 0 {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                None
            }
            (None, Some(n)) => {
                // Above 4 GiB only WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH (0) can go with the header; below,
                // dwTotalLength must repeat it.
                if (total as u64) != n && !(total == 0 && n > u32::MAX as u64) {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                Some(n)
            }
            (None, None) => {
                if total != 0 && (optional.len() as u64) > total as u64 {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                Some((total as u64).max(optional.len() as u64))
            }
        };
        if declared.is_some_and(|d| (optional.len() as u64) > d) {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if st.settings.websocket {
            st.settings.websocket_key = Some(super::websocket::new_key()?);
        }
        st.headers = headers;
        st.declared = declared;
        st.streamed = false;
        st.redirects = 0;
        drop(st);
        // A resend drops whatever is left of the previous response.
        if io.conn.is_some() {
            self.discard_conn(io);
        }
        io.optional = optional.to_vec();
        io.h2_resent = 0;
        io.cert_needed = false;
        Ok(())
    }

    /// Sends the head and `lpOptional` on a pooled or new connection, retrying once on a new one when
    /// a pooled connection turns out to be dead.
    pub async fn transmit(&self, io: &mut Io) -> WinResult<()> {
        io.body = None;
        io.written = 0;
        io.held.clear();
        let (head, mut origin, proxy, target, security_flags, cert) = {
            let mut st = self.state.lock();
            st.response = None;
            st.protocol_used = 0;
            st.stream_error.store(0, std::sync::atomic::Ordering::Relaxed);
            st.trailers.clear();
            let proxy = self.session.proxy.lock().proxy_for(&st.target.host, st.target.secure);
            let origin = Origin {
                secure: st.target.secure,
                host: st.target.host.to_ascii_lowercase(),
                port: st.target.port,
                proxy: proxy.clone(),
                relaxed: if st.target.secure { st.security_flags & super::tls::IGNORE_MASK } else { 0 },
                client: super::tls::ClientAuth::Unset,
                pool: self.session.pool_id(),
            };
            let cert = st.client_cert.clone().filter(|_| st.target.secure);
            (self.build_head(&st, proxy.is_some()), origin, proxy, st.target.clone(), st.security_flags, cert)
        };
        origin.client = match cert {
            None => super::tls::ClientAuth::Unset,
            Some(None) => super::tls::ClientAuth::Declined,
            Some(Some(c)) => super::tls::ClientAuth::Key(super::tls::ClientKey::of(c.der())?),
        };
        let optional = std::mem::take(&mut io.optional);
        let r = self.transmit_on(io, &origin, proxy.as_ref(), &target, security_flags, &head, &optional).await;
        io.optional = optional;
        match r {
            // As on Windows (Microsoft's "SSL in WinHTTP" sample, .NET's WinHttpHandler): the send completes
            // and WinHttpReceiveResponse (REQUEST_ERROR with API_RECEIVE_RESPONSE) reports the request.
            Err(e) if e == ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED => io.cert_needed = true,
            r => r?,
        }
        io.written = io.optional.len() as u64;
        let mut st = self.state.lock();
        st.sent_head = Some(head);
        st.phase = Phase::Sending;
        Ok(())
    }

    /// Opens a connection to `host`:`port` (the origin, or the proxy: `tunnel` then runs CONNECT
    /// first), reporting resolve and connect to the status callback, and SECURE_FAILURE with the
    /// certificate problems when the TLS handshake fails.
    pub(super) async fn open_conn(
        &self,
        io: &Io,
        host: &str,
        port: u16,
        tunnel: bool,
        target: &Target,
        tls: Option<TlsSetup>,
    ) -> WinResult<Conn> {
        let mut events = |ev: ConnEvent<'_>| match ev {
            ConnEvent::Resolving(h) => self.note(WINHTTP_CALLBACK_STATUS_RESOLVING_NAME, || Info::Wide(h.to_string())),
            ConnEvent::Resolved(ip) => self.note(WINHTTP_CALLBACK_STATUS_NAME_RESOLVED, || Info::Wide(ip.to_string())),
            ConnEvent::Connecting(ip) => {
                self.note(WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER, || Info::Wide(ip.to_string()))
            }
            ConnEvent::Connected(ip) => {
                self.note(WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER, || Info::Wide(ip.to_string()))
            }
        };
        let agent = self.session.agent.lock().clone();
        let opened = match (tunnel, tls) {
            (true, Some(tls)) => {
                super::tunnel::open(host, port, target, &agent, &io.cfg.timeouts, tls, &mut events).await
            }
            (_, tls) => Conn::open(host, port, &io.cfg.timeouts, tls, &mut events).await,
        };
        opened.map_err(|e| {
            if target.secure && is_secure_error(e) {
                // The certificate problems the handshake met (recorded on this thread by the
                // verifier in this very poll: the failure returned here without waiting since).
                let flags = match super::tls::failure_flags() {
                    0 => secure_failure_flags(e),
                    f => f,
                };
                self.note(WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, || Info::Dword(flags));
            }
            self.cancelled_or(e)
        })
    }

    #[allow(clippy::too_many_arguments)]
    async fn transmit_on(
        &self,
        io: &mut Io,
        origin: &Origin,
        proxy: Option<&(String, u16)>,
        target: &Target,
        security_flags: u32,
        head: &str,
        optional: &[u8],
    ) -> WinResult<()> {
        if super::h2::transmit(self, io, origin, proxy.is_some(), target, security_flags, head, optional).await? {
            return Ok(());
        }
        let send_timeout = io.cfg.timeouts.send;
        let mut reuse = self.session.take_idle(origin, io.cfg.max_conns_per_server);
        loop {
            if let Some(mut conn) = reuse.take() {
                self.state.lock().link = Some(conn.link());
                self.note(WINHTTP_CALLBACK_STATUS_SENDING_REQUEST, || Info::None);
                match conn.write_all(&[head.as_bytes(), optional], send_timeout).await {
                    Ok(()) => {
                        let sent = (head.len() + optional.len()) as u32;
                        self.note(WINHTTP_CALLBACK_STATUS_REQUEST_SENT, || Info::Dword(sent));
                        io.conn = Some(conn);
                        io.origin = Some(origin.clone());
                        return Ok(());
                    }
                    Err(_) => {
                        // A stale keep-alive connection: the server closed it while idle. Nothing of the
                        // request reached it, so a new connection carries it.
                        self.session.drop_conn(origin, Some(conn));
                    }
                }
            }
            self.check_open()?;
            // WINHTTP_OPTION_MAX_CONNS_PER_SERVER: the step waits on the runtime and takes the
            // connection another request hands back, when there is one.
            let (max, connect_timeout) = (io.cfg.max_conns_per_server, io.cfg.timeouts.connect);
            // Boxed: rare paths (waiting for a slot, opening a connection) keep the step's future
            // small, so the common step costs a small allocation and copy (see step.rs).
            match Box::pin(self.session.acquire_slot(origin, max, connect_timeout)).await? {
                Some(conn) => reuse = Some(conn),
                None => break,
            }
        }
        Box::pin(self.open_and_send(io, origin, proxy, target, security_flags, head, optional)).await
    }

    /// The rest of [`Request::transmit_on`] when no pooled connection carries the request: opens a new
    /// one (resolving, connecting, TLS, a proxy tunnel) and sends on it. Boxed by its caller: the
    /// common step (a pooled connection) keeps a small future.
    #[allow(clippy::too_many_arguments)]
    async fn open_and_send(
        &self,
        io: &mut Io,
        origin: &Origin,
        proxy: Option<&(String, u16)>,
        target: &Target,
        security_flags: u32,
        head: &str,
        optional: &[u8],
    ) -> WinResult<()> {
        let send_timeout = io.cfg.timeouts.send;
        let (host, port) = match proxy {
            Some((h, p)) => (h.clone(), *p),
            None => (target.host.clone(), target.port),
        };
        let tls = if target.secure {
            Some(TlsSetup {
                config: super::tls::config(security_flags, &origin.client)?,
                server_name: super::tls::server_name(&target.host)?,
            })
        } else {
            None
        };
        let conn = match self.open_conn(io, &host, port, proxy.is_some(), target, tls).await {
            Ok(c) => c,
            Err(e) => {
                self.session.drop_conn(origin, None);
                return Err(e);
            }
        };
        io.conn = Some(conn);
        io.origin = Some(origin.clone());
        let conn = io.conn.as_mut().expect("just set");
        // Before SENDING_REQUEST: callers read the connection and certificate options there.
        self.state.lock().link = Some(conn.link());
        self.note(WINHTTP_CALLBACK_STATUS_SENDING_REQUEST, || Info::None);
        if let Err(e) = conn.write_all(&[head.as_bytes(), optional], send_timeout).await {
            self.discard_conn(io);
            return Err(self.cancelled_or(e));
        }
        let sent = (head.len() + optional.len()) as u32;
        self.note(WINHTTP_CALLBACK_STATUS_REQUEST_SENT, || Info::Dword(sent));
        Ok(())
    }

    /// `WinHttpWriteData`: streams body bytes straight to the socket (no copy is kept).
    pub async fn write(&self, io: &mut Io, data: &[u8]) -> WinResult<u32> {
        self.check_open()?;
        {
            let mut st = self.state.lock();
            if st.phase != Phase::Sending {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
            }
            // More than the declared Content-Length would be read by the server as the next request.
            if st.declared.is_some_and(|d| io.written + data.len() as u64 > d) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            if io.cert_needed {
                // No connection: the body goes nowhere, WinHttpReceiveResponse reports why.
                io.written += data.len() as u64;
                return Ok(data.len() as u32);
            }
            if io.conn.is_none() && io.h2.is_none() {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
            }
            st.streamed = true;
        }
        if io.h2.is_some() {
            return super::h2::write(self, io, data).await;
        }
        if data.len() <= HOLD_PIECE && io.held.len() + data.len() <= HOLD_LIMIT {
            io.held.extend_from_slice(data);
            io.written += data.len() as u64;
            return Ok(data.len() as u32);
        }
        let held = std::mem::take(&mut io.held);
        self.send_body(io, &[&held, data]).await?;
        io.written += data.len() as u64;
        Ok(data.len() as u32)
    }

    /// Writes body bytes on the request's connection; a failure ends the connection.
    async fn send_body(&self, io: &mut Io, parts: &[&[u8]]) -> WinResult<()> {
        let timeout = io.cfg.timeouts.send;
        let conn = io.conn.as_mut().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
        if let Err(e) = conn.write_all(parts, timeout).await {
            self.discard_conn(io);
            self.set_phase(Phase::Opened);
            return Err(self.cancelled_or(e));
        }
        Ok(())
    }

    /// `WinHttpReceiveResponse`: reads the response head (skipping interim 1xx), applies cookies and
    /// redirects, and prepares the body.
    pub async fn receive(&self, io: &mut Io) -> WinResult<()> {
        self.check_receive(io)?;
        loop {
            // The send (or a redirect's or an authentication's resend) met a server asking for a client
            // certificate the request never set.
            if std::mem::take(&mut io.cert_needed) {
                io.held.clear();
                self.set_phase(Phase::Opened);
                return Err(ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED);
            }
            if !io.held.is_empty() {
                let held = std::mem::take(&mut io.held);
                self.send_body(io, &[&held]).await?;
            }
            self.note(WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE, || Info::None);
            let mut head = match self.read_head(io).await {
                Ok((h, n)) => {
                    self.note(WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED, || Info::Dword(n as u32));
                    h
                }
                Err(RetryOr::Retry) => {
                    self.discard_conn(io);
                    Box::pin(self.transmit(io)).await?;
                    continue;
                }
                Err(RetryOr::Fail(e)) => {
                    self.discard_conn(io);
                    self.set_phase(Phase::Opened);
                    return Err(self.cancelled_or(e));
                }
            };
            // Windows reports a 302 that asks for Passport1.4 authentication as a 401 (the status text
            // stays) instead of following it, so the caller sees the challenge.
            if head.status == 302 && head.values("www-authenticate").any(|v| v.trim_start().starts_with("Passport1.4"))
            {
                head.status = 401;
            }
            let is_head = self.state.lock().verb.eq_ignore_ascii_case("HEAD");
            let framing = match head.framing(is_head) {
                // HTTP/2: the stream's end ends the body (`client::h2`), whatever the fields say.
                Ok(f) if io.h2.is_some() => super::h2::framing(io, f),
                Ok(f) => f,
                Err(_) => {
                    self.discard_conn(io);
                    self.set_phase(Phase::Opened);
                    return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
                }
            };
            if io.cfg.disabled & WINHTTP_DISABLE_COOKIES == 0 && head.values("set-cookie").next().is_some() {
                let url = self.state.lock().target.parsed();
                if let Some(u) = url {
                    self.session.store_cookies(&u, head.values("set-cookie"));
                }
            }
            let decompression = io.cfg.decompression;
            let decoder = if decompression != 0 && framing != BodyFraming::Empty {
                match head.values("content-encoding").last().map(|v| v.trim().to_ascii_lowercase()) {
                    Some(e) if e == "gzip" && decompression & WINHTTP_DECOMPRESSION_FLAG_GZIP != 0 => {
                        Some(Decoder::Gzip(flate2::write::GzDecoder::new(Vec::new())))
                    }
                    Some(e) if e == "deflate" && decompression & WINHTTP_DECOMPRESSION_FLAG_DEFLATE != 0 => {
                        Some(Decoder::Sniff)
                    }
                    _ => None,
                }
            } else {
                None
            };
            let remaining = if let BodyFraming::Length(n) = framing { n } else { 0 };
            io.body = Some(Body {
                framing,
                remaining,
                chunked: ChunkedDecoder::new(),
                raw_done: framing == BodyFraming::Empty || remaining == 0 && matches!(framing, BodyFraming::Length(_)),
                decoder,
                pending: Vec::new(),
                pending_pos: 0,
                // A 101 switched protocols: the connection never goes back to the pool.
                keep_alive: head.keeps_alive() && head.status != 101,
            });
            if io.body.as_ref().is_some_and(|b| b.decoder.is_some()) {
                // The compressed length means nothing to the caller: Windows does not report it.
                head.remove("content-length");
            }
            let status = head.status;
            let location = head.values("location").next().map(str::to_string);
            {
                let mut st = self.state.lock();
                st.response = Some(head);
                st.phase = Phase::Receiving;
            }
            if matches!(status, 401 | 407) {
                if Box::pin(super::auth::answer_challenge(self, io)).await? {
                    continue;
                }
            } else {
                super::auth::no_challenge(self);
            }
            if let Some(loc) = location.filter(|_| matches!(status, 301 | 302 | 303 | 307 | 308)) {
                if Box::pin(self.follow_redirect(io, status, &loc)).await? {
                    continue;
                }
            }
            // A 101 to a WebSocket handshake keeps its connection for WinHttpWebSocketCompleteUpgrade.
            let upgraded = status == 101 && io.cfg.websocket;
            if io.body.as_ref().is_some_and(|b| b.raw_done) && !upgraded {
                self.finish_body(io);
                self.set_phase(Phase::Receiving);
            }
            return Ok(());
        }
    }

    /// Reads and drops what is left of the current body (up to `WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE`)
    /// so its connection can carry the next request; past the limit the connection is closed.
    pub(super) async fn drain_body(&self, io: &mut Io) -> WinResult<()> {
        let mut sink = vec![0u8; 16 * 1024];
        let mut drained = 0u64;
        loop {
            let n = self.read(io, &mut sink).await?;
            if n == 0 {
                break;
            }
            drained += n as u64;
            if drained > io.cfg.max_drain_size as u64 {
                self.discard_conn(io);
                break;
            }
        }
        if io.conn.is_some() {
            self.discard_conn(io);
        }
        Ok(())
    }

    /// Follows a redirect when the policy allows: drains the body, re-targets, and re-sends (with
    /// `lpOptional` for 307/308). Returns false when the 3xx response is the final answer.
    async fn follow_redirect(&self, io: &mut Io, status: u16, location: &str) -> WinResult<bool> {
        if io.cfg.disabled & WINHTTP_DISABLE_REDIRECTS != 0 || io.cfg.redirect_policy == REDIRECT_POLICY_NEVER {
            return Ok(false);
        }
        let keeps_method = matches!(status, 307 | 308);
        {
            let st = self.state.lock();
            if st.redirects >= io.cfg.max_redirects {
                return Err(ERROR_WINHTTP_REDIRECT_FAILED);
            }
            let Some(next) = resolve_location(&st.target, location) else {
                return Err(ERROR_WINHTTP_REDIRECT_FAILED);
            };
            if st.target.secure && !next.secure && io.cfg.redirect_policy == REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP {
                return Ok(false);
            }
            let has_body = st.declared.is_some_and(|d| d > 0);
            if keeps_method && st.streamed && has_body {
                // The body came through WinHttpWriteData and is gone: the caller sees the 3xx and may
                // send again itself.
                return Ok(false);
            }
        }
        self.drain_body(io).await?;
        let url = {
            let mut st = self.state.lock();
            let next = resolve_location(&st.target, location).ok_or(ERROR_WINHTTP_REDIRECT_FAILED)?;
            st.redirects += 1;
            if !keeps_method
                && (status == 303 || !st.verb.eq_ignore_ascii_case("HEAD"))
                && (status == 303 || st.verb.eq_ignore_ascii_case("POST"))
            {
                st.verb = "GET".into();
                st.declared = Some(0);
                st.headers.remove_all("Content-Length");
                st.headers.remove_all("Transfer-Encoding");
                io.optional.clear();
            }
            st.target = next;
            st.target.url()
        };
        self.note(WINHTTP_CALLBACK_STATUS_REDIRECT, || Info::Wide(url));
        self.transmit(io).await?;
        Ok(true)
    }

    async fn read_head(&self, io: &mut Io) -> Result<(ResponseHead, usize), RetryOr> {
        if io.h2.is_some() {
            // A stream the server refused unprocessed goes again on a new connection (as a request
            // on a stale HTTP/1.1 connection does), unless part of its body went with WinHttpWriteData.
            return match super::h2::read_head(self, io).await {
                Ok(h) => Ok(h),
                Err((_, true)) if io.h2_resent < 8 && !self.state.lock().streamed => {
                    io.h2_resent += 1;
                    Err(RetryOr::Retry)
                }
                Err((e, _)) => Err(RetryOr::Fail(e)),
            };
        }
        let limit = io.cfg.max_header_size as usize;
        let timeout = io.cfg.timeouts.response_wait();
        let can_retry = || {
            let st = self.state.lock();
            !st.streamed && is_idempotent(&st.verb)
        };
        let mut interim = 0u32;
        loop {
            let conn = io.conn.as_mut().ok_or(RetryOr::Fail(ERROR_WINHTTP_INCORRECT_HANDLE_STATE))?;
            let reused = conn.reused;
            match parse_head(conn.buffered(), limit) {
                Ok((head, n)) => {
                    conn.consume(n);
                    // Interim responses (100 Continue, 102, 103) precede the real one; 101 is final.
                    if (100..200).contains(&head.status) && head.status != 101 {
                        let code = head.status as u32;
                        self.note(WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE, || Info::Dword(code));
                        interim += 1;
                        if interim > io.cfg.max_status_continue {
                            return Err(RetryOr::Fail(ERROR_WINHTTP_INVALID_SERVER_RESPONSE));
                        }
                        continue;
                    }
                    return Ok((head, n));
                }
                Err(HeadError::Partial) => {}
                Err(HeadError::TooLarge) => return Err(RetryOr::Fail(ERROR_WINHTTP_HEADER_SIZE_OVERFLOW)),
                Err(HeadError::Invalid) => return Err(RetryOr::Fail(ERROR_WINHTTP_INVALID_SERVER_RESPONSE)),
            }
            let had = conn.buffered().len();
            match conn.fill(timeout).await {
                Ok(0) if had == 0 && reused && can_retry() => return Err(RetryOr::Retry),
                Ok(0) if had == 0 => return Err(RetryOr::Fail(ERROR_WINHTTP_CONNECTION_ERROR)),
                Ok(0) => return Err(RetryOr::Fail(ERROR_WINHTTP_INVALID_SERVER_RESPONSE)),
                Ok(_) => {}
                Err(e) if e == ERROR_WINHTTP_CONNECTION_ERROR && had == 0 && reused && can_retry() => {
                    return Err(RetryOr::Retry)
                }
                Err(e) => return Err(RetryOr::Fail(e)),
            }
        }
    }

    /// Reads raw (still content-encoded) body bytes into `buf`; 0 = the body has ended.
    async fn read_raw(&self, io: &mut Io, buf: &mut [u8]) -> WinResult<usize> {
        let timeout = io.cfg.timeouts.receive;
        let body = io.body.as_mut().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
        if body.raw_done || buf.is_empty() {
            return Ok(0);
        }
        if let Some(s) = io.h2.as_mut() {
            let n = s.read(buf, timeout).await?;
            if n == 0 {
                body.raw_done = true;
                self.state.lock().trailers = s.take_trailers();
            }
            return Ok(n);
        }
        let conn = io.conn.as_mut().ok_or(ERROR_WINHTTP_CONNECTION_ERROR)?;
        match body.framing {
            BodyFraming::Empty => Ok(0),
            BodyFraming::Length(_) => {
                let want = (buf.len() as u64).min(body.remaining) as usize;
                let n = if !conn.buffered().is_empty() {
                    let n = want.min(conn.buffered().len());
                    buf[..n].copy_from_slice(&conn.buffered()[..n]);
                    conn.consume(n);
                    n
                } else {
                    // Straight into the caller's buffer: no copy on the bulk path.
                    match conn.read_some(&mut buf[..want], timeout).await? {
                        0 => return Err(ERROR_WINHTTP_CONNECTION_ERROR),
                        n => n,
                    }
                };
                body.remaining -= n as u64;
                if body.remaining == 0 {
                    body.raw_done = true;
                }
                Ok(n)
            }
            BodyFraming::UntilClose => {
                if !conn.buffered().is_empty() {
                    let n = buf.len().min(conn.buffered().len());
                    buf[..n].copy_from_slice(&conn.buffered()[..n]);
                    conn.consume(n);
                    return Ok(n);
                }
                let n = conn.read_some(buf, timeout).await?;
                if n == 0 {
                    body.raw_done = true;
                }
                Ok(n)
            }
            BodyFraming::Chunked => loop {
                let in_chunk = body.chunked.remaining_in_chunk();
                if conn.buffered().is_empty() && in_chunk > 0 {
                    // Inside a chunk with nothing buffered: read the data straight into the caller's
                    // buffer, then account for it in the decoder (all of it is chunk data).
                    let want = (buf.len() as u64).min(in_chunk) as usize;
                    let n = conn.read_some(&mut buf[..want], timeout).await?;
                    if n == 0 {
                        return Err(ERROR_WINHTTP_CONNECTION_ERROR);
                    }
                    body.chunked.decode(&buf[..n], |_| {}).map_err(|_| ERROR_WINHTTP_INVALID_SERVER_RESPONSE)?;
                    return Ok(n);
                }
                if conn.buffered().is_empty() && conn.fill(timeout).await? == 0 {
                    return Err(ERROR_WINHTTP_CONNECTION_ERROR);
                }
                // Decode what is buffered until the buffer is full: framing bytes give no output, so
                // the input is fed in pieces no larger than the room left (the output always fits),
                // and a read of the current chunk's size returns all of it (Windows counts data only).
                let mut out = 0usize;
                while out < buf.len() && !conn.buffered().is_empty() && !body.chunked.is_done() {
                    let take = conn.buffered().len().min(buf.len() - out);
                    let input = &conn.buffered()[..take];
                    let used = body
                        .chunked
                        .decode(input, |d| {
                            buf[out..out + d.len()].copy_from_slice(d);
                            out += d.len();
                        })
                        .map_err(|_| ERROR_WINHTTP_INVALID_SERVER_RESPONSE)?;
                    conn.consume(used);
                    if used == 0 {
                        break;
                    }
                }
                if body.chunked.is_done() {
                    body.raw_done = true;
                    return Ok(out);
                }
                if out > 0 {
                    return Ok(out);
                }
            },
        }
    }

    /// `WinHttpReadData`: body bytes (decoded when decompression applies) into `buf`; 0 at the end.
    pub async fn read(&self, io: &mut Io, buf: &mut [u8]) -> WinResult<usize> {
        self.check_open()?;
        match self.phase() {
            Phase::Receiving => {}
            Phase::Done => return Ok(0),
            _ => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE),
        }
        let r = self.read_decoded(io, buf).await;
        match r {
            Ok(0) if !buf.is_empty() => {
                self.finish_body(io);
                Ok(0)
            }
            Ok(n) => {
                if io.body.as_ref().is_some_and(|b| b.raw_done && b.decoder.is_none()) {
                    // The last bytes: hand the connection back now rather than on the next call.
                    self.finish_body(io);
                    self.set_phase(Phase::Receiving);
                    io.body.as_mut().expect("body").framing = BodyFraming::Empty;
                }
                Ok(n)
            }
            Err(e) => {
                self.discard_conn(io);
                self.set_phase(Phase::Done);
                Err(self.cancelled_or(e))
            }
        }
    }

    async fn read_decoded(&self, io: &mut Io, buf: &mut [u8]) -> WinResult<usize> {
        if io.body.as_ref().is_none_or(|b| b.decoder.is_none()) {
            if io.conn.is_none() && io.h2.is_none() {
                return Ok(0);
            }
            return self.read_raw(io, buf).await;
        }
        loop {
            let body = io.body.as_mut().expect("checked");
            if body.pending_pos < body.pending.len() {
                let n = buf.len().min(body.pending.len() - body.pending_pos);
                buf[..n].copy_from_slice(&body.pending[body.pending_pos..body.pending_pos + n]);
                body.pending_pos += n;
                return Ok(n);
            }
            if body.raw_done && io.conn.is_none() && io.h2.is_none() {
                return Ok(0);
            }
            let mut raw = vec![0u8; 16 * 1024];
            let n = if body.raw_done { 0 } else { self.read_raw(io, &mut raw).await? };
            let body = io.body.as_mut().expect("checked");
            let dec = body.decoder.as_mut().expect("checked");
            if n == 0 {
                dec.finish()?;
            } else {
                dec.feed(&raw[..n])?;
            }
            body.pending.clear();
            body.pending_pos = 0;
            if !matches!(dec, Decoder::Sniff) {
                std::mem::swap(&mut body.pending, dec.output());
            }
            if n == 0 && body.pending.is_empty() {
                return Ok(0);
            }
        }
    }

    /// Bytes a read can return now without waiting (None: nothing is there yet; Some(0): the body
    /// has ended). A chunked body counts the current chunk only, as Windows does.
    fn available_now(&self, io: &mut Io) -> WinResult<Option<u32>> {
        let Some(body) = io.body.as_mut() else { return Ok(Some(0)) };
        if body.decoder.is_some() {
            let n = body.pending.len() - body.pending_pos;
            return Ok((n > 0).then_some(n as u32));
        }
        if !body.raw_done {
            if let Some(s) = io.h2.as_mut() {
                let n = s.available_now();
                if n == Some(0) {
                    body.raw_done = true;
                    self.state.lock().trailers = s.take_trailers();
                    self.finish_body(io);
                }
                return Ok(n);
            }
        }
        if body.raw_done || io.conn.is_none() {
            return Ok(Some(0));
        }
        let conn = io.conn.as_mut().expect("checked");
        let buffered = conn.buffered();
        let avail: u64 = match body.framing {
            BodyFraming::Empty => 0,
            BodyFraming::Length(_) => (buffered.len() as u64).min(body.remaining),
            BodyFraming::UntilClose => buffered.len() as u64,
            BodyFraming::Chunked => {
                let (n, ended) = current_chunk(&body.chunked, buffered);
                if ended {
                    // Only the last chunk is left: consume it so the body ends.
                    let used =
                        body.chunked.decode(buffered, |_| {}).map_err(|_| ERROR_WINHTTP_INVALID_SERVER_RESPONSE)?;
                    conn.consume(used);
                    body.raw_done = true;
                    self.finish_body(io);
                    return Ok(Some(0));
                }
                n
            }
        };
        Ok((avail > 0).then_some(avail.min(u32::MAX as u64) as u32))
    }

    /// `WinHttpQueryDataAvailable`: how many bytes a read can return now without waiting, waiting for
    /// some when none are there yet (0 = the body has ended).
    pub async fn available(&self, io: &mut Io) -> WinResult<u32> {
        self.check_open()?;
        match self.phase() {
            Phase::Receiving => {}
            Phase::Done => return Ok(0),
            _ => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE),
        }
        loop {
            if let Some(n) = self.available_now(io)? {
                return Ok(n);
            }
            let body = io.body.as_mut().expect("available_now saw a body");
            if body.decoder.is_some() {
                // Decode a little ahead into the pending buffer, then report it.
                let mut tmp = vec![0u8; 8192];
                let n = self.read(io, &mut tmp).await?;
                if n == 0 {
                    return Ok(0);
                }
                let body = io.body.as_mut().expect("body");
                let rest = body.pending[body.pending_pos..].to_vec();
                body.pending = tmp[..n].to_vec();
                body.pending.extend_from_slice(&rest);
                body.pending_pos = 0;
                return Ok(body.pending.len() as u32);
            }
            let until_close = body.framing == BodyFraming::UntilClose;
            let timeout = io.cfg.timeouts.receive;
            if let Some(s) = io.h2.as_mut() {
                if let Err(e) = s.fill(timeout).await {
                    self.discard_conn(io);
                    self.set_phase(Phase::Done);
                    return Err(self.cancelled_or(e));
                }
                continue;
            }
            let conn = io.conn.as_mut().expect("available_now saw a connection");
            match conn.fill(timeout).await {
                Ok(0) => {
                    if until_close {
                        io.body.as_mut().expect("body").raw_done = true;
                        self.finish_body(io);
                        return Ok(0);
                    }
                    self.discard_conn(io);
                    self.set_phase(Phase::Done);
                    return Err(self.cancelled_or(ERROR_WINHTTP_CONNECTION_ERROR));
                }
                Ok(_) => {}
                Err(e) => {
                    self.discard_conn(io);
                    self.set_phase(Phase::Done);
                    return Err(self.cancelled_or(e));
                }
            }
        }
    }
}

/// The data bytes of the current chunk among `buffered` (after any framing before it), and whether
/// the body ends there with no data (only the last chunk is left). Windows' WinHttpQueryDataAvailable
/// reports the current chunk, not everything buffered.
fn current_chunk(decoder: &ChunkedDecoder, buffered: &[u8]) -> (u64, bool) {
    let mut probe = decoder.clone();
    let mut pos = 0;
    while pos < buffered.len() {
        let in_chunk = probe.remaining_in_chunk();
        if in_chunk > 0 {
            return ((buffered.len() - pos).min(in_chunk.min(usize::MAX as u64) as usize) as u64, false);
        }
        // Framing (a chunk's CRLF, the next chunk's head): one byte at a time until data or the end.
        match probe.decode(&buffered[pos..pos + 1], |_| {}) {
            Ok(used) if used > 0 => pos += used,
            _ => return (0, false),
        }
        if probe.is_done() {
            return (0, true);
        }
    }
    (0, false)
}

/// Whether a connection failure is a TLS/certificate one (SECURE_FAILURE is reported first).
fn is_secure_error(e: Win32Error) -> bool {
    matches!(e.0, 12037 | 12038 | 12045 | 12057 | 12157 | 12169 | 12170 | 12175 | 12179)
}

/// The `WINHTTP_CALLBACK_STATUS_FLAG_*` detail of SECURE_FAILURE for a failure code.
fn secure_failure_flags(e: Win32Error) -> u32 {
    match e.0 {
        12037 => 0x20,    // ERROR_WINHTTP_SECURE_CERT_DATE_INVALID -> CERT_DATE_INVALID
        12038 => 0x10,    // ERROR_WINHTTP_SECURE_CERT_CN_INVALID -> CERT_CN_INVALID
        12045 => 0x08,    // ERROR_WINHTTP_SECURE_INVALID_CA -> INVALID_CA
        12057 => 0x01,    // ERROR_WINHTTP_SECURE_CERT_REV_FAILED -> CERT_REV_FAILED
        12169 => 0x02,    // ERROR_WINHTTP_SECURE_INVALID_CERT -> INVALID_CERT
        12170 => 0x04,    // ERROR_WINHTTP_SECURE_CERT_REVOKED -> CERT_REVOKED
        12179 => 0x40,    // ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE -> CERT_WRONG_USAGE
        _ => 0x8000_0000, // SECURITY_CHANNEL_ERROR
    }
}

enum RetryOr {
    Retry,
    Fail(Win32Error),
}

/// Resolves a `Location` value against the current target as RFC 3986 section 5 says (the `url`
/// crate's join: absolute, scheme-relative, absolute-path, query-only and relative references, dot
/// segments removed, the fragment dropped). None: not an http or https URL.
fn resolve_location(base: &Target, loc: &str) -> Option<Target> {
    let next = base.parsed()?.join(loc.trim()).ok()?;
    let secure = match next.scheme() {
        "http" => false,
        "https" => true,
        _ => return None,
    };
    let host = next.host_str()?.to_string();
    let port = next.port_or_known_default()?;
    let mut path = next.path().to_string();
    if let Some(q) = next.query() {
        path.push('?');
        path.push_str(q);
    }
    Some(Target { secure, host, port, path })
}

impl KernelObject for Request {
    fn kind(&self) -> &'static str {
        "winhttp request"
    }
    /// An HINTERNET, not a kernel handle: `WinHttpCloseHandle` closes it (with its notifications and
    /// its parent's count), `CloseHandle` refuses it.
    fn closed_by_close_handle(&self) -> bool {
        false
    }
    /// Closing a request aborts any transfer: a pending step wakes and ends with
    /// `ERROR_WINHTTP_OPERATION_CANCELLED`, and the connection is not pooled.
    fn on_close(&self) {
        self.closed.store(true, Ordering::Release);
        self.cancel.notify_waiters();
        // No step runs: its connection goes back to the pool when the rest of the response is
        // already here (Windows reports nothing but HANDLE_CLOSING then), else it is closed. A running
        // step drops it when it gives the state back.
        let parked = self.io.lock().take();
        if let Some(mut io) = parked {
            if self.skip_buffered_body(&mut io) {
                if let (Some(conn), Some(origin)) = (io.conn.take(), io.origin.take()) {
                    self.session.put_idle(&origin, conn);
                }
            }
            self.discard_conn(&mut io);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_by_rfc3986() {
        let base = Target { secure: false, host: "h".into(), port: 8080, path: "/a/b?q".into() };
        // (Location, secure, host, port, path and query)
        let rows: &[(&str, bool, &str, u16, &str)] = &[
            ("c", false, "h", 8080, "/a/c"),
            ("/x", false, "h", 8080, "/x"),
            ("?x", false, "h", 8080, "/a/b?x"),
            ("../c", false, "h", 8080, "/c"),
            ("./d/../e?f#g", false, "h", 8080, "/a/e?f"),
            ("../../../z", false, "h", 8080, "/z"),
            ("https://o:444/p", true, "o", 444, "/p"),
            ("http://o", false, "o", 80, "/"),
            ("//o2/p", false, "o2", 80, "/p"),
            ("http://[::1]/", false, "[::1]", 80, "/"),
            ("http://[::1]:81/v6?q", false, "[::1]", 81, "/v6?q"),
            ("  /trimmed  ", false, "h", 8080, "/trimmed"),
        ];
        for &(loc, secure, host, port, path) in rows {
            let t = resolve_location(&base, loc).unwrap_or_else(|| panic!("{loc:?} resolves"));
            assert_eq!((t.secure, t.host.as_str(), t.port, t.path.as_str()), (secure, host, port, path), "{loc:?}");
        }
        assert!(resolve_location(&base, "ftp://o/x").is_none(), "not http");
        let v6 = Target { secure: false, host: "::1".into(), port: 8080, path: "/a".into() };
        assert_eq!(v6.url(), "http://[::1]:8080/a");
        assert_eq!(resolve_location(&v6, "b").unwrap().url(), "http://[::1]:8080/b");
    }
}
