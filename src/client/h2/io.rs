//! A TLS connection as the `h2` crate's byte stream: the socket and the rustls session a
//! [`Conn`](crate::client::conn::Conn) handshook (ALPN `h2`), driven by the shared runtime.
use std::io::{self, Read, Write};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

pub struct TlsIo {
    sock: TcpStream,
    tls: Box<rustls::ClientConnection>,
    heard: Arc<Heard>,
}

/// When the connection last heard from its peer: WINHTTP_OPTION_HTTP2_KEEPALIVE pings only "after there is
/// no activity on a connection for that timeout period" (Microsoft's option-flags page).
pub struct Heard {
    start: Instant,
    /// Milliseconds from `start` to the last TLS bytes read.
    last_ms: AtomicU64,
}

impl Heard {
    pub fn new() -> Heard {
        Heard { start: Instant::now(), last_ms: AtomicU64::new(0) }
    }

    fn mark(&self) {
        self.last_ms.store(self.start.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    /// How long the peer has been silent.
    pub fn quiet_for(&self) -> Duration {
        self.start.elapsed().saturating_sub(Duration::from_millis(self.last_ms.load(Ordering::Relaxed)))
    }
}

/// Non-blocking reads and writes on the tokio socket, for rustls's `read_tls` / `write_tls`.
struct Try<'a>(&'a TcpStream);

impl Read for Try<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.try_read(buf)
    }
}

impl Write for Try<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.try_write(buf)
    }
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        self.0.try_write_vectored(bufs)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl TlsIo {
    /// Must run inside the runtime that is to drive it (the socket registers there).
    /// `heard` is marked at every read of the peer's bytes.
    pub fn new(sock: std::net::TcpStream, tls: Box<rustls::ClientConnection>, heard: Arc<Heard>) -> io::Result<TlsIo> {
        Ok(TlsIo { sock: TcpStream::from_std(sock)?, tls, heard })
    }

    /// Writes the TLS records rustls holds, as far as the socket takes them.
    fn flush_tls(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.tls.wants_write() {
            match self.tls.write_tls(&mut Try(&self.sock)) {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => ready!(self.sock.poll_write_ready(cx))?,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for TlsIo {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            match this.tls.reader().read(buf.initialize_unfilled()) {
                Ok(n) => {
                    buf.advance(n);
                    return Poll::Ready(Ok(()));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                // A peer that closes without close_notify: the end of the stream.
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Poll::Ready(Ok(())),
                Err(e) => return Poll::Ready(Err(e)),
            }
            match this.tls.read_tls(&mut Try(&this.sock)) {
                Ok(0) => return Poll::Ready(Ok(())),
                Ok(_) => {
                    this.heard.mark();
                    if let Err(e) = this.tls.process_new_packets() {
                        let _ = this.flush_tls(cx);
                        return Poll::Ready(Err(io::Error::new(io::ErrorKind::InvalidData, e)));
                    }
                    // Answers rustls owes the peer (key updates) go out now.
                    if let Poll::Ready(Err(e)) = this.flush_tls(cx) {
                        return Poll::Ready(Err(e));
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => ready!(this.sock.poll_read_ready(cx))?,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl AsyncWrite for TlsIo {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        loop {
            let n = this.tls.writer().write(data)?;
            if n == 0 && !data.is_empty() {
                // rustls's send buffer is full: the socket must take some first.
                ready!(this.flush_tls(cx))?;
                continue;
            }
            if let Poll::Ready(Err(e)) = this.flush_tls(cx) {
                return Poll::Ready(Err(e));
            }
            return Poll::Ready(Ok(n));
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().flush_tls(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        this.tls.send_close_notify();
        ready!(this.flush_tls(cx))?;
        Pin::new(&mut this.sock).poll_shutdown(cx)
    }
}
