//! The control plane: initialization, request queues, server sessions, URL groups and their URLs,
//! cancellation, demand start, delegation, feature queries and extensions (engine: `server`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::queue::RequestQueue;
use crate::server::{self, session};
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::sync::Arc;

fn initialize(version: HTTPAPI_VERSION, flags: ULONG, reserved: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "HttpInitialize({version:?}, {flags:#x}, {reserved:?})");
    if !reserved.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::initialize(version.HttpApiMajorVersion, version.HttpApiMinorVersion, flags)
}

/// `HttpInitialize`: starts using the API. `Version` must be 1.0 or 2.0 and `Flags` a non-empty set of
/// `HTTP_INITIALIZE_SERVER` / `HTTP_INITIALIZE_CONFIG` (else `ERROR_INVALID_PARAMETER`); `pReserved`
/// NULL. Calls nest: each is undone by an `HttpTerminate` with the same flags.
#[no_mangle]
pub extern "C" fn HttpInitialize(Version: HTTPAPI_VERSION, Flags: ULONG, pReserved: *mut c_void) -> ULONG {
    guard_httpapi("HttpInitialize", || initialize(Version, Flags, pReserved))
}
w16_alias!(HttpInitialize);

fn terminate(flags: ULONG, reserved: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "HttpTerminate({flags:#x}, {reserved:?})");
    server::terminate(flags)
}

/// `HttpTerminate`: undoes one `HttpInitialize` with the same `Flags` (`ERROR_INVALID_PARAMETER` when
/// none is in effect).
#[no_mangle]
pub extern "C" fn HttpTerminate(Flags: ULONG, pReserved: *mut c_void) -> ULONG {
    guard_httpapi("HttpTerminate", || terminate(Flags, pReserved))
}
w16_alias!(HttpTerminate);

/// # Safety
/// `out` is NULL or points to a writable, aligned `T`.
unsafe fn create_http_handle(out: *mut HANDLE, reserved: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateHttpHandle({out:?}, {reserved})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::require_server_init()?;
    let q = RequestQueue::new(false, None, false);
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, to_handle(handle::insert(q))) }
}

/// `HttpCreateHttpHandle`: a version 1 request queue (closed with `CloseHandle`).
/// `ERROR_INVALID_PARAMETER` for a NULL out-pointer, `ERROR_DLL_INIT_FAILED` before `HttpInitialize`.
///
/// # Safety
/// `RequestQueueHandle` is NULL or points to memory valid for what `HttpCreateHttpHandle` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateHttpHandle(RequestQueueHandle: *mut HANDLE, Reserved: ULONG) -> ULONG {
    // SAFETY: `create_http_handle`: `RequestQueueHandle` is NULL or points to a writable, aligned `T`.
    guard_httpapi("HttpCreateHttpHandle", || unsafe { create_http_handle(RequestQueueHandle, Reserved) })
}
w16_alias!(HttpCreateHttpHandle);

/// # Safety
/// The pointers are the arguments of `HttpCreateRequestQueue` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `name` is its `Name`,
/// `sa` is its `SecurityAttributes`, `out` is its `RequestQueueHandle`. In particular: `name` is NULL or points to a
/// readable NUL-terminated array of `U`; `out` is NULL or points to a writable, aligned `T`.
unsafe fn create_request_queue<U: WideUnit>(
    version: HTTPAPI_VERSION,
    name: *const U,
    sa: *mut c_void,
    flags: ULONG,
    out: *mut HANDLE,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateRequestQueue({version:?}, {name:?}, {sa:?}, {flags:#x}, {out:?})");
    if version != (HTTPAPI_VERSION { HttpApiMajorVersion: 2, HttpApiMinorVersion: 0 }) {
        return Err(ERROR_REVISION_MISMATCH);
    }
    let open_existing = flags & HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING != 0;
    let controller = flags & HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER != 0;
    if out.is_null()
        || flags & !(HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING | HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER) != 0
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) };
    if open_existing && (name.is_none() || !sa.is_null() || controller) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if name.as_ref().is_some_and(|n| n.is_empty() || n.chars().count() * U::SIZE > 260) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::require_server_init()?;
    let q = match name {
        Some(n) => RequestQueue::create_named(&n, open_existing, controller)?,
        None => RequestQueue::new(true, None, controller),
    };
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, to_handle(handle::insert(q))) }
}

