//! Exports of `http.h` (the HTTP Server API). Every function returns its Win32 code (`NO_ERROR`,
//! `ERROR_IO_PENDING`, an error) and leaves last-error alone. Functions with wide-string content are
//! written once, generic over the caller's `WCHAR` width, and exported twice (`Name` for 32-bit
//! `wchar_t`, `Name_w16` for `-fshort-wchar` callers); the others' twins call the same body.
//!
//! Ownership: request and entity buffers passed with an `OVERLAPPED` belong to the library until the
//! operation completes (event set or packet dequeued); response data is read during the call (what
//! the socket does not take at once is copied), so the caller may reuse it when the call returns.
#![allow(non_snake_case, non_upper_case_globals)]
use super::guard::*;
use super::ptr::*;
use super::types::*;
use crate::server::abi::*;
use crate::server::buffer::OutBuf;
use crate::server::files::{BodyPiece, FileRange};
use crate::server::logging::Owner;
use crate::server::queue::RequestQueue;
use crate::server::response::ResponseHead;
use crate::server::session::Scope;
use crate::server::timers::{self, ConnTimers, TimeoutLimits};
use crate::server::{self, session};
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::overlapped::{OverlappedPtr, OVERLAPPED};
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::sync::Arc;

const T: &str = "winhttpapi::httpapi";

pub const HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING: ULONG = 1;
pub const HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER: ULONG = 2;
pub const HTTP_URL_FLAG_REMOVE_ALL: ULONG = 1;
pub const HTTP_SEND_RESPONSE_FLAG_DISCONNECT: ULONG = 1;
pub const HTTP_SEND_RESPONSE_FLAG_MORE_DATA: ULONG = 2;
pub const HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA: ULONG = 4;
pub const HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING: ULONG = 8;
pub const HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES: ULONG = 0x20;
pub const HTTP_SEND_RESPONSE_FLAG_OPAQUE: ULONG = 0x40;
pub const HTTP_BYTE_RANGE_TO_EOF: u64 = u64::MAX;
pub const HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER: ULONG = 1;

pub const HttpServerAuthenticationProperty: i32 = 0;
pub const HttpServerLoggingProperty: i32 = 1;
pub const HttpServerQosProperty: i32 = 2;
pub const HttpServerTimeoutsProperty: i32 = 3;
pub const HttpServerQueueLengthProperty: i32 = 4;
pub const HttpServerStateProperty: i32 = 5;
pub const HttpServer503VerbosityProperty: i32 = 6;
pub const HttpServerBindingProperty: i32 = 7;
pub const HttpServerExtendedAuthenticationProperty: i32 = 8;
pub const HttpServerListenEndpointProperty: i32 = 9;
pub const HttpServerChannelBindProperty: i32 = 10;
pub const HttpServerProtectionLevelProperty: i32 = 11;

fn ov_of(p: *mut OVERLAPPED) -> Option<OverlappedPtr> {
    (!p.is_null()).then_some(OverlappedPtr(p as usize))
}

/// The queue behind a handle: dead, forged or another kind of handle is `ERROR_INVALID_HANDLE`.
fn queue_of(h: HANDLE) -> WinResult<Arc<RequestQueue>> {
    handle::get_typed::<RequestQueue>(raw(h))
}

/// A synchronous call's result: the byte count goes to the out-pointer on success (and the size
/// needed with `ERROR_MORE_DATA`).
unsafe fn finish(r: (Win32Error, u32), out: *mut ULONG, ov: Option<OverlappedPtr>) -> WinResult<()> {
    let (e, n) = r;
    if ov.is_none() && (e == ERROR_SUCCESS || e == ERROR_MORE_DATA) {
        write_opt(out, n);
    }
    if e == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(e)
    }
}

// ---------------------------------------------------------------------------------------------------
// Initialization

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
/// `HttpInitialize` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpInitialize_w16(Version: HTTPAPI_VERSION, Flags: ULONG, pReserved: *mut c_void) -> ULONG {
    guard_httpapi("HttpInitialize", || initialize(Version, Flags, pReserved))
}

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
/// `HttpTerminate` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpTerminate_w16(Flags: ULONG, pReserved: *mut c_void) -> ULONG {
    guard_httpapi("HttpTerminate", || terminate(Flags, pReserved))
}

// ---------------------------------------------------------------------------------------------------
// Request queues

unsafe fn create_http_handle(out: *mut HANDLE, reserved: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateHttpHandle({out:?}, {reserved})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::require_server_init()?;
    let q = RequestQueue::new(false, None, false);
    write_req(out, to_handle(handle::insert(q)))
}

/// `HttpCreateHttpHandle`: a version 1 request queue (closed with `CloseHandle`).
/// `ERROR_INVALID_PARAMETER` for a NULL out-pointer, `ERROR_DLL_INIT_FAILED` before `HttpInitialize`.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateHttpHandle(RequestQueueHandle: *mut HANDLE, Reserved: ULONG) -> ULONG {
    guard_httpapi("HttpCreateHttpHandle", || create_http_handle(RequestQueueHandle, Reserved))
}
/// `HttpCreateHttpHandle` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateHttpHandle_w16(RequestQueueHandle: *mut HANDLE, Reserved: ULONG) -> ULONG {
    guard_httpapi("HttpCreateHttpHandle", || create_http_handle(RequestQueueHandle, Reserved))
}

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
    let name = wide_cstr(name);
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
    write_req(out, to_handle(handle::insert(q)))
}

/// `HttpCreateRequestQueue`: a version 2 request queue. `Version` must be 2.0
/// (`ERROR_REVISION_MISMATCH`); a named queue can be opened again in this process with
/// `HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING` (a second create of the name: `ERROR_ALREADY_EXISTS`);
/// a `CONTROLLER` handle cannot receive. `SecurityAttributes` is accepted and ignored.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateRequestQueue(
    Version: HTTPAPI_VERSION,
    Name: *const WCHAR,
    SecurityAttributes: *mut c_void,
    Flags: ULONG,
    RequestQueueHandle: *mut HANDLE,
) -> ULONG {
    guard_httpapi("HttpCreateRequestQueue", || {
        create_request_queue(Version, Name, SecurityAttributes, Flags, RequestQueueHandle)
    })
}
/// `HttpCreateRequestQueue` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateRequestQueue_w16(
    Version: HTTPAPI_VERSION,
    Name: *const u16,
    SecurityAttributes: *mut c_void,
    Flags: ULONG,
    RequestQueueHandle: *mut HANDLE,
) -> ULONG {
    guard_httpapi("HttpCreateRequestQueue", || {
        create_request_queue(Version, Name, SecurityAttributes, Flags, RequestQueueHandle)
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
/// `HttpCloseRequestQueue` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpCloseRequestQueue_w16(RequestQueueHandle: HANDLE) -> ULONG {
    guard_httpapi("HttpCloseRequestQueue", || close_request_queue(RequestQueueHandle))
}

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
/// `HttpShutdownRequestQueue` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpShutdownRequestQueue_w16(RequestQueueHandle: HANDLE) -> ULONG {
    guard_httpapi("HttpShutdownRequestQueue", || shutdown_request_queue(RequestQueueHandle))
}

unsafe fn read_u32(p: *mut c_void, len: ULONG) -> WinResult<u32> {
    if p.is_null() || len as usize != 4 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok((p as *const u32).read_unaligned())
}

unsafe fn set_request_queue_property(h: HANDLE, property: i32, info: *mut c_void, len: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetRequestQueueProperty({h:?}, {property}, {info:?}, {len})");
    let q = queue_of(h)?;
    match property {
        HttpServerStateProperty => match read_u32(info, len)? {
            0 => q.set_enabled(true),
            1 => q.set_enabled(false),
            _ => return Err(ERROR_INVALID_PARAMETER),
        },
        HttpServerQueueLengthProperty | HttpServer503VerbosityProperty if !q.v2 => {
            // Only version 2 queues have properties (HttpSetRequestQueueProperty).
            return Err(ERROR_NOT_SUPPORTED);
        }
        HttpServerQueueLengthProperty => {
            let n = read_u32(info, len)?;
            if n == 0 || n > 0x7FFF_FFFF {
                return Err(ERROR_INVALID_PARAMETER);
            }
            q.queue_length.store(n, std::sync::atomic::Ordering::Release);
        }
        HttpServer503VerbosityProperty => {
            let n = read_u32(info, len)?;
            if n > 2 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            q.verbosity.store(n, std::sync::atomic::Ordering::Release);
        }
        // Timeouts and QoS belong to sessions and URL groups: a queue takes only state, length and
        // 503 verbosity (HttpSetRequestQueueProperty).
        _ => return Err(ERROR_INVALID_PARAMETER),
    }
    Ok(())
}

/// `HttpSetRequestQueueProperty`: `HttpServerStateProperty` (`HTTP_ENABLED_STATE`; an inactive queue's
/// clients get 503), `HttpServerQueueLengthProperty` (ULONG, 1..=0x7FFFFFFF, default 1000: requests
/// waiting for the application beyond it are refused) and `HttpServer503VerbosityProperty` (how:
/// Basic resets the connection, Limited and Full answer 503). Wrong size or value, or a property a
/// queue does not have (timeouts, QoS): `ERROR_INVALID_PARAMETER`; length or verbosity on a version 1
/// queue: `ERROR_NOT_SUPPORTED`.
#[no_mangle]
pub unsafe extern "C" fn HttpSetRequestQueueProperty(
    RequestQueueHandle: HANDLE,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    Reserved1: ULONG,
    Reserved2: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpSetRequestQueueProperty", || {
        let _ = (Reserved1, Reserved2);
        set_request_queue_property(RequestQueueHandle, Property, PropertyInformation, PropertyInformationLength)
    })
}
/// `HttpSetRequestQueueProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSetRequestQueueProperty_w16(
    RequestQueueHandle: HANDLE,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    Reserved1: ULONG,
    Reserved2: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpSetRequestQueueProperty", || {
        let _ = (Reserved1, Reserved2);
        set_request_queue_property(RequestQueueHandle, Property, PropertyInformation, PropertyInformationLength)
    })
}

