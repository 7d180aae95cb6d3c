//! Exports of the kernel32 additions programs reach for beside the core: file attributes
//! (`GetFileAttributes(Ex)`), named events (`CreateEventEx`, `OpenEvent`), `DuplicateHandle`, and what a
//! program asks about the machine (`GetSystemInfo`, `GetProcessAffinityMask`).
#![allow(non_snake_case)]
use super::guard::*;
use super::ptr::*;
use super::types::*;
use crate::win32::error::*;
use crate::win32::event::{self, CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET};
use crate::win32::file::{self, GET_FILE_EX_INFO_STANDARD, WIN32_FILE_ATTRIBUTE_DATA};
use crate::win32::handle;
use crate::win32::last_error;
use crate::win32::sysinfo::{self, SYSTEM_INFO};
use crate::win32::thread;
use crate::win32::wstr::WideUnit;
use std::ffi::{c_char, c_void};

/// `INVALID_FILE_ATTRIBUTES`.
const INVALID_FILE_ATTRIBUTES: DWORD = u32::MAX;
/// `GetCurrentProcess()` and `GetCurrentThread()`.
const CURRENT_PROCESS: usize = usize::MAX;
const CURRENT_THREAD: usize = usize::MAX - 1;
/// `DuplicateHandle` options.
const DUPLICATE_CLOSE_SOURCE: DWORD = 1;
const DUPLICATE_SAME_ACCESS: DWORD = 2;

/// Creates (or, for a name in use, opens) an event and returns a new handle to it. Last error on
/// success is `ERROR_ALREADY_EXISTS` when the name was in use and 0 otherwise, as `CreateEvent` documents.
pub(crate) fn create_event(manual_reset: bool, initial: bool, name: Option<String>) -> WinResult<HANDLE> {
    let (event, existed) = event::create(manual_reset, initial, name.as_deref())?;
    let h = handle::insert(event);
    last_error::set_last_error(if existed { ERROR_ALREADY_EXISTS.0 } else { 0 });
    Ok(to_handle(h))
}

unsafe fn create_event_ex<U: WideUnit>(name: *const U, flags: DWORD) -> WinResult<HANDLE> {
    tracing::trace!(target: "winhttpapi::win32", "CreateEventEx({name:?}, {flags:#x})");
    if flags & !(CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    create_event(flags & CREATE_EVENT_MANUAL_RESET != 0, flags & CREATE_EVENT_INITIAL_SET != 0, wide_cstr(name))
}

/// `CreateEventExA`: `CreateEvent` with `CREATE_EVENT_MANUAL_RESET` / `CREATE_EVENT_INITIAL_SET` flags
/// (other bits: `ERROR_INVALID_PARAMETER`). `lpEventAttributes` and `dwDesiredAccess` are accepted and
/// not enforced (every handle has all access). A name in use returns the existing event with
/// `ERROR_ALREADY_EXISTS`.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExA(
    lpEventAttributes: *mut c_void,
    lpName: *const c_char,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExA", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        create_event_ex(lpName as *const u8, dwFlags)
    })
}

/// `CreateEventExW`: as `CreateEventExA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExW(
    lpEventAttributes: *mut c_void,
    lpName: *const u32,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExW", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        create_event_ex(lpName, dwFlags)
    })
}

/// `CreateEventExW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExW_w16(
    lpEventAttributes: *mut c_void,
    lpName: *const u16,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExW", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        create_event_ex(lpName, dwFlags)
    })
}

unsafe fn open_event<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    tracing::trace!(target: "winhttpapi::win32", "OpenEvent({name:?})");
    let name = wide_cstr(name).ok_or(ERROR_INVALID_PARAMETER)?;
    Ok(to_handle(handle::insert(event::open(&name)?)))
}

/// `OpenEventA`: a new handle to the live event of that name (made by `CreateEvent(Ex)` in this
/// process); none: NULL with `ERROR_FILE_NOT_FOUND`. `dwDesiredAccess` and `bInheritHandle` are accepted
/// and not enforced.
#[no_mangle]
pub unsafe extern "C" fn OpenEventA(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const c_char) -> HANDLE {
    guard_win32("OpenEventA", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        open_event(lpName as *const u8)
    })
}

/// `OpenEventW`: as `OpenEventA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn OpenEventW(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const u32) -> HANDLE {
    guard_win32("OpenEventW", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        open_event(lpName)
    })
}

/// `OpenEventW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn OpenEventW_w16(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const u16) -> HANDLE {
    guard_win32("OpenEventW", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        open_event(lpName)
    })
}

