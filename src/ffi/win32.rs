//! Exports of the Win32 core (the kernel32 subset): last-error, handles, events, waits, `OVERLAPPED`,
//! completion ports.
#![allow(non_snake_case)]
use super::guard::*;
use super::ptr::*;
use super::types::*;
use crate::win32::critsec::CriticalSection;
use crate::win32::error::*;
use crate::win32::event::Event;
use crate::win32::file;
use crate::win32::handle;
use crate::win32::heap;
use crate::win32::iocp::{CompletionPort, DequeueError, Packet};
use crate::win32::last_error;
use crate::win32::message;
use crate::win32::module;
use crate::win32::overlapped::{self, OverlappedPtr, OVERLAPPED, OVERLAPPED_ENTRY, STATUS_PENDING};
use crate::win32::text;
use crate::win32::thread;
use crate::win32::time::{self, FILETIME, SYSTEMTIME};
use crate::win32::wait::{self, WaitOutcome};
use crate::win32::wstr::{self, WideUnit};
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
    super::kernel32_ext::create_event(manual_reset != 0, initial != 0, name)
}

/// `CreateEventA`: a new event; `lpEventAttributes` is ignored. Returns the handle, or NULL with
/// last-error set.
#[no_mangle]
pub unsafe extern "C" fn CreateEventA(
    lpEventAttributes: *mut c_void,
    bManualReset: BOOL,
    bInitialState: BOOL,
    lpName: *const c_char,
) -> HANDLE {
    guard_win32("CreateEventA", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateEventA({lpEventAttributes:?}, {bManualReset:?}, {bInitialState:?}, {lpName:?})");
        let _ = lpEventAttributes;
        create_event(bManualReset, bInitialState, narrow_cstr(lpName))
    })
}

unsafe fn create_event_w<U: WideUnit>(manual: BOOL, initial: BOOL, name: *const U) -> WinResult<HANDLE> {
    create_event(manual, initial, wide_cstr(name))
}

/// `CreateEventW`: as `CreateEventA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn CreateEventW(
    lpEventAttributes: *mut c_void,
    bManualReset: BOOL,
    bInitialState: BOOL,
    lpName: *const u32,
) -> HANDLE {
    guard_win32("CreateEventW", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateEventW({lpEventAttributes:?}, {bManualReset:?}, {bInitialState:?}, {lpName:?})");
        let _ = lpEventAttributes;
        create_event_w(bManualReset, bInitialState, lpName)
    })
}

/// `CreateEventW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn CreateEventW_w16(
    lpEventAttributes: *mut c_void,
    bManualReset: BOOL,
    bInitialState: BOOL,
    lpName: *const u16,
) -> HANDLE {
    guard_win32("CreateEventW", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateEventW_w16({lpEventAttributes:?}, {bManualReset:?}, {bInitialState:?}, {lpName:?})");
        let _ = lpEventAttributes;
        create_event_w(bManualReset, bInitialState, lpName)
    })
}

/// `SetEvent`: signals an event. Not an event: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn SetEvent(hEvent: HANDLE) -> BOOL {
    guard_win32("SetEvent", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetEvent({hEvent:?})");
        handle::get_typed::<Event>(raw(hEvent))?.signal.set();
        Ok(TRUE)
    })
}

/// `ResetEvent`: clears an event.
#[no_mangle]
pub extern "C" fn ResetEvent(hEvent: HANDLE) -> BOOL {
    guard_win32("ResetEvent", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "ResetEvent({hEvent:?})");
        handle::get_typed::<Event>(raw(hEvent))?.signal.reset();
        Ok(TRUE)
    })
}

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

/// `CreateIoCompletionPort`: with `FileHandle` = `INVALID_HANDLE_VALUE` creates a port; with a handle
/// that does overlapped I/O, binds it to `ExistingCompletionPort` with `CompletionKey` and returns the
/// port. `NumberOfConcurrentThreads` is accepted and not enforced (see docs/porting.md).
#[no_mangle]
pub extern "C" fn CreateIoCompletionPort(
    FileHandle: HANDLE,
    ExistingCompletionPort: HANDLE,
    CompletionKey: ULONG_PTR,
    NumberOfConcurrentThreads: DWORD,
) -> HANDLE {
    guard_win32("CreateIoCompletionPort", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateIoCompletionPort({FileHandle:?}, {ExistingCompletionPort:?}, {CompletionKey:?}, {NumberOfConcurrentThreads:?})");
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
pub extern "C" fn PostQueuedCompletionStatus(
    CompletionPort: HANDLE,
    dwNumberOfBytesTransferred: DWORD,
    dwCompletionKey: ULONG_PTR,
    lpOverlapped: *mut OVERLAPPED,
) -> BOOL {
    guard_win32("PostQueuedCompletionStatus", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "PostQueuedCompletionStatus({CompletionPort:?}, {dwNumberOfBytesTransferred:?}, {dwCompletionKey:?}, {lpOverlapped:?})");
        let port = handle::get_typed::<self::CompletionPort>(raw(CompletionPort))?;
        port.post(crate::win32::iocp::Packet {
            bytes: dwNumberOfBytesTransferred,
            key: dwCompletionKey,
            overlapped: lpOverlapped as usize,
            error: 0,
        });
        Ok(TRUE)
    })
}

/// `GetQueuedCompletionStatus`: TRUE with a packet of a successful operation; FALSE with the packet
/// filled and last-error set to a failed operation's code; FALSE with `*lpOverlapped` = NULL and
/// `WAIT_TIMEOUT` on timeout, or `ERROR_ABANDONED_WAIT_0` when the port is closed.
#[no_mangle]
pub unsafe extern "C" fn GetQueuedCompletionStatus(
    CompletionPort: HANDLE,
    lpNumberOfBytesTransferred: *mut DWORD,
    lpCompletionKey: *mut ULONG_PTR,
    lpOverlapped: *mut *mut OVERLAPPED,
    dwMilliseconds: DWORD,
) -> BOOL {
    guard_win32("GetQueuedCompletionStatus", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetQueuedCompletionStatus({CompletionPort:?}, {lpNumberOfBytesTransferred:?}, {lpCompletionKey:?}, {lpOverlapped:?}, {dwMilliseconds:?})");
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

/// The shared body of `GetOverlappedResult(Ex)`. `wait` = None: do not wait (pending is
/// `ERROR_IO_INCOMPLETE`); Some(deadline): wait for the operation (on `hEvent`, or for the operation
/// itself when there is none) until the deadline (then `WAIT_TIMEOUT`).
unsafe fn overlapped_result(
    lpOverlapped: *mut OVERLAPPED,
    lpNumberOfBytesTransferred: *mut DWORD,
    wait: Option<Option<std::time::Instant>>,
) -> WinResult<BOOL> {
    if lpOverlapped.is_null() || lpNumberOfBytesTransferred.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let ov = OverlappedPtr(lpOverlapped as usize);
    let pending = || std::ptr::read_volatile(&(*lpOverlapped).Internal) == STATUS_PENDING;
    if pending() {
        let Some(deadline) = wait else {
            return Err(ERROR_IO_INCOMPLETE);
        };
        let ev = ov.event() & !1;
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
        } else if !overlapped::wait_without_event(ov, deadline) {
            return Err(ERROR_WAIT_TIMEOUT);
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
}

/// `GetOverlappedResult`: the result of an overlapped operation. While pending: with `bWait` it waits
/// (on `hEvent`, or for the operation itself when there is none), without it FALSE with
/// `ERROR_IO_INCOMPLETE`. A failed operation: FALSE with its code.
#[no_mangle]
pub unsafe extern "C" fn GetOverlappedResult(
    hFile: HANDLE,
    lpOverlapped: *mut OVERLAPPED,
    lpNumberOfBytesTransferred: *mut DWORD,
    bWait: BOOL,
) -> BOOL {
    guard_win32("GetOverlappedResult", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetOverlappedResult({hFile:?}, {lpOverlapped:?}, {bWait})");
        overlapped_result(lpOverlapped, lpNumberOfBytesTransferred, if bWait != 0 { Some(None) } else { None })
    })
}

/// `GetOverlappedResultEx`: as `GetOverlappedResult` with a timeout. Pending with `dwMilliseconds` = 0:
/// FALSE with `ERROR_IO_INCOMPLETE`; still pending when the timeout runs out: FALSE with
/// `WAIT_TIMEOUT`. `bAlertable` is accepted; there are no APCs on Linux (see docs/porting.md).
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
        overlapped_result(lpOverlapped, lpNumberOfBytesTransferred, wait)
    })
}

