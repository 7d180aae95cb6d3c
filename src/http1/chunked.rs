//! The chunked transfer coding (RFC 9112 section 7.1): an incremental, strict decoder and the framing
//! helpers of the encoder. Strict because a lenient decoder is how request smuggling starts: a chunk size
//! must be 1-16 hex digits, lines end in CRLF (a bare LF is an error), extensions are skipped but
//! bounded, trailers are read and dropped. A server's decoder ([`ChunkedDecoder::for_requests`]) also
//! requires each trailer line to be a header field (`name: value`): a line without a colon, or a request
//! line that follows a last chunk whose final CRLF is missing, is an error there, never a trailer that
//! swallows the next request.

/// What went wrong in a chunked body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkError {
    /// Empty, non-hex, or too long chunk size.
    BadSize,
    /// A line ended in something other than CRLF.
    BadLineEnd,
    /// A chunk's data was not followed by CRLF.
    MissingDataCrlf,
    /// An extension or trailer section exceeded the limits.
    TooLong,
    /// A trailer line that is not a header field (no colon, a bad name, a control byte).
    BadTrailer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Size,
    SizeLf,
    Ext,
    Data,
    DataCr,
    DataLf,
    TrailerStart,
    /// In a trailer field's name (strict) or anywhere in a trailer line (lenient).
    TrailerLine,
    /// After a strict trailer line's colon.
    TrailerValue,
    TrailerLf,
    FinalLf,
    Done,
}

/// Incremental decoder: feed it bytes as they arrive, it hands out body bytes.
#[derive(Debug, Clone)]
pub struct ChunkedDecoder {
    state: State,
    size: u64,
    digits: u8,
    remaining: u64,
    ext_len: usize,
    trailer_len: usize,
    /// Trailer lines must be header fields.
    strict_trailers: bool,
}

/// Limits of the extension and trailer parts (bytes), as generous as real clients need.
const MAX_EXT: usize = 4096;
const MAX_TRAILERS: usize = 16 * 1024;

impl Default for ChunkedDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkedDecoder {
    pub fn new() -> Self {
        ChunkedDecoder {
            state: State::Size,
            size: 0,
            digits: 0,
            remaining: 0,
            ext_len: 0,
            trailer_len: 0,
            strict_trailers: false,
        }
    }

    /// The decoder of a server reading request bodies: trailer lines must be header fields
    /// (DESIGN.md section 6: a trailer line without a colon gets 400).
    pub fn for_requests() -> Self {
        ChunkedDecoder { strict_trailers: true, ..Self::new() }
    }

    /// True once the last chunk and the trailers were read.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// Bytes of chunk data still expected in the current chunk (0 between chunks).
    pub fn remaining_in_chunk(&self) -> u64 {
        if self.state == State::Data {
            self.remaining
        } else {
            0
        }
    }

    /// Decodes from `input`, calling `out` with each run of body bytes (slices of `input`).
    /// Returns how many input bytes were consumed: all of them, unless the body ended first (the rest
    /// belongs to the next message on the connection).
    pub fn decode(&mut self, input: &[u8], mut out: impl FnMut(&[u8])) -> Result<usize, ChunkError> {
        let mut i = 0;
        while i < input.len() {
            let b = input[i];
            match self.state {
                State::Size => match b {
                    b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F' => {
                        if self.digits >= 16 {
                            return Err(ChunkError::BadSize);
                        }
                        self.size = (self.size << 4) | (b as char).to_digit(16).unwrap() as u64;
                        self.digits += 1;
                        i += 1;
                    }
                    b'\r' | b';' | b' ' | b'\t' if self.digits > 0 => {
                        self.state = if b == b'\r' { State::SizeLf } else { State::Ext };
                        self.ext_len = 0;
                        i += 1;
                    }
                    b'\n' if self.digits > 0 => return Err(ChunkError::BadLineEnd),
                    _ => return Err(ChunkError::BadSize),
                },
                State::Ext => {
                    match b {
                        b'\r' => self.state = State::SizeLf,
                        b'\n' => return Err(ChunkError::BadLineEnd),
                        _ => {
                            self.ext_len += 1;
                            if self.ext_len > MAX_EXT {
                                return Err(ChunkError::TooLong);
                            }
                        }
                    }
                    i += 1;
                }
                State::SizeLf => {
                    if b != b'\n' {
                        return Err(ChunkError::BadLineEnd);
                    }
                    i += 1;
                    if self.size == 0 {
                        self.state = State::TrailerStart;
                    } else {
                        self.remaining = self.size;
                        self.state = State::Data;
                    }
                    self.size = 0;
                    self.digits = 0;
                }
                State::Data => {
                    let take = (input.len() - i).min(self.remaining as usize);
                    out(&input[i..i + take]);
                    i += take;
                    self.remaining -= take as u64;
                    if self.remaining == 0 {
                        self.state = State::DataCr;
                    }
                }
                State::DataCr => {
                    if b != b'\r' {
                        return Err(ChunkError::MissingDataCrlf);
                    }
                    self.state = State::DataLf;
                    i += 1;
                }
                State::DataLf => {
                    if b != b'\n' {
                        return Err(ChunkError::MissingDataCrlf);
                    }
                    self.state = State::Size;
                    i += 1;
                }
                State::TrailerStart => {
                    match b {
                        b'\r' => self.state = State::FinalLf,
                        b'\n' => return Err(ChunkError::BadLineEnd),
                        _ if self.strict_trailers && !is_tchar(b) => return Err(ChunkError::BadTrailer),
                        _ => {
                            self.state = State::TrailerLine;
                            self.trailer_len += 1;
                        }
                    }
                    i += 1;
                }
                State::TrailerLine => {
                    match b {
                        b':' if self.strict_trailers => self.state = State::TrailerValue,
                        b'\r' if self.strict_trailers => return Err(ChunkError::BadTrailer),
                        b'\r' => self.state = State::TrailerLf,
                        b'\n' => return Err(ChunkError::BadLineEnd),
                        _ if self.strict_trailers && !is_tchar(b) => return Err(ChunkError::BadTrailer),
                        _ => {}
                    }
                    self.trailer_len += 1;
                    if self.trailer_len > MAX_TRAILERS {
                        return Err(ChunkError::TooLong);
                    }
                    i += 1;
                }
                State::TrailerValue => {
                    match b {
                        b'\r' => self.state = State::TrailerLf,
                        b'\n' => return Err(ChunkError::BadLineEnd),
                        b'\t' => {}
                        0..=0x1f | 0x7f => return Err(ChunkError::BadTrailer),
                        _ => {}
                    }
                    self.trailer_len += 1;
                    if self.trailer_len > MAX_TRAILERS {
                        return Err(ChunkError::TooLong);
                    }
                    i += 1;
                }
                State::TrailerLf => {
                    if b != b'\n' {
                        return Err(ChunkError::BadLineEnd);
                    }
                    self.state = State::TrailerStart;
                    i += 1;
                }
                State::FinalLf => {
                    if b != b'\n' {
                        return Err(ChunkError::BadLineEnd);
                    }
                    self.state = State::Done;
                    i += 1;
                }
                State::Done => return Ok(i),
            }
        }
        Ok(i)
    }
}

