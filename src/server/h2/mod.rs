//! http.sys over HTTP/2: the connections of `https://` bindings whose client chose `h2` by ALPN.
//!
//! Since Windows 10, http.sys answers HTTP/2 on every HTTPS binding (unless the binding has
//! `HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2`), and the application sees each stream as one request
//! of its queue, received, read and answered with the same calls as an HTTP/1.1 one; only `Version`
//! (2.0) and `HTTP_REQUEST_FLAG_HTTP2` tell them apart.
//!
//! How: the `h2` crate speaks the protocol (framing, HPACK, flow control, the stream limits) on the
//! TLS stream ([`serve`], called by [`super::tls`] once ALPN has chosen `h2`). Each stream that opens
//! becomes one relayed HTTP/1.1 exchange ([`stream`], run inside the connection's task: [`streams`]):
//! an in-process pipe ([`pipe`]) whose other end an ordinary [`super::connection::Connection`] serves,
//! exactly as it serves a TLS connection's decrypted bytes.
//! The stream's pseudo-headers become the request line and `Host` (as http.sys maps them), its DATA
//! frames the body; the response head the application sent becomes the stream's HEADERS, without the
//! connection-specific fields HTTP/2 forbids, and its body the DATA frames, each sent as the client's
//! window allows. So the request queue, receive by id, bodies, `MORE_DATA`, file chunks, the timers
//! and cancellation are the HTTP/1.1 path's own. The streams of a connection share a few relays
//! ([`Relay`]); as on Windows, every stream's request reports the TCP connection's one
//! `HTTP_CONNECTION_ID` (the relays carry a [`Multiplexed`]: the relays' own ids stay internal), and
//! `HttpWaitForDisconnect` on it completes when the TCP connection ends, not when a stream does.
//!
//! Timers over HTTP/2 (`HTTP_TIMEOUT_LIMIT_INFO`): a stream's EntityBody, RequestQueue and MinSendRate
//! are its relay's (they end the stream, not the connection). HeaderWait: a header block that has begun
//! and not ended (HEADERS without END_HEADERS and no CONTINUATION, or a frame cut short) holds up the
//! whole connection (nothing else may come between its frames), and the stream's queue is unknown until
//! it is parsed: the machine-wide HeaderWait runs from its first frame, and ends the connection
//! (GOAWAY) as it ends an HTTP/1.1 one. A connection with no stream open and no header block begun runs
//! under the machine-wide IdleConnection (GOAWAY). DrainEntityBody has nothing to do: a response
//! complete before its request body ends the stream with RST_STREAM NO_ERROR (RFC 9113 section 8.1),
//! which asks the client to stop sending, and nothing waits behind the body on the connection.
pub mod control;
mod guard;
mod head;
pub mod pipe;
mod streams;

use super::connection::multiplexed::{EndOnDrop, Multiplexed};
use super::connection::Connection;
use super::tls::SslInfo;
use bytes::{Bytes, BytesMut};
use control::StreamControl;
use guard::Guard;
use h2::server::SendResponse;
use h2::{Reason, RecvStream, SendStream};
use pipe::Pipe;
use std::net::SocketAddr;
use std::os::fd::OwnedFd;
use std::sync::Arc;

const T: &str = "winhttpapi::httpapi";

/// The ALPN protocol id of HTTP/2 over TLS.
pub const ALPN_H2: &[u8] = b"h2";

/// Streams one client may have open at once (http.sys's default `Http2MaxConcurrentStreams` is 100).
const MAX_CONCURRENT_STREAMS: u32 = 100;
/// The request head limit of the HTTP/1.1 path (16 KiB, as http.sys), for the header block.
const MAX_HEADER_LIST: u32 = 16 * 1024;
/// Streams the client resets before they are accepted, at once (the h2 crate's default).
const MAX_PENDING_ACCEPT_RESETS: usize = 20;
/// Streams reset for the client's protocol errors before the connection gets a GOAWAY.
const MAX_LOCAL_ERROR_RESETS: usize = 256;
/// Reset streams remembered (so late frames for them are not errors).
const MAX_CONCURRENT_RESETS: usize = 200;
/// Idle relays kept per connection (each holds an engine connection and a pipe).
const MAX_IDLE_RELAYS: usize = 32;
/// How long a connection we end with a GOAWAY reads what its client still sends.
const LINGER: std::time::Duration = std::time::Duration::from_secs(1);
/// Response bytes buffered per stream ahead of the socket.
const MAX_SEND_BUFFER: usize = 128 * 1024;
/// How long a stream reset by the application waits for what the application sent before it.
const RESET_GRACE: std::time::Duration = std::time::Duration::from_millis(500);
/// The longest a reset stream waits for the connection's turn that writes its data ([`Turns`]): only
/// reached when the connection cannot write at all (before, a fixed 100 ms sleep stood for the turn, and
/// a busy machine could let it pass first: the data went with the stream).
const RESET_FLUSH: std::time::Duration = std::time::Duration::from_millis(500);
/// The longest response head the relay accepts from the engine.
const MAX_RESPONSE_HEAD: usize = 64 * 1024;

