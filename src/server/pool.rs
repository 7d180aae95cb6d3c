//! Buffers lent to connections while they hold bytes (a partial head, body bytes read ahead of the
//! application, a pipelined request): an idle keep-alive connection holds none (DESIGN.md section 9:
//! at most 2 KiB per idle connection), and what a closed connection gave back is lent again instead of
//! growing the heap.
//!
//! Reads that take a whole request at once never borrow: they go through the reading thread's own
//! scratch buffer ([`with_scratch`]) and only what is left over is copied into a lent buffer.
use parking_lot::Mutex;
use std::cell::RefCell;

/// The size of a lent buffer (a head up to 16 KiB fits; bodies stream through it).
pub const BUF: usize = 16 * 1024;
/// Buffers kept for reuse; more are freed when given back.
const KEEP: usize = 512;

static FREE: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// An empty buffer of capacity [`BUF`].
pub fn take() -> Vec<u8> {
    FREE.lock().pop().unwrap_or_else(|| Vec::with_capacity(BUF))
}

/// Gives a buffer back (its contents are dropped).
pub fn give(mut buf: Vec<u8>) {
    if buf.capacity() != BUF {
        return;
    }
    buf.clear();
    let mut free = FREE.lock();
    if free.len() < KEEP {
        free.push(buf);
    }
}

thread_local! {
    static SCRATCH: RefCell<Box<[u8]>> = RefCell::new(vec![0u8; BUF].into_boxed_slice());
}

/// Runs `f` with this thread's scratch buffer (not re-entrant: `f` must not call it again).
pub fn with_scratch<R>(f: impl FnOnce(&mut [u8]) -> R) -> R {
    SCRATCH.with(|s| f(&mut s.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_come_back_empty_and_odd_sizes_are_not_kept() {
        let mut b = take();
        assert_eq!(b.capacity(), BUF);
        b.extend_from_slice(b"abc");
        give(b);
        let b = take();
        assert!(b.is_empty());
        give(Vec::with_capacity(10));
        give(b);
        with_scratch(|s| assert_eq!(s.len(), BUF));
    }
}
