//! WebSocket handles (`WinHttpWebSocketCompleteUpgrade`) and the RFC 6455 framing they speak.
//!
//! A request with `WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET` sends the opening handshake (GET with
//! `Upgrade: websocket`, `Connection: Upgrade`, `Sec-WebSocket-Key`, `Sec-WebSocket-Version: 13`);
//! after a 101 response, [`complete_upgrade`] checks `Sec-WebSocket-Accept` and moves the connection
//! into a new [`WebSocket`] handle (it never goes back to the pool).
//!
//! The framing codec is written here (not a crate): WinHTTP's model is the caller's buffer, so a
//! receive copies payload bytes straight from the connection's read buffer into it and reports
//! `*_FRAGMENT_BUFFER_TYPE` when the frame (or message) continues, `*_MESSAGE_BUFFER_TYPE` when the
//! message ended, `CLOSE_BUFFER_TYPE` when the peer's close frame arrived. Client frames are masked
//! (RFC 6455 section 5.3). Pings are answered and pongs dropped inside receives.
//!
//! Concurrency (Windows' rule): one send and one receive may be in progress at once, plus one close
//! or shutdown. The connection sits behind one lock taken per frame written or per read-buffer
//! fill; a receive waits for the socket without the lock, so a send from another thread (or the
//! pong of a ping) is never held up by a receive waiting for data.
//!
//! Modes: a synchronous session runs each operation on the caller's thread; a `WINHTTP_FLAG_ASYNC`
//! one returns `NO_ERROR` at once and runs the operation on a thread of its own, whose result is the
//! operation's one completion (WRITE_COMPLETE / READ_COMPLETE with `WINHTTP_WEB_SOCKET_STATUS`,
//! CLOSE_COMPLETE, SHUTDOWN_COMPLETE, or REQUEST_ERROR with `WINHTTP_WEB_SOCKET_ASYNC_RESULT`),
//! delivered through the handle's notifier (`callback.rs`).
//!
//! Operations: [`complete_upgrade`], [`WebSocket::send`], [`WebSocket::receive`],
//! [`WebSocket::close`], [`WebSocket::shutdown`], [`WebSocket::query_close_status`], [`close_handle`].
use super::callback::{self, Deliver, Info, Notifier};
use super::conn::{shutdown_fd, Conn, Interest, Readiness, ReadyGuard};
use super::options::{self, Value};
use super::request::Request;
use crate::client::abi;
use crate::client::abi::{
    WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE, WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE,
    WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE,
    WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE, WINHTTP_WEB_SOCKET_CLOSE_OPERATION,
    WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH, WINHTTP_WEB_SOCKET_RECEIVE_OPERATION,
    WINHTTP_WEB_SOCKET_SEND_OPERATION, WINHTTP_WEB_SOCKET_SHUTDOWN_OPERATION,
    WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE,
};
use crate::client::abi::{
    WINHTTP_CALLBACK_STATUS_READ_COMPLETE, WINHTTP_CALLBACK_STATUS_REQUEST_ERROR,
    WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE,
};
use crate::win32::error::*;
use crate::win32::handle::{self, KernelObject, RawHandle};
use crate::win32::overlapped::CallerBuf;
use parking_lot::Mutex;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

const EMPTY_CLOSE_STATUS: u16 = 1005;

const OP_CONT: u8 = 0;
const OP_TEXT: u8 = 1;
const OP_BINARY: u8 = 2;
const OP_CLOSE: u8 = 8;
const OP_PING: u8 = 9;
const OP_PONG: u8 = 10;

const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/// A fresh `Sec-WebSocket-Key`: 16 random bytes, base64 (RFC 6455 section 4.1).
pub fn new_key() -> WinResult<String> {
    let mut nonce = [0u8; 16];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut nonce).map_err(|_| ERROR_INTERNAL_ERROR)?;
    Ok(super::auth::base64(&nonce))
}

/// The `Sec-WebSocket-Accept` a server must answer `key` with.
fn accept_for(key: &str) -> String {
    let d = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, format!("{key}{GUID}").as_bytes());
    super::auth::base64(d.as_ref())
}

/// The handshake's header lines (they replace the request's `Connection: Keep-Alive`).
pub fn handshake_lines(key: &str) -> String {
    format!("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n")
}

/// Builds one masked client frame's header; the payload is masked in place by [`mask`].
fn frame_header(opcode: u8, fin: bool, len: usize, key: [u8; 4]) -> Vec<u8> {
    // Room for the payload too: `write_frame` appends it.
    let mut h = Vec::with_capacity(14 + len);
    h.push(if fin { 0x80 } else { 0 } | opcode);
    if len < 126 {
        h.push(0x80 | len as u8);
    } else if len <= 0xFFFF {
        h.push(0x80 | 126);
        h.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        h.push(0x80 | 127);
        h.extend_from_slice(&(len as u64).to_be_bytes());
    }
    h.extend_from_slice(&key);
    h
}