/// Serves one HTTP/2 connection on an established TLS stream until the client or the protocol ends it.
/// `tcp` is the client's TCP socket (a duplicate), lent to each stream's connection for its socket
/// options and `TCP_INFO`.
pub async fn serve<IO>(io: IO, tcp: OwnedFd, local: SocketAddr, remote: SocketAddr, tls: Arc<SslInfo>)
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let (limit, header_wait) = super::timers::machine_first_request();
    let guard = Guard::new(limit);
    let handshake = h2::server::Builder::new()
        .max_concurrent_streams(MAX_CONCURRENT_STREAMS)
        .max_header_list_size(MAX_HEADER_LIST)
        // Flood limits (the h2 crate's; guard.rs adds what it has none for): streams the client resets
        // before they are accepted, streams reset for the client's protocol errors, reset streams
        // remembered, and the bytes buffered per stream.
        .max_pending_accept_reset_streams(MAX_PENDING_ACCEPT_RESETS)
        .max_local_error_reset_streams(Some(MAX_LOCAL_ERROR_RESETS))
        .max_concurrent_reset_streams(MAX_CONCURRENT_RESETS)
        .max_send_buffer_size(MAX_SEND_BUFFER)
        .handshake::<_, Bytes>(guard::Watched::new(io, guard.clone()));
    let mut conn = match tokio::time::timeout(limit, handshake).await {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => {
            tracing::debug!(target: T, "HTTP/2 preface from {remote} failed: {e}");
            return;
        }
        Err(_) => return,
    };
    // Accepting also drives the connection (it reads and writes every stream's frames): the loop runs
    // until the client closes or a protocol error ends it with a GOAWAY. A connection with no stream open
    // for the machine-wide IdleConnection time gets a GOAWAY, as an idle HTTP/1.1 connection is closed
    // (each stream's own timers are its engine connection's); one that does not end within another
    // such time after it is dropped. A connection over a flood budget (guard.rs) gets a GOAWAY with
    // ENHANCE_YOUR_CALM and the same time to end.
    // The connection as the application sees it: one HTTP_CONNECTION_ID for every stream's request, the
    // disconnect waits ended with the TCP connection (below, or however this task ends).
    let mux = Multiplexed::open(local);
    let _end = EndOnDrop(mux.clone());
    let shared = Shared {
        tcp,
        local,
        remote,
        tls,
        mux,
        guard: guard.clone(),
        idle: Default::default(),
        turns: Default::default(),
    };
    // The streams run in this task (streams.rs): polled before the connection, so what they send
    // together goes out together.
    let mut open = streams::Streams::new();
    let mut goaway = false;
    // Our GOAWAY was for a flood (ENHANCE_YOUR_CALM).
    let mut calm = false;
    loop {
        // A header block begun and not ended: HeaderWait runs (the module doc).
        let block = guard.header_block();
        let block_end = block.map(|at| tokio::time::Instant::from_std(at + header_wait));
        let next = tokio::select! {
            biased;
            () = open.drive() => continue,
            next = tokio::time::timeout(limit, conn.accept()) => next,
            // After the connection's poll (which moved the streams' queued frames to the socket): a turn.
            () = shared.turns.count() => unreachable!(),
            _ = guard.changed(block), if !calm => {
                if guard.is_tripped() {
                    tracing::info!(target: T, "HTTP/2 connection from {remote}: {}: GOAWAY", guard.why());
                    conn.abrupt_shutdown(Reason::ENHANCE_YOUR_CALM);
                    (goaway, calm) = (true, true);
                }
                continue;
            }
            () = tokio::time::sleep_until(block_end.unwrap_or_else(tokio::time::Instant::now)), if block_end.is_some() && !goaway => {
                tracing::debug!(target: T, "HTTP/2 connection from {remote}: header block not complete within HeaderWait: GOAWAY");
                conn.abrupt_shutdown(Reason::NO_ERROR);
                goaway = true;
                continue;
            }
        };
        let next = match next {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(_) => {
                if goaway {
                    break;
                }
                if guard.is_tripped() {
                    // Tripped as the timer ran out: the flood's GOAWAY, not the idle one.
                    continue;
                }
                if open.len() == 0 {
                    tracing::debug!(target: T, "HTTP/2 connection from {remote} idle: GOAWAY");
                    conn.graceful_shutdown();
                    goaway = true;
                }
                continue;
            }
        };
        let (request, respond) = match next {
            Ok(x) => x,
            Err(e) => {
                // A protocol error or the h2 crate's own flood limits: it sent a GOAWAY.
                tracing::debug!(target: T, "HTTP/2 connection from {remote} ended: {e}");
                goaway |= e.is_go_away() && !e.is_remote();
                break;
            }
        };
        if open.len() >= 2 * MAX_CONCURRENT_STREAMS as usize {
            guard.trip("streams reset faster than they end");
        }
        open.push(stream(request, respond, &shared));
    }
    // The client closed the connection, or it ended in a GOAWAY: HttpWaitForDisconnect completes now,
    // whatever its streams still do.
    shared.mux.end();
    drop(open);
    if goaway {
        drop(conn);
        linger(&shared.tcp).await;
    }
}