/// `HasOverlappedIoCompleted` is a macro in the header; this export serves callers that take its
/// address or call it from another language: TRUE once `Internal` is no longer `STATUS_PENDING`.
#[no_mangle]
pub unsafe extern "C" fn HasOverlappedIoCompleted(lpOverlapped: *const OVERLAPPED) -> BOOL {
    guard_win32("HasOverlappedIoCompleted", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "HasOverlappedIoCompleted({lpOverlapped:?})");
        if lpOverlapped.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok((std::ptr::read_volatile(&(*lpOverlapped).Internal) as u32 != STATUS_PENDING as u32) as BOOL)
    })
}

// ---------------------------------------------------------------------------------------------
// Waits

/// `MAXIMUM_WAIT_OBJECTS`.
pub const MAXIMUM_WAIT_OBJECTS: DWORD = 64;
/// `WAIT_ABANDONED_0`: only mutexes are abandoned; we have none, so it is never returned.
pub const WAIT_ABANDONED_0: DWORD = 0x80;
/// `WAIT_IO_COMPLETION`: never returned (no APCs on Linux).
pub const WAIT_IO_COMPLETION: DWORD = 0xC0;

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

unsafe fn wait_multiple(
    nCount: DWORD,
    lpHandles: *const HANDLE,
    bWaitAll: BOOL,
    dwMilliseconds: DWORD,
) -> WinResult<DWORD> {
    if nCount == 0 || nCount > MAXIMUM_WAIT_OBJECTS || lpHandles.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let handles = units_in(lpHandles, nCount as usize);
    wait_handles(handles, bWaitAll != 0, dwMilliseconds)
}

/// `WaitForMultipleObjects`: waits for any (`WAIT_OBJECT_0 + index` of the lowest signaled) or all of
/// up to `MAXIMUM_WAIT_OBJECTS` (64) handles. More, none, or a NULL array: `ERROR_INVALID_PARAMETER`;
/// a dead or unwaitable handle: `WAIT_FAILED` with `ERROR_INVALID_HANDLE`; the same handle twice in a
/// wait-all: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WaitForMultipleObjects(
    nCount: DWORD,
    lpHandles: *const HANDLE,
    bWaitAll: BOOL,
    dwMilliseconds: DWORD,
) -> DWORD {
    guard_win32("WaitForMultipleObjects", WAIT_FAILED, || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForMultipleObjects({nCount}, {lpHandles:?}, {bWaitAll}, {dwMilliseconds})");
        wait_multiple(nCount, lpHandles, bWaitAll, dwMilliseconds)
    })
}

/// `WaitForMultipleObjectsEx`: as `WaitForMultipleObjects`; `bAlertable` is accepted (no APCs).
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
        wait_multiple(nCount, lpHandles, bWaitAll, dwMilliseconds)
    })
}

// ---------------------------------------------------------------------------------------------
// Completion ports and cancellation

/// `GetQueuedCompletionStatusEx`: takes up to `ulCount` packets at once into `OVERLAPPED_ENTRY`s
/// (`Internal` = the operation's status). TRUE with `*ulNumEntriesRemoved` >= 1, even when some
/// operations failed; FALSE with `WAIT_TIMEOUT` on timeout, `ERROR_ABANDONED_WAIT_0` when the port is
/// closed. `fAlertable` is accepted (no APCs on Linux).
#[no_mangle]
pub unsafe extern "C" fn GetQueuedCompletionStatusEx(
    CompletionPort: HANDLE,
    lpCompletionPortEntries: *mut OVERLAPPED_ENTRY,
    ulCount: ULONG,
    ulNumEntriesRemoved: *mut ULONG,
    dwMilliseconds: DWORD,
    fAlertable: BOOL,
) -> BOOL {
    guard_win32("GetQueuedCompletionStatusEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetQueuedCompletionStatusEx({CompletionPort:?}, {ulCount}, {dwMilliseconds}, {fAlertable})");
        if lpCompletionPortEntries.is_null() || ulNumEntriesRemoved.is_null() || ulCount == 0 {
            return Err(ERROR_INVALID_PARAMETER);
        }
        *ulNumEntriesRemoved = 0;
        let port = handle::get_typed::<self::CompletionPort>(raw(CompletionPort))?;
        let mut packets = vec![Packet { bytes: 0, key: 0, overlapped: 0, error: 0 }; (ulCount as usize).min(4096)];
        match port.dequeue_many(&mut packets, wait::deadline_after(dwMilliseconds)) {
            Ok(n) => {
                let entries = units_out(lpCompletionPortEntries, n);
                for (e, p) in entries.iter_mut().zip(&packets[..n]) {
                    *e = OVERLAPPED_ENTRY {
                        lpCompletionKey: p.key,
                        lpOverlapped: p.overlapped,
                        Internal: overlapped::ntstatus_from_win32(p.error) as usize,
                        dwNumberOfBytesTransferred: p.bytes,
                    };
                }
                *ulNumEntriesRemoved = n as ULONG;
                Ok(TRUE)
            }
            Err(DequeueError::TimedOut) => Err(ERROR_WAIT_TIMEOUT),
            Err(DequeueError::Closed) => Err(ERROR_ABANDONED_WAIT_0),
        }
    })
}

/// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` | `FILE_SKIP_SET_EVENT_ON_HANDLE`.
const COMPLETION_MODES: u8 =
    overlapped::FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | overlapped::FILE_SKIP_SET_EVENT_ON_HANDLE;

/// `SetFileCompletionNotificationModes`: with `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`, an operation that
/// succeeds at once (the call returns TRUE / `NO_ERROR`) posts no packet; `FILE_SKIP_SET_EVENT_ON_HANDLE`
/// leaves the handle's own event alone. Modes only add up, as on Windows. Unknown flags:
/// `ERROR_INVALID_PARAMETER`; a handle without overlapped I/O: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn SetFileCompletionNotificationModes(FileHandle: HANDLE, Flags: u8) -> BOOL {
    guard_win32("SetFileCompletionNotificationModes", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetFileCompletionNotificationModes({FileHandle:?}, {Flags})");
        let object = handle::get(raw(FileHandle))?;
        if Flags & !COMPLETION_MODES != 0 {
            return Err(ERROR_INVALID_PARAMETER);
        }
        object.io_binding().ok_or(ERROR_INVALID_HANDLE)?.set_modes(Flags);
        Ok(TRUE)
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

// ---------------------------------------------------------------------------------------------
// Threads

/// `LPTHREAD_START_ROUTINE`. Declared `C-unwind` so `ExitThread` may unwind through it.
pub type ThreadStart = unsafe extern "C-unwind" fn(*mut c_void) -> DWORD;

/// `GetCurrentProcess`'s pseudo handle, `(HANDLE)-1`.
pub const CURRENT_PROCESS_PSEUDO: usize = usize::MAX;
/// `GetCurrentThread`'s pseudo handle, `(HANDLE)-2`.
pub const CURRENT_THREAD_PSEUDO: usize = usize::MAX - 1;

/// `CreateThread`: runs `lpStartAddress(lpParameter)` on a new OS thread. The returned handle is
/// waitable (signaled when the thread ends) and gives the exit code to `GetExitCodeThread`; closing
/// it does not stop the thread. `CREATE_SUSPENDED` holds the thread until `ResumeThread`.
/// `lpThreadAttributes` is ignored. NULL start routine: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn CreateThread(
    lpThreadAttributes: *mut c_void,
    dwStackSize: usize,
    lpStartAddress: Option<ThreadStart>,
    lpParameter: *mut c_void,
    dwCreationFlags: DWORD,
    lpThreadId: *mut DWORD,
) -> HANDLE {
    guard_win32("CreateThread", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThread({lpThreadAttributes:?}, {dwStackSize}, {lpParameter:?}, {dwCreationFlags:#x})");
        let start = lpStartAddress.ok_or(ERROR_INVALID_PARAMETER)?;
        let param = lpParameter as usize;
        // SAFETY (of the closure): the caller's start routine and parameter, as CreateThread's contract.
        let body = Box::new(move || unsafe { start(param as *mut c_void) });
        let t = thread::spawn(dwStackSize, dwCreationFlags & thread::CREATE_SUSPENDED != 0, body)?;
        write_opt(lpThreadId, t.id);
        Ok(to_handle(handle::insert(t)))
    })
}

/// `ExitThread`: ends the calling thread with `dwExitCode`. On a `CreateThread` thread this unwinds
/// to the thread's bottom (C frames in between must have unwind tables, which gcc and clang emit by
/// default on x86-64 and aarch64 Linux); on any other thread it is `pthread_exit`.
#[no_mangle]
pub extern "C-unwind" fn ExitThread(dwExitCode: DWORD) {
    guard_unwinding("ExitThread", || thread::exit_current(dwExitCode))
}

/// `GetExitCodeThread`: the exit code, or `STILL_ACTIVE` (259) while the thread runs.
#[no_mangle]
pub unsafe extern "C" fn GetExitCodeThread(hThread: HANDLE, lpExitCode: *mut DWORD) -> BOOL {
    guard_win32("GetExitCodeThread", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetExitCodeThread({hThread:?})");
        let code = if raw(hThread) == CURRENT_THREAD_PSEUDO {
            thread::STILL_ACTIVE
        } else {
            handle::get_typed::<thread::Thread>(raw(hThread))?.exit_code()
        };
        write_req(lpExitCode, code)?;
        Ok(TRUE)
    })
}