fn mask(data: &mut [u8], key: [u8; 4]) {
    // Eight bytes at a time (the key repeats every four, so a word of it twice masks eight).
    let k8 = u64::from_ne_bytes([key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3]]);
    let mut words = data.chunks_exact_mut(8);
    for w in &mut words {
        let v = u64::from_ne_bytes(w.try_into().expect("8 bytes")) ^ k8;
        w.copy_from_slice(&v.to_ne_bytes());
    }
    for (i, b) in words.into_remainder().iter_mut().enumerate() {
        *b ^= key[i & 3];
    }
}

/// A new masking key from the system's random source (RFC 6455 section 5.3), read 256 bytes at a
/// time per thread rather than one system call per frame.
fn mask_key() -> [u8; 4] {
    thread_local! {
        static POOL: std::cell::RefCell<([u8; 256], usize)> = const { std::cell::RefCell::new(([0; 256], 256)) };
    }
    POOL.with(|p| {
        let (bytes, at) = &mut *p.borrow_mut();
        if *at + 4 > bytes.len() {
            let _ = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), bytes);
            *at = 0;
        }
        let k = [bytes[*at], bytes[*at + 1], bytes[*at + 2], bytes[*at + 3]];
        *at += 4;
        k
    })
}

/// A parsed frame header.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    fin: bool,
    opcode: u8,
    len: u64,
    /// Header size in bytes.
    size: usize,
}

/// Parses a server frame's header: `Ok(None)` = incomplete; `Err` = protocol error (a masked server
/// frame, reserved bits without an extension, an unknown opcode, a bad control frame).
fn parse_head(b: &[u8]) -> WinResult<Option<Head>> {
    if b.len() < 2 {
        return Ok(None);
    }
    let fin = b[0] & 0x80 != 0;
    let opcode = b[0] & 0x0F;
    if b[0] & 0x70 != 0
        || b[1] & 0x80 != 0
        || !matches!(opcode, OP_CONT | OP_TEXT | OP_BINARY | OP_CLOSE | OP_PING | OP_PONG)
    {
        return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
    }
    let (len, size) = match b[1] & 0x7F {
        126 if b.len() < 4 => return Ok(None),
        126 => (u16::from_be_bytes([b[2], b[3]]) as u64, 4),
        127 if b.len() < 10 => return Ok(None),
        127 => (u64::from_be_bytes(b[2..10].try_into().expect("8 bytes")), 10),
        n => (n as u64, 2),
    };
    if opcode >= OP_CLOSE && (!fin || len > 125) {
        return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
    }
    Ok(Some(Head { fin, opcode, len, size }))
}

/// Whether a close status may be sent (RFC 6455 section 7.4: 1005, 1006 and 1015 never go on the
/// wire; 1005 here means "a close frame without a status").
fn valid_close_status(s: u16) -> bool {
    matches!(s, 1000..=1003 | 1005 | 1007..=1011 | 3000..=4999)
}

#[derive(Default)]
struct WsState {
    send_busy: bool,
    recv_busy: bool,
    close_busy: bool,
    /// Our close frame went out (Shutdown or Close): no more sends.
    sent_close: bool,
    /// The peer's close frame: status (1005 when it had none) and reason.
    peer_close: Option<(u16, Vec<u8>)>,
    /// Inside an outgoing fragmented message: whether it is UTF-8.
    send_frag: Option<bool>,
    /// Inside an incoming data frame: payload bytes left.
    in_frame: bool,
    in_left: u64,
    in_fin: bool,
    /// The incoming message in progress is text (`None`: between messages).
    in_text: Option<bool>,
    /// A close asks the pending receive to end (`ERROR_WINHTTP_OPERATION_CANCELLED`).
    recv_cancel: bool,
    /// The connection failed or broke the protocol: every later operation fails.
    broken: Option<Win32Error>,
}

/// A WebSocket handle's object: owns the upgraded connection.
pub struct WebSocket {
    conn: Mutex<Conn>,
    fd: i32,
    state: Mutex<WsState>,
    /// The socket, waited on without holding `conn`.
    ready: Readiness,
    /// Frames are written whole, one at a time (a receive's pong never lands inside a send's frame).
    write_turn: tokio::sync::Mutex<()>,
    /// Held by the receive in progress: a close that cancelled it reads after it is gone.
    read_turn: tokio::sync::Mutex<()>,
    /// Wakes a waiting receive that a close cancelled.
    recv_wake: tokio::sync::Notify,
    pub notifier: Arc<Notifier>,
    pub context: AtomicUsize,
    is_async: bool,
    closed: AtomicBool,
    send_timeout: u32,
    /// `WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT` of the request, in seconds (0 = no limit).
    close_timeout_s: u32,
    /// The request handle it was upgraded from (`WINHTTP_OPTION_PARENT_HANDLE`).
    parent: RawHandle,
    /// `WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL` in ms (0 = off): a keep-alive frame goes out
    /// once nothing was sent for that long ([`keepalive`]).
    keepalive_ms: AtomicU32,
    /// When the last frame went out (ms since [`epoch`]).
    last_sent: AtomicU64,
    /// Wakes the keep-alive task: the interval changed, or the handle closed.
    keepalive_wake: Arc<tokio::sync::Notify>,
}