/// `HttpCreateRequestQueue`: a version 2 request queue. `Version` must be 2.0
/// (`ERROR_REVISION_MISMATCH`); a named queue can be opened again in this process with
/// `HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING` (a second create of the name: `ERROR_ALREADY_EXISTS`);
/// a `CONTROLLER` handle cannot receive. `SecurityAttributes` is accepted and ignored.
///
/// # Safety
/// `Name`, `SecurityAttributes`, `RequestQueueHandle` are each NULL or point to memory valid for what
/// `HttpCreateRequestQueue` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateRequestQueue(
    Version: HTTPAPI_VERSION,
    Name: *const WCHAR,
    SecurityAttributes: *mut c_void,
    Flags: ULONG,
    RequestQueueHandle: *mut HANDLE,
) -> ULONG {
    guard_httpapi("HttpCreateRequestQueue", || {
        // SAFETY: `create_request_queue`: `Name`, `SecurityAttributes`, `RequestQueueHandle` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpCreateRequestQueue` reads or writes through them; in particular `Name` is NULL or points to a readable
        // NUL-terminated array of `U`; `RequestQueueHandle` is NULL or points to a writable, aligned `T`.
        unsafe { create_request_queue(Version, Name, SecurityAttributes, Flags, RequestQueueHandle) }
    })
}
/// `HttpCreateRequestQueue` for `-fshort-wchar` callers.
///
/// # Safety
/// `Name`, `SecurityAttributes`, `RequestQueueHandle` are each NULL or point to memory valid for what
/// `HttpCreateRequestQueue` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateRequestQueue_w16(
    Version: HTTPAPI_VERSION,
    Name: *const u16,
    SecurityAttributes: *mut c_void,
    Flags: ULONG,
    RequestQueueHandle: *mut HANDLE,
) -> ULONG {
    guard_httpapi("HttpCreateRequestQueue", || {
        // SAFETY: `create_request_queue`: `Name`, `SecurityAttributes`, `RequestQueueHandle` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpCreateRequestQueue` reads or writes through them; in particular `Name` is NULL or points to a readable
        // NUL-terminated array of `U`; `RequestQueueHandle` is NULL or points to a writable, aligned `T`.
        unsafe { create_request_queue(Version, Name, SecurityAttributes, Flags, RequestQueueHandle) }
    })
}

fn close_request_queue(h: HANDLE) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCloseRequestQueue({h:?})");
    queue_of(h)?;
    handle::close(raw(h))?;
    Ok(())
}

/// `HttpCloseRequestQueue`: closes a queue handle; pending operations complete with
/// `ERROR_OPERATION_ABORTED` and open requests are aborted. Not a queue: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn HttpCloseRequestQueue(RequestQueueHandle: HANDLE) -> ULONG {
    guard_httpapi("HttpCloseRequestQueue", || close_request_queue(RequestQueueHandle))
}
w16_alias!(HttpCloseRequestQueue);

fn shutdown_request_queue(h: HANDLE) -> WinResult<()> {
    tracing::trace!(target: T, "HttpShutdownRequestQueue({h:?})");
    queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?.shutdown();
    Ok(())
}

/// `HttpShutdownRequestQueue`: stops routing to the queue (clients get 503), cancels pending
/// receives and queued requests (`ERROR_OPERATION_ABORTED`); responses in flight finish. A bad handle:
/// `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn HttpShutdownRequestQueue(RequestQueueHandle: HANDLE) -> ULONG {
    guard_httpapi("HttpShutdownRequestQueue", || shutdown_request_queue(RequestQueueHandle))
}
w16_alias!(HttpShutdownRequestQueue);

/// # Safety
/// `out` is NULL or points to a writable, aligned `T`.
unsafe fn create_server_session(version: HTTPAPI_VERSION, out: *mut u64, reserved: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateServerSession({version:?}, {out:?}, {reserved})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // Server sessions are an HTTP Server API 2.0 object: 1.0 is ERROR_REVISION_MISMATCH on Windows.
    if version != (HTTPAPI_VERSION { HttpApiMajorVersion: 2, HttpApiMinorVersion: 0 }) {
        return Err(ERROR_REVISION_MISMATCH);
    }
    if reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, session::create_session()) }
}