/// `ResumeThread`: starts a thread created with `CREATE_SUSPENDED`; returns the previous suspend
/// count, or `(DWORD)-1` with last-error on failure.
#[no_mangle]
pub extern "C" fn ResumeThread(hThread: HANDLE) -> DWORD {
    guard_win32("ResumeThread", u32::MAX, || {
        tracing::trace!(target: "winhttpapi::win32", "ResumeThread({hThread:?})");
        Ok(handle::get_typed::<thread::Thread>(raw(hThread))?.resume())
    })
}

/// `GetCurrentThreadId`: the kernel thread id (`gettid`).
#[no_mangle]
pub extern "C" fn GetCurrentThreadId() -> DWORD {
    guard_infallible("GetCurrentThreadId", 0, thread::current_thread_id)
}

/// `GetCurrentProcessId`: the process id.
#[no_mangle]
pub extern "C" fn GetCurrentProcessId() -> DWORD {
    guard_infallible("GetCurrentProcessId", 0, thread::current_process_id)
}

/// `GetCurrentThread`: the pseudo handle `(HANDLE)-2`, meaning "the calling thread"; it need not be
/// closed (closing it fails harmlessly with `ERROR_INVALID_HANDLE`).
#[no_mangle]
pub extern "C" fn GetCurrentThread() -> HANDLE {
    guard_infallible("GetCurrentThread", to_handle(CURRENT_THREAD_PSEUDO), || to_handle(CURRENT_THREAD_PSEUDO))
}

/// `GetCurrentProcess`: the pseudo handle `(HANDLE)-1`.
#[no_mangle]
pub extern "C" fn GetCurrentProcess() -> HANDLE {
    guard_infallible("GetCurrentProcess", to_handle(CURRENT_PROCESS_PSEUDO), || to_handle(CURRENT_PROCESS_PSEUDO))
}

fn sleep_ms(ms: DWORD) {
    tracing::trace!(target: "winhttpapi::win32", "Sleep({ms})");
    if ms == INFINITE {
        loop {
            std::thread::park();
        }
    }
    if ms == 0 {
        std::thread::yield_now();
    } else {
        std::thread::sleep(std::time::Duration::from_millis(ms as u64));
    }
}

/// `Sleep`: suspends the calling thread; 0 yields, `INFINITE` never returns.
#[no_mangle]
pub extern "C" fn Sleep(dwMilliseconds: DWORD) {
    guard_infallible("Sleep", (), || sleep_ms(dwMilliseconds))
}

/// `SleepEx`: as `Sleep`; returns 0 (no APCs on Linux, so never `WAIT_IO_COMPLETION`).
#[no_mangle]
pub extern "C" fn SleepEx(dwMilliseconds: DWORD, bAlertable: BOOL) -> DWORD {
    guard_infallible("SleepEx", 0, || {
        tracing::trace!(target: "winhttpapi::win32", "SleepEx({dwMilliseconds:?}, {bAlertable:?})");
        let _ = bAlertable;
        sleep_ms(dwMilliseconds);
        0
    })
}

// ---------------------------------------------------------------------------------------------
// Critical sections

/// The caller's `CRITICAL_SECTION` (opaque 64 bytes, align 8, in `windows.h`); its first word holds a
/// pointer to our [`CriticalSection`], made by `InitializeCriticalSection` (or on first use of a
/// zero-filled one).
#[repr(C, align(8))]
pub struct CRITICAL_SECTION {
    lock: std::sync::atomic::AtomicUsize,
    _rest: [u8; 56],
}
const _: () = assert!(std::mem::size_of::<CRITICAL_SECTION>() == 64);

unsafe fn critical_section<'a>(cs: *mut CRITICAL_SECTION) -> WinResult<&'a CriticalSection> {
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let slot = &(*cs).lock;
    let mut p = slot.load(std::sync::atomic::Ordering::Acquire);
    if p == 0 {
        let fresh = Box::into_raw(Box::new(CriticalSection::new(0))) as usize;
        p = match slot.compare_exchange(
            0,
            fresh,
            std::sync::atomic::Ordering::AcqRel,
            std::sync::atomic::Ordering::Acquire,
        ) {
            Ok(_) => fresh,
            Err(existing) => {
                drop(Box::from_raw(fresh as *mut CriticalSection));
                existing
            }
        };
    }
    Ok(&*(p as *const CriticalSection))
}

unsafe fn initialize_critical_section(cs: *mut CRITICAL_SECTION, spin: DWORD) -> WinResult<()> {
    tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSection({cs:?}, {spin})");
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let fresh = Box::into_raw(Box::new(CriticalSection::new(spin))) as usize;
    // Initializing over an initialized section is a bug on Windows too; the old lock is leaked
    // rather than freed under a possible owner.
    std::ptr::write(cs, CRITICAL_SECTION { lock: std::sync::atomic::AtomicUsize::new(fresh), _rest: [0; 56] });
    Ok(())
}

/// `InitializeCriticalSection`.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("InitializeCriticalSection", (), || initialize_critical_section(lpCriticalSection, 0))
}

/// `InitializeCriticalSectionAndSpinCount`: the spin count is kept and not used (parking_lot spins
/// adaptively). Always TRUE.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionAndSpinCount(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionAndSpinCount", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionAndSpinCount({lpCriticalSection:?}, {dwSpinCount:?})");
        initialize_critical_section(lpCriticalSection, dwSpinCount)?;
        Ok(TRUE)
    })
}

/// `InitializeCriticalSectionEx`: as `InitializeCriticalSectionAndSpinCount`; `Flags` are accepted.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionEx(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
    Flags: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionEx({lpCriticalSection:?}, {dwSpinCount:?}, {Flags:?})");
        let _ = Flags;
        initialize_critical_section(lpCriticalSection, dwSpinCount)?;
        Ok(TRUE)
    })
}

/// `EnterCriticalSection`: recursive; blocks until the calling thread owns the section.
#[no_mangle]
pub unsafe extern "C" fn EnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("EnterCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "EnterCriticalSection({lpCriticalSection:?})");
        critical_section(lpCriticalSection)?.enter();
        Ok(())
    })
}

/// `TryEnterCriticalSection`: TRUE if the calling thread now owns the section (again).
#[no_mangle]
pub unsafe extern "C" fn TryEnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) -> BOOL {
    guard_win32("TryEnterCriticalSection", FALSE, || Ok(critical_section(lpCriticalSection)?.try_enter() as BOOL))
}

/// `LeaveCriticalSection`: releases one level of ownership.
#[no_mangle]
pub unsafe extern "C" fn LeaveCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("LeaveCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "LeaveCriticalSection({lpCriticalSection:?})");
        critical_section(lpCriticalSection)?.leave();
        Ok(())
    })
}

