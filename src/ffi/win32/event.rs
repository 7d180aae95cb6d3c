//! Events: `CreateEvent*`, `OpenEvent*`, `SetEvent`, `ResetEvent` (engine: `win32::event`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::{CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET};
use crate::win32::error::*;
use crate::win32::event::{self, Event};
use crate::win32::handle;
use crate::win32::last_error;
use crate::win32::wstr::WideUnit;
use std::ffi::{c_char, c_void};

/// `CreateEventA`: a new event; `lpEventAttributes` is ignored. Returns the handle, or NULL with
/// last-error set.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventA` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
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
        // SAFETY: `narrow_cstr`: `lpName` is NULL or points to a readable NUL-terminated string.
        create_event(bManualReset, bInitialState, unsafe { narrow_cstr(lpName) })
    })
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn create_event_w<U: WideUnit>(manual: BOOL, initial: BOOL, name: *const U) -> WinResult<HANDLE> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    create_event(manual, initial, unsafe { wide_cstr(name) })
}

/// `CreateEventW`: as `CreateEventA` with a wide name.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventW` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
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
        // SAFETY: `create_event_w`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_event_w(bManualReset, bInitialState, lpName) }
    })
}

/// `CreateEventW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventW` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
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
        // SAFETY: `create_event_w`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_event_w(bManualReset, bInitialState, lpName) }
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

fn create_event(manual_reset: BOOL, initial: BOOL, name: Option<String>) -> WinResult<HANDLE> {
    create_event_named(manual_reset != 0, initial != 0, name)
}

/// Creates (or, for a name in use, opens) an event and returns a new handle to it. Last error on
/// success is `ERROR_ALREADY_EXISTS` when the name was in use and 0 otherwise, as `CreateEvent` documents.
fn create_event_named(manual_reset: bool, initial: bool, name: Option<String>) -> WinResult<HANDLE> {
    let (event, existed) = event::create(manual_reset, initial, name.as_deref())?;
    let h = handle::insert(event);
    last_error::set_last_error(if existed { ERROR_ALREADY_EXISTS.0 } else { 0 });
    Ok(to_handle(h))
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn create_event_ex<U: WideUnit>(name: *const U, flags: DWORD) -> WinResult<HANDLE> {
    tracing::trace!(target: "winhttpapi::win32", "CreateEventEx({name:?}, {flags:#x})");
    if flags & !(CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    create_event_named(flags & CREATE_EVENT_MANUAL_RESET != 0, flags & CREATE_EVENT_INITIAL_SET != 0, unsafe {
        wide_cstr(name)
    })
}

/// `CreateEventExA`: `CreateEvent` with `CREATE_EVENT_MANUAL_RESET` / `CREATE_EVENT_INITIAL_SET` flags
/// (other bits: `ERROR_INVALID_PARAMETER`). `lpEventAttributes` and `dwDesiredAccess` are accepted and
/// not enforced (every handle has all access). A name in use returns the existing event with
/// `ERROR_ALREADY_EXISTS`.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventExA` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExA(
    lpEventAttributes: *mut c_void,
    lpName: *const c_char,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExA", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        // SAFETY: `create_event_ex`: `lpName as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_event_ex(lpName as *const u8, dwFlags) }
    })
}

/// `CreateEventExW`: as `CreateEventExA` with a wide name.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventExW` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExW(
    lpEventAttributes: *mut c_void,
    lpName: *const u32,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExW", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        // SAFETY: `create_event_ex`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_event_ex(lpName, dwFlags) }
    })
}

/// `CreateEventExW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpEventAttributes`, `lpName` are each NULL or point to memory valid for what `CreateEventExW` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateEventExW_w16(
    lpEventAttributes: *mut c_void,
    lpName: *const u16,
    dwFlags: DWORD,
    dwDesiredAccess: DWORD,
) -> HANDLE {
    guard_win32("CreateEventExW", std::ptr::null_mut(), || {
        let _ = (lpEventAttributes, dwDesiredAccess);
        // SAFETY: `create_event_ex`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_event_ex(lpName, dwFlags) }
    })
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn open_event<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    tracing::trace!(target: "winhttpapi::win32", "OpenEvent({name:?})");
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) }.ok_or(ERROR_INVALID_PARAMETER)?;
    Ok(to_handle(handle::insert(event::open(&name)?)))
}

/// `OpenEventA`: a new handle to the live event of that name (made by `CreateEvent(Ex)` in this
/// process); none: NULL with `ERROR_FILE_NOT_FOUND`. `dwDesiredAccess` and `bInheritHandle` are accepted
/// and not enforced.
///
/// # Safety
/// `lpName` is NULL or points to memory valid for what `OpenEventA` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn OpenEventA(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const c_char) -> HANDLE {
    guard_win32("OpenEventA", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        // SAFETY: `open_event`: `lpName as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { open_event(lpName as *const u8) }
    })
}

/// `OpenEventW`: as `OpenEventA` with a wide name.
///
/// # Safety
/// `lpName` is NULL or points to memory valid for what `OpenEventW` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn OpenEventW(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const u32) -> HANDLE {
    guard_win32("OpenEventW", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        // SAFETY: `open_event`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { open_event(lpName) }
    })
}

/// `OpenEventW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpName` is NULL or points to memory valid for what `OpenEventW` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn OpenEventW_w16(dwDesiredAccess: DWORD, bInheritHandle: BOOL, lpName: *const u16) -> HANDLE {
    guard_win32("OpenEventW", std::ptr::null_mut(), || {
        let _ = (dwDesiredAccess, bInheritHandle);
        // SAFETY: `open_event`: `lpName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { open_event(lpName) }
    })
}
