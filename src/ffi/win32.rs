//! Exports of the Win32 core (the kernel32 subset): last-error, handles, events, waits, `OVERLAPPED`,
//! completion ports.
#![allow(non_snake_case)]
use super::guard::*;
use super::ptr::*;
use super::types::*;
use crate::win32::error::*;
use crate::win32::event::Event;
use crate::win32::handle;
use crate::win32::iocp::{CompletionPort, DequeueError};
use crate::win32::last_error;
use crate::win32::overlapped::{self, OverlappedPtr, OVERLAPPED, STATUS_PENDING};
use crate::win32::wait::{self, WaitOutcome};
use crate::win32::wstr::WideUnit;
use std::ffi::{c_char, c_void};
use std::sync::Arc;

pub const WAIT_OBJECT_0: DWORD = 0;
pub const WAIT_TIMEOUT: DWORD = 258;
pub const WAIT_FAILED: DWORD = u32::MAX;

/// `GetLastError`: the calling thread's last error code.
#[no_mangle]
pub extern "C" fn GetLastError() -> DWORD {
    guard_infallible("GetLastError", ERROR_INTERNAL_ERROR.0, last_error::last_error)
}

/// `SetLastError`: sets the calling thread's last error code.
#[no_mangle]
pub extern "C" fn SetLastError(dwErrCode: DWORD) {
    guard_infallible("SetLastError", (), || last_error::set_last_error(dwErrCode))
}

/// `CloseHandle`: closes any handle of the table. A closed, stale or forged handle:
/// FALSE with `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn CloseHandle(hObject: HANDLE) -> BOOL {
    guard_win32("CloseHandle", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "CloseHandle({hObject:?})");
        handle::close(raw(hObject))?;
        Ok(TRUE)
    })
}

fn create_event(manual_reset: BOOL, initial: BOOL, name: Option<String>) -> WinResult<HANDLE> {
    if name.is_some() {
        // Named events would be shared across processes on Windows; within one process an unnamed
        // event serves every caller we know of. Say so rather than silently share nothing.
        tracing::warn!(target: "winhttpapi::win32", "CreateEvent: names are ignored");
    }
    Ok(to_handle(handle::insert(Arc::new(Event::new(manual_reset != 0, initial != 0)))))
}

/// `CreateEventA`: a new event; `lpEventAttributes` is ignored. Returns the handle, or NULL with
/// last-error set.
#[no_mangle]
pub unsafe extern "C" fn CreateEventA(lpEventAttributes: *mut c_void, bManualReset: BOOL, bInitialState: BOOL, lpName: *const c_char) -> HANDLE {
    guard_win32("CreateEventA", std::ptr::null_mut(), || {
        let _ = lpEventAttributes;
        create_event(bManualReset, bInitialState, narrow_cstr(lpName))
    })
}

unsafe fn create_event_w<U: WideUnit>(manual: BOOL, initial: BOOL, name: *const U) -> WinResult<HANDLE> {
    create_event(manual, initial, wide_cstr(name))
}

/// `CreateEventW`: as `CreateEventA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn CreateEventW(lpEventAttributes: *mut c_void, bManualReset: BOOL, bInitialState: BOOL, lpName: *const u32) -> HANDLE {
    guard_win32("CreateEventW", std::ptr::null_mut(), || {
        let _ = lpEventAttributes;
        create_event_w(bManualReset, bInitialState, lpName)
    })
}

/// `CreateEventW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn CreateEventW_w16(lpEventAttributes: *mut c_void, bManualReset: BOOL, bInitialState: BOOL, lpName: *const u16) -> HANDLE {
    guard_win32("CreateEventW", std::ptr::null_mut(), || {
        let _ = lpEventAttributes;
        create_event_w(bManualReset, bInitialState, lpName)
    })
}

/// `SetEvent`: signals an event. Not an event: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn SetEvent(hEvent: HANDLE) -> BOOL {
    guard_win32("SetEvent", FALSE, || {
        handle::get_typed::<Event>(raw(hEvent))?.signal.set();
        Ok(TRUE)
    })
}

/// `ResetEvent`: clears an event.
#[no_mangle]
pub extern "C" fn ResetEvent(hEvent: HANDLE) -> BOOL {
    guard_win32("ResetEvent", FALSE, || {
        handle::get_typed::<Event>(raw(hEvent))?.signal.reset();
        Ok(TRUE)
    })
}

/// `WaitForSingleObject`: `WAIT_OBJECT_0`, `WAIT_TIMEOUT`, or `WAIT_FAILED` with last-error
/// (`ERROR_INVALID_HANDLE` for a dead handle or one that cannot be waited on).
#[no_mangle]
pub extern "C" fn WaitForSingleObject(hHandle: HANDLE, dwMilliseconds: DWORD) -> DWORD {
    guard_win32("WaitForSingleObject", WAIT_FAILED, || {
        let object = handle::get(raw(hHandle))?;
        let w = object.waitable().ok_or(ERROR_INVALID_HANDLE)?;
        Ok(match wait::wait_any(&[w], wait::deadline_after(dwMilliseconds)) {
            WaitOutcome::Signaled(i) => WAIT_OBJECT_0 + i as u32,
            WaitOutcome::TimedOut => WAIT_TIMEOUT,
        })
    })
}