/// `DeleteCriticalSection`: frees the lock; the section must be re-initialized before reuse.
#[no_mangle]
pub unsafe extern "C" fn DeleteCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("DeleteCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "DeleteCriticalSection({lpCriticalSection:?})");
        if lpCriticalSection.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let p = (*lpCriticalSection).lock.swap(0, std::sync::atomic::Ordering::AcqRel);
        if p != 0 {
            let cs = Box::from_raw(p as *mut CriticalSection);
            if cs.is_locked() {
                // Deleting an owned section is undefined on Windows; leaking beats freeing under an owner.
                tracing::warn!(target: "winhttpapi::win32", "DeleteCriticalSection on an owned section");
                std::mem::forget(cs);
            }
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------------
// Clocks and times

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
#[no_mangle]
pub unsafe extern "C" fn QueryPerformanceCounter(lpPerformanceCount: *mut i64) -> BOOL {
    guard_win32("QueryPerformanceCounter", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "QueryPerformanceCounter({lpPerformanceCount:?})");
        write_req(lpPerformanceCount, time::performance_counter())?;
        Ok(TRUE)
    })
}

/// `QueryPerformanceFrequency`: 1,000,000,000 counts per second.
#[no_mangle]
pub unsafe extern "C" fn QueryPerformanceFrequency(lpFrequency: *mut i64) -> BOOL {
    guard_win32("QueryPerformanceFrequency", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "QueryPerformanceFrequency({lpFrequency:?})");
        write_req(lpFrequency, time::PERFORMANCE_FREQUENCY)?;
        Ok(TRUE)
    })
}

/// `GetSystemTime`: the current UTC time.
#[no_mangle]
pub unsafe extern "C" fn GetSystemTime(lpSystemTime: *mut SYSTEMTIME) {
    guard_win32("GetSystemTime", (), || write_req(lpSystemTime, time::system_time_from_filetime(time::now_filetime())?))
}

/// `GetSystemTimeAsFileTime`: the current UTC time in 100-ns units since 1601.
#[no_mangle]
pub unsafe extern "C" fn GetSystemTimeAsFileTime(lpSystemTimeAsFileTime: *mut FILETIME) {
    guard_win32("GetSystemTimeAsFileTime", (), || {
        write_req(lpSystemTimeAsFileTime, time::filetime_from_value(time::now_filetime()))
    })
}

/// `SystemTimeToFileTime`: fields out of range: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn SystemTimeToFileTime(lpSystemTime: *const SYSTEMTIME, lpFileTime: *mut FILETIME) -> BOOL {
    guard_win32("SystemTimeToFileTime", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SystemTimeToFileTime({lpSystemTime:?}, {lpFileTime:?})");
        if lpSystemTime.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let ft = time::filetime_from_system_time(&*lpSystemTime)?;
        write_req(lpFileTime, time::filetime_from_value(ft))?;
        Ok(TRUE)
    })
}

/// `FileTimeToSystemTime`: a value above 0x7FFFFFFFFFFFFFFF: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn FileTimeToSystemTime(lpFileTime: *const FILETIME, lpSystemTime: *mut SYSTEMTIME) -> BOOL {
    guard_win32("FileTimeToSystemTime", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FileTimeToSystemTime({lpFileTime:?}, {lpSystemTime:?})");
        if lpFileTime.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let st = time::system_time_from_filetime(time::filetime_value(&*lpFileTime))?;
        write_req(lpSystemTime, st)?;
        Ok(TRUE)
    })
}

// ---------------------------------------------------------------------------------------------
// Heap

/// `GetProcessHeap`: the one heap of the process.
#[no_mangle]
pub extern "C" fn GetProcessHeap() -> HANDLE {
    guard_infallible("GetProcessHeap", to_handle(heap::PROCESS_HEAP), || to_handle(heap::PROCESS_HEAP))
}

fn check_heap(hHeap: HANDLE) -> WinResult<()> {
    if hHeap.is_null() {
        Err(ERROR_INVALID_HANDLE)
    } else {
        Ok(())
    }
}

/// `HeapAlloc`: `HEAP_ZERO_MEMORY` zeroes the block. NULL with `ERROR_NOT_ENOUGH_MEMORY` on failure.
#[no_mangle]
pub extern "C" fn HeapAlloc(hHeap: HANDLE, dwFlags: DWORD, dwBytes: usize) -> LPVOID {
    guard_win32("HeapAlloc", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "HeapAlloc({hHeap:?}, {dwFlags:?}, {dwBytes:?})");
        check_heap(hHeap)?;
        Ok(heap::alloc(dwBytes, dwFlags & heap::HEAP_ZERO_MEMORY != 0)? as LPVOID)
    })
}

/// `HeapReAlloc`: resizes; `HEAP_ZERO_MEMORY` zeroes the new tail; `HEAP_REALLOC_IN_PLACE_ONLY`
/// fails (`ERROR_NOT_ENOUGH_MEMORY`) rather than move. A NULL block: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn HeapReAlloc(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPVOID, dwBytes: usize) -> LPVOID {
    guard_win32("HeapReAlloc", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "HeapReAlloc({hHeap:?}, {dwFlags:?}, {lpMem:?}, {dwBytes:?})");
        check_heap(hHeap)?;
        if lpMem.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(heap::realloc(
            lpMem as usize,
            dwBytes,
            dwFlags & heap::HEAP_ZERO_MEMORY != 0,
            dwFlags & heap::HEAP_REALLOC_IN_PLACE_ONLY != 0,
        )? as LPVOID)
    })
}

/// `HeapFree`: frees a block (NULL is accepted). TRUE on success.
#[no_mangle]
pub extern "C" fn HeapFree(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPVOID) -> BOOL {
    guard_win32("HeapFree", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "HeapFree({hHeap:?}, {dwFlags:?}, {lpMem:?})");
        let _ = dwFlags;
        check_heap(hHeap)?;
        heap::free(lpMem as usize)?;
        Ok(TRUE)
    })
}

/// `HeapSize`: the size asked for the block, or `(SIZE_T)-1` on failure.
#[no_mangle]
pub extern "C" fn HeapSize(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPCVOID) -> usize {
    guard_win32("HeapSize", usize::MAX, || {
        tracing::trace!(target: "winhttpapi::win32", "HeapSize({hHeap:?}, {dwFlags:?}, {lpMem:?})");
        let _ = dwFlags;
        check_heap(hHeap)?;
        heap::size_of(lpMem as usize)
    })
}

/// `LocalAlloc`: `LMEM_ZEROINIT` zeroes; `LMEM_MOVEABLE` blocks are fixed here (the handle is the
/// pointer), which every use through `LocalLock`-free code cannot tell apart.
#[no_mangle]
pub extern "C" fn LocalAlloc(uFlags: u32, uBytes: usize) -> LPVOID {
    guard_win32("LocalAlloc", std::ptr::null_mut(), || {
        Ok(heap::alloc(uBytes, uFlags & heap::LMEM_ZEROINIT != 0)? as LPVOID)
    })
}

/// `LocalFree`: NULL on success (and for NULL), the block itself on failure.
#[no_mangle]
pub extern "C" fn LocalFree(hMem: LPVOID) -> LPVOID {
    guard_win32("LocalFree", hMem, || {
        tracing::trace!(target: "winhttpapi::win32", "LocalFree({hMem:?})");
        heap::free(hMem as usize)?;
        Ok(std::ptr::null_mut())
    })
}

/// `GlobalAlloc`: as `LocalAlloc` (`GMEM_ZEROINIT`).
#[no_mangle]
pub extern "C" fn GlobalAlloc(uFlags: u32, dwBytes: usize) -> LPVOID {
    guard_win32("GlobalAlloc", std::ptr::null_mut(), || {
        Ok(heap::alloc(dwBytes, uFlags & heap::GMEM_ZEROINIT != 0)? as LPVOID)
    })
}

/// `GlobalFree`: as `LocalFree`.
#[no_mangle]
pub extern "C" fn GlobalFree(hMem: LPVOID) -> LPVOID {
    guard_win32("GlobalFree", hMem, || {
        tracing::trace!(target: "winhttpapi::win32", "GlobalFree({hMem:?})");
        heap::free(hMem as usize)?;
        Ok(std::ptr::null_mut())
    })
}

// ---------------------------------------------------------------------------------------------
// Code pages and strings

