//! Exports of `winhttp.h`. Each function with string content is written once, generic over
//! [`WideUnit`], and exported twice: `Name` (`wchar_t` = UTF-32) and `Name_w16` (`-fshort-wchar`).
//! Functions not built yet link, log a warning and fail with `ERROR_CALL_NOT_IMPLEMENTED`
//! (`exports/winhttp.txt` marks them `not-implemented`).
#![allow(non_snake_case, clippy::too_many_arguments)]
use super::guard::{guard_httpapi, guard_winhttp, not_implemented};
use super::ptr::{bytes_in, bytes_out, narrow_cstr, wide_cstr, wide_str_len, write_opt, write_req, CallerBuf};
use super::types::*;
use super::winhttp_types::*;
use crate::client::api;
use crate::client::auth;
use crate::client::headers;
use crate::client::options::{self, Kind, Value};
use crate::client::proxy;
use crate::client::query::{self, QueryValue};
use crate::client::url;
use crate::client::websocket;
use crate::http1::date::{self, CivilTime};
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_void;
use std::ptr::null_mut;

const T: &str = "winhttpapi::winhttp";
const WINHTTP_EXTENDED_HEADER_FLAG_UNICODE: u64 = 1;

/// `WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT` (set on a session; handled with the status callbacks).
const WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT: DWORD = 99;

/// Copies a wide string and its terminator into a caller buffer of `cap_bytes`, WinHTTP style:
/// too small (or NULL) -> `ERROR_INSUFFICIENT_BUFFER` with the bytes needed (terminator included);
/// success -> the length in bytes without the terminator.
unsafe fn put_wide_bytes<U: WideUnit>(s: &str, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let units = wstr::encode_nul::<U>(s);
    let need = units.len() * U::SIZE;
    if buf.is_null() || (*len as usize) < need {
        *len = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    let out = bytes_out(buf as *mut u8, need)?;
    for (i, u) in units.iter().enumerate() {
        std::ptr::copy_nonoverlapping(u as *const U as *const u8, out.as_mut_ptr().add(i * U::SIZE), U::SIZE);
    }
    *len = (need - U::SIZE) as u32;
    Ok(())
}

/// Copies a fixed-size value into a caller buffer of `*len` bytes, with WinHTTP's sizing rule.
unsafe fn put_value<V: Copy>(v: V, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let need = std::mem::size_of::<V>();
    if buf.is_null() || (*len as usize) < need {
        *len = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    (buf as *mut V).write_unaligned(v);
    *len = need as u32;
    Ok(())
}

/// A freshly allocated wide string for the caller to free with `GlobalFree` (NULL for None).
unsafe fn alloc_wide<U: WideUnit>(s: Option<&str>) -> *mut c_void {
    let Some(s) = s else { return null_mut() };
    let units = wstr::encode_nul::<U>(s);
    // From the process heap, so the caller's `GlobalFree` (which checks the block header) takes it.
    let Ok(p) = crate::win32::heap::alloc(units.len() * U::SIZE, false) else { return null_mut() };
    std::ptr::copy_nonoverlapping(units.as_ptr(), p as *mut U, units.len());
    p as *mut c_void
}

fn systemtime_of(t: &CivilTime) -> SYSTEMTIME {
    SYSTEMTIME {
        wYear: t.year,
        wMonth: t.month,
        wDayOfWeek: t.day_of_week,
        wDay: t.day,
        wHour: t.hour,
        wMinute: t.minute,
        wSecond: t.second,
        wMilliseconds: 0,
    }
}

// ---------------------------------------------------------------------------------------------
// Handles

unsafe fn open<U: WideUnit>(
    agent: *const U,
    access: DWORD,
    proxy: *const U,
    bypass: *const U,
    flags: DWORD,
) -> WinResult<HINTERNET> {
    let (agent, proxy, bypass) = (wide_cstr(agent), wide_cstr(proxy), wide_cstr(bypass));
    tracing::trace!(target: T, "WinHttpOpen({agent:?}, {access}, {proxy:?}, {bypass:?}, {flags:#x})");
    api::open_session(agent, access, proxy, bypass, flags).map(to_handle)
}

/// `WinHttpOpen`: a session handle. `dwAccessType` NO_PROXY, DEFAULT_PROXY and AUTOMATIC_PROXY go
/// direct (Linux has no WinHTTP proxy store); NAMED_PROXY needs `pszProxyW` (`ERROR_INVALID_PARAMETER`
/// otherwise) and sends http requests to it in absolute form. `WINHTTP_FLAG_ASYNC` is recorded; the
/// asynchronous completions are issue 6. NULL + last error on failure.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpen(
    pszAgentW: *const WCHAR,
    dwAccessType: DWORD,
    pszProxyW: *const WCHAR,
    pszProxyBypassW: *const WCHAR,
    dwFlags: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpOpen", null_mut(), || open(pszAgentW, dwAccessType, pszProxyW, pszProxyBypassW, dwFlags))
}
/// `WinHttpOpen` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpen_w16(
    pszAgentW: *const u16,
    dwAccessType: DWORD,
    pszProxyW: *const u16,
    pszProxyBypassW: *const u16,
    dwFlags: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpOpen_w16", null_mut(), || open(pszAgentW, dwAccessType, pszProxyW, pszProxyBypassW, dwFlags))
}

unsafe fn connect<U: WideUnit>(h: HINTERNET, server: *const U, port: u16, reserved: DWORD) -> WinResult<HINTERNET> {
    let server = wide_cstr(server);
    tracing::trace!(target: T, "WinHttpConnect({h:?}, {server:?}, {port}, {reserved})");
    api::connect(raw(h), server, port).map(to_handle)
}

/// `WinHttpConnect`: a connect handle for `pswzServerName:nServerPort` (0 = 80 or 443 by the request's
/// scheme). No connection is made yet. Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL server).
#[no_mangle]
pub unsafe extern "C" fn WinHttpConnect(
    hSession: HINTERNET,
    pswzServerName: *const WCHAR,
    nServerPort: u16,
    dwReserved: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpConnect", null_mut(), || connect(hSession, pswzServerName, nServerPort, dwReserved))
}
/// `WinHttpConnect` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpConnect_w16(
    hSession: HINTERNET,
    pswzServerName: *const u16,
    nServerPort: u16,
    dwReserved: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpConnect_w16", null_mut(), || connect(hSession, pswzServerName, nServerPort, dwReserved))
}

unsafe fn open_request<U: WideUnit>(
    h: HINTERNET,
    verb: *const U,
    object: *const U,
    version: *const U,
    referrer: *const U,
    accept: *const *const U,
    flags: DWORD,
) -> WinResult<HINTERNET> {
    let (verb, object, version, referrer) =
        (wide_cstr(verb), wide_cstr(object), wide_cstr(version), wide_cstr(referrer));
    let mut accept_types = Vec::new();
    if !accept.is_null() {
        // A NULL-terminated array of strings (WINHTTP_DEFAULT_ACCEPT_TYPES is NULL itself).
        let mut i = 0;
        while !(*accept.add(i)).is_null() && i < 256 {
            accept_types.extend(wide_cstr(*accept.add(i)));
            i += 1;
        }
    }
    tracing::trace!(target: T, "WinHttpOpenRequest({h:?}, {verb:?}, {object:?}, {version:?}, {referrer:?}, {accept_types:?}, {flags:#x})");
    api::open_request(raw(h), verb, object, version, referrer, accept_types, flags).map(to_handle)
}

/// `WinHttpOpenRequest`: a request handle. Verb NULL = GET, object NULL = "/", version NULL =
/// HTTP/1.1; `WINHTTP_FLAG_SECURE` for HTTPS; the object name is escaped unless
/// `WINHTTP_FLAG_ESCAPE_DISABLE` (`_ESCAPE_PERCENT`, `_ESCAPE_DISABLE_QUERY` as documented);
/// `WINHTTP_FLAG_REFRESH` adds no-cache headers. Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpenRequest(
    hConnect: HINTERNET,
    pwszVerb: *const WCHAR,
    pwszObjectName: *const WCHAR,
    pwszVersion: *const WCHAR,
    pwszReferrer: *const WCHAR,
    ppwszAcceptTypes: *const *const WCHAR,
    dwFlags: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpOpenRequest", null_mut(), || {
        open_request(hConnect, pwszVerb, pwszObjectName, pwszVersion, pwszReferrer, ppwszAcceptTypes, dwFlags)
    })
}
/// `WinHttpOpenRequest` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpenRequest_w16(
    hConnect: HINTERNET,
    pwszVerb: *const u16,
    pwszObjectName: *const u16,
    pwszVersion: *const u16,
    pwszReferrer: *const u16,
    ppwszAcceptTypes: *const *const u16,
    dwFlags: DWORD,
) -> HINTERNET {
    guard_winhttp("WinHttpOpenRequest_w16", null_mut(), || {
        open_request(hConnect, pwszVerb, pwszObjectName, pwszVersion, pwszReferrer, ppwszAcceptTypes, dwFlags)
    })
}

fn close_handle(h: HINTERNET) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCloseHandle({h:?})");
    api::close_handle(raw(h)).map(|_| TRUE)
}

/// `WinHttpCloseHandle`: closes a session, connect or request handle and every handle opened from it;
/// a transfer in progress on another thread ends with `ERROR_WINHTTP_OPERATION_CANCELLED`.
/// Errors: `ERROR_INVALID_HANDLE` (NULL, closed, forged), `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
#[no_mangle]
pub extern "C" fn WinHttpCloseHandle(hInternet: HINTERNET) -> BOOL {
    guard_winhttp("WinHttpCloseHandle", FALSE, || close_handle(hInternet))
}
/// `WinHttpCloseHandle` (no strings: same as the UTF-32 export).
#[no_mangle]
pub extern "C" fn WinHttpCloseHandle_w16(hInternet: HINTERNET) -> BOOL {
    guard_winhttp("WinHttpCloseHandle_w16", FALSE, || close_handle(hInternet))
}