/// The clock of `WebSocket::last_sent`.
fn epoch() -> Instant {
    static EPOCH: once_cell::sync::Lazy<Instant> = once_cell::sync::Lazy::new(Instant::now);
    *EPOCH
}

fn now_ms() -> u64 {
    epoch().elapsed().as_millis() as u64
}

/// A WebSocket's keep-alive, a task of the shared runtime for as long as the handle lives: once
/// nothing was sent for the interval, an unsolicited pong with no payload goes out (RFC 6455 section
/// 5.5.3: a unidirectional heartbeat; Windows' WebSocket component sends the same,
/// `WEB_SOCKET_UNSOLICITED_PONG_BUFFER_TYPE`), in turn with the other frames. It holds the handle
/// only while it sends, so it ends soon after the handle is closed or its close frame went out.
async fn keepalive(ws: Weak<WebSocket>, wake: Arc<tokio::sync::Notify>) {
    loop {
        let woken = wake.notified();
        tokio::pin!(woken);
        // Registered before the state is read: a change or close meanwhile still wakes us.
        woken.as_mut().enable();
        let due = {
            let Some(ws) = ws.upgrade() else { return };
            if ws.closed.load(Ordering::Acquire) || ws.state.lock().sent_close {
                return;
            }
            match ws.keepalive_ms.load(Ordering::Acquire) {
                0 => None,
                every => Some((ws.last_sent.load(Ordering::Acquire) + every as u64).saturating_sub(now_ms())),
            }
        };
        match due {
            None => woken.await,
            Some(0) => {
                let Some(ws) = ws.upgrade() else { return };
                if ws.send_keepalive().await.is_err() {
                    return;
                }
            }
            Some(ms) => {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(ms)) => {}
                    _ = &mut woken => {}
                }
            }
        }
    }
}

impl KernelObject for WebSocket {
    fn kind(&self) -> &'static str {
        "winhttp websocket"
    }
    /// An HINTERNET, not a kernel handle: `WinHttpCloseHandle` closes it (with its notifications and
    /// its parent's count), `CloseHandle` refuses it.
    fn closed_by_close_handle(&self) -> bool {
        false
    }
    /// Closing the handle aborts the connection: a pending operation wakes and ends with
    /// `ERROR_WINHTTP_OPERATION_CANCELLED`.
    fn on_close(&self) {
        self.closed.store(true, Ordering::Release);
        shutdown_fd(self.fd);
        self.recv_wake.notify_waiters();
        self.keepalive_wake.notify_waiters();
    }
}

/// `WinHttpWebSocketCompleteUpgrade`: the request must have asked for the upgrade and received its
/// response: anything but 101 with the right `Sec-WebSocket-Accept` is
/// `ERROR_WINHTTP_INVALID_SERVER_RESPONSE`.
pub fn complete_upgrade(hrequest: RawHandle, context: usize) -> WinResult<RawHandle> {
    let req: Arc<Request> = super::api::lookup::<Request>(hrequest)?;
    let st = req.state.lock();
    let key = st.settings.websocket_key.clone().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
    let resp = st.response.as_ref().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
    if resp.status != 101 {
        return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
    }
    let accept_ok = resp.values("sec-websocket-accept").next().is_some_and(|v| v.trim() == accept_for(&key));
    let upgrade_ok = resp.values("upgrade").any(|v| v.trim().eq_ignore_ascii_case("websocket"));
    if !accept_ok || !upgrade_ok {
        return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
    }
    let timeout = st.settings.timeouts.send;
    let close_timeout_s = st.settings.websocket_tuning[0];
    let keepalive_ms = st.settings.websocket_tuning[1];
    drop(st);
    // A second call finds the connection gone.
    let mut conn = req.take_upgraded().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
    // WebSocket operations wait on the shared runtime (their send and receive share the socket).
    {
        let _shared = super::reactor::enter_shared();
        conn.bind().map_err(|_| ERROR_WINHTTP_CONNECTION_ERROR)?;
    }
    let fd = conn.fd();
    let ws = Arc::new(WebSocket {
        ready: conn.readiness(),
        conn: Mutex::new(conn),
        fd,
        write_turn: tokio::sync::Mutex::new(()),
        read_turn: tokio::sync::Mutex::new(()),
        recv_wake: tokio::sync::Notify::new(),
        state: Mutex::new(WsState::default()),
        notifier: Notifier::new(callback::lookup(hrequest)),
        context: AtomicUsize::new(context),
        is_async: req.is_async(),
        closed: AtomicBool::new(false),
        send_timeout: timeout,
        close_timeout_s,
        parent: hrequest,
        keepalive_ms: AtomicU32::new(keepalive_ms),
        last_sent: AtomicU64::new(now_ms()),
        keepalive_wake: Arc::new(tokio::sync::Notify::new()),
    });
    crate::runtime::handle().spawn(keepalive(Arc::downgrade(&ws), ws.keepalive_wake.clone()));
    let notifier = ws.notifier.clone();
    let h = handle::insert(ws);
    callback::register(h, notifier);
    // HANDLE_CREATED goes to the request's callback, as for the other child handles.
    if let Some(n) = callback::lookup(hrequest) {
        n.post(
            abi::WINHTTP_CALLBACK_STATUS_HANDLE_CREATED,
            Info::Handle(h),
            req.context.load(Ordering::Relaxed),
            Deliver::Inline,
        );
    }
    Ok(h)
}