/// `CreateIoCompletionPort`: with `FileHandle` = `INVALID_HANDLE_VALUE` creates a port; with a handle
/// that does overlapped I/O, binds it to `ExistingCompletionPort` with `CompletionKey` and returns the
/// port. `NumberOfConcurrentThreads` is accepted and not enforced (see docs/porting.md).
#[no_mangle]
pub extern "C" fn CreateIoCompletionPort(FileHandle: HANDLE, ExistingCompletionPort: HANDLE, CompletionKey: ULONG_PTR, NumberOfConcurrentThreads: DWORD) -> HANDLE {
    guard_win32("CreateIoCompletionPort", std::ptr::null_mut(), || {
        let _ = NumberOfConcurrentThreads;
        let port = if ExistingCompletionPort.is_null() {
            let p = Arc::new(CompletionPort::new());
            (handle::insert(p.clone()), p)
        } else {
            let p = handle::get_typed::<CompletionPort>(raw(ExistingCompletionPort))?;
            (raw(ExistingCompletionPort), p)
        };
        if FileHandle != INVALID_HANDLE_VALUE {
            let object = handle::get(raw(FileHandle))?;
            let binding = object.io_binding().ok_or(ERROR_INVALID_PARAMETER)?;
            binding.bind(port.1, CompletionKey)?;
        } else if !ExistingCompletionPort.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(to_handle(port.0))
    })
}

/// `PostQueuedCompletionStatus`: queues a packet on a port.
#[no_mangle]
pub extern "C" fn PostQueuedCompletionStatus(CompletionPort: HANDLE, dwNumberOfBytesTransferred: DWORD, dwCompletionKey: ULONG_PTR, lpOverlapped: *mut OVERLAPPED) -> BOOL {
    guard_win32("PostQueuedCompletionStatus", FALSE, || {
        let port = handle::get_typed::<self::CompletionPort>(raw(CompletionPort))?;
        port.post(crate::win32::iocp::Packet { bytes: dwNumberOfBytesTransferred, key: dwCompletionKey, overlapped: lpOverlapped as usize, error: 0 });
        Ok(TRUE)
    })
}

/// `GetQueuedCompletionStatus`: TRUE with a packet of a successful operation; FALSE with the packet
/// filled and last-error set to a failed operation's code; FALSE with `*lpOverlapped` = NULL and
/// `WAIT_TIMEOUT` on timeout, or `ERROR_ABANDONED_WAIT_0` when the port is closed.
#[no_mangle]
pub unsafe extern "C" fn GetQueuedCompletionStatus(CompletionPort: HANDLE, lpNumberOfBytesTransferred: *mut DWORD, lpCompletionKey: *mut ULONG_PTR, lpOverlapped: *mut *mut OVERLAPPED, dwMilliseconds: DWORD) -> BOOL {
    guard_win32("GetQueuedCompletionStatus", FALSE, || {
        if lpNumberOfBytesTransferred.is_null() || lpCompletionKey.is_null() || lpOverlapped.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let port = handle::get_typed::<self::CompletionPort>(raw(CompletionPort))?;
        match port.dequeue(wait::deadline_after(dwMilliseconds)) {
            Ok(p) => {
                *lpNumberOfBytesTransferred = p.bytes;
                *lpCompletionKey = p.key;
                *lpOverlapped = p.overlapped as *mut OVERLAPPED;
                if p.error != 0 {
                    Err(Win32Error(p.error))
                } else {
                    Ok(TRUE)
                }
            }
            Err(e) => {
                *lpOverlapped = std::ptr::null_mut();
                Err(match e {
                    DequeueError::TimedOut => ERROR_WAIT_TIMEOUT,
                    DequeueError::Closed => ERROR_ABANDONED_WAIT_0,
                })
            }
        }
    })
}

/// `GetOverlappedResult`: the result of an overlapped operation. While pending: with `bWait` it waits
/// (on `hEvent`, or for the operation itself when there is none), without it FALSE with
/// `ERROR_IO_INCOMPLETE`. A failed operation: FALSE with its code.
#[no_mangle]
pub unsafe extern "C" fn GetOverlappedResult(hFile: HANDLE, lpOverlapped: *mut OVERLAPPED, lpNumberOfBytesTransferred: *mut DWORD, bWait: BOOL) -> BOOL {
    guard_win32("GetOverlappedResult", FALSE, || {
        let _ = hFile;
        if lpOverlapped.is_null() || lpNumberOfBytesTransferred.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let ov = OverlappedPtr(lpOverlapped as usize);
        if std::ptr::read_volatile(&(*lpOverlapped).Internal) == STATUS_PENDING {
            if bWait == 0 {
                return Err(ERROR_IO_INCOMPLETE);
            }
            let ev = ov.event() & !1;
            if ev != 0 {
                let object = handle::get(ev)?;
                let w = object.waitable().ok_or(ERROR_INVALID_HANDLE)?;
                while std::ptr::read_volatile(&(*lpOverlapped).Internal) == STATUS_PENDING {
                    wait::wait_any(&[w], None);
                }
            } else {
                overlapped::wait_without_event(ov, None);
            }
        }
        std::sync::atomic::fence(std::sync::atomic::Ordering::Acquire);
        *lpNumberOfBytesTransferred = std::ptr::read_volatile(&(*lpOverlapped).InternalHigh) as DWORD;
        let code = overlapped::win32_from_ntstatus(std::ptr::read_volatile(&(*lpOverlapped).Internal) as u32);
        if code != 0 {
            Err(Win32Error(code))
        } else {
            Ok(TRUE)
        }
    })
}
