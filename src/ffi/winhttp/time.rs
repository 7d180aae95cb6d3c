//! HTTP dates: `WinHttpTimeFromSystemTime`, `WinHttpTimeToSystemTime` (engine: `http1::date`).
use super::*;
use crate::client::abi::*;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::wide_cstr;
use crate::ffi::types::*;
use crate::http1::date::{self, CivilTime};
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};

unsafe fn time_from_system_time<U: WideUnit>(st: *const SYSTEMTIME, out: *mut U) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeFromSystemTime({st:?}, {out:?})");
    if st.is_null() || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = *st;
    let mut t = CivilTime {
        year: s.wYear,
        month: s.wMonth,
        day_of_week: 0,
        day: s.wDay,
        hour: s.wHour,
        minute: s.wMinute,
        second: s.wSecond,
    };
    // The day of the week is computed, not trusted (Windows does the same).
    t.day_of_week = date::civil_from_unix(date::unix_from_civil(&t)).day_of_week;
    let text = date::format(&t);
    let units = wstr::encode_nul::<U>(&text);
    // The caller's buffer is WINHTTP_TIME_FORMAT_BUFSIZE: 31 WCHARs (62 bytes on Windows). Fields out of
    // range (hour 65535, ...) would format longer than that, so they are refused rather than written.
    if units.len() > 31 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len());
    Ok(TRUE)
}

/// `WinHttpTimeFromSystemTime`: formats a UTC `SYSTEMTIME` as an RFC 1123 date into a buffer of
/// `WINHTTP_TIME_FORMAT_BUFSIZE` bytes. NULL arguments: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime(pst: *const SYSTEMTIME, pwszTime: *mut WCHAR) -> BOOL {
    guard_winhttp("WinHttpTimeFromSystemTime", FALSE, || time_from_system_time(pst, pwszTime))
}
/// `WinHttpTimeFromSystemTime` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime_w16(pst: *const SYSTEMTIME, pwszTime: *mut u16) -> BOOL {
    guard_winhttp("WinHttpTimeFromSystemTime_w16", FALSE, || time_from_system_time(pst, pwszTime))
}

unsafe fn time_to_system_time<U: WideUnit>(s: *const U, st: *mut SYSTEMTIME) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeToSystemTime({s:?}, {st:?})");
    if s.is_null() || st.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let text = wide_cstr(s).unwrap_or_default();
    let t = date::parse_lenient(&text).ok_or(ERROR_INVALID_PARAMETER)?;
    *st = systemtime_of(&t);
    Ok(TRUE)
}

/// `WinHttpTimeToSystemTime`: parses an HTTP date (RFC 1123, RFC 850, asctime, and the loose forms Windows
/// accepts: any case, no comma, spaces for colons, no `GMT`) into a `SYSTEMTIME`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime(pwszTime: *const WCHAR, pst: *mut SYSTEMTIME) -> BOOL {
    guard_winhttp("WinHttpTimeToSystemTime", FALSE, || time_to_system_time(pwszTime, pst))
}
/// `WinHttpTimeToSystemTime` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime_w16(pwszTime: *const u16, pst: *mut SYSTEMTIME) -> BOOL {
    guard_winhttp("WinHttpTimeToSystemTime_w16", FALSE, || time_to_system_time(pwszTime, pst))
}
