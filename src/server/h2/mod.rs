//! http.sys over HTTP/2: the connections of `https://` bindings whose client chose `h2` by ALPN.
//!
//! Since Windows 10, http.sys answers HTTP/2 on every HTTPS binding (unless the binding has
//! `HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2`), and the application sees each stream as one request
//! of its queue, received, read and answered with the same calls as an HTTP/1.1 one; only `Version`
//! (2.0) and `HTTP_REQUEST_FLAG_HTTP2` tell them apart.
//!
//! How: the `h2` crate speaks the protocol (framing, HPACK, flow control, the stream limits) on the
//! TLS stream ([`serve`], called by [`super::tls`] once ALPN has chosen `h2`). Each stream that opens
//! becomes one relayed HTTP/1.1 exchange ([`stream`]): a UNIX socket pair whose other end an ordinary
//! [`super::connection::Connection`] serves, exactly as it serves a TLS connection's decrypted bytes.
//! The stream's pseudo-headers become the request line and `Host` (as http.sys maps them), its DATA
//! frames the body; the response head the application sent becomes the stream's HEADERS, without the
//! connection-specific fields HTTP/2 forbids, and its body the DATA frames, each sent as the client's
//! window allows. So the request queue, receive by id, bodies, `MORE_DATA`, file chunks, the timers
//! and cancellation are the HTTP/1.1 path's own. What differs from Windows: each stream has its own
//! `HTTP_CONNECTION_ID` (Windows: one per TCP connection), and `HttpWaitForDisconnect` on it completes
//! when that stream ends.
use super::connection::Connection;
use super::tls::{send_all, SslInfo};
use bytes::{Bytes, BytesMut};
use h2::server::SendResponse;
use h2::{Reason, RecvStream, SendStream};
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
/// The longest response head the relay accepts from the engine.
const MAX_RESPONSE_HEAD: usize = 64 * 1024;

/// Serves one HTTP/2 connection on an established TLS stream until the client or the protocol ends it.
/// `tcp` is the client's TCP socket (a duplicate), lent to each stream's connection for its socket
/// options and `TCP_INFO`.
pub async fn serve<IO>(io: IO, tcp: OwnedFd, local: SocketAddr, remote: SocketAddr, tls: Arc<SslInfo>)
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let handshake = h2::server::Builder::new()
        .max_concurrent_streams(MAX_CONCURRENT_STREAMS)
        .max_header_list_size(MAX_HEADER_LIST)
        .handshake::<IO, Bytes>(io);
    let limit = super::timers::machine_first_request().0;
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
    // such time after it is dropped.
    let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut goaway = false;
    loop {
        let next = match tokio::time::timeout(limit, conn.accept()).await {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(_) => {
                if open.load(std::sync::atomic::Ordering::Acquire) == 0 {
                    if goaway {
                        break;
                    }
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
                tracing::debug!(target: T, "HTTP/2 connection from {remote} ended: {e}");
                break;
            }
        };
        let tcp = match tcp.try_clone() {
            Ok(t) => t,
            Err(e) => {
                tracing::warn!(target: T, "HTTP/2 from {remote}: cannot duplicate the socket ({e})");
                break;
            }
        };
        let tls = tls.clone();
        let open = open.clone();
        open.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        tokio::spawn(async move {
            stream(request, respond, tcp, local, remote, tls).await;
            open.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
        });
    }
}