/// The body of `MultiByteToWideChar` for either `wchar_t` width.
unsafe fn multi_byte_to_wide_char<U: WideUnit>(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut U,
    cchWideChar: i32,
) -> WinResult<i32> {
    tracing::trace!(target: "winhttpapi::win32", "MultiByteToWideChar({CodePage}, {dwFlags:#x}, {lpMultiByteStr:?}, {cbMultiByte}, {lpWideCharStr:?}, {cchWideChar})");
    text::check_code_page(CodePage)?;
    let allowed = if CodePage == text::CP_UTF8 {
        text::MB_ERR_INVALID_CHARS
    } else {
        text::MB_ERR_INVALID_CHARS | text::MB_PRECOMPOSED | 0x2 | 0x4
    };
    if dwFlags & !allowed != 0 {
        return Err(ERROR_INVALID_FLAGS);
    }
    if lpMultiByteStr.is_null()
        || cbMultiByte == 0
        || cbMultiByte < -1
        || cchWideChar < 0
        || (lpWideCharStr.is_null() && cchWideChar != 0)
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let src = lpMultiByteStr as *const u8;
    // -1: the string up to and including its NUL, which is converted too.
    let len = if cbMultiByte == -1 { units_strlen(src) + 1 } else { cbMultiByte as usize };
    let wide = text::utf8_to_wide::<U>(units_in(src, len), dwFlags & text::MB_ERR_INVALID_CHARS != 0)?;
    let needed = i32::try_from(wide.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if cchWideChar == 0 {
        return Ok(needed);
    }
    if needed > cchWideChar {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    units_out(lpWideCharStr, wide.len()).copy_from_slice(&wide);
    Ok(needed)
}

/// `MultiByteToWideChar`: UTF-8 (`CP_UTF8`, and `CP_ACP`/`CP_OEMCP`/`CP_THREAD_ACP`, which are UTF-8
/// on Linux) to `wchar_t`. `cbMultiByte` = -1 converts up to and including the NUL; `cchWideChar` = 0
/// returns the size needed; a small buffer: 0 with `ERROR_INSUFFICIENT_BUFFER`; invalid input with
/// `MB_ERR_INVALID_CHARS`: `ERROR_NO_UNICODE_TRANSLATION`, otherwise U+FFFD; other pages:
/// `ERROR_INVALID_PARAMETER`; flags `CP_UTF8` does not take: `ERROR_INVALID_FLAGS`.
#[no_mangle]
pub unsafe extern "C" fn MultiByteToWideChar(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut u32,
    cchWideChar: i32,
) -> i32 {
    guard_win32("MultiByteToWideChar", 0, || {
        multi_byte_to_wide_char(CodePage, dwFlags, lpMultiByteStr, cbMultiByte, lpWideCharStr, cchWideChar)
    })
}

/// `MultiByteToWideChar` for `-fshort-wchar` callers (UTF-16).
#[no_mangle]
pub unsafe extern "C" fn MultiByteToWideChar_w16(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut u16,
    cchWideChar: i32,
) -> i32 {
    guard_win32("MultiByteToWideChar", 0, || {
        multi_byte_to_wide_char(CodePage, dwFlags, lpMultiByteStr, cbMultiByte, lpWideCharStr, cchWideChar)
    })
}

/// The body of `WideCharToMultiByte` for either `wchar_t` width.
#[allow(clippy::too_many_arguments)]
unsafe fn wide_char_to_multi_byte<U: WideUnit>(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const U,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> WinResult<i32> {
    tracing::trace!(target: "winhttpapi::win32", "WideCharToMultiByte({CodePage}, {dwFlags:#x}, {lpWideCharStr:?}, {cchWideChar}, {lpMultiByteStr:?}, {cbMultiByte})");
    text::check_code_page(CodePage)?;
    if CodePage == text::CP_UTF8 {
        // CP_UTF8 takes no default character (WideCharToMultiByte docs).
        if !lpDefaultChar.is_null() || !lpUsedDefaultChar.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if dwFlags & !text::WC_ERR_INVALID_CHARS != 0 {
            return Err(ERROR_INVALID_FLAGS);
        }
    } else if dwFlags
        & !(text::WC_ERR_INVALID_CHARS | text::WC_NO_BEST_FIT_CHARS | text::WC_COMPOSITECHECK | 0x10 | 0x20 | 0x40)
        != 0
    {
        return Err(ERROR_INVALID_FLAGS);
    }
    if lpWideCharStr.is_null()
        || cchWideChar == 0
        || cchWideChar < -1
        || cbMultiByte < 0
        || (lpMultiByteStr.is_null() && cbMultiByte != 0)
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let len = if cchWideChar == -1 { units_strlen(lpWideCharStr) + 1 } else { cchWideChar as usize };
    let bytes = text::wide_to_utf8(units_in(lpWideCharStr, len), dwFlags & text::WC_ERR_INVALID_CHARS != 0)?;
    write_opt(lpUsedDefaultChar, FALSE);
    let needed = i32::try_from(bytes.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if cbMultiByte == 0 {
        return Ok(needed);
    }
    if needed > cbMultiByte {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    units_out(lpMultiByteStr as *mut u8, bytes.len()).copy_from_slice(&bytes);
    Ok(needed)
}

/// `WideCharToMultiByte`: `wchar_t` to UTF-8 (every accepted page is UTF-8 on Linux). `cchWideChar`
/// = -1 converts up to and including the NUL; `cbMultiByte` = 0 returns the size needed; a small
/// buffer: `ERROR_INSUFFICIENT_BUFFER`; a lone surrogate or invalid code point with
/// `WC_ERR_INVALID_CHARS`: `ERROR_NO_UNICODE_TRANSLATION`, otherwise U+FFFD; `CP_UTF8` with a default
/// character: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WideCharToMultiByte(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const u32,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> i32 {
    guard_win32("WideCharToMultiByte", 0, || {
        wide_char_to_multi_byte(
            CodePage,
            dwFlags,
            lpWideCharStr,
            cchWideChar,
            lpMultiByteStr,
            cbMultiByte,
            lpDefaultChar,
            lpUsedDefaultChar,
        )
    })
}

/// `WideCharToMultiByte` for `-fshort-wchar` callers (UTF-16).
#[no_mangle]
pub unsafe extern "C" fn WideCharToMultiByte_w16(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const u16,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> i32 {
    guard_win32("WideCharToMultiByte", 0, || {
        wide_char_to_multi_byte(
            CodePage,
            dwFlags,
            lpWideCharStr,
            cchWideChar,
            lpMultiByteStr,
            cbMultiByte,
            lpDefaultChar,
            lpUsedDefaultChar,
        )
    })
}

unsafe fn string_length<U: WideUnit>(p: *const U) -> i32 {
    if p.is_null() {
        0
    } else {
        units_strlen(p).min(i32::MAX as usize) as i32
    }
}

/// `lstrlenA`: the length in bytes, without the NUL; NULL gives 0.
#[no_mangle]
pub unsafe extern "C" fn lstrlenA(lpString: *const c_char) -> i32 {
    guard_infallible("lstrlenA", 0, || string_length(lpString as *const u8))
}

/// `lstrlenW`: the length in `WCHAR`s, without the NUL; NULL gives 0.
#[no_mangle]
pub unsafe extern "C" fn lstrlenW(lpString: *const u32) -> i32 {
    guard_infallible("lstrlenW", 0, || string_length(lpString))
}

/// `lstrlenW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn lstrlenW_w16(lpString: *const u16) -> i32 {
    guard_infallible("lstrlenW", 0, || string_length(lpString))
}

unsafe fn output_debug_string<U: WideUnit>(s: *const U) {
    // There is no debugger channel on Linux: the text goes to stderr when logging is on.
    if s.is_null() || std::env::var_os("WINHTTPAPI_LOG").is_none() {
        return;
    }
    let text = wstr::decode(units_in(s, units_strlen(s)));
    eprint!("{text}");
}

/// `OutputDebugStringA`: writes the text to stderr when `WINHTTPAPI_LOG` is set, else nothing.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringA(lpOutputString: *const c_char) {
    guard_infallible("OutputDebugStringA", (), || output_debug_string(lpOutputString as *const u8))
}

/// `OutputDebugStringW`: as `OutputDebugStringA`.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringW(lpOutputString: *const u32) {
    guard_infallible("OutputDebugStringW", (), || output_debug_string(lpOutputString))
}

/// `OutputDebugStringW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringW_w16(lpOutputString: *const u16) {
    guard_infallible("OutputDebugStringW", (), || output_debug_string(lpOutputString))
}

/// Copies `s` with a NUL into a caller's buffer of `cap` units, GetTempPath-style: returns the length
/// without the NUL, or, when it does not fit, the size needed including the NUL (nothing written).
unsafe fn copy_out_or_size<U: WideUnit>(s: &str, buf: *mut U, cap: u32) -> WinResult<u32> {
    tracing::trace!(target: "winhttpapi::win32", "copy out {s:?} to {buf:?} of {cap}");
    let units = wstr::encode_nul::<U>(s);
    if units.len() > cap as usize {
        return Ok(units.len() as u32);
    }
    if buf.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    units_out(buf, units.len()).copy_from_slice(&units);
    Ok(units.len() as u32 - 1)
}

// ---------------------------------------------------------------------------------------------
// Files

unsafe fn create_file<U: WideUnit>(
    name: *const U,
    access: DWORD,
    disposition: DWORD,
    flags: DWORD,
) -> WinResult<HANDLE> {
    let name = wide_cstr(name).ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "CreateFile({name:?}, {access:#x}, {disposition}, {flags:#x})");
    let opened = file::create(&name, access, disposition, flags)?;
    // CREATE_ALWAYS and OPEN_ALWAYS succeed on an existing file and say so through last-error
    // (ERROR_ALREADY_EXISTS); otherwise a successful CreateFile sets it to 0 (CreateFile docs).
    let already = opened.existed && matches!(disposition, file::CREATE_ALWAYS | file::OPEN_ALWAYS);
    last_error::set_last_error(if already { ERROR_ALREADY_EXISTS.0 } else { 0 });
    Ok(to_handle(opened.handle))
}

