//! Properties of server sessions, URL groups and request queues: `Http{Set,Query}ServerSessionProperty`,
//! `Http{Set,Query}UrlGroupProperty`, `Http{Set,Query}RequestQueueProperty` (engine: `server::session`,
//! `server::timers`, `server::logging`, `server::auth`). Timers, QoS and state are handled here; the
//! properties that are neither (logging, authentication, channel binding, listen endpoint, protection
//! level) go through [`set_other_property`] and [`query_other_property`].
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::auth;
use crate::server::logging::{self, LogConfig, Owner, Rollover};
use crate::server::session;
use crate::server::session::Scope;
use crate::server::timers::{self, ConnTimers, TimeoutLimits};
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_void;
use std::mem::size_of;

/// # Safety
/// `info` is NULL or points to `len` readable bytes (alignment not required).
unsafe fn set_request_queue_property(h: HANDLE, property: i32, info: *mut c_void, len: ULONG) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetRequestQueueProperty({h:?}, {property}, {info:?}, {len})");
    let q = queue_of(h)?;
    match property {
        // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
        HttpServerStateProperty => match unsafe { read_exact::<u32>(info, len) }? {
            0 => q.set_enabled(true),
            1 => q.set_enabled(false),
            _ => return Err(ERROR_INVALID_PARAMETER),
        },
        HttpServerQueueLengthProperty | HttpServer503VerbosityProperty if !q.v2 => {
            // Only version 2 queues have properties (HttpSetRequestQueueProperty).
            return Err(ERROR_NOT_SUPPORTED);
        }
        HttpServerQueueLengthProperty => {
            // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let n = unsafe { read_exact::<u32>(info, len) }?;
            if n == 0 || n > 0x7FFF_FFFF {
                return Err(ERROR_INVALID_PARAMETER);
            }
            q.queue_length.store(n, std::sync::atomic::Ordering::Release);
        }
        HttpServer503VerbosityProperty => {
            // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let n = unsafe { read_exact::<u32>(info, len) }?;
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
///
/// # Safety
/// `PropertyInformation`, `Reserved2` are each NULL or point to memory valid for what `HttpSetRequestQueueProperty`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
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
        // SAFETY: `set_request_queue_property`: `PropertyInformation` is NULL or points to `PropertyInformationLength`
        // readable bytes (alignment not required).
        unsafe {
            set_request_queue_property(RequestQueueHandle, Property, PropertyInformation, PropertyInformationLength)
        }
    })
}
w16_alias!(HttpSetRequestQueueProperty);

/// # Safety
/// `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len` writable bytes.
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
        // SAFETY: `put_with_return_length`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
        // `len` writable bytes.
        HttpServerStateProperty => unsafe {
            put_with_return_length::<u32>(if q.enabled() { 0 } else { 1 }, info, len, ret)
        },
        // SAFETY: `put_with_return_length`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
        // `len` writable bytes.
        HttpServerQueueLengthProperty => unsafe {
            put_with_return_length::<u32>(q.queue_length.load(Acquire), info, len, ret)
        },
        // SAFETY: `put_with_return_length`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
        // `len` writable bytes.
        HttpServer503VerbosityProperty => unsafe {
            put_with_return_length::<u32>(q.verbosity.load(Acquire), info, len, ret)
        },
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HttpQueryRequestQueueProperty`: the properties `HttpSetRequestQueueProperty` sets; a buffer too
/// small gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
///
/// # Safety
/// `PropertyInformation`, `ReturnLength`, `Reserved2` are each NULL or point to memory valid for what
/// `HttpQueryRequestQueueProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
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
        // SAFETY: `query_request_queue_property`: `ReturnLength` is NULL or points to a writable `u32`;
        // `PropertyInformation` is NULL or points to `PropertyInformationLength` writable bytes.
        unsafe {
            query_request_queue_property(
                RequestQueueHandle,
                Property,
                PropertyInformation,
                PropertyInformationLength,
                ReturnLength,
            )
        }
    })
}
w16_alias!(HttpQueryRequestQueueProperty);

