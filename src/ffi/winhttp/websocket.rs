//! WebSocket (engine: `client::websocket`). These return their error code (NO_ERROR = 0) instead
//! of BOOL + last error; in asynchronous sessions NO_ERROR means "started" and the result arrives as
//! the operation's completion notification.
use super::*;
use crate::client::abi;
use crate::client::websocket;
use crate::ffi::guard::{guard_winhttp, guard_winhttp_code};
use crate::ffi::ptr::{bytes_in, bytes_out, write_req, CallerBuf};
use crate::ffi::types::*;
use crate::win32::error::*;
use std::ffi::c_void;
use std::ptr::null_mut;

fn ws_complete_upgrade(h: HINTERNET, context: usize) -> WinResult<HINTERNET> {
    tracing::trace!(target: T, "WinHttpWebSocketCompleteUpgrade({h:?}, {context:#x})");
    websocket::complete_upgrade(raw(h), context).map(to_handle)
}

/// `WinHttpWebSocketCompleteUpgrade`: after `WinHttpReceiveResponse` of a request that set
/// `WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET`, returns the WebSocket handle that now owns the connection
/// (`pContext` is its context value). Errors (last error): `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a request), `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no
/// upgrade asked, no response yet, or already upgraded), `ERROR_WINHTTP_INVALID_SERVER_RESPONSE`
/// (not 101, or a wrong `Sec-WebSocket-Accept`).
#[no_mangle]
pub extern "C" fn WinHttpWebSocketCompleteUpgrade(hRequest: HINTERNET, pContext: usize) -> HINTERNET {
    guard_winhttp("WinHttpWebSocketCompleteUpgrade", null_mut(), || ws_complete_upgrade(hRequest, pContext))
}
w16_alias!(WinHttpWebSocketCompleteUpgrade);

/// # Safety
/// `buf as *const u8` points to `len as usize` writable bytes that stay valid, and are not otherwise accessed by the
/// library, until the operation this buffer belongs to completes.
unsafe fn ws_send(h: HINTERNET, buffer_type: i32, buf: *mut c_void, len: DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWebSocketSend({h:?}, {buffer_type}, {buf:?}, {len})");
    let ws = websocket::lookup(raw(h))?;
    // SAFETY: `new`: `buf as *const u8` points to `len as usize` writable bytes that stay valid, and are not
    // otherwise accessed by the library, until the operation this buffer belongs to completes.
    let buf = unsafe { CallerBuf::new(buf as *const u8, len as usize) }?;
    ws.send(buffer_type as u32, buf).map(|_| ())
}

/// `WinHttpWebSocketSend`: sends `dwBufferLength` bytes as one frame of `eBufferType`
/// (`*_MESSAGE_BUFFER_TYPE` ends the message, `*_FRAGMENT_BUFFER_TYPE` continues it). Returns
/// `NO_ERROR`, or `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (bad type, NULL buffer with a length, a fragment sequence switching
/// between binary and UTF-8), `ERROR_INVALID_OPERATION` (a send or close pending, or our close frame
/// already sent), or the connection's error. Async: WRITE_COMPLETE with `WINHTTP_WEB_SOCKET_STATUS`.
///
/// # Safety
/// `pvBuffer` is NULL or points to memory valid for what `WinHttpWebSocketSend` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketSend(
    hWebSocket: HINTERNET,
    eBufferType: i32,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
) -> DWORD {
    // SAFETY: `ws_send`: `pvBuffer as *const u8` points to `dwBufferLength as usize` writable bytes that stay valid,
    // and are not otherwise accessed by the library, until the operation this buffer belongs to completes.
    guard_winhttp_code("WinHttpWebSocketSend", || unsafe { ws_send(hWebSocket, eBufferType, pvBuffer, dwBufferLength) })
}
w16_alias!(WinHttpWebSocketSend);