/// What the streams of one connection share.
struct Shared {
    /// The client's TCP socket (a duplicate): lent to each engine connection for its socket options.
    tcp: OwnedFd,
    local: SocketAddr,
    remote: SocketAddr,
    tls: Arc<SslInfo>,
    /// The TCP connection's id and disconnect waits, which every relay's requests report.
    mux: Arc<Multiplexed>,
    guard: Arc<Guard>,
    /// Relays whose last exchange ended cleanly, for the next streams ([`Relay`]).
    idle: parking_lot::Mutex<Vec<Relay>>,
    turns: Turns,
}

/// The connection's turns: each poll of the `h2` connection after the streams' (`serve`'s biased
/// select) moves what they queued into its write buffer and writes it. A stream the application reset
/// waits for one turn after its last data before its RST_STREAM: the h2 crate drops a stream's frames
/// still queued when it is reset, and has no signal for "this stream's frames are written".
#[derive(Default)]
struct Turns {
    done: std::sync::atomic::AtomicU64,
    waiting: std::sync::atomic::AtomicUsize,
    next: tokio::sync::Notify,
}

impl Turns {
    /// Counts a turn when polled (after the connection), waking the streams that wait for it. Never ready.
    fn count(&self) -> impl std::future::Future<Output = ()> + '_ {
        std::future::poll_fn(move |_| {
            self.done.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
            if self.waiting.load(std::sync::atomic::Ordering::Acquire) > 0 {
                self.next.notify_waiters();
            }
            std::task::Poll::Pending
        })
    }

    /// Until the connection has had a turn after this call.
    async fn wait(&self) {
        use std::sync::atomic::Ordering;
        struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::AcqRel);
            }
        }
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let _waiting = Waiting(&self.waiting);
        let seen = self.done.load(Ordering::Acquire);
        loop {
            let next = self.next.notified();
            if self.done.load(Ordering::Acquire) > seen {
                return;
            }
            next.await;
        }
    }
}

/// One relayed HTTP/1.1 connection of the engine: our end of its pipe and its side channel. A
/// stream takes an idle one of its connection, or starts one; one whose exchange ended cleanly (the
/// whole request relayed, the whole response read, the engine keeping the connection) goes back for
/// the next stream, as an HTTP/1.1 keep-alive connection serves its next request. So the streams of a
/// connection share a few engine connections instead of making one each (their requests all report the
/// TCP connection's id: [`Shared::mux`]).
struct Relay {
    pipe: Arc<Pipe>,
    ctl: Arc<StreamControl>,
}

impl Drop for Relay {
    /// The engine's connection sees the end of its input and ends.
    fn drop(&mut self) {
        self.pipe.relay_close();
    }
}

impl Shared {
    fn take_relay(&self) -> std::io::Result<Relay> {
        loop {
            let Some(r) = self.idle.lock().pop() else { break };
            // One the engine has closed since (its idle timer) is dropped.
            if r.pipe.is_clear() {
                r.ctl.clear();
                return Ok(r);
            }
        }
        let ctl = StreamControl::new();
        let pipe = Arc::new(Pipe::new(ctl.clone())?);
        let (edge, tcp) = (pipe.edge_fd()?, self.tcp.try_clone()?);
        Connection::start_relayed(
            pipe.clone(),
            edge,
            tcp,
            self.local,
            self.remote,
            self.tls.clone(),
            Some(ctl.clone()),
            self.mux.clone(),
        );
        Ok(Relay { pipe, ctl })
    }

