//! Clocks and times (engine: `win32::time`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::time::{self};

/// `GetTickCount`: milliseconds since boot, wrapping every 49.7 days.
#[no_mangle]
pub extern "C" fn GetTickCount() -> DWORD {
    guard_infallible("GetTickCount", 0, || time::tick_count64() as DWORD)
}

/// `GetTickCount64`: milliseconds since boot.
#[no_mangle]
pub extern "C" fn GetTickCount64() -> ULONGLONG {
    guard_infallible("GetTickCount64", 0, time::tick_count64)
}

/// `QueryPerformanceCounter`: nanoseconds of `CLOCK_MONOTONIC` (frequency 10^9).
///
/// # Safety
/// `lpPerformanceCount` is NULL or points to memory valid for what `QueryPerformanceCounter` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn QueryPerformanceCounter(lpPerformanceCount: *mut i64) -> BOOL {
    guard_win32("QueryPerformanceCounter", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "QueryPerformanceCounter({lpPerformanceCount:?})");
        // SAFETY: `write_req`: `lpPerformanceCount` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpPerformanceCount, time::performance_counter()) }?;
        Ok(TRUE)
    })
}

/// `QueryPerformanceFrequency`: 1,000,000,000 counts per second.
///
/// # Safety
/// `lpFrequency` is NULL or points to memory valid for what `QueryPerformanceFrequency` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn QueryPerformanceFrequency(lpFrequency: *mut i64) -> BOOL {
    guard_win32("QueryPerformanceFrequency", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "QueryPerformanceFrequency({lpFrequency:?})");
        // SAFETY: `write_req`: `lpFrequency` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpFrequency, time::PERFORMANCE_FREQUENCY) }?;
        Ok(TRUE)
    })
}

/// `GetSystemTime`: the current UTC time.
///
/// # Safety
/// `lpSystemTime` is NULL or points to memory valid for what `GetSystemTime` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetSystemTime(lpSystemTime: *mut SYSTEMTIME) {
    // SAFETY: `write_req`: `lpSystemTime` is NULL or points to a writable, aligned `T`.
    guard_win32("GetSystemTime", (), || unsafe {
        write_req(lpSystemTime, time::system_time_from_filetime(time::now_filetime())?)
    })
}

/// `GetSystemTimeAsFileTime`: the current UTC time in 100-ns units since 1601.
///
/// # Safety
/// `lpSystemTimeAsFileTime` is NULL or points to memory valid for what `GetSystemTimeAsFileTime` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetSystemTimeAsFileTime(lpSystemTimeAsFileTime: *mut FILETIME) {
    guard_win32("GetSystemTimeAsFileTime", (), || {
        // SAFETY: `write_req`: `lpSystemTimeAsFileTime` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpSystemTimeAsFileTime, time::filetime_from_value(time::now_filetime())) }
    })
}

/// `SystemTimeToFileTime`: fields out of range: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpSystemTime`, `lpFileTime` are each NULL or point to memory valid for what `SystemTimeToFileTime` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn SystemTimeToFileTime(lpSystemTime: *const SYSTEMTIME, lpFileTime: *mut FILETIME) -> BOOL {
    guard_win32("SystemTimeToFileTime", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SystemTimeToFileTime({lpSystemTime:?}, {lpFileTime:?})");
        if lpSystemTime.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `lpSystemTime` is non-NULL (checked above) and points to the caller's SYSTEMTIME.
        let ft = time::filetime_from_system_time(unsafe { &*lpSystemTime })?;
        // SAFETY: `write_req`: `lpFileTime` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpFileTime, time::filetime_from_value(ft)) }?;
        Ok(TRUE)
    })
}

/// `FileTimeToSystemTime`: a value above 0x7FFFFFFFFFFFFFFF: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpFileTime`, `lpSystemTime` are each NULL or point to memory valid for what `FileTimeToSystemTime` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn FileTimeToSystemTime(lpFileTime: *const FILETIME, lpSystemTime: *mut SYSTEMTIME) -> BOOL {
    guard_win32("FileTimeToSystemTime", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FileTimeToSystemTime({lpFileTime:?}, {lpSystemTime:?})");
        if lpFileTime.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `lpFileTime` is non-NULL (checked above) and points to the caller's FILETIME.
        let st = time::system_time_from_filetime(time::filetime_value(unsafe { &*lpFileTime }))?;
        // SAFETY: `write_req`: `lpSystemTime` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpSystemTime, st) }?;
        Ok(TRUE)
    })
}