/// # Safety
/// `buf as *const u8` points to `len as usize` writable bytes that stay valid, and are not otherwise accessed by the
/// library, until the operation this buffer belongs to completes; `read` is NULL or points to a writable, aligned `T`;
/// `kind` is NULL or points to a writable, aligned `T`.
unsafe fn ws_receive(h: HINTERNET, buf: *mut c_void, len: DWORD, read: *mut DWORD, kind: *mut i32) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWebSocketReceive({h:?}, {buf:?}, {len}, {read:?}, {kind:?})");
    let ws = websocket::lookup(raw(h))?;
    if buf.is_null() || len == 0 || read.is_null() || kind.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `new`: `buf as *const u8` points to `len as usize` writable bytes that stay valid, and are not
    // otherwise accessed by the library, until the operation this buffer belongs to completes.
    let buf = unsafe { CallerBuf::new(buf as *const u8, len as usize) }?;
    // Asynchronous receives leave the out-parameters alone: READ_COMPLETE carries the result.
    if let Some((n, t)) = ws.receive(buf)? {
        // SAFETY: `write_req`: `read` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(read, n) }?;
        // SAFETY: `write_req`: `kind` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(kind, t as i32) }?;
    }
    Ok(())
}

/// `WinHttpWebSocketReceive`: the next piece of message data into `pvBuffer`, with its type
/// (`*_FRAGMENT_*`: more of the same message follows, e.g. when it is bigger than the buffer;
/// `CLOSE_BUFFER_TYPE`: the peer's close frame arrived). Pings are answered internally. Returns
/// `NO_ERROR`, `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (NULL/empty buffer or NULL out-pointers), `ERROR_INVALID_OPERATION` (a
/// receive or close pending, or the peer's close already received), `ERROR_WINHTTP_OPERATION_CANCELLED`
/// (a close ended it), `ERROR_WINHTTP_INVALID_SERVER_RESPONSE` (protocol violation), or the
/// connection's error. Async: READ_COMPLETE with `WINHTTP_WEB_SOCKET_STATUS`.
///
/// # Safety
/// `pvBuffer`, `pdwBytesRead`, `peBufferType` are each NULL or point to memory valid for what
/// `WinHttpWebSocketReceive` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketReceive(
    hWebSocket: HINTERNET,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
    pdwBytesRead: *mut DWORD,
    peBufferType: *mut i32,
) -> DWORD {
    guard_winhttp_code("WinHttpWebSocketReceive", || {
        // SAFETY: `ws_receive`: `pvBuffer as *const u8` points to `dwBufferLength as usize` writable bytes that stay
        // valid, and are not otherwise accessed by the library, until the operation this buffer belongs to completes;
        // `pdwBytesRead` is NULL or points to a writable, aligned `T`; `peBufferType` is NULL or points to a writable,
        // aligned `T`.
        unsafe { ws_receive(hWebSocket, pvBuffer, dwBufferLength, pdwBytesRead, peBufferType) }
    })
}
w16_alias!(WinHttpWebSocketReceive);

/// # Safety
/// `reason as *const u8` is NULL or points to `len as usize` readable bytes that stay valid and unchanged for `'a`.
unsafe fn ws_close(h: HINTERNET, status: u16, reason: *mut c_void, len: DWORD, wait: bool) -> WinResult<()> {
    let name = if wait { "WinHttpWebSocketClose" } else { "WinHttpWebSocketShutdown" };
    tracing::trace!(target: T, "{name}({h:?}, {status}, {reason:?}, {len})");
    let ws = websocket::lookup(raw(h))?;
    if len as usize > abi::WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `bytes_in`: `reason as *const u8` is NULL or points to `len as usize` readable bytes that stay valid
    // and unchanged for `'a`.
    let reason = unsafe { bytes_in(reason as *const u8, len as usize) }?.to_vec();
    if wait {
        ws.close(status, reason).map(|_| ())
    } else {
        ws.shutdown(status, reason).map(|_| ())
    }
}

/// `WinHttpWebSocketShutdown`: sends the close frame (`usStatus`, up to 123 bytes of reason) and
/// returns without waiting for the peer's; receives go on. Returns `NO_ERROR`,
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (reason
/// too long or NULL with a length, a status that cannot be sent), `ERROR_INVALID_OPERATION` (a send
/// or close pending, or already shut down). Async: SHUTDOWN_COMPLETE.
///
/// # Safety
/// `pvReason` is NULL or points to memory valid for what `WinHttpWebSocketShutdown` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketShutdown(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    // SAFETY: `ws_close`: `pvReason as *const u8` is NULL or points to `dwReasonLength as usize` readable bytes that
    // stay valid and unchanged for `'a`.
    guard_winhttp_code("WinHttpWebSocketShutdown", || unsafe {
        ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, false)
    })
}
w16_alias!(WinHttpWebSocketShutdown);