unsafe fn put_u32(value: u32, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    write_opt(ret, 4);
    if info.is_null() || len < 4 {
        return Err(ERROR_MORE_DATA);
    }
    (info as *mut u32).write_unaligned(value);
    Ok(())
}

unsafe fn query_request_queue_property(
    h: HANDLE,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryRequestQueueProperty({h:?}, {property}, {info:?}, {len}, {ret:?})");
    let q = queue_of(h)?;
    use std::sync::atomic::Ordering::Acquire;
    match property {
        HttpServerStateProperty => put_u32(if q.enabled() { 0 } else { 1 }, info, len, ret),
        HttpServerQueueLengthProperty => put_u32(q.queue_length.load(Acquire), info, len, ret),
        HttpServer503VerbosityProperty => put_u32(q.verbosity.load(Acquire), info, len, ret),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HttpQueryRequestQueueProperty`: the properties `HttpSetRequestQueueProperty` sets; a buffer too
/// small gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestQueueProperty(
    RequestQueueHandle: HANDLE,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    Reserved1: ULONG,
    ReturnLength: *mut ULONG,
    Reserved2: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpQueryRequestQueueProperty", || {
        let _ = (Reserved1, Reserved2);
        query_request_queue_property(
            RequestQueueHandle,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}
/// `HttpQueryRequestQueueProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestQueueProperty_w16(
    RequestQueueHandle: HANDLE,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    Reserved1: ULONG,
    ReturnLength: *mut ULONG,
    Reserved2: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpQueryRequestQueueProperty", || {
        let _ = (Reserved1, Reserved2);
        query_request_queue_property(
            RequestQueueHandle,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}

// ---------------------------------------------------------------------------------------------------
// Server sessions and URL groups

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
    write_req(out, session::create_session())
}

/// `HttpCreateServerSession`: a new session id. NULL out-pointer or `Reserved` ≠ 0:
/// `ERROR_INVALID_PARAMETER`; a version other than 2.0: `ERROR_REVISION_MISMATCH`.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateServerSession(
    Version: HTTPAPI_VERSION,
    ServerSessionId: *mut u64,
    Reserved: ULONG,
) -> ULONG {
    guard_httpapi("HttpCreateServerSession", || create_server_session(Version, ServerSessionId, Reserved))
}
/// `HttpCreateServerSession` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateServerSession_w16(
    Version: HTTPAPI_VERSION,
    ServerSessionId: *mut u64,
    Reserved: ULONG,
) -> ULONG {
    guard_httpapi("HttpCreateServerSession", || create_server_session(Version, ServerSessionId, Reserved))
}

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
/// `HttpCloseServerSession` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpCloseServerSession_w16(ServerSessionId: u64) -> ULONG {
    guard_httpapi("HttpCloseServerSession", || close_server_session(ServerSessionId))
}