/// `WinHttpCheckPlatform`: TRUE (this platform supports WinHTTP).
#[no_mangle]
pub extern "C" fn WinHttpCheckPlatform() -> BOOL {
    guard_winhttp("WinHttpCheckPlatform", FALSE, || {
        tracing::trace!(target: T, "WinHttpCheckPlatform()");
        Ok(TRUE)
    })
}
/// `WinHttpCheckPlatform` (no strings).
#[no_mangle]
pub extern "C" fn WinHttpCheckPlatform_w16() -> BOOL {
    guard_winhttp("WinHttpCheckPlatform_w16", FALSE, || {
        tracing::trace!(target: T, "WinHttpCheckPlatform()");
        Ok(TRUE)
    })
}

// ---------------------------------------------------------------------------------------------
// Sending

unsafe fn add_request_headers<U: WideUnit>(
    h: HINTERNET,
    headers: *const U,
    len: DWORD,
    modifiers: DWORD,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpAddRequestHeaders({h:?}, {headers:?}, {len}, {modifiers:#x})");
    if headers.is_null() || len == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let text = wide_str_len(headers, len);
    api::add_request_headers(raw(h), text, modifiers).map(|_| TRUE)
}

/// `WinHttpAddRequestHeaders`: adds header lines (CRLF-separated; length in characters, -1 = NUL-
/// terminated) with `WINHTTP_ADDREQ_FLAG_ADD`, `_ADD_IF_NEW` (`ERROR_WINHTTP_HEADER_ALREADY_EXISTS`),
/// `_REPLACE` (`ERROR_WINHTTP_HEADER_NOT_FOUND`; an empty value removes), `_COALESCE[_WITH_COMMA|
/// _WITH_SEMICOLON]`. A malformed line fails with `ERROR_INVALID_PARAMETER` and adds nothing.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeaders(
    hRequest: HINTERNET,
    lpszHeaders: *const WCHAR,
    dwHeadersLength: DWORD,
    dwModifiers: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpAddRequestHeaders", FALSE, || {
        add_request_headers(hRequest, lpszHeaders, dwHeadersLength, dwModifiers)
    })
}
/// `WinHttpAddRequestHeaders` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeaders_w16(
    hRequest: HINTERNET,
    lpszHeaders: *const u16,
    dwHeadersLength: DWORD,
    dwModifiers: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpAddRequestHeaders_w16", FALSE, || {
        add_request_headers(hRequest, lpszHeaders, dwHeadersLength, dwModifiers)
    })
}

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
    let text = if headers.is_null() || hlen == 0 { None } else { wide_str_len(headers, hlen) };
    // "If dwOptionalLength is 0, lpOptional is ignored and set to NULL."
    let optional = if olen == 0 { &[][..] } else { bytes_in(optional as *const u8, olen as usize)? };
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
        send_request(hRequest, lpszHeaders, dwHeadersLength, lpOptional, dwOptionalLength, dwTotalLength, dwContext)
    })
}
/// `WinHttpSendRequest` for `-fshort-wchar` callers.
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
        send_request(hRequest, lpszHeaders, dwHeadersLength, lpOptional, dwOptionalLength, dwTotalLength, dwContext)
    })
}

unsafe fn write_data(h: HINTERNET, buf: LPCVOID, n: DWORD, written: *mut DWORD) -> WinResult<BOOL> {
    // "sets this value to zero before doing any work or error checking"
    write_opt(written, 0);
    tracing::trace!(target: T, "WinHttpWriteData({h:?}, {buf:?}, {n})");
    // Asynchronous: the count arrives with WRITE_COMPLETE; *lpdwNumberOfBytesWritten stays 0.
    let is_async = api::is_async_request(raw(h))?;
    if let Some(w) = api::write_data(raw(h), CallerBuf::new(buf as *const u8, n as usize)?)? {
        if !is_async {
            write_opt(written, w);
        }
    }
    Ok(TRUE)
}

/// `WinHttpWriteData` (seeds/WinHttpWriteData.txt): `*lpdwNumberOfBytesWritten` is zeroed first; the
/// bytes go straight to the socket (nothing is buffered). Writing past the declared Content-Length
/// fails with `ERROR_INVALID_PARAMETER`; before `WinHttpSendRequest` or after
/// `WinHttpReceiveResponse`: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
/// Asynchronous sessions: returns at once; WRITE_COMPLETE (a `DWORD` count) or REQUEST_ERROR
/// (`API_WRITE_DATA`) follows on a callback thread; `lpBuffer` must stay valid until then and
/// `*lpdwNumberOfBytesWritten` is never written after the call returns (pass NULL). Another operation
/// pending on the request: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteData(
    hRequest: HINTERNET,
    lpBuffer: LPCVOID,
    dwNumberOfBytesToWrite: DWORD,
    lpdwNumberOfBytesWritten: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpWriteData", FALSE, || {
        write_data(hRequest, lpBuffer, dwNumberOfBytesToWrite, lpdwNumberOfBytesWritten)
    })
}
/// `WinHttpWriteData` (no strings).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteData_w16(
    hRequest: HINTERNET,
    lpBuffer: LPCVOID,
    dwNumberOfBytesToWrite: DWORD,
    lpdwNumberOfBytesWritten: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpWriteData_w16", FALSE, || {
        write_data(hRequest, lpBuffer, dwNumberOfBytesToWrite, lpdwNumberOfBytesWritten)
    })
}

// ---------------------------------------------------------------------------------------------
// Responses

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
#[no_mangle]
pub extern "C" fn WinHttpReceiveResponse(hRequest: HINTERNET, lpReserved: LPVOID) -> BOOL {
    guard_winhttp("WinHttpReceiveResponse", FALSE, || receive_response(hRequest, lpReserved))
}
/// `WinHttpReceiveResponse` (no strings).
#[no_mangle]
pub extern "C" fn WinHttpReceiveResponse_w16(hRequest: HINTERNET, lpReserved: LPVOID) -> BOOL {
    guard_winhttp("WinHttpReceiveResponse_w16", FALSE, || receive_response(hRequest, lpReserved))
}

unsafe fn query_headers<U: WideUnit>(
    h: HINTERNET,
    level: DWORD,
    name: *const U,
    buf: LPVOID,
    len: *mut DWORD,
    index: *mut DWORD,
) -> WinResult<BOOL> {
    let name = wide_cstr(name);
    tracing::trace!(target: T, "WinHttpQueryHeaders({h:?}, {level:#x}, {name:?}, {buf:?})");
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut idx = if index.is_null() { 0 } else { *index };
    let v = api::query_headers(raw(h), level, name.as_deref(), &mut idx)?;
    match v {
        QueryValue::Text(s) => put_wide_bytes::<U>(&s, buf, len)?,
        QueryValue::Number(n) => put_value(n, buf, len)?,
        QueryValue::Number64(n) => put_value(n, buf, len)?,
        QueryValue::Time(t) => put_value(systemtime_of(&t), buf, len)?,
    }
    // The index moves on only when the value was delivered.
    write_opt(index, idx);
    Ok(TRUE)
}

/// `WinHttpQueryHeaders`: a `WINHTTP_QUERY_*` level (or `_CUSTOM` with `pwszName`) of the response, or
/// of the request with `WINHTTP_QUERY_FLAG_REQUEST_HEADERS`; as text (length in bytes without the
/// NUL), `DWORD` (`_FLAG_NUMBER`), `ULONGLONG` (`_FLAG_NUMBER64`) or `SYSTEMTIME` (`_FLAG_SYSTEMTIME`).
/// `RAW_HEADERS` is NUL-separated lines ending in an empty one, `RAW_HEADERS_CRLF` CRLF-separated.
/// `*lpdwIndex` picks the occurrence and moves to the next. Errors: `ERROR_INSUFFICIENT_BUFFER` (bytes
/// needed in `*lpdwBufferLength`), `ERROR_WINHTTP_HEADER_NOT_FOUND`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no response yet), `ERROR_WINHTTP_INVALID_QUERY_REQUEST`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryHeaders(
    hRequest: HINTERNET,
    dwInfoLevel: DWORD,
    pwszName: *const WCHAR,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
    lpdwIndex: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryHeaders", FALSE, || {
        query_headers(hRequest, dwInfoLevel, pwszName, lpBuffer, lpdwBufferLength, lpdwIndex)
    })
}
/// `WinHttpQueryHeaders` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryHeaders_w16(
    hRequest: HINTERNET,
    dwInfoLevel: DWORD,
    pwszName: *const u16,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
    lpdwIndex: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryHeaders_w16", FALSE, || {
        query_headers(hRequest, dwInfoLevel, pwszName, lpBuffer, lpdwBufferLength, lpdwIndex)
    })
}

unsafe fn query_data_available(h: HINTERNET, avail: *mut DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpQueryDataAvailable({h:?})");
    // Asynchronous: written when the count was known during the call (bytes already there), as
    // Windows does; otherwise DATA_AVAILABLE carries it.
    if let Some(n) = api::query_data_available(raw(h))? {
        write_opt(avail, n);
    }
    Ok(TRUE)
}

