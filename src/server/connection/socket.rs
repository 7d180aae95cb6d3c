//! The connection's socket: non-blocking reads and writes as plain system calls (no runtime in between),
//! the graceful and the abortive close, and the socket options `HttpQueryRequestProperty` /
//! `HttpSetRequestProperty` read and set (`TCP_INFO`, `SO_RCVBUF`, DSCP). HTTPS connections read and
//! write through TLS on the same socket ([`super::tls_stream`]).
use super::tls_stream::TlsStream;
use super::*;
use crate::server::files::FileRange;
use crate::server::h2::pipe::Pipe;
use std::io::{self, IoSlice};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

/// The socket a connection reads and writes: the client's TCP socket, plain or with TLS on it, or (the
/// streams of an HTTP/2 connection, [`crate::server::h2`]) an in-process pipe to the stream's relay
/// with a duplicate of the client's TCP socket for its options.
pub(super) struct Socket {
    fd: OwnedFd,
    /// HTTP/2 streams: the client's TCP socket (options, `TCP_INFO`); `fd` is the pipe's edge.
    tcp: Option<OwnedFd>,
    /// HTTP/2 streams: the bytes go through this pipe ([`crate::server::h2::pipe`]), not `fd`.
    pipe: Option<Arc<Pipe>>,
    /// HTTPS (HTTP/1.1): the TLS connection on `fd`. Locked by whichever side reads or writes (the input
    /// and output locks are taken before it, never after).
    tls: Option<Box<Mutex<TlsStream>>>,
    /// The peer half-closed or the connection failed (an RDHUP/HUP/ERR edge came): no input edge follows,
    /// so a short read no longer means there is nothing more to read (the end is still to be found).
    hung_up: AtomicBool,
}

/// `recv(2)` through `syscall(2)`, not glibc's `recv`: glibc wraps every cancellation point in two atomic
/// read-modify-writes of the thread's cancellation state (entering and leaving asynchronous
/// cancellation), paid on every request's read. The sockets read here are non-blocking, so the call
/// never waits and a cancellation has nothing to interrupt; `syscall` sets `errno` as `recv` does.
///
/// # Safety
/// As `recv(2)`: `buf` is writable for `len` bytes.
unsafe fn sys_recv(fd: RawFd, buf: *mut libc::c_void, len: usize) -> isize {
    let none = std::ptr::null_mut::<libc::sockaddr>();
    // SAFETY: the arguments are `recv(2)`'s (recvfrom without an address), valid per this function's
    // `# Safety`.
    unsafe {
        libc::syscall(libc::SYS_recvfrom, fd, buf, len, 0, none, std::ptr::null_mut::<libc::socklen_t>()) as isize
    }
}

/// `send(2)` through `syscall(2)` (see [`sys_recv`]: the sends here never wait, `MSG_DONTWAIT`).
///
/// # Safety
/// As `send(2)`: `buf` is readable for `len` bytes.
unsafe fn sys_send(fd: RawFd, buf: *const libc::c_void, len: usize, flags: libc::c_int) -> isize {
    let none = std::ptr::null::<libc::sockaddr>();
    // SAFETY: the arguments are `send(2)`'s (sendto without an address), valid per this function's `# Safety`.
    unsafe { libc::syscall(libc::SYS_sendto, fd, buf, len, flags, none, 0 as libc::socklen_t) as isize }
}

/// `sendmsg(2)` through `syscall(2)` (see [`sys_recv`]: the sends here never wait, `MSG_DONTWAIT`).
///
/// # Safety
/// As `sendmsg(2)`: `msg` and the buffers it points to are valid for the call.
unsafe fn sys_sendmsg(fd: RawFd, msg: *const libc::msghdr, flags: libc::c_int) -> isize {
    // SAFETY: the arguments are `sendmsg(2)`'s, valid per this function's `# Safety`.
    unsafe { libc::syscall(libc::SYS_sendmsg, fd, msg, flags) as isize }
}