/// `WinHttpWebSocketClose`: sends the close frame (unless Shutdown did), ends a pending receive with
/// `ERROR_WINHTTP_OPERATION_CANCELLED`, and waits (10 s at most) for the peer's close frame. The
/// handle stays open (`WinHttpCloseHandle` closes it). Errors as Shutdown, plus
/// `ERROR_WINHTTP_TIMEOUT`. Async: CLOSE_COMPLETE.
///
/// # Safety
/// `pvReason` is NULL or points to memory valid for what `WinHttpWebSocketClose` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketClose(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    // SAFETY: `ws_close`: `pvReason as *const u8` is NULL or points to `dwReasonLength as usize` readable bytes that
    // stay valid and unchanged for `'a`.
    guard_winhttp_code("WinHttpWebSocketClose", || unsafe {
        ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, true)
    })
}
w16_alias!(WinHttpWebSocketClose);

/// # Safety
/// The pointers are the arguments of `WinHttpWebSocketQueryCloseStatus` (and of its twins), which its `# Safety` asks
/// the caller to make NULL or valid for what Windows documents the function reads or writes through them: `status` is
/// its `pusStatus`, `reason` is its `pvReason`, `consumed` is its `pdwReasonLengthConsumed`. In particular: `consumed`
/// is NULL or points to a writable, aligned `T`; `status` is NULL or points to a writable, aligned `T`.
unsafe fn ws_query_close_status(
    h: HINTERNET,
    status: *mut u16,
    reason: *mut c_void,
    len: DWORD,
    consumed: *mut DWORD,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWebSocketQueryCloseStatus({h:?}, {status:?}, {reason:?}, {len}, {consumed:?})");
    let ws = websocket::lookup(raw(h))?;
    if status.is_null() || consumed.is_null() || (reason.is_null() && len != 0) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (code, text) = ws.query_close_status()?;
    if text.len() > len as usize {
        // With pvReason NULL and length 0, pdwReasonLengthConsumed says how much to allocate.
        // SAFETY: `write_req`: `consumed` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(consumed, text.len() as u32) }?;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `bytes_out`: `reason as *mut u8` is NULL or points to `text.len()` writable bytes, not aliased, valid
    // for `'a`.
    unsafe { bytes_out(reason as *mut u8, text.len()) }?.copy_from_slice(&text);
    // SAFETY: `write_req`: `status` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(status, code) }?;
    // SAFETY: `write_req`: `consumed` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(consumed, text.len() as u32) }
}

/// `WinHttpWebSocketQueryCloseStatus`: the close status and reason the peer sent. Returns
/// `NO_ERROR`, `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (NULL out-pointers), `ERROR_INVALID_OPERATION` (no close frame received
/// yet; nothing written), `ERROR_INSUFFICIENT_BUFFER` (`*pdwReasonLengthConsumed` = the size needed).
///
/// # Safety
/// `pusStatus`, `pvReason`, `pdwReasonLengthConsumed` are each NULL or point to memory valid for what
/// `WinHttpWebSocketQueryCloseStatus` reads or writes there, as Windows documents it (strings NUL-terminated unless
/// a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketQueryCloseStatus(
    hWebSocket: HINTERNET,
    pusStatus: *mut u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
    pdwReasonLengthConsumed: *mut DWORD,
) -> DWORD {
    guard_winhttp_code("WinHttpWebSocketQueryCloseStatus", || {
        // SAFETY: `ws_query_close_status`: `pusStatus`, `pvReason`, `pdwReasonLengthConsumed` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpWebSocketQueryCloseStatus` reads or writes through them; in particular `pdwReasonLengthConsumed` is
        // NULL or points to a writable, aligned `T`; `pusStatus` is NULL or points to a writable, aligned `T`.
        unsafe { ws_query_close_status(hWebSocket, pusStatus, pvReason, dwReasonLength, pdwReasonLengthConsumed) }
    })
}
w16_alias!(WinHttpWebSocketQueryCloseStatus);
