//! `errno` and the invalid parameter handler (`_set_invalid_parameter_handler`,
//! `_set_thread_local_invalid_parameter_handler`).
//!
//! The UCRT's rule for a bad argument: set errno, then call the thread's handler if it has one, else the
//! process's; with neither, the release runtime ends the process (`_invoke_watson`). A handler that returns
//! lets the function return its documented error. The handler gets NULL for the expression, function and
//! file and 0 for the line, as in MSVC's release runtime.
use parking_lot::Mutex;
use std::cell::Cell;

/// `_invalid_parameter_handler`: `(expression, function, file, line, reserved)`.
pub type Handler = unsafe extern "C" fn(*const u16, *const u16, *const u16, u32, usize);

static PROCESS: Mutex<Option<Handler>> = Mutex::new(None);

thread_local! {
    static THREAD: Cell<Option<Handler>> = const { Cell::new(None) };
}

/// Sets the process's handler; returns the previous one.
pub fn set_process_handler(h: Option<Handler>) -> Option<Handler> {
    std::mem::replace(&mut *PROCESS.lock(), h)
}

pub fn process_handler() -> Option<Handler> {
    *PROCESS.lock()
}

/// Sets the calling thread's handler (it wins over the process's); returns the previous one.
pub fn set_thread_handler(h: Option<Handler>) -> Option<Handler> {
    THREAD.with(|t| t.replace(h))
}

pub fn thread_handler() -> Option<Handler> {
    THREAD.with(|t| t.get())
}

/// Sets the C library's `errno` of the calling thread.
pub fn set_errno(value: i32) {
    // SAFETY: __errno_location returns the calling thread's errno, always valid.
    unsafe { *libc::__errno_location() = value }
}

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    // SAFETY: as in set_errno.
    unsafe { *libc::__errno_location() }
}

/// Reports a bad argument of `function`: errno = `code`, then the handler; returns `code` for the caller to
/// return. Without a handler the process ends, as MSVC's release runtime ends it.
pub fn invalid_parameter(function: &str, code: i32) -> i32 {
    set_errno(code);
    let Some(handler) = thread_handler().or_else(process_handler) else {
        tracing::error!(target: "winhttpapi::crt", "{function}: invalid parameter, no handler: ending the process");
        eprintln!(
            "winhttpapi: invalid parameter passed to {function}; the process ends as under the MSVC runtime \
             (install a handler with _set_invalid_parameter_handler to get the error return instead)"
        );
        std::process::abort();
    };
    tracing::debug!(target: "winhttpapi::crt", "{function}: invalid parameter (errno {code})");
    // SAFETY: the program installed `handler` as an `_invalid_parameter_handler`; the handler's contract: it may be
    // called with NULL strings and line 0.
    unsafe { handler(std::ptr::null(), std::ptr::null(), std::ptr::null(), 0, 0) };
    code
}