/// # Safety
/// `info` is NULL or points to `len` readable bytes (alignment not required).
unsafe fn read_state_info(info: *mut c_void, len: ULONG) -> WinResult<Option<bool>> {
    // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
    let s: HTTP_STATE_INFO = unsafe { read_exact(info, len) }?;
    if s.Flags & 1 == 0 {
        return Ok(None);
    }
    match s.State {
        0 => Ok(Some(true)),
        1 => Ok(Some(false)),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// # Safety
/// `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len` writable bytes.
unsafe fn put_state_info(enabled: bool, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    // SAFETY: `put_with_return_length`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
    // `len` writable bytes.
    unsafe { put_with_return_length(HTTP_STATE_INFO { Flags: 1, State: if enabled { 0 } else { 1 } }, info, len, ret) }
}

/// `HTTP_TIMEOUT_LIMIT_INFO` in: `None` when `Flags.Present` is clear (the object's setting is removed).
///
/// # Safety
/// `info` is NULL or points to `len` readable bytes (alignment not required).
unsafe fn read_timeouts(info: *mut c_void, len: ULONG) -> WinResult<Option<TimeoutLimits>> {
    // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
    let t: HTTP_TIMEOUT_LIMIT_INFO = unsafe { read_exact(info, len) }?;
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
///
/// # Safety
/// `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len` writable bytes.
unsafe fn put_timeouts(own: bool, t: ConnTimers, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    let secs = |d: std::time::Duration| d.as_secs().min(u16::MAX as u64) as u16;
    let info_out = HTTP_TIMEOUT_LIMIT_INFO {
        Flags: own as u32,
        EntityBody: secs(t.entity_body),
        DrainEntityBody: secs(t.drain_entity_body),
        RequestQueue: secs(t.request_queue),
        IdleConnection: secs(t.idle_connection),
        HeaderWait: secs(t.header_wait),
        MinSendRate: t.min_send_rate.unwrap_or(timers::MIN_SEND_RATE_DISABLED),
    };
    // SAFETY: `put_with_return_length`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
    // `len` writable bytes.
    unsafe { put_with_return_length(info_out, info, len, ret) }
}

/// `HTTP_QOS_SETTING_INFO` in, for `scope`: bandwidth (session and group; at least
/// `HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE`, `HTTP_LIMIT_INFINITE` or `Flags.Present` = 0 removes
/// it) or connection limit (groups only).
///
/// # Safety
/// `info` is NULL or points to `len` readable bytes holding an `HTTP_QOS_SETTING_INFO` whose `QosSetting` is NULL or
/// points to a readable `HTTP_QOS_LIMIT_INFO`.
unsafe fn set_qos(scope: Scope, info: *mut c_void, len: ULONG) -> WinResult<()> {
    // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
    let q: HTTP_QOS_SETTING_INFO = unsafe { read_exact(info, len) }?;
    if q.QosSetting.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let l = unsafe { (q.QosSetting as *const HTTP_QOS_LIMIT_INFO).read_unaligned() };
    if l.Flags > 1 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let limit = (l.Flags == 1 && l.Limit != HTTP_LIMIT_INFINITE).then_some(l.Limit);
    match (q.QosType, scope) {
        (HttpQosSettingTypeBandwidth, _) => {
            if limit.is_some_and(|r| r < HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            session::set_bandwidth(scope, limit)
        }
        (HttpQosSettingTypeConnectionLimit, Scope::Group(g)) => {
            session::set_max_connections(g, limit.unwrap_or(HTTP_LIMIT_INFINITE))
        }
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HTTP_QOS_SETTING_INFO` out: the caller names the `QosType` in the buffer; the limit structure is
/// written right after the `HTTP_QOS_SETTING_INFO`, which points to it (24 bytes in all).
///
/// # Safety
/// `info` is NULL or points to `len` readable and writable bytes (the caller's `HTTP_QOS_SETTING_INFO` in, the limit
/// structure written after it); `ret` is NULL or points to a writable `ULONG`.
unsafe fn put_qos(scope: Scope, info: *mut c_void, len: ULONG, ret: *mut ULONG) -> WinResult<()> {
    let head = std::mem::size_of::<HTTP_QOS_SETTING_INFO>();
    let size = (head + std::mem::size_of::<HTTP_QOS_LIMIT_INFO>()) as u32;
    // SAFETY: `write_opt`: `ret` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(ret, size) };
    if info.is_null() || len < size {
        return Err(ERROR_MORE_DATA);
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let kind = unsafe { (info as *const i32).read_unaligned() };
    let limit = match (kind, scope) {
        (HttpQosSettingTypeBandwidth, _) => session::bandwidth(scope)?,
        (HttpQosSettingTypeConnectionLimit, Scope::Group(g)) => session::max_connections(g)?,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    // SAFETY: `add`: the offset stays inside the caller's buffer
    let at = unsafe { (info as *mut u8).add(head) };
    // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
    unsafe { (at as *mut HTTP_QOS_LIMIT_INFO).write_unaligned(HTTP_QOS_LIMIT_INFO { Flags: 1, Limit: limit }) };
    // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
    unsafe {
        (info as *mut HTTP_QOS_SETTING_INFO)
            .write_unaligned(HTTP_QOS_SETTING_INFO { QosType: kind, QosSetting: at as *mut c_void })
    };
    Ok(())
}

/// # Safety
/// The pointers are the arguments of `HttpSetServerSessionProperty` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `PropertyInformation`. In particular: `info` is NULL or points to `len` readable bytes (alignment not required).
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
        // SAFETY: `read_state_info`: `info` is NULL or points to `len` readable bytes (alignment not required).
        HttpServerStateProperty => match unsafe { read_state_info(info, len) }? {
            Some(on) => session::set_session_state(id, on),
            None => Ok(()),
        },
        // SAFETY: `read_timeouts`: `info` is NULL or points to `len` readable bytes (alignment not required).
        HttpServerTimeoutsProperty => session::set_timeouts(Scope::Session(id), unsafe { read_timeouts(info, len) }?),
        // SAFETY: `set_qos`: `info` is NULL or `len` readable bytes holding an `HTTP_QOS_SETTING_INFO`
        // whose `QosSetting` is NULL or a readable `HTTP_QOS_LIMIT_INFO` (this function's `# Safety`).
        HttpServerQosProperty => unsafe { set_qos(Scope::Session(id), info, len) },
        // SAFETY: `set_other_property`: `info` is NULL or `len` readable bytes holding the property's structure, whose
        // pointers are valid in turn (this function's `# Safety`).
        _ => unsafe {
            set_other_property::<U>(
                Owner::Session(id),
                property,
                info,
                len,
                "HttpSetServerSessionProperty(this property)",
            )
        },
    }
}

/// `HttpSetServerSessionProperty`: `HttpServerStateProperty` (an inactive session's groups answer
/// 503), `HttpServerTimeoutsProperty` (`HTTP_TIMEOUT_LIMIT_INFO`: a zero timer means the default;
/// `Flags.Present` = 0 removes the setting), `HttpServerQosProperty` (bandwidth only). Logging and
/// authentication: see their entries; others, a wrong size or value: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `PropertyInformation` is NULL or points to memory valid for what `HttpSetServerSessionProperty` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServerSessionProperty(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetServerSessionProperty", || {
        // SAFETY: `set_server_session_property`: `PropertyInformation` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `HttpSetServerSessionProperty`
        // reads or writes through it; in particular `PropertyInformation` is NULL or points to
        // `PropertyInformationLength` readable bytes (alignment not required).
        unsafe {
            set_server_session_property::<WCHAR>(
                ServerSessionId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
            )
        }
    })
}
/// `HttpSetServerSessionProperty` for `-fshort-wchar` callers.
///
/// # Safety
/// `PropertyInformation` is NULL or points to memory valid for what `HttpSetServerSessionProperty` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServerSessionProperty_w16(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetServerSessionProperty", || {
        // SAFETY: `set_server_session_property`: `PropertyInformation` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `HttpSetServerSessionProperty`
        // reads or writes through it; in particular `PropertyInformation` is NULL or points to
        // `PropertyInformationLength` readable bytes (alignment not required).
        unsafe {
            set_server_session_property::<u16>(
                ServerSessionId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpQueryServerSessionProperty` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `PropertyInformation`, `ret` is its `ReturnLength`. In particular: `ret` is NULL or points to a writable `u32`;
/// `info` is NULL or points to `len` writable bytes; `ret` is NULL or points to a writable, aligned `T`.
unsafe fn query_server_session_property<U: WideUnit>(
    id: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryServerSessionProperty({id:#x}, {property}, {info:?}, {len}, {ret:?})");
    match property {
        // SAFETY: `put_state_info`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
        // writable bytes.
        HttpServerStateProperty => unsafe { put_state_info(session::session_state(id)?, info, len, ret) },
        _ if !session::session_exists(id) => Err(ERROR_INVALID_PARAMETER),
        HttpServerTimeoutsProperty => {
            let (own, t) = session::timeouts(Scope::Session(id))?;
            // SAFETY: `put_timeouts`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes.
            unsafe { put_timeouts(own, t, info, len, ret) }
        }
        // SAFETY: `put_qos`: `info` is NULL or `len` readable and writable bytes; `ret` is NULL or a writable `ULONG`
        // (this function's `# Safety`).
        HttpServerQosProperty => unsafe { put_qos(Scope::Session(id), info, len, ret) },
        // SAFETY: `query_other_property`: `info` is NULL or `len` writable bytes; `ret` is NULL or a writable `ULONG`
        // (this function's `# Safety`).
        _ => unsafe {
            query_other_property::<U>(
                Owner::Session(id),
                property,
                info,
                len,
                ret,
                "HttpQueryServerSessionProperty(this property)",
            )
        },
    }
}

/// `HttpQueryServerSessionProperty`: `HttpServerStateProperty`, `HttpServerTimeoutsProperty` (the timers
/// in force), `HttpServerQosProperty` (the caller sets `QosType` in the buffer, 24 bytes); a small buffer
/// gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
///
/// # Safety
/// `PropertyInformation`, `ReturnLength` are each NULL or point to memory valid for what
/// `HttpQueryServerSessionProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServerSessionProperty(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryServerSessionProperty", || {
        // SAFETY: `query_server_session_property`: `PropertyInformation`, `ReturnLength` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryServerSessionProperty` reads or writes through them; in particular `ReturnLength` is NULL or points
        // to a writable `u32`; `PropertyInformation` is NULL or points to `PropertyInformationLength` writable bytes;
        // `ReturnLength` is NULL or points to a writable, aligned `T`.
        unsafe {
            query_server_session_property::<WCHAR>(
                ServerSessionId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
                ReturnLength,
            )
        }
    })
}
/// `HttpQueryServerSessionProperty` for `-fshort-wchar` callers.
///
/// # Safety
/// `PropertyInformation`, `ReturnLength` are each NULL or point to memory valid for what
/// `HttpQueryServerSessionProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServerSessionProperty_w16(
    ServerSessionId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryServerSessionProperty", || {
        // SAFETY: `query_server_session_property`: `PropertyInformation`, `ReturnLength` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryServerSessionProperty` reads or writes through them; in particular `ReturnLength` is NULL or points
        // to a writable `u32`; `PropertyInformation` is NULL or points to `PropertyInformationLength` writable bytes;
        // `ReturnLength` is NULL or points to a writable, aligned `T`.
        unsafe {
            query_server_session_property::<u16>(
                ServerSessionId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
                ReturnLength,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpSetUrlGroupProperty` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `PropertyInformation`. In particular: `info` is NULL or points to `len` readable bytes (alignment not required).
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
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            let b = unsafe { (info as *const HTTP_BINDING_INFO).read_unaligned() };
            if b.Flags & 1 == 0 {
                return session::bind_queue(group, None);
            }
            let q = queue_of(b.RequestQueueHandle).map_err(|_| ERROR_INVALID_PARAMETER)?;
            session::bind_queue(group, Some(&q))
        }
        // SAFETY: `read_state_info`: `info` is NULL or points to `len` readable bytes (alignment not required).
        HttpServerStateProperty => match unsafe { read_state_info(info, len) }? {
            Some(on) => session::set_group_state(group, on),
            None => Ok(()),
        },
        // SAFETY: `read_timeouts`: `info` is NULL or points to `len` readable bytes (alignment not required).
        HttpServerTimeoutsProperty => session::set_timeouts(Scope::Group(group), unsafe { read_timeouts(info, len) }?),
        // SAFETY: `set_qos`: `info` is NULL or `len` readable bytes holding an `HTTP_QOS_SETTING_INFO`
        // whose `QosSetting` is NULL or a readable `HTTP_QOS_LIMIT_INFO` (this function's `# Safety`).
        HttpServerQosProperty => unsafe { set_qos(Scope::Group(group), info, len) },
        _ => {
            // SAFETY: `set_other_property`: `info` is NULL or `len` readable bytes holding the property's structure,
            // whose pointers are valid in turn (this function's `# Safety`).
            unsafe {
                set_other_property::<U>(
                    Owner::Group(group),
                    property,
                    info,
                    len,
                    "HttpSetUrlGroupProperty(this property)",
                )
            }
        }
    }
}