unsafe fn read_state_info(info: *mut c_void, len: ULONG) -> WinResult<Option<bool>> {
    if info.is_null() || len as usize != std::mem::size_of::<HTTP_STATE_INFO>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = (info as *const HTTP_STATE_INFO).read_unaligned();
    if s.Flags & 1 == 0 {
        return Ok(None);
    }
    match s.State {
        0 => Ok(Some(true)),
        1 => Ok(Some(false)),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

unsafe fn put_state_info(enabled: bool, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    let size = std::mem::size_of::<HTTP_STATE_INFO>() as u32;
    write_opt(ret, size);
    if info.is_null() || len < size {
        return Err(ERROR_MORE_DATA);
    }
    (info as *mut HTTP_STATE_INFO).write_unaligned(HTTP_STATE_INFO { Flags: 1, State: if enabled { 0 } else { 1 } });
    Ok(())
}

/// `HTTP_TIMEOUT_LIMIT_INFO` in: `None` when `Flags.Present` is clear (the object's setting is removed).
unsafe fn read_timeouts(info: *mut c_void, len: ULONG) -> WinResult<Option<TimeoutLimits>> {
    if info.is_null() || len as usize != std::mem::size_of::<HTTP_TIMEOUT_LIMIT_INFO>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let t = (info as *const HTTP_TIMEOUT_LIMIT_INFO).read_unaligned();
    match t.Flags {
        0 => Ok(None),
        1 => Ok(Some(TimeoutLimits {
            entity_body: t.EntityBody,
            drain_entity_body: t.DrainEntityBody,
            request_queue: t.RequestQueue,
            idle_connection: t.IdleConnection,
            header_wait: t.HeaderWait,
            min_send_rate: t.MinSendRate,
        })),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HTTP_TIMEOUT_LIMIT_INFO` out: the timers in force at this level; `Flags.Present` says whether the
/// object has its own setting.
unsafe fn put_timeouts(own: bool, t: ConnTimers, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    let size = std::mem::size_of::<HTTP_TIMEOUT_LIMIT_INFO>() as u32;
    write_opt(ret, size);
    if info.is_null() || len < size {
        return Err(ERROR_MORE_DATA);
    }
    let secs = |d: std::time::Duration| d.as_secs().min(u16::MAX as u64) as u16;
    (info as *mut HTTP_TIMEOUT_LIMIT_INFO).write_unaligned(HTTP_TIMEOUT_LIMIT_INFO {
        Flags: own as u32,
        EntityBody: secs(t.entity_body),
        DrainEntityBody: secs(t.drain_entity_body),
        RequestQueue: secs(t.request_queue),
        IdleConnection: secs(t.idle_connection),
        HeaderWait: secs(t.header_wait),
        MinSendRate: t.min_send_rate.unwrap_or(timers::MIN_SEND_RATE_DISABLED),
    });
    Ok(())
}

/// `HTTP_QOS_SETTING_INFO` in, for `scope`: bandwidth (session and group; at least
/// `HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE`, `HTTP_LIMIT_INFINITE` or `Flags.Present` = 0 removes
/// it) or connection limit (groups only).
unsafe fn set_qos(scope: Scope, info: *mut c_void, len: ULONG) -> WinResult<()> {
    if info.is_null() || len as usize != std::mem::size_of::<HTTP_QOS_SETTING_INFO>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let q = (info as *const HTTP_QOS_SETTING_INFO).read_unaligned();
    if q.QosSetting.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let l = (q.QosSetting as *const HTTP_QOS_LIMIT_INFO).read_unaligned();
    if l.Flags > 1 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let limit = (l.Flags == 1 && l.Limit != timers::LIMIT_INFINITE).then_some(l.Limit);
    match (q.QosType, scope) {
        (HttpQosSettingTypeBandwidth, _) => {
            if limit.is_some_and(|r| r < timers::MIN_BANDWIDTH) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            session::set_bandwidth(scope, limit)
        }
        (HttpQosSettingTypeConnectionLimit, Scope::Group(g)) => {
            session::set_max_connections(g, limit.unwrap_or(timers::LIMIT_INFINITE))
        }
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HTTP_QOS_SETTING_INFO` out: the caller names the `QosType` in the buffer; the limit structure is
/// written right after the `HTTP_QOS_SETTING_INFO`, which points to it (24 bytes in all).
unsafe fn put_qos(scope: Scope, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    let head = std::mem::size_of::<HTTP_QOS_SETTING_INFO>();
    let size = (head + std::mem::size_of::<HTTP_QOS_LIMIT_INFO>()) as u32;
    write_opt(ret, size);
    if info.is_null() || len < size {
        return Err(ERROR_MORE_DATA);
    }
    let kind = (info as *const i32).read_unaligned();
    let limit = match (kind, scope) {
        (HttpQosSettingTypeBandwidth, _) => session::bandwidth(scope)?,
        (HttpQosSettingTypeConnectionLimit, Scope::Group(g)) => session::max_connections(g)?,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let at = (info as *mut u8).add(head);
    (at as *mut HTTP_QOS_LIMIT_INFO).write_unaligned(HTTP_QOS_LIMIT_INFO { Flags: 1, Limit: limit });
    (info as *mut HTTP_QOS_SETTING_INFO)
        .write_unaligned(HTTP_QOS_SETTING_INFO { QosType: kind, QosSetting: at as *mut c_void });
    Ok(())
}

unsafe fn set_server_session_property<U: WideUnit>(
    id: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetServerSessionProperty({id:#x}, {property}, {info:?}, {len})");
    if !session::session_exists(id) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    match property {
        HttpServerStateProperty => match read_state_info(info, len)? {
            Some(on) => session::set_session_state(id, on),
            None => Ok(()),
        },
        HttpServerTimeoutsProperty => session::set_timeouts(Scope::Session(id), read_timeouts(info, len)?),
        HttpServerQosProperty => set_qos(Scope::Session(id), info, len),
        _ => super::httpapi_config::set_other_property::<U>(
            Owner::Session(id),
            property,
            info,
            len,
            "HttpSetServerSessionProperty(this property)",
        ),
    }
}

/// `HttpSetServerSessionProperty`: `HttpServerStateProperty` (an inactive session's groups answer
/// 503), `HttpServerTimeoutsProperty` (`HTTP_TIMEOUT_LIMIT_INFO`: a zero timer means the default;
/// `Flags.Present` = 0 removes the setting), `HttpServerQosProperty` (bandwidth only). Logging and
/// authentication: see their entries; others, a wrong size or value: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServerSessionProperty(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetServerSessionProperty", || {
        set_server_session_property::<WCHAR>(ServerSessionId, Property, PropertyInformation, PropertyInformationLength)
    })
}
/// `HttpSetServerSessionProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServerSessionProperty_w16(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetServerSessionProperty", || {
        set_server_session_property::<u16>(ServerSessionId, Property, PropertyInformation, PropertyInformationLength)
    })
}

unsafe fn query_server_session_property<U: WideUnit>(
    id: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryServerSessionProperty({id:#x}, {property}, {info:?}, {len}, {ret:?})");
    match property {
        HttpServerStateProperty => put_state_info(session::session_state(id)?, info, len, ret),
        _ if !session::session_exists(id) => Err(ERROR_INVALID_PARAMETER),
        HttpServerTimeoutsProperty => {
            let (own, t) = session::timeouts(Scope::Session(id))?;
            put_timeouts(own, t, info, len, ret)
        }
        HttpServerQosProperty => put_qos(Scope::Session(id), info, len, ret),
        _ => super::httpapi_config::query_other_property::<U>(
            Owner::Session(id),
            property,
            info,
            len,
            ret,
            "HttpQueryServerSessionProperty(this property)",
        ),
    }
}

/// `HttpQueryServerSessionProperty`: `HttpServerStateProperty`, `HttpServerTimeoutsProperty` (the timers
/// in force), `HttpServerQosProperty` (the caller sets `QosType` in the buffer, 24 bytes); a small buffer
/// gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServerSessionProperty(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryServerSessionProperty", || {
        query_server_session_property::<WCHAR>(
            ServerSessionId,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}
/// `HttpQueryServerSessionProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServerSessionProperty_w16(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryServerSessionProperty", || {
        query_server_session_property::<u16>(
            ServerSessionId,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}

unsafe fn create_url_group(session_id: u64, out: *mut u64, reserved: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCreateUrlGroup({session_id:#x}, {out:?}, {reserved})");
    if out.is_null() || reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    write_req(out, session::create_group(session_id)?)
}

/// `HttpCreateUrlGroup`: a new URL group in a session. Unknown session, NULL out-pointer or
/// `Reserved` ≠ 0: `ERROR_INVALID_PARAMETER` (the out value is left alone).
#[no_mangle]
pub unsafe extern "C" fn HttpCreateUrlGroup(ServerSessionId: u64, pUrlGroupId: *mut u64, Reserved: ULONG) -> ULONG {
    guard_httpapi("HttpCreateUrlGroup", || create_url_group(ServerSessionId, pUrlGroupId, Reserved))
}
/// `HttpCreateUrlGroup` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpCreateUrlGroup_w16(ServerSessionId: u64, pUrlGroupId: *mut u64, Reserved: ULONG) -> ULONG {
    guard_httpapi("HttpCreateUrlGroup", || create_url_group(ServerSessionId, pUrlGroupId, Reserved))
}

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
/// `HttpCloseUrlGroup` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpCloseUrlGroup_w16(UrlGroupId: u64) -> ULONG {
    guard_httpapi("HttpCloseUrlGroup", || close_url_group(UrlGroupId))
}

unsafe fn add_url_to_url_group<U: WideUnit>(group: u64, url: *const U, context: u64, reserved: ULONG) -> WinResult<()> {
    let url = wide_cstr(url);
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
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrlToUrlGroup(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const WCHAR,
    UrlContext: u64,
    Reserved: ULONG,
) -> ULONG {
    guard_httpapi("HttpAddUrlToUrlGroup", || add_url_to_url_group(UrlGroupId, pFullyQualifiedUrl, UrlContext, Reserved))
}
/// `HttpAddUrlToUrlGroup` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrlToUrlGroup_w16(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const u16,
    UrlContext: u64,
    Reserved: ULONG,
) -> ULONG {
    guard_httpapi("HttpAddUrlToUrlGroup", || add_url_to_url_group(UrlGroupId, pFullyQualifiedUrl, UrlContext, Reserved))
}

unsafe fn remove_url_from_url_group<U: WideUnit>(group: u64, url: *const U, flags: ULONG) -> WinResult<()> {
    let url = wide_cstr(url);
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
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrlFromUrlGroup(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const WCHAR,
    Flags: ULONG,
) -> ULONG {
    guard_httpapi("HttpRemoveUrlFromUrlGroup", || remove_url_from_url_group(UrlGroupId, pFullyQualifiedUrl, Flags))
}
/// `HttpRemoveUrlFromUrlGroup` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrlFromUrlGroup_w16(
    UrlGroupId: u64,
    pFullyQualifiedUrl: *const u16,
    Flags: ULONG,
) -> ULONG {
    guard_httpapi("HttpRemoveUrlFromUrlGroup", || remove_url_from_url_group(UrlGroupId, pFullyQualifiedUrl, Flags))
}

unsafe fn set_url_group_property<U: WideUnit>(
    group: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetUrlGroupProperty({group:#x}, {property}, {info:?}, {len})");
    if !session::group_exists(group) || info.is_null() || len == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    match property {
        HttpServerBindingProperty => {
            if len as usize != std::mem::size_of::<HTTP_BINDING_INFO>() {
                return Err(ERROR_INVALID_PARAMETER);
            }
            let b = (info as *const HTTP_BINDING_INFO).read_unaligned();
            if b.Flags & 1 == 0 {
                return session::bind_queue(group, None);
            }
            let q = queue_of(b.RequestQueueHandle).map_err(|_| ERROR_INVALID_PARAMETER)?;
            session::bind_queue(group, Some(&q))
        }
        HttpServerStateProperty => match read_state_info(info, len)? {
            Some(on) => session::set_group_state(group, on),
            None => Ok(()),
        },
        HttpServerTimeoutsProperty => session::set_timeouts(Scope::Group(group), read_timeouts(info, len)?),
        HttpServerQosProperty => set_qos(Scope::Group(group), info, len),
        _ => super::httpapi_config::set_other_property::<U>(
            Owner::Group(group),
            property,
            info,
            len,
            "HttpSetUrlGroupProperty(this property)",
        ),
    }
}

/// `HttpSetUrlGroupProperty`: `HttpServerBindingProperty` (`HTTP_BINDING_INFO`: the queue that
/// receives the group's requests; without one, clients get 503), `HttpServerStateProperty`,
/// `HttpServerTimeoutsProperty` (wins over the session's, timer by timer; a zero timer falls back to
/// the session's, then the default) and `HttpServerQosProperty` (bandwidth and connection limit).
/// Unknown group, NULL buffer, length 0 or wrong size: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpSetUrlGroupProperty(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetUrlGroupProperty", || {
        set_url_group_property::<WCHAR>(UrlGroupId, Property, PropertyInformation, PropertyInformationLength)
    })
}
/// `HttpSetUrlGroupProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSetUrlGroupProperty_w16(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetUrlGroupProperty", || {
        set_url_group_property::<u16>(UrlGroupId, Property, PropertyInformation, PropertyInformationLength)
    })
}

unsafe fn query_url_group_property<U: WideUnit>(
    group: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryUrlGroupProperty({group:#x}, {property}, {info:?}, {len}, {ret:?})");
    match property {
        HttpServerStateProperty => put_state_info(session::group_state(group)?, info, len, ret),
        _ if !session::group_exists(group) => Err(ERROR_INVALID_PARAMETER),
        HttpServerTimeoutsProperty => {
            let (own, t) = session::timeouts(Scope::Group(group))?;
            put_timeouts(own, t, info, len, ret)
        }
        HttpServerQosProperty => put_qos(Scope::Group(group), info, len, ret),
        _ => super::httpapi_config::query_other_property::<U>(
            Owner::Group(group),
            property,
            info,
            len,
            ret,
            "HttpQueryUrlGroupProperty(this property)",
        ),
    }
}

/// `HttpQueryUrlGroupProperty`: `HttpServerStateProperty`, `HttpServerTimeoutsProperty` (the timers in
/// force for the group, `Flags.Present` = whether the group has its own), `HttpServerQosProperty`; a
/// small buffer gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryUrlGroupProperty(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryUrlGroupProperty", || {
        query_url_group_property::<WCHAR>(
            UrlGroupId,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}
/// `HttpQueryUrlGroupProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryUrlGroupProperty_w16(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryUrlGroupProperty", || {
        query_url_group_property::<u16>(
            UrlGroupId,
            Property,
            PropertyInformation,
            PropertyInformationLength,
            ReturnLength,
        )
    })
}

