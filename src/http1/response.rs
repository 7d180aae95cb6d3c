//! Response heads as a client reads them: status line and header fields parsed on httparse, then the
//! framing of the body decided by RFC 9112 section 6.3, strictly enough that a confused length is an
//! error rather than a guess.

/// A parsed response head. Header values are kept as text: UTF-8 when valid, otherwise each byte
/// maps to the Latin-1 character of the same value (what WinHTTP's default code page does).
#[derive(Debug, Clone, Default)]
pub struct ResponseHead {
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub minor_version: u8,
    pub status: u16,
    pub reason: String,
    /// Every field's name and value, one after another in one buffer (a response costs a few
    /// allocations, not two per field); `fields` holds where each one is.
    text: String,
    fields: Vec<Field>,
}

/// Where one field's name and value are in `ResponseHead::text` (name from `at`, then the value).
#[derive(Debug, Clone, Copy)]
struct Field {
    at: u32,
    name_len: u32,
    value_len: u32,
}

/// How the body of a response is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFraming {
    /// No body (HEAD, 1xx, 204, 304).
    Empty,
    /// Exactly this many bytes.
    Length(u64),
    /// Chunked transfer coding.
    Chunked,
    /// Until the server closes the connection.
    UntilClose,
}

/// Why a head could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadError {
    /// More bytes are needed.
    Partial,
    /// Not HTTP, or broken in a way that makes the framing unknowable.
    Invalid,
    /// Larger than the limit.
    TooLarge,
}

/// Appends `bytes` as text: UTF-8 as it is, anything else byte by byte as Latin-1.
fn push_text(out: &mut String, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(s) => out.push_str(s),
        Err(_) => out.extend(bytes.iter().map(|&b| b as char)),
    }
}

/// Parses a response head at the start of `buf`. Returns the head and its length in bytes
/// (including the blank line). `limit` bounds the head size (`WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE`).
pub fn parse_head(buf: &[u8], limit: usize) -> Result<(ResponseHead, usize), HeadError> {
    // The usual head fits the stack array; only a head with more fields allocates (and grows).
    let mut stack = [httparse::EMPTY_HEADER; 64];
    let mut heap = Vec::new();
    let mut count = 64;
    loop {
        let storage: &mut [httparse::Header<'_>] = if count == 64 {
            &mut stack
        } else {
            heap.resize(count, httparse::EMPTY_HEADER);
            &mut heap
        };
        let mut r = httparse::Response::new(storage);
        // WinHTTP accepts several spaces between the status line's parts and spaces between a header
        // name and its colon (the name is trimmed); framing stays strict below.
        let parsed = httparse::ParserConfig::default()
            .allow_multiple_spaces_in_response_status_delimiters(true)
            .allow_spaces_after_header_name_in_responses(true)
            .parse_response(&mut r, buf);
        match parsed {
            Ok(httparse::Status::Complete(n)) => {
                if n > limit {
                    return Err(HeadError::TooLarge);
                }
                let mut text = String::with_capacity(n);
                let mut fields = Vec::with_capacity(r.headers.len());
                for h in r.headers.iter() {
                    let at = text.len();
                    text.push_str(h.name);
                    let name_len = text.len() - at;
                    push_text(&mut text, h.value);
                    let value_len = text.len() - at - name_len;
                    fields.push(Field { at: at as u32, name_len: name_len as u32, value_len: value_len as u32 });
                }
                let head = ResponseHead {
                    minor_version: r.version.unwrap_or(1),
                    status: r.code.unwrap_or(0),
                    reason: r.reason.unwrap_or("").to_string(),
                    text,
                    fields,
                };
                return Ok((head, n));
            }
            Ok(httparse::Status::Partial) => {
                return Err(if buf.len() > limit { HeadError::TooLarge } else { HeadError::Partial })
            }
            Err(httparse::Error::TooManyHeaders) if count < 4096 => count *= 4,
            Err(_) => return Err(HeadError::Invalid),
        }
    }
}

