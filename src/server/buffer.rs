//! A caller's output buffer held across threads: `HttpReceiveHttpRequest` and
//! `HttpReceiveRequestEntityBody` may complete later on a reactor thread, writing into memory the caller
//! promised to keep valid until completion (the documented contract of every overlapped call).
//! The engine only ever sees it as a byte slice.

/// `HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA`: small pieces of a streamed response are held back and sent
/// together with a later piece, as http.sys does, so many small `HttpSendResponseEntityBody` calls do
/// not become as many small TCP segments. Held bytes go out, in order, in front of the next send that
/// is not held.
#[derive(Default)]
pub struct Coalescer {
    held: Vec<u8>,
}

/// Held bytes are flushed once they would pass this size.
pub const COALESCE_LIMIT: usize = 16 * 1024;

impl Coalescer {
    /// Holds `pieces` when the caller asked for buffering and everything fits under the limit.
    pub fn try_hold(&mut self, buffer_data: bool, pieces: &[std::io::IoSlice]) -> bool {
        let n: usize = pieces.iter().map(|p| p.len()).sum();
        if !buffer_data || self.held.len() + n > COALESCE_LIMIT {
            return false;
        }
        for p in pieces {
            self.held.extend_from_slice(p);
        }
        true
    }

    /// The bytes to send before the next piece (empty when nothing is held).
    pub fn held(&self) -> &[u8] {
        &self.held
    }

    /// Forgets the held bytes once they were handed to the socket (or its queue).
    pub fn clear(&mut self) {
        self.held.clear();
    }
}