unsafe fn add_url<U: WideUnit>(h: HANDLE, url: *const U, reserved: *mut c_void) -> WinResult<()> {
    let url = wide_cstr(url);
    tracing::trace!(target: T, "HttpAddUrl({h:?}, {url:?}, {reserved:?})");
    let q = queue_of(h)?;
    q.add_url(&url.ok_or(ERROR_INVALID_PARAMETER)?)
}

/// `HttpAddUrl` (v1): registers a prefix for a queue. Bad handle: `ERROR_INVALID_HANDLE`; malformed
/// prefix: `ERROR_INVALID_PARAMETER`; already registered: `ERROR_ALREADY_EXISTS`; port held by another
/// process: `ERROR_SHARING_VIOLATION`.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrl(
    RequestQueueHandle: HANDLE,
    FullyQualifiedUrl: *const WCHAR,
    Reserved: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpAddUrl", || add_url(RequestQueueHandle, FullyQualifiedUrl, Reserved))
}
/// `HttpAddUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpAddUrl_w16(
    RequestQueueHandle: HANDLE,
    FullyQualifiedUrl: *const u16,
    Reserved: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpAddUrl", || add_url(RequestQueueHandle, FullyQualifiedUrl, Reserved))
}

unsafe fn remove_url<U: WideUnit>(h: HANDLE, url: *const U) -> WinResult<()> {
    let url = wide_cstr(url);
    tracing::trace!(target: T, "HttpRemoveUrl({h:?}, {url:?})");
    // http.sys answers a bad handle here with ERROR_INVALID_PARAMETER (Wine's tests record it).
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    q.remove_url(&url.ok_or(ERROR_INVALID_PARAMETER)?)
}

/// `HttpRemoveUrl` (v1): removes a prefix this queue registered (`ERROR_FILE_NOT_FOUND` otherwise).
/// Bad handle or NULL URL: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrl(RequestQueueHandle: HANDLE, FullyQualifiedUrl: *const WCHAR) -> ULONG {
    guard_httpapi("HttpRemoveUrl", || remove_url(RequestQueueHandle, FullyQualifiedUrl))
}
/// `HttpRemoveUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpRemoveUrl_w16(RequestQueueHandle: HANDLE, FullyQualifiedUrl: *const u16) -> ULONG {
    guard_httpapi("HttpRemoveUrl", || remove_url(RequestQueueHandle, FullyQualifiedUrl))
}

// ---------------------------------------------------------------------------------------------------
// Receiving requests and bodies

#[allow(clippy::too_many_arguments)]
unsafe fn receive_http_request(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    buf: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
    ov: *mut OVERLAPPED,
    wide16: bool,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpReceiveHttpRequest({h:?}, {id:#x}, {flags:#x}, {buf:?}, {len}, {ret:?}, {ov:?})");
    let q = queue_of(h)?;
    if flags & !3 != 0 || buf.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let ovp = ov_of(ov);
    let out = OutBuf::new(buf as *mut u8, len as usize);
    finish(q.receive(id, flags, out, wide16, ovp), ret, ovp)
}

/// `HttpReceiveHttpRequest`: the next request (`RequestId` = `HTTP_NULL_ID`), or again the one that got
/// `ERROR_MORE_DATA`, as a complete `HTTP_REQUEST` (V2 for v2 queues) inside `RequestBuffer`, every
/// pointer pointing into it. Synchronous, or with `Overlapped` (`ERROR_IO_PENDING` or `NO_ERROR`; either
/// way the completion is also signalled / posted). `ERROR_MORE_DATA`: the buffer holds less than the
/// request; `*BytesReturned` (or `InternalHigh`) has the size needed and `RequestId` is set.
/// Smaller than the structure: `ERROR_INSUFFICIENT_BUFFER`. Unknown id or a client that left:
/// `ERROR_CONNECTION_INVALID`. Queue shut down or closed: `ERROR_OPERATION_ABORTED`.
/// With `HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY` the body bytes already received that fit follow.
#[no_mangle]
pub unsafe extern "C" fn HttpReceiveHttpRequest(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    RequestBuffer: *mut c_void,
    RequestBufferLength: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveHttpRequest", || {
        receive_http_request(
            RequestQueueHandle,
            RequestId,
            Flags,
            RequestBuffer,
            RequestBufferLength,
            BytesReturned,
            Overlapped,
            false,
        )
    })
}
/// `HttpReceiveHttpRequest` for `-fshort-wchar` callers (the cooked URL is UTF-16).
#[no_mangle]
pub unsafe extern "C" fn HttpReceiveHttpRequest_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    RequestBuffer: *mut c_void,
    RequestBufferLength: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveHttpRequest", || {
        receive_http_request(
            RequestQueueHandle,
            RequestId,
            Flags,
            RequestBuffer,
            RequestBufferLength,
            BytesReturned,
            Overlapped,
            true,
        )
    })
}

unsafe fn receive_request_entity_body(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    buf: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpReceiveRequestEntityBody({h:?}, {id:#x}, {flags:#x}, {buf:?}, {len}, {ret:?}, {ov:?})");
    let q = queue_of(h)?;
    let req = q.find(id)?;
    if flags & !HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER != 0 || buf.is_null() || len == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let ovp = ov_of(ov);
    let out = OutBuf::new(buf as *mut u8, len as usize);
    let fill = flags & HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER != 0;
    let r = q.run(ovp, |c| req.conn.receive_body(&req, out, fill, c));
    finish(r, ret, ovp)
}

/// `HttpReceiveRequestEntityBody`: the next bytes of the request body (de-chunked), as many as are here
/// (waits only when none are); `ERROR_HANDLE_EOF` once it is all read. `Expect: 100-continue` is
/// answered on the first call. Unknown id, answered request or a client that left:
/// `ERROR_CONNECTION_INVALID`.
#[no_mangle]
pub unsafe extern "C" fn HttpReceiveRequestEntityBody(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityBuffer: *mut c_void,
    EntityBufferLength: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveRequestEntityBody", || {
        receive_request_entity_body(
            RequestQueueHandle,
            RequestId,
            Flags,
            EntityBuffer,
            EntityBufferLength,
            BytesReturned,
            Overlapped,
        )
    })
}
/// `HttpReceiveRequestEntityBody` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpReceiveRequestEntityBody_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityBuffer: *mut c_void,
    EntityBufferLength: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveRequestEntityBody", || {
        receive_request_entity_body(
            RequestQueueHandle,
            RequestId,
            Flags,
            EntityBuffer,
            EntityBufferLength,
            BytesReturned,
            Overlapped,
        )
    })
}

// ---------------------------------------------------------------------------------------------------
// Responses

/// Reads the caller's data chunks: memory chunks as slices valid for the call, file chunks as
/// validated ranges (small ones read now into `owned`, large ones streamed by the connection),
/// fragment-cache chunks as copies of the queue's fragment (`ERROR_PATH_NOT_FOUND` when it is gone).
unsafe fn read_chunks<'a>(
    q: &RequestQueue,
    wide16: bool,
    count: u16,
    chunks: *const HTTP_DATA_CHUNK,
    owned: &'a mut Vec<Vec<u8>>,
) -> WinResult<Vec<BodyPiece<'a>>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if chunks.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let list = std::slice::from_raw_parts(chunks, count as usize);
    let mut pieces: Vec<Option<BodyPiece<'a>>> = Vec::with_capacity(list.len());
    for c in list {
        match c.DataChunkType {
            HttpDataChunkFromMemory => {
                let m = c.from_memory();
                pieces.push(Some(BodyPiece::Mem(bytes_in(m.pBuffer as *const u8, m.BufferLength as usize)?)));
            }
            HttpDataChunkFromFileHandle => {
                let f = c.from_file_handle();
                let range = FileRange::open(raw(f.FileHandle), f.ByteRange.StartingOffset, f.ByteRange.Length)?;
                if range.len() <= server::files::READ_NOW_LIMIT {
                    owned.push(range.read_all()?);
                    pieces.push(None);
                } else {
                    pieces.push(Some(BodyPiece::File(range)));
                }
            }
            HttpDataChunkFromFragmentCache => {
                let f = c.from_fragment_cache();
                let name = fragment_name(f.pFragmentName, f.FragmentNameLength, wide16)?;
                owned.push(server::cache::read(q, &name)?.to_vec());
                pieces.push(None);
            }
            HttpDataChunkFromFragmentCacheEx => {
                let f = c.from_fragment_cache_ex();
                let name = fragment_name(f.pFragmentName, 0, wide16)?;
                let data = server::cache::read(q, &name)?;
                owned.push(server::cache::slice_range(&data, f.ByteRange.StartingOffset, f.ByteRange.Length)?.to_vec());
                pieces.push(None);
            }
            _ => return Err(ERROR_INVALID_PARAMETER),
        }
    }
    let mut small = owned.iter();
    Ok(pieces
        .into_iter()
        .map(|p| p.unwrap_or_else(|| BodyPiece::Mem(small.next().expect("one per small file chunk").as_slice())))
        .collect())
}

/// A fragment name of `len` bytes (0: up to its NUL) in the caller's `WCHAR` width.
unsafe fn fragment_name(p: *const c_void, len: u16, wide16: bool) -> WinResult<String> {
    let name = match (wide16, len) {
        (true, 0) => wide_cstr(p as *const u16),
        (false, 0) => wide_cstr(p as *const u32),
        (true, n) => wide_str_len(p as *const u16, n as u32 / 2),
        (false, n) => wide_str_len(p as *const u32, n as u32 / 4),
    };
    name.ok_or(ERROR_INVALID_PARAMETER)
}