/// The kinds of object a second handle may be made for: the kernel objects whose handles Windows lets a
/// process duplicate. WinHTTP handles are not kernel handles there (`ERROR_INVALID_HANDLE`); an http.sys
/// request queue is, but its engine closes by its own rules, so it is `ERROR_NOT_SUPPORTED` here.
fn duplicable(kind: &str) -> WinResult<()> {
    match kind {
        "event" | "thread" | "completion port" | "file" => Ok(()),
        "request queue" => Err(ERROR_NOT_SUPPORTED),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// `DuplicateHandle`: a second handle to the same object, within this process (both process handles
/// must be `GetCurrentProcess()`, else `ERROR_INVALID_HANDLE`). The object lives until every handle to
/// it is closed. `GetCurrentThread()` as the source gives a real handle to the calling thread (waitable,
/// signaled when it ends). `DUPLICATE_CLOSE_SOURCE` closes the source handle whatever the outcome;
/// access masks and inheritance are accepted and not enforced. A NULL `lpTargetHandle` duplicates
/// nothing the caller could see, as documented. Duplicating `GetCurrentProcess()` is `ERROR_NOT_SUPPORTED`
/// (there is no process object here).
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
            if raw(hSourceProcessHandle) != CURRENT_PROCESS || raw(hTargetProcessHandle) != CURRENT_PROCESS {
                return Err(ERROR_INVALID_HANDLE);
            }
            if dwOptions & !(DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS) != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            let new = match source {
                CURRENT_THREAD => handle::insert(thread::current_object()),
                CURRENT_PROCESS => return Err(ERROR_NOT_SUPPORTED),
                _ => {
                    duplicable(handle::get(source)?.kind())?;
                    if lpTargetHandle.is_null() {
                        return Ok(());
                    }
                    handle::duplicate(source)?
                }
            };
            if lpTargetHandle.is_null() {
                let _ = handle::close(new);
            } else {
                *lpTargetHandle = to_handle(new);
            }
            Ok(())
        })();
        if close_source && source != CURRENT_THREAD && source != CURRENT_PROCESS {
            let _ = handle::close(source);
        }
        result.map(|()| TRUE)
    })
}

unsafe fn file_attributes<U: WideUnit>(name: *const U) -> WinResult<file::Attributes> {
    let name = wide_cstr(name).ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "GetFileAttributes({name:?})");
    file::attributes(&name)
}

/// `GetFileAttributesA`: the attributes of a file or directory (see `win32::file::attributes` for the
/// mapping from `stat`), or `INVALID_FILE_ATTRIBUTES` with `ERROR_FILE_NOT_FOUND` (missing) /
/// `ERROR_PATH_NOT_FOUND` (a directory on the way missing) / `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesA(lpFileName: *const c_char) -> DWORD {
    guard_win32("GetFileAttributesA", INVALID_FILE_ATTRIBUTES, || {
        Ok(file_attributes(lpFileName as *const u8)?.attributes)
    })
}

/// `GetFileAttributesW`: as `GetFileAttributesA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesW(lpFileName: *const u32) -> DWORD {
    guard_win32("GetFileAttributesW", INVALID_FILE_ATTRIBUTES, || Ok(file_attributes(lpFileName)?.attributes))
}

/// `GetFileAttributesW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesW_w16(lpFileName: *const u16) -> DWORD {
    guard_win32("GetFileAttributesW", INVALID_FILE_ATTRIBUTES, || Ok(file_attributes(lpFileName)?.attributes))
}

unsafe fn file_attributes_ex<U: WideUnit>(name: *const U, level: i32, out: *mut c_void) -> WinResult<BOOL> {
    if level != GET_FILE_EX_INFO_STANDARD || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let data = WIN32_FILE_ATTRIBUTE_DATA::from(file_attributes(name)?);
    write_req(out as *mut WIN32_FILE_ATTRIBUTE_DATA, data)?;
    Ok(TRUE)
}

/// `GetFileAttributesExA`: with `GetFileExInfoStandard` fills `WIN32_FILE_ATTRIBUTE_DATA` (attributes,
/// creation / last access / last write times, size; 0 for a directory). Another level or a NULL
/// output: `ERROR_INVALID_PARAMETER`. Errors as `GetFileAttributesA`.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExA(
    lpFileName: *const c_char,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    guard_win32("GetFileAttributesExA", FALSE, || {
        file_attributes_ex(lpFileName as *const u8, fInfoLevelId, lpFileInformation)
    })
}

/// `GetFileAttributesExW`: as `GetFileAttributesExA` with a wide name.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExW(
    lpFileName: *const u32,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    guard_win32("GetFileAttributesExW", FALSE, || file_attributes_ex(lpFileName, fInfoLevelId, lpFileInformation))
}

/// `GetFileAttributesExW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExW_w16(
    lpFileName: *const u16,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    guard_win32("GetFileAttributesExW", FALSE, || file_attributes_ex(lpFileName, fInfoLevelId, lpFileInformation))
}

/// `GetSystemInfo`: page size, processors and address range of this machine (see
/// `win32::sysinfo::system_info`). A NULL pointer is ignored.
#[no_mangle]
pub unsafe extern "C" fn GetSystemInfo(lpSystemInfo: *mut SYSTEM_INFO) {
    guard_infallible("GetSystemInfo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "GetSystemInfo({lpSystemInfo:?})");
        write_opt(lpSystemInfo, sysinfo::system_info())
    })
}

/// `GetNativeSystemInfo`: the same as `GetSystemInfo` (a program here always runs natively).
#[no_mangle]
pub unsafe extern "C" fn GetNativeSystemInfo(lpSystemInfo: *mut SYSTEM_INFO) {
    guard_infallible("GetNativeSystemInfo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "GetNativeSystemInfo({lpSystemInfo:?})");
        write_opt(lpSystemInfo, sysinfo::system_info())
    })
}

/// `GetProcessAffinityMask`: the CPUs the process may run on (`sched_getaffinity`) and the CPUs of the
/// system, one bit per CPU below 64. Only `GetCurrentProcess()` is a process handle here (others:
/// `ERROR_INVALID_HANDLE`); a NULL output is `ERROR_INVALID_PARAMETER`.
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
        *lpProcessAffinityMask = process;
        *lpSystemAffinityMask = system;
        Ok(TRUE)
    })
}