/// `HttpCreateServerSession`: a new session id. NULL out-pointer or `Reserved` ≠ 0:
/// `ERROR_INVALID_PARAMETER`; a version other than 2.0: `ERROR_REVISION_MISMATCH`.
///
/// # Safety
/// `ServerSessionId` is NULL or points to memory valid for what `HttpCreateServerSession` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateServerSession(
    Version: HTTPAPI_VERSION,
    ServerSessionId: *mut u64,
    Reserved: ULONG,
) -> ULONG {
    // SAFETY: `create_server_session`: `ServerSessionId` is NULL or points to a writable, aligned `T`.
    guard_httpapi("HttpCreateServerSession", || unsafe { create_server_session(Version, ServerSessionId, Reserved) })
}
w16_alias!(HttpCreateServerSession);

fn close_server_session(id: u64) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCloseServerSession({id:#x})");
    session::close_session(id)
}

/// `HttpCloseServerSession`: closes a session and every URL group in it. Unknown id, or the id of a
/// URL group: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn HttpCloseServerSession(ServerSessionId: u64) -> ULONG {
    guard_httpapi("HttpCloseServerSession", || close_server_session(ServerSessionId))
}
w16_alias!(HttpCloseServerSession);

/// # Safety
/// `out` is NULL or points to a writable, aligned `T`.
unsafe fn create_url_group(session_id: u64, out: *mut u64, reserved: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateUrlGroup({session_id:#x}, {out:?}, {reserved})");
    if out.is_null() || reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `write_req`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out, session::create_group(session_id)?) }
}

/// `HttpCreateUrlGroup`: a new URL group in a session. Unknown session, NULL out-pointer or
/// `Reserved` ≠ 0: `ERROR_INVALID_PARAMETER` (the out value is left alone).
///
/// # Safety
/// `pUrlGroupId` is NULL or points to memory valid for what `HttpCreateUrlGroup` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateUrlGroup(ServerSessionId: u64, pUrlGroupId: *mut u64, Reserved: ULONG) -> ULONG {
    // SAFETY: `create_url_group`: `pUrlGroupId` is NULL or points to a writable, aligned `T`.
    guard_httpapi("HttpCreateUrlGroup", || unsafe { create_url_group(ServerSessionId, pUrlGroupId, Reserved) })
}
w16_alias!(HttpCreateUrlGroup);

fn close_url_group(id: u64) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCloseUrlGroup({id:#x})");
    session::close_group(id)
}

/// `HttpCloseUrlGroup`: closes a group and removes its URLs. Unknown id, or the id of a server session:
/// `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn HttpCloseUrlGroup(UrlGroupId: u64) -> ULONG {
    guard_httpapi("HttpCloseUrlGroup", || close_url_group(UrlGroupId))
}
w16_alias!(HttpCloseUrlGroup);

/// # Safety
/// `url` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn add_url_to_url_group<U: WideUnit>(group: u64, url: *const U, context: u64, reserved: ULONG) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpAddUrlToUrlGroup({group:#x}, {url:?}, {context:#x}, {reserved})");
    if reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    session::add_url(group, &url.ok_or(ERROR_INVALID_PARAMETER)?, context)
}

/// `HttpAddUrlToUrlGroup`: registers a URL prefix for a group; `UrlContext` comes back in every request
/// it routes. Malformed prefix or unknown group: `ERROR_INVALID_PARAMETER`; prefix registered anywhere
/// in this process: `ERROR_ALREADY_EXISTS`; port held by another process: `ERROR_SHARING_VIOLATION`;
/// `https://` on a port that has `http://` prefixes (or the reverse): `ERROR_ALREADY_EXISTS`.
///
/// # Safety
/// `pFullyQualifiedUrl` is NULL or points to memory valid for what `HttpAddUrlToUrlGroup` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrlToUrlGroup(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const WCHAR,
    UrlContext: u64,
    Reserved: ULONG,
) -> ULONG {
    // SAFETY: `add_url_to_url_group`: `pFullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpAddUrlToUrlGroup", || unsafe {
        add_url_to_url_group(UrlGroupId, pFullyQualifiedUrl, UrlContext, Reserved)
    })
}
/// `HttpAddUrlToUrlGroup` for `-fshort-wchar` callers.
///
/// # Safety
/// `pFullyQualifiedUrl` is NULL or points to memory valid for what `HttpAddUrlToUrlGroup` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrlToUrlGroup_w16(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const u16,
    UrlContext: u64,
    Reserved: ULONG,
) -> ULONG {
    // SAFETY: `add_url_to_url_group`: `pFullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpAddUrlToUrlGroup", || unsafe {
        add_url_to_url_group(UrlGroupId, pFullyQualifiedUrl, UrlContext, Reserved)
    })
}

