//! How a server operation reports its end: through the caller's `OVERLAPPED` (event and/or the
//! completion port the queue is bound to), or to a thread blocked in a synchronous call.
//!
//! Every pending operation owns exactly one [`Completion`]; whoever takes it out of its owner (under
//! that owner's lock) fires it, so each operation completes exactly once.
use super::queue::RequestQueue;
use crate::win32::error::*;
use crate::win32::overlapped::{self, OverlappedPtr};
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The waiting side of a synchronous call.
#[derive(Default)]
pub struct SyncSlot {
    /// The last result, with the number of the call it ends.
    result: Mutex<Option<(u64, Win32Error, u32)>>,
    cv: Condvar,
    /// The owning thread's calls, counted: a result is the current call's when it carries its number, so
    /// nothing is cleared between calls. Only the owning thread writes it, while nothing else holds the
    /// slot (a load and a store, no read-modify-write).
    calls: AtomicU64,
}

impl SyncSlot {
    pub fn new() -> Arc<Self> {
        Arc::new(SyncSlot::default())
    }
    fn set(&self, call: u64, error: Win32Error, bytes: u32) {
        *self.result.lock() = Some((call, error, bytes));
        self.cv.notify_one();
    }
    /// Blocks until call `call` ends.
    pub fn wait(&self, call: u64) -> (Win32Error, u32) {
        let mut r = self.result.lock();
        loop {
            if let Some((c, e, n)) = *r {
                if c == call {
                    return (e, n);
                }
            }
            self.cv.wait(&mut r);
        }
    }
}

thread_local! {
    /// The slot this thread's synchronous calls wait on.
    static SYNC_SLOT: std::cell::Cell<Option<Arc<SyncSlot>>> = const { std::cell::Cell::new(None) };
}

/// Where the end of one operation goes.
pub enum Completion {
    /// A synchronous call's slot and the call's number ([`SyncSlot`]).
    Sync(Arc<SyncSlot>, u64),
    Overlapped {
        ov: OverlappedPtr,
        queue: Arc<RequestQueue>,
    },
}

impl Completion {
    /// Reports the end. `inline`: the export itself returns this result (no `ERROR_IO_PENDING`).
    pub fn fire(self, error: Win32Error, bytes: u32, inline: bool) {
        match self {
            Completion::Sync(slot, call) => slot.set(call, error, bytes),
            // SAFETY: the caller keeps its OVERLAPPED valid until the operation completes (the contract
            // of every overlapped http.sys call); this is that completion.
            Completion::Overlapped { ov, queue } => unsafe {
                overlapped::complete(Some(&queue.binding), ov, error, bytes as usize, inline)
            },
        }
    }

    /// The `OVERLAPPED` address, for `CancelIoEx` matching (0 for synchronous calls).
    pub fn overlapped(&self) -> usize {
        match self {
            Completion::Sync(..) => 0,
            Completion::Overlapped { ov, .. } => ov.0,
        }
    }
}

/// What starting an operation gave.
pub enum Start {
    /// Finished now with this code and byte count; `post`: report it through the `OVERLAPPED` too
    /// (http.sys queues a completion packet even when the call returns `NO_ERROR` at once).
    Done(Win32Error, u32, bool),
    /// The completion was kept by the operation, which fires it later.
    Pending,
}

/// Runs an operation the export's way: `start` finishes it now or keeps the completion it is given.
/// Synchronous callers then wait; overlapped callers get `ERROR_IO_PENDING`.
pub fn run(
    queue: &Arc<RequestQueue>,
    ov: Option<OverlappedPtr>,
    start: impl FnOnce(Completion) -> Start,
) -> (Win32Error, u32) {
    match ov {
        // The thread's slot, reused while nothing else holds it (no allocation per call; a nested call
        // finds none and makes its own).
        None => SYNC_SLOT.with(|cell| {
            let slot = cell.take().filter(|s| Arc::strong_count(s) == 1).unwrap_or_default();
            // The only reference: this call's number, and nothing to clear (a result of an earlier call
            // carries its own number).
            let call = slot.calls.load(Ordering::Relaxed).wrapping_add(1);
            slot.calls.store(call, Ordering::Relaxed);
            let r = match start(Completion::Sync(slot.clone(), call)) {
                Start::Done(e, n, _) => (e, n),
                Start::Pending => slot.wait(call),
            };
            cell.set(Some(slot));
            r
        }),
        Some(ov) => {
            // SAFETY: the caller's OVERLAPPED, valid until completion (see `fire`).
            unsafe { ov.mark_pending() };
            match start(Completion::Overlapped { ov, queue: queue.clone() }) {
                Start::Done(e, n, post) => {
                    if post {
                        Completion::Overlapped { ov, queue: queue.clone() }.fire(e, n, true);
                    }
                    (e, n)
                }
                Start::Pending => (ERROR_IO_PENDING, 0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synchronous_wait_takes_only_its_own_call_s_result() {
        let slot = SyncSlot::new();
        // Call 1 ended with a result nobody waited for (it returned at once).
        slot.set(1, ERROR_SUCCESS, 5);
        let other = slot.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            other.set(2, ERROR_MORE_DATA, 7);
        });
        // Call 2 waits for its own, not call 1's.
        assert_eq!(slot.wait(2), (ERROR_MORE_DATA, 7));
        t.join().unwrap();
    }
}