/// A byte of a token (RFC 9110 section 5.6.2: a header field name).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Writes the head of one chunk (`<hex size>\r\n`) into `out`; the caller adds the data and `\r\n`.
pub fn chunk_head(len: usize, out: &mut Vec<u8>) {
    use std::io::Write;
    let _ = write!(out, "{len:x}\r\n");
}

/// The last chunk with no trailers.
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(input: &[u8], step: usize) -> Result<(Vec<u8>, usize, bool), ChunkError> {
        let mut d = ChunkedDecoder::new();
        let mut body = Vec::new();
        let mut used = 0;
        for piece in input.chunks(step.max(1)) {
            let n = d.decode(piece, |b| body.extend_from_slice(b))?;
            used += n;
            if d.is_done() {
                break;
            }
        }
        Ok((body, used, d.is_done()))
    }

    #[test]
    fn decodes_in_any_split_and_stops_at_the_end() {
        let msg = b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-T: 1\r\n\r\nGET /next";
        for step in [1, 2, 3, 7, 100] {
            let (body, used, done) = decode_all(msg, step).unwrap();
            assert_eq!(body, b"hello world", "step {step}");
            assert!(done);
            if step == 100 {
                assert_eq!(&msg[used..], b"GET /next");
            }
        }
    }

    #[test]
    fn a_request_decoder_takes_only_header_fields_as_trailers() {
        type Row<'a> = (&'a [u8], Result<&'a [u8], ChunkError>);
        let rows: &[Row] = &[
            (b"3\r\nabc\r\n0\r\nX-T: 1\r\nY:\r\n\r\n", Ok(b"abc")),
            (b"3\r\nabc\r\n0\r\nX-T:\tv a\r\n\r\n", Ok(b"abc")),
            (b"3\r\nabc\r\n0\r\nNoColon\r\n\r\n", Err(ChunkError::BadTrailer)),
            (b"3\r\nabc\r\n0\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n", Err(ChunkError::BadTrailer)),
            (b"3\r\nabc\r\n0\r\nGET http://a:1/ HTTP/1.1\r\n\r\n", Err(ChunkError::BadTrailer)),
            (b"3\r\nabc\r\n0\r\nX-T : 1\r\n\r\n", Err(ChunkError::BadTrailer)),
            (b"3\r\nabc\r\n0\r\n: 1\r\n\r\n", Err(ChunkError::BadTrailer)),
            (b"3\r\nabc\r\n0\r\nX: a\x01b\r\n\r\n", Err(ChunkError::BadTrailer)),
        ];
        for (input, want) in rows {
            for step in [1, 100] {
                let mut d = ChunkedDecoder::for_requests();
                let mut body = Vec::new();
                let mut got = Ok(());
                for piece in input.chunks(step) {
                    if let Err(e) = d.decode(piece, |b| body.extend_from_slice(b)) {
                        got = Err(e);
                        break;
                    }
                }
                let got = got.map(|_| body.as_slice());
                assert_eq!(&got, want, "{:?} step {step}", String::from_utf8_lossy(input));
                if want.is_ok() {
                    assert!(d.is_done());
                }
            }
        }
        // A client's decoder stays lenient about trailer lines.
        let (body, _, done) = decode_all(b"3\r\nabc\r\n0\r\nNoColon\r\n\r\n", 100).unwrap();
        assert_eq!((body.as_slice(), done), (&b"abc"[..], true));
    }

    #[test]
    fn rejects_smuggling_shapes() {
        let rows: &[(&[u8], ChunkError)] = &[
            (b"\r\nhello\r\n", ChunkError::BadSize),
            (b"zz\r\n", ChunkError::BadSize),
            (b"5\nhello\r\n", ChunkError::BadLineEnd),
            (b"5\r\nhelloXX", ChunkError::MissingDataCrlf),
            (b"11111111111111111\r\n", ChunkError::BadSize),
            (b"-1\r\n", ChunkError::BadSize),
            (b"0\r\n\n", ChunkError::BadLineEnd),
            (b"0x5\r\n", ChunkError::BadSize),
        ];
        for (input, want) in rows {
            assert_eq!(decode_all(input, 100).err(), Some(*want), "input {:?}", String::from_utf8_lossy(input));
        }
    }
}
