//! Response heads as http.sys writes them: the application's status, reason and headers, plus what
//! http.sys adds itself: `Date` (always its own), `Server` (the application's value followed by
//! `Microsoft-HTTPAPI/x.0`, or that alone), `Content-Length` when the application gave the whole body
//! and no length, and `Connection: close` when the connection ends after a response whose length is
//! known. http.sys adds no chunked framing of its own: a response streamed with
//! `HTTP_SEND_RESPONSE_FLAG_MORE_DATA` and no `Content-Length` goes out with the head as given and the
//! entity bytes raw, and the end of the connection ends the body; an application that wants chunked
//! encoding sets `Transfer-Encoding: chunked` and frames the chunks itself (as ASP.NET Core does).
//! Also the answers the engine gives by itself (400, 404, 503 ...).
use crate::http1::date::now_imf;
use crate::http1::request::RequestHead;
use std::io::Write;

/// Response header names by `HTTP_HEADER_ID` (response side, 0..29).
pub const RESPONSE_HEADER_NAMES: [&str; 30] = crate::server::abi::header_names(&[
    "Accept-Ranges",
    "Age",
    "ETag",
    "Location",
    "Proxy-Authenticate",
    "Retry-After",
    "Server",
    "Set-Cookie",
    "Vary",
    "WWW-Authenticate",
]);
pub(crate) const H_CONNECTION: usize = 1;
pub(crate) const H_DATE: usize = 2;
pub(crate) const H_TRANSFER_ENCODING: usize = 6;
pub(crate) const H_CONTENT_LENGTH: usize = 11;
pub(crate) const H_SERVER: usize = 26;

/// A response head as the application gave it (borrowed from its `HTTP_RESPONSE`).
pub struct ResponseHead<'a> {
    pub status: u16,
    pub reason: &'a [u8],
    /// `(HTTP_HEADER_ID, value)` for each known header with a value.
    pub known: smallvec::SmallVec<[(usize, &'a [u8]); 4]>,
    pub unknown: smallvec::SmallVec<[(&'a [u8], &'a [u8]); 4]>,
}

impl ResponseHead<'_> {
    pub(crate) fn known(&self, id: usize) -> Option<&[u8]> {
        self.known.iter().find(|(i, _)| *i == id).map(|(_, v)| *v)
    }
}

/// What the engine decided about framing and the connection.
pub struct Plan {
    /// The connection ends after this response.
    pub close: bool,
    /// `Connection: close` is written (the application's own Connection header is then left out).
    announce_close: bool,
    pub no_body: bool,
    content_length: Option<u64>,
    keep_alive_10: bool,
}

impl Plan {
    /// The `Content-Length` the engine adds (the application gave the whole body and no length).
    pub fn added_length(&self) -> Option<u64> {
        self.content_length
    }
}

/// Decides framing for a response to `req`. `body_len`: bytes given with the head.
pub fn plan(h: &ResponseHead, req: &RequestHead, more_data: bool, disconnect: bool, body_len: u64) -> Plan {
    let bodiless_status = h.status < 200 || h.status == 204 || h.status == 304;
    let no_body = bodiless_status || req.method() == b"HEAD";
    let app_length = h.known(H_CONTENT_LENGTH).is_some();
    let app_chunked = h.known(H_TRANSFER_ENCODING).is_some_and(|v| v.eq_ignore_ascii_case(b"chunked"));
    let app_close = h.known(H_CONNECTION).is_some_and(|v| v.eq_ignore_ascii_case(b"close"));
    // Streamed without a length and without the application's own chunked framing: the body is every
    // byte until the connection ends, sent as given.
    let close_delimited = more_data && !app_length && !app_chunked && !no_body;
    let announce_close = disconnect || !req.keep_alive || app_close;
    let close = announce_close || close_delimited;
    let content_length = (!app_length && !app_chunked && !more_data && !bodiless_status).then_some(body_len);
    Plan {
        close,
        announce_close: announce_close && !close_delimited,
        no_body,
        content_length,
        keep_alive_10: !close && req.minor == 0,
    }
}

/// The standard reason phrase for a status.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        417 => "Expectation Failed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

pub(crate) fn server_token(v2: bool) -> &'static [u8] {
    if v2 {
        b"Microsoft-HTTPAPI/2.0"
    } else {
        b"Microsoft-HTTPAPI/1.0"
    }
}