/// `WinHttpCloseHandle` on a WebSocket handle: aborts the connection (no close frame: that is
/// `WinHttpWebSocketClose`'s job); HANDLE_CLOSING follows once pending operations have completed.
pub fn close_handle(h: RawHandle, ws: Arc<WebSocket>) -> WinResult<()> {
    let context = ws.context.load(Ordering::Relaxed);
    let deliver = if ws.is_async { Deliver::Pool } else { Deliver::Inline };
    drop(ws);
    let _ = handle::close(h);
    if let Some(n) = callback::unregister(h) {
        n.close(context, deliver);
    }
    Ok(())
}

/// What an operation produced.
enum Done {
    Sent(u32, u32),
    Received(u32, u32),
    Closed,
    Shut,
}

/// Which operation, for the state flags and REQUEST_ERROR.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Send,
    Receive,
    Close,
    Shutdown,
}

impl Kind {
    fn operation(self) -> u32 {
        match self {
            Kind::Send => WINHTTP_WEB_SOCKET_SEND_OPERATION,
            Kind::Receive => WINHTTP_WEB_SOCKET_RECEIVE_OPERATION,
            Kind::Close => WINHTTP_WEB_SOCKET_CLOSE_OPERATION,
            Kind::Shutdown => WINHTTP_WEB_SOCKET_SHUTDOWN_OPERATION,
        }
    }
}

/// `WINHTTP_HANDLE_TYPE_WEBSOCKET`.
const WINHTTP_HANDLE_TYPE_WEBSOCKET: u32 = 5;

impl WebSocket {
    /// `WinHttpSetOption` on a WebSocket handle: its context value; the keep-alive interval (at least
    /// `WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE` ms, else `ERROR_INVALID_PARAMETER`), counted from the
    /// last frame sent.
    pub fn set_option(&self, option: u32, value: Value) -> WinResult<()> {
        options::kind(option)?;
        match (option, value) {
            (abi::WINHTTP_OPTION_CONTEXT_VALUE, Value::Usize(v)) => {
                self.context.store(v, Ordering::Relaxed);
                Ok(())
            }
            (abi::WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, Value::Dword(v)) => {
                if v < abi::WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                self.keepalive_ms.store(v, Ordering::Release);
                self.keepalive_wake.notify_waiters();
                Ok(())
            }
            (abi::WINHTTP_OPTION_CONTEXT_VALUE, _) => Err(ERROR_INVALID_PARAMETER),
            _ => Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
        }
    }

    /// `WinHttpQueryOption` on a WebSocket handle: handle type, context value, parent handle.
    pub fn query_option(&self, option: u32) -> WinResult<Value> {
        options::kind(option)?;
        match option {
            abi::WINHTTP_OPTION_HANDLE_TYPE => Ok(Value::Dword(WINHTTP_HANDLE_TYPE_WEBSOCKET)),
            abi::WINHTTP_OPTION_CONTEXT_VALUE => Ok(Value::Usize(self.context.load(Ordering::Relaxed))),
            abi::WINHTTP_OPTION_PARENT_HANDLE => Ok(Value::Usize(self.parent)),
            // Set-only on Windows.
            abi::WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL => Err(ERROR_INVALID_PARAMETER),
            _ => Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
        }
    }

    fn check_live(&self, st: &WsState) -> WinResult<()> {
        if self.closed.load(Ordering::Acquire) {
            return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
        }
        if let Some(e) = st.broken {
            return Err(e);
        }
        Ok(())
    }

    /// `WinHttpWebSocketSend`: one frame of `buffer_type`. Fragments of one message must keep its
    /// type (`ERROR_INVALID_PARAMETER`); after our close frame, `ERROR_INVALID_OPERATION`.
    /// Returns `Some((bytes, type))` when done synchronously, `None` when pending (async mode).
    pub fn send(self: &Arc<Self>, buffer_type: u32, buf: CallerBuf) -> WinResult<Option<(u32, u32)>> {
        if buffer_type > WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let utf8 = buffer_type >= WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE;
        let fin = buffer_type == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE
            || buffer_type == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE;
        let opcode = {
            let mut st = self.state.lock();
            self.check_live(&st)?;
            if st.sent_close || st.send_busy || st.close_busy {
                return Err(ERROR_INVALID_OPERATION);
            }
            let opcode = match st.send_frag {
                Some(t) if t != utf8 => return Err(ERROR_INVALID_PARAMETER),
                Some(_) => OP_CONT,
                None if utf8 => OP_TEXT,
                None => OP_BINARY,
            };
            st.send_frag = if fin { None } else { Some(utf8) };
            st.send_busy = true;
            opcode
        };
        self.run(Kind::Send, move |ws| async move {
            // SAFETY: the caller's buffer is valid until the send completes (CallerBuf's contract).
            let data = unsafe { buf.slice() };
            ws.write_frame(opcode, fin, data).await?;
            Ok(Done::Sent(data.len() as u32, buffer_type))
        })
    }