/// `WinHttpQueryDataAvailable`: bytes readable without waiting (waits for some when none are there;
/// 0 = end of body). Errors: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`, `_CONNECTION_ERROR`, `_TIMEOUT`.
/// Asynchronous sessions: returns at once; DATA_AVAILABLE (a `DWORD` count) or REQUEST_ERROR
/// (`API_QUERY_DATA_AVAILABLE`) follows on a callback thread.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryDataAvailable(
    hRequest: HINTERNET,
    lpdwNumberOfBytesAvailable: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryDataAvailable", FALSE, || query_data_available(hRequest, lpdwNumberOfBytesAvailable))
}
/// `WinHttpQueryDataAvailable` (no strings).
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryDataAvailable_w16(
    hRequest: HINTERNET,
    lpdwNumberOfBytesAvailable: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryDataAvailable_w16", FALSE, || query_data_available(hRequest, lpdwNumberOfBytesAvailable))
}

unsafe fn read_data(h: HINTERNET, buf: LPVOID, n: DWORD, read: *mut DWORD, fill: bool) -> WinResult<u32> {
    write_opt(read, 0);
    tracing::trace!(target: T, "WinHttpReadData({h:?}, {buf:?}, {n})");
    // Asynchronous: READ_COMPLETE carries lpBuffer and the count, and the buffer is the library's
    // until then; a read that finished during the call (bytes already there) also writes the count.
    let is_async = api::is_async_request(raw(h))?;
    match api::read_data(raw(h), CallerBuf::new(buf as *const u8, n as usize)?, fill)? {
        Some(got) => {
            write_opt(read, got);
            if is_async {
                return Err(ERROR_IO_PENDING);
            }
            Ok(got)
        }
        None => Err(ERROR_IO_PENDING),
    }
}

/// `WinHttpReadData`: body bytes (Content-Length, chunked or until close; decoded when
/// `WINHTTP_OPTION_DECOMPRESSION` applies); `*lpdwNumberOfBytesRead` = 0 means the body has ended.
/// Errors: `ERROR_WINHTTP_CONNECTION_ERROR` (cut mid-body), `ERROR_WINHTTP_INVALID_SERVER_RESPONSE`
/// (bad chunk framing), `ERROR_WINHTTP_TIMEOUT`, `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
/// Asynchronous sessions: returns TRUE at once; READ_COMPLETE (`lpBuffer`, bytes read; 0 = end) or
/// REQUEST_ERROR (`API_READ_DATA`) follows on a callback thread; `lpBuffer` must stay valid until then.
/// Another operation pending on the request: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadData(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpReadData", FALSE, || {
        read_data_bool(hRequest, lpBuffer, dwNumberOfBytesToRead, lpdwNumberOfBytesRead)
    })
}
/// `WinHttpReadData` (no strings).
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadData_w16(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpReadData_w16", FALSE, || {
        read_data_bool(hRequest, lpBuffer, dwNumberOfBytesToRead, lpdwNumberOfBytesRead)
    })
}

/// `WinHttpReadData`'s BOOL form: an asynchronous read that was started is TRUE.
unsafe fn read_data_bool(h: HINTERNET, buf: LPVOID, n: DWORD, read: *mut DWORD) -> WinResult<BOOL> {
    match read_data(h, buf, n, read, false) {
        Ok(_) | Err(ERROR_IO_PENDING) => Ok(TRUE),
        Err(e) => Err(e),
    }
}

unsafe fn read_data_ex(
    h: HINTERNET,
    buf: LPVOID,
    n: DWORD,
    read: *mut DWORD,
    flags: u64,
    cb: DWORD,
    prop: LPVOID,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpReadDataEx({h:?}, {buf:?}, {n}, {read:?}, {flags:#x}, {cb}, {prop:?})");
    if cb != 0 || !prop.is_null() || flags & !1 != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    read_data(h, buf, n, read, flags & 1 != 0).map(|_| ())
}

/// `WinHttpReadDataEx`: as `WinHttpReadData`, returning the error code; with
/// `WINHTTP_READ_DATA_EX_FLAG_FILL_BUFFER` (1) it reads until the buffer is full or the body ends.
/// Asynchronous sessions: `ERROR_IO_PENDING`, then READ_COMPLETE or REQUEST_ERROR as for
/// `WinHttpReadData`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadDataEx(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
    ullFlags: u64,
    cbProperty: DWORD,
    pvProperty: LPVOID,
) -> DWORD {
    guard_httpapi("WinHttpReadDataEx", || {
        read_data_ex(hRequest, lpBuffer, dwNumberOfBytesToRead, lpdwNumberOfBytesRead, ullFlags, cbProperty, pvProperty)
    })
}
/// `WinHttpReadDataEx` (no strings).
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadDataEx_w16(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
    ullFlags: u64,
    cbProperty: DWORD,
    pvProperty: LPVOID,
) -> DWORD {
    guard_httpapi("WinHttpReadDataEx_w16", || {
        read_data_ex(hRequest, lpBuffer, dwNumberOfBytesToRead, lpdwNumberOfBytesRead, ullFlags, cbProperty, pvProperty)
    })
}

// ---------------------------------------------------------------------------------------------
// Options and timeouts

unsafe fn set_option<U: WideUnit>(h: HINTERNET, option: DWORD, buf: LPVOID, len: DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSetOption({h:?}, {option}, {buf:?}, {len})");
    if option == WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT {
        if buf.is_null() || (len as usize) != std::mem::size_of::<HANDLE>() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        api::set_unload_event(raw(h), (buf as *const usize).read_unaligned())?;
        return Ok(TRUE);
    }
    let kind = options::kind(option)?;
    if buf.is_null() && len != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let value = match kind {
        Kind::Dword => {
            if len != 4 || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            Value::Dword((buf as *const u32).read_unaligned())
        }
        Kind::Usize => {
            if (len as usize) != std::mem::size_of::<usize>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            Value::Usize((buf as *const usize).read_unaligned())
        }
        // String options give their length in characters.
        Kind::Str => Value::Str(wide_str_len(buf as *const U, len).unwrap_or_default()),
        Kind::Flag => Value::Dword(0),
        Kind::Proxy => {
            if (len as usize) < std::mem::size_of::<WINHTTP_PROXY_INFO>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            let p = (buf as *const WINHTTP_PROXY_INFO).read_unaligned();
            Value::Proxy(p.dwAccessType, wide_cstr(p.lpszProxy as *const U), wide_cstr(p.lpszProxyBypass as *const U))
        }
        Kind::Version => {
            if (len as usize) < std::mem::size_of::<HTTP_VERSION_INFO>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            let v = (buf as *const HTTP_VERSION_INFO).read_unaligned();
            Value::Version(v.dwMajorVersion, v.dwMinorVersion)
        }
    };
    api::set_option(raw(h), option, value).map(|_| TRUE)
}

/// `WinHttpSetOption`: the common options (timeouts, connect retries, context value, user agent, proxy,
/// security flags, disable feature, redirect policy, max redirects, max conns per server, max
/// response header/drain size, decompression, HTTP version). A `DWORD` option needs
/// `dwBufferLength == 4` (`ERROR_INSUFFICIENT_BUFFER`); string lengths are in characters. Unknown:
/// `ERROR_WINHTTP_INVALID_OPTION`; read-only: `ERROR_WINHTTP_OPTION_NOT_SETTABLE`; wrong handle:
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetOption(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    dwBufferLength: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpSetOption", FALSE, || set_option::<u32>(hInternet, dwOption, lpBuffer, dwBufferLength))
}
/// `WinHttpSetOption` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetOption_w16(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    dwBufferLength: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpSetOption_w16", FALSE, || set_option::<u16>(hInternet, dwOption, lpBuffer, dwBufferLength))
}

unsafe fn query_option<U: WideUnit>(h: HINTERNET, option: DWORD, buf: LPVOID, len: *mut DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpQueryOption({h:?}, {option}, {buf:?})");
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    options::kind(option)?;
    match api::query_option(raw(h), option)? {
        Value::Dword(v) => put_value(v, buf, len)?,
        Value::Usize(v) => put_value(v, buf, len)?,
        Value::Str(s) => put_wide_bytes::<U>(&s, buf, len)?,
        Value::Version(a, b) => put_value(HTTP_VERSION_INFO { dwMajorVersion: a, dwMinorVersion: b }, buf, len)?,
        Value::Proxy(access, proxy, bypass) => {
            if (*len as usize) < std::mem::size_of::<WINHTTP_PROXY_INFO>() || buf.is_null() {
                *len = std::mem::size_of::<WINHTTP_PROXY_INFO>() as u32;
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            let info = WINHTTP_PROXY_INFO {
                dwAccessType: access,
                lpszProxy: alloc_wide::<U>(proxy.as_deref()),
                lpszProxyBypass: alloc_wide::<U>(bypass.as_deref()),
            };
            put_value(info, buf, len)?;
        }
    }
    Ok(TRUE)
}

/// `WinHttpQueryOption`: reads an option. Too small or NULL buffer: `ERROR_INSUFFICIENT_BUFFER` with
/// the bytes needed; strings come back with their length in bytes without the NUL. The strings of
/// `WINHTTP_OPTION_PROXY` are allocated for the caller (`GlobalFree`).
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryOption(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryOption", FALSE, || query_option::<u32>(hInternet, dwOption, lpBuffer, lpdwBufferLength))
}
/// `WinHttpQueryOption` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryOption_w16(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryOption_w16", FALSE, || {
        query_option::<u16>(hInternet, dwOption, lpBuffer, lpdwBufferLength)
    })
}

fn set_timeouts(h: HINTERNET, r: i32, c: i32, s: i32, rc: i32) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSetTimeouts({h:?}, {r}, {c}, {s}, {rc})");
    api::set_timeouts(raw(h), r, c, s, rc).map(|_| TRUE)
}