    fn give_back(&self, r: Relay) {
        let mut idle = self.idle.lock();
        if idle.len() < MAX_IDLE_RELAYS {
            idle.push(r);
        }
    }
}

/// After our GOAWAY: the client's last bytes are read and dropped for a moment before the socket closes,
/// so that a client still sending (a flood) gets the GOAWAY and a FIN, not a reset that could discard it.
async fn linger(tcp: &OwnedFd) {
    let Ok(dup) = tcp.try_clone() else { return };
    let sock = std::net::TcpStream::from(dup);
    let _ = sock.shutdown(std::net::Shutdown::Write);
    let Ok(sock) = tokio::net::TcpStream::from_std(sock) else { return };
    let mut sink = [0u8; 16 * 1024];
    let _ = tokio::time::timeout(LINGER, async {
        loop {
            if sock.readable().await.is_err() {
                return;
            }
            match sock.try_read(&mut sink) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => return,
            }
        }
    })
    .await;
}

/// Serves one stream: relays it to a connection of the HTTP/1.1 engine and its answer back.
async fn stream(request: http::Request<RecvStream>, mut respond: SendResponse<Bytes>, shared: &Shared) {
    let (parts, body) = request.into_parts();
    let Some((head, chunked)) = request_head(&parts, body.is_end_stream()) else {
        respond.send_reset(Reason::PROTOCOL_ERROR);
        return;
    };
    let relay = match shared.take_relay() {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(target: T, "HTTP/2 on {}: no relay ({e})", shared.local);
            respond.send_reset(Reason::INTERNAL_ERROR);
            return;
        }
    };
    let (ours, ctl, guard) = (&*relay.pipe, &relay.ctl, &*shared.guard);
    let no_body = parts.method == http::Method::HEAD;
    // The response decides: once it is complete (or failed) the stream is done, whatever of the request
    // body the application left unread; dropping the relay then ends the engine's connection. A
    // reset the application asks for (HttpRequestPropertyStreamError) ends it at once, with its code.
    let mut keep = false;
    // How the request's relay ended (None: not yet).
    let mut up_done: Option<bool> = None;
    let outcome = {
        let up = send_request(ours, head, body, chunked);
        let down = relay_response(ours, &mut respond, no_body, ctl, guard, &mut keep);
        let reset = ctl.wait_reset();
        tokio::pin!(up);
        tokio::pin!(down);
        tokio::pin!(reset);
        let reset_code = tokio::select! {
            r = &mut down => Err(r),
            code = &mut reset => Ok(code),
            ok = &mut up => {
                up_done = Some(ok);
                tokio::select! {
                    r = &mut down => Err(r),
                    code = &mut reset => Ok(code),
                }
            },
        };
        if up_done.is_none() {
            // The request may have been relayed whole by now (the response raced its last write).
            up_done = tokio::select! { biased; ok = &mut up => Some(ok), _ = std::future::ready(()) => None };
        }
        match reset_code {
            Err(r) => {
                if ctl.reset_code().is_some() {
                    // The response ended because of the reset (the engine's end came with the last
                    // data): that data goes out before the RST_STREAM, as below.
                    let _ = tokio::time::timeout(RESET_FLUSH, shared.turns.wait()).await;
                }
                r
            }
            Ok(code) => {
                // What the application sent before the reset goes out first, as on Windows: the engine's
                // connection is aborted, so the relay reaches its end at once (bounded, in case the
                // client's window is shut). h2 drops a stream's unsent frames when it resets it, so the
                // connection has its turn to write them first.
                let _ = tokio::time::timeout(RESET_GRACE, &mut down).await;
                let _ = tokio::time::timeout(RESET_FLUSH, shared.turns.wait()).await;
                Err(Reason::from(code))
            }
        }
    };
    match (ctl.reset_code(), outcome) {
        (Some(code), _) => respond.send_reset(Reason::from(code)),
        (None, Err(reason)) => respond.send_reset(reason),
        (None, Ok(())) if keep && up_done == Some(true) => shared.give_back(relay),
        (None, Ok(())) => {}
    }
}