unsafe fn response_head(r: &HTTP_RESPONSE_V1) -> WinResult<ResponseHead<'_>> {
    if r.StatusCode > 999 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let reason = bytes_in(r.pReason, r.ReasonLength as usize)?;
    let mut known = Vec::new();
    for (i, k) in r.Headers.KnownHeaders.iter().enumerate() {
        if k.RawValueLength > 0 && !k.pRawValue.is_null() {
            known.push((i, bytes_in(k.pRawValue, k.RawValueLength as usize)?));
        }
    }
    let mut unknown = Vec::new();
    if r.Headers.UnknownHeaderCount > 0 {
        if r.Headers.pUnknownHeaders.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        for u in std::slice::from_raw_parts(r.Headers.pUnknownHeaders, r.Headers.UnknownHeaderCount as usize) {
            let name = bytes_in(u.pName, u.NameLength as usize)?;
            if name.is_empty() || name.iter().any(|b| b.is_ascii_whitespace() || *b == b':' || b.is_ascii_control()) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            unknown.push((name, bytes_in(u.pRawValue, u.RawValueLength as usize)?));
        }
    }
    Ok(ResponseHead { status: r.StatusCode, reason, known, unknown })
}

fn check_send_flags(flags: ULONG) -> WinResult<(bool, bool, bool)> {
    let known = HTTP_SEND_RESPONSE_FLAG_DISCONNECT
        | HTTP_SEND_RESPONSE_FLAG_MORE_DATA
        | HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA
        | HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING
        | HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES;
    let disconnect = flags & HTTP_SEND_RESPONSE_FLAG_DISCONNECT != 0;
    let more = flags & HTTP_SEND_RESPONSE_FLAG_MORE_DATA != 0;
    if flags & !known != 0 || (disconnect && more) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok((more, disconnect, flags & HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA != 0))
}

#[allow(clippy::too_many_arguments)]
unsafe fn send_http_response(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    response: *const HTTP_RESPONSE_V1,
    policy: *const HTTP_CACHE_POLICY,
    sent: *mut ULONG,
    ov: *mut OVERLAPPED,
    wide16: bool,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSendHttpResponse({h:?}, {id:#x}, {flags:#x}, {response:?}, {policy:?}, {sent:?}, {ov:?})");
    let q = queue_of(h)?;
    if response.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The kernel response cache is not kept (docs/porting.md): a valid policy is accepted
    // and every later request still reaches the application, as when http.sys declines to cache.
    if !policy.is_null() && !(0..server::cache::HTTP_CACHE_POLICY_MAXIMUM).contains(&(*policy).Policy) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (more, disconnect, buffer_data) = check_send_flags(flags)?;
    let req = q.find(id)?;
    let r = &*response;
    let head = response_head(r)?;
    let mut owned = Vec::new();
    let body = read_chunks(&q, wide16, r.EntityChunkCount, r.pEntityChunks, &mut owned)?;
    let ovp = ov_of(ov);
    let res = q.run(ovp, |c| req.conn.send(&req, Some(&head), body, more, disconnect, buffer_data, c));
    finish(res, sent, ovp)
}

/// `HttpSendHttpResponse`: status, reason, known and unknown headers and optional entity chunks (memory
/// or file handle with a byte range) for a received request. `Date` and `Server` are added,
/// `Content-Length` when the whole body is given without one, chunked framing when
/// `HTTP_SEND_RESPONSE_FLAG_MORE_DATA` streams without a length. `*BytesSent` gets the bytes written
/// (head included). Unknown or answered request, or a client that left: `ERROR_CONNECTION_INVALID`;
/// a second head for one request, bad flags (`DISCONNECT` with `MORE_DATA`) or chunks:
/// `ERROR_INVALID_PARAMETER`. The data is read during the call.
#[no_mangle]
pub unsafe extern "C" fn HttpSendHttpResponse(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    HttpResponse: *const HTTP_RESPONSE_V1,
    CachePolicy: *const HTTP_CACHE_POLICY,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendHttpResponse", || {
        let _ = (Reserved1, Reserved2, LogData);
        send_http_response(
            RequestQueueHandle,
            RequestId,
            Flags,
            HttpResponse,
            CachePolicy,
            BytesSent,
            Overlapped,
            false,
        )
    })
}
/// `HttpSendHttpResponse` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSendHttpResponse_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    HttpResponse: *const HTTP_RESPONSE_V1,
    CachePolicy: *const HTTP_CACHE_POLICY,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendHttpResponse", || {
        let _ = (Reserved1, Reserved2, LogData);
        send_http_response(RequestQueueHandle, RequestId, Flags, HttpResponse, CachePolicy, BytesSent, Overlapped, true)
    })
}

#[allow(clippy::too_many_arguments)]
unsafe fn send_response_entity_body(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    count: u16,
    chunks: *const HTTP_DATA_CHUNK,
    sent: *mut ULONG,
    ov: *mut OVERLAPPED,
    wide16: bool,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSendResponseEntityBody({h:?}, {id:#x}, {flags:#x}, {count}, {chunks:?}, {sent:?}, {ov:?})");
    let q = queue_of(h)?;
    let (more, disconnect, buffer_data) = check_send_flags(flags)?;
    if count > 9999 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let req = q.find(id)?;
    let mut owned = Vec::new();
    let body = read_chunks(&q, wide16, count, chunks, &mut owned)?;
    let ovp = ov_of(ov);
    let res = q.run(ovp, |c| req.conn.send(&req, None, body, more, disconnect, buffer_data, c));
    finish(res, sent, ovp)
}

/// `HttpSendResponseEntityBody`: more of a response started with `HTTP_SEND_RESPONSE_FLAG_MORE_DATA`;
/// the last call omits that flag (chunked responses then get their last chunk). Before any head:
/// `ERROR_INVALID_PARAMETER`; more than 9999 chunks: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpSendResponseEntityBody(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityChunkCount: u16,
    EntityChunks: *const HTTP_DATA_CHUNK,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendResponseEntityBody", || {
        let _ = (Reserved1, Reserved2, LogData);
        send_response_entity_body(
            RequestQueueHandle,
            RequestId,
            Flags,
            EntityChunkCount,
            EntityChunks,
            BytesSent,
            Overlapped,
            false,
        )
    })
}
/// `HttpSendResponseEntityBody` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSendResponseEntityBody_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityChunkCount: u16,
    EntityChunks: *const HTTP_DATA_CHUNK,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendResponseEntityBody", || {
        let _ = (Reserved1, Reserved2, LogData);
        send_response_entity_body(
            RequestQueueHandle,
            RequestId,
            Flags,
            EntityChunkCount,
            EntityChunks,
            BytesSent,
            Overlapped,
            true,
        )
    })
}

// ---------------------------------------------------------------------------------------------------
// Cancellation

unsafe fn cancel_http_request(h: HANDLE, id: u64, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "HttpCancelHttpRequest({h:?}, {id:#x}, {ov:?})");
    let q = queue_of(h)?;
    let ovp = ov_of(ov);
    let r = q.run(ovp, |_c| match q.cancel_request(id) {
        Ok(()) => crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true),
        Err(e) => crate::server::completion::Start::Done(e, 0, false),
    });
    finish(r, std::ptr::null_mut(), ovp)
}

/// `HttpCancelHttpRequest`: ends a request: its pending receives and sends complete with
/// `ERROR_OPERATION_ABORTED` and its connection is closed. Unknown id: `ERROR_CONNECTION_INVALID`.
#[no_mangle]
pub unsafe extern "C" fn HttpCancelHttpRequest(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpCancelHttpRequest", || cancel_http_request(RequestQueueHandle, RequestId, Overlapped))
}
/// `HttpCancelHttpRequest` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpCancelHttpRequest_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpCancelHttpRequest", || cancel_http_request(RequestQueueHandle, RequestId, Overlapped))
}

/// `HttpFeatureDelegateEx`.
const HTTP_FEATURE_DELEGATE_EX: i32 = 3;

fn feature_supported(id: i32) -> BOOL {
    if id == HTTP_FEATURE_DELEGATE_EX {
        TRUE
    } else {
        FALSE
    }
}

/// `HttpIsFeatureSupported`: TRUE for `HttpFeatureDelegateEx` (`HttpDelegateRequestEx` works between
/// queues of the process), FALSE for the others (trailers, HTTP/3, TLS and timing features do not exist here).
#[no_mangle]
pub extern "C" fn HttpIsFeatureSupported(FeatureId: i32) -> BOOL {
    guard_infallible("HttpIsFeatureSupported", FALSE, || {
        tracing::trace!(target: T, "HttpIsFeatureSupported({FeatureId})");
        feature_supported(FeatureId)
    })
}
/// `HttpIsFeatureSupported` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpIsFeatureSupported_w16(FeatureId: i32) -> BOOL {
    guard_infallible("HttpIsFeatureSupported", FALSE, || {
        tracing::trace!(target: T, "HttpIsFeatureSupported({FeatureId})");
        feature_supported(FeatureId)
    })
}

// ---------------------------------------------------------------------------------------------------
// Disconnect waits

unsafe fn wait_for_disconnect(name: &str, h: HANDLE, id: u64, reserved: ULONG, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "{name}({h:?}, {id:#x}, {reserved}, {ov:?})");
    if reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The page documents ERROR_INVALID_PARAMETER for every unusable argument, the handle included.
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    finish(q.wait_for_disconnect(id, ovp), std::ptr::null_mut(), ovp)
}

