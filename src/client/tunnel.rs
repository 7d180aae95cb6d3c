//! HTTPS through a named proxy: a `CONNECT host:port` tunnel (RFC 9110 section 9.3.6) opened on a
//! plain connection to the proxy, then TLS with the origin end to end through it. The certificate is
//! the origin's, verified as for a direct connection; the proxy sees only the CONNECT line.
use super::conn::{Conn, ConnEvent, Timeouts, TlsSetup};
use super::request::Target;
use crate::http1::response::{parse_head, HeadError};
use crate::win32::error::*;

/// Connects to the proxy, asks it for a tunnel to `target`, and starts TLS inside the tunnel; the
/// proxy connection's steps are reported to `events`.
/// A proxy answering anything but 2xx fails with `ERROR_WINHTTP_CANNOT_CONNECT`.
pub async fn open(
    proxy_host: &str,
    proxy_port: u16,
    target: &Target,
    agent: &str,
    timeouts: &Timeouts,
    tls: TlsSetup,
    events: &mut (dyn FnMut(ConnEvent<'_>) + Send),
) -> WinResult<Conn> {
    let mut conn = Conn::open(proxy_host, proxy_port, timeouts, None, events).await?;
    let authority = format!("{}:{}", target.host, target.port);
    let mut head = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if !agent.is_empty() {
        head.push_str(&format!("User-Agent: {agent}\r\n"));
    }
    head.push_str("Proxy-Connection: Keep-Alive\r\n\r\n");
    conn.write_all(&[head.as_bytes()], timeouts.send).await?;
    loop {
        match parse_head(conn.buffered(), 64 * 1024) {
            Ok((resp, n)) => {
                if (100..200).contains(&resp.status) {
                    conn.consume(n);
                    continue;
                }
                if !(200..300).contains(&resp.status) {
                    tracing::debug!(target: "winhttpapi::winhttp", status = resp.status, "proxy refused the CONNECT tunnel");
                    return Err(ERROR_WINHTTP_CANNOT_CONNECT);
                }
                conn.consume(n);
                break;
            }
            Err(HeadError::Partial) => {}
            Err(_) => return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE),
        }
        if conn.fill(timeouts.response_wait()).await? == 0 {
            return Err(ERROR_WINHTTP_CANNOT_CONNECT);
        }
    }
    if !conn.buffered().is_empty() {
        // The proxy may not speak before the client's TLS hello.
        return Err(ERROR_WINHTTP_INVALID_SERVER_RESPONSE);
    }
    conn.start_tls(tls, timeouts).await?;
    Ok(conn)
}