/// The HTTP/1.1 head the engine parses for this stream, and whether its body goes chunked (a body of
/// unknown length). The pseudo-headers become the request line and `Host`, as http.sys maps them;
/// `cookie` fields, which HTTP/2 may split, are joined again with "; ".
fn request_head(parts: &http::request::Parts, ended: bool) -> Option<(Vec<u8>, bool)> {
    use std::io::Write;
    let target = match parts.uri.path_and_query() {
        Some(pq) if !pq.as_str().is_empty() => pq.as_str(),
        _ => "/",
    };
    let mut head = Vec::with_capacity(256);
    let _ = write!(head, "{} {} HTTP/1.1\r\n", parts.method.as_str(), target);
    let host = parts
        .uri
        .authority()
        .map(|a| a.as_str().as_bytes())
        .or_else(|| parts.headers.get(http::header::HOST).map(|h| h.as_bytes()))?;
    if host.iter().any(|b| b.is_ascii_control()) {
        return None;
    }
    head.extend_from_slice(b"Host: ");
    head.extend_from_slice(host);
    head.extend_from_slice(b"\r\n");
    let mut cookies: Vec<&[u8]> = Vec::new();
    let mut length = false;
    for (name, value) in &parts.headers {
        if name == http::header::HOST {
            continue;
        }
        if name == http::header::COOKIE {
            cookies.push(value.as_bytes());
            continue;
        }
        // HTTP/2 forbids these (the h2 crate refuses them); a client's Transfer-Encoding would frame
        // the relayed body wrongly.
        if name == http::header::TRANSFER_ENCODING || name == http::header::CONNECTION {
            continue;
        }
        length |= name == http::header::CONTENT_LENGTH;
        head.extend_from_slice(name.as_str().as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value.as_bytes());
        head.extend_from_slice(b"\r\n");
    }
    if !cookies.is_empty() {
        head.extend_from_slice(b"cookie: ");
        head.extend_from_slice(&cookies.join(&b"; "[..]));
        head.extend_from_slice(b"\r\n");
    }
    let chunked = !ended && !length;
    if chunked {
        head.extend_from_slice(b"Transfer-Encoding: chunked\r\n");
    }
    head.extend_from_slice(b"\r\n");
    Some((head, chunked))
}

/// Writes the head and then the stream's DATA frames to the engine, returning each frame's bytes to
/// the client's window once the engine has taken them (so a client sends no faster than the
/// application reads).
/// True when the whole request went to the engine.
async fn send_request(plain: &Pipe, head: Vec<u8>, mut body: RecvStream, chunked: bool) -> bool {
    if plain.write_all(&head).await.is_err() {
        return false;
    }
    while let Some(data) = body.data().await {
        let Ok(data) = data else {
            // The client reset the stream: the engine sees the request end early.
            plain.end_input();
            return false;
        };
        let n = data.len();
        if n == 0 {
            continue;
        }
        if chunked {
            let mut size = Vec::with_capacity(12);
            crate::http1::chunked::chunk_head(n, &mut size);
            if plain.write_all(&size).await.is_err() {
                return false;
            }
        }
        if plain.write_all(&data).await.is_err() {
            return false;
        }
        if chunked && plain.write_all(b"\r\n").await.is_err() {
            return false;
        }
        let _ = body.flow_control().release_capacity(n);
    }
    !chunked || plain.write_all(b"0\r\n\r\n").await.is_ok()
}

/// How the engine's response body ends.
enum Framing {
    None,
    Length(u64),
    Chunked(Box<crate::http1::chunked::ChunkedDecoder>),
    /// No length: the engine closes the connection after it.
    Close,
}