/// # Safety
/// `url` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn remove_url_from_url_group<U: WideUnit>(group: u64, url: *const U, flags: ULONG) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpRemoveUrlFromUrlGroup({group:#x}, {url:?}, {flags:#x})");
    if flags & !HTTP_URL_FLAG_REMOVE_ALL != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let all = flags & HTTP_URL_FLAG_REMOVE_ALL != 0;
    match (all, url) {
        (true, None) => session::remove_url(group, None),
        (false, Some(u)) => session::remove_url(group, Some(&u)),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HttpRemoveUrlFromUrlGroup`: removes one prefix, or all with `HTTP_URL_FLAG_REMOVE_ALL` (then the
/// URL must be NULL). Unknown group or bad flags: `ERROR_INVALID_PARAMETER`; prefix not in the group:
/// `ERROR_FILE_NOT_FOUND`.
///
/// # Safety
/// `pFullyQualifiedUrl` is NULL or points to memory valid for what `HttpRemoveUrlFromUrlGroup` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrlFromUrlGroup(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const WCHAR,
    Flags: ULONG,
) -> ULONG {
    // SAFETY: `remove_url_from_url_group`: `pFullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of
    // `U`.
    guard_httpapi("HttpRemoveUrlFromUrlGroup", || unsafe {
        remove_url_from_url_group(UrlGroupId, pFullyQualifiedUrl, Flags)
    })
}
/// `HttpRemoveUrlFromUrlGroup` for `-fshort-wchar` callers.
///
/// # Safety
/// `pFullyQualifiedUrl` is NULL or points to memory valid for what `HttpRemoveUrlFromUrlGroup` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrlFromUrlGroup_w16(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const u16,
    Flags: ULONG,
) -> ULONG {
    // SAFETY: `remove_url_from_url_group`: `pFullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of
    // `U`.
    guard_httpapi("HttpRemoveUrlFromUrlGroup", || unsafe {
        remove_url_from_url_group(UrlGroupId, pFullyQualifiedUrl, Flags)
    })
}

/// # Safety
/// The pointers are the arguments of `HttpAddUrl` (and of its twins), which its `# Safety` asks the caller to make NULL
/// or valid for what Windows documents the function reads or writes through them: `url` is its `FullyQualifiedUrl`,
/// `reserved` is its `Reserved`. In particular: `url` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn add_url<U: WideUnit>(h: HANDLE, url: *const U, reserved: *mut c_void) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpAddUrl({h:?}, {url:?}, {reserved:?})");
    let q = queue_of(h)?;
    q.add_url(&url.ok_or(ERROR_INVALID_PARAMETER)?)
}

/// `HttpAddUrl` (v1): registers a prefix for a queue. Bad handle: `ERROR_INVALID_HANDLE`; malformed
/// prefix: `ERROR_INVALID_PARAMETER`; already registered: `ERROR_ALREADY_EXISTS`; port held by another
/// process: `ERROR_SHARING_VIOLATION`.
///
/// # Safety
/// `FullyQualifiedUrl`, `Reserved` are each NULL or point to memory valid for what `HttpAddUrl` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrl(
    RequestQueueHandle: HANDLE,
    FullyQualifiedUrl: *const WCHAR,
    Reserved: *mut c_void,
) -> ULONG {
    // SAFETY: `add_url`: `FullyQualifiedUrl`, `Reserved` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpAddUrl` reads or writes through them; in
    // particular `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpAddUrl", || unsafe { add_url(RequestQueueHandle, FullyQualifiedUrl, Reserved) })
}
/// `HttpAddUrl` for `-fshort-wchar` callers.
///
/// # Safety
/// `FullyQualifiedUrl`, `Reserved` are each NULL or point to memory valid for what `HttpAddUrl` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrl_w16(
    RequestQueueHandle: HANDLE,
    FullyQualifiedUrl: *const u16,
    Reserved: *mut c_void,
) -> ULONG {
    // SAFETY: `add_url`: `FullyQualifiedUrl`, `Reserved` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpAddUrl` reads or writes through them; in
    // particular `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpAddUrl", || unsafe { add_url(RequestQueueHandle, FullyQualifiedUrl, Reserved) })
}

/// # Safety
/// `url` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn remove_url<U: WideUnit>(h: HANDLE, url: *const U) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "HttpRemoveUrl({h:?}, {url:?})");
    // http.sys answers a bad handle here with ERROR_INVALID_PARAMETER (Wine's tests record it).
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    q.remove_url(&url.ok_or(ERROR_INVALID_PARAMETER)?)
}