    /// `WinHttpWebSocketReceive`: payload bytes into `buf` with their buffer type; the peer's close
    /// frame gives `CLOSE_BUFFER_TYPE` and 0 bytes (its status: [`WebSocket::query_close_status`]).
    pub fn receive(self: &Arc<Self>, buf: CallerBuf) -> WinResult<Option<(u32, u32)>> {
        {
            let mut st = self.state.lock();
            self.check_live(&st)?;
            if st.recv_busy || st.close_busy || st.peer_close.is_some() {
                return Err(ERROR_INVALID_OPERATION);
            }
            st.recv_busy = true;
            st.recv_cancel = false;
        }
        self.run(Kind::Receive, move |ws| async move {
            let _turn = ws.read_turn.lock().await;
            // SAFETY: the caller's buffer is valid until the receive completes (CallerBuf's contract).
            let out = unsafe { buf.slice_mut() };
            let (n, t) = ws.read_frame_data(out, true).await?;
            Ok(Done::Received(n, t))
        })
    }

    /// `WinHttpWebSocketShutdown`: sends our close frame and returns (the receive side stays open).
    pub fn shutdown(self: &Arc<Self>, status: u16, reason: Vec<u8>) -> WinResult<Option<(u32, u32)>> {
        check_close_args(status, &reason)?;
        {
            let mut st = self.state.lock();
            self.check_live(&st)?;
            if st.sent_close || st.send_busy || st.close_busy {
                return Err(ERROR_INVALID_OPERATION);
            }
            st.sent_close = true;
            st.close_busy = true;
        }
        self.run(Kind::Shutdown, move |ws| async move {
            ws.write_frame(OP_CLOSE, true, &close_payload(status, &reason)).await?;
            Ok(Done::Shut)
        })
    }

    /// `WinHttpWebSocketClose`: sends our close frame (unless Shutdown did), ends a pending receive
    /// (`ERROR_WINHTTP_OPERATION_CANCELLED`), then reads until the peer's close frame arrives.
    pub fn close(self: &Arc<Self>, status: u16, reason: Vec<u8>) -> WinResult<Option<(u32, u32)>> {
        check_close_args(status, &reason)?;
        let send_close = {
            let mut st = self.state.lock();
            self.check_live(&st)?;
            if st.send_busy || st.close_busy {
                return Err(ERROR_INVALID_OPERATION);
            }
            st.close_busy = true;
            if st.recv_busy {
                st.recv_cancel = true;
            }
            !std::mem::replace(&mut st.sent_close, true)
        };
        self.recv_wake.notify_waiters();
        self.run(Kind::Close, move |ws| async move {
            if send_close {
                ws.write_frame(OP_CLOSE, true, &close_payload(status, &reason)).await?;
            }
            // The cancelled receive must be gone before this one reads.
            let _turn = ws.read_turn.lock().await;
            // WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT bounds the wait for the peer's close frame.
            let secs = if ws.close_timeout_s == 0 { 365 * 24 * 3600 } else { ws.close_timeout_s as u64 };
            let read_close = async {
                let mut sink = vec![0u8; 16 * 1024];
                while ws.state.lock().peer_close.is_none() {
                    ws.read_frame_data(&mut sink, false).await?;
                }
                Ok::<(), Win32Error>(())
            };
            match tokio::time::timeout(Duration::from_secs(secs), read_close).await {
                Ok(r) => r?,
                Err(_) => return Err(ERROR_WINHTTP_TIMEOUT),
            }
            Ok(Done::Closed)
        })
    }

    /// `WinHttpWebSocketQueryCloseStatus`: the peer's close status and reason;
    /// `ERROR_INVALID_OPERATION` before its close frame arrived.
    pub fn query_close_status(&self) -> WinResult<(u16, Vec<u8>)> {
        let st = self.state.lock();
        st.peer_close.clone().ok_or(ERROR_INVALID_OPERATION)
    }

