//! Request heads as a server reads them: httparse for the grammar, then the framing rules httparse
//! leaves to its caller (DESIGN.md section 6). A head that could make two parsers disagree about where
//! the body ends is rejected with the status to answer, never guessed at: both `Content-Length` and
//! `Transfer-Encoding`, two different lengths, a length that is not plain digits or does not fit,
//! a bare LF line end, an obs-fold continuation line, a head over 16 KiB, a `CONNECT` (http.sys is
//! not a proxy: its only target forms here are origin-form and absolute-form).
//! A request line that cannot start a request (`foo`, a line ending in CR CR LF, a relative target)
//! is refused as soon as it is complete, without waiting for the rest of the head, as http.sys does.
//!
//! The result is compact and owned ([`RequestHead`]): the head bytes once, and ranges into them.

/// Largest head accepted (request line and header fields), as http.sys's default `MaxRequestBytes`.
pub const MAX_HEAD: usize = 16 * 1024;

/// A byte range inside [`RequestHead::buf`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub len: u32,
}

impl Span {
    pub fn of<'a>(&self, buf: &'a [u8]) -> &'a [u8] {
        &buf[self.start as usize..(self.start + self.len) as usize]
    }
}

/// One header field: name and value (value without surrounding whitespace).
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: Span,
    pub value: Span,
}

/// How the request body is delimited (RFC 9112 section 6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    None,
    Length(u64),
    Chunked,
}

/// A parsed request head.
#[derive(Clone, Debug)]
pub struct RequestHead {
    /// The head bytes, request line to the empty line included.
    pub buf: Vec<u8>,
    pub method: Span,
    pub target: Span,
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub minor: u8,
    pub fields: Vec<Field>,
    pub framing: Framing,
    pub keep_alive: bool,
    pub expect_continue: bool,
    /// Index in `fields` of the Host field.
    pub host: Option<usize>,
}

impl RequestHead {
    pub fn method(&self) -> &[u8] {
        self.method.of(&self.buf)
    }
    pub fn target(&self) -> &[u8] {
        self.target.of(&self.buf)
    }
    pub fn host(&self) -> Option<&[u8]> {
        self.host.map(|i| self.fields[i].value.of(&self.buf))
    }
    pub fn name(&self, f: &Field) -> &[u8] {
        f.name.of(&self.buf)
    }
    pub fn value(&self, f: &Field) -> &[u8] {
        f.value.of(&self.buf)
    }
}

/// Head buffers kept per thread for the next head it parses ([`recycle`]): the steady path allocates
/// nothing per request for its head.
type Buffers = (Vec<u8>, Vec<Field>);
thread_local! {
    static POOL: std::cell::RefCell<Vec<Buffers>> = const { std::cell::RefCell::new(Vec::new()) };
}
/// Buffers kept per thread, and the largest kept (bigger ones are freed).
const POOL_KEEP: usize = 16;
const POOL_BUF_MAX: usize = 4096;
const POOL_FIELDS_MAX: usize = 64;

/// Gives a head's buffers back to this thread's pool (the head is left empty).
pub fn recycle(head: &mut RequestHead) {
    if head.buf.capacity() == 0 || head.buf.capacity() > POOL_BUF_MAX || head.fields.capacity() > POOL_FIELDS_MAX {
        return;
    }
    let mut buf = std::mem::take(&mut head.buf);
    let mut fields = std::mem::take(&mut head.fields);
    buf.clear();
    fields.clear();
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_KEEP {
            p.push((buf, fields));
        }
    });
}

/// Why a head was refused: the status to answer before closing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reject(pub u16);

fn trim(mut b: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = b {
        b = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = b {
        b = rest;
    }
    b
}

fn span_in(base: &[u8], part: &[u8]) -> Span {
    let start = part.as_ptr() as usize - base.as_ptr() as usize;
    Span { start: start as u32, len: part.len() as u32 }
}

fn has_token(value: &[u8], token: &[u8]) -> bool {
    value.split(|&b| b == b',').any(|t| trim(t).eq_ignore_ascii_case(token))
}

fn valid_host(h: &[u8]) -> bool {
    !h.is_empty()
        && h.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']' | b'%'))
}

/// Finds the end of the head (`\r\n\r\n`) in `input`; checks line ends as it goes.
fn head_end(input: &[u8]) -> Result<Option<usize>, Reject> {
    let mut i = 0;
    // Leading empty lines before a request line are tolerated (RFC 9112 section 2.2).
    while input[i..].starts_with(b"\r\n") {
        i += 2;
    }
    let mut line_start = i;
    let mut first = true;
    while let Some(off) = memchr::memchr(b'\n', &input[i..]) {
        let nl = i + off;
        if nl == 0 || input[nl - 1] != b'\r' {
            return Err(Reject(400));
        }
        if nl - 1 == line_start {
            return Ok(Some(nl + 1));
        }
        if !first && matches!(input[line_start], b' ' | b'\t') {
            return Err(Reject(400)); // obs-fold
        }
        first = false;
        i = nl + 1;
        line_start = i;
    }
    Ok(None)
}