/// `CreateFileA`: opens or creates a file in the handle table. Dispositions CREATE_NEW (exists:
/// `ERROR_FILE_EXISTS`), CREATE_ALWAYS and OPEN_ALWAYS (success with last-error `ERROR_ALREADY_EXISTS`
/// when it existed, else 0), OPEN_EXISTING (missing: `ERROR_FILE_NOT_FOUND`, missing directory:
/// `ERROR_PATH_NOT_FOUND`), TRUNCATE_EXISTING (needs write access). `\` in paths is read as `/`.
/// Share modes, security attributes and templates are accepted and ignored. Failure:
/// `INVALID_HANDLE_VALUE`.
#[no_mangle]
pub unsafe extern "C" fn CreateFileA(
    lpFileName: *const c_char,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileA", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        create_file(lpFileName as *const u8, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes)
    })
}

/// `CreateFileW`: as `CreateFileA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn CreateFileW(
    lpFileName: *const u32,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileW", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        create_file(lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes)
    })
}

/// `CreateFileW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn CreateFileW_w16(
    lpFileName: *const u16,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileW", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        create_file(lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes)
    })
}

/// The offset an `OVERLAPPED` names; `None` = the end of file (`Offset` and `OffsetHigh` both
/// 0xFFFFFFFF, WriteFile's "append" value).
unsafe fn overlapped_offset(ov: *const OVERLAPPED) -> Option<u64> {
    let (lo, hi) = ((*ov).Offset, (*ov).OffsetHigh);
    if lo == u32::MAX && hi == u32::MAX {
        None
    } else {
        Some(((hi as u64) << 32) | lo as u64)
    }
}

/// Runs one file transfer, synchronously or as an overlapped operation that completes before the
/// call returns (status in `Internal`/`InternalHigh`, event set, packet posted to a bound port unless
/// the event is tagged or the handle skips the port on success). A failure returned at once posts no
/// packet, as on Windows.
unsafe fn file_transfer(
    f: &file::File,
    ov: *mut OVERLAPPED,
    done: *mut DWORD,
    op: impl FnOnce(Option<Option<u64>>) -> WinResult<usize>,
) -> WinResult<BOOL> {
    write_opt(done, 0);
    if ov.is_null() {
        if f.overlapped {
            // A handle opened with FILE_FLAG_OVERLAPPED needs an OVERLAPPED (ReadFile docs).
            return Err(ERROR_INVALID_PARAMETER);
        }
        if done.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let n = op(None)?;
        write_opt(done, n as DWORD);
        return Ok(TRUE);
    }
    let ptr = OverlappedPtr(ov as usize);
    let offset = overlapped_offset(ov);
    ptr.mark_pending();
    match op(Some(offset)) {
        Ok(n) => {
            write_opt(done, n as DWORD);
            overlapped::complete(Some(f.binding()), ptr, ERROR_SUCCESS, n, true);
            Ok(TRUE)
        }
        Err(e) => {
            overlapped::complete(None, ptr, e, 0, true);
            Err(e)
        }
    }
}

/// `ReadFile`: reads up to `nNumberOfBytesToRead` bytes. Without an `OVERLAPPED`, at the file pointer
/// (0 bytes at end of file, TRUE); with one, at its `Offset`/`OffsetHigh` (end of file: FALSE with
/// `ERROR_HANDLE_EOF`), completing through the handle's completion port as overlapped I/O does.
/// A handle that is not a file, closed or forged: `ERROR_INVALID_HANDLE`; no read access:
/// `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub unsafe extern "C" fn ReadFile(
    hFile: HANDLE,
    lpBuffer: LPVOID,
    nNumberOfBytesToRead: DWORD,
    lpNumberOfBytesRead: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> BOOL {
    guard_win32("ReadFile", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "ReadFile({hFile:?}, {lpBuffer:?}, {nNumberOfBytesToRead}, {lpOverlapped:?})");
        let f = file::file_for_handle(raw(hFile))?;
        let buf = bytes_out(lpBuffer as *mut u8, nNumberOfBytesToRead as usize)?;
        file_transfer(&f, lpOverlapped, lpNumberOfBytesRead, |at| match at {
            None => f.read(buf),
            Some(offset) => {
                let n = f.read_at(buf, offset.unwrap_or(0))?;
                if n == 0 && !buf.is_empty() {
                    return Err(ERROR_HANDLE_EOF);
                }
                Ok(n)
            }
        })
    })
}

/// `WriteFile`: writes the buffer, at the file pointer or at the `OVERLAPPED`'s offset (both
/// 0xFFFFFFFF: at the end), completing as `ReadFile` does. No write access: `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub unsafe extern "C" fn WriteFile(
    hFile: HANDLE,
    lpBuffer: LPCVOID,
    nNumberOfBytesToWrite: DWORD,
    lpNumberOfBytesWritten: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> BOOL {
    guard_win32("WriteFile", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "WriteFile({hFile:?}, {lpBuffer:?}, {nNumberOfBytesToWrite}, {lpOverlapped:?})");
        let f = file::file_for_handle(raw(hFile))?;
        let data = bytes_in(lpBuffer as *const u8, nNumberOfBytesToWrite as usize)?;
        file_transfer(&f, lpOverlapped, lpNumberOfBytesWritten, |at| match at {
            None => f.write(data),
            Some(offset) => f.write_at(data, offset),
        })
    })
}

/// `GetFileSize`: the low 32 bits of the size (the high ones through `lpFileSizeHigh`), or
/// `INVALID_FILE_SIZE` with last-error. A size whose low part is 0xFFFFFFFF sets last-error to 0 so the
/// caller can tell it from a failure, as Windows does.
#[no_mangle]
pub unsafe extern "C" fn GetFileSize(hFile: HANDLE, lpFileSizeHigh: *mut DWORD) -> DWORD {
    guard_win32("GetFileSize", file::INVALID_FILE_SIZE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetFileSize({hFile:?}, {lpFileSizeHigh:?})");
        let size = file::file_for_handle(raw(hFile))?.size()?;
        write_opt(lpFileSizeHigh, (size >> 32) as DWORD);
        if size as u32 == file::INVALID_FILE_SIZE {
            last_error::set_last_error(0);
        }
        Ok(size as DWORD)
    })
}

/// `GetFileSizeEx`: the size as a `LARGE_INTEGER`.
#[no_mangle]
pub unsafe extern "C" fn GetFileSizeEx(hFile: HANDLE, lpFileSize: *mut i64) -> BOOL {
    guard_win32("GetFileSizeEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetFileSizeEx({hFile:?}, {lpFileSize:?})");
        let size = file::file_for_handle(raw(hFile))?.size()?;
        write_req(lpFileSize, size as i64)?;
        Ok(TRUE)
    })
}

