//! `OVERLAPPED` results and cancellation: `GetOverlappedResult(Ex)`, `HasOverlappedIoCompleted`,
//! `CancelIo`, `CancelIoEx` (engine: `win32::overlapped`).
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::win32::abi::{OVERLAPPED, STATUS_PENDING};
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::overlapped::{self, OverlappedPtr};
use crate::win32::wait::{self, WaitOutcome};

/// The shared body of `GetOverlappedResult(Ex)`. `wait` = None: do not wait (pending is
/// `ERROR_IO_INCOMPLETE`); Some(deadline): wait for the operation (on `hEvent`, or for the operation
/// itself when there is none) until the deadline (then `WAIT_TIMEOUT`).
///
/// # Safety
/// The pointers are arguments of the exports that call it (`GetOverlappedResult`, `GetOverlappedResultEx`, and their
/// `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function
/// reads or writes through them; as called from `GetOverlappedResult`: `lpOverlapped` is its `lpOverlapped`,
/// `lpNumberOfBytesTransferred` is its `lpNumberOfBytesTransferred`.
unsafe fn overlapped_result(
    lpOverlapped: *mut OVERLAPPED,
    lpNumberOfBytesTransferred: *mut DWORD,
    wait: Option<Option<std::time::Instant>>,
) -> WinResult<BOOL> {
    if lpOverlapped.is_null() || lpNumberOfBytesTransferred.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let ov = OverlappedPtr(lpOverlapped as usize);
    // SAFETY: `lpOverlapped` is the caller's non-NULL OVERLAPPED (checked above), read volatile as the completing
    // thread writes it.
    let pending = || unsafe { std::ptr::read_volatile(&(*lpOverlapped).Internal) } == STATUS_PENDING;
    if pending() {
        let Some(deadline) = wait else {
            return Err(ERROR_IO_INCOMPLETE);
        };
        // SAFETY: `event`: As for [`OverlappedPtr::mark_pending`].
        let ev = unsafe { ov.event() } & !1;
        if ev != 0 {
            let object = handle::get(ev)?;
            let w = object.waitable().ok_or(ERROR_INVALID_HANDLE)?;
            while pending() {
                if wait::wait_any(&[w], deadline) == WaitOutcome::TimedOut {
                    if pending() {
                        return Err(ERROR_WAIT_TIMEOUT);
                    }
                    break;
                }
            }
        // SAFETY: `wait_without_event`: `ov` must point to a readable `OVERLAPPED`.
        } else if !unsafe { overlapped::wait_without_event(ov, deadline) } {
            return Err(ERROR_WAIT_TIMEOUT);
        }
    }
    std::sync::atomic::fence(std::sync::atomic::Ordering::Acquire);
    // SAFETY: both are the caller's, non-NULL (checked above): the OVERLAPPED is readable (read volatile, as
    // the completing thread writes it) and `lpNumberOfBytesTransferred` is a writable DWORD.
    unsafe { *lpNumberOfBytesTransferred = std::ptr::read_volatile(&(*lpOverlapped).InternalHigh) as DWORD };
    // SAFETY: `read_volatile`: the source is valid for reading
    let code = overlapped::win32_from_ntstatus(unsafe { std::ptr::read_volatile(&(*lpOverlapped).Internal) } as u32);
    if code != 0 {
        Err(Win32Error(code))
    } else {
        Ok(TRUE)
    }
}