/// `HttpSetUrlGroupProperty`: `HttpServerBindingProperty` (`HTTP_BINDING_INFO`: the queue that
/// receives the group's requests; without one, clients get 503), `HttpServerStateProperty`,
/// `HttpServerTimeoutsProperty` (wins over the session's, timer by timer; a zero timer falls back to
/// the session's, then the default) and `HttpServerQosProperty` (bandwidth and connection limit).
/// Unknown group, NULL buffer, length 0 or wrong size: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `PropertyInformation` is NULL or points to memory valid for what `HttpSetUrlGroupProperty` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpSetUrlGroupProperty(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetUrlGroupProperty", || {
        // SAFETY: `set_url_group_property`: `PropertyInformation` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `HttpSetUrlGroupProperty` reads or writes
        // through it; in particular `PropertyInformation` is NULL or points to `PropertyInformationLength` readable
        // bytes (alignment not required).
        unsafe { set_url_group_property::<WCHAR>(UrlGroupId, Property, PropertyInformation, PropertyInformationLength) }
    })
}
/// `HttpSetUrlGroupProperty` for `-fshort-wchar` callers.
///
/// # Safety
/// `PropertyInformation` is NULL or points to memory valid for what `HttpSetUrlGroupProperty` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpSetUrlGroupProperty_w16(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
) -> ULONG {
    guard_httpapi("HttpSetUrlGroupProperty", || {
        // SAFETY: `set_url_group_property`: `PropertyInformation` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `HttpSetUrlGroupProperty` reads or writes
        // through it; in particular `PropertyInformation` is NULL or points to `PropertyInformationLength` readable
        // bytes (alignment not required).
        unsafe { set_url_group_property::<u16>(UrlGroupId, Property, PropertyInformation, PropertyInformationLength) }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpQueryUrlGroupProperty` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `PropertyInformation`, `ret` is its `ReturnLength`. In particular: `ret` is NULL or points to a writable `u32`;
/// `info` is NULL or points to `len` writable bytes; `ret` is NULL or points to a writable, aligned `T`.
unsafe fn query_url_group_property<U: WideUnit>(
    group: u64,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryUrlGroupProperty({group:#x}, {property}, {info:?}, {len}, {ret:?})");
    match property {
        // SAFETY: `put_state_info`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
        // writable bytes.
        HttpServerStateProperty => unsafe { put_state_info(session::group_state(group)?, info, len, ret) },
        _ if !session::group_exists(group) => Err(ERROR_INVALID_PARAMETER),
        HttpServerTimeoutsProperty => {
            let (own, t) = session::timeouts(Scope::Group(group))?;
            // SAFETY: `put_timeouts`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes.
            unsafe { put_timeouts(own, t, info, len, ret) }
        }
        // SAFETY: `put_qos`: `info` is NULL or `len` readable and writable bytes; `ret` is NULL or a writable `ULONG`
        // (this function's `# Safety`).
        HttpServerQosProperty => unsafe { put_qos(Scope::Group(group), info, len, ret) },
        // SAFETY: `query_other_property`: `info` is NULL or `len` writable bytes; `ret` is NULL or a writable `ULONG`
        // (this function's `# Safety`).
        _ => unsafe {
            query_other_property::<U>(
                Owner::Group(group),
                property,
                info,
                len,
                ret,
                "HttpQueryUrlGroupProperty(this property)",
            )
        },
    }
}

/// `HttpQueryUrlGroupProperty`: `HttpServerStateProperty`, `HttpServerTimeoutsProperty` (the timers in
/// force for the group, `Flags.Present` = whether the group has its own), `HttpServerQosProperty`; a
/// small buffer gives `ERROR_MORE_DATA` with the size in `*ReturnLength`.
///
/// # Safety
/// `PropertyInformation`, `ReturnLength` are each NULL or point to memory valid for what
/// `HttpQueryUrlGroupProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryUrlGroupProperty(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryUrlGroupProperty", || {
        // SAFETY: `query_url_group_property`: `PropertyInformation`, `ReturnLength` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryUrlGroupProperty` reads or writes through them; in particular `ReturnLength` is NULL or points to a
        // writable `u32`; `PropertyInformation` is NULL or points to `PropertyInformationLength` writable bytes;
        // `ReturnLength` is NULL or points to a writable, aligned `T`.
        unsafe {
            query_url_group_property::<WCHAR>(
                UrlGroupId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
                ReturnLength,
            )
        }
    })
}
/// `HttpQueryUrlGroupProperty` for `-fshort-wchar` callers.
///
/// # Safety
/// `PropertyInformation`, `ReturnLength` are each NULL or point to memory valid for what
/// `HttpQueryUrlGroupProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryUrlGroupProperty_w16(
    UrlGroupId: u64,
    Property: i32,
    PropertyInformation: *mut c_void,
    PropertyInformationLength: ULONG,
    ReturnLength: *mut ULONG,
) -> ULONG {
    guard_httpapi("HttpQueryUrlGroupProperty", || {
        // SAFETY: `query_url_group_property`: `PropertyInformation`, `ReturnLength` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryUrlGroupProperty` reads or writes through them; in particular `ReturnLength` is NULL or points to a
        // writable `u32`; `PropertyInformation` is NULL or points to `PropertyInformationLength` writable bytes;
        // `ReturnLength` is NULL or points to a writable, aligned `T`.
        unsafe {
            query_url_group_property::<u16>(
                UrlGroupId,
                Property,
                PropertyInformation,
                PropertyInformationLength,
                ReturnLength,
            )
        }
    })
}

