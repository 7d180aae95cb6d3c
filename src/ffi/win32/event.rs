//! Events: `CreateEvent*`, `SetEvent`, `ResetEvent` (engine: `win32::event`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::event::Event;
use crate::win32::handle;
use crate::win32::wstr::WideUnit;
use std::ffi::{c_char, c_void};
use std::sync::Arc;

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
