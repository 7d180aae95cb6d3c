//! Waits: `WaitForSingleObject(Ex)`, `WaitForMultipleObjects(Ex)` (engine: `win32::wait`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::wait::{self, WaitOutcome};

/// `WaitForSingleObject`: `WAIT_OBJECT_0`, `WAIT_TIMEOUT`, or `WAIT_FAILED` with last-error
/// (`ERROR_INVALID_HANDLE` for a dead handle or one that cannot be waited on).
#[no_mangle]
pub extern "C" fn WaitForSingleObject(hHandle: HANDLE, dwMilliseconds: DWORD) -> DWORD {
    guard_win32("WaitForSingleObject", WAIT_FAILED, || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForSingleObject({hHandle:?}, {dwMilliseconds:?})");
        let object = handle::get(raw(hHandle))?;
        let w = object.waitable().ok_or(ERROR_INVALID_HANDLE)?;
        Ok(match wait::wait_any(&[w], wait::deadline_after(dwMilliseconds)) {
            WaitOutcome::Signaled(i) => WAIT_OBJECT_0 + i as u32,
            WaitOutcome::TimedOut => WAIT_TIMEOUT,
        })
    })
}

fn wait_handles(handles: &[HANDLE], wait_all: bool, ms: DWORD) -> WinResult<DWORD> {
    if handles.is_empty() || handles.len() > MAXIMUM_WAIT_OBJECTS as usize {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // Hold every object for the whole wait: a handle closed by another thread meanwhile keeps its
    // object alive under us (the wait then ends only by another handle or the timeout).
    let objects = handles.iter().map(|&h| handle::get(raw(h))).collect::<WinResult<Vec<_>>>()?;
    let waitables = objects.iter().map(|o| o.waitable().ok_or(ERROR_INVALID_HANDLE)).collect::<WinResult<Vec<_>>>()?;
    if wait_all {
        // The same object twice in a wait-all is STATUS_INVALID_PARAMETER_MIX on Windows.
        let mut seen: Vec<usize> = waitables.iter().map(|w| *w as *const _ as usize).collect();
        seen.sort_unstable();
        if seen.windows(2).any(|p| p[0] == p[1]) {
            return Err(ERROR_INVALID_PARAMETER);
        }
    }
    let deadline = wait::deadline_after(ms);
    let outcome = if wait_all { wait::wait_all(&waitables, deadline) } else { wait::wait_any(&waitables, deadline) };
    Ok(match outcome {
        WaitOutcome::Signaled(i) => WAIT_OBJECT_0 + i as u32,
        WaitOutcome::TimedOut => WAIT_TIMEOUT,
    })
}

/// `WaitForSingleObjectEx`: as `WaitForSingleObject`; `bAlertable` is accepted (no APCs on Linux).
#[no_mangle]
pub extern "C" fn WaitForSingleObjectEx(hHandle: HANDLE, dwMilliseconds: DWORD, bAlertable: BOOL) -> DWORD {
    guard_win32("WaitForSingleObjectEx", WAIT_FAILED, || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForSingleObjectEx({hHandle:?}, {dwMilliseconds}, {bAlertable})");
        wait_handles(&[hHandle], false, dwMilliseconds)
    })
}

/// # Safety
/// `lpHandles` points to `nCount as usize` readable units valid for `'a` (it may be NULL only when `nCount as usize` is
/// 0).
unsafe fn wait_multiple(
    nCount: DWORD,
    lpHandles: *const HANDLE,
    bWaitAll: BOOL,
    dwMilliseconds: DWORD,
) -> WinResult<DWORD> {
    if nCount == 0 || nCount > MAXIMUM_WAIT_OBJECTS || lpHandles.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `units_in`: `lpHandles` points to `nCount as usize` readable units valid for `'a` (it may be NULL only
    // when `nCount as usize` is 0).
    let handles = unsafe { units_in(lpHandles, nCount as usize) };
    wait_handles(handles, bWaitAll != 0, dwMilliseconds)
}

/// `WaitForMultipleObjects`: waits for any (`WAIT_OBJECT_0 + index` of the lowest signaled) or all of
/// up to `MAXIMUM_WAIT_OBJECTS` (64) handles. More, none, or a NULL array: `ERROR_INVALID_PARAMETER`;
/// a dead or unwaitable handle: `WAIT_FAILED` with `ERROR_INVALID_HANDLE`; the same handle twice in a
/// wait-all: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpHandles` is NULL or points to memory valid for what `WaitForMultipleObjects` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WaitForMultipleObjects(
    nCount: DWORD,
    lpHandles: *const HANDLE,
    bWaitAll: BOOL,
    dwMilliseconds: DWORD,
) -> DWORD {
    guard_win32("WaitForMultipleObjects", WAIT_FAILED, || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForMultipleObjects({nCount}, {lpHandles:?}, {bWaitAll}, {dwMilliseconds})");
        // SAFETY: `wait_multiple`: `lpHandles` points to `nCount as usize` readable units valid for `'a` (it may be
        // NULL only when `nCount as usize` is 0).
        unsafe { wait_multiple(nCount, lpHandles, bWaitAll, dwMilliseconds) }
    })
}

/// `WaitForMultipleObjectsEx`: as `WaitForMultipleObjects`; `bAlertable` is accepted (no APCs).
///
/// # Safety
/// `lpHandles` is NULL or points to memory valid for what `WaitForMultipleObjectsEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WaitForMultipleObjectsEx(
    nCount: DWORD,
    lpHandles: *const HANDLE,
    bWaitAll: BOOL,
    dwMilliseconds: DWORD,
    bAlertable: BOOL,
) -> DWORD {
    guard_win32("WaitForMultipleObjectsEx", WAIT_FAILED, || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForMultipleObjectsEx({nCount}, {lpHandles:?}, {bWaitAll}, {dwMilliseconds}, {bAlertable})");
        // SAFETY: `wait_multiple`: `lpHandles` points to `nCount as usize` readable units valid for `'a` (it may be
        // NULL only when `nCount as usize` is 0).
        unsafe { wait_multiple(nCount, lpHandles, bWaitAll, dwMilliseconds) }
    })
}