/// Reads the engine's response for this stream and sends it on the stream. `Err` is the reset to send
/// when the stream cannot end properly (the engine closed before a whole response, the client left).
async fn relay_response(
    plain: &Pipe,
    respond: &mut SendResponse<Bytes>,
    no_body: bool,
    ctl: &StreamControl,
    guard: &Guard,
    keep: &mut bool,
) -> Result<(), Reason> {
    let mut buf = BytesMut::new();
    // Interim responses (100 Continue) are the HTTP/1.1 path's business: skipped.
    let (response, framing) = loop {
        // The application's head comes as fields (head.rs); the engine's own answers as text.
        let parsed = match plain.take_head() {
            Some(head) => {
                // Before it: only interim responses of the engine's (100 Continue), skipped.
                buf.clear();
                Some(head?)
            }
            None => parse_response(&mut buf, no_body)?,
        };
        if let Some((response, framing, close)) = parsed {
            // The engine keeps the connection after this response: it may serve another stream.
            *keep = !matches!(framing, Framing::Close) && !close;
            match response {
                Some(r) => break (r, framing),
                None => continue,
            }
        }
        if buf.len() > MAX_RESPONSE_HEAD || (read_some(plain, &mut buf).await? == 0 && !plain.head_waits()) {
            return Err(Reason::INTERNAL_ERROR);
        }
    };
    // The application's response (it records each send before writing it), or one the engine made
    // itself (400, 503 ...), which has no trailers and no later send to wait for.
    let app = ctl.started();
    *keep &= app;
    let bodiless = matches!(framing, Framing::None | Framing::Length(0));
    if bodiless && (!app || (ctl.finished() && !ctl.has_trailers())) {
        respond.send_response(response, true).map_err(|_| Reason::INTERNAL_ERROR)?;
        return Ok(());
    }
    let mut send = respond.send_response(response, false).map_err(|_| Reason::INTERNAL_ERROR)?;
    let end = End { plain, ctl, app, guard };
    match framing {
        Framing::None | Framing::Length(0) => end.body_done(&mut send, Bytes::new()).await,
        Framing::Length(mut left) => loop {
            let take = (buf.len() as u64).min(left) as usize;
            if take > 0 {
                left -= take as u64;
                let part = buf.split_to(take).freeze();
                if left == 0 {
                    return end.body_done(&mut send, part).await;
                }
                send_data(&mut send, part, false, guard).await?;
            }
            if read_some(plain, &mut buf).await? == 0 {
                return Err(Reason::INTERNAL_ERROR);
            }
        },
        Framing::Chunked(mut dec) => loop {
            let mut out = BytesMut::new();
            let used = dec.decode(&buf, |d| out.extend_from_slice(d)).map_err(|_| Reason::INTERNAL_ERROR)?;
            let _ = buf.split_to(used);
            if dec.is_done() {
                return end.body_done(&mut send, out.freeze()).await;
            }
            send_data(&mut send, out.freeze(), false, guard).await?;
            if read_some(plain, &mut buf).await? == 0 {
                return Err(Reason::INTERNAL_ERROR);
            }
        },
        Framing::Close => loop {
            if buf.is_empty() && read_some(plain, &mut buf).await? == 0 {
                // The engine closes after the application's last send; closing before it (a timer, an
                // abort) cut the response short.
                if app && !ctl.finished() {
                    return Err(Reason::INTERNAL_ERROR);
                }
                return end.body_done(&mut send, Bytes::new()).await;
            }
            send_data(&mut send, buf.split().freeze(), false, guard).await?;
        },
    }
}

/// How a stream's response ends once its body has: after the application's last send (which may still
/// bring trailers), with the trailers as a last HEADERS frame, or with END_STREAM on the last DATA.
struct End<'a> {
    plain: &'a Pipe,
    ctl: &'a StreamControl,
    app: bool,
    guard: &'a Guard,
}

impl End<'_> {
    async fn body_done(&self, send: &mut SendStream<Bytes>, mut last: Bytes) -> Result<(), Reason> {
        if self.app && !self.ctl.finished() {
            send_data(send, last, false, self.guard).await?;
            last = Bytes::new();
            // The application may still send (trailers, an empty last send); the engine closing ends the
            // wait too.
            tokio::select! {
                _ = self.ctl.wait_finished() => {}
                _ = drain(self.plain) => {}
            }
        }
        match self.ctl.take_trailers() {
            Some(trailers) => {
                send_data(send, last, false, self.guard).await?;
                send.send_trailers(trailers).map_err(|_| Reason::CANCEL)
            }
            None => send_data(send, last, true, self.guard).await,
        }
    }
}

/// Reads and drops what the engine writes until it closes.
async fn drain(plain: &Pipe) {
    let mut buf = BytesMut::new();
    while plain.read_into(&mut buf).await > 0 {
        buf.clear();
    }
}

/// One read from the engine, appended to `buf`; 0 at its end (a close or an abort).
async fn read_some(plain: &Pipe, buf: &mut BytesMut) -> Result<usize, Reason> {
    Ok(plain.read_into(buf).await)
}

