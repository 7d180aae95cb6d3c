//! One request as the queue holds it between the connection that parsed it and the application that
//! receives and answers it: the head (owned, compact), the cooked URL, the id the application names it
//! by, and the connection it belongs to.
//!
//! Operations: built by the connection ([`Request::new`]); handed out by the queue
//! ([`super::queue::RequestQueue::receive`], which copies it with [`super::fill`]); answered through its
//! connection ([`super::connection::Connection::send`], `receive_body`).
use super::connection::Connection;
use crate::http1::request::RequestHead;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;

static NEXT_REQUEST_ID: AtomicU64 = AtomicU64::new(0x1_0000_0001);

/// The cooked URL as http.sys hands it out: one string (`http://host:port`, the absolute path decoded,
/// the query with its `?` or nothing) with the pieces found by offset.
#[derive(Clone, Debug)]
pub struct Cooked {
    url: String,
    path_at: usize,
    query_at: usize,
    ascii: bool,
}

impl Cooked {
    pub fn new(url: String, path_at: usize, query_at: usize) -> Cooked {
        let ascii = url.is_ascii();
        Cooked { url, path_at, query_at, ascii }
    }
    /// Whether the URL is ASCII (one code unit a byte in either `WCHAR` width).
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }
    /// The whole URL.
    pub fn full(&self) -> &str {
        &self.url
    }
    /// `http://host:port` (or `https://...`).
    pub fn scheme_host(&self) -> &str {
        &self.url[..self.path_at]
    }
    pub fn path(&self) -> &str {
        &self.url[self.path_at..self.query_at]
    }
    pub fn query(&self) -> &str {
        &self.url[self.query_at..]
    }
}

/// Where the application is with this request.
pub const NOT_RECEIVED: u8 = 0;
/// Handed out with `ERROR_MORE_DATA`: to be received again by id.
pub const NEEDS_RERECEIVE: u8 = 1;
pub const RECEIVED: u8 = 2;

pub struct Request {
    pub id: u64,
    pub conn: Arc<Connection>,
    pub head: RequestHead,
    pub url_context: u64,
    /// Shared with the connection's routing memo ([`super::router::RouteMemo`]).
    pub cooked: Arc<Cooked>,
    pub state: AtomicU8,
    /// True for a v2 queue (the structure is `HTTP_REQUEST_V2`, the Server header says 2.0).
    pub v2: bool,
    /// The URL group that routed it (0: a v1 queue's own prefix).
    pub group: u64,
    /// When its head was parsed (the log's `time-taken`).
    pub received: std::time::Instant,
}

impl Request {
    /// `received`: when its head was parsed.
    pub fn new(
        conn: Arc<Connection>,
        head: RequestHead,
        url_context: u64,
        cooked: Arc<Cooked>,
        v2: bool,
        received: std::time::Instant,
    ) -> Self {
        Request {
            id: NEXT_REQUEST_ID.fetch_add(1, Ordering::Relaxed),
            conn,
            head,
            url_context,
            cooked,
            state: AtomicU8::new(NOT_RECEIVED),
            v2,
            group: 0,
            received,
        }
    }
    pub fn with_group(mut self, group: u64) -> Self {
        self.group = group;
        self
    }
    pub fn is_head_verb(&self) -> bool {
        self.head.method() == b"HEAD"
    }
}

impl Drop for Request {
    fn drop(&mut self) {
        // The head's buffers go back to this thread's pool for the next request it parses.
        crate::http1::request::recycle(&mut self.head);
    }
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-decodes a path (UTF-8, as http.sys's default), turns `\` into `/` and removes dot segments
/// (RFC 3986 section 5.2.4), so routing and the application see the same path a browser meant.
pub fn cook_path(raw: &[u8]) -> String {
    let mut out = String::new();
    cook_path_into(raw, &mut out);
    out
}

/// [`cook_path`], appended to `out`. A path with nothing to decode or remove is copied as it is.
pub fn cook_path_into(raw: &[u8], out: &mut String) {
    let plain = raw.first() == Some(&b'/')
        && !raw.iter().any(|&b| b == b'%' || b == b'\\' || b >= 0x80)
        && !raw.windows(2).any(|w| w == b"/.");
    if plain {
        // ASCII checked above.
        out.push_str(std::str::from_utf8(raw).expect("ASCII"));
        return;
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'%' && i + 2 < raw.len() {
            if let (Some(h), Some(l)) = (hex(raw[i + 1]), hex(raw[i + 2])) {
                bytes.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        bytes.push(if b == b'\\' { b'/' } else { b });
        i += 1;
    }
    let s = String::from_utf8_lossy(&bytes);
    let mut segs_out: Vec<&str> = Vec::new();
    let segs: Vec<&str> = s.split('/').skip(1).collect();
    let n = segs.len();
    for (k, seg) in segs.iter().enumerate() {
        match *seg {
            "." => {
                if k + 1 == n {
                    segs_out.push("");
                }
            }
            ".." => {
                segs_out.pop();
                if k + 1 == n {
                    segs_out.push("");
                }
            }
            s => segs_out.push(s),
        }
    }
    let start = out.len();
    for seg in &segs_out {
        out.push('/');
        out.push_str(seg);
    }
    if out.len() == start {
        out.push('/');
    }
}

/// Splits a request target into (authority if absolute-form, path, query with `?`).
pub fn split_target(target: &[u8]) -> (Option<&[u8]>, &[u8], &[u8]) {
    let mut t = target;
    let mut authority = None;
    if t.len() > 7 && (t[..7].eq_ignore_ascii_case(b"http://") || t[..8].eq_ignore_ascii_case(b"https://")) {
        let skip = if t[4] == b':' { 7 } else { 8 };
        let rest = &t[skip..];
        let end = rest.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(rest.len());
        authority = Some(&rest[..end]);
        t = &rest[end..];
    }
    if t == b"*" {
        return (authority, b"/", b"");
    }
    let q = t.iter().position(|&b| b == b'?').unwrap_or(t.len());
    let path: &[u8] = if q == 0 { b"/" } else { &t[..q] };
    (authority, path, &t[q..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_cooked_as_a_browser_means_them() {
        let rows = [
            ("/foobar", "/foobar"),
            ("/a/./b/../c", "/a/c"),
            ("/a/b/..", "/a/"),
            ("/caf%C3%A9/%20x", "/caf\u{e9}/ x"),
            ("/a\\b", "/a/b"),
            ("/../..", "/"),
            ("/bad%zz", "/bad%zz"),
            ("/x%", "/x%"),
            ("/", "/"),
            ("/a.b/c", "/a.b/c"),
            ("/a/.b", "/a/.b"),
        ];
        for (raw, want) in rows {
            assert_eq!(cook_path(raw.as_bytes()), want, "{raw}");
        }
        assert_eq!(split_target(b"/p?q=1"), (None, &b"/p"[..], &b"?q=1"[..]));
        assert_eq!(split_target(b"http://h:1/x?y"), (Some(&b"h:1"[..]), &b"/x"[..], &b"?y"[..]));
        assert_eq!(split_target(b"http://h:1"), (Some(&b"h:1"[..]), &b"/"[..], &b""[..]));
    }
}