impl ResponseHead {
    /// A head from fields received another way (HTTP/2 HEADERS: no reason phrase).
    pub fn from_fields<'a>(status: u16, fields: impl Iterator<Item = (&'a str, &'a [u8])>) -> ResponseHead {
        let mut head = ResponseHead { minor_version: 1, status, ..Default::default() };
        for (name, value) in fields {
            let at = head.text.len();
            head.text.push_str(name);
            push_text(&mut head.text, value);
            let value_len = head.text.len() - at - name.len();
            head.fields.push(Field { at: at as u32, name_len: name.len() as u32, value_len: value_len as u32 });
        }
        head
    }

    /// Every field as (name, value), in order.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.fields.iter().map(|f| {
            let (at, n, v) = (f.at as usize, f.name_len as usize, f.value_len as usize);
            (&self.text[at..at + n], &self.text[at + n..at + n + v])
        })
    }

    /// Every field as owned (name, value) pairs.
    pub fn fields_owned(&self) -> Vec<(String, String)> {
        self.fields().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    /// Drops every field called `name` (case-insensitive).
    pub fn remove(&mut self, name: &str) {
        let text = &self.text;
        self.fields.retain(|f| !text[f.at as usize..(f.at + f.name_len) as usize].eq_ignore_ascii_case(name));
    }

    /// Values of every header called `name` (case-insensitive), in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields().filter(move |(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }

    /// Whether the server keeps the connection open after this response.
    pub fn keeps_alive(&self) -> bool {
        let mut close = self.minor_version == 0;
        for v in self.values("connection") {
            for t in v.split(',').map(str::trim) {
                if t.eq_ignore_ascii_case("close") {
                    return false;
                }
                if t.eq_ignore_ascii_case("keep-alive") {
                    close = false;
                }
            }
        }
        !close
    }

    /// The body framing (RFC 9112 section 6.3). Differing Content-Length values or a
    /// Transfer-Encoding that does not end in chunked with a length are invalid.
    pub fn framing(&self, request_was_head: bool) -> Result<BodyFraming, HeadError> {
        if request_was_head || (100..200).contains(&self.status) || self.status == 204 || self.status == 304 {
            return Ok(BodyFraming::Empty);
        }
        let te: Vec<&str> = self.values("transfer-encoding").collect();
        if !te.is_empty() {
            let last = te.iter().flat_map(|v| v.split(',')).map(str::trim).rfind(|t| !t.is_empty());
            return match last {
                Some(t) if t.eq_ignore_ascii_case("chunked") => Ok(BodyFraming::Chunked),
                _ => Ok(BodyFraming::UntilClose),
            };
        }
        let mut length: Option<u64> = None;
        for v in self.values("content-length") {
            for part in v.split(',').map(str::trim) {
                if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(HeadError::Invalid);
                }
                let n: u64 = part.parse().map_err(|_| HeadError::Invalid)?;
                if length.is_some_and(|l| l != n) {
                    return Err(HeadError::Invalid);
                }
                length = Some(n);
            }
        }
        Ok(match length {
            Some(n) => BodyFraming::Length(n),
            None => BodyFraming::UntilClose,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_status_and_headers() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nX-A: 2\r\n\r\nhello";
        let (h, n) = parse_head(raw, 65536).unwrap();
        assert_eq!(n, raw.len() - 5);
        assert_eq!(h.status, 200);
        assert_eq!(h.reason, "OK");
        assert_eq!(h.values("x-a").collect::<Vec<_>>(), ["1", "2"]);
        assert_eq!(h.framing(false), Ok(BodyFraming::Length(5)));
        assert_eq!(h.framing(true), Ok(BodyFraming::Empty));
        assert!(h.keeps_alive());
    }

    #[test]
    fn framing_rules() {
        let f = |raw: &[u8]| parse_head(raw, 65536).unwrap().0.framing(false);
        assert_eq!(f(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), Ok(BodyFraming::Chunked));
        assert_eq!(f(b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), Err(HeadError::Invalid));
        assert_eq!(f(b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"), Err(HeadError::Invalid));
        assert_eq!(f(b"HTTP/1.0 200 OK\r\n\r\n"), Ok(BodyFraming::UntilClose));
        assert_eq!(f(b"HTTP/1.1 204 No Content\r\n\r\n"), Ok(BodyFraming::Empty));
        assert_eq!(parse_head(b"HTTP/1.1 200 OK\r\nA: b\r\n", 65536).err(), Some(HeadError::Partial));
        assert_eq!(parse_head(b"garbage\r\n\r\n", 65536).err(), Some(HeadError::Invalid));
    }
}