/// Headers HTTP/2 forbids in a message (RFC 9113 section 8.2.2): what the application set for its
/// HTTP/1.1 connection is dropped, as http.sys drops it.
pub(crate) fn connection_specific(name: &[u8]) -> bool {
    const NAMES: [&[u8]; 6] =
        [b"connection", b"keep-alive", b"proxy-connection", b"transfer-encoding", b"upgrade", b"te"];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

type Parsed = (Option<http::Response<()>>, Framing, bool);

/// A complete response head at the start of `buf`, taken from it: the response for the stream (`None`
/// for an interim 1xx), how its body ends, and whether it says `Connection: close`. `Ok(None)`: not
/// complete yet (`buf` untouched). The field values are not copied: they share the head's bytes.
fn parse_response(buf: &mut BytesMut, no_body: bool) -> Result<Option<Parsed>, Reason> {
    if buf.is_empty() {
        return Ok(None);
    }
    // Most heads are small: a short field table first (it is zeroed at each call), the full one when
    // the head has more fields.
    let head = match parse_head(buf, &mut [httparse::EMPTY_HEADER; 16], no_body) {
        Err(None) => parse_head(buf, &mut [httparse::EMPTY_HEADER; 128], no_body),
        r => r,
    };
    let Some(Head { used, status, framing, close, kept }) = head.map_err(|_| Reason::INTERNAL_ERROR)? else {
        return Ok(None);
    };
    let head = buf.split_to(used).freeze();
    if (100..200).contains(&status) {
        return Ok(Some((None, Framing::None, false)));
    }
    let mut response = http::Response::new(());
    *response.status_mut() = http::StatusCode::from_u16(status).map_err(|_| Reason::INTERNAL_ERROR)?;
    let map = response.headers_mut();
    map.reserve(kept.len());
    for (n, at) in kept {
        match http::HeaderValue::from_maybe_shared(head.slice(at)) {
            Ok(v) => {
                map.append(n, v);
            }
            Err(_) => tracing::debug!(target: T, "HTTP/2 response: header {n} dropped"),
        }
    }
    Ok(Some((Some(response), framing, close)))
}

/// A response head read by [`parse_head`].
struct Head {
    used: usize,
    status: u16,
    framing: Framing,
    close: bool,
    /// Each field kept for HTTP/2: its name and where its value lies in the head.
    kept: smallvec::SmallVec<[(http::HeaderName, std::ops::Range<usize>); 16]>,
}

/// The head at the start of `buf`, with `headers` as httparse's field table. `Err(None)`: more fields
/// than it holds.
fn parse_head<'b>(
    buf: &'b [u8],
    headers: &mut [httparse::Header<'b>],
    no_body: bool,
) -> Result<Option<Head>, Option<Reason>> {
    let mut r = httparse::Response::new(headers);
    let used = match r.parse(buf) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(None),
        Err(_) => return Err(Some(Reason::INTERNAL_ERROR)),
    };
    let status = r.code.ok_or(Reason::INTERNAL_ERROR)?;
    let mut head = Head { used, status, framing: Framing::Close, close: false, kept: Default::default() };
    if (100..200).contains(&status) {
        return Ok(Some(head));
    }
    let mut dropped: smallvec::SmallVec<[&[u8]; 4]> = smallvec::SmallVec::new();
    for h in r.headers.iter() {
        if h.name.eq_ignore_ascii_case("connection") {
            dropped.extend(h.value.split(|b| *b == b',').map(|t| t.trim_ascii()));
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            if h.value.trim_ascii().eq_ignore_ascii_case(b"chunked") {
                head.framing = Framing::Chunked(Box::default());
            }
        } else if h.name.eq_ignore_ascii_case("content-length") && !matches!(head.framing, Framing::Chunked(_)) {
            let n = std::str::from_utf8(h.value).ok().and_then(|v| v.trim().parse().ok());
            head.framing = Framing::Length(n.ok_or(Reason::INTERNAL_ERROR)?);
        }
    }
    if no_body || status == 204 || status == 304 {
        head.framing = Framing::None;
    }
    let base = buf.as_ptr() as usize;
    for h in r.headers.iter() {
        let name = h.name.as_bytes();
        if connection_specific(name) || dropped.iter().any(|d| d.eq_ignore_ascii_case(name)) {
            continue;
        }
        // A field HTTP/2 cannot carry (a name with upper-case letters is lowered by `from_bytes`).
        let Ok(n) = http::HeaderName::from_bytes(name) else {
            tracing::debug!(target: T, "HTTP/2 response: header {:?} dropped", h.name);
            continue;
        };
        // (An empty value may not point into `buf`.)
        let at = if h.value.is_empty() { 0 } else { h.value.as_ptr() as usize - base };
        head.kept.push((n, at..at + h.value.len()));
    }
    head.close = dropped.iter().any(|d| d.eq_ignore_ascii_case(b"close"));
    Ok(Some(head))
}

