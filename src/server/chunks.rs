//! The entity chunks of a response (`HTTP_DATA_CHUNK`, read from the caller's memory by the edge) as
//! the engine sends them: memory as it is, file ranges read now when small and streamed by the
//! connection when large ([`READ_NOW_LIMIT`]), fragments copied out of the queue's cache.
use super::cache;
use super::files::{Body, BodyPiece, FileRange, READ_NOW_LIMIT};
use super::queue::RequestQueue;
use crate::win32::error::*;

/// One `HTTP_DATA_CHUNK`.
pub enum Chunk<'a> {
    /// `HttpDataChunkFromMemory`: the caller's bytes, valid for the call.
    Memory(&'a [u8]),
    /// `HttpDataChunkFromFileHandle`: `length` bytes (`HTTP_BYTE_RANGE_TO_EOF`: to the end) from `start`
    /// of the file behind `handle`.
    File { handle: usize, start: u64, length: u64 },
    /// `HttpDataChunkFromFragmentCache`: a whole fragment.
    Fragment(String),
    /// `HttpDataChunkFromFragmentCacheEx`: a byte range of a fragment.
    FragmentRange { name: String, start: u64, length: u64 },
}

/// A chunk as it will be sent: a piece to send as it is, or bytes copied during the call.
pub enum Resolved<'a> {
    Piece(BodyPiece<'a>),
    Copied(Vec<u8>),
}

/// The chunks of one send, resolved (inline for the usual few).
pub type ResolvedList<'a> = smallvec::SmallVec<[Resolved<'a>; 2]>;

/// Decides how one chunk is sent. A file range up to [`READ_NOW_LIMIT`] is read now (it goes out with
/// the head in one `sendmsg`); a larger one is streamed. A fragment is copied, so a flush during the
/// send changes nothing; one that is gone is `ERROR_PATH_NOT_FOUND`. Called chunk by chunk, in the
/// caller's order, so the first bad chunk decides the error.
pub fn resolve<'a>(q: &RequestQueue, chunk: Chunk<'a>) -> WinResult<Resolved<'a>> {
    Ok(match chunk {
        Chunk::Memory(b) => Resolved::Piece(BodyPiece::Mem(b)),
        Chunk::File { handle, start, length } => {
            let range = FileRange::open(handle, start, length)?;
            if range.len() <= READ_NOW_LIMIT {
                Resolved::Copied(range.read_all()?)
            } else {
                Resolved::Piece(BodyPiece::File(range))
            }
        }
        Chunk::Fragment(name) => Resolved::Copied(cache::read(q, &name)?.to_vec()),
        Chunk::FragmentRange { name, start, length } => {
            let data = cache::read(q, &name)?;
            Resolved::Copied(cache::slice_range(&data, start, length)?.to_vec())
        }
    })
}

/// The body in the caller's order; copied bytes are kept in `owned` for the duration of the send.
pub fn assemble<'a>(resolved: ResolvedList<'a>, owned: &'a mut Vec<Vec<u8>>) -> Body<'a> {
    if resolved.iter().all(|r| matches!(r, Resolved::Piece(_))) {
        // The usual case (memory, large file ranges): nothing copied, the pieces as they are.
        return resolved
            .into_iter()
            .filter_map(|r| match r {
                Resolved::Piece(p) => Some(p),
                Resolved::Copied(_) => None,
            })
            .collect();
    }
    let mut pieces = smallvec::SmallVec::<[Option<BodyPiece<'a>>; 4]>::new();
    for r in resolved {
        match r {
            Resolved::Piece(p) => pieces.push(Some(p)),
            Resolved::Copied(bytes) => {
                owned.push(bytes);
                pieces.push(None);
            }
        }
    }
    let mut copied = owned.iter();
    pieces
        .into_iter()
        .map(|p| p.unwrap_or_else(|| BodyPiece::Mem(copied.next().expect("one per copied chunk").as_slice())))
        .collect()
}

/// HTTP/1.1 response trailers (`HttpDataChunkTrailers`). http.sys frames no chunks there, so they can
/// only go where the application's own chunked body ends: when the request allows them (`TE: trailers`)
/// and the last send's last memory piece ends with the last chunk and an empty trailer section
/// (`0\r\n\r\n`), that piece is re-made with the fields before its final CRLF. Otherwise (`None`) they
/// are dropped, as RFC 9110 section 6.5.1 lets a sender do for a recipient that did not ask for them.
/// Fields whose value holds CR or LF are left out.
pub fn http1_trailers(
    req: &crate::http1::request::RequestHead,
    last: &[u8],
    trailers: &[super::h2::control::Trailer],
) -> Option<Vec<u8>> {
    if trailers.is_empty() {
        return None;
    }
    let te = req.fields.iter().any(|f| {
        req.name(f).eq_ignore_ascii_case(b"te")
            && req.value(f).split(|b| *b == b',').any(|t| {
                let t = t.trim_ascii();
                t.len() >= 8 && t[..8].eq_ignore_ascii_case(b"trailers")
            })
    });
    let ends = last == b"0\r\n\r\n" || last.ends_with(b"\r\n0\r\n\r\n");
    if !te || !ends {
        return None;
    }
    let mut out = Vec::with_capacity(last.len() + 64);
    out.extend_from_slice(&last[..last.len() - 2]);
    for (name, value) in trailers {
        if value.iter().any(|b| *b == b'\r' || *b == b'\n') {
            continue;
        }
        out.extend_from_slice(name);
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http1_trailers_go_into_the_applications_last_chunk_when_asked_for() {
        let head = |te: &str| {
            let text = format!("GET / HTTP/1.1\r\nHost: h\r\n{te}\r\n");
            crate::http1::request::parse_request_head(text.as_bytes()).unwrap().unwrap().0
        };
        let t = vec![(b"grpc-status".to_vec(), b"0".to_vec()), (b"x-bad".to_vec(), b"a\r\nb".to_vec())];
        let asked = head("TE: gzip, trailers\r\n");
        assert_eq!(
            http1_trailers(&asked, b"3\r\nabc\r\n0\r\n\r\n", &t).unwrap(),
            b"3\r\nabc\r\n0\r\ngrpc-status: 0\r\n\r\n"
        );
        assert_eq!(http1_trailers(&asked, b"0\r\n\r\n", &t).unwrap(), b"0\r\ngrpc-status: 0\r\n\r\n");
        // Not asked for, not the application's last chunk, or nothing to add: dropped.
        assert!(http1_trailers(&head(""), b"0\r\n\r\n", &t).is_none());
        assert!(http1_trailers(&asked, b"abc", &t).is_none());
        assert!(http1_trailers(&asked, b"0\r\n\r\n", &[]).is_none());
    }
}