/// # Safety
/// `info` is NULL or points to `len` readable bytes holding an `HTTP_LOGGING_INFO<U>` whose string pointers are NULL or
/// readable NUL-terminated strings of `U` with the lengths it states.
unsafe fn read_logging<U: WideUnit>(info: *const c_void, len: ULONG) -> WinResult<Option<LogConfig>> {
    // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
    let l: HTTP_LOGGING_INFO<U> = unsafe { read_exact(info, len) }?;
    if l.Flags & 1 == 0 {
        return Ok(None);
    }
    let flags = l.LoggingFlags;
    if flags & !0xF != 0 || flags & 0xC == 0xC {
        return Err(ERROR_INVALID_PARAMETER);
    }
    match l.Format {
        0 => {}
        // IIS, NCSA and raw (binary) logs are not written by this implementation.
        1..=3 => return Err(ERROR_NOT_SUPPORTED),
        _ => return Err(ERROR_INVALID_PARAMETER),
    }
    let dlen = l.DirectoryNameLength as usize;
    if l.DirectoryName.is_null() || dlen == 0 || dlen % U::SIZE != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `units_in`: `l.DirectoryName` points to `dlen / U::SIZE` readable units valid for `'a` (it may be NULL
    // only when `dlen / U::SIZE` is 0).
    let directory = wstr::decode(unsafe { units_in(l.DirectoryName, dlen / U::SIZE) });
    if !directory.starts_with('/') || directory.contains('\0') {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let slen = l.SoftwareNameLength as usize;
    let software = match (l.SoftwareName.is_null(), slen) {
        (_, 0) => String::new(),
        (true, _) => return Err(ERROR_INVALID_PARAMETER),
        // SAFETY: `units_in`: `l.SoftwareName` points to `n / U::SIZE` readable units valid for `'a` (it may be NULL
        // only when `n / U::SIZE` is 0).
        (false, n) if n % U::SIZE == 0 => wstr::decode(unsafe { units_in(l.SoftwareName, n / U::SIZE) }),
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    if l.NumOfExtFields > 0 && l.pExtFields.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let rollover = match l.RolloverType {
        0 if l.RolloverSize == HTTP_LIMIT_INFINITE => Rollover::Size(u64::MAX),
        0 if l.RolloverSize < HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE => return Err(ERROR_INVALID_PARAMETER),
        0 => Rollover::Size(l.RolloverSize as u64),
        1 => Rollover::Daily,
        2 => Rollover::Weekly,
        3 => Rollover::Monthly,
        4 => Rollover::Hourly,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    Ok(Some(LogConfig {
        logging_flags: flags,
        software,
        directory: directory.into(),
        format: l.Format as u32,
        fields: l.Fields,
        max_record_size: l.MaxRecordSize,
        rollover,
    }))
}

/// `HttpSetServerSessionProperty` / `HttpSetUrlGroupProperty` for the properties this module keeps.
/// The owner exists (checked by the caller).
///
/// # Safety
/// `info` is NULL or points to `len` readable bytes holding the structure Windows documents for `property`; the
/// pointers in that structure (strings of `U`, arrays) are NULL or valid for what they describe, for the length of the
/// call.
pub(super) unsafe fn set_other_property<U: WideUnit>(
    owner: Owner,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    what: &'static str,
) -> WinResult<()> {
    match property {
        // SAFETY: `read_logging`: `info` is NULL or `len` readable bytes holding an `HTTP_LOGGING_INFO` whose string
        // pointers are NULL or NUL-terminated strings of `U` (this function's `# Safety`).
        HttpServerLoggingProperty => logging::set(owner, unsafe { read_logging::<U>(info, len) }?),
        HttpServerAuthenticationProperty | HttpServerExtendedAuthenticationProperty => {
            if info.is_null() || len as usize != HTTP_SERVER_AUTHENTICATION_INFO_SIZE {
                return Err(ERROR_INVALID_PARAMETER);
            }
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            let a = unsafe { (info as *const HTTP_SERVER_AUTHENTICATION_INFO_HEAD).read_unaligned() };
            if a.Flags & 1 == 0 {
                auth::store(owner, property, None);
                return Ok(());
            }
            // No Windows authentication (Negotiate, NTLM, Kerberos, Digest, Basic via SSPI) on Linux.
            if a.AuthSchemes != 0 {
                return Err(ERROR_NOT_SUPPORTED);
            }
            let extra =
                a.ReceiveContextHandle as u32 | (a.DisableNTLMCredentialCaching as u32) << 8 | (a.ExFlags as u32) << 16;
            auth::store(owner, property, Some([1, 0, a.ReceiveMutualAuth as u32, extra]));
            Ok(())
        }
        HttpServerChannelBindProperty => {
            // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let c: HTTP_CHANNEL_BIND_INFO = unsafe { read_exact(info, len) }?;
            if !(0..=2).contains(&c.Hardening) || c.Flags & !0x3F != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            // Medium and strict hardening check channel-binding tokens of authenticated requests: no
            // authentication here, so only the legacy level (no checks) can be honoured.
            if c.Hardening != 0 {
                return Err(ERROR_NOT_SUPPORTED);
            }
            auth::store(owner, property, Some([c.Hardening as u32, c.Flags, 0, 0]));
            Ok(())
        }
        HttpServerListenEndpointProperty | HttpServerProtectionLevelProperty => {
            if property == HttpServerListenEndpointProperty && matches!(owner, Owner::Group(_)) {
                return Err(ERROR_INVALID_PARAMETER); // a server session property only
            }
            // SAFETY: `read_exact`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let v: HTTP_FLAGGED_VALUE = unsafe { read_exact(info, len) }?;
            if v.Flags & 1 == 0 {
                auth::store(owner, property, None);
                return Ok(());
            }
            let value = if property == HttpServerListenEndpointProperty { v.Value & 0xFF } else { v.Value };
            if property == HttpServerProtectionLevelProperty && value > 2 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            auth::store(owner, property, Some([1, value, 0, 0]));
            Ok(())
        }
        _ => {
            tracing::debug!(target: "winhttpapi::httpapi", "{what}: property {property} is not valid here");
            Err(ERROR_INVALID_PARAMETER)
        }
    }
}

/// `HttpQueryServerSessionProperty` / `HttpQueryUrlGroupProperty` for the properties this module keeps.
/// A buffer too small: `ERROR_MORE_DATA` with the size in `*ReturnLength`.
///
/// # Safety
/// `info` is NULL or points to `len` writable bytes; `ret` is NULL or points to a writable `ULONG`.
pub(super) unsafe fn query_other_property<U: WideUnit>(
    owner: Owner,
    property: i32,
    info: *mut c_void,
    len: ULONG,
    ret: *mut ULONG,
    what: &'static str,
) -> WinResult<()> {
    match property {
        HttpServerLoggingProperty => {
            let head = size_of::<HTTP_LOGGING_INFO<U>>();
            let Some(cfg) = logging::get(owner) else {
                // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to
                // `len` writable bytes, not aliased, valid for `'a`.
                let buf = unsafe { out_buffer(info, len, ret, head, ERROR_MORE_DATA) }?;
                buf.fill(0);
                return Ok(());
            };
            let dir = cfg.directory.to_string_lossy().into_owned();
            let d_len = wide_bytes::<U>(&dir);
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes, not aliased, valid for `'a`.
            let buf =
                unsafe { out_buffer(info, len, ret, head + d_len + wide_bytes::<U>(&cfg.software), ERROR_MORE_DATA) }?;
            let d = put_wide::<U>(buf, head, &dir);
            let s = put_wide::<U>(buf, head + d_len, &cfg.software);
            let (rt, rs) = cfg.rollover.raw();
            let l = HTTP_LOGGING_INFO::<U> {
                Flags: 1,
                LoggingFlags: cfg.logging_flags,
                SoftwareName: if cfg.software.is_empty() { std::ptr::null() } else { s as *const U },
                SoftwareNameLength: (wide_bytes::<U>(&cfg.software) - U::SIZE) as u16,
                DirectoryNameLength: (d_len - U::SIZE) as u16,
                DirectoryName: d as *const U,
                Format: cfg.format as i32,
                Fields: cfg.fields,
                pExtFields: std::ptr::null(),
                NumOfExtFields: 0,
                MaxRecordSize: cfg.max_record_size,
                RolloverType: rt as i32,
                RolloverSize: rs,
                pSecurityDescriptor: std::ptr::null(),
            };
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe { (buf.as_mut_ptr() as *mut HTTP_LOGGING_INFO<U>).write_unaligned(l) };
            Ok(())
        }
        HttpServerAuthenticationProperty | HttpServerExtendedAuthenticationProperty => {
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes, not aliased, valid for `'a`.
            let buf = unsafe { out_buffer(info, len, ret, HTTP_SERVER_AUTHENTICATION_INFO_SIZE, ERROR_MORE_DATA) }?;
            buf.fill(0);
            if let Some(v) = auth::load(owner, property) {
                let a = HTTP_SERVER_AUTHENTICATION_INFO_HEAD {
                    Flags: 1,
                    AuthSchemes: 0,
                    ReceiveMutualAuth: v[2] as u8,
                    ReceiveContextHandle: v[3] as u8,
                    DisableNTLMCredentialCaching: (v[3] >> 8) as u8,
                    ExFlags: (v[3] >> 16) as u8,
                };
                // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
                unsafe { (buf.as_mut_ptr() as *mut HTTP_SERVER_AUTHENTICATION_INFO_HEAD).write_unaligned(a) };
            }
            Ok(())
        }
        HttpServerChannelBindProperty => {
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes, not aliased, valid for `'a`.
            let buf = unsafe { out_buffer(info, len, ret, size_of::<HTTP_CHANNEL_BIND_INFO>(), ERROR_MORE_DATA) }?;
            let v = auth::load(owner, property).unwrap_or_default();
            let c = HTTP_CHANNEL_BIND_INFO {
                Hardening: v[0] as i32,
                Flags: v[1],
                ServiceNames: std::ptr::null(),
                NumberOfServiceNames: 0,
            };
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe { (buf.as_mut_ptr() as *mut HTTP_CHANNEL_BIND_INFO).write_unaligned(c) };
            Ok(())
        }
        HttpServerListenEndpointProperty | HttpServerProtectionLevelProperty => {
            if property == HttpServerListenEndpointProperty && matches!(owner, Owner::Group(_)) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len`
            // writable bytes, not aliased, valid for `'a`.
            let buf = unsafe { out_buffer(info, len, ret, size_of::<HTTP_FLAGGED_VALUE>(), ERROR_MORE_DATA) }?;
            let v = auth::load(owner, property).unwrap_or_default();
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe {
                (buf.as_mut_ptr() as *mut HTTP_FLAGGED_VALUE)
                    .write_unaligned(HTTP_FLAGGED_VALUE { Flags: v[0], Value: v[1] })
            };
            Ok(())
        }
        _ => {
            tracing::debug!(target: "winhttpapi::httpapi", "{what}: property {property} is not valid here");
            Err(ERROR_INVALID_PARAMETER)
        }
    }
}
