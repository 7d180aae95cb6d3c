//! HTTP dates: `WinHttpTimeFromSystemTime`, `WinHttpTimeToSystemTime` (engine: `http1::date`).
use super::*;
use crate::client::abi::*;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::wide_cstr;
use crate::ffi::types::*;
use crate::http1::date::{self, CivilTime};
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};

/// # Safety
/// The pointers are the arguments of `WinHttpTimeFromSystemTime` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `st` is its
/// `pst`, `out` is its `pwszTime`.
unsafe fn time_from_system_time<U: WideUnit>(st: *const SYSTEMTIME, out: *mut U) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeFromSystemTime({st:?}, {out:?})");
    if st.is_null() || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: the caller's pointer is valid for reading (this function's `# Safety`)
    let s = unsafe { *st };
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
    // SAFETY: `copy_nonoverlapping`: both ranges are valid for the count given and do not overlap
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len()) };
    Ok(TRUE)
}

/// `WinHttpTimeFromSystemTime`: formats a UTC `SYSTEMTIME` as an RFC 1123 date into a buffer of
/// `WINHTTP_TIME_FORMAT_BUFSIZE` bytes. NULL arguments: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `pst`, `pwszTime` are each NULL or point to memory valid for what `WinHttpTimeFromSystemTime` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime(pst: *const SYSTEMTIME, pwszTime: *mut WCHAR) -> BOOL {
    // SAFETY: `time_from_system_time`: `pst`, `pwszTime` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpTimeFromSystemTime` reads or writes
    // through them.
    guard_winhttp("WinHttpTimeFromSystemTime", FALSE, || unsafe { time_from_system_time(pst, pwszTime) })
}
/// `WinHttpTimeFromSystemTime` for `-fshort-wchar` callers.
///
/// # Safety
/// `pst`, `pwszTime` are each NULL or point to memory valid for what `WinHttpTimeFromSystemTime` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime_w16(pst: *const SYSTEMTIME, pwszTime: *mut u16) -> BOOL {
    // SAFETY: `time_from_system_time`: `pst`, `pwszTime` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpTimeFromSystemTime` reads or writes
    // through them.
    guard_winhttp("WinHttpTimeFromSystemTime_w16", FALSE, || unsafe { time_from_system_time(pst, pwszTime) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpTimeToSystemTime` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `s` is its `pwszTime`,
/// `st` is its `pst`. In particular: `s` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn time_to_system_time<U: WideUnit>(s: *const U, st: *mut SYSTEMTIME) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeToSystemTime({s:?}, {st:?})");
    if s.is_null() || st.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `wide_cstr`: `s` is NULL or points to a readable NUL-terminated array of `U`.
    let text = unsafe { wide_cstr(s) }.unwrap_or_default();
    let t = date::parse_lenient(&text).ok_or(ERROR_INVALID_PARAMETER)?;
    // SAFETY: `st` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *st = systemtime_of(&t) };
    Ok(TRUE)
}

/// `WinHttpTimeToSystemTime`: parses an HTTP date (RFC 1123, RFC 850, asctime, and the loose forms Windows
/// accepts: any case, no comma, spaces for colons, no `GMT`) into a `SYSTEMTIME`.
///
/// # Safety
/// `pwszTime`, `pst` are each NULL or point to memory valid for what `WinHttpTimeToSystemTime` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime(pwszTime: *const WCHAR, pst: *mut SYSTEMTIME) -> BOOL {
    // SAFETY: `time_to_system_time`: `pwszTime`, `pst` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpTimeToSystemTime` reads or writes through
    // them; in particular `pwszTime` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpTimeToSystemTime", FALSE, || unsafe { time_to_system_time(pwszTime, pst) })
}
/// `WinHttpTimeToSystemTime` for `-fshort-wchar` callers.
///
/// # Safety
/// `pwszTime`, `pst` are each NULL or point to memory valid for what `WinHttpTimeToSystemTime` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime_w16(pwszTime: *const u16, pst: *mut SYSTEMTIME) -> BOOL {
    // SAFETY: `time_to_system_time`: `pwszTime`, `pst` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpTimeToSystemTime` reads or writes through
    // them; in particular `pwszTime` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpTimeToSystemTime_w16", FALSE, || unsafe { time_to_system_time(pwszTime, pst) })
}
