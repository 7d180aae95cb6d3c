//! `GetLastError`, `SetLastError` (engine: `win32::last_error`).
use crate::ffi::guard::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::last_error;

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
