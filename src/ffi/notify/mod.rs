//! Exports of `httpnotify.h`: notification ports over the HTTP Server API's objects, with MS-CMRP's
//! method names, signatures (protocol version 3) and return codes (seeds/ApiGetNotifyAsync.txt).
//! Every method returns its code as `error_status_t` and leaves last-error alone; `rpc_status`
//! out-parameters (there is no RPC transport here) are set to 0. The methods that hand out `Name`
//! strings are written once, generic over the caller's `WCHAR`, and exported twice (`Name_w16` for
//! `-fshort-wchar` callers); the others take no string and have no twin.
//!
//! Ownership: arrays and strings handed out come from the process heap: `ApiFreeNotifications`
//! frees an `ApiGetNotifyAsync` array with its names, `LocalFree` one `Name` of `ApiGetNotify` (or
//! each part of an array, as an RPC client frees with `MIDL_user_free`). `ApiGetNotifyAsyncEx` with an
//! `OVERLAPPED` writes its out-parameters when it completes: they stay valid until then, like the
//! `OVERLAPPED` itself.
#![allow(non_snake_case, non_camel_case_types)]
pub mod get;
pub mod port;
pub mod register;

pub use get::*;
pub use port::*;
pub use register::*;

use crate::notify::port::NotifyPort;
use crate::win32::error::*;
use crate::win32::handle;
use std::ffi::c_void;
use std::sync::Arc;

const T: &str = "winhttpapi::notify";

pub type error_status_t = u32;
pub type HNOTIFY_RPC = *mut c_void;

/// The port behind a handle. Another kind of handle, a forged or an old value: `ERROR_INVALID_HANDLE`.
pub(crate) fn port_of(h: HNOTIFY_RPC) -> WinResult<Arc<NotifyPort>> {
    handle::get_typed::<NotifyPort>(crate::ffi::types::raw(h))
}

/// For the get methods, whose page has a code of its own for a port that "has been closed":
/// `ERROR_NO_MORE_ITEMS` for the handle of a port `ApiCloseNotify` closed (while its handle-table
/// slot remembers it: until another handle in the slot closes).
pub(crate) fn port_to_wait_on(h: HNOTIFY_RPC) -> WinResult<Arc<NotifyPort>> {
    port_of(h).map_err(|e| match handle::closed_kind(crate::ffi::types::raw(h)) {
        Some(k) if k == NotifyPort::KIND => ERROR_NO_MORE_ITEMS,
        _ => e,
    })
}