    /// Runs an operation as a step of its own on the runtime (`step.rs`: polled on this thread
    /// first, a runtime task once it waits): a synchronous session waits for it on a private event;
    /// an asynchronous one returns, and its result becomes the completion notification. A send and
    /// a receive of one handle may be pending at once; no thread is started for either.
    fn run<F, Fut>(self: &Arc<Self>, kind: Kind, op: F) -> WinResult<Option<(u32, u32)>>
    where
        F: FnOnce(Arc<WebSocket>) -> Fut + Send + 'static,
        Fut: std::future::Future<Output = WinResult<Done>> + Send + 'static,
    {
        self.notifier.begin_op();
        let ws = self.clone();
        if !self.is_async {
            let r = super::step::run_to_end(op(ws));
            self.end(kind, &r);
            self.notifier.end_op(Deliver::Inline);
            return r.map(|d| match d {
                Done::Sent(n, t) | Done::Received(n, t) => Some((n, t)),
                Done::Closed | Done::Shut => Some((0, 0)),
            });
        }
        super::step::start(async move {
            let r = op(ws.clone()).await;
            // The completion is queued while the operation still counts as pending under the state
            // lock: a callback starting the next receive never finds this one pending, and a close
            // waiting for a cancelled receive queues its CLOSE_COMPLETE after the receive's error.
            let mut st = ws.state.lock();
            ws.end_locked(&mut st, kind, &r);
            ws.complete(kind, r);
            drop(st);
        });
        Ok(None)
    }

    /// Clears the operation's busy flag; a failed transfer breaks the socket for good.
    fn end(&self, kind: Kind, r: &WinResult<Done>) {
        let mut st = self.state.lock();
        self.end_locked(&mut st, kind, r);
    }

    fn end_locked(&self, st: &mut WsState, kind: Kind, r: &WinResult<Done>) {
        match kind {
            Kind::Send => st.send_busy = false,
            Kind::Receive => {
                st.recv_busy = false;
                st.recv_cancel = false;
            }
            Kind::Close | Kind::Shutdown => st.close_busy = false,
        }
        if let Err(e) = r {
            // A cancelled receive leaves the connection usable for the close that cancelled it.
            let cancelled_by_close = *e == ERROR_WINHTTP_OPERATION_CANCELLED && !self.closed.load(Ordering::Acquire);
            if !cancelled_by_close && st.broken.is_none() && *e != ERROR_INVALID_OPERATION {
                st.broken = Some(*e);
            }
        }
    }

    fn complete(self: &Arc<Self>, kind: Kind, r: WinResult<Done>) {
        let (status, info) = match r {
            Ok(Done::Sent(n, t)) => (WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, Info::Raw(ws_status(n, t))),
            Ok(Done::Received(n, t)) => (WINHTTP_CALLBACK_STATUS_READ_COMPLETE, Info::Raw(ws_status(n, t))),
            Ok(Done::Closed) => (WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE, Info::None),
            Ok(Done::Shut) => (WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE, Info::None),
            Err(e) => {
                // WINHTTP_WEB_SOCKET_ASYNC_RESULT { { DWORD_PTR dwResult = 0; DWORD dwError; } Operation }.
                let mut b = vec![0u8; 24];
                b[8..12].copy_from_slice(&e.0.to_ne_bytes());
                b[16..20].copy_from_slice(&kind.operation().to_ne_bytes());
                (WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, Info::Raw(b))
            }
        };
        self.notifier.complete_op(status, info, self.context.load(Ordering::Relaxed), Deliver::Pool);
    }

    /// Writes one whole frame (masked); frames never interleave (`write_turn`), and the connection
    /// is locked only for each non-blocking try, so a receive goes on meanwhile.
    async fn write_frame(&self, opcode: u8, fin: bool, data: &[u8]) -> WinResult<()> {
        let key = mask_key();
        // Head and masked payload in one buffer: one allocation and one copy per frame.
        let mut frame = frame_header(opcode, fin, data.len(), key);
        let at = frame.len();
        frame.extend_from_slice(data);
        mask(&mut frame[at..], key);
        let turn = self.write_turn.lock().await;
        self.write_whole(&frame, turn).await
    }

    /// The keep-alive frame (an empty unsolicited pong), unless our close frame went out: checked in
    /// the write turn, so it never follows the close frame.
    async fn send_keepalive(&self) -> WinResult<()> {
        let frame = frame_header(OP_PONG, true, 0, mask_key());
        let turn = self.write_turn.lock().await;
        if self.state.lock().sent_close {
            return Err(ERROR_INVALID_OPERATION);
        }
        // A frame that went out while this one waited for the turn already kept the connection alive.
        let every = self.keepalive_ms.load(Ordering::Acquire) as u64;
        if every == 0 || self.last_sent.load(Ordering::Acquire) + every > now_ms() {
            return Ok(());
        }
        self.write_whole(&frame, turn).await
    }

    /// Writes one whole frame in the write turn `_turn`; the connection is locked only for each
    /// non-blocking try. Counts as the last frame sent for the keep-alive.
    async fn write_whole(&self, frame: &[u8], _turn: tokio::sync::MutexGuard<'_, ()>) -> WinResult<()> {
        if self.closed.load(Ordering::Acquire) {
            return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
        }
        self.last_sent.store(now_ms(), Ordering::Release);
        let parts: [&[u8]; 1] = [frame];
        let mut done = 0usize;
        let mut guard = None;
        loop {
            let r = self.conn.lock().try_send(&parts, &mut done);
            match r {
                Ok(true) => return Ok(()),
                Ok(false) => {
                    if let Some(g) = guard.take() {
                        ReadyGuard::clear(g);
                    }
                }
                Err(_) => return Err(self.cancelled_or(ERROR_WINHTTP_CONNECTION_ERROR)),
            }
            guard = Some(self.ready.wait(Interest::Write, self.send_timeout).await.map_err(|e| self.cancelled_or(e))?);
        }
    }

