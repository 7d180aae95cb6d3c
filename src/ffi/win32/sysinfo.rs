//! What a program asks about the machine: `GetSystemInfo`, `GetNativeSystemInfo`, `GetProcessAffinityMask`
//! (engine: `win32::sysinfo`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::SYSTEM_INFO;
use crate::win32::error::*;
use crate::win32::sysinfo::{self};

use crate::win32::abi::CURRENT_PROCESS_PSEUDO as CURRENT_PROCESS;

/// `GetSystemInfo`: page size, processors and address range of this machine (see
/// `win32::sysinfo::system_info`). A NULL pointer is ignored.
///
/// # Safety
/// `lpSystemInfo` is NULL or points to memory valid for what `GetSystemInfo` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetSystemInfo(lpSystemInfo: *mut SYSTEM_INFO) {
    guard_infallible("GetSystemInfo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "GetSystemInfo({lpSystemInfo:?})");
        // SAFETY: `write_opt`: `lpSystemInfo` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(lpSystemInfo, sysinfo::system_info()) }
    })
}

/// `GetNativeSystemInfo`: the same as `GetSystemInfo` (a program here always runs natively).
///
/// # Safety
/// `lpSystemInfo` is NULL or points to memory valid for what `GetNativeSystemInfo` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetNativeSystemInfo(lpSystemInfo: *mut SYSTEM_INFO) {
    guard_infallible("GetNativeSystemInfo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "GetNativeSystemInfo({lpSystemInfo:?})");
        // SAFETY: `write_opt`: `lpSystemInfo` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(lpSystemInfo, sysinfo::system_info()) }
    })
}

/// `GetProcessAffinityMask`: the CPUs the process may run on (`sched_getaffinity`) and the CPUs of the
/// system, one bit per CPU below 64. Only `GetCurrentProcess()` is a process handle here (others:
/// `ERROR_INVALID_HANDLE`); a NULL output is `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpProcessAffinityMask`, `lpSystemAffinityMask` are each NULL or point to memory valid for what
/// `GetProcessAffinityMask` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetProcessAffinityMask(
    hProcess: HANDLE,
    lpProcessAffinityMask: *mut usize,
    lpSystemAffinityMask: *mut usize,
) -> BOOL {
    guard_win32("GetProcessAffinityMask", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetProcessAffinityMask({hProcess:?}, {lpProcessAffinityMask:?}, {lpSystemAffinityMask:?})");
        if raw(hProcess) != CURRENT_PROCESS {
            return Err(ERROR_INVALID_HANDLE);
        }
        if lpProcessAffinityMask.is_null() || lpSystemAffinityMask.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let (process, system) = sysinfo::process_affinity();
        // SAFETY: `lpProcessAffinityMask` is non-NULL (checked above) and the caller's, valid for writing what is
        // stored (this function's `# Safety`)
        unsafe {
            *lpProcessAffinityMask = process;
        }
        // SAFETY: `lpSystemAffinityMask` is non-NULL (checked above) and the caller's, valid for writing what is stored
        // (this function's `# Safety`)
        unsafe {
            *lpSystemAffinityMask = system;
        }
        Ok(TRUE)
    })
}