/// `GetOverlappedResult`: the result of an overlapped operation. While pending: with `bWait` it waits
/// (on `hEvent`, or for the operation itself when there is none), without it FALSE with
/// `ERROR_IO_INCOMPLETE`. A failed operation: FALSE with its code.
///
/// # Safety
/// `lpOverlapped`, `lpNumberOfBytesTransferred` are each NULL or point to memory valid for what
/// `GetOverlappedResult` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers
/// of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn GetOverlappedResult(
    hFile: HANDLE,
    lpOverlapped: *mut OVERLAPPED,
    lpNumberOfBytesTransferred: *mut DWORD,
    bWait: BOOL,
) -> BOOL {
    guard_win32("GetOverlappedResult", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetOverlappedResult({hFile:?}, {lpOverlapped:?}, {bWait})");
        // SAFETY: `overlapped_result`: `lpOverlapped`, `lpNumberOfBytesTransferred` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `GetOverlappedResult`
        // reads or writes through them.
        unsafe {
            overlapped_result(lpOverlapped, lpNumberOfBytesTransferred, if bWait != 0 { Some(None) } else { None })
        }
    })
}

/// `GetOverlappedResultEx`: as `GetOverlappedResult` with a timeout. Pending with `dwMilliseconds` = 0:
/// FALSE with `ERROR_IO_INCOMPLETE`; still pending when the timeout runs out: FALSE with
/// `WAIT_TIMEOUT`. `bAlertable` is accepted; there are no APCs on Linux (see docs/porting.md).
///
/// # Safety
/// `lpOverlapped`, `lpNumberOfBytesTransferred` are each NULL or point to memory valid for what
/// `GetOverlappedResultEx` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn GetOverlappedResultEx(
    hFile: HANDLE,
    lpOverlapped: *mut OVERLAPPED,
    lpNumberOfBytesTransferred: *mut DWORD,
    dwMilliseconds: DWORD,
    bAlertable: BOOL,
) -> BOOL {
    guard_win32("GetOverlappedResultEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetOverlappedResultEx({hFile:?}, {lpOverlapped:?}, {dwMilliseconds}, {bAlertable})");
        let wait = if dwMilliseconds == 0 { None } else { Some(wait::deadline_after(dwMilliseconds)) };
        // SAFETY: `overlapped_result`: `lpOverlapped`, `lpNumberOfBytesTransferred` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `GetOverlappedResultEx` reads or writes through them.
        unsafe { overlapped_result(lpOverlapped, lpNumberOfBytesTransferred, wait) }
    })
}

/// `HasOverlappedIoCompleted` is a macro in the header; this export serves callers that take its
/// address or call it from another language: TRUE once `Internal` is no longer `STATUS_PENDING`.
///
/// # Safety
/// `lpOverlapped` is NULL or points to memory valid for what `HasOverlappedIoCompleted` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until
/// the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HasOverlappedIoCompleted(lpOverlapped: *const OVERLAPPED) -> BOOL {
    guard_win32("HasOverlappedIoCompleted", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "HasOverlappedIoCompleted({lpOverlapped:?})");
        if lpOverlapped.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `read_volatile`: the source is valid for reading
        Ok((unsafe { std::ptr::read_volatile(&(*lpOverlapped).Internal) } as u32 != STATUS_PENDING as u32) as BOOL)
    })
}

/// `CancelIo`: cancels the handle's pending I/O (each completes with `ERROR_OPERATION_ABORTED`).
/// TRUE even when nothing was pending, as on Windows.
#[no_mangle]
pub extern "C" fn CancelIo(hFile: HANDLE) -> BOOL {
    guard_win32("CancelIo", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "CancelIo({hFile:?})");
        handle::get(raw(hFile))?.cancel_io(0);
        Ok(TRUE)
    })
}

/// `CancelIoEx`: cancels the operation of `lpOverlapped` on the handle (NULL: all of them). Nothing
/// matched: FALSE with `ERROR_NOT_FOUND`.
#[no_mangle]
pub extern "C" fn CancelIoEx(hFile: HANDLE, lpOverlapped: *mut OVERLAPPED) -> BOOL {
    guard_win32("CancelIoEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "CancelIoEx({hFile:?}, {lpOverlapped:?})");
        if handle::get(raw(hFile))?.cancel_io(lpOverlapped as usize) {
            Ok(TRUE)
        } else {
            Err(ERROR_NOT_FOUND)
        }
    })
}