    /// Reads more bytes into the connection's buffer (0 = the peer closed TCP), waiting for the
    /// socket without holding the connection. `cancellable`: a close ends the wait
    /// (`ERROR_WINHTTP_OPERATION_CANCELLED`).
    async fn fill(&self, cancellable: bool) -> WinResult<usize> {
        let mut guard = None;
        loop {
            let r = self.conn.lock().try_fill();
            match r {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if let Some(g) = guard.take() {
                        ReadyGuard::clear(g);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => return Err(ERROR_WINHTTP_SECURE_FAILURE),
                Err(_) => return Err(self.cancelled_or(ERROR_WINHTTP_CONNECTION_ERROR)),
            }
            if cancellable {
                let woken = self.recv_wake.notified();
                tokio::pin!(woken);
                woken.as_mut().enable();
                if self.recv_cancelled() {
                    return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
                }
                tokio::select! {
                    g = self.ready.wait(Interest::Read, 0) => guard = Some(g.map_err(|e| self.cancelled_or(e))?),
                    _ = &mut woken => {}
                }
                if self.recv_cancelled() {
                    return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
                }
            } else {
                guard = Some(self.ready.wait(Interest::Read, 0).await.map_err(|e| self.cancelled_or(e))?);
            }
        }
    }

    /// A close asked the pending receive to end, or the handle was closed.
    fn recv_cancelled(&self) -> bool {
        if self.closed.load(Ordering::Acquire) {
            return true;
        }
        let st = self.state.lock();
        st.recv_cancel && st.recv_busy
    }

    fn cancelled_or(&self, e: Win32Error) -> Win32Error {
        if self.closed.load(Ordering::Acquire) {
            ERROR_WINHTTP_OPERATION_CANCELLED
        } else {
            e
        }
    }

    /// Reads the next piece of message data into `out` (at most one frame's worth), answering pings
    /// on the way; `(0, CLOSE_BUFFER_TYPE)` when the peer's close frame arrives. The connection is
    /// locked only to parse what is buffered; waits for data and pongs run without it.
    /// `cancellable`: a receive that a close may end (the close's own read is not).
    async fn read_frame_data(&self, out: &mut [u8], cancellable: bool) -> WinResult<(u32, u32)> {
        let mut got = 0usize;
        loop {
            if self.closed.load(Ordering::Acquire) || cancellable && self.recv_cancelled() {
                return Err(ERROR_WINHTTP_OPERATION_CANCELLED);
            }
            let parsed = self.parse_buffered(out, &mut got)?;
            match parsed {
                Parsed::Piece(n, t) => return Ok((n, t)),
                Parsed::Ping(payload) => {
                    // RFC 6455 section 5.5.2: answer with the same payload (not after our own close).
                    let sent_close = self.state.lock().sent_close;
                    if !sent_close {
                        self.write_frame(OP_PONG, true, &payload).await?;
                    }
                }
                Parsed::More => {
                    if self.fill(cancellable).await? == 0 {
                        // The peer closed TCP without a close frame.
                        return Err(self.cancelled_or(ERROR_WINHTTP_CONNECTION_ERROR));
                    }
                }
            }
        }
    }

    /// One parsing pass over the buffered bytes, under the connection and state locks (no wait).
    fn parse_buffered(&self, out: &mut [u8], got: &mut usize) -> WinResult<Parsed> {
        let mut conn = self.conn.lock();
        let mut st = self.state.lock();
        loop {
            if st.in_frame {
                let left = st.in_left.min(usize::MAX as u64) as usize;
                let avail = conn.buffered().len().min(left).min(out.len() - *got);
                out[*got..*got + avail].copy_from_slice(&conn.buffered()[..avail]);
                conn.consume(avail);
                *got += avail;
                st.in_left -= avail as u64;
                let text = st.in_text == Some(true);
                if st.in_left == 0 {
                    st.in_frame = false;
                    let last = st.in_fin;
                    if last {
                        st.in_text = None;
                    }
                    return Ok(Parsed::Piece(*got as u32, data_type(text, last)));
                }
                if *got > 0 {
                    // The buffer is full, or this is what has arrived: the rest follows as the next
                    // piece of the same message.
                    return Ok(Parsed::Piece(*got as u32, data_type(text, false)));
                }
                return Ok(Parsed::More);
            }
            let Some(h) = parse_head(conn.buffered())? else { return Ok(Parsed::More) };
            if h.opcode >= OP_CLOSE {
                let total = h.size + h.len as usize;
                if conn.buffered().len() < total {
                    return Ok(Parsed::More);
                }
                let payload = conn.buffered()[h.size..total].to_vec();
                conn.consume(total);
                match h.opcode {
                    OP_PING => return Ok(Parsed::Ping(payload)),
                    OP_PONG => continue,
                    _ => {
                        let (code, reason) = match payload.len() {
                            0 => (EMPTY_CLOSE_STATUS, Vec::new()),
                            1 => return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE),
                            _ => (u16::from_be_bytes([payload[0], payload[1]]), payload[2..].to_vec()),
                        };
                        st.peer_close = Some((code, reason));
                        return Ok(Parsed::Piece(0, WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE));
                    }
                }
            }
            let text = match (h.opcode, st.in_text) {
                (OP_CONT, Some(t)) => t,
                (OP_TEXT, None) => true,
                (OP_BINARY, None) => false,
                // A continuation with no message, or a new message inside one.
                _ => return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE),
            };
            conn.consume(h.size);
            st.in_text = Some(text);
            st.in_fin = h.fin;
            st.in_left = h.len;
            st.in_frame = h.len > 0;
            if h.len == 0 {
                if h.fin {
                    st.in_text = None;
                }
                return Ok(Parsed::Piece(0, data_type(text, h.fin)));
            }
        }
    }
}