/// Serves one stream: relays it to a connection of the HTTP/1.1 engine and its answer back.
async fn stream(
    request: http::Request<RecvStream>,
    mut respond: SendResponse<Bytes>,
    tcp: OwnedFd,
    local: SocketAddr,
    remote: SocketAddr,
    tls: Arc<SslInfo>,
) {
    let (parts, body) = request.into_parts();
    let Some((head, chunked)) = request_head(&parts, body.is_end_stream()) else {
        respond.send_reset(Reason::PROTOCOL_ERROR);
        return;
    };
    let (ours, theirs) = match super::tls::socket_pair() {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(target: T, "HTTP/2 on {local}: no socket pair ({e})");
            respond.send_reset(Reason::INTERNAL_ERROR);
            return;
        }
    };
    Connection::start_relayed(theirs, tcp, local, remote, tls);
    let no_body = parts.method == http::Method::HEAD;
    // The response decides: once it is complete (or failed) the stream is done, whatever of the request
    // body the application left unread; dropping the socket pair then ends the engine's connection.
    let outcome = {
        let up = send_request(&ours, head, body, chunked);
        let down = relay_response(&ours, &mut respond, no_body);
        tokio::pin!(up);
        tokio::pin!(down);
        tokio::select! {
            r = &mut down => r,
            _ = &mut up => down.await,
        }
    };
    if let Err(reason) = outcome {
        respond.send_reset(reason);
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
async fn send_request(plain: &tokio::net::UnixStream, head: Vec<u8>, mut body: RecvStream, chunked: bool) {
    if send_all(plain, &head).await.is_err() {
        return;
    }
    while let Some(data) = body.data().await {
        let Ok(data) = data else {
            // The client reset the stream: the engine sees the request end early.
            let _ = socket2::SockRef::from(plain).shutdown(std::net::Shutdown::Write);
            return;
        };
        let n = data.len();
        if n == 0 {
            continue;
        }
        if chunked {
            let mut size = Vec::with_capacity(12);
            crate::http1::chunked::chunk_head(n, &mut size);
            if send_all(plain, &size).await.is_err() {
                return;
            }
        }
        if send_all(plain, &data).await.is_err() {
            return;
        }
        if chunked && send_all(plain, b"\r\n").await.is_err() {
            return;
        }
        let _ = body.flow_control().release_capacity(n);
    }
    if chunked {
        let _ = send_all(plain, b"0\r\n\r\n").await;
    }
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
    plain: &tokio::net::UnixStream,
    respond: &mut SendResponse<Bytes>,
    no_body: bool,
) -> Result<(), Reason> {
    let mut buf = BytesMut::with_capacity(16 * 1024);
    // Interim responses (100 Continue) are the HTTP/1.1 path's business: skipped.
    let (response, framing) = loop {
        if let Some((response, framing, used)) = parse_response(&buf, no_body)? {
            let _ = buf.split_to(used);
            match response {
                Some(r) => break (r, framing),
                None => continue,
            }
        }
        if buf.len() > MAX_RESPONSE_HEAD || read_some(plain, &mut buf).await? == 0 {
            return Err(Reason::INTERNAL_ERROR);
        }
    };
    let ended = matches!(framing, Framing::None | Framing::Length(0));
    let mut send = respond.send_response(response, ended).map_err(|_| Reason::INTERNAL_ERROR)?;
    match framing {
        Framing::None | Framing::Length(0) => Ok(()),
        Framing::Length(mut left) => loop {
            let take = (buf.len() as u64).min(left) as usize;
            if take > 0 {
                left -= take as u64;
                send_data(&mut send, buf.split_to(take).freeze(), left == 0).await?;
            }
            if left == 0 {
                return Ok(());
            }
            if read_some(plain, &mut buf).await? == 0 {
                return Err(Reason::INTERNAL_ERROR);
            }
        },
        Framing::Chunked(mut dec) => loop {
            let mut out = BytesMut::new();
            let used = dec.decode(&buf, |d| out.extend_from_slice(d)).map_err(|_| Reason::INTERNAL_ERROR)?;
            let _ = buf.split_to(used);
            let done = dec.is_done();
            if !out.is_empty() || done {
                send_data(&mut send, out.freeze(), done).await?;
            }
            if done {
                return Ok(());
            }
            if read_some(plain, &mut buf).await? == 0 {
                return Err(Reason::INTERNAL_ERROR);
            }
        },
        Framing::Close => loop {
            let eof = buf.is_empty() && read_some(plain, &mut buf).await? == 0;
            send_data(&mut send, buf.split().freeze(), eof).await?;
            if eof {
                return Ok(());
            }
        },
    }
}

/// One read from the engine, appended to `buf`; 0 at its end.
async fn read_some(plain: &tokio::net::UnixStream, buf: &mut BytesMut) -> Result<usize, Reason> {
    buf.reserve(16 * 1024);
    loop {
        plain.readable().await.map_err(|_| Reason::INTERNAL_ERROR)?;
        match plain.try_read_buf(buf) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            // A reset from the engine (a connection it aborted) ends the stream like a close.
            Err(_) => return Ok(0),
        }
    }
}