/// `WinHttpSetTimeouts`: resolve, connect, send and receive timeouts in ms (0 or -1: none; below -1:
/// `ERROR_INVALID_PARAMETER`) on a session or request handle. A step that runs out fails with
/// `ERROR_WINHTTP_TIMEOUT`.
#[no_mangle]
pub extern "C" fn WinHttpSetTimeouts(
    hInternet: HINTERNET,
    nResolveTimeout: i32,
    nConnectTimeout: i32,
    nSendTimeout: i32,
    nReceiveTimeout: i32,
) -> BOOL {
    guard_winhttp("WinHttpSetTimeouts", FALSE, || {
        set_timeouts(hInternet, nResolveTimeout, nConnectTimeout, nSendTimeout, nReceiveTimeout)
    })
}
/// `WinHttpSetTimeouts` (no strings).
#[no_mangle]
pub extern "C" fn WinHttpSetTimeouts_w16(
    hInternet: HINTERNET,
    nResolveTimeout: i32,
    nConnectTimeout: i32,
    nSendTimeout: i32,
    nReceiveTimeout: i32,
) -> BOOL {
    guard_winhttp("WinHttpSetTimeouts_w16", FALSE, || {
        set_timeouts(hInternet, nResolveTimeout, nConnectTimeout, nSendTimeout, nReceiveTimeout)
    })
}

// ---------------------------------------------------------------------------------------------
// URLs and time

/// A `URL_COMPONENTS` pointer field and its length field.
type Slot = (*mut *mut c_void, *mut u32);

/// Delivers one cracked component: a pointer into the URL (caller's pointer NULL, length non-zero;
/// NULL and 0 for a part the URL does not have), a copy into the caller's buffer (pointer non-NULL;
/// length = capacity in characters), or nothing (length 0). A buffer too small gets the length needed
/// (NUL included) and sets `*overflow`; the other components are still delivered, as Windows does.
unsafe fn put_component<U: WideUnit>(
    base: *const U,
    units: &[U],
    range: Option<std::ops::Range<usize>>,
    (ptr, len): Slot,
    flags: u32,
    overflow: &mut bool,
    escapable: bool,
) {
    if *len == 0 {
        return;
    }
    if (*ptr).is_null() {
        match range {
            Some(r) => {
                *ptr = base.add(r.start) as *mut c_void;
                *len = r.len() as u32;
            }
            None => *len = 0,
        }
        return;
    }
    let mut text = range.map(|r| wstr::decode(&units[r])).unwrap_or_default();
    if flags & url::ICU_DECODE != 0 {
        text = url::decode(&text);
    }
    if flags & url::ICU_ESCAPE != 0 && escapable {
        text = url::escape(&text);
    }
    let out = wstr::encode_nul::<U>(&text);
    if (*len as usize) < out.len() {
        *len = out.len() as u32;
        *overflow = true;
        return;
    }
    std::ptr::copy_nonoverlapping(out.as_ptr(), *ptr as *mut U, out.len());
    *len = (out.len() - 1) as u32;
}

unsafe fn crack_url<U: WideUnit>(
    u: *const U,
    ulen: DWORD,
    flags: DWORD,
    comps: *mut URL_COMPONENTS,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCrackUrl({u:?}, {ulen}, {flags:#x}, {comps:?})");
    if u.is_null() || comps.is_null() || (*comps).dwStructSize as usize != std::mem::size_of::<URL_COMPONENTS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut n = 0usize;
    if ulen == 0 {
        while !(*u.add(n)).is_zero() {
            n += 1;
        }
    } else {
        n = ulen as usize;
    }
    let units = std::slice::from_raw_parts(u, n);
    let widened: Vec<u32> = units
        .iter()
        .map(|&c| wstr::decode(std::slice::from_ref(&c)).chars().next().map(|ch| ch as u32).unwrap_or(0xFFFD))
        .collect();
    let mut c = url::crack(&widened)?;
    let uc = &mut *comps;
    // Extra info not asked for: the query stays part of the path.
    if uc.lpszExtraInfo.is_null() && uc.dwExtraInfoLength == 0 {
        c.path = c.path.start..c.extra.end;
    }
    // Path and extra info last: ICU_ESCAPE applies to them only.
    let parts: [(Option<std::ops::Range<usize>>, Slot); 6] = [
        (Some(c.scheme), (&mut uc.lpszScheme as *mut _, &mut uc.dwSchemeLength as *mut _)),
        (Some(c.host), (&mut uc.lpszHostName as *mut _, &mut uc.dwHostNameLength as *mut _)),
        (c.user, (&mut uc.lpszUserName as *mut _, &mut uc.dwUserNameLength as *mut _)),
        (c.password, (&mut uc.lpszPassword as *mut _, &mut uc.dwPasswordLength as *mut _)),
        (Some(c.path), (&mut uc.lpszUrlPath as *mut _, &mut uc.dwUrlPathLength as *mut _)),
        (Some(c.extra), (&mut uc.lpszExtraInfo as *mut _, &mut uc.dwExtraInfoLength as *mut _)),
    ];
    // Checked before anything is written: a buffer with length 0, or a pointer into the URL where the
    // text would have to be decoded or escaped, is ERROR_INVALID_PARAMETER (Wine's tests on Windows).
    for (range, (ptr, len)) in &parts {
        let pointer_mode_changes = flags & (url::ICU_DECODE | url::ICU_ESCAPE) != 0
            && (**ptr).is_null()
            && **len != 0
            && range.as_ref().is_some_and(|r| !r.is_empty());
        if (!(**ptr).is_null() && **len == 0) || pointer_mode_changes {
            return Err(ERROR_INVALID_PARAMETER);
        }
    }
    let mut overflow = false;
    for (i, (range, slot)) in parts.into_iter().enumerate() {
        put_component(u, units, range, slot, flags, &mut overflow, i >= 4);
    }
    uc.nScheme = c.n_scheme;
    uc.nPort = c.port;
    if overflow {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    Ok(TRUE)
}

/// `WinHttpCrackUrl`: splits an http/https URL (`dwUrlLength` 0 = NUL-terminated) into the components
/// the caller asks for in `URL_COMPONENTS` (pointers into the URL, or copies into caller buffers with
/// lengths in characters; `ICU_DECODE` decodes, `ICU_ESCAPE` escapes path and extra info).
/// Errors: `ERROR_WINHTTP_UNRECOGNIZED_SCHEME`, `ERROR_WINHTTP_INVALID_URL`, `ERROR_INVALID_PARAMETER`,
/// `ERROR_INSUFFICIENT_BUFFER` (length = characters needed with the NUL).
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl(
    pwszUrl: *const WCHAR,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    guard_winhttp("WinHttpCrackUrl", FALSE, || crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents))
}
/// `WinHttpCrackUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl_w16(
    pwszUrl: *const u16,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    guard_winhttp("WinHttpCrackUrl_w16", FALSE, || crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents))
}

unsafe fn component<U: WideUnit>(p: *mut c_void, len: u32) -> Option<String> {
    if p.is_null() {
        return None;
    }
    if len == 0 {
        wide_cstr(p as *const U)
    } else {
        wide_str_len(p as *const U, len)
    }
}

unsafe fn create_url<U: WideUnit>(
    comps: *const URL_COMPONENTS,
    flags: DWORD,
    out: *mut U,
    out_len: *mut DWORD,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCreateUrl({comps:?}, {flags:#x}, {out:?}, {out_len:?})");
    if comps.is_null() || out_len.is_null() || (*comps).dwStructSize as usize != std::mem::size_of::<URL_COMPONENTS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let c = &*comps;
    let parts = url::Parts {
        scheme: component::<U>(c.lpszScheme, c.dwSchemeLength),
        n_scheme: c.nScheme,
        host: component::<U>(c.lpszHostName, c.dwHostNameLength),
        port: c.nPort,
        user: component::<U>(c.lpszUserName, c.dwUserNameLength),
        password: component::<U>(c.lpszPassword, c.dwPasswordLength),
        path: component::<U>(c.lpszUrlPath, c.dwUrlPathLength),
        extra: component::<U>(c.lpszExtraInfo, c.dwExtraInfoLength),
    };
    let s = url::create(&parts, flags)?;
    let units = wstr::encode_nul::<U>(&s);
    if (*out_len as usize) < units.len() {
        *out_len = units.len() as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // A length big enough with no buffer: ERROR_INVALID_PARAMETER, the length left alone (Windows 7+).
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len());
    *out_len = (units.len() - 1) as u32;
    Ok(TRUE)
}

/// `WinHttpCreateUrl`: joins `URL_COMPONENTS` into a URL (`ICU_ESCAPE` escapes path and extra info,
/// `ICU_REJECT_USERPWD` refuses credentials). `*pdwUrlLength` is in characters: too small ->
/// `ERROR_INSUFFICIENT_BUFFER` with the characters needed (NUL included); big enough but `pwszUrl` NULL
/// -> `ERROR_INVALID_PARAMETER`, length unchanged; success -> the length without the NUL.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut WCHAR,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpCreateUrl", FALSE, || create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength))
}
/// `WinHttpCreateUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl_w16(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut u16,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpCreateUrl_w16", FALSE, || create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength))
}

unsafe fn time_from_system_time<U: WideUnit>(st: *const SYSTEMTIME, out: *mut U) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeFromSystemTime({st:?}, {out:?})");
    if st.is_null() || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = *st;
    let mut t = CivilTime {
        year: s.wYear,
        month: s.wMonth,
        day_of_week: 0,
        day: s.wDay,
        hour: s.wHour,
        minute: s.wMinute,
        second: s.wSecond,
    };
    // The day of the week is computed, not trusted (Windows does the same).
    t.day_of_week = date::civil_from_unix(date::unix_from_civil(&t)).day_of_week;
    let text = date::format(&t);
    let units = wstr::encode_nul::<U>(&text);
    // The caller's buffer is WINHTTP_TIME_FORMAT_BUFSIZE: 31 WCHARs (62 bytes on Windows). Fields out of
    // range (hour 65535, ...) would format longer than that, so they are refused rather than written.
    if units.len() > 31 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len());
    Ok(TRUE)
}

