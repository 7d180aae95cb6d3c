//! `CloseHandle` for every kind of handle of the table, `DuplicateHandle` (engine: `win32::handle`).
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::thread;

/// `CloseHandle`: closes any handle of the table. A closed, stale or forged handle:
/// FALSE with `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn CloseHandle(hObject: HANDLE) -> BOOL {
    guard_win32("CloseHandle", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "CloseHandle({hObject:?})");
        if !handle::get(raw(hObject))?.closed_by_close_handle() {
            return Err(ERROR_INVALID_HANDLE);
        }
        handle::close(raw(hObject))?;
        Ok(TRUE)
    })
}

use crate::win32::abi::{CURRENT_PROCESS_PSEUDO as CURRENT_PROCESS, CURRENT_THREAD_PSEUDO as CURRENT_THREAD};

/// `DuplicateHandle`: a second handle to the same object, within this process (both process handles
/// must be `GetCurrentProcess()`, else `ERROR_INVALID_HANDLE`). The object lives until every handle to
/// it is closed. `GetCurrentThread()` as the source gives a real handle to the calling thread (waitable,
/// signaled when it ends). `DUPLICATE_CLOSE_SOURCE` closes the source handle whatever the outcome (a handle `CloseHandle`
/// refuses stays open), and with it a NULL `hTargetProcessHandle` only closes the source;
/// access masks and inheritance are accepted and not enforced. A NULL `lpTargetHandle` duplicates
/// nothing the caller could see, as documented. Duplicating `GetCurrentProcess()` is `ERROR_NOT_SUPPORTED`
/// (there is no process object here).
///
/// # Safety
/// `lpTargetHandle` is NULL or points to memory valid for what `DuplicateHandle` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn DuplicateHandle(
    hSourceProcessHandle: HANDLE,
    hSourceHandle: HANDLE,
    hTargetProcessHandle: HANDLE,
    lpTargetHandle: *mut HANDLE,
    dwDesiredAccess: DWORD,
    bInheritHandle: BOOL,
    dwOptions: DWORD,
) -> BOOL {
    guard_win32("DuplicateHandle", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "DuplicateHandle({hSourceProcessHandle:?}, {hSourceHandle:?}, {hTargetProcessHandle:?}, {lpTargetHandle:?}, {dwDesiredAccess:#x}, {bInheritHandle}, {dwOptions:#x})");
        let source = raw(hSourceHandle);
        let close_source = dwOptions & DUPLICATE_CLOSE_SOURCE != 0;
        let result = (|| {
            if raw(hSourceProcessHandle) != CURRENT_PROCESS {
                return Err(ERROR_INVALID_HANDLE);
            }
            if dwOptions & !(DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS) != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            match raw(hTargetProcessHandle) {
                CURRENT_PROCESS => {}
                // Optional with DUPLICATE_CLOSE_SOURCE: the call only closes the source.
                0 if close_source => return handle::get(source).map(|_| ()),
                _ => return Err(ERROR_INVALID_HANDLE),
            }
            let new = match source {
                CURRENT_THREAD => handle::insert(thread::current_object()),
                CURRENT_PROCESS => return Err(ERROR_NOT_SUPPORTED),
                _ => {
                    handle::get(source)?.duplicable()?;
                    if lpTargetHandle.is_null() {
                        return Ok(());
                    }
                    handle::duplicate(source)?
                }
            };
            if lpTargetHandle.is_null() {
                let _ = handle::close(new);
            } else {
                // SAFETY: `lpTargetHandle` is non-NULL (checked above) and the caller's, valid for writing what is
                // stored (this function's `# Safety`)
                unsafe {
                    *lpTargetHandle = to_handle(new);
                }
            }
            Ok(())
        })();
        if close_source
            && source != CURRENT_THREAD
            && source != CURRENT_PROCESS
            && handle::get(source).is_ok_and(|o| o.closed_by_close_handle())
        {
            let _ = handle::close(source);
        }
        result.map(|()| TRUE)
    })
}
