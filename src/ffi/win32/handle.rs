//! `CloseHandle` for every kind of handle of the table (engine: `win32::handle`).
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::win32::handle;

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
