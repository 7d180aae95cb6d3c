//! Exports of `winhttp.h`. Each function with string content is written once, generic over
//! [`WideUnit`], and exported twice: `Name` (`wchar_t` = UTF-32) and `Name_w16` (`-fshort-wchar`). A
//! function without string content is written once and exported under both names (`w16_alias!`).
//! Functions not built yet link, log a warning and fail with `ERROR_CALL_NOT_IMPLEMENTED`
//! (`exports/winhttp.txt` marks them `not-implemented`).
#![allow(non_snake_case, clippy::too_many_arguments)]
pub mod auth;
pub mod callback;
pub mod connection_group;
pub mod data;
pub mod handles;
pub mod headers;
pub mod options;
pub mod proxy;
pub mod proxy_settings;
pub mod request;
pub mod resolver;
pub mod time;
pub mod types;
pub mod url;
pub mod websocket;

pub use auth::*;
pub use callback::*;
pub use connection_group::*;
pub use data::*;
pub use handles::*;
pub use headers::*;
pub use options::*;
pub use proxy::*;
pub use proxy_settings::*;
pub use request::*;
pub use resolver::*;
pub use time::*;
pub use types::*;
pub use url::*;
pub use websocket::*;

use crate::ffi::ptr::bytes_out;
use crate::ffi::types::*;
use crate::http1::date::CivilTime;
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_void;
use std::ptr::null_mut;

const T: &str = "winhttpapi::winhttp";
const WINHTTP_EXTENDED_HEADER_FLAG_UNICODE: u64 = 1;

/// `WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT` (set on a session; handled with the status callbacks).
const WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT: DWORD = 99;

/// Copies a wide string and its terminator into a caller buffer of `cap_bytes`, WinHTTP style:
/// too small (or NULL) -> `ERROR_INSUFFICIENT_BUFFER` with the bytes needed (terminator included);
/// success -> the length in bytes without the terminator.
unsafe fn put_wide_bytes<U: WideUnit>(s: &str, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let units = wstr::encode_nul::<U>(s);
    let need = units.len() * U::SIZE;
    if buf.is_null() || (*len as usize) < need {
        *len = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    let out = bytes_out(buf as *mut u8, need)?;
    for (i, u) in units.iter().enumerate() {
        std::ptr::copy_nonoverlapping(u as *const U as *const u8, out.as_mut_ptr().add(i * U::SIZE), U::SIZE);
    }
    *len = (need - U::SIZE) as u32;
    Ok(())
}

/// Copies a fixed-size value into a caller buffer of `*len` bytes, with WinHTTP's sizing rule.
unsafe fn put_value<V: Copy>(v: V, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let need = std::mem::size_of::<V>();
    if buf.is_null() || (*len as usize) < need {
        *len = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    (buf as *mut V).write_unaligned(v);
    *len = need as u32;
    Ok(())
}

/// A freshly allocated wide string for the caller to free with `GlobalFree` (NULL for None).
unsafe fn alloc_wide<U: WideUnit>(s: Option<&str>) -> *mut c_void {
    let Some(s) = s else { return null_mut() };
    let units = wstr::encode_nul::<U>(s);
    // From the process heap, so the caller's `GlobalFree` (which checks the block header) takes it.
    let Ok(p) = crate::win32::heap::alloc(units.len() * U::SIZE, false) else { return null_mut() };
    std::ptr::copy_nonoverlapping(units.as_ptr(), p as *mut U, units.len());
    p as *mut c_void
}

fn systemtime_of(t: &CivilTime) -> SYSTEMTIME {
    SYSTEMTIME {
        wYear: t.year,
        wMonth: t.month,
        wDayOfWeek: t.day_of_week,
        wDay: t.day,
        wHour: t.hour,
        wMinute: t.minute,
        wSecond: t.second,
        wMilliseconds: 0,
    }
}