/// `HttpWaitForDisconnect` (seeds/HttpWaitForDisconnect.txt): completes when the connection
/// `ConnectionId` (from `HTTP_REQUEST.ConnectionId`) breaks for any reason: the client closes or
/// half-closes it, resets it, a timer or the application closes it. Synchronous (`Overlapped` NULL:
/// blocks, then `NO_ERROR`) or overlapped (`ERROR_IO_PENDING`, then `NO_ERROR` through the event /
/// completion port); a connection already gone completes at once. Every waiter completes.
/// Cancelled by `CancelIoEx` on the queue, or by closing or shutting the queue down:
/// `ERROR_OPERATION_ABORTED`. Bad handle or an id no request of this queue carried:
/// `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnect(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnect", || {
        wait_for_disconnect("HttpWaitForDisconnect", RequestQueueHandle, ConnectionId, 0, Overlapped)
    })
}
/// `HttpWaitForDisconnect` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnect_w16(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnect", || {
        wait_for_disconnect("HttpWaitForDisconnect", RequestQueueHandle, ConnectionId, 0, Overlapped)
    })
}

/// `HttpWaitForDisconnectEx`: `HttpWaitForDisconnect` with a `Reserved` that must be 0
/// (`ERROR_INVALID_PARAMETER` otherwise).
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnectEx(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Reserved: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnectEx", || {
        wait_for_disconnect("HttpWaitForDisconnectEx", RequestQueueHandle, ConnectionId, Reserved, Overlapped)
    })
}
/// `HttpWaitForDisconnectEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnectEx_w16(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Reserved: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnectEx", || {
        wait_for_disconnect("HttpWaitForDisconnectEx", RequestQueueHandle, ConnectionId, Reserved, Overlapped)
    })
}

fn receive_client_certificate(queue: HANDLE, connection: u64, flags: ULONG, info: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "HttpReceiveClientCertificate({queue:?}, {connection:#x}, {flags:#x}, {info:?})");
    queue_of(queue)?;
    // HTTP_RECEIVE_SECURE_CHANNEL_TOKEN is the only flag.
    if flags & !1 != 0 || info.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    match crate::server::connection::lookup(connection) {
        crate::server::connection::Lookup::Unknown => Err(ERROR_INVALID_PARAMETER),
        crate::server::connection::Lookup::Gone => Err(ERROR_CONNECTION_INVALID),
        // The engine never asks TLS clients for a certificate (docs/porting.md).
        crate::server::connection::Lookup::Live(_) => Err(ERROR_NOT_FOUND),
    }
}

/// `HttpReceiveClientCertificate`: client certificates are never negotiated here, so a live
/// connection (HTTPS or not) gives `ERROR_NOT_FOUND`; a closed one `ERROR_CONNECTION_INVALID`; an id
/// that never was a connection, NULL `SslClientCertInfo` or an unknown flag: `ERROR_INVALID_PARAMETER`;
/// a bad queue handle: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn HttpReceiveClientCertificate(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Flags: ULONG,
    SslClientCertInfo: *mut c_void,
    SslClientCertInfoSize: ULONG,
    BytesReceived: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveClientCertificate", || {
        let _ = (SslClientCertInfoSize, BytesReceived, Overlapped);
        receive_client_certificate(RequestQueueHandle, ConnectionId, Flags, SslClientCertInfo)
    })
}
/// `HttpReceiveClientCertificate` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpReceiveClientCertificate_w16(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Flags: ULONG,
    SslClientCertInfo: *mut c_void,
    SslClientCertInfoSize: ULONG,
    BytesReceived: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReceiveClientCertificate", || {
        let _ = (SslClientCertInfoSize, BytesReceived, Overlapped);
        receive_client_certificate(RequestQueueHandle, ConnectionId, Flags, SslClientCertInfo)
    })
}

// ---------------------------------------------------------------------------------------------------
// Fragment cache, URL preparation, request properties, demand start, delegation, push, extensions

pub const HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE: ULONG = 1;

unsafe fn add_fragment_to_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    chunk: *const HTTP_DATA_CHUNK,
    policy: *const HTTP_CACHE_POLICY,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    let name = wide_cstr(prefix);
    tracing::trace!(target: T, "HttpAddFragmentToCache({h:?}, {name:?}, {chunk:?}, {policy:?}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    if chunk.is_null() || policy.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let policy = server::cache::Policy::for_fragment((*policy).Policy, (*policy).SecondsToLive)?;
    let c = &*chunk;
    // A fragment is a block of memory ("an entity body data block" in the docs).
    if c.DataChunkType != HttpDataChunkFromMemory {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let m = c.from_memory();
    let data = bytes_in(m.pBuffer as *const u8, m.BufferLength as usize)?;
    server::cache::add(&q, &name, data, policy)?;
    let ovp = ov_of(ov);
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)), std::ptr::null_mut(), ovp)
}

/// `HttpAddFragmentToCache`: stores a memory chunk under the name `UrlPrefix` (a full
/// `scheme://host:port/path` URL inside a prefix this queue registered), replacing a fragment of that
/// name, with `HttpCachePolicyUserInvalidates` (until flushed) or `HttpCachePolicyTimeToLive`
/// (`SecondsToLive` > 0). Bad handle: `ERROR_INVALID_HANDLE`; NULL arguments, another chunk type,
/// `HttpCachePolicyNocache`, a malformed name or one outside the queue's prefixes:
/// `ERROR_INVALID_PARAMETER`. Synchronous or overlapped (completes at once, packet posted).
#[no_mangle]
pub unsafe extern "C" fn HttpAddFragmentToCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    DataChunk: *const HTTP_DATA_CHUNK,
    CachePolicy: *const HTTP_CACHE_POLICY,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpAddFragmentToCache", || {
        add_fragment_to_cache(RequestQueueHandle, UrlPrefix, DataChunk, CachePolicy, Overlapped)
    })
}
/// `HttpAddFragmentToCache` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpAddFragmentToCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    DataChunk: *const HTTP_DATA_CHUNK,
    CachePolicy: *const HTTP_CACHE_POLICY,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpAddFragmentToCache", || {
        add_fragment_to_cache(RequestQueueHandle, UrlPrefix, DataChunk, CachePolicy, Overlapped)
    })
}

#[allow(clippy::too_many_arguments)]
unsafe fn read_fragment_from_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    range: *const HTTP_BYTE_RANGE,
    buf: *mut c_void,
    len: ULONG,
    read: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    let name = wide_cstr(prefix);
    tracing::trace!(target: T, "HttpReadFragmentFromCache({h:?}, {name:?}, {range:?}, {buf:?}, {len}, {read:?}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    if ovp.is_none() && read.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let data = server::cache::read(&q, &name)?;
    let part = if range.is_null() {
        &data[..]
    } else {
        server::cache::slice_range(&data, (*range).StartingOffset, (*range).Length)?
    };
    let need = u32::try_from(part.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if need > len || (buf.is_null() && need > 0) {
        // The size needed goes to BytesRead (synchronous calls only, as documented).
        if ovp.is_none() {
            write_opt(read, need);
        }
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    if need > 0 {
        bytes_out(buf as *mut u8, part.len())?.copy_from_slice(part);
    }
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, need, true)), read, ovp)
}

/// `HttpReadFragmentFromCache`: copies a fragment (or the `ByteRange` of it; `Length`
/// `HTTP_BYTE_RANGE_TO_EOF` or beyond the end: to the end) into `Buffer`. Missing or expired:
/// `ERROR_PATH_NOT_FOUND`; `Buffer` too small: `ERROR_INSUFFICIENT_BUFFER` with the size needed in
/// `*BytesRead`; a range starting beyond the end, a NULL name, or NULL `BytesRead` on a synchronous
/// call: `ERROR_INVALID_PARAMETER`; bad handle: `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub unsafe extern "C" fn HttpReadFragmentFromCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    ByteRange: *const HTTP_BYTE_RANGE,
    Buffer: *mut c_void,
    BufferLength: ULONG,
    BytesRead: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReadFragmentFromCache", || {
        read_fragment_from_cache(RequestQueueHandle, UrlPrefix, ByteRange, Buffer, BufferLength, BytesRead, Overlapped)
    })
}
/// `HttpReadFragmentFromCache` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpReadFragmentFromCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    ByteRange: *const HTTP_BYTE_RANGE,
    Buffer: *mut c_void,
    BufferLength: ULONG,
    BytesRead: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReadFragmentFromCache", || {
        read_fragment_from_cache(RequestQueueHandle, UrlPrefix, ByteRange, Buffer, BufferLength, BytesRead, Overlapped)
    })
}

unsafe fn flush_response_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    flags: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    let name = wide_cstr(prefix);
    tracing::trace!(target: T, "HttpFlushResponseCache({h:?}, {name:?}, {flags:#x}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    if flags & !HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::cache::flush(&q, &name, flags & HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE != 0)?;
    let ovp = ov_of(ov);
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)), std::ptr::null_mut(), ovp)
}