/// Sends `data` on the stream as the client's window allows (never more than it granted), ending the
/// stream after it when `end`.
/// A client that keeps its window shut longer than the connection's idle time trips the guard (a
/// zero-window stall: the connection gets a GOAWAY).
async fn send_data(send: &mut SendStream<Bytes>, mut data: Bytes, end: bool, guard: &Guard) -> Result<(), Reason> {
    if data.is_empty() {
        return if end { send.send_data(data, true).map_err(|_| Reason::CANCEL) } else { Ok(()) };
    }
    while !data.is_empty() {
        send.reserve_capacity(data.len());
        let capacity = tokio::time::timeout(guard.stall, std::future::poll_fn(|cx| send.poll_capacity(cx)));
        let Ok(capacity) = capacity.await else {
            guard.trip("zero-window stall");
            return Err(Reason::CANCEL);
        };
        let granted = match capacity {
            Some(Ok(n)) => n,
            // The client reset the stream, or the connection went.
            Some(Err(_)) | None => return Err(Reason::CANCEL),
        };
        if granted == 0 {
            continue;
        }
        let part = data.split_to(granted.min(data.len()));
        send.send_data(part, end && data.is_empty()).map_err(|_| Reason::CANCEL)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_headers_become_the_request_line_and_host() {
        let req = http::Request::builder()
            .method("POST")
            .uri("https://example.test:8443/a/b?q=1")
            .header("cookie", "a=1")
            .header("cookie", "b=2")
            .header("content-length", "3")
            .body(())
            .unwrap();
        let (parts, ()) = req.into_parts();
        let (head, chunked) = request_head(&parts, false).unwrap();
        let text = String::from_utf8(head).unwrap();
        assert!(!chunked);
        assert!(text.starts_with("POST /a/b?q=1 HTTP/1.1\r\nHost: example.test:8443\r\n"), "{text}");
        assert!(text.contains("cookie: a=1; b=2\r\n"), "{text}");
        assert!(text.ends_with("content-length: 3\r\ncookie: a=1; b=2\r\n\r\n"), "{text}");

        let req = http::Request::builder().method("PUT").uri("https://h/x").body(()).unwrap();
        let (parts, ()) = req.into_parts();
        let (head, chunked) = request_head(&parts, false).unwrap();
        assert!(chunked);
        assert!(String::from_utf8(head).unwrap().ends_with("Transfer-Encoding: chunked\r\n\r\n"));
    }

    #[test]
    fn connection_specific_response_headers_are_dropped() {
        let rows: [(&[u8], bool, &[&str], &str); 4] = [
            (
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\nX-Keep: 2\r\n\r\nok",
                false,
                &["content-length", "x-keep"],
                "length 2",
            ),
            (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nKeep-Alive: timeout=5\r\n\r\n", false, &[], "chunked"),
            (b"HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", false, &["server"], "close"),
            (b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", true, &["content-length"], "none"),
        ];
        for (bytes, no_body, want, framing) in rows {
            let mut buf = BytesMut::from(bytes);
            let (resp, f, close) = parse_response(&mut buf, no_body).unwrap().unwrap();
            let used = bytes.len() - buf.len();
            assert_eq!(close, bytes.windows(6).any(|w| w == b"close,"));
            let resp = resp.unwrap();
            let names: Vec<&str> = resp.headers().keys().map(|k| k.as_str()).collect();
            assert_eq!(names, want, "{}", String::from_utf8_lossy(bytes));
            let got = match f {
                Framing::None => "none".to_string(),
                Framing::Length(n) => format!("length {n}"),
                Framing::Chunked(_) => "chunked".to_string(),
                Framing::Close => "close".to_string(),
            };
            assert_eq!(got, framing);
            assert!(used <= bytes.len());
        }
        let mut buf = BytesMut::from(&b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"[..]);
        assert!(matches!(parse_response(&mut buf, false), Ok(Some((None, _, false)))));
        assert_eq!(buf.len(), 17);
        assert!(parse_response(&mut buf, false).unwrap().is_none());
        assert_eq!(buf.len(), 17);
        // More fields than the short table holds.
        let mut many = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..40 {
            many.extend_from_slice(format!("X-F{i}: v{i}\r\n").as_bytes());
        }
        many.extend_from_slice(b"Content-Length: 0\r\n\r\n");
        let (resp, f, _) = parse_response(&mut BytesMut::from(&many[..]), false).unwrap().unwrap();
        let resp = resp.unwrap();
        assert_eq!(resp.headers().len(), 41);
        assert_eq!(resp.headers()["x-f39"], "v39");
        assert!(matches!(f, Framing::Length(0)));
    }
}
