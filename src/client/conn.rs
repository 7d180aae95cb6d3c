//! One client connection: a non-blocking TCP socket (optionally wrapped in rustls) and its read buffer.
//!
//! Performance shape (DESIGN.md section 9): every read and write is first tried at once without
//! blocking (on the calling thread when a step runs its first poll there, see `step.rs`); only when
//! the socket is not ready does the operation wait, on the runtime's reactor, bounded by the WinHTTP
//! timeout of that step. Nothing here blocks a thread.
use crate::win32::error::*;
use std::io::{self, Read, Write};
use std::net::IpAddr;
use std::net::{SocketAddr, TcpStream};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::unix::AsyncFd;

/// Read buffer size: one socket read fills at most this much.
const READ_CHUNK: usize = 64 * 1024;

/// Which way a wait is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Interest {
    Read,
    Write,
}

/// The steps of opening a connection, reported for the status callback (RESOLVING_NAME,
/// NAME_RESOLVED, CONNECTING_TO_SERVER, CONNECTED_TO_SERVER, in Windows' order).
#[derive(Clone, Copy, Debug)]
pub enum ConnEvent<'a> {
    Resolving(&'a str),
    Resolved(IpAddr),
    Connecting(IpAddr),
    Connected(IpAddr),
}

/// The socket descriptor as the reactor sees it (the `TcpStream` keeps ownership).
pub struct FdRef(RawFd);

impl AsRawFd for FdRef {
    fn as_raw_fd(&self) -> RawFd {
        self.0
    }
}

/// Why an I/O attempt loop ended without a result.
enum IoFail {
    /// The wait failed (timeout): already a WinHTTP code.
    Wait(Win32Error),
    Io(io::Error),
}

/// Bounds a runtime wait by a WinHTTP timeout (0 = none).
pub(super) async fn within<F: std::future::Future>(timeout_ms: u32, fut: F) -> WinResult<F::Output> {
    if timeout_ms == 0 {
        return Ok(fut.await);
    }
    tokio::time::timeout(Duration::from_millis(timeout_ms as u64), fut).await.map_err(|_| ERROR_WINHTTP_TIMEOUT)
}

/// Writes to the socket with `MSG_NOSIGNAL`: a peer that is gone (or our own shutdown by
/// `WinHttpCloseHandle`) must be an error, never a SIGPIPE that kills the C program.
struct NoSigPipe<'a>(&'a TcpStream);

