//! Completion ports: `CreateIoCompletionPort`, `PostQueuedCompletionStatus`,
//! `GetQueuedCompletionStatus(Ex)`, `SetFileCompletionNotificationModes` (engine: `win32::iocp`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi;
use crate::win32::abi::{OVERLAPPED, OVERLAPPED_ENTRY};
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::iocp::{CompletionPort, DequeueError, Packet};
use crate::win32::overlapped::{self};
use crate::win32::wait::{self};
use std::sync::Arc;

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
///
/// # Safety
/// `lpNumberOfBytesTransferred`, `lpCompletionKey`, `lpOverlapped` are each NULL or point to memory valid for what
/// `GetQueuedCompletionStatus` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
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
                // SAFETY: `lpNumberOfBytesTransferred` is non-NULL (checked above) and the caller's, valid for writing
                // what is stored (this function's `# Safety`)
                unsafe {
                    *lpNumberOfBytesTransferred = p.bytes;
                }
                // SAFETY: `lpCompletionKey` is non-NULL (checked above) and the caller's, valid for writing what is
                // stored (this function's `# Safety`)
                unsafe {
                    *lpCompletionKey = p.key;
                }
                // SAFETY: `lpOverlapped` is non-NULL (checked above) and the caller's, valid for writing what is stored
                // (this function's `# Safety`)
                unsafe {
                    *lpOverlapped = p.overlapped as *mut OVERLAPPED;
                }
                if p.error != 0 {
                    Err(Win32Error(p.error))
                } else {
                    Ok(TRUE)
                }
            }
            Err(e) => {
                // SAFETY: `lpOverlapped` is non-NULL (checked above) and the caller's, valid for writing what is stored
                // (this function's `# Safety`)
                unsafe {
                    *lpOverlapped = std::ptr::null_mut();
                }
                Err(match e {
                    DequeueError::TimedOut => ERROR_WAIT_TIMEOUT,
                    DequeueError::Closed => ERROR_ABANDONED_WAIT_0,
                })
            }
        }
    })
}

/// `GetQueuedCompletionStatusEx`: takes up to `ulCount` packets at once into `OVERLAPPED_ENTRY`s
/// (`Internal` = the operation's status). TRUE with `*ulNumEntriesRemoved` >= 1, even when some
/// operations failed; FALSE with `WAIT_TIMEOUT` on timeout, `ERROR_ABANDONED_WAIT_0` when the port is
/// closed. `fAlertable` is accepted (no APCs on Linux).
///
/// # Safety
/// `lpCompletionPortEntries`, `ulNumEntriesRemoved` are each NULL or point to memory valid for what
/// `GetQueuedCompletionStatusEx` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
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
        // SAFETY: `ulNumEntriesRemoved` is non-NULL (checked above) and the caller's, valid for writing what is stored
        // (this function's `# Safety`)
        unsafe {
            *ulNumEntriesRemoved = 0;
        }
        let port = handle::get_typed::<self::CompletionPort>(raw(CompletionPort))?;
        let mut packets = vec![Packet { bytes: 0, key: 0, overlapped: 0, error: 0 }; (ulCount as usize).min(4096)];
        match port.dequeue_many(&mut packets, wait::deadline_after(dwMilliseconds)) {
            Ok(n) => {
                // SAFETY: `units_out`: `lpCompletionPortEntries` points to `n` writable units valid for `'a`, not
                // aliased (NULL only when `n` is 0).
                let entries = unsafe { units_out(lpCompletionPortEntries, n) };
                for (e, p) in entries.iter_mut().zip(&packets[..n]) {
                    *e = OVERLAPPED_ENTRY {
                        lpCompletionKey: p.key,
                        lpOverlapped: p.overlapped,
                        Internal: overlapped::ntstatus_from_win32(p.error) as usize,
                        dwNumberOfBytesTransferred: p.bytes,
                    };
                }
                // SAFETY: `ulNumEntriesRemoved` is non-NULL (checked above) and the caller's, valid for writing what is
                // stored (this function's `# Safety`)
                unsafe {
                    *ulNumEntriesRemoved = n as ULONG;
                }
                Ok(TRUE)
            }
            Err(DequeueError::TimedOut) => Err(ERROR_WAIT_TIMEOUT),
            Err(DequeueError::Closed) => Err(ERROR_ABANDONED_WAIT_0),
        }
    })
}

/// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` | `FILE_SKIP_SET_EVENT_ON_HANDLE`.
const COMPLETION_MODES: u8 = abi::FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | abi::FILE_SKIP_SET_EVENT_ON_HANDLE;

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