/// `WinHttpTimeFromSystemTime`: formats a UTC `SYSTEMTIME` as an RFC 1123 date into a buffer of
/// `WINHTTP_TIME_FORMAT_BUFSIZE` bytes. NULL arguments: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime(pst: *const SYSTEMTIME, pwszTime: *mut WCHAR) -> BOOL {
    guard_winhttp("WinHttpTimeFromSystemTime", FALSE, || time_from_system_time(pst, pwszTime))
}
/// `WinHttpTimeFromSystemTime` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeFromSystemTime_w16(pst: *const SYSTEMTIME, pwszTime: *mut u16) -> BOOL {
    guard_winhttp("WinHttpTimeFromSystemTime_w16", FALSE, || time_from_system_time(pst, pwszTime))
}

unsafe fn time_to_system_time<U: WideUnit>(s: *const U, st: *mut SYSTEMTIME) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpTimeToSystemTime({s:?}, {st:?})");
    if s.is_null() || st.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let text = wide_cstr(s).unwrap_or_default();
    let t = date::parse(&text).ok_or(ERROR_INVALID_PARAMETER)?;
    *st = systemtime_of(&t);
    Ok(TRUE)
}

/// `WinHttpTimeToSystemTime`: parses an HTTP date (RFC 1123, RFC 850, asctime) into a `SYSTEMTIME`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime(pwszTime: *const WCHAR, pst: *mut SYSTEMTIME) -> BOOL {
    guard_winhttp("WinHttpTimeToSystemTime", FALSE, || time_to_system_time(pwszTime, pst))
}
/// `WinHttpTimeToSystemTime` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpTimeToSystemTime_w16(pwszTime: *const u16, pst: *mut SYSTEMTIME) -> BOOL {
    guard_winhttp("WinHttpTimeToSystemTime_w16", FALSE, || time_to_system_time(pwszTime, pst))
}

// ---------------------------------------------------------------------------------------------
// Proxy configuration queries that have a Linux answer

unsafe fn get_default_proxy<U: WideUnit>(info: *mut WINHTTP_PROXY_INFO) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpGetDefaultProxyConfiguration({info:?})");
    if info.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let cfg = proxy::default_config();
    *info = WINHTTP_PROXY_INFO {
        dwAccessType: cfg.access_type,
        lpszProxy: alloc_wide::<U>(cfg.proxy.as_deref()),
        lpszProxyBypass: alloc_wide::<U>(cfg.bypass.as_deref()),
    };
    Ok(TRUE)
}

/// `WinHttpGetDefaultProxyConfiguration`: the process's default proxy (what
/// `WinHttpSetDefaultProxyConfiguration` set), else `WINHTTP_ACCESS_TYPE_NO_PROXY` with NULL strings.
/// The strings are the caller's to free with `GlobalFree`. Errors: `ERROR_INVALID_PARAMETER` (NULL).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetDefaultProxyConfiguration(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    guard_winhttp("WinHttpGetDefaultProxyConfiguration", FALSE, || get_default_proxy::<u32>(pProxyInfo))
}
/// `WinHttpGetDefaultProxyConfiguration` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetDefaultProxyConfiguration_w16(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    guard_winhttp("WinHttpGetDefaultProxyConfiguration_w16", FALSE, || get_default_proxy::<u16>(pProxyInfo))
}

unsafe fn get_ie_proxy<U: WideUnit>(cfg: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpGetIEProxyConfigForCurrentUser({cfg:?})");
    if cfg.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (auto, url, proxy_list, bypass) = proxy::user_config(|n| std::env::var(n).ok());
    *cfg = WINHTTP_CURRENT_USER_IE_PROXY_CONFIG {
        fAutoDetect: auto as BOOL,
        lpszAutoConfigUrl: alloc_wide::<U>(url.as_deref()),
        lpszProxy: alloc_wide::<U>(proxy_list.as_deref()),
        lpszProxyBypass: alloc_wide::<U>(bypass.as_deref()),
    };
    Ok(TRUE)
}

/// `WinHttpGetIEProxyConfigForCurrentUser`: the user's proxy settings. Linux has no Internet Explorer
/// settings; the user's are the `http_proxy`/`https_proxy`/`no_proxy` environment variables (upper
/// case too): `lpszProxy` is `host:port` (both the same) or `http=host:port;https=host:port`,
/// `lpszProxyBypass` the `no_proxy` entries joined by `;` (`.x.com` as `*.x.com`), NULL when unset;
/// no auto-detect, no script URL. Strings are freed with `GlobalFree`. Errors: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetIEProxyConfigForCurrentUser(
    pProxyConfig: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG,
) -> BOOL {
    guard_winhttp("WinHttpGetIEProxyConfigForCurrentUser", FALSE, || get_ie_proxy::<u32>(pProxyConfig))
}
/// `WinHttpGetIEProxyConfigForCurrentUser` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetIEProxyConfigForCurrentUser_w16(
    pProxyConfig: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG,
) -> BOOL {
    guard_winhttp("WinHttpGetIEProxyConfigForCurrentUser_w16", FALSE, || get_ie_proxy::<u16>(pProxyConfig))
}

fn set_status_callback(
    h: HINTERNET,
    cb: *mut c_void,
    flags: DWORD,
    reserved: usize,
    wide16: bool,
) -> WinResult<*mut c_void> {
    tracing::trace!(target: T, "WinHttpSetStatusCallback({h:?}, {cb:?}, {flags:#x}, {reserved})");
    if cb as usize == usize::MAX {
        return Err(ERROR_INVALID_PARAMETER);
    }
    api::set_status_callback(raw(h), cb as usize, flags, wide16).map(|prev| prev as *mut c_void)
}

/// `WinHttpSetStatusCallback`: installs `lpfnInternetCallback` (NULL removes it) for the
/// `WINHTTP_CALLBACK_FLAG_*` notifications in `dwNotificationFlags` on a session, connect or request
/// handle; handles opened from it later copy it. Returns the previous callback (NULL if none), or
/// `WINHTTP_INVALID_STATUS_CALLBACK` with `ERROR_INVALID_HANDLE` for anything but a live WinHTTP
/// handle. The callback gets the handle, its context value (`WINHTTP_OPTION_CONTEXT_VALUE`, or the
/// `dwContext` of `WinHttpSendRequest`), the status and its information. Threads: informational
/// notifications of a synchronous call run on the calling thread before it returns; those of an
/// asynchronous one, and every completion, run on the library's callback threads (never its I/O
/// threads), so a callback may block, call the next WinHTTP function or close the handle. One
/// handle's callbacks never overlap; a completion of a call made inside a callback runs right after
/// that callback returns, on the same thread. HANDLE_CLOSING is the last callback of a handle.
#[no_mangle]
pub extern "C" fn WinHttpSetStatusCallback(
    hInternet: HINTERNET,
    lpfnInternetCallback: *mut c_void,
    dwNotificationFlags: DWORD,
    dwReserved: usize,
) -> *mut c_void {
    guard_winhttp("WinHttpSetStatusCallback", usize::MAX as *mut c_void, || {
        set_status_callback(hInternet, lpfnInternetCallback, dwNotificationFlags, dwReserved, false)
    })
}
/// `WinHttpSetStatusCallback` for `-fshort-wchar` callers: string information is UTF-16.
#[no_mangle]
pub extern "C" fn WinHttpSetStatusCallback_w16(
    hInternet: HINTERNET,
    lpfnInternetCallback: *mut c_void,
    dwNotificationFlags: DWORD,
    dwReserved: usize,
) -> *mut c_void {
    guard_winhttp("WinHttpSetStatusCallback_w16", usize::MAX as *mut c_void, || {
        set_status_callback(hInternet, lpfnInternetCallback, dwNotificationFlags, dwReserved, true)
    })
}

// ---------------------------------------------------------------------------------------------
// Not built yet (auto-proxy, proxy resolver and settings, authentication, extended headers,
// connection groups, WebSocket). String arguments are untyped here: nothing reads them.
/// A string of `WINHTTP_EXTENDED_HEADER`/`WINHTTP_HEADER_NAME`: wide of the caller's width, or narrow
/// (UTF-8, the Linux "ANSI" page).
unsafe fn ex_string<U: WideUnit>(p: *const c_void, wide: bool) -> Option<String> {
    if wide {
        wide_cstr(p as *const U)
    } else {
        narrow_cstr(p as *const std::ffi::c_char)
    }
}