impl Write for NoSigPipe<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // SAFETY: send on our socket from a valid buffer of buf.len() bytes.
        let n = unsafe {
            libc::send(self.0.as_raw_fd(), buf.as_ptr() as *const libc::c_void, buf.len(), libc::MSG_NOSIGNAL)
        };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(n as usize)
    }
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        // SAFETY: `msghdr` is plain C data; all-zero is a valid empty value.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = bufs.as_ptr() as *mut libc::iovec;
        msg.msg_iovlen = bufs.len().min(1024) as _;
        // SAFETY: `msg` points at `bufs` (IoSlice is ABI-compatible with iovec), alive for this call; the fd is ours.
        let n = unsafe { libc::sendmsg(self.0.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(n as usize)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Timeouts in milliseconds (0 = none), as `WinHttpSetTimeouts` sets them.
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub resolve: u32,
    pub connect: u32,
    pub send: u32,
    pub receive: u32,
    pub receive_response: u32,
    /// `WINHTTP_OPTION_CONNECT_RETRIES`: connection attempts over the resolved addresses.
    pub connect_retries: u32,
}

impl Timeouts {
    /// How long to wait for a response head: `WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT` when set, else the
    /// receive timeout.
    pub fn response_wait(&self) -> u32 {
        if self.receive_response == u32::MAX {
            self.receive
        } else {
            self.receive_response
        }
    }
}

impl Default for Timeouts {
    /// WinHTTP's defaults: resolve infinite, connect 60 s, send 30 s, receive 30 s, receive-response
    /// not set (`~0u`, as Windows reports it).
    fn default() -> Self {
        Timeouts {
            resolve: 0,
            connect: 60_000,
            send: 30_000,
            receive: 30_000,
            // Not set: the head waits under the receive timeout (Windows reports ~0u until set).
            receive_response: u32::MAX,
            connect_retries: 5,
        }
    }
}

/// TLS settings of one connection attempt.
pub struct TlsSetup {
    pub config: Arc<rustls::ClientConfig>,
    pub server_name: rustls::pki_types::ServerName<'static>,
}

/// A connection to one origin (or proxy).
pub struct Conn {
    /// The reactor registration; declared before `sock` so it is dropped (and deregistered) before
    /// the socket closes.
    reactor: Arc<AsyncFd<FdRef>>,
    /// The client reactor `reactor` is registered with (`reactor.rs`; 0: the shared runtime).
    bound: u64,
    sock: TcpStream,
    tls: Option<Box<rustls::ClientConnection>>,
    rbuf: Vec<u8>,
    rpos: usize,
    rend: usize,
    /// Set once the connection has carried a request (a reused connection may be stale).
    pub reused: bool,
    pub peer: SocketAddr,
    /// What the connection is (`link.rs`), worked out on first use.
    link: Option<Arc<super::link::Link>>,
}

fn io_error(e: &io::Error) -> Win32Error {
    match e.kind() {
        io::ErrorKind::TimedOut => ERROR_WINHTTP_TIMEOUT,
        _ => ERROR_WINHTTP_CONNECTION_ERROR,
    }
}

/// Resolves `host:port` on the runtime (`ERROR_WINHTTP_NAME_NOT_RESOLVED` when the name does not
/// resolve), within `timeout_ms` (0 = no limit; `ERROR_WINHTTP_TIMEOUT` past it).
async fn resolve(host: &str, port: u16, timeout_ms: u32) -> WinResult<Vec<SocketAddr>> {
    let h = host.trim_start_matches('[').trim_end_matches(']').to_string();
    let found = within(timeout_ms, tokio::net::lookup_host((h, port))).await?;
    let addrs: Vec<SocketAddr> = found.map_err(|_| ERROR_WINHTTP_NAME_NOT_RESOLVED)?.collect();
    if addrs.is_empty() {
        return Err(ERROR_WINHTTP_NAME_NOT_RESOLVED);
    }
    Ok(addrs)
}

impl Conn {
    /// Resolves and connects (each address in turn), then runs the TLS handshake when asked,
    /// reporting each step to `events` (the status callback's order).
    pub async fn open(
        host: &str,
        port: u16,
        timeouts: &Timeouts,
        tls: Option<TlsSetup>,
        events: &mut (dyn FnMut(ConnEvent<'_>) + Send),
    ) -> WinResult<Conn> {
        events(ConnEvent::Resolving(host));
        let addrs = resolve(host, port, timeouts.resolve).await?;
        events(ConnEvent::Resolved(addrs[0].ip()));
        let mut last = ERROR_WINHTTP_CANNOT_CONNECT;
        let mut sock = None;
        // WINHTTP_OPTION_CONNECT_RETRIES: every address once, then further rounds (a short pause
        // apart) until that many attempts were made or the connect timeout has passed.
        let attempts = (timeouts.connect_retries.max(1) as usize).max(addrs.len());
        let start = tokio::time::Instant::now();
        for (i, a) in addrs.iter().cycle().take(attempts).enumerate() {
            if i > 0 && i % addrs.len() == 0 {
                if timeouts.connect != 0 && start.elapsed() >= Duration::from_millis(timeouts.connect as u64) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            events(ConnEvent::Connecting(a.ip()));
            let r = match within(timeouts.connect, tokio::net::TcpStream::connect(a)).await {
                Ok(r) => r.and_then(|s| s.into_std()),
                Err(e) => Err(io::Error::new(io::ErrorKind::TimedOut, format!("{e:?}"))),
            };
            match r {
                Ok(s) => {
                    sock = Some((s, *a));
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::TimedOut || e.kind() == io::ErrorKind::WouldBlock => {
                    last = ERROR_WINHTTP_TIMEOUT
                }
                Err(_) => last = ERROR_WINHTTP_CANNOT_CONNECT,
            }
        }
        let (sock, peer) = sock.ok_or(last)?;
        events(ConnEvent::Connected(peer.ip()));
        sock.set_nonblocking(true).map_err(|_| ERROR_WINHTTP_CANNOT_CONNECT)?;
        let _ = sock.set_nodelay(true);
        let reactor = register(&sock).map_err(|_| ERROR_WINHTTP_CANNOT_CONNECT)?;
        let bound = super::reactor::current_id();
        let mut conn = Conn {
            reactor,
            bound,
            sock,
            tls: None,
            rbuf: vec![0; READ_CHUNK],
            rpos: 0,
            rend: 0,
            reused: false,
            peer,
            link: None,
        };
        if let Some(t) = tls {
            let c = rustls::ClientConnection::new(t.config, t.server_name).map_err(|_| ERROR_WINHTTP_SECURE_FAILURE)?;
            conn.tls = Some(Box::new(c));
            conn.handshake(timeouts).await?;
        }
        Ok(conn)
    }

    /// The client reactor the socket is registered with (`reactor::current_id` numbering).
    pub fn bound(&self) -> u64 {
        self.bound
    }

    /// Registers the socket with the reactor this thread polls in, when it is registered with
    /// another one (a pooled connection taken by a request of another thread or mode). Only a
    /// connection that is about to wait pays for it.
    pub fn bind(&mut self) -> io::Result<()> {
        let here = super::reactor::current_id();
        if self.bound != here {
            // The new registration replaces the old one, which leaves its reactor as it drops.
            self.reactor = register(&self.sock)?;
            self.bound = here;
        }
        Ok(())
    }

    /// Tries `op` until it does not report `WouldBlock`, waiting for `interest` between tries on the
    /// reactor (whose readiness is cleared only by a try that would block, so no wake-up is lost).
    async fn io<R>(
        &mut self,
        interest: Interest,
        timeout_ms: u32,
        mut op: impl FnMut(&mut Conn) -> io::Result<R>,
    ) -> Result<R, IoFail> {
        loop {
            match op(self) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r.map_err(IoFail::Io),
            }
            self.bind().map_err(IoFail::Io)?;
            let afd = self.reactor.clone();
            loop {
                let mut guard = match interest {
                    Interest::Read => within(timeout_ms, afd.readable()).await,
                    Interest::Write => within(timeout_ms, afd.writable()).await,
                }
                .map_err(IoFail::Wait)?
                .map_err(|_| IoFail::Wait(ERROR_WINHTTP_CONNECTION_ERROR))?;
                match guard.try_io(|_| op(self)) {
                    Ok(Err(e)) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Ok(r) => return r.map_err(IoFail::Io),
                    Err(_would_block) => continue,
                }
            }
        }
    }

    /// Starts TLS on an open connection (the CONNECT tunnel of `tunnel.rs`).
    pub async fn start_tls(&mut self, t: TlsSetup, timeouts: &Timeouts) -> WinResult<()> {
        let c = rustls::ClientConnection::new(t.config, t.server_name).map_err(|_| ERROR_WINHTTP_SECURE_FAILURE)?;
        self.tls = Some(Box::new(c));
        self.link = None;
        self.handshake(timeouts).await
    }

    /// What this connection is: its addresses and TLS facts (`link.rs`), worked out once.
    pub fn link(&mut self) -> Arc<super::link::Link> {
        if let Some(l) = &self.link {
            return l.clone();
        }
        let l = Arc::new(super::link::Link::of(&self.sock, self.peer, self.tls.as_deref()));
        self.link = Some(l.clone());
        l
    }

    pub fn fd(&self) -> i32 {
        self.sock.as_raw_fd()
    }

    pub fn is_secure(&self) -> bool {
        self.tls.is_some()
    }

    async fn handshake(&mut self, timeouts: &Timeouts) -> WinResult<()> {
        loop {
            let tls = self.tls.as_mut().expect("TLS connection");
            if !tls.is_handshaking() && !tls.wants_write() {
                return Ok(());
            }
            if tls.wants_write() {
                match self
                    .io(Interest::Write, timeouts.send, |c| {
                        c.tls.as_mut().expect("TLS").write_tls(&mut NoSigPipe(&c.sock))
                    })
                    .await
                {
                    Ok(_) => continue,
                    Err(IoFail::Wait(e)) => return Err(e),
                    Err(IoFail::Io(_)) => return Err(ERROR_WINHTTP_SECURE_FAILURE),
                }
            }
            match self
                .io(Interest::Read, timeouts.receive, |c| c.tls.as_mut().expect("TLS").read_tls(&mut c.sock))
                .await
            {
                Ok(0) => return Err(ERROR_WINHTTP_SECURE_FAILURE),
                Ok(_) => {
                    let tls = self.tls.as_mut().expect("TLS connection");
                    // The certificate check runs inside this call and a failure is reported from the
                    // same poll, so the per-thread failure record is exact even for runtime tasks.
                    super::tls::reset_failure_flags();
                    if let Err(e) = tls.process_new_packets() {
                        // Send the alert before giving up, so the server sees why.
                        let _ = tls.write_tls(&mut NoSigPipe(&self.sock));
                        return Err(super::tls::map_error(&e));
                    }
                    // A server asked for a certificate and the request never set
                    // WINHTTP_OPTION_CLIENT_CERT_CONTEXT: the connection is given up before the client's
                    // answer goes out (nothing of it is used), the program decides and sends again.
                    if super::tls::take_cert_asked() {
                        return Err(ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED);
                    }
                }
                Err(IoFail::Wait(e)) => return Err(e),
                Err(IoFail::Io(_)) => return Err(ERROR_WINHTTP_SECURE_FAILURE),
            }
        }
    }

    /// Bytes already read from the socket and not consumed yet.
    pub fn buffered(&self) -> &[u8] {
        &self.rbuf[self.rpos..self.rend]
    }

    /// Marks `n` buffered bytes consumed.
    pub fn consume(&mut self, n: usize) {
        self.rpos += n;
        debug_assert!(self.rpos <= self.rend);
        if self.rpos == self.rend {
            self.rpos = 0;
            self.rend = 0;
        }
    }

    /// One non-blocking read attempt into `buf` (plain or through TLS).
    fn try_read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(tls) = self.tls.as_mut() else {
            return (&self.sock).read(buf);
        };
        loop {
            match tls.reader().read(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                // A peer that closes without close_notify: treat as end of stream, the framing decides.
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(0),
                Err(e) => return Err(e),
            }
            match tls.read_tls(&mut self.sock)? {
                0 => return Ok(0),
                _ => {
                    tls.process_new_packets().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                }
            }
        }
    }

    /// Reads at least one byte into `buf` (0 = the peer closed), waiting up to `timeout_ms` per wait.
    pub async fn read_some(&mut self, buf: &mut [u8], timeout_ms: u32) -> WinResult<usize> {
        match self.io(Interest::Read, timeout_ms, |c| c.try_read(buf)).await {
            Ok(n) => Ok(n),
            Err(IoFail::Wait(e)) => Err(e),
            Err(IoFail::Io(e)) if e.kind() == io::ErrorKind::InvalidData => Err(ERROR_WINHTTP_SECURE_FAILURE),
            Err(IoFail::Io(e)) => Err(io_error(&e)),
        }
    }

    /// Makes room at the end of the read buffer (compacting, or growing a full one).
    fn make_room(&mut self) {
        if self.rpos > 0 && self.rpos == self.rend {
            self.rpos = 0;
            self.rend = 0;
        }
        if self.rend == self.rbuf.len() {
            if self.rpos > 0 {
                self.rbuf.copy_within(self.rpos..self.rend, 0);
                self.rend -= self.rpos;
                self.rpos = 0;
            } else {
                let n = self.rbuf.len();
                self.rbuf.resize(n * 2, 0);
            }
        }
    }

    /// One non-blocking read into the read buffer (`WouldBlock` when nothing is there); 0 = the
    /// peer closed.
    pub fn try_fill(&mut self) -> io::Result<usize> {
        self.make_room();
        let mut tmp = std::mem::take(&mut self.rbuf);
        let r = self.try_read(&mut tmp[self.rend..]);
        self.rbuf = tmp;
        let n = r?;
        self.rend += n;
        Ok(n)
    }

    /// Reads more bytes into the read buffer; returns how many (0 = the peer closed).
    pub async fn fill(&mut self, timeout_ms: u32) -> WinResult<usize> {
        self.make_room();
        let mut tmp = std::mem::take(&mut self.rbuf);
        let r = self.read_some(&mut tmp[self.rend..], timeout_ms).await;
        self.rbuf = tmp;
        let n = r?;
        self.rend += n;
        Ok(n)
    }

    /// Non-blocking send of `parts` from byte `*done` on (counted over all parts): Ok(true) once all
    /// of it is on the wire (through TLS: encrypted and written), Ok(false) when the socket would
    /// block first. For callers that wait without holding the connection ([`Readiness`]).
    pub fn try_send(&mut self, parts: &[&[u8]], done: &mut usize) -> io::Result<bool> {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        loop {
            if let Some(tls) = self.tls.as_mut() {
                // Plaintext into rustls as far as its buffer takes it, then records to the socket.
                let (mut idx, mut off) = locate(parts, *done);
                while idx < parts.len() {
                    let n = tls.writer().write(&parts[idx][off..])?;
                    if n == 0 {
                        break;
                    }
                    *done += n;
                    (idx, off) = locate(parts, *done);
                }
                while tls.wants_write() {
                    match tls.write_tls(&mut NoSigPipe(&self.sock)) {
                        Ok(_) => {}
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                }
                if *done == total {
                    return Ok(true);
                }
                continue;
            }
            if *done == total {
                return Ok(true);
            }
            let (idx, off) = locate(parts, *done);
            let mut iov: Vec<io::IoSlice> = Vec::with_capacity(parts.len() - idx);
            iov.push(io::IoSlice::new(&parts[idx][off..]));
            iov.extend(parts[idx + 1..].iter().filter(|p| !p.is_empty()).map(|p| io::IoSlice::new(p)));
            match NoSigPipe(&self.sock).write_vectored(&iov) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => *done += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The socket's reactor registration, to wait for it without holding the connection.
    pub fn readiness(&self) -> Readiness {
        Readiness(self.reactor.clone())
    }

    /// Writes every byte of `parts`, in order, gathering them into one `writev` while the socket takes
    /// them (head and first body bytes leave in one segment).
    pub async fn write_all(&mut self, parts: &[&[u8]], timeout_ms: u32) -> WinResult<()> {
        if self.tls.is_some() {
            for p in parts {
                self.tls_write(p, timeout_ms).await?;
            }
            return Ok(());
        }
        let mut idx = 0;
        let mut off = 0;
        while idx < parts.len() {
            if parts[idx].len() == off {
                idx += 1;
                off = 0;
                continue;
            }
            let mut iov: Vec<io::IoSlice> = Vec::with_capacity(parts.len() - idx);
            iov.push(io::IoSlice::new(&parts[idx][off..]));
            for p in &parts[idx + 1..] {
                if !p.is_empty() {
                    iov.push(io::IoSlice::new(p));
                }
            }
            match self.io(Interest::Write, timeout_ms, |c| NoSigPipe(&c.sock).write_vectored(&iov)).await {
                Ok(0) => return Err(ERROR_WINHTTP_CONNECTION_ERROR),
                Ok(mut n) => {
                    while n > 0 {
                        let left = parts[idx].len() - off;
                        if n >= left {
                            n -= left;
                            idx += 1;
                            off = 0;
                            while idx < parts.len() && parts[idx].is_empty() {
                                idx += 1;
                            }
                        } else {
                            off += n;
                            n = 0;
                        }
                    }
                }
                Err(IoFail::Wait(e)) => return Err(e),
                Err(IoFail::Io(e)) => return Err(io_error(&e)),
            }
        }
        Ok(())
    }

    async fn tls_write(&mut self, mut data: &[u8], timeout_ms: u32) -> WinResult<()> {
        loop {
            let tls = self.tls.as_mut().expect("TLS connection");
            if !data.is_empty() {
                let n = tls.writer().write(data).map_err(|_| ERROR_WINHTTP_CONNECTION_ERROR)?;
                data = &data[n..];
            }
            if !tls.wants_write() {
                if data.is_empty() {
                    return Ok(());
                }
                continue;
            }
            match self
                .io(Interest::Write, timeout_ms, |c| c.tls.as_mut().expect("TLS").write_tls(&mut NoSigPipe(&c.sock)))
                .await
            {
                Ok(_) => {}
                Err(IoFail::Wait(e)) => return Err(e),
                Err(IoFail::Io(e)) => return Err(io_error(&e)),
            }
        }
    }

    /// Whether an idle pooled connection is still usable: nothing may be readable on it (data or EOF
    /// both mean the server has moved on).
    pub fn is_idle_usable(&self) -> bool {
        if self.rend > self.rpos {
            return false;
        }
        let mut p = libc::pollfd { fd: self.fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd on the stack; zero timeout.
        let r = unsafe { libc::poll(&mut p, 1, 0) };
        r == 0
    }

    /// Whether the TLS handshake chose `h2` by ALPN (`client::h2`).
    pub fn alpn_is_h2(&self) -> bool {
        self.tls.as_ref().and_then(|t| t.alpn_protocol()) == Some(b"h2".as_slice())
    }

    /// The socket and its TLS session, for a connection that leaves this type (HTTP/2 runs on them
    /// as an async stream, `client::h2::io`). None without TLS or with plaintext already buffered.
    pub fn into_tls(self) -> Option<(TcpStream, Box<rustls::ClientConnection>)> {
        if self.rend > self.rpos {
            return None;
        }
        let Conn { reactor, sock, tls, .. } = self;
        // Deregistered before the socket moves on.
        drop(reactor);
        Some((sock, tls?))
    }

    /// Shuts the socket down both ways (wakes any wait on it).
    pub fn shutdown(&self) {
        let _ = self.sock.shutdown(std::net::Shutdown::Both);
    }
}

/// The socket's registration with the reactor of this thread's context.
fn register(sock: &TcpStream) -> io::Result<Arc<AsyncFd<FdRef>>> {
    let both = tokio::io::Interest::READABLE | tokio::io::Interest::WRITABLE;
    // SAFETY: the descriptor stays open while the registration lives: `reactor` is declared before
    // `sock` in `Conn`, so it is dropped (deregistered) first, and `bind` replaces it in place.
    Ok(Arc::new(unsafe { AsyncFd::register_with_interest(FdRef(sock.as_raw_fd()), both) }?))
}

/// (part index, offset in it) of byte `at` counted over all of `parts`.
fn locate(parts: &[&[u8]], mut at: usize) -> (usize, usize) {
    for (i, p) in parts.iter().enumerate() {
        if at < p.len() {
            return (i, at);
        }
        at -= p.len();
    }
    (parts.len(), 0)
}

/// A connection's socket as the reactor sees it, waited on without holding the connection: a
/// WebSocket's send and receive share one connection behind a lock taken only for non-blocking
/// tries ([`Conn::try_fill`], [`Conn::try_send`]), and wait here in between.
#[derive(Clone)]
pub struct Readiness(Arc<AsyncFd<FdRef>>);

/// Readiness seen by [`Readiness::wait`]; [`ReadyGuard::clear`] it when the try that followed would
/// block (so the next wait sleeps until the socket is ready again; no wake-up is lost).
pub struct ReadyGuard<'a>(tokio::io::unix::AsyncFdReadyGuard<'a, FdRef>);

impl ReadyGuard<'_> {
    pub fn clear(mut self) {
        self.0.clear_ready();
    }
}

impl Readiness {
    /// Waits until the socket may be ready for `interest`, up to `timeout_ms` (0 = no limit).
    pub async fn wait(&self, interest: Interest, timeout_ms: u32) -> WinResult<ReadyGuard<'_>> {
        let g = match interest {
            Interest::Read => within(timeout_ms, self.0.readable()).await?,
            Interest::Write => within(timeout_ms, self.0.writable()).await?,
        };
        g.map(ReadyGuard).map_err(|_| ERROR_WINHTTP_CONNECTION_ERROR)
    }
}

/// Shuts down a socket by descriptor, to wake a thread blocked on it (`WinHttpCloseHandle` from
/// another thread).
pub fn shutdown_fd(fd: i32) {
    // SAFETY: shutdown on a descriptor the request owns; it does not close or free it.
    unsafe {
        libc::shutdown(fd, libc::SHUT_RDWR);
    }
}