/// `HttpFlushResponseCache`: removes the queue's fragments named `UrlPrefix` or directly under it, and
/// with `HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE` every fragment below it. Nothing to remove is not an
/// error. Unknown flags, NULL or malformed prefix: `ERROR_INVALID_PARAMETER`; bad handle:
/// `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub unsafe extern "C" fn HttpFlushResponseCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    Flags: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpFlushResponseCache", || flush_response_cache(RequestQueueHandle, UrlPrefix, Flags, Overlapped))
}
/// `HttpFlushResponseCache` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpFlushResponseCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    Flags: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpFlushResponseCache", || flush_response_cache(RequestQueueHandle, UrlPrefix, Flags, Overlapped))
}

unsafe fn prepare_url<U: WideUnit>(
    reserved: *mut c_void,
    flags: ULONG,
    url: *const U,
    out: *mut *mut U,
) -> WinResult<()> {
    let text = wide_cstr(url);
    tracing::trace!(target: T, "HttpPrepareUrl({reserved:?}, {flags:#x}, {text:?}, {out:?})");
    if !reserved.is_null() || flags != 0 || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let prepared = server::prepare::prepare_url(&text.ok_or(ERROR_INVALID_PARAMETER)?)?;
    let units = crate::win32::wstr::encode_nul::<U>(&prepared);
    let bytes = units.len() * std::mem::size_of::<U>();
    let block = crate::win32::heap::alloc(bytes, false)?;
    std::ptr::copy_nonoverlapping(units.as_ptr(), block as *mut U, units.len());
    write_req(out, block as *mut U)
}

/// `HttpPrepareUrl`: the canonical form of a URL (scheme and host lower-cased, Unicode host in
/// punycode, default port made explicit, dot segments removed, percent-escapes normalized; see
/// `server::prepare`), in a new string the caller frees with `HeapFree(GetProcessHeap(), 0, p)`.
/// `Reserved` not NULL, `Flags` not 0, NULL `Url` or `PreparedUrl`, or a malformed URL:
/// `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpPrepareUrl(
    Reserved: *mut c_void,
    Flags: ULONG,
    Url: *const WCHAR,
    PreparedUrl: *mut *mut WCHAR,
) -> ULONG {
    guard_httpapi("HttpPrepareUrl", || prepare_url(Reserved, Flags, Url, PreparedUrl))
}
/// `HttpPrepareUrl` for `-fshort-wchar` callers (the result is UTF-16).
#[no_mangle]
pub unsafe extern "C" fn HttpPrepareUrl_w16(
    Reserved: *mut c_void,
    Flags: ULONG,
    Url: *const u16,
    PreparedUrl: *mut *mut u16,
) -> ULONG {
    guard_httpapi("HttpPrepareUrl", || prepare_url(Reserved, Flags, Url, PreparedUrl))
}

unsafe fn find_url_group_id<U: WideUnit>(url: *const U, h: HANDLE, out: *mut u64) -> WinResult<()> {
    let text = wide_cstr(url);
    tracing::trace!(target: T, "HttpFindUrlGroupId({text:?}, {h:?}, {out:?})");
    let q = queue_of(h)?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let prepared = server::prepare::prepare_url(&text.ok_or(ERROR_INVALID_PARAMETER)?)?;
    let id = server::router::find_group(&q, &prepared).ok_or(ERROR_NOT_FOUND)?;
    write_req(out, id)
}

/// `HttpFindUrlGroupId`: the URL group whose registered prefix routes `FullyQualifiedUrl` to this
/// queue (the best match, as routing picks it). None: `ERROR_NOT_FOUND`; bad handle:
/// `ERROR_INVALID_HANDLE`; NULL or malformed URL, NULL `UrlGroupId`: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpFindUrlGroupId(
    FullyQualifiedUrl: *const WCHAR,
    RequestQueueHandle: HANDLE,
    UrlGroupId: *mut u64,
) -> ULONG {
    guard_httpapi("HttpFindUrlGroupId", || find_url_group_id(FullyQualifiedUrl, RequestQueueHandle, UrlGroupId))
}
/// `HttpFindUrlGroupId` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpFindUrlGroupId_w16(
    FullyQualifiedUrl: *const u16,
    RequestQueueHandle: HANDLE,
    UrlGroupId: *mut u64,
) -> ULONG {
    guard_httpapi("HttpFindUrlGroupId", || find_url_group_id(FullyQualifiedUrl, RequestQueueHandle, UrlGroupId))
}

pub const HttpRequestPropertyIsb: i32 = 0;
pub const HttpRequestPropertyTcpInfoV0: i32 = 1;
pub const HttpRequestPropertyTcpInfoV1: i32 = 3;
pub const HttpRequestPropertySni: i32 = 4;
pub const HttpRequestPropertyStreamError: i32 = 5;
pub const HttpRequestPropertyTransportIdleConnectionTimeout: i32 = 12;
pub const HttpRequestPropertyDscpTag: i32 = 13;
pub const HttpRequestPropertyTlsCipherInfo: i32 = 14;

/// `TCP_INFO_v0` / `TCP_INFO_v1` (mstcpip.h), x64 layout.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct TCP_INFO_v1 {
    pub State: i32,
    pub Mss: u32,
    pub ConnectionTimeMs: u64,
    pub TimestampsEnabled: u8,
    pub RttUs: u32,
    pub MinRttUs: u32,
    pub BytesInFlight: u32,
    pub Cwnd: u32,
    pub SndWnd: u32,
    pub RcvWnd: u32,
    pub RcvBuf: u32,
    pub BytesOut: u64,
    pub BytesIn: u64,
    pub BytesReordered: u32,
    pub BytesRetrans: u32,
    pub FastRetrans: u32,
    pub DupAcksIn: u32,
    pub TimeoutEpisodes: u32,
    pub SynRetrans: u8,
    pub SndLimTransRwin: u32,
    pub SndLimTimeRwin: u32,
    pub SndLimBytesRwin: u64,
    pub SndLimTransCwnd: u32,
    pub SndLimTimeCwnd: u32,
    pub SndLimBytesCwnd: u64,
    pub SndLimTransSnd: u32,
    pub SndLimTimeSnd: u32,
    pub SndLimBytesSnd: u64,
}
/// `TCP_INFO_v0` is the first 88 bytes of `TCP_INFO_v1`.
pub const TCP_INFO_V0_SIZE: usize = 88;
const _: () = assert!(std::mem::size_of::<TCP_INFO_v1>() == 136);
const _: () =
    assert!(std::mem::offset_of!(TCP_INFO_v1, BytesOut) == 48 && std::mem::offset_of!(TCP_INFO_v1, SynRetrans) == 84);
const _: () = assert!(
    std::mem::offset_of!(TCP_INFO_v1, SndLimTransRwin) == TCP_INFO_V0_SIZE
        && std::mem::offset_of!(TCP_INFO_v1, SndLimBytesSnd) == 128
);

/// Linux `TCP_*` states to Windows `TCPSTATE`.
fn tcp_state(linux: u8) -> i32 {
    match linux {
        1 => 4,  // ESTABLISHED
        2 => 2,  // SYN_SENT
        3 => 3,  // SYN_RECV -> SYN_RCVD
        4 => 5,  // FIN_WAIT1
        5 => 6,  // FIN_WAIT2
        6 => 10, // TIME_WAIT
        8 => 7,  // CLOSE_WAIT
        9 => 9,  // LAST_ACK
        10 => 1, // LISTEN
        11 => 8, // CLOSING
        _ => 0,  // CLOSE
    }
}

fn tcp_info_of(conn: &crate::server::connection::Connection) -> WinResult<TCP_INFO_v1> {
    let t = conn.tcp_info().ok_or(ERROR_CONNECTION_INVALID)?;
    let b = &t;
    let rcvbuf = conn.sockopt(libc::SOL_SOCKET, libc::SO_RCVBUF).unwrap_or(0).max(0) as u32;
    Ok(TCP_INFO_v1 {
        State: tcp_state(b.tcpi_state),
        Mss: b.tcpi_snd_mss,
        TimestampsEnabled: (b.tcpi_options & 1 != 0) as u8,
        RttUs: b.tcpi_rtt,
        MinRttUs: b.tcpi_min_rtt,
        BytesInFlight: b.tcpi_unacked.saturating_mul(b.tcpi_snd_mss),
        Cwnd: b.tcpi_snd_cwnd.saturating_mul(b.tcpi_snd_mss),
        RcvWnd: b.tcpi_rcv_space,
        RcvBuf: rcvbuf,
        BytesOut: b.tcpi_bytes_acked,
        BytesIn: b.tcpi_bytes_received,
        BytesRetrans: b.tcpi_total_retrans.saturating_mul(b.tcpi_snd_mss),
        TimeoutEpisodes: b.tcpi_backoff as u32,
        ..Default::default()
    })
}