unsafe fn add_request_headers_ex<U: WideUnit>(
    h: HINTERNET,
    modifiers: DWORD,
    flags: u64,
    extra: u64,
    count: DWORD,
    headers: *const WINHTTP_EXTENDED_HEADER,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpAddRequestHeadersEx({h:?}, {modifiers:#x}, {flags:#x}, {extra:#x}, {count}, {headers:?})");
    let req = api::request(raw(h))?;
    if flags & !WINHTTP_EXTENDED_HEADER_FLAG_UNICODE != 0 || extra != 0 || count == 0 || headers.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let wide = flags & WINHTTP_EXTENDED_HEADER_FLAG_UNICODE != 0;
    let mut pairs = Vec::with_capacity(count as usize);
    for i in 0..count as usize {
        let x = headers.add(i).read_unaligned();
        let (Some(n), Some(v)) = (ex_string::<U>(x.pszName, wide), ex_string::<U>(x.pszValue, wide)) else {
            return Err(ERROR_INVALID_PARAMETER);
        };
        pairs.push((n, v));
    }
    // As WinHttpAddRequestHeaders: no modifier given means WINHTTP_ADDREQ_FLAG_ADD.
    let modifiers = if modifiers & 0xFFFF_0000 == 0 { modifiers | headers::WINHTTP_ADDREQ_FLAG_ADD } else { modifiers };
    let mut st = req.state.lock();
    headers::add_pairs(&mut st.headers, &pairs, modifiers)
}

/// `WinHttpAddRequestHeadersEx`: adds `cHeaders` name/value pairs (`WINHTTP_EXTENDED_HEADER`) to the
/// request, with `WinHttpAddRequestHeaders`' modifiers (none = ADD); all or none are applied.
/// `ullFlags` `WINHTTP_EXTENDED_HEADER_FLAG_UNICODE`: the strings are wide, else narrow (UTF-8).
/// Returns `ERROR_SUCCESS`, `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (no headers, NULL array or string, unknown flags, `ullExtra` not 0, a name
/// that is not a token, CR/LF in a name or value), `ERROR_WINHTTP_HEADER_NOT_FOUND` (REPLACE of a
/// missing header), `ERROR_WINHTTP_HEADER_ALREADY_EXISTS` (ADD_IF_NEW).
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeadersEx(
    hRequest: HINTERNET,
    dwModifiers: DWORD,
    ullFlags: u64,
    ullExtra: u64,
    cHeaders: DWORD,
    pHeaders: *mut WINHTTP_EXTENDED_HEADER,
) -> DWORD {
    guard_httpapi("WinHttpAddRequestHeadersEx", || {
        add_request_headers_ex::<u32>(hRequest, dwModifiers, ullFlags, ullExtra, cHeaders, pHeaders)
    })
}
/// `WinHttpAddRequestHeadersEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeadersEx_w16(
    hRequest: HINTERNET,
    dwModifiers: DWORD,
    ullFlags: u64,
    ullExtra: u64,
    cHeaders: DWORD,
    pHeaders: *mut WINHTTP_EXTENDED_HEADER,
) -> DWORD {
    guard_httpapi("WinHttpAddRequestHeadersEx_w16", || {
        add_request_headers_ex::<u16>(hRequest, dwModifiers, ullFlags, ullExtra, cHeaders, pHeaders)
    })
}

unsafe fn query_headers_ex<U: WideUnit>(
    h: HINTERNET,
    level: DWORD,
    flags: u64,
    code_page: u32,
    index: *mut DWORD,
    name: *mut c_void,
    buf: *mut c_void,
    len: *mut DWORD,
    headers_out: *mut *mut WINHTTP_EXTENDED_HEADER,
    count_out: *mut DWORD,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpQueryHeadersEx({h:?}, {level:#x}, {flags:#x}, {code_page}, {index:?}, {name:?}, {buf:?}, {len:?})");
    let req = api::request(raw(h))?;
    if flags != 0 || len.is_null() || count_out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let wide = level & query::WINHTTP_QUERY_FLAG_WIRE_ENCODING == 0;
    let wanted = if level & 0xFFFF == query::WINHTTP_QUERY_CUSTOM {
        if name.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // WINHTTP_HEADER_NAME is a union of one pointer.
        ex_string::<U>(*(name as *const *const c_void), wide)
    } else {
        None
    };
    let mut idx = if index.is_null() { 0 } else { *index };
    let pairs = query::query_ex(&req, level, wanted.as_deref(), &mut idx)?;
    // Layout: the header array first, then each name and value with its NUL.
    let encode = |s: &str| -> Vec<u8> {
        if wide {
            wstr::encode_nul::<U>(s)
                .iter()
                .flat_map(|u| {
                    let mut b = vec![0u8; U::SIZE];
                    std::ptr::copy_nonoverlapping(u as *const U as *const u8, b.as_mut_ptr(), U::SIZE);
                    b
                })
                .collect()
        } else {
            let mut b = s.as_bytes().to_vec();
            b.push(0);
            b
        }
    };
    let strings: Vec<(Vec<u8>, Vec<u8>)> = pairs.iter().map(|(n, v)| (encode(n), encode(v))).collect();
    let array = pairs.len() * std::mem::size_of::<WINHTTP_EXTENDED_HEADER>();
    let need = array + strings.iter().map(|(n, v)| n.len() + v.len()).sum::<usize>();
    if buf.is_null() || (*len as usize) < need {
        *len = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    let out = bytes_out(buf as *mut u8, need)?;
    let mut at = array;
    for (i, (n, v)) in strings.iter().enumerate() {
        let base = out.as_mut_ptr();
        out[at..at + n.len()].copy_from_slice(n);
        out[at + n.len()..at + n.len() + v.len()].copy_from_slice(v);
        let hdr = WINHTTP_EXTENDED_HEADER {
            pszName: base.add(at) as *const c_void,
            pszValue: base.add(at + n.len()) as *const c_void,
        };
        (base.add(i * std::mem::size_of::<WINHTTP_EXTENDED_HEADER>()) as *mut WINHTTP_EXTENDED_HEADER)
            .write_unaligned(hdr);
        at += n.len() + v.len();
    }
    *len = need as u32;
    *count_out = pairs.len() as u32;
    write_opt(headers_out, buf as *mut WINHTTP_EXTENDED_HEADER);
    write_opt(index, idx);
    Ok(())
}

/// `WinHttpQueryHeadersEx`: parsed headers into `pBuffer`: an array of `*pdwHeadersCount`
/// `WINHTTP_EXTENDED_HEADER` (`*ppHeaders` points at it) followed by the strings it points to; wide
/// strings, or the bytes as on the wire with `WINHTTP_QUERY_FLAG_WIRE_ENCODING` (`psz*` members).
/// `WINHTTP_QUERY_EX_ALL_HEADERS` = every header; a header level, or `WINHTTP_QUERY_CUSTOM` with
/// `pHeaderName`, = its `*pdwIndex`-th occurrence (the index then moves on). `uiCodePage` is ignored:
/// wide strings are decoded from UTF-8. Returns `ERROR_SUCCESS` (`*pdwBufferLength` = bytes written),
/// `ERROR_INSUFFICIENT_BUFFER` (NULL or small buffer; `*pdwBufferLength` = bytes needed),
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`
/// (no response yet), `ERROR_WINHTTP_HEADER_NOT_FOUND`, `ERROR_INVALID_PARAMETER` (version/status/CRLF
/// levels, NUMBER/SYSTEMTIME forms, `ullFlags` not 0, NULL length or count pointer, CUSTOM without a name).
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryHeadersEx(
    hRequest: HINTERNET,
    dwInfoLevel: DWORD,
    ullFlags: u64,
    uiCodePage: u32,
    pdwIndex: *mut DWORD,
    pHeaderName: *mut c_void,
    pBuffer: *mut c_void,
    pdwBufferLength: *mut DWORD,
    ppHeaders: *mut *mut WINHTTP_EXTENDED_HEADER,
    pdwHeadersCount: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpQueryHeadersEx", || {
        query_headers_ex::<u32>(
            hRequest,
            dwInfoLevel,
            ullFlags,
            uiCodePage,
            pdwIndex,
            pHeaderName,
            pBuffer,
            pdwBufferLength,
            ppHeaders,
            pdwHeadersCount,
        )
    })
}
/// `WinHttpQueryHeadersEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryHeadersEx_w16(
    hRequest: HINTERNET,
    dwInfoLevel: DWORD,
    ullFlags: u64,
    uiCodePage: u32,
    pdwIndex: *mut DWORD,
    pHeaderName: *mut c_void,
    pBuffer: *mut c_void,
    pdwBufferLength: *mut DWORD,
    ppHeaders: *mut *mut WINHTTP_EXTENDED_HEADER,
    pdwHeadersCount: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpQueryHeadersEx_w16", || {
        query_headers_ex::<u16>(
            hRequest,
            dwInfoLevel,
            ullFlags,
            uiCodePage,
            pdwIndex,
            pHeaderName,
            pBuffer,
            pdwBufferLength,
            ppHeaders,
            pdwHeadersCount,
        )
    })
}

unsafe fn query_auth_schemes(
    h: HINTERNET,
    supported: *mut DWORD,
    first: *mut DWORD,
    target: *mut DWORD,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpQueryAuthSchemes({h:?}, {supported:?}, {first:?}, {target:?})");
    let req = api::request(raw(h))?;
    if supported.is_null() || first.is_null() || target.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (s, f, t) = auth::query_schemes(&req)?;
    *supported = s;
    *first = f;
    *target = t;
    Ok(TRUE)
}

/// `WinHttpQueryAuthSchemes`: after a 401 (or 407) response, the `WINHTTP_AUTH_SCHEME_*` bits the
/// server's (or proxy's) challenge offers, the first of them, and `WINHTTP_AUTH_TARGET_SERVER`/`_PROXY`.
/// Every scheme offered is reported, also those this port cannot answer (NTLM, Negotiate, Passport).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (a NULL out-pointer), `ERROR_INVALID_OPERATION` (no response yet, or no challenge); the outputs
/// are untouched on failure.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryAuthSchemes(
    hRequest: HINTERNET,
    lpdwSupportedSchemes: *mut DWORD,
    lpdwFirstScheme: *mut DWORD,
    pdwAuthTarget: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryAuthSchemes", FALSE, || {
        query_auth_schemes(hRequest, lpdwSupportedSchemes, lpdwFirstScheme, pdwAuthTarget)
    })
}
/// `WinHttpQueryAuthSchemes` (same for both widths: no strings).
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryAuthSchemes_w16(
    hRequest: HINTERNET,
    lpdwSupportedSchemes: *mut DWORD,
    lpdwFirstScheme: *mut DWORD,
    pdwAuthTarget: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryAuthSchemes_w16", FALSE, || {
        query_auth_schemes(hRequest, lpdwSupportedSchemes, lpdwFirstScheme, pdwAuthTarget)
    })
}