/// What one parsing pass found.
enum Parsed {
    /// A piece of message data (bytes, buffer type), or the close frame.
    Piece(u32, u32),
    /// A ping to answer.
    Ping(Vec<u8>),
    /// More bytes are needed.
    More,
}

fn data_type(text: bool, last: bool) -> u32 {
    match (text, last) {
        (false, true) => WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE,
        (false, false) => WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE,
        (true, true) => WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE,
        (true, false) => WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE,
    }
}

/// `WINHTTP_WEB_SOCKET_STATUS { DWORD dwBytesTransferred; WINHTTP_WEB_SOCKET_BUFFER_TYPE eBufferType; }`.
fn ws_status(n: u32, t: u32) -> Vec<u8> {
    let mut b = Vec::with_capacity(8);
    b.extend_from_slice(&n.to_ne_bytes());
    b.extend_from_slice(&t.to_ne_bytes());
    b
}

/// The close/shutdown argument rules: at most 123 reason bytes, a status that may be sent, and no
/// reason without a status.
fn check_close_args(status: u16, reason: &[u8]) -> WinResult<()> {
    if reason.len() > WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH || !valid_close_status(status) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if status == EMPTY_CLOSE_STATUS && !reason.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(())
}

fn close_payload(status: u16, reason: &[u8]) -> Vec<u8> {
    if status == EMPTY_CLOSE_STATUS {
        return Vec::new();
    }
    let mut p = status.to_be_bytes().to_vec();
    p.extend_from_slice(reason);
    p
}

/// The WebSocket object behind a handle: wrong kind -> `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
pub fn lookup(h: RawHandle) -> WinResult<Arc<WebSocket>> {
    super::api::lookup::<WebSocket>(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_matches_rfc6455_example() {
        assert_eq!(accept_for("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    #[test]
    fn headers_parse_all_length_forms() {
        assert_eq!(parse_head(&[0x81, 5]).unwrap(), Some(Head { fin: true, opcode: 1, len: 5, size: 2 }));
        assert_eq!(parse_head(&[0x02, 126, 1, 0]).unwrap(), Some(Head { fin: false, opcode: 2, len: 256, size: 4 }));
        assert_eq!(
            parse_head(&[0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]).unwrap(),
            Some(Head { fin: true, opcode: 2, len: 65536, size: 10 })
        );
        assert_eq!(parse_head(&[0x82, 127, 0]).unwrap(), None);
        assert!(parse_head(&[0x81, 0x85]).is_err(), "masked server frame");
        assert!(parse_head(&[0x09, 0]).is_err(), "fragmented ping");
        assert!(parse_head(&[0xC1, 0]).is_err(), "RSV1 without extension");
    }

    #[test]
    fn client_headers_are_masked_with_the_right_length_form() {
        let k = [1, 2, 3, 4];
        assert_eq!(frame_header(1, true, 5, k), vec![0x81, 0x85, 1, 2, 3, 4]);
        assert_eq!(frame_header(2, false, 300, k)[..4], [0x02, 0xFE, 1, 44]);
        assert_eq!(frame_header(2, true, 70000, k)[1], 0xFF);
        let mut d = *b"abcd";
        mask(&mut d, k);
        mask(&mut d, k);
        assert_eq!(&d, b"abcd");
        // Word-wise masking equals byte-wise at every length around the word size.
        for len in 0..40 {
            let plain: Vec<u8> = (0..len as u8).map(|b| b.wrapping_mul(37)).collect();
            let mut fast = plain.clone();
            mask(&mut fast, k);
            let slow: Vec<u8> = plain.iter().enumerate().map(|(i, b)| b ^ k[i & 3]).collect();
            assert_eq!(fast, slow, "length {len}");
        }
        assert_ne!(mask_key(), mask_key(), "keys differ");
    }
}