/// Appends `n` in decimal (no formatting machinery on the path every response takes).
fn push_decimal(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Everything [`write_head`] writes a head from except the Date, as a sequence of byte pieces handed
/// to `part` in order (each variable piece after its length, so two sequences are equal only when the
/// heads are): what a memo of the last head is keyed on (connection/write.rs). Stops, returning false,
/// as soon as `part` does.
pub fn head_key(h: &ResponseHead, plan: &Plan, v2: bool, mut part: impl FnMut(&[u8]) -> bool) -> bool {
    let len = |n: usize| (n as u32).to_le_bytes();
    let mut fixed = [0u8; 20];
    fixed[..2].copy_from_slice(&h.status.to_le_bytes());
    fixed[2] = v2 as u8 | (plan.announce_close as u8) << 1 | (plan.keep_alive_10 as u8) << 2;
    fixed[3] = plan.content_length.is_some() as u8;
    fixed[4..12].copy_from_slice(&plan.content_length.unwrap_or(0).to_le_bytes());
    fixed[12..16].copy_from_slice(&len(h.known.len()));
    fixed[16..20].copy_from_slice(&len(h.unknown.len()));
    if !part(&fixed) || !part(&len(h.reason.len())) || !part(h.reason) {
        return false;
    }
    for (id, value) in &h.known {
        let mut k = [0u8; 8];
        k[..4].copy_from_slice(&len(*id));
        k[4..].copy_from_slice(&len(value.len()));
        if !part(&k) || !part(value) {
            return false;
        }
    }
    for (name, value) in &h.unknown {
        if !part(&len(name.len())) || !part(name) || !part(&len(value.len())) || !part(value) {
            return false;
        }
    }
    true
}

/// Puts `date` ([`crate::http1::date::imf_at`]) into a head [`write_head`] wrote, at the offset it returned.
pub fn refresh_date(head: &mut [u8], at: usize, date: &[u8; 29]) {
    if head[at..at + date.len()] != *date {
        head[at..at + date.len()].copy_from_slice(date);
    }
}

/// Serializes the head into `out` with `date` as its Date value; returns where that value starts.
pub fn write_head(h: &ResponseHead, plan: &Plan, v2: bool, date: &[u8; 29], out: &mut Vec<u8>) -> usize {
    out.reserve(256);
    if (100..1000).contains(&h.status) {
        let s = h.status;
        let mut line = *b"HTTP/1.1 000 ";
        line[9..12].copy_from_slice(&[b'0' + (s / 100) as u8, b'0' + (s / 10 % 10) as u8, b'0' + (s % 10) as u8]);
        out.extend_from_slice(&line);
    } else {
        out.extend_from_slice(b"HTTP/1.1 ");
        push_decimal(out, h.status as u64);
        out.push(b' ');
    }
    if h.reason.is_empty() {
        out.extend_from_slice(reason_phrase(h.status).as_bytes());
    } else {
        out.extend_from_slice(h.reason);
    }
    out.extend_from_slice(b"\r\n");
    for (id, value) in &h.known {
        if matches!(*id, H_DATE | H_SERVER) || (*id == H_CONNECTION && plan.announce_close) {
            continue;
        }
        out.extend_from_slice(RESPONSE_HEADER_NAMES[*id].as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    if let Some(n) = plan.content_length {
        out.extend_from_slice(b"Content-Length: ");
        push_decimal(out, n);
        out.extend_from_slice(b"\r\n");
    }
    match h.known(H_SERVER) {
        Some(s) => {
            out.extend_from_slice(b"Server: ");
            out.extend_from_slice(s);
            out.push(b' ');
            out.extend_from_slice(server_token(v2));
            out.extend_from_slice(b"\r\nDate: ");
        }
        // The usual case in one piece.
        None if v2 => out.extend_from_slice(b"Server: Microsoft-HTTPAPI/2.0\r\nDate: "),
        None => out.extend_from_slice(b"Server: Microsoft-HTTPAPI/1.0\r\nDate: "),
    }
    let date_at = out.len();
    let mut line = [0u8; 31];
    line[..29].copy_from_slice(date);
    line[29..].copy_from_slice(b"\r\n");
    out.extend_from_slice(&line);
    for (name, value) in &h.unknown {
        out.extend_from_slice(name);
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    if plan.announce_close {
        out.extend_from_slice(b"Connection: close\r\n");
    } else if plan.keep_alive_10 {
        out.extend_from_slice(b"Connection: keep-alive\r\n");
    }
    out.extend_from_slice(b"\r\n");
    date_at
}

/// A response the engine sends by itself, with a small HTML body as http.sys does.
pub fn error_response(status: u16, close: bool) -> Vec<u8> {
    let reason = reason_phrase(status);
    let body = format!(
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n<HTML><HEAD><TITLE>{reason}</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n<BODY><h2>{reason}</h2>\r\n<hr><p>HTTP Error {status}.</p>\r\n</BODY></HTML>\r\n"
    );
    let mut out = Vec::with_capacity(body.len() + 200);
    let _ = write!(out, "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=us-ascii\r\nServer: Microsoft-HTTPAPI/2.0\r\nDate: ");
    out.extend_from_slice(&now_imf());
    let _ =
        write!(out, "\r\n{}Content-Length: {}\r\n\r\n", if close { "Connection: close\r\n" } else { "" }, body.len());
    out.extend_from_slice(body.as_bytes());
    out
}

/// The response to `req` is complete (its last send was handed to the socket): the request log hook.
pub fn completed(
    req: &super::request::Request,
    local: std::net::SocketAddr,
    remote: std::net::SocketAddr,
    status: u16,
    sent: u64,
    received: u64,
) {
    use super::logging;
    if !logging::any() {
        return;
    }
    let group = (req.group != 0).then_some(req.group);
    let session = group.and_then(super::session::group_session);
    let header = |name: &[u8]| {
        req.head.fields.iter().find(|f| req.head.name(f).eq_ignore_ascii_case(name)).map(|f| req.head.value(f))
    };
    logging::record(
        group,
        session,
        &logging::Entry {
            remote,
            local,
            method: req.head.method(),
            path: req.cooked.path(),
            query: req.cooked.query(),
            version: (1, req.head.minor),
            host: req.head.host(),
            user_agent: header(b"user-agent"),
            cookie: header(b"cookie"),
            referer: header(b"referer"),
            status,
            win32_status: 0,
            bytes_sent: sent,
            bytes_received: received,
            time_taken: req.received.elapsed(),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http1::request::parse_request_head;

    fn req(s: &str) -> RequestHead {
        parse_request_head(s.as_bytes()).unwrap().unwrap().0
    }

    #[test]
    fn framing_plan_table() {
        let get11 = req("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        let get10 = req("GET / HTTP/1.0\r\n\r\n");
        let head = req("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        let plain = ResponseHead { status: 200, reason: b"", known: Default::default(), unknown: Default::default() };
        let with_len = ResponseHead {
            status: 200,
            reason: b"",
            known: smallvec::smallvec![(H_CONTENT_LENGTH, &b"5"[..])],
            unknown: Default::default(),
        };
        let app_chunked = ResponseHead {
            status: 200,
            reason: b"",
            known: smallvec::smallvec![(H_TRANSFER_ENCODING, &b"chunked"[..])],
            unknown: Default::default(),
        };
        struct Row<'a> {
            head: &'a ResponseHead<'static>,
            req: &'a RequestHead,
            more_data: bool,
            disconnect: bool,
            /// (close, announce close, no body, added length)
            want: (bool, bool, bool, Option<u64>),
        }
        let row = |head, req, more_data, disconnect, want| Row { head, req, more_data, disconnect, want };
        let rows = [
            row(&plain, &get11, false, false, (false, false, false, Some(4))),
            // Streamed without a length: raw, the connection ends the body, no header says so.
            row(&plain, &get11, true, false, (true, false, false, None)),
            row(&plain, &get10, true, false, (true, false, false, None)),
            row(&with_len, &get11, true, false, (false, false, false, None)),
            // The application frames its own chunks: nothing added, the connection stays.
            row(&app_chunked, &get11, true, false, (false, false, false, None)),
            row(&app_chunked, &get11, false, false, (false, false, false, None)),
            row(&plain, &get10, false, false, (true, true, false, Some(4))),
            row(&plain, &get11, false, true, (true, true, false, Some(4))),
            row(&plain, &head, false, false, (false, false, true, Some(4))),
            row(&plain, &head, true, false, (false, false, true, None)),
        ];
        for (i, r) in rows.iter().enumerate() {
            let p = plan(r.head, r.req, r.more_data, r.disconnect, 4);
            assert_eq!((p.close, p.announce_close, p.no_body, p.content_length), r.want, "row {i}");
        }
        let mut out = Vec::new();
        write_head(&plain, &plan(&plain, &get11, false, false, 2), true, &now_imf(), &mut out);
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.starts_with("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nServer: Microsoft-HTTPAPI/2.0\r\nDate: "),
            "{s}"
        );
        assert!(s.ends_with(" GMT\r\n\r\n"));
    }
}