/// `WinHttpQueryAuthParams`: Microsoft does not document this function (no contract for what
/// `pAuthParams` receives), so it stays unimplemented: FALSE with `ERROR_CALL_NOT_IMPLEMENTED`.
#[no_mangle]
pub extern "C" fn WinHttpQueryAuthParams(
    hRequest: HINTERNET,
    AuthScheme: DWORD,
    pAuthParams: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpQueryAuthParams", FALSE, || {
        tracing::trace!(target: T, "WinHttpQueryAuthParams({hRequest:?}, {AuthScheme:#x}, {pAuthParams:?})");
        not_implemented("WinHttpQueryAuthParams")
    })
}

/// `WinHttpQueryAuthParams` for `-fshort-wchar` callers (undocumented; not implemented).
#[no_mangle]
pub extern "C" fn WinHttpQueryAuthParams_w16(
    hRequest: HINTERNET,
    AuthScheme: DWORD,
    pAuthParams: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpQueryAuthParams_w16", FALSE, || {
        tracing::trace!(target: T, "WinHttpQueryAuthParams({hRequest:?}, {AuthScheme:#x}, {pAuthParams:?})");
        not_implemented("WinHttpQueryAuthParams")
    })
}

unsafe fn set_credentials<U: WideUnit>(
    h: HINTERNET,
    target: DWORD,
    scheme: DWORD,
    user: *const U,
    password: *const U,
    params: LPVOID,
) -> WinResult<BOOL> {
    let (user, password) = (wide_cstr(user), wide_cstr(password));
    tracing::trace!(target: T, "WinHttpSetCredentials({h:?}, {target}, {scheme:#x}, {user:?}, <password>, {params:?})");
    let req = api::request(raw(h))?;
    auth::set_credentials(&req, target, scheme, user, password).map(|_| TRUE)
}

/// `WinHttpSetCredentials`: credentials for the request's next sends to the server
/// (`WINHTTP_AUTH_TARGET_SERVER`) or proxy (`_PROXY`). Basic goes with the next send; Digest answers
/// the last challenge (or the next one, inside `WinHttpReceiveResponse`). They win over the
/// `WINHTTP_OPTION_USERNAME`/`PASSWORD` options. `pAuthParams` is reserved and ignored.
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (unknown target or scheme, Basic/Digest without user name or password), `ERROR_NOT_SUPPORTED`
/// (NTLM, Negotiate, Passport: no Windows security packages on Linux).
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetCredentials(
    hRequest: HINTERNET,
    AuthTargets: DWORD,
    AuthScheme: DWORD,
    pwszUserName: *const WCHAR,
    pwszPassword: *const WCHAR,
    pAuthParams: LPVOID,
) -> BOOL {
    guard_winhttp("WinHttpSetCredentials", FALSE, || {
        set_credentials(hRequest, AuthTargets, AuthScheme, pwszUserName, pwszPassword, pAuthParams)
    })
}
/// `WinHttpSetCredentials` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetCredentials_w16(
    hRequest: HINTERNET,
    AuthTargets: DWORD,
    AuthScheme: DWORD,
    pwszUserName: *const u16,
    pwszPassword: *const u16,
    pAuthParams: LPVOID,
) -> BOOL {
    guard_winhttp("WinHttpSetCredentials_w16", FALSE, || {
        set_credentials(hRequest, AuthTargets, AuthScheme, pwszUserName, pwszPassword, pAuthParams)
    })
}

unsafe fn detect_auto_proxy_config_url(flags: DWORD, out: *mut *mut c_void) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpDetectAutoProxyConfigUrl({flags:#x}, {out:?})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    *out = null_mut();
    proxy::detect_auto_proxy_config_url(flags).map(|_| TRUE)
}

/// `WinHttpDetectAutoProxyConfigUrl`: WPAD discovery. There is no WPAD client here, so a valid call
/// fails with `ERROR_WINHTTP_AUTODETECTION_FAILED` (as on a network without WPAD) and sets
/// `*ppwstrAutoConfigUrl` to NULL. Errors: `ERROR_INVALID_PARAMETER` (NULL out-pointer, flags not a
/// non-empty set of `WINHTTP_AUTO_DETECT_TYPE_DHCP`/`_DNS_A`).
#[no_mangle]
pub unsafe extern "C" fn WinHttpDetectAutoProxyConfigUrl(
    dwAutoDetectFlags: DWORD,
    ppwstrAutoConfigUrl: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpDetectAutoProxyConfigUrl", FALSE, || {
        detect_auto_proxy_config_url(dwAutoDetectFlags, ppwstrAutoConfigUrl)
    })
}
/// `WinHttpDetectAutoProxyConfigUrl` (same for both widths: no string is ever returned).
#[no_mangle]
pub unsafe extern "C" fn WinHttpDetectAutoProxyConfigUrl_w16(
    dwAutoDetectFlags: DWORD,
    ppwstrAutoConfigUrl: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpDetectAutoProxyConfigUrl_w16", FALSE, || {
        detect_auto_proxy_config_url(dwAutoDetectFlags, ppwstrAutoConfigUrl)
    })
}

unsafe fn set_default_proxy<U: WideUnit>(info: *const WINHTTP_PROXY_INFO) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSetDefaultProxyConfiguration({info:?})");
    if info.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let i = info.read_unaligned();
    proxy::set_default_config(
        i.dwAccessType,
        wide_cstr(i.lpszProxy as *const U),
        wide_cstr(i.lpszProxyBypass as *const U),
    )
    .map(|_| TRUE)
}

/// `WinHttpSetDefaultProxyConfiguration`: sets the default proxy that `WinHttpGetDefaultProxyConfiguration`
/// returns and that sessions opened with `WINHTTP_ACCESS_TYPE_DEFAULT_PROXY` use. Windows stores it
/// in the registry for every process; here it lasts for this process. `dwAccessType` must be
/// `WINHTTP_ACCESS_TYPE_NO_PROXY` or `_NAMED_PROXY` (with a proxy name). Errors: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetDefaultProxyConfiguration(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    guard_winhttp("WinHttpSetDefaultProxyConfiguration", FALSE, || set_default_proxy::<u32>(pProxyInfo))
}
/// `WinHttpSetDefaultProxyConfiguration` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetDefaultProxyConfiguration_w16(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    guard_winhttp("WinHttpSetDefaultProxyConfiguration_w16", FALSE, || set_default_proxy::<u16>(pProxyInfo))
}

unsafe fn get_proxy_for_url<U: WideUnit>(
    h: HINTERNET,
    url: *const U,
    opts: *const WINHTTP_AUTOPROXY_OPTIONS,
    info: *mut WINHTTP_PROXY_INFO,
) -> WinResult<BOOL> {
    let url_s = wide_cstr(url);
    tracing::trace!(target: T, "WinHttpGetProxyForUrl({h:?}, {url_s:?}, {opts:?}, {info:?})");
    api::session(raw(h))?;
    let (Some(url), false, false) = (url_s, opts.is_null(), info.is_null()) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    let o = opts.read_unaligned();
    proxy::check_autoproxy_options(
        o.dwFlags,
        o.dwAutoDetectFlags,
        !o.lpszAutoConfigUrl.is_null(),
        !o.lpvReserved.is_null(),
        o.dwReserved,
    )?;
    proxy::get_proxy_for_url(&url, o.dwFlags).map(|_| TRUE)
}

/// `WinHttpGetProxyForUrl`: auto-proxy for a URL. This port has neither WPAD nor a PAC (JavaScript)
/// engine: after the documented argument checks, `WINHTTP_AUTOPROXY_AUTO_DETECT` alone fails with
/// `ERROR_WINHTTP_AUTODETECTION_FAILED` (as on a network without WPAD) and `WINHTTP_AUTOPROXY_CONFIG_URL`
/// with `ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE`; `*pProxyInfo` is untouched. Programs fall back to
/// `WinHttpGetIEProxyConfigForCurrentUser` or direct access, as they do on Windows when these fail.
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (NULL URL/options/info, no detection kind, auto-detect without DHCP/DNS_A, CONFIG_URL without a URL,
/// reserved fields set), `ERROR_WINHTTP_INVALID_URL`, `ERROR_WINHTTP_UNRECOGNIZED_SCHEME`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrl(
    hSession: HINTERNET,
    lpcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pProxyInfo: *mut WINHTTP_PROXY_INFO,
) -> BOOL {
    guard_winhttp("WinHttpGetProxyForUrl", FALSE, || {
        get_proxy_for_url(hSession, lpcwszUrl, pAutoProxyOptions, pProxyInfo)
    })
}
/// `WinHttpGetProxyForUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrl_w16(
    hSession: HINTERNET,
    lpcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pProxyInfo: *mut WINHTTP_PROXY_INFO,
) -> BOOL {
    guard_winhttp("WinHttpGetProxyForUrl_w16", FALSE, || {
        get_proxy_for_url(hSession, lpcwszUrl, pAutoProxyOptions, pProxyInfo)
    })
}

