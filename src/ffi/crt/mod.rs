//! Exports of the C runtime functions of `include/corecrt.h` and `include/conio.h` (engine: `crate::crt`).
//! Each function that takes a `WCHAR` string is exported for UTF-32 callers under its own name and for
//! `-fshort-wchar` callers as `<name>_w16`, from one generic body; `utf16.rs` holds the UTF-16 versions of
//! glibc's own wide functions.
//!
//! These functions do not use the Win32 last error: failures are reported as MSVC does, through `errno` and
//! the invalid parameter handler ([`crate::crt::invalid`]), and the function's return value.
#![allow(non_snake_case)]
pub mod conio;
pub mod files;
pub mod format;
pub mod numbers;
pub mod strings;
pub mod utf16;

pub use conio::*;
pub use files::*;
pub use format::*;
pub use numbers::*;
pub use strings::*;
pub use utf16::*;

use crate::crt::invalid::{self, invalid_parameter};
use crate::crt::Unit;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use std::ffi::c_int;

/// `_NLSCMPERROR`, what the comparison functions return for a NULL argument.
pub(crate) const NLSCMPERROR: c_int = i32::MAX;

/// The caller's NUL-terminated string without its terminator.
///
/// # Safety
/// `p` is non-NULL and points to a NUL-terminated array of `U`.
pub(crate) unsafe fn whole<'a, U: Unit>(p: *const U) -> &'a [U] {
    // SAFETY: `units_in`: `p` points to `units_strlen(p)` readable units valid for `'a` (it may be NULL only when
    // `units_strlen(p)` is 0).
    unsafe { units_in(p, units_strlen(p)) }
}

/// At most `max` units of the caller's string (fewer when its terminator comes first).
///
/// # Safety
/// `p` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
pub(crate) unsafe fn prefix<'a, U: Unit>(p: *const U, max: usize) -> &'a [U] {
    let mut n = 0;
    // SAFETY: `p` holds `max` readable units or a NUL before them (this function's contract).
    while n < max && !unsafe { *p.add(n) }.is_zero() {
        n += 1;
    }
    // SAFETY: `units_in`: `p` points to `n` readable units valid for `'a` (it may be NULL only when `n` is 0).
    unsafe { units_in(p, n) }
}

/// The caller's buffer of `size` units (the size the caller states, as the MSVC functions trust it).
///
/// # Safety
/// `p` is non-NULL and writable for `size` units.
pub(crate) unsafe fn buffer<'a, U>(p: *mut U, size: usize) -> &'a mut [U] {
    let size = size.min(isize::MAX as usize / std::mem::size_of::<U>().max(1));
    // SAFETY: `units_out`: `p` points to `size` writable units valid for `'a`, not aliased (NULL only when `size` is
    // 0).
    unsafe { units_out(p, size) }
}

/// An `_s` function's outcome as its `errno_t`: errors go through the invalid parameter handler.
pub(crate) fn errno_of(function: &str, r: Result<i32, i32>) -> c_int {
    match r {
        Ok(v) => v,
        Err(code) => invalid_parameter(function, code),
    }
}

// ---- the invalid parameter handler ------------------------------------------------------------------

/// `_set_invalid_parameter_handler`: sets the process's handler (NULL: none, so a bad argument ends the
/// process); returns the previous one.
#[no_mangle]
pub extern "C" fn _set_invalid_parameter_handler(pNew: Option<invalid::Handler>) -> Option<invalid::Handler> {
    guard_infallible("_set_invalid_parameter_handler", None, || invalid::set_process_handler(pNew))
}

/// `_get_invalid_parameter_handler`: the process's handler (NULL when none was set).
#[no_mangle]
pub extern "C" fn _get_invalid_parameter_handler() -> Option<invalid::Handler> {
    guard_infallible("_get_invalid_parameter_handler", None, invalid::process_handler)
}

/// `_set_thread_local_invalid_parameter_handler`: the calling thread's handler, which wins over the
/// process's; returns the previous one.
#[no_mangle]
pub extern "C" fn _set_thread_local_invalid_parameter_handler(
    pNew: Option<invalid::Handler>,
) -> Option<invalid::Handler> {
    guard_infallible("_set_thread_local_invalid_parameter_handler", None, || invalid::set_thread_handler(pNew))
}

/// `_get_thread_local_invalid_parameter_handler`: the calling thread's handler.
#[no_mangle]
pub extern "C" fn _get_thread_local_invalid_parameter_handler() -> Option<invalid::Handler> {
    guard_infallible("_get_thread_local_invalid_parameter_handler", None, invalid::thread_handler)
}