/// `HttpRemoveUrl` (v1): removes a prefix this queue registered (`ERROR_FILE_NOT_FOUND` otherwise).
/// Bad handle or NULL URL: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `FullyQualifiedUrl` is NULL or points to memory valid for what `HttpRemoveUrl` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrl(RequestQueueHandle: HANDLE, FullyQualifiedUrl: *const WCHAR) -> ULONG {
    // SAFETY: `remove_url`: `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpRemoveUrl", || unsafe { remove_url(RequestQueueHandle, FullyQualifiedUrl) })
}
/// `HttpRemoveUrl` for `-fshort-wchar` callers.
///
/// # Safety
/// `FullyQualifiedUrl` is NULL or points to memory valid for what `HttpRemoveUrl` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrl_w16(RequestQueueHandle: HANDLE, FullyQualifiedUrl: *const u16) -> ULONG {
    // SAFETY: `remove_url`: `FullyQualifiedUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpRemoveUrl", || unsafe { remove_url(RequestQueueHandle, FullyQualifiedUrl) })
}

/// # Safety
/// The pointers are the arguments of `HttpCancelHttpRequest` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `ov` is its
/// `Overlapped`.
unsafe fn cancel_http_request(h: HANDLE, id: u64, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCancelHttpRequest({h:?}, {id:#x}, {ov:?})");
    let q = queue_of(h)?;
    let ovp = ov_of(ov);
    let r = q.run(ovp, |_c| match q.cancel_request(id) {
        Ok(()) => crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true),
        Err(e) => crate::server::completion::Start::Done(e, 0, false),
    });
    // SAFETY: `finish`: the output pointer is NULL: nothing is written through it.
    unsafe { finish(r, std::ptr::null_mut(), ovp) }
}

/// `HttpCancelHttpRequest`: ends a request: its pending receives and sends complete with
/// `ERROR_OPERATION_ABORTED` and its connection is closed. Unknown id: `ERROR_CONNECTION_INVALID`.
///
/// # Safety
/// `Overlapped` is NULL or points to memory valid for what `HttpCancelHttpRequest` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until
/// the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpCancelHttpRequest(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    // SAFETY: `cancel_http_request`: `Overlapped` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `HttpCancelHttpRequest` reads or writes through it.
    guard_httpapi("HttpCancelHttpRequest", || unsafe { cancel_http_request(RequestQueueHandle, RequestId, Overlapped) })
}
w16_alias!(HttpCancelHttpRequest);

fn feature_supported(id: i32) -> BOOL {
    if id == HTTP_FEATURE_DELEGATE_EX
        || id == HTTP_FEATURE_RESPONSE_TRAILERS
        || id == HTTP_FEATURE_CACHE_TLS_CLIENT_HELLO
    {
        TRUE
    } else {
        FALSE
    }
}

/// `HttpIsFeatureSupported`: TRUE for `HttpFeatureDelegateEx` (`HttpDelegateRequestEx` works between
/// queues of the process), `HttpFeatureResponseTrailers` (`HttpDataChunkTrailers` on HTTP/2) and
/// `HttpFeatureCacheTlsClientHello` (`HttpRequestPropertyTlsClientHello`), FALSE for the others (HTTP/3, the
/// other TLS and the timing features do not exist here).
#[no_mangle]
pub extern "C" fn HttpIsFeatureSupported(FeatureId: i32) -> BOOL {
    guard_infallible("HttpIsFeatureSupported", FALSE, || {
        tracing::trace!(target: T, "HttpIsFeatureSupported({FeatureId})");
        feature_supported(FeatureId)
    })
}
w16_alias!(HttpIsFeatureSupported);

/// # Safety
/// The pointers are the arguments of `HttpWaitForDemandStart` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `ov` is its
/// `Overlapped`.
unsafe fn wait_for_demand_start(h: HANDLE, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "HttpWaitForDemandStart({h:?}, {ov:?})");
    // The page documents ERROR_INVALID_PARAMETER for a handle that is not a request queue.
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    // SAFETY: `finish`: the output pointer is NULL: nothing is written through it.
    unsafe { finish(q.wait_for_demand_start(ovp), std::ptr::null_mut(), ovp) }
}