fn result(n: isize) -> io::Result<usize> {
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

impl Socket {
    pub fn tcp(s: std::net::TcpStream) -> Socket {
        Socket { fd: s.into(), tcp: None, pipe: None, tls: None, hung_up: AtomicBool::new(false) }
    }

    pub fn tls(s: std::net::TcpStream, conn: rustls::ServerConnection) -> Socket {
        Socket {
            fd: s.into(),
            tcp: None,
            pipe: None,
            tls: Some(Box::new(Mutex::new(TlsStream::new(conn)))),
            hung_up: AtomicBool::new(false),
        }
    }

    /// `edge`: the pipe's `eventfd` (what the epoll sets watch).
    pub fn piped(pipe: Arc<Pipe>, edge: OwnedFd, tcp: OwnedFd) -> Socket {
        Socket { fd: edge, tcp: Some(tcp), pipe: Some(pipe), tls: None, hung_up: AtomicBool::new(false) }
    }

    /// A plain TCP socket (no TLS layer, not an HTTP/2 stream's pipe): nothing is ever held between the
    /// engine's output queue and the socket.
    pub fn is_plain(&self) -> bool {
        self.tls.is_none() && self.pipe.is_none()
    }

    pub fn is_tls(&self) -> bool {
        self.tls.is_some()
    }

    pub fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// The TCP socket (options).
    fn tcp_fd(&self) -> RawFd {
        self.tcp.as_ref().map_or(self.fd(), |t| t.as_raw_fd())
    }

    /// TLS: records wait for the socket (the engine's output is not all written yet).
    pub fn pending(&self) -> bool {
        self.tls.as_ref().is_some_and(|t| t.lock().pending())
    }

    /// TLS: sends the records that wait, as far as the socket takes them; `Ok(true)` when none is left
    /// (always so on a plain socket).
    pub fn flush_pending(&self) -> io::Result<bool> {
        match &self.tls {
            Some(t) => t.lock().flush(self.fd()),
            None => Ok(true),
        }
    }

    /// An epoll event said the peer half-closed or the connection failed: the bytes before that end may
    /// come in the same edge, so reads go on until they find it (TLS reads too, past a short TCP read).
    pub fn hung_up(&self) {
        self.hung_up.store(true, Ordering::Relaxed);
        if let Some(t) = &self.tls {
            t.lock().hang_up();
        }
    }

    /// After a read shorter than asked: whether to read again without waiting for an input edge. Not
    /// usually (the socket is empty), but yes when the peer's end is still to be found: an end edge came
    /// ([`Self::hung_up`]), or TLS found the end behind the bytes it returned.
    pub fn has_more(&self) -> bool {
        self.hung_up.load(Ordering::Relaxed) || self.tls.as_ref().is_some_and(|t| t.lock().ended())
    }

    /// HTTP/2 streams: the pipe to the stream's relay.
    pub fn pipe(&self) -> Option<&Arc<Pipe>> {
        self.pipe.as_ref()
    }

    /// One non-blocking read.
    pub fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(p) = &self.pipe {
            return p.read(buf);
        }
        if let Some(t) = &self.tls {
            let mut at = 0;
            return t.lock().read(self.fd(), buf.len(), |plain| {
                buf[at..at + plain.len()].copy_from_slice(plain);
                at += plain.len();
            });
        }
        loop {
            // recv, not read: a socket's read goes through the VFS first (permission and fsnotify hooks),
            // ~1% of the server's time per request in a perf profile of the hello server.
            // SAFETY: `buf` is writable for its length; the descriptor is ours.
            let r = result(unsafe { sys_recv(self.fd(), buf.as_mut_ptr() as *mut libc::c_void, buf.len()) });
            match r {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r,
            }
        }
    }

    /// One non-blocking read of up to `room` bytes into `v`'s spare capacity (no zeroing first).
    pub fn read_append(&self, v: &mut Vec<u8>, room: usize) -> io::Result<usize> {
        let room = room.min(v.capacity() - v.len());
        if let Some(p) = &self.pipe {
            return p.read_append(v, room);
        }
        if let Some(t) = &self.tls {
            return t.lock().read(self.fd(), room, |plain| v.extend_from_slice(plain));
        }
        loop {
            // SAFETY: the kernel writes at most `room` bytes into the spare capacity, which is allocated;
            // the length grows by exactly what was written.
            let r = result(unsafe { sys_recv(self.fd(), v.as_mut_ptr().add(v.len()) as *mut libc::c_void, room) });
            match r {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Ok(n) => {
                    // SAFETY: `n` bytes past the old length were written by the read above.
                    unsafe { v.set_len(v.len() + n) };
                    return Ok(n);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// One non-blocking send. `MSG_NOSIGNAL`: a peer that left must give an error, not kill the
    /// application with SIGPIPE.
    pub fn send(&self, buf: &[u8]) -> io::Result<usize> {
        if let Some(p) = &self.pipe {
            return p.send(buf);
        }
        if let Some(t) = &self.tls {
            return match t.lock().send_vectored(self.fd(), &[IoSlice::new(buf)]) {
                Ok(0) if !buf.is_empty() => Err(io::Error::from(io::ErrorKind::WouldBlock)),
                r => r,
            };
        }
        loop {
            // SAFETY: `buf` is readable for its length; the descriptor is ours.
            let r = result(unsafe {
                sys_send(
                    self.fd(),
                    buf.as_ptr() as *const libc::c_void,
                    buf.len(),
                    libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT,
                )
            });
            match r {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r,
            }
        }
    }

    /// Non-blocking `sendmsg` of all the pieces, as far as the socket takes them: the bytes written (short
    /// when the socket filled up); an error only when nothing could be written because the socket failed.
    pub fn send_vectored(&self, bufs: &[IoSlice]) -> io::Result<usize> {
        /// Pieces passed to the kernel as they are (well under IOV_MAX).
        const SENDMSG_DIRECT: usize = 64;
        if let Some(p) = &self.pipe {
            return p.send_vectored(bufs);
        }
        if let Some(t) = &self.tls {
            return t.lock().send_vectored(self.fd(), bufs);
        }
        /// Pieces up to this many bytes in all are copied together and sent with one `send`: the kernel's
        /// sendmsg path (copying the msghdr and the iovec array in) costs more than the copy.
        const COALESCE: usize = 512;
        if bufs.len() >= 2 && bufs.len() <= 8 {
            let total: usize = bufs.iter().map(|b| b.len()).sum();
            if total <= COALESCE {
                let mut one = [0u8; COALESCE];
                let mut at = 0;
                for b in bufs {
                    one[at..at + b.len()].copy_from_slice(b);
                    at += b.len();
                }
                return match self.send(&one[..at]) {
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(0),
                    r => r,
                };
            }
        }
        if bufs.len() == 1 {
            return match self.send(&bufs[0]) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(0),
                r => r,
            };
        }
        if !bufs.is_empty() && bufs.len() <= SENDMSG_DIRECT {
            // The usual send (a head and a body): the slices as they are, in one call. A short count
            // means the socket is full, as below.
            // SAFETY: `IoSlice` is ABI-compatible with `iovec` on Unix (std documents it); `bufs` lives
            // for the call and the kernel only reads through `msg_iov`; a zeroed msghdr is valid.
            let n = unsafe {
                let mut msg: libc::msghdr = std::mem::zeroed();
                msg.msg_iov = bufs.as_ptr() as *mut libc::iovec;
                msg.msg_iovlen = bufs.len() as _;
                sys_sendmsg(self.fd(), &msg, libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT)
            };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::WouldBlock => return Ok(0),
                io::ErrorKind::Interrupted => {}
                _ => return Err(e),
            }
        }
        let mut total = 0usize;
        let mut start = 0usize;
        let mut skip = 0usize;
        // Few pieces a response (head, body): a small array, cleared cheaply every call.
        let mut iov: [libc::iovec; 16] = [libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }; 16];
        while start < bufs.len() {
            let n_iov = (bufs.len() - start).min(iov.len());
            for (slot, b) in iov.iter_mut().zip(&bufs[start..start + n_iov]) {
                *slot = libc::iovec { iov_base: b.as_ptr() as *mut libc::c_void, iov_len: b.len() };
            }
            if skip > 0 {
                iov[0].iov_base = (iov[0].iov_base as usize + skip) as *mut libc::c_void;
                iov[0].iov_len -= skip;
            }
            let asked: usize = iov[..n_iov].iter().map(|v| v.iov_len).sum();
            // SAFETY: a zeroed msghdr is valid; the iovecs point into live slices for the call.
            let n = unsafe {
                let mut msg: libc::msghdr = std::mem::zeroed();
                msg.msg_iov = iov.as_mut_ptr();
                msg.msg_iovlen = n_iov as _;
                sys_sendmsg(self.fd(), &msg, libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT)
            };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return if total > 0 || e.kind() == io::ErrorKind::WouldBlock { Ok(total) } else { Err(e) };
            }
            let mut n = n as usize;
            if n == 0 {
                break;
            }
            total += n;
            let short = n < asked;
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
            if short {
                // The socket is full.
                break;
            }
        }
        Ok(total)
    }

    /// Sends up to `max` next bytes of a file range (`sendfile` on a plain socket, read and encrypted on
    /// TLS): `WouldBlock` when the socket is full.
    pub fn send_file(&self, src: &mut FileRange, max: usize) -> io::Result<usize> {
        if let Some(p) = &self.pipe {
            return p.send_file(src, max);
        }
        match &self.tls {
            Some(t) => t.lock().send_file(self.fd(), src, max),
            None => src.send_to(self.fd(), max),
        }
    }

    /// The graceful end: the peer sees a FIN at once (TLS: after close_notify), even while requests
    /// still hold the connection object (the descriptor itself closes when the last of them lets go).
    pub fn shutdown(&self) {
        if let Some(p) = &self.pipe {
            p.engine_close();
            return;
        }
        if let Some(t) = &self.tls {
            t.lock().close(self.fd());
        }
        // SAFETY: our own socket.
        unsafe { libc::shutdown(self.fd(), libc::SHUT_RDWR) };
    }

    /// The abortive end (Http503ResponseVerbosityBasic, MinSendRate): the client sees a reset and what is
    /// still in the send buffer is dropped, not trickled out. Linux disconnects a TCP socket with RST on
    /// `connect(AF_UNSPEC)`, without closing the descriptor that requests may still hold. HTTPS: the
    /// same (no close_notify: the TCP connection is reset under TLS). HTTP/2 streams: the stream is
    /// reset (RST_STREAM), not the TCP connection its client's other streams share.
    pub fn abort(&self) {
        if let Some(p) = &self.pipe {
            p.engine_abort();
            return;
        }
        // SAFETY: our own socket; a zeroed sockaddr with family AF_UNSPEC is the documented form.
        unsafe {
            let mut sa: libc::sockaddr = std::mem::zeroed();
            sa.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
            libc::connect(self.tcp_fd(), &sa, std::mem::size_of::<libc::sockaddr>() as libc::socklen_t);
        }
    }
}

/// Linux's `struct tcp_info` (libc's copy has the fields through `tcpi_min_rtt` and beyond).
pub type TcpInfo = libc::tcp_info;

/// What `HttpQueryRequestProperty` / `HttpSetRequestProperty` and `HttpDelegateRequestEx` need of a
/// connection's socket.
impl Connection {
    /// The kernel's `TCP_INFO` for this socket (fields a kernel does not have stay 0).
    pub fn tcp_info(&self) -> Option<TcpInfo> {
        // SAFETY: the descriptor is this connection's open socket; the buffer is a plain struct of its size.
        unsafe {
            let mut info: TcpInfo = std::mem::zeroed();
            let mut len = std::mem::size_of::<TcpInfo>() as libc::socklen_t;
            let r = libc::getsockopt(
                self.sock.tcp_fd(),
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
            let r = libc::getsockopt(self.sock.tcp_fd(), level, name, &mut v as *mut _ as *mut libc::c_void, &mut len);
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
        // SAFETY: the descriptor is this connection's open socket; the value is an int.
        let r = unsafe {
            libc::setsockopt(
                self.sock.tcp_fd(),
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
