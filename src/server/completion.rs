//! How a server operation reports its end: through the caller's `OVERLAPPED` (event and/or the
//! completion port the queue is bound to), or to a thread blocked in a synchronous call.
//!
//! Every pending operation owns exactly one [`Completion`]; whoever takes it out of its owner (under
//! that owner's lock) fires it, so each operation completes exactly once.
use super::queue::RequestQueue;
use crate::win32::error::*;
use crate::win32::overlapped::{self, OverlappedPtr};
use parking_lot::{Condvar, Mutex};
use std::sync::Arc;

/// The waiting side of a synchronous call.
#[derive(Default)]
pub struct SyncSlot {
    result: Mutex<Option<(Win32Error, u32)>>,
    cv: Condvar,
}

impl SyncSlot {
    pub fn new() -> Arc<Self> {
        Arc::new(SyncSlot::default())
    }
    fn set(&self, error: Win32Error, bytes: u32) {
        *self.result.lock() = Some((error, bytes));
        self.cv.notify_one();
    }
    /// Blocks until the operation ends.
    pub fn wait(&self) -> (Win32Error, u32) {
        let mut r = self.result.lock();
        loop {
            if let Some(v) = *r {
                return v;
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
    Sync(Arc<SyncSlot>),
    Overlapped { ov: OverlappedPtr, queue: Arc<RequestQueue> },
}

impl Completion {
    /// Reports the end. `inline`: the export itself returns this result (no `ERROR_IO_PENDING`).
    pub fn fire(self, error: Win32Error, bytes: u32, inline: bool) {
        match self {
            Completion::Sync(slot) => slot.set(error, bytes),
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
            Completion::Sync(_) => 0,
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
            let mut slot = cell.take().filter(|s| Arc::strong_count(s) == 1).unwrap_or_default();
            // The only reference: cleared without taking its lock.
            match Arc::get_mut(&mut slot) {
                Some(s) => *s.result.get_mut() = None,
                None => *slot.result.lock() = None,
            }
            let r = match start(Completion::Sync(slot.clone())) {
                Start::Done(e, n, _) => (e, n),
                Start::Pending => slot.wait(),
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
