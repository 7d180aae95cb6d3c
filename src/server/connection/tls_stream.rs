//! HTTPS on the connection's own socket: the rustls server connection the runtime handed over once the
//! handshake was done ([`crate::server::tls`]), driven by the same non-blocking calls the engine makes on
//! a plain socket. Reads decrypt what the TCP socket has; writes encrypt into records and send them at
//! once; records the TLS layer makes by itself (alerts, the refusal of a renegotiation, a TLS 1.3 key
//! update) go out as soon as they are made. No task, no copy through a second socket.
//!
//! What the engine sees is the plain socket's contract ([`super::socket::Socket`]): a read shorter than
//! asked means the TCP socket is empty (the engine then waits for the next input edge), a send shorter
//! than asked means it is full (the engine waits for the next output edge). One difference: a send may
//! take bytes whose records the socket has not all taken yet (the tail of the last record); the engine
//! asks [`TlsStream::pending`] before it counts its output as written and closes, and
//! [`TlsStream::flush`] sends them on the next output edge.
use crate::server::files::FileRange;
use std::io::{self, BufRead, IoSlice, Read, Write};
use std::os::fd::RawFd;

/// The TCP socket as rustls reads and writes it: plain non-blocking system calls, `MSG_NOSIGNAL` (a peer
/// that left must give an error, not kill the application with SIGPIPE).
struct Fd {
    fd: RawFd,
    /// The last read returned fewer bytes than asked: the socket is empty.
    short: bool,
}

impl Read for Fd {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            // SAFETY: `buf` is writable for its length; the descriptor is the connection's open socket.
            let n = unsafe { libc::recv(self.fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), 0) };
            if n >= 0 {
                self.short = (n as usize) < buf.len();
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
}