/// `HttpWaitForDemandStart`: completes when a request arrives for the queue (at once when one is
/// already waiting). Only the controller (`HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER`) may wait:
/// `ERROR_INVALID_ID_AUTHORITY` otherwise; not a queue: `ERROR_INVALID_PARAMETER`; shut down or
/// closed: `ERROR_INVALID_HANDLE`; a wait already pending: `ERROR_ALREADY_EXISTS`. `CancelIoEx`,
/// `HttpShutdownRequestQueue` or closing end it with `ERROR_OPERATION_ABORTED`.
///
/// # Safety
/// `Overlapped` is NULL or points to memory valid for what `HttpWaitForDemandStart` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until
/// the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDemandStart(RequestQueueHandle: HANDLE, Overlapped: *mut OVERLAPPED) -> ULONG {
    // SAFETY: `wait_for_demand_start`: `Overlapped` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `HttpWaitForDemandStart` reads or writes through it.
    guard_httpapi("HttpWaitForDemandStart", || unsafe { wait_for_demand_start(RequestQueueHandle, Overlapped) })
}
w16_alias!(HttpWaitForDemandStart);

/// # Safety
/// The pointers are the arguments of `HttpDelegateRequestEx` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `props` is its
/// `PropertyInfoSet`.
unsafe fn delegate_request_ex(
    h: HANDLE,
    target: HANDLE,
    id: u64,
    group: u64,
    count: ULONG,
    props: *mut c_void,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpDelegateRequestEx({h:?}, {target:?}, {id:#x}, {group:#x}, {count}, {props:?})");
    let q = queue_of(h)?;
    let t = queue_of(target)?;
    if (count > 0 && props.is_null()) || Arc::ptr_eq(&q, &t) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The target URL group must exist and feed the target queue.
    match session::group_queue(group) {
        Some(gq) if Arc::ptr_eq(&gq, &t) => {}
        _ => return Err(ERROR_INVALID_PARAMETER),
    }
    q.delegate(id, &t)
}

/// `HttpDelegateRequestEx`: moves a received request (not yet answered) and its connection to another
/// queue of this process, where `HttpReceiveHttpRequest` hands it out again (same id, headers, unread
/// body); the source queue forgets it. `DelegateUrlGroupId` must be a URL group bound to the target
/// queue. Bad handles: `ERROR_INVALID_HANDLE`; the same queue twice, a group not bound to the target,
/// properties NULL with a count: `ERROR_INVALID_PARAMETER`; unknown or answered request:
/// `ERROR_CONNECTION_INVALID`. `PropertyInfoSet` entries are accepted and not used.
///
/// # Safety
/// `PropertyInfoSet` is NULL or points to memory valid for what `HttpDelegateRequestEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpDelegateRequestEx(
    RequestQueueHandle: HANDLE,
    DelegateQueueHandle: HANDLE,
    RequestId: u64,
    DelegateUrlGroupId: u64,
    PropertyInfoSetSize: ULONG,
    PropertyInfoSet: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpDelegateRequestEx", || {
        // SAFETY: `delegate_request_ex`: `PropertyInfoSet` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `HttpDelegateRequestEx` reads or writes through
        // it.
        unsafe {
            delegate_request_ex(
                RequestQueueHandle,
                DelegateQueueHandle,
                RequestId,
                DelegateUrlGroupId,
                PropertyInfoSetSize,
                PropertyInfoSet,
            )
        }
    })
}
w16_alias!(HttpDelegateRequestEx);

fn get_extension(version: HTTPAPI_VERSION, extension: ULONG, buf: *mut c_void, size: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpGetExtension({version:?}, {extension}, {buf:?}, {size})");
    if !(version.HttpApiMajorVersion == 1 || version.HttpApiMajorVersion == 2) || version.HttpApiMinorVersion != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The extension tables http.sys hands out (QUIC / fast-forwarding helpers) do not exist here.
    Err(ERROR_NOT_SUPPORTED)
}

/// `HttpGetExtension`: no extension function tables exist on Linux: `ERROR_NOT_SUPPORTED` (a version
/// other than 1.0 / 2.0: `ERROR_INVALID_PARAMETER`).
#[no_mangle]
pub extern "C" fn HttpGetExtension(
    Version: HTTPAPI_VERSION,
    Extension: ULONG,
    Buffer: *mut c_void,
    BufferSize: ULONG,
) -> ULONG {
    guard_httpapi("HttpGetExtension", || get_extension(Version, Extension, Buffer, BufferSize))
}
w16_alias!(HttpGetExtension);