/// Whether a request target has a form http.sys serves: origin-form (`/...`), `*`, or absolute-form.
fn valid_target(t: &[u8]) -> bool {
    t.starts_with(b"/")
        || t == b"*"
        || t.len() > 7 && t[..7].eq_ignore_ascii_case(b"http://")
        || t.len() > 8 && t[..8].eq_ignore_ascii_case(b"https://")
}

/// Checks a complete request line (`line` ends with its LF) before the rest of the head is here.
fn check_request_line(line: &[u8]) -> Result<(), Reject> {
    let mut none: [httparse::Header; 0] = [];
    let mut req = httparse::Request::new(&mut none);
    match req.parse(line) {
        Ok(httparse::Status::Partial) => {}
        _ => return Err(Reject(400)),
    }
    if !valid_target(req.path.unwrap_or("").as_bytes()) || req.method == Some("CONNECT") {
        return Err(Reject(400));
    }
    Ok(())
}

/// Parses a request head at the start of `input`. `Ok(None)`: more bytes needed. `Ok(Some((head,
/// used)))`: the head and how many bytes of `input` it took. `Err`: answer that status and close.
pub fn parse_request_head(input: &[u8]) -> Result<Option<(RequestHead, usize)>, Reject> {
    let end = match head_end(input)? {
        Some(e) => e,
        None => {
            let start = input.iter().position(|&b| b != b'\r' && b != b'\n').unwrap_or(input.len());
            if let Some(nl) = input[start..].iter().position(|&b| b == b'\n') {
                check_request_line(&input[start..start + nl + 1])?;
            }
            if input.len() > MAX_HEAD {
                let line_done = input[..MAX_HEAD].contains(&b'\n');
                return Err(Reject(if line_done { 400 } else { 414 }));
            }
            return Ok(None);
        }
    };
    if end > MAX_HEAD {
        let line_done = input[..MAX_HEAD].contains(&b'\n');
        return Err(Reject(if line_done { 400 } else { 414 }));
    }
    let (mut buf, mut fields) = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
    buf.extend_from_slice(&input[..end]);
    // Header slots left uninitialized (httparse fills what it uses): no 2 KiB clear per request.
    let mut storage = [const { std::mem::MaybeUninit::<httparse::Header>::uninit() }; 64];
    let mut big;
    let mut req = httparse::Request::new(&mut []);
    let status = match req.parse_with_uninit_headers(&buf, &mut storage) {
        Err(httparse::Error::TooManyHeaders) => {
            big = vec![httparse::EMPTY_HEADER; 1024];
            req = httparse::Request::new(&mut big);
            req.parse(&buf)
        }
        other => other,
    };
    match status {
        Ok(httparse::Status::Complete(n)) if n == end => {}
        _ => return Err(Reject(400)),
    }
    let method = span_in(&buf, req.method.unwrap_or("").as_bytes());
    let target_s = req.path.unwrap_or("").as_bytes();
    if !valid_target(target_s) || req.method == Some("CONNECT") {
        return Err(Reject(400));
    }
    let target = span_in(&buf, target_s);
    let minor = req.version.unwrap_or(1);
    fields.reserve(req.headers.len());
    let mut host = None;
    let mut length: Option<u64> = None;
    let mut te_count = 0;
    let mut chunked = false;
    let mut close = false;
    let mut keep = false;
    let mut expect_continue = false;
    for h in req.headers.iter() {
        let name = h.name.as_bytes();
        let value = trim(h.value);
        // Only five names matter to framing and routing: most fields are passed over after one
        // length and first-letter test.
        let interesting = matches!(
            (name.len(), name.first().map(u8::to_ascii_lowercase)),
            (4, Some(b'h')) | (14, Some(b'c')) | (17, Some(b't')) | (10, Some(b'c')) | (6, Some(b'e'))
        );
        if !interesting {
            fields.push(Field { name: span_in(&buf, name), value: span_in(&buf, value) });
            continue;
        }
        if name.eq_ignore_ascii_case(b"host") {
            if host.is_some() || !valid_host(value) {
                return Err(Reject(400));
            }
            host = Some(fields.len());
        } else if name.eq_ignore_ascii_case(b"content-length") {
            if value.is_empty() || value.len() > 19 || !value.iter().all(u8::is_ascii_digit) {
                return Err(Reject(400));
            }
            let n: u64 = std::str::from_utf8(value).ok().and_then(|s| s.parse().ok()).ok_or(Reject(400))?;
            if length.is_some_and(|l| l != n) {
                return Err(Reject(400));
            }
            length = Some(n);
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            te_count += 1;
            if te_count > 1 || minor == 0 {
                return Err(Reject(400));
            }
            if !value.eq_ignore_ascii_case(b"chunked") {
                // Any coding other than a lone "chunked" leaves the body length unknowable.
                return Err(Reject(if value.is_empty() { 400 } else { 501 }));
            }
            chunked = true;
        } else if name.eq_ignore_ascii_case(b"connection") {
            close |= has_token(value, b"close");
            keep |= has_token(value, b"keep-alive");
        } else if name.eq_ignore_ascii_case(b"expect") {
            if value.eq_ignore_ascii_case(b"100-continue") {
                expect_continue = minor >= 1;
            } else {
                return Err(Reject(417));
            }
        }
        fields.push(Field { name: span_in(&buf, name), value: span_in(&buf, value) });
    }
    if chunked && length.is_some() {
        return Err(Reject(400));
    }
    if minor >= 1 && host.is_none() {
        return Err(Reject(400));
    }
    let framing = if chunked {
        Framing::Chunked
    } else {
        match length {
            Some(0) | None => Framing::None,
            Some(n) => Framing::Length(n),
        }
    };
    let keep_alive = if minor >= 1 { !close } else { keep && !close };
    let head = RequestHead { method, target, minor, fields, framing, keep_alive, expect_continue, host, buf };
    Ok(Some((head, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(input: &str) -> Result<Option<Framing>, u16> {
        parse_request_head(input.as_bytes()).map(|o| o.map(|(h, _)| h.framing)).map_err(|r| r.0)
    }

    #[test]
    fn strict_framing_table() {
        let long_header = format!("GET / HTTP/1.1\r\nHost: a\r\nX: {}\r\n\r\n", "a".repeat(17000));
        let long_url = format!("GET /{} HTTP/1.1\r\nHost: a\r\n\r\n", "a".repeat(17000));
        let rows: &[(&str, Result<Option<Framing>, u16>)] = &[
            ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", Ok(Some(Framing::None))),
            ("GET / HTTP/1.1\r\nHost: a\r\n", Ok(None)),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n", Ok(Some(Framing::Length(5)))),
            (
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n",
                Ok(Some(Framing::Length(5))),
            ),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", Ok(Some(Framing::Chunked))),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", Err(400)),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", Err(400)),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\n", Err(400)),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", Err(400)),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", Err(400)),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", Err(501)),
            (
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                Err(400),
            ),
            ("GET / HTTP/1.1\nHost: a\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n c\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", Err(400)),
            ("GET / HTTP/1.1\r\nHost: a\r\nX: a\x01b\r\n\r\n", Err(400)),
            ("foo\r\n\r\n", Err(400)),
            ("GET foo HTTP/1.1\r\nHost: a\r\n\r\n", Err(400)),
            ("GET / HTTP/1.0\r\n\r\n", Ok(Some(Framing::None))),
            // Refused as soon as the request line is complete.
            ("foo\r\n", Err(400)),
            ("GET / HTTP/1.1\r\r\n", Err(400)),
            ("GET / HTTP/1.1\r\r\nHost: a\r\n\r\n", Err(400)),
            ("GET x HTTP/1.1\r\n", Err(400)),
            ("\r\nGET / HTTP/1.1\r\nHost: a\r\n", Ok(None)),
            ("GET / HTTP/1.1\r\n", Ok(None)),
            ("GET /", Ok(None)),
            ("CONNECT /x HTTP/1.1\r\nHost: a\r\n\r\n", Err(400)),
            ("CONNECT /x HTTP/1.1\r\n", Err(400)),
            ("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n", Err(400)),
            (&long_header, Err(400)),
            (&long_url, Err(414)),
        ];
        for (i, (input, want)) in rows.iter().enumerate() {
            assert_eq!(&status(input), want, "row {i}: {:?}", &input[..input.len().min(80)]);
        }
    }

    #[test]
    fn values_are_trimmed_and_keep_alive_follows_version() {
        let (h, used) = parse_request_head(b"GET /x HTTP/1.0\r\nConnection: Keep-Alive\r\nQux: foo baz \r\n\r\nrest")
            .unwrap()
            .unwrap();
        assert_eq!(used, 58);
        assert!(h.keep_alive);
        assert_eq!(h.value(&h.fields[1]), b"foo baz");
        let (h, _) = parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").unwrap().unwrap();
        assert!(!h.keep_alive);
    }
}