/// Headers HTTP/2 forbids in a message (RFC 9113 section 8.2.2): what the application set for its
/// HTTP/1.1 connection is dropped, as http.sys drops it.
fn connection_specific(name: &[u8]) -> bool {
    const NAMES: [&[u8]; 6] =
        [b"connection", b"keep-alive", b"proxy-connection", b"transfer-encoding", b"upgrade", b"te"];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

type Parsed = (Option<http::Response<()>>, Framing, usize);

/// A complete response head at the start of `buf`: the response for the stream (`None` for an interim
/// 1xx), how its body ends, and the head's length. `Ok(None)`: not complete yet.
fn parse_response(buf: &[u8], no_body: bool) -> Result<Option<Parsed>, Reason> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut r = httparse::Response::new(&mut headers);
    let used = match r.parse(buf) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(_) => return Err(Reason::INTERNAL_ERROR),
    };
    let status = r.code.ok_or(Reason::INTERNAL_ERROR)?;
    if (100..200).contains(&status) {
        return Ok(Some((None, Framing::None, used)));
    }
    let mut framing = Framing::Close;
    let mut dropped: Vec<&[u8]> = Vec::new();
    for h in r.headers.iter() {
        if h.name.eq_ignore_ascii_case("connection") {
            dropped.extend(h.value.split(|b| *b == b',').map(|t| t.trim_ascii()));
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            if h.value.trim_ascii().eq_ignore_ascii_case(b"chunked") {
                framing = Framing::Chunked(Box::default());
            }
        } else if h.name.eq_ignore_ascii_case("content-length") && !matches!(framing, Framing::Chunked(_)) {
            let n = std::str::from_utf8(h.value).ok().and_then(|v| v.trim().parse().ok());
            framing = Framing::Length(n.ok_or(Reason::INTERNAL_ERROR)?);
        }
    }
    if no_body || status == 204 || status == 304 {
        framing = Framing::None;
    }
    let mut response = http::Response::new(());
    *response.status_mut() = http::StatusCode::from_u16(status).map_err(|_| Reason::INTERNAL_ERROR)?;
    let map = response.headers_mut();
    for h in r.headers.iter() {
        let name = h.name.as_bytes();
        if connection_specific(name) || dropped.iter().any(|d| d.eq_ignore_ascii_case(name)) {
            continue;
        }
        // A field HTTP/2 cannot carry (a name with upper-case letters is lowered by `from_bytes`).
        let (Ok(n), Ok(v)) = (http::HeaderName::from_bytes(name), http::HeaderValue::from_bytes(h.value)) else {
            tracing::debug!(target: T, "HTTP/2 response: header {:?} dropped", h.name);
            continue;
        };
        map.append(n, v);
    }
    Ok(Some((Some(response), framing, used)))
}

/// Sends `data` on the stream as the client's window allows (never more than it granted), ending the
/// stream after it when `end`.
async fn send_data(send: &mut SendStream<Bytes>, mut data: Bytes, end: bool) -> Result<(), Reason> {
    if data.is_empty() {
        return if end { send.send_data(data, true).map_err(|_| Reason::CANCEL) } else { Ok(()) };
    }
    while !data.is_empty() {
        send.reserve_capacity(data.len());
        let granted = match std::future::poll_fn(|cx| send.poll_capacity(cx)).await {
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
            let (resp, f, used) = parse_response(bytes, no_body).unwrap().unwrap();
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
        assert!(matches!(parse_response(b"HTTP/1.1 100 Continue\r\n\r\n", false), Ok(Some((None, _, 25)))));
        assert!(parse_response(b"HTTP/1.1 200 OK\r\n", false).unwrap().is_none());
    }
}