fn reset_auto_proxy(h: HINTERNET, flags: DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpResetAutoProxy({h:?}, {flags:#x})");
    api::session(raw(h))?;
    proxy::reset_auto_proxy(flags)
}

/// `WinHttpResetAutoProxy`: nothing is cached (no WPAD, no PAC scripts), so a valid reset succeeds
/// doing nothing. Returns `ERROR_SUCCESS`, `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// or `ERROR_INVALID_PARAMETER` (unknown flags).
#[no_mangle]
pub extern "C" fn WinHttpResetAutoProxy(hSession: HINTERNET, dwFlags: DWORD) -> DWORD {
    guard_httpapi("WinHttpResetAutoProxy", || reset_auto_proxy(hSession, dwFlags))
}
/// `WinHttpResetAutoProxy` (same for both widths).
#[no_mangle]
pub extern "C" fn WinHttpResetAutoProxy_w16(hSession: HINTERNET, dwFlags: DWORD) -> DWORD {
    guard_httpapi("WinHttpResetAutoProxy_w16", || reset_auto_proxy(hSession, dwFlags))
}

unsafe fn is_host_in_bypass_list<U: WideUnit>(
    info: *const WINHTTP_PROXY_INFO,
    host: *const U,
    scheme: i32,
    port: u16,
    out: *mut BOOL,
) -> WinResult<()> {
    let host_s = wide_cstr(host);
    tracing::trace!(target: T, "WinHttpIsHostInProxyBypassList({info:?}, {host_s:?}, {scheme}, {port}, {out:?})");
    let (Some(host), false, false) = (host_s, info.is_null(), out.is_null()) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    let i = info.read_unaligned();
    let bypass = wide_cstr(i.lpszProxyBypass as *const U);
    *out = proxy::is_host_in_bypass_list(bypass.as_deref(), &host, scheme, port)? as BOOL;
    Ok(())
}

/// `WinHttpIsHostInProxyBypassList`: whether `pwszHost` (with scheme `tScheme` and port `nPort`, 0 =
/// the scheme's default) matches `pProxyInfo->lpszProxyBypass`: `<local>` (names without a dot),
/// `*` wildcards, optional `scheme://` prefix and `:port` suffix. Returns `ERROR_SUCCESS` with
/// `*pfIsInBypassList` set, or `ERROR_INVALID_PARAMETER` (NULL argument, scheme not HTTP/HTTPS).
#[no_mangle]
pub unsafe extern "C" fn WinHttpIsHostInProxyBypassList(
    pProxyInfo: *const WINHTTP_PROXY_INFO,
    pwszHost: *const WCHAR,
    tScheme: i32,
    nPort: u16,
    pfIsInBypassList: *mut BOOL,
) -> DWORD {
    guard_httpapi("WinHttpIsHostInProxyBypassList", || {
        is_host_in_bypass_list(pProxyInfo, pwszHost, tScheme, nPort, pfIsInBypassList)
    })
}
/// `WinHttpIsHostInProxyBypassList` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpIsHostInProxyBypassList_w16(
    pProxyInfo: *const WINHTTP_PROXY_INFO,
    pwszHost: *const u16,
    tScheme: i32,
    nPort: u16,
    pfIsInBypassList: *mut BOOL,
) -> DWORD {
    guard_httpapi("WinHttpIsHostInProxyBypassList_w16", || {
        is_host_in_bypass_list(pProxyInfo, pwszHost, tScheme, nPort, pfIsInBypassList)
    })
}

// ---------------------------------------------------------------------------------------------
// WebSocket (engine: `client/websocket.rs`). These return their error code (NO_ERROR = 0) instead
// of BOOL + last error; in asynchronous sessions NO_ERROR means "started" and the result arrives as
// the operation's completion notification.

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

/// `WinHttpWebSocketCompleteUpgrade` (no strings: same as the UTF-32 export).
#[no_mangle]
pub extern "C" fn WinHttpWebSocketCompleteUpgrade_w16(hRequest: HINTERNET, pContext: usize) -> HINTERNET {
    guard_winhttp("WinHttpWebSocketCompleteUpgrade_w16", null_mut(), || ws_complete_upgrade(hRequest, pContext))
}

unsafe fn ws_send(h: HINTERNET, buffer_type: i32, buf: *mut c_void, len: DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWebSocketSend({h:?}, {buffer_type}, {buf:?}, {len})");
    let ws = websocket::lookup(raw(h))?;
    let buf = CallerBuf::new(buf as *const u8, len as usize)?;
    ws.send(buffer_type as u32, buf).map(|_| ())
}

/// `WinHttpWebSocketSend`: sends `dwBufferLength` bytes as one frame of `eBufferType`
/// (`*_MESSAGE_BUFFER_TYPE` ends the message, `*_FRAGMENT_BUFFER_TYPE` continues it). Returns
/// `NO_ERROR`, or `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (bad type, NULL buffer with a length, a fragment sequence switching
/// between binary and UTF-8), `ERROR_INVALID_OPERATION` (a send or close pending, or our close frame
/// already sent), or the connection's error. Async: WRITE_COMPLETE with `WINHTTP_WEB_SOCKET_STATUS`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketSend(
    hWebSocket: HINTERNET,
    eBufferType: i32,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketSend", || ws_send(hWebSocket, eBufferType, pvBuffer, dwBufferLength))
}

/// `WinHttpWebSocketSend` (no strings: same as the UTF-32 export).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketSend_w16(
    hWebSocket: HINTERNET,
    eBufferType: i32,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketSend_w16", || ws_send(hWebSocket, eBufferType, pvBuffer, dwBufferLength))
}

unsafe fn ws_receive(h: HINTERNET, buf: *mut c_void, len: DWORD, read: *mut DWORD, kind: *mut i32) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWebSocketReceive({h:?}, {buf:?}, {len}, {read:?}, {kind:?})");
    let ws = websocket::lookup(raw(h))?;
    if buf.is_null() || len == 0 || read.is_null() || kind.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let buf = CallerBuf::new(buf as *const u8, len as usize)?;
    // Asynchronous receives leave the out-parameters alone: READ_COMPLETE carries the result.
    if let Some((n, t)) = ws.receive(buf)? {
        write_req(read, n)?;
        write_req(kind, t as i32)?;
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
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketReceive(
    hWebSocket: HINTERNET,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
    pdwBytesRead: *mut DWORD,
    peBufferType: *mut i32,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketReceive", || {
        ws_receive(hWebSocket, pvBuffer, dwBufferLength, pdwBytesRead, peBufferType)
    })
}

/// `WinHttpWebSocketReceive` (no strings: same as the UTF-32 export).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketReceive_w16(
    hWebSocket: HINTERNET,
    pvBuffer: *mut c_void,
    dwBufferLength: DWORD,
    pdwBytesRead: *mut DWORD,
    peBufferType: *mut i32,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketReceive_w16", || {
        ws_receive(hWebSocket, pvBuffer, dwBufferLength, pdwBytesRead, peBufferType)
    })
}

unsafe fn ws_close(h: HINTERNET, status: u16, reason: *mut c_void, len: DWORD, wait: bool) -> WinResult<()> {
    let name = if wait { "WinHttpWebSocketClose" } else { "WinHttpWebSocketShutdown" };
    tracing::trace!(target: T, "{name}({h:?}, {status}, {reason:?}, {len})");
    let ws = websocket::lookup(raw(h))?;
    if len as usize > websocket::WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let reason = bytes_in(reason as *const u8, len as usize)?.to_vec();
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
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketShutdown(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketShutdown", || ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, false))
}

/// `WinHttpWebSocketShutdown` (no strings: same as the UTF-32 export).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketShutdown_w16(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketShutdown_w16", || ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, false))
}

/// `WinHttpWebSocketClose`: sends the close frame (unless Shutdown did), ends a pending receive with
/// `ERROR_WINHTTP_OPERATION_CANCELLED`, and waits (10 s at most) for the peer's close frame. The
/// handle stays open (`WinHttpCloseHandle` closes it). Errors as Shutdown, plus
/// `ERROR_WINHTTP_TIMEOUT`. Async: CLOSE_COMPLETE.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketClose(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketClose", || ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, true))
}

/// `WinHttpWebSocketClose` (no strings: same as the UTF-32 export).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketClose_w16(
    hWebSocket: HINTERNET,
    usStatus: u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketClose_w16", || ws_close(hWebSocket, usStatus, pvReason, dwReasonLength, true))
}

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
        write_req(consumed, text.len() as u32)?;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    bytes_out(reason as *mut u8, text.len())?.copy_from_slice(&text);
    write_req(status, code)?;
    write_req(consumed, text.len() as u32)
}

/// `WinHttpWebSocketQueryCloseStatus`: the close status and reason the peer sent. Returns
/// `NO_ERROR`, `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`,
/// `ERROR_INVALID_PARAMETER` (NULL out-pointers), `ERROR_INVALID_OPERATION` (no close frame received
/// yet; nothing written), `ERROR_INSUFFICIENT_BUFFER` (`*pdwReasonLengthConsumed` = the size needed).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketQueryCloseStatus(
    hWebSocket: HINTERNET,
    pusStatus: *mut u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
    pdwReasonLengthConsumed: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketQueryCloseStatus", || {
        ws_query_close_status(hWebSocket, pusStatus, pvReason, dwReasonLength, pdwReasonLengthConsumed)
    })
}

/// `WinHttpWebSocketQueryCloseStatus` (no strings: same as the UTF-32 export).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWebSocketQueryCloseStatus_w16(
    hWebSocket: HINTERNET,
    pusStatus: *mut u16,
    pvReason: *mut c_void,
    dwReasonLength: DWORD,
    pdwReasonLengthConsumed: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpWebSocketQueryCloseStatus_w16", || {
        ws_query_close_status(hWebSocket, pusStatus, pvReason, dwReasonLength, pdwReasonLengthConsumed)
    })
}
