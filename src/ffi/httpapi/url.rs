//! URL helpers: `HttpPrepareUrl`, `HttpFindUrlGroupId` (engine: `server::prepare`, `server::router`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::{self};
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `HttpPrepareUrl` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `reserved` is its `Reserved`,
/// `url` is its `Url`, `out` is its `PreparedUrl`. In particular: `url` is NULL or points to a readable NUL-terminated
/// array of `U`; `out` is NULL or points to a writable, aligned `T`.
unsafe fn prepare_url<U: WideUnit>(
    reserved: *mut c_void,
    flags: ULONG,
    url: *const U,
    out: *mut *mut U,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let text = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpPrepareUrl({reserved:?}, {flags:#x}, {text:?}, {out:?})");
    if !reserved.is_null() || flags != 0 || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let prepared = server::prepare::prepare_url(&text.ok_or(ERROR_INVALID_PARAMETER)?)?;
    let units = crate::win32::wstr::encode_nul::<U>(&prepared);
    let bytes = units.len() * std::mem::size_of::<U>();
    let block = crate::win32::heap::alloc(bytes, false)?;
    // SAFETY: `copy_nonoverlapping`: both ranges are valid for the count given and do not overlap
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), block as *mut U, units.len()) };
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, block as *mut U) }
}

/// `HttpPrepareUrl`: the canonical form of a URL (scheme and host lower-cased, Unicode host in
/// punycode, default port made explicit, dot segments removed, percent-escapes normalized; see
/// `server::prepare`), in a new string the caller frees with `HeapFree(GetProcessHeap(), 0, p)`.
/// `Reserved` not NULL, `Flags` not 0, NULL `Url` or `PreparedUrl`, or a malformed URL:
/// `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `Reserved`, `Url`, `PreparedUrl` are each NULL or point to memory valid for what `HttpPrepareUrl` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpPrepareUrl(
    Reserved: *mut c_void,
    Flags: ULONG,
    Url: *const WCHAR,
    PreparedUrl: *mut *mut WCHAR,
) -> ULONG {
    // SAFETY: `prepare_url`: `Reserved`, `Url`, `PreparedUrl` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpPrepareUrl` reads or writes through them; in
    // particular `Url` is NULL or points to a readable NUL-terminated array of `U`; `PreparedUrl` is NULL or points to
    // a writable, aligned `T`.
    guard_httpapi("HttpPrepareUrl", || unsafe { prepare_url(Reserved, Flags, Url, PreparedUrl) })
}
/// `HttpPrepareUrl` for `-fshort-wchar` callers (the result is UTF-16).
///
/// # Safety
/// `Reserved`, `Url`, `PreparedUrl` are each NULL or point to memory valid for what `HttpPrepareUrl` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpPrepareUrl_w16(
    Reserved: *mut c_void,
    Flags: ULONG,
    Url: *const u16,
    PreparedUrl: *mut *mut u16,
) -> ULONG {
    // SAFETY: `prepare_url`: `Reserved`, `Url`, `PreparedUrl` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpPrepareUrl` reads or writes through them; in
    // particular `Url` is NULL or points to a readable NUL-terminated array of `U`; `PreparedUrl` is NULL or points to
    // a writable, aligned `T`.
    guard_httpapi("HttpPrepareUrl", || unsafe { prepare_url(Reserved, Flags, Url, PreparedUrl) })
}

/// # Safety
/// `url` is NULL or points to a readable NUL-terminated array of `U`; `out` is NULL or points to a writable, aligned
/// `T`.
unsafe fn find_url_group_id<U: WideUnit>(url: *const U, h: HANDLE, out: *mut u64) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let text = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpFindUrlGroupId({text:?}, {h:?}, {out:?})");
    let q = queue_of(h)?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let prepared = server::prepare::prepare_url(&text.ok_or(ERROR_INVALID_PARAMETER)?)?;
    let id = server::router::find_group(&q, &prepared).ok_or(ERROR_NOT_FOUND)?;
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, id) }
}

/// `HttpFindUrlGroupId`: the URL group whose registered prefix routes `FullyQualifiedUrl` to this
/// queue (the best match, as routing picks it). None: `ERROR_NOT_FOUND`; bad handle:
/// `ERROR_INVALID_HANDLE`; NULL or malformed URL, NULL `UrlGroupId`: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `FullyQualifiedUrl`, `UrlGroupId` are each NULL or point to memory valid for what `HttpFindUrlGroupId` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpFindUrlGroupId(
    FullyQualifiedUrl: *const WCHAR,
    RequestQueueHandle: HANDLE,
    UrlGroupId: *mut u64,
) -> ULONG {
    // SAFETY: `find_url_group_id`: `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`;
    // `UrlGroupId` is NULL or points to a writable, aligned `T`.
    guard_httpapi("HttpFindUrlGroupId", || unsafe {
        find_url_group_id(FullyQualifiedUrl, RequestQueueHandle, UrlGroupId)
    })
}
/// `HttpFindUrlGroupId` for `-fshort-wchar` callers.
///
/// # Safety
/// `FullyQualifiedUrl`, `UrlGroupId` are each NULL or point to memory valid for what `HttpFindUrlGroupId` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpFindUrlGroupId_w16(
    FullyQualifiedUrl: *const u16,
    RequestQueueHandle: HANDLE,
    UrlGroupId: *mut u64,
) -> ULONG {
    // SAFETY: `find_url_group_id`: `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`;
    // `UrlGroupId` is NULL or points to a writable, aligned `T`.
    guard_httpapi("HttpFindUrlGroupId", || unsafe {
        find_url_group_id(FullyQualifiedUrl, RequestQueueHandle, UrlGroupId)
    })
}
