//! Receiving: `HttpReceiveHttpRequest`, `HttpReceiveRequestEntityBody`, `HttpWaitForDisconnect(Ex)`,
//! `HttpReceiveClientCertificate` (engine: `server::queue`, `server::connection`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::overlapped::CallerBuf;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `HttpReceiveHttpRequest` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `buf` is its
/// `RequestBuffer`, `ret` is its `BytesReturned`, `ov` is its `Overlapped`. In particular: `ret` is NULL or points to a
/// writable, aligned `T`.
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
    // SAFETY: `buf` (non-NULL, checked above) is the caller's, writable for `len` bytes until the receive
    // completes (this export's `# Safety`).
    let out = unsafe { CallerBuf::new(buf as *const u8, len as usize) }?;
    // SAFETY: `finish`: `ret` is NULL or points to a writable, aligned `T`.
    unsafe { finish(q.receive(id, flags, out, wide16, ovp), ret, ovp) }
}

/// `HttpReceiveHttpRequest`: the next request (`RequestId` = `HTTP_NULL_ID`), or again the one that got
/// `ERROR_MORE_DATA`, as a complete `HTTP_REQUEST` (V2 for v2 queues) inside `RequestBuffer`, every
/// pointer pointing into it. Synchronous, or with `Overlapped` (`ERROR_IO_PENDING` or `NO_ERROR`; either
/// way the completion is also signalled / posted). `ERROR_MORE_DATA`: the buffer holds less than the
/// request; `*BytesReturned` (or `InternalHigh`) has the size needed and `RequestId` is set.
/// Smaller than the structure: `ERROR_INSUFFICIENT_BUFFER`. Unknown id or a client that left:
/// `ERROR_CONNECTION_INVALID`. Queue shut down or closed: `ERROR_OPERATION_ABORTED`.
/// With `HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY` the body bytes already received that fit follow.
///
/// # Safety
/// `RequestBuffer`, `BytesReturned`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpReceiveHttpRequest` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
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
        // SAFETY: `receive_http_request`: `RequestBuffer`, `BytesReturned`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpReceiveHttpRequest` reads or writes through them; in particular `BytesReturned` is NULL or points to a
        // writable, aligned `T`.
        unsafe {
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
        }
    })
}
/// `HttpReceiveHttpRequest` for `-fshort-wchar` callers (the cooked URL is UTF-16).
///
/// # Safety
/// `RequestBuffer`, `BytesReturned`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpReceiveHttpRequest` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
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
        // SAFETY: `receive_http_request`: `RequestBuffer`, `BytesReturned`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpReceiveHttpRequest` reads or writes through them; in particular `BytesReturned` is NULL or points to a
        // writable, aligned `T`.
        unsafe {
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
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpReceiveRequestEntityBody` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `buf` is its
/// `EntityBuffer`, `ret` is its `BytesReturned`, `ov` is its `Overlapped`. In particular: `ret` is NULL or points to a
/// writable, aligned `T`.
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
    // SAFETY: `buf` (non-NULL, checked above) is the caller's, writable for `len` bytes until the receive
    // completes (this export's `# Safety`).
    let out = unsafe { CallerBuf::new(buf as *const u8, len as usize) }?;
    let fill = flags & HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER != 0;
    let r = q.run(ovp, |c| req.conn.receive_body(&req, out, fill, c));
    // SAFETY: `finish`: `ret` is NULL or points to a writable, aligned `T`.
    unsafe { finish(r, ret, ovp) }
}

/// `HttpReceiveRequestEntityBody`: the next bytes of the request body (de-chunked), as many as are here
/// (waits only when none are); `ERROR_HANDLE_EOF` once it is all read. `Expect: 100-continue` is
/// answered on the first call. Unknown id, answered request or a client that left:
/// `ERROR_CONNECTION_INVALID`.
///
/// # Safety
/// `EntityBuffer`, `BytesReturned`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpReceiveRequestEntityBody` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
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
        // SAFETY: `receive_request_entity_body`: `EntityBuffer`, `BytesReturned`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpReceiveRequestEntityBody` reads or writes through them; in particular `BytesReturned` is NULL or points
        // to a writable, aligned `T`.
        unsafe {
            receive_request_entity_body(
                RequestQueueHandle,
                RequestId,
                Flags,
                EntityBuffer,
                EntityBufferLength,
                BytesReturned,
                Overlapped,
            )
        }
    })
}
w16_alias!(HttpReceiveRequestEntityBody);

/// # Safety
/// The pointers are arguments of the exports that call it (`HttpWaitForDisconnect`, `HttpWaitForDisconnectEx`, and
/// their `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the
/// function reads or writes through them; as called from `HttpWaitForDisconnect`: `ov` is its `Overlapped`.
unsafe fn wait_for_disconnect(name: &str, h: HANDLE, id: u64, reserved: ULONG, ov: *mut OVERLAPPED) -> WinResult<()> {
    tracing::trace!(target: T, "{name}({h:?}, {id:#x}, {reserved}, {ov:?})");
    if reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The page documents ERROR_INVALID_PARAMETER for every unusable argument, the handle included.
    let q = queue_of(h).map_err(|_| ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    // SAFETY: `finish`: the output pointer is NULL: nothing is written through it.
    unsafe { finish(q.wait_for_disconnect(id, ovp), std::ptr::null_mut(), ovp) }
}

/// `HttpWaitForDisconnect` (seeds/HttpWaitForDisconnect.txt): completes when the connection
/// `ConnectionId` (from `HTTP_REQUEST.ConnectionId`) breaks for any reason: the client closes or
/// half-closes it, resets it, a timer or the application closes it. Synchronous (`Overlapped` NULL:
/// blocks, then `NO_ERROR`) or overlapped (`ERROR_IO_PENDING`, then `NO_ERROR` through the event /
/// completion port); a connection already gone completes at once. Every waiter completes.
/// Cancelled by `CancelIoEx` on the queue, or by closing or shutting the queue down:
/// `ERROR_OPERATION_ABORTED`. Bad handle or an id no request of this queue carried:
/// `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `Overlapped` is NULL or points to memory valid for what `HttpWaitForDisconnect` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until
/// the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnect(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnect", || {
        // SAFETY: `wait_for_disconnect`: `Overlapped` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `HttpWaitForDisconnect` reads or writes through
        // it.
        unsafe { wait_for_disconnect("HttpWaitForDisconnect", RequestQueueHandle, ConnectionId, 0, Overlapped) }
    })
}
w16_alias!(HttpWaitForDisconnect);

/// `HttpWaitForDisconnectEx`: `HttpWaitForDisconnect` with a `Reserved` that must be 0
/// (`ERROR_INVALID_PARAMETER` otherwise).
///
/// # Safety
/// `Overlapped` is NULL or points to memory valid for what `HttpWaitForDisconnectEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until
/// the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpWaitForDisconnectEx(
    RequestQueueHandle: HANDLE,
    ConnectionId: u64,
    Reserved: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpWaitForDisconnectEx", || {
        // SAFETY: `wait_for_disconnect`: `Overlapped` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `HttpWaitForDisconnectEx` reads or writes
        // through it.
        unsafe {
            wait_for_disconnect("HttpWaitForDisconnectEx", RequestQueueHandle, ConnectionId, Reserved, Overlapped)
        }
    })
}
w16_alias!(HttpWaitForDisconnectEx);

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
w16_alias!(HttpReceiveClientCertificate);