/// `SetFilePointer`: moves the file pointer (`FILE_BEGIN`, `FILE_CURRENT`, `FILE_END`); the distance is
/// 32-bit signed, or 64-bit with `lpDistanceToMoveHigh`, which receives the high part of the new
/// position. Returns the low part, or `INVALID_SET_FILE_POINTER` with last-error (before the start:
/// `ERROR_NEGATIVE_SEEK`); a success whose low part is 0xFFFFFFFF sets last-error to 0.
#[no_mangle]
pub unsafe extern "C" fn SetFilePointer(
    hFile: HANDLE,
    lDistanceToMove: i32,
    lpDistanceToMoveHigh: *mut i32,
    dwMoveMethod: DWORD,
) -> DWORD {
    guard_win32("SetFilePointer", file::INVALID_SET_FILE_POINTER, || {
        tracing::trace!(target: "winhttpapi::win32", "SetFilePointer({hFile:?}, {lDistanceToMove:?}, {lpDistanceToMoveHigh:?}, {dwMoveMethod:?})");
        let f = file::file_for_handle(raw(hFile))?;
        let distance = if lpDistanceToMoveHigh.is_null() {
            lDistanceToMove as i64
        } else {
            ((*lpDistanceToMoveHigh as i64) << 32) | (lDistanceToMove as u32 as i64)
        };
        let pos = f.seek(distance, dwMoveMethod)?;
        if !lpDistanceToMoveHigh.is_null() {
            *lpDistanceToMoveHigh = (pos >> 32) as i32;
        } else if pos > u32::MAX as u64 {
            // The position does not fit the only value returned.
            return Err(ERROR_INVALID_PARAMETER);
        }
        if pos as u32 == file::INVALID_SET_FILE_POINTER {
            last_error::set_last_error(0);
        }
        Ok(pos as DWORD)
    })
}

/// `SetFilePointerEx`: as `SetFilePointer` with 64-bit values; the new position goes to
/// `lpNewFilePointer` when it is not NULL.
#[no_mangle]
pub unsafe extern "C" fn SetFilePointerEx(
    hFile: HANDLE,
    liDistanceToMove: i64,
    lpNewFilePointer: *mut i64,
    dwMoveMethod: DWORD,
) -> BOOL {
    guard_win32("SetFilePointerEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetFilePointerEx({hFile:?}, {liDistanceToMove:?}, {lpNewFilePointer:?}, {dwMoveMethod:?})");
        let pos = file::file_for_handle(raw(hFile))?.seek(liDistanceToMove, dwMoveMethod)?;
        write_opt(lpNewFilePointer, pos as i64);
        Ok(TRUE)
    })
}

/// `FlushFileBuffers`: `fsync`. No write access: `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub extern "C" fn FlushFileBuffers(hFile: HANDLE) -> BOOL {
    guard_win32("FlushFileBuffers", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FlushFileBuffers({hFile:?})");
        file::file_for_handle(raw(hFile))?.flush()?;
        Ok(TRUE)
    })
}

unsafe fn delete_file<U: WideUnit>(name: *const U) -> WinResult<BOOL> {
    let name = wide_cstr(name).ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "DeleteFile({name:?})");
    file::delete(&name)?;
    Ok(TRUE)
}

/// `DeleteFileA`: missing: `ERROR_FILE_NOT_FOUND`; a directory: `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileA(lpFileName: *const c_char) -> BOOL {
    guard_win32("DeleteFileA", FALSE, || delete_file(lpFileName as *const u8))
}

/// `DeleteFileW`: as `DeleteFileA`.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileW(lpFileName: *const u32) -> BOOL {
    guard_win32("DeleteFileW", FALSE, || delete_file(lpFileName))
}

/// `DeleteFileW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileW_w16(lpFileName: *const u16) -> BOOL {
    guard_win32("DeleteFileW", FALSE, || delete_file(lpFileName))
}

/// `GetTempPathA`: `$TMPDIR` or `/tmp`, ending in `/`. Returns the length without the NUL, or, when
/// `nBufferLength` is too small, the size needed including it (nothing written).
#[no_mangle]
pub unsafe extern "C" fn GetTempPathA(nBufferLength: DWORD, lpBuffer: *mut c_char) -> DWORD {
    guard_win32("GetTempPathA", 0, || copy_out_or_size(&file::temp_path(), lpBuffer as *mut u8, nBufferLength))
}

/// `GetTempPathW`: as `GetTempPathA`, in `WCHAR`s.
#[no_mangle]
pub unsafe extern "C" fn GetTempPathW(nBufferLength: DWORD, lpBuffer: *mut u32) -> DWORD {
    guard_win32("GetTempPathW", 0, || copy_out_or_size(&file::temp_path(), lpBuffer, nBufferLength))
}

/// `GetTempPathW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetTempPathW_w16(nBufferLength: DWORD, lpBuffer: *mut u16) -> DWORD {
    guard_win32("GetTempPathW", 0, || copy_out_or_size(&file::temp_path(), lpBuffer, nBufferLength))
}

unsafe fn temp_file_name<U: WideUnit>(path: *const U, prefix: *const U, unique: u32, out: *mut U) -> WinResult<u32> {
    tracing::trace!(target: "winhttpapi::win32", "GetTempFileName({path:?}, {prefix:?}, {unique}, {out:?})");
    let dir = wide_cstr(path).ok_or(ERROR_INVALID_PARAMETER)?;
    let prefix = wide_cstr(prefix).unwrap_or_default();
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (name, n) = file::temp_file_name(&dir, &prefix, unique)?;
    let units = wstr::encode_nul::<U>(&name);
    // The buffer is MAX_PATH characters by contract.
    if units.len() > file::MAX_PATH {
        if unique == 0 {
            let _ = std::fs::remove_file(&name);
        }
        return Err(ERROR_BUFFER_OVERFLOW);
    }
    units_out(out, units.len()).copy_from_slice(&units);
    Ok(n)
}

/// `GetTempFileNameA`: `<path>/<prefix, 3 chars><hex>.TMP` into a `MAX_PATH` buffer. `uUnique` = 0
/// picks a free number and creates the file; otherwise the name is only formed. Returns the number
/// used, 0 with last-error on failure (a missing directory: `ERROR_DIRECTORY`).
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameA(
    lpPathName: *const c_char,
    lpPrefixString: *const c_char,
    uUnique: u32,
    lpTempFileName: *mut c_char,
) -> u32 {
    guard_win32("GetTempFileNameA", 0, || {
        temp_file_name(lpPathName as *const u8, lpPrefixString as *const u8, uUnique, lpTempFileName as *mut u8)
    })
}

/// `GetTempFileNameW`: as `GetTempFileNameA`.
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameW(
    lpPathName: *const u32,
    lpPrefixString: *const u32,
    uUnique: u32,
    lpTempFileName: *mut u32,
) -> u32 {
    guard_win32("GetTempFileNameW", 0, || temp_file_name(lpPathName, lpPrefixString, uUnique, lpTempFileName))
}

/// `GetTempFileNameW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameW_w16(
    lpPathName: *const u16,
    lpPrefixString: *const u16,
    uUnique: u32,
    lpTempFileName: *mut u16,
) -> u32 {
    guard_win32("GetTempFileNameW", 0, || temp_file_name(lpPathName, lpPrefixString, uUnique, lpTempFileName))
}

// ---------------------------------------------------------------------------------------------
// Modules

/// `FARPROC`.
pub type FARPROC = Option<unsafe extern "C" fn() -> isize>;

unsafe fn module_by_name<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    let name = wide_cstr(name);
    tracing::trace!(target: "winhttpapi::win32", "GetModuleHandle/LoadLibrary({name:?})");
    Ok(module::find(name.as_deref())? as HANDLE)
}

/// `GetModuleHandleA`: `winhttp.dll`, `httpapi.dll`, `kernel32.dll` (any case, with or without `.dll`
/// or a directory) give this library; NULL gives the main program; anything else: NULL with
/// `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleA(lpModuleName: *const c_char) -> HANDLE {
    guard_win32("GetModuleHandleA", std::ptr::null_mut(), || module_by_name(lpModuleName as *const u8))
}

/// `GetModuleHandleW`: as `GetModuleHandleA`.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW(lpModuleName: *const u32) -> HANDLE {
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || module_by_name(lpModuleName))
}

