//! Critical sections: recursive locks owned by a thread, as Windows' `CRITICAL_SECTION`.
//! The caller's `CRITICAL_SECTION` storage holds a pointer to one of these (see `ffi::win32`).
use parking_lot::lock_api::RawReentrantMutex;
use parking_lot::{RawMutex, RawThreadId};

/// A recursive lock. Operations: `enter`, `try_enter`, `leave`.
pub struct CriticalSection {
    lock: RawReentrantMutex<RawMutex, RawThreadId>,
    pub spin_count: u32,
}

impl CriticalSection {
    pub fn new(spin_count: u32) -> Self {
        CriticalSection { lock: RawReentrantMutex::INIT, spin_count }
    }
    /// `EnterCriticalSection`: blocks until the calling thread owns it (again, if it already did).
    pub fn enter(&self) {
        self.lock.lock();
    }
    /// `TryEnterCriticalSection`.
    pub fn try_enter(&self) -> bool {
        self.lock.try_lock()
    }
    /// `LeaveCriticalSection`. Leaving a section the thread does not own is undefined on Windows
    /// (it corrupts the section); here it is ignored with a warning instead.
    pub fn leave(&self) {
        if self.lock.is_owned_by_current_thread() {
            // SAFETY: the calling thread owns the lock (checked just above).
            unsafe { self.lock.unlock() }
        } else {
            tracing::warn!(target: "winhttpapi::win32", "LeaveCriticalSection by a thread that does not own it");
        }
    }
    /// Whether some thread holds it (for `DeleteCriticalSection` warnings).
    pub fn is_locked(&self) -> bool {
        self.lock.is_locked()
    }
}
