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