/// `GetModuleHandleW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW_w16(lpModuleName: *const u16) -> HANDLE {
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || module_by_name(lpModuleName))
}

unsafe fn load_library<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    if name.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    module_by_name(name)
}

/// `LoadLibraryA`: resolves the same names as `GetModuleHandleA` (this library is already loaded, so
/// nothing is loaded); other names: NULL with `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryA(lpLibFileName: *const c_char) -> HANDLE {
    guard_win32("LoadLibraryA", std::ptr::null_mut(), || load_library(lpLibFileName as *const u8))
}

/// `LoadLibraryW`: as `LoadLibraryA`.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW(lpLibFileName: *const u32) -> HANDLE {
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || load_library(lpLibFileName))
}

/// `LoadLibraryW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW_w16(lpLibFileName: *const u16) -> HANDLE {
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || load_library(lpLibFileName))
}

unsafe fn proc_address(hModule: HANDLE, lpProcName: *const c_char, twin_first: bool) -> WinResult<FARPROC> {
    // Names below 0x10000 are ordinals; our exports have none.
    if (lpProcName as usize) < 0x10000 {
        return Err(ERROR_PROC_NOT_FOUND);
    }
    let name = narrow_cstr(lpProcName).ok_or(ERROR_PROC_NOT_FOUND)?;
    tracing::trace!(target: "winhttpapi::win32", "GetProcAddress({hModule:?}, {name:?})");
    let address = if twin_first {
        // A -fshort-wchar caller wants the UTF-16 entry point wherever there is one.
        module::proc_address(hModule as usize, &format!("{name}_w16"))
            .or_else(|_| module::proc_address(hModule as usize, &name))?
    } else {
        module::proc_address(hModule as usize, &name)?
    };
    // SAFETY: a non-NULL address of a function symbol, handed to C as FARPROC.
    Ok(Some(std::mem::transmute::<usize, unsafe extern "C" fn() -> isize>(address)))
}

/// `GetProcAddress`: the address of an export of a module from `GetModuleHandle`/`LoadLibrary`.
/// Unknown name or an ordinal: NULL with `ERROR_PROC_NOT_FOUND`; unknown module: `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    guard_win32("GetProcAddress", None, || proc_address(hModule, lpProcName, false))
}

/// `GetProcAddress` for `-fshort-wchar` callers: prefers the `_w16` twin of the name, so
/// `GetProcAddress(h, "WinHttpOpen")` gives the UTF-16 entry point such a caller needs.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress_w16(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    guard_win32("GetProcAddress", None, || proc_address(hModule, lpProcName, true))
}

/// `FreeLibrary`: TRUE for a module handle we gave out (this library stays loaded); anything else:
/// FALSE with `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn FreeLibrary(hLibModule: HANDLE) -> BOOL {
    guard_win32("FreeLibrary", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FreeLibrary({hLibModule:?})");
        if module::is_known(hLibModule as usize) {
            Ok(TRUE)
        } else {
            Err(ERROR_INVALID_HANDLE)
        }
    })
}

// ---------------------------------------------------------------------------------------------
// FormatMessage

pub const FORMAT_MESSAGE_ALLOCATE_BUFFER: DWORD = 0x100;
pub const FORMAT_MESSAGE_IGNORE_INSERTS: DWORD = 0x200;
pub const FORMAT_MESSAGE_FROM_STRING: DWORD = 0x400;
pub const FORMAT_MESSAGE_FROM_HMODULE: DWORD = 0x800;
pub const FORMAT_MESSAGE_FROM_SYSTEM: DWORD = 0x1000;
pub const FORMAT_MESSAGE_ARGUMENT_ARRAY: DWORD = 0x2000;
pub const FORMAT_MESSAGE_MAX_WIDTH_MASK: DWORD = 0xFF;

/// The message text `FormatMessage` formats, before escapes.
unsafe fn message_source<U: WideUnit>(
    flags: DWORD,
    source: *const c_void,
    id: DWORD,
    language: DWORD,
) -> WinResult<(String, bool)> {
    if flags & FORMAT_MESSAGE_FROM_STRING != 0 {
        let s = wide_cstr(source as *const U).ok_or(ERROR_INVALID_PARAMETER)?;
        return Ok((s, false));
    }
    if flags & (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_FROM_HMODULE) == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & FORMAT_MESSAGE_FROM_HMODULE != 0
        && !source.is_null()
        && !module::is_known(source as usize)
        && flags & FORMAT_MESSAGE_FROM_SYSTEM == 0
    {
        return Err(ERROR_MR_MID_NOT_FOUND);
    }
    // English only: LANG_NEUTRAL (0, any sublanguage) or LANG_ENGLISH (9, any sublanguage).
    let primary = language & 0x3FF;
    if primary != 0 && primary != 9 {
        return Err(ERROR_RESOURCE_LANG_NOT_FOUND);
    }
    let text = message::message_text(id).ok_or(ERROR_MR_MID_NOT_FOUND)?;
    Ok((text.to_string(), true))
}

#[allow(clippy::too_many_arguments)]
unsafe fn format_message<U: WideUnit>(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut U,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> WinResult<DWORD> {
    tracing::trace!(target: "winhttpapi::win32", "FormatMessage({dwFlags:#x}, {lpSource:?}, {dwMessageId}, {dwLanguageId:#x}, {lpBuffer:?}, {nSize}, {Arguments:?})");
    if lpBuffer.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (text, from_table) = message_source::<U>(dwFlags, lpSource, dwMessageId, dwLanguageId)?;
    let width = dwFlags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    // Inserts need arguments; reading a va_list is not possible from here, so only
    // FORMAT_MESSAGE_IGNORE_INSERTS (or a text without inserts) is supported (docs/porting.md).
    let mut out = message::expand(
        &text,
        dwFlags & FORMAT_MESSAGE_IGNORE_INSERTS != 0,
        from_table && width != FORMAT_MESSAGE_MAX_WIDTH_MASK,
    )
    .ok_or(ERROR_INVALID_PARAMETER)?;
    if width == FORMAT_MESSAGE_MAX_WIDTH_MASK {
        out = out.replace("\r\n", " ").trim_end().to_string();
    }
    let units = wstr::encode_nul::<U>(&out);
    let len = (units.len() - 1) as DWORD;
    if dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER != 0 {
        // lpBuffer is really an LPTSTR* receiving a LocalAlloc'ed buffer of at least nSize units.
        let count = units.len().max(nSize as usize);
        let block = heap::alloc(count * U::SIZE, true)?;
        units_out(block as *mut U, units.len()).copy_from_slice(&units);
        *(lpBuffer as *mut *mut U) = block as *mut U;
        return Ok(len);
    }
    if units.len() > nSize as usize {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    units_out(lpBuffer, units.len()).copy_from_slice(&units);
    Ok(len)
}

/// `FormatMessageA`: the English text of a Win32 or WinHTTP error code (`FORMAT_MESSAGE_FROM_SYSTEM`,
/// or `FORMAT_MESSAGE_FROM_HMODULE` with a handle from `GetModuleHandle("winhttp.dll")` and the like;
/// both tables answer either flag), ending in "\r\n" as on Windows; or a `FORMAT_MESSAGE_FROM_STRING`
/// text. `FORMAT_MESSAGE_ALLOCATE_BUFFER` puts a `LocalAlloc` block (free it with `LocalFree`) in
/// `*(LPSTR*)lpBuffer`. Returns the length without the NUL; 0 with last-error on failure (unknown id:
/// `ERROR_MR_MID_NOT_FOUND`; small buffer: `ERROR_INSUFFICIENT_BUFFER`; inserts without
/// `FORMAT_MESSAGE_IGNORE_INSERTS`: `ERROR_INVALID_PARAMETER`).
#[no_mangle]
pub unsafe extern "C" fn FormatMessageA(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut c_char,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageA", 0, || {
        format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer as *mut u8, nSize, Arguments)
    })
}

/// `FormatMessageW`: as `FormatMessageA`, in `WCHAR`s.
#[no_mangle]
pub unsafe extern "C" fn FormatMessageW(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut u32,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageW", 0, || {
        format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer, nSize, Arguments)
    })
}

/// `FormatMessageW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn FormatMessageW_w16(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut u16,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageW", 0, || {
        format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer, nSize, Arguments)
    })
}
