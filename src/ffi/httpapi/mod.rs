//! Exports of `http.h` (the HTTP Server API). Every function returns its Win32 code (`NO_ERROR`,
//! `ERROR_IO_PENDING`, an error) and leaves last-error alone. Functions with wide-string content are
//! written once, generic over the caller's `WCHAR` width, and exported twice (`Name` for 32-bit
//! `wchar_t`, `Name_w16` for `-fshort-wchar` callers); for the others `Name_w16` is a second name of the
//! one function (`w16_alias!`).
//!
//! Ownership: request and entity buffers passed with an `OVERLAPPED` belong to the library until the
//! operation completes (event set or packet dequeued); response data is read during the call (what
//! the socket does not take at once is copied), so the caller may reuse it when the call returns.
#![allow(non_snake_case, non_upper_case_globals)]
pub mod cache;
pub mod config;
pub mod control;
pub mod properties;
pub mod receive;
pub mod request_property;
pub mod send;
pub mod url;

pub use cache::*;
pub use config::*;
pub use control::*;
pub use properties::*;
pub use receive::*;
pub use request_property::*;
pub use send::*;
pub use url::*;

use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::queue::RequestQueue;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::overlapped::OverlappedPtr;
use std::sync::Arc;

const T: &str = "winhttpapi::httpapi";

fn ov_of(p: *mut OVERLAPPED) -> Option<OverlappedPtr> {
    (!p.is_null()).then_some(OverlappedPtr(p as usize))
}

/// The queue behind a handle: dead, forged or another kind of handle is `ERROR_INVALID_HANDLE`.
fn queue_of(h: HANDLE) -> WinResult<Arc<RequestQueue>> {
    handle::get_typed::<RequestQueue>(raw(h))
}

/// A synchronous call's result: the byte count goes to the out-pointer on success (and the size
/// needed with `ERROR_MORE_DATA`).
///
/// # Safety
/// `out` is NULL or points to a writable, aligned `T`.
unsafe fn finish(r: (Win32Error, u32), out: *mut ULONG, ov: Option<OverlappedPtr>) -> WinResult<()> {
    let (e, n) = r;
    if ov.is_none() && (e == ERROR_SUCCESS || e == ERROR_MORE_DATA) {
        // SAFETY: `write_opt`: `out` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(out, n) };
    }
    if e == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(e)
    }
}