#[allow(clippy::too_many_arguments)]
unsafe fn query_request_property(
    h: HANDLE,
    id: u64,
    prop: i32,
    qualifier: *mut c_void,
    qsize: ULONG,
    out: *mut c_void,
    outlen: ULONG,
    ret: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryRequestProperty({h:?}, {id:#x}, {prop}, {qualifier:?}, {qsize}, {out:?}, {outlen}, {ret:?}, {ov:?})");
    let q = queue_of(h)?;
    let req = q.find(id)?;
    let value: Vec<u8> = match prop {
        HttpRequestPropertyIsb => {
            // The ideal send backlog: what the congestion window lets through in one round trip.
            let t = tcp_info_of(&req.conn)?;
            (t.Cwnd as u64).to_ne_bytes().to_vec()
        }
        HttpRequestPropertyTcpInfoV0 | HttpRequestPropertyTcpInfoV1 => {
            let t = tcp_info_of(&req.conn)?;
            let size = if prop == HttpRequestPropertyTcpInfoV0 {
                TCP_INFO_V0_SIZE
            } else {
                std::mem::size_of::<TCP_INFO_v1>()
            };
            std::slice::from_raw_parts(&t as *const TCP_INFO_v1 as *const u8, size).to_vec()
        }
        // TLS-only (SNI, cipher, ClientHello), QUIC-only, and timing properties: the connection is
        // plain HTTP/1.x over TCP, so there is nothing to report.
        2 | HttpRequestPropertySni | 6..=11 | HttpRequestPropertyTlsCipherInfo => return Err(ERROR_NOT_SUPPORTED),
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let ovp = ov_of(ov);
    let need = value.len() as u32;
    if out.is_null() || outlen < need {
        if ovp.is_none() {
            write_opt(ret, need);
        }
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    bytes_out(out as *mut u8, value.len())?.copy_from_slice(&value);
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, need, true)), ret, ovp)
}

/// `HttpQueryRequestProperty`: `HttpRequestPropertyTcpInfoV0` / `V1` (`TCP_INFO_v0` / `_v1` from the
/// socket's Linux `TCP_INFO`) and `HttpRequestPropertyIsb` (ULONG64: the congestion window in bytes)
/// for a received request. TLS, QUIC and timing properties: `ERROR_NOT_SUPPORTED` (plain TCP);
/// unknown property: `ERROR_INVALID_PARAMETER`; output too small or NULL: `ERROR_INSUFFICIENT_BUFFER`
/// with the size needed in `*BytesReturned`; unknown request: `ERROR_CONNECTION_INVALID`.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestProperty(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Qualifier: *mut c_void,
    QualifierSize: ULONG,
    Output: *mut c_void,
    OutputBufferSize: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpQueryRequestProperty", || {
        query_request_property(
            RequestQueueHandle,
            Id,
            PropertyId,
            Qualifier,
            QualifierSize,
            Output,
            OutputBufferSize,
            BytesReturned,
            Overlapped,
        )
    })
}
/// `HttpQueryRequestProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestProperty_w16(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Qualifier: *mut c_void,
    QualifierSize: ULONG,
    Output: *mut c_void,
    OutputBufferSize: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpQueryRequestProperty", || {
        query_request_property(
            RequestQueueHandle,
            Id,
            PropertyId,
            Qualifier,
            QualifierSize,
            Output,
            OutputBufferSize,
            BytesReturned,
            Overlapped,
        )
    })
}

unsafe fn set_request_property(
    h: HANDLE,
    id: u64,
    prop: i32,
    input: *mut c_void,
    size: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetRequestProperty({h:?}, {id:#x}, {prop}, {input:?}, {size}, {ov:?})");
    let q = queue_of(h)?;
    let req = q.find(id)?;
    match prop {
        HttpRequestPropertyDscpTag => {
            let v = bytes_in(input as *const u8, size as usize)?;
            match v {
                [d] if *d < 64 => req.conn.set_dscp(*d)?,
                _ => return Err(ERROR_INVALID_PARAMETER),
            }
        }
        // HTTP/2 and HTTP/3 stream resets, and the QUIC idle timeout: no such streams here.
        HttpRequestPropertyStreamError | HttpRequestPropertyTransportIdleConnectionTimeout => {
            return Err(ERROR_NOT_SUPPORTED)
        }
        _ => return Err(ERROR_INVALID_PARAMETER),
    }
    let ovp = ov_of(ov);
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)), std::ptr::null_mut(), ovp)
}

/// `HttpSetRequestProperty`: `HttpRequestPropertyDscpTag` (one UCHAR, 0..63) marks the connection's
/// packets (`IP_TOS` / `IPV6_TCLASS`). `HttpRequestPropertyStreamError` and
/// `HttpRequestPropertyTransportIdleConnectionTimeout` (HTTP/2, HTTP/3): `ERROR_NOT_SUPPORTED`; other
/// properties or a bad value: `ERROR_INVALID_PARAMETER`; unknown request: `ERROR_CONNECTION_INVALID`.
#[no_mangle]
pub unsafe extern "C" fn HttpSetRequestProperty(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Input: *mut c_void,
    InputPropertySize: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpSetRequestProperty", || {
        set_request_property(RequestQueueHandle, Id, PropertyId, Input, InputPropertySize, Overlapped)
    })
}
/// `HttpSetRequestProperty` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpSetRequestProperty_w16(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Input: *mut c_void,
    InputPropertySize: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpSetRequestProperty", || {
        set_request_property(RequestQueueHandle, Id, PropertyId, Input, InputPropertySize, Overlapped)
    })
}

unsafe fn wait_for_demand_start(h: HANDLE, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "HttpWaitForDemandStart({h:?}, {ov:?})");
    // The page documents ERROR_INVALID_PARAMETER for a handle that is not a request queue.
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    finish(q.wait_for_demand_start(ovp), std::ptr::null_mut(), ovp)
}

/// `HttpWaitForDemandStart`: completes when a request arrives for the queue (at once when one is
/// already waiting). Only the controller (`HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER`) may wait:
/// `ERROR_INVALID_ID_AUTHORITY` otherwise; not a queue: `ERROR_INVALID_PARAMETER`; shut down or
/// closed: `ERROR_INVALID_HANDLE`; a wait already pending: `ERROR_ALREADY_EXISTS`. `CancelIoEx`,
/// `HttpShutdownRequestQueue` or closing end it with `ERROR_OPERATION_ABORTED`.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDemandStart(RequestQueueHandle: HANDLE, Overlapped: *mut OVERLAPPED) -> ULONG {
    guard_httpapi("HttpWaitForDemandStart", || wait_for_demand_start(RequestQueueHandle, Overlapped))
}
/// `HttpWaitForDemandStart` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDemandStart_w16(RequestQueueHandle: HANDLE, Overlapped: *mut OVERLAPPED) -> ULONG {
    guard_httpapi("HttpWaitForDemandStart", || wait_for_demand_start(RequestQueueHandle, Overlapped))
}

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
        delegate_request_ex(
            RequestQueueHandle,
            DelegateQueueHandle,
            RequestId,
            DelegateUrlGroupId,
            PropertyInfoSetSize,
            PropertyInfoSet,
        )
    })
}
/// `HttpDelegateRequestEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpDelegateRequestEx_w16(
    RequestQueueHandle: HANDLE,
    DelegateQueueHandle: HANDLE,
    RequestId: u64,
    DelegateUrlGroupId: u64,
    PropertyInfoSetSize: ULONG,
    PropertyInfoSet: *mut c_void,
) -> ULONG {
    guard_httpapi("HttpDelegateRequestEx", || {
        delegate_request_ex(
            RequestQueueHandle,
            DelegateQueueHandle,
            RequestId,
            DelegateUrlGroupId,
            PropertyInfoSetSize,
            PropertyInfoSet,
        )
    })
}

pub const HttpVerbGET: i32 = 4;
pub const HttpVerbHEAD: i32 = 5;

unsafe fn declare_push<U: WideUnit>(
    h: HANDLE,
    id: u64,
    verb: i32,
    path: *const U,
    query: *const u8,
    headers: *const c_void,
) -> WinResult<()> {
    let p = wide_cstr(path);
    tracing::trace!(target: T, "HttpDeclarePush({h:?}, {id:#x}, {verb}, {p:?}, {query:?}, {headers:?})");
    let q = queue_of(h)?;
    q.find(id)?;
    if !(verb == HttpVerbGET || verb == HttpVerbHEAD) || p.is_none() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // http.sys pushes only "if the underlying protocol, connection, client, and policies allow" it;
    // these connections are HTTP/1.x, which has no push: the declaration is accepted and nothing is
    // pushed (the client fetches the resource itself), as on Windows over HTTP/1.1.
    Ok(())
}

/// `HttpDeclarePush`: accepted for a received request with `HttpVerbGET` / `HttpVerbHEAD` and a path,
/// and nothing is pushed (HTTP/1.x connections cannot carry a push). Bad handle:
/// `ERROR_INVALID_HANDLE`; unknown request: `ERROR_CONNECTION_INVALID`; another verb or NULL path:
/// `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn HttpDeclarePush(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Verb: i32,
    Path: *const WCHAR,
    Query: *const u8,
    Headers: *const c_void,
) -> ULONG {
    guard_httpapi("HttpDeclarePush", || declare_push(RequestQueueHandle, RequestId, Verb, Path, Query, Headers))
}
/// `HttpDeclarePush` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn HttpDeclarePush_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Verb: i32,
    Path: *const u16,
    Query: *const u8,
    Headers: *const c_void,
) -> ULONG {
    guard_httpapi("HttpDeclarePush", || declare_push(RequestQueueHandle, RequestId, Verb, Path, Query, Headers))
}

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
/// `HttpGetExtension` for `-fshort-wchar` callers.
#[no_mangle]
pub extern "C" fn HttpGetExtension_w16(
    Version: HTTPAPI_VERSION,
    Extension: ULONG,
    Buffer: *mut c_void,
    BufferSize: ULONG,
) -> ULONG {
    guard_httpapi("HttpGetExtension", || get_extension(Version, Extension, Buffer, BufferSize))
}
