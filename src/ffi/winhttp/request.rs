//! Sending a request and receiving its response: `WinHttpSendRequest`, `WinHttpReceiveResponse`
//! (engine: `client::api`).
use super::*;
use crate::client::api;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::{bytes_in, wide_str_len};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;

/// # Safety
/// `headers` is NULL or points to `if hlen == 0 { u32::MAX } else { hlen }` readable units (or a NUL-terminated string
/// when `if hlen == 0 { u32::MAX } else { hlen }` is -1); `optional as *const u8` is NULL or points to `olen as usize`
/// readable bytes that stay valid and unchanged for `'a`.
unsafe fn send_request<U: WideUnit>(
    h: HINTERNET,
    headers: *const U,
    hlen: DWORD,
    optional: LPVOID,
    olen: DWORD,
    total: DWORD,
    context: usize,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSendRequest({h:?}, {headers:?}, {hlen}, {optional:?}, {olen}, {total}, {context:#x})");
    // Length 0 with headers given: read up to the NUL, as Windows does (`-1L` is the documented way).
    // SAFETY: `wide_str_len`: `headers` is NULL or points to `if hlen == 0 { u32::MAX } else { hlen }` readable
    // units (or a NUL-terminated string when `if hlen == 0 { u32::MAX } else { hlen }` is -1).
    let text = unsafe { wide_str_len(headers, if hlen == 0 { u32::MAX } else { hlen }) };
    // "If dwOptionalLength is 0, lpOptional is ignored and set to NULL."
    // SAFETY: `bytes_in`: `optional as *const u8` is NULL or points to `olen as usize` readable bytes that stay
    // valid and unchanged for `'a`.
    let optional = if olen == 0 { &[][..] } else { unsafe { bytes_in(optional as *const u8, olen as usize) }? };
    api::send_request(raw(h), text, optional, total, context).map(|_| TRUE)
}

/// `WinHttpSendRequest` (seeds/WinHttpSendRequest.txt): sends the head and `lpOptional` together.
/// `dwTotalLength` becomes Content-Length (the rest comes through `WinHttpWriteData`); with
/// `WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH` a caller's Content-Length header above 4 GiB is used; with the
/// caller's `Transfer-Encoding: chunked` the library adds neither Content-Length nor framing.
/// `ERROR_INVALID_PARAMETER`: bad header text, dwTotalLength differing from Content-Length, both
/// Content-Length and Transfer-Encoding, `lpOptional` or a total with Transfer-Encoding. Connection
/// errors: `ERROR_WINHTTP_NAME_NOT_RESOLVED`, `_CANNOT_CONNECT`, `_TIMEOUT`, `_CONNECTION_ERROR`,
/// `_SECURE_FAILURE`. The request may be sent again once its response was read.
///
/// # Safety
/// `lpszHeaders` is NULL or points to memory valid for what `WinHttpSendRequest` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSendRequest(
    hRequest: HINTERNET,
    lpszHeaders: *const WCHAR,
    dwHeadersLength: DWORD,
    lpOptional: LPVOID,
    dwOptionalLength: DWORD,
    dwTotalLength: DWORD,
    dwContext: usize,
) -> BOOL {
    guard_winhttp("WinHttpSendRequest", FALSE, || {
        // SAFETY: `send_request`: `lpszHeaders` is NULL or points to `if hlen == 0 { u32::MAX } else { hlen }` readable
        // units (or a NUL-terminated string when `if hlen == 0 { u32::MAX } else { hlen }` is -1);
        // `lpOptional as *const u8` is NULL or points to `dwOptionalLength as usize` readable bytes that stay valid and
        // unchanged for `'a`.
        unsafe {
            send_request(hRequest, lpszHeaders, dwHeadersLength, lpOptional, dwOptionalLength, dwTotalLength, dwContext)
        }
    })
}
/// `WinHttpSendRequest` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpszHeaders` is NULL or points to memory valid for what `WinHttpSendRequest` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSendRequest_w16(
    hRequest: HINTERNET,
    lpszHeaders: *const u16,
    dwHeadersLength: DWORD,
    lpOptional: LPVOID,
    dwOptionalLength: DWORD,
    dwTotalLength: DWORD,
    dwContext: usize,
) -> BOOL {
    guard_winhttp("WinHttpSendRequest_w16", FALSE, || {
        // SAFETY: `send_request`: `lpszHeaders` is NULL or points to `if hlen == 0 { u32::MAX } else { hlen }` readable
        // units (or a NUL-terminated string when `if hlen == 0 { u32::MAX } else { hlen }` is -1);
        // `lpOptional as *const u8` is NULL or points to `dwOptionalLength as usize` readable bytes that stay valid and
        // unchanged for `'a`.
        unsafe {
            send_request(hRequest, lpszHeaders, dwHeadersLength, lpOptional, dwOptionalLength, dwTotalLength, dwContext)
        }
    })
}

fn receive_response(h: HINTERNET, reserved: LPVOID) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpReceiveResponse({h:?}, {reserved:?})");
    if !reserved.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    api::receive_response(raw(h)).map(|_| TRUE)
}

/// `WinHttpReceiveResponse`: reads the response head (interim 1xx skipped, redirects followed per
/// policy). Fewer body bytes written than declared: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` at once
/// (the server would wait for them). Malformed response: `ERROR_WINHTTP_INVALID_SERVER_RESPONSE`;
/// head too large: `ERROR_WINHTTP_HEADER_SIZE_OVERFLOW`; `ERROR_WINHTTP_TIMEOUT`.
/// Asynchronous sessions: HEADERS_AVAILABLE or REQUEST_ERROR follows; on a response that has fully
/// arrived the call completes during the call (its notifications on the calling thread), and a call
/// before any send or after the response was received returns TRUE and reports REQUEST_ERROR
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE`) on the calling thread, as Windows does.
#[no_mangle]
pub extern "C" fn WinHttpReceiveResponse(hRequest: HINTERNET, lpReserved: LPVOID) -> BOOL {
    guard_winhttp("WinHttpReceiveResponse", FALSE, || receive_response(hRequest, lpReserved))
}
w16_alias!(WinHttpReceiveResponse);
