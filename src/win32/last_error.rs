//! The thread's last error (`GetLastError`/`SetLastError`): one thread-local cell per thread.
use std::cell::Cell;

thread_local! {
    static LAST_ERROR: Cell<u32> = const { Cell::new(0) };
}

/// Sets the calling thread's last error. The guard in `ffi::guard` is the only caller on the
/// export path, so last-error is set in one place.
pub fn set_last_error(code: u32) {
    LAST_ERROR.with(|c| c.set(code));
}

/// Reads the calling thread's last error.
pub fn last_error() -> u32 {
    LAST_ERROR.with(|c| c.get())
}
