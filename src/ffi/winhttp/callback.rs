//! `WinHttpSetStatusCallback` (engine: `client::callback`).
use super::*;
use crate::client::abi::WINHTTP_INVALID_STATUS_CALLBACK;
use crate::client::api;
use crate::client::callback::StatusCallback;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::types::*;
use crate::win32::error::*;
use std::ffi::c_void;

fn set_status_callback(
    h: HINTERNET,
    cb: Option<StatusCallback>,
    flags: DWORD,
    reserved: usize,
    wide16: bool,
) -> WinResult<*mut c_void> {
    tracing::trace!(target: T, "WinHttpSetStatusCallback({h:?}, {cb:?}, {flags:#x}, {reserved})");
    if cb.is_some_and(|f| f as usize == WINHTTP_INVALID_STATUS_CALLBACK) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    api::set_status_callback(raw(h), cb, flags, wide16)
        .map(|prev| prev.map_or(std::ptr::null_mut(), |f| f as *mut c_void))
}

/// `WinHttpSetStatusCallback`: installs `lpfnInternetCallback` (NULL removes it) for the
/// `WINHTTP_CALLBACK_FLAG_*` notifications in `dwNotificationFlags` on a session, connect or request
/// handle; handles opened from it later copy it. Returns the previous callback (NULL if none), or
/// `WINHTTP_INVALID_STATUS_CALLBACK` with `ERROR_INVALID_HANDLE` for anything but a live WinHTTP
/// handle. The callback gets the handle, its context value (`WINHTTP_OPTION_CONTEXT_VALUE`, or the
/// `dwContext` of `WinHttpSendRequest`), the status and its information. Threads: informational
/// notifications of a synchronous call run on the calling thread before it returns; those of an
/// asynchronous one, and every completion, run on the library's callback threads (never its I/O
/// threads), so a callback may block, call the next WinHTTP function or close the handle. One
/// handle's callbacks never overlap; a completion of a call made inside a callback runs right after
/// that callback returns, on the same thread. HANDLE_CLOSING is the last callback of a handle.
#[no_mangle]
pub extern "C" fn WinHttpSetStatusCallback(
    hInternet: HINTERNET,
    lpfnInternetCallback: Option<StatusCallback>,
    dwNotificationFlags: DWORD,
    dwReserved: usize,
) -> *mut c_void {
    guard_winhttp("WinHttpSetStatusCallback", WINHTTP_INVALID_STATUS_CALLBACK as *mut c_void, || {
        set_status_callback(hInternet, lpfnInternetCallback, dwNotificationFlags, dwReserved, false)
    })
}
/// `WinHttpSetStatusCallback` for `-fshort-wchar` callers: string information is UTF-16.
#[no_mangle]
pub extern "C" fn WinHttpSetStatusCallback_w16(
    hInternet: HINTERNET,
    lpfnInternetCallback: Option<StatusCallback>,
    dwNotificationFlags: DWORD,
    dwReserved: usize,
) -> *mut c_void {
    guard_winhttp("WinHttpSetStatusCallback_w16", WINHTTP_INVALID_STATUS_CALLBACK as *mut c_void, || {
        set_status_callback(hInternet, lpfnInternetCallback, dwNotificationFlags, dwReserved, true)
    })
}