impl Write for Fd {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_vectored(&[IoSlice::new(buf)])
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        loop {
            // SAFETY: a zeroed msghdr is valid; `IoSlice` has the layout of `iovec` on Unix, and the slices
            // are live for the call.
            let n = unsafe {
                let mut msg: libc::msghdr = std::mem::zeroed();
                msg.msg_iov = bufs.as_ptr() as *mut libc::iovec;
                msg.msg_iovlen = bufs.len() as _;
                libc::sendmsg(self.fd, &msg, libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT)
            };
            if n >= 0 {
                return Ok(n as usize);
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How the input ended, when a read had plaintext to return first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// close_notify, or the TCP FIN.
    Eof,
    /// A TLS error (its alert is sent) or a socket error.
    Failed,
}

/// A TLS connection on a TCP socket (the socket itself is the [`super::socket::Socket`]'s).
pub(super) struct TlsStream {
    conn: rustls::ServerConnection,
    /// The input ended after the plaintext the last read returned: the next read reports it.
    end: Option<End>,
    /// The peer half-closed or reset (an RDHUP/HUP/ERR edge came): no edge follows, so a short TCP read no
    /// longer means the socket is empty; reads go on until they find the end behind the bytes.
    hung_up: bool,
    /// Sending failed (the peer reset): what rustls still holds will never go; nothing is pending.
    dead: bool,
}

thread_local! {
    /// The buffer file ranges are read into on their way through TLS (kept by each sending thread).
    static FILE_BUF: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// File bytes read and encrypted per step (two full records; rustls takes them whole when its output is
/// empty).
const FILE_STEP: usize = 32 * 1024;

fn failed() -> io::Error {
    io::Error::from(io::ErrorKind::InvalidData)
}

impl TlsStream {
    pub fn new(conn: rustls::ServerConnection) -> TlsStream {
        TlsStream { conn, end: None, hung_up: false, dead: false }
    }

    /// The peer half-closed or reset the TCP connection (see `hung_up`).
    pub fn hang_up(&mut self) {
        self.hung_up = true;
    }

    /// Whether records wait for the socket (never once sending failed).
    pub fn pending(&self) -> bool {
        !self.dead && self.conn.wants_write()
    }

    /// Whether the next read reports the end of the input without waiting for an edge: the end was found
    /// behind the plaintext the last read returned.
    pub fn ended(&self) -> bool {
        self.end.is_some()
    }

    /// Sends the records that wait, as far as the socket takes them: `Ok(true)` when none is left.
    pub fn flush(&mut self, fd: RawFd) -> io::Result<bool> {
        if self.dead {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        let mut io = Fd { fd, short: false };
        while self.conn.wants_write() {
            match self.conn.write_tls(&mut io) {
                Ok(0) => return Ok(false),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                Err(e) => {
                    self.dead = true;
                    return Err(e);
                }
            }
        }
        Ok(true)
    }

    /// One non-blocking read of up to `room` plaintext bytes, handed to `put` as they come out of the
    /// TLS layer (`Ok(0)`: the input ended). Takes as much as the socket has records for: a read shorter
    /// than `room` means the socket is empty, as on a plain socket.
    pub fn read(&mut self, fd: RawFd, room: usize, mut put: impl FnMut(&[u8])) -> io::Result<usize> {
        let mut n = 0usize;
        let mut empty = false;
        let mut end = self.end;
        while end.is_none() && n < room {
            let mut reader = self.conn.reader();
            match reader.fill_buf() {
                Ok([]) => {
                    end = Some(End::Eof); // close_notify
                    break;
                }
                Ok(chunk) => {
                    let k = chunk.len().min(room - n);
                    put(&chunk[..k]);
                    reader.consume(k);
                    n += k;
                    continue;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                // The TCP connection ended without close_notify: an end all the same.
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    end = Some(End::Eof);
                    break;
                }
                Err(_) => {
                    end = Some(End::Failed);
                    break;
                }
            }
            if empty {
                break;
            }
            let mut io = Fd { fd, short: false };
            match self.conn.read_tls(&mut io) {
                // The FIN: rustls notes it; the reader reports it above.
                Ok(0) => {}
                Ok(_) => empty = io.short && !self.hung_up,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(_) => {
                    end = Some(End::Failed);
                    break;
                }
            }
            let processed = self.conn.process_new_packets();
            // Records of the TLS layer's own (alerts, key updates) go out now, not with the next response.
            if self.conn.wants_write() && self.flush(fd).is_err() {
                end = Some(End::Failed);
                break;
            }
            if processed.is_err() {
                end = Some(End::Failed);
                break;
            }
        }
        if n > 0 {
            self.end = end;
            return Ok(n);
        }
        match end {
            None => Err(io::Error::from(io::ErrorKind::WouldBlock)),
            Some(End::Eof) => {
                self.end = end;
                Ok(0)
            }
            Some(End::Failed) => {
                self.end = end;
                Err(failed())
            }
        }
    }

    /// Encrypts and sends `bufs` as far as the socket takes the records; returns the bytes taken (short
    /// when the socket filled up: the tail of the last record may then wait, see [`Self::pending`]). An
    /// error when the socket failed.
    pub fn send_vectored(&mut self, fd: RawFd, bufs: &[IoSlice]) -> io::Result<usize> {
        let want: usize = bufs.iter().map(|b| b.len()).sum();
        let mut taken = 0usize;
        loop {
            // A socket that failed fails the send even when rustls took some bytes already: they cannot
            // reach the client, and the engine must end the connection (no output edge will come).
            if !self.flush(fd)? {
                break;
            }
            if taken == want {
                break;
            }
            let k = if taken == 0 {
                self.conn.writer().write_vectored(bufs)
            } else {
                let rest = rest_of(bufs, taken);
                self.conn.writer().write_vectored(&rest)
            };
            match k? {
                0 => break,
                k => taken += k,
            }
        }
        Ok(taken)
    }

    /// Sends up to `max` next bytes of a file range through TLS: read, encrypted, sent. `WouldBlock` when
    /// the socket is full.
    pub fn send_file(&mut self, fd: RawFd, src: &mut FileRange, max: usize) -> io::Result<usize> {
        if !self.flush(fd)? {
            return Err(io::Error::from(io::ErrorKind::WouldBlock));
        }
        let mut buf = FILE_BUF.with(|b| b.take());
        buf.clear();
        let read = src.refill(&mut buf, max.min(FILE_STEP));
        let r = match read {
            Ok(0) => Ok(0),
            Ok(n) => {
                // rustls takes all of it: its output is empty and the step is below its limit.
                let r = self.conn.writer().write_all(&buf[..n]).map(|_| n);
                if r.is_ok() {
                    self.flush(fd)?;
                }
                r
            }
            Err(_) => Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
        };
        FILE_BUF.with(|b| b.set(buf));
        r
    }

    /// The graceful end: close_notify, sent as far as the socket takes it (the caller then shuts the
    /// socket down).
    pub fn close(&mut self, fd: RawFd) {
        self.conn.send_close_notify();
        let _ = self.flush(fd);
    }
}

/// `bufs` without their first `skip` bytes.
fn rest_of<'a>(bufs: &'a [IoSlice<'a>], mut skip: usize) -> Vec<IoSlice<'a>> {
    let mut rest = Vec::with_capacity(bufs.len());
    for b in bufs {
        if skip >= b.len() {
            skip -= b.len();
            continue;
        }
        rest.push(IoSlice::new(&b[skip..]));
        skip = 0;
    }
    rest
}
