//! Request and response headers: `WinHttpAddRequestHeaders(Ex)`, `WinHttpQueryHeaders(Ex)`
//! (engine: `client::headers`, `client::query`).
use super::*;
use crate::client::abi::*;
use crate::client::api;
use crate::client::headers;
use crate::client::query::{self, QueryValue};
use crate::ffi::guard::{guard_winhttp, guard_winhttp_code};
use crate::ffi::ptr::{
    bytes_out, narrow_cstr, put_value, put_wide, put_wide_bytes, wide_bytes, wide_cstr, wide_str_len, write_opt,
};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// `headers` is NULL or points to `len` readable units (or a NUL-terminated string when `len` is -1).
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
    // SAFETY: `wide_str_len`: `headers` is NULL or points to `len` readable units (or a NUL-terminated string when
    // `len` is -1).
    let text = unsafe { wide_str_len(headers, len) };
    api::add_request_headers(raw(h), text, modifiers).map(|_| TRUE)
}

/// `WinHttpAddRequestHeaders`: adds header lines (CRLF-separated; length in characters, -1 = NUL-
/// terminated) with `WINHTTP_ADDREQ_FLAG_ADD`, `_ADD_IF_NEW` (`ERROR_WINHTTP_HEADER_ALREADY_EXISTS`),
/// `_REPLACE` (`ERROR_WINHTTP_HEADER_NOT_FOUND`; an empty value removes), `_COALESCE[_WITH_COMMA|
/// _WITH_SEMICOLON]`. A malformed line fails with `ERROR_INVALID_PARAMETER` and adds nothing.
///
/// # Safety
/// `lpszHeaders` is NULL or points to memory valid for what `WinHttpAddRequestHeaders` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeaders(
    hRequest: HINTERNET,
    lpszHeaders: *const WCHAR,
    dwHeadersLength: DWORD,
    dwModifiers: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpAddRequestHeaders", FALSE, || {
        // SAFETY: `add_request_headers`: `lpszHeaders` is NULL or points to `dwHeadersLength` readable units (or a
        // NUL-terminated string when `dwHeadersLength` is -1).
        unsafe { add_request_headers(hRequest, lpszHeaders, dwHeadersLength, dwModifiers) }
    })
}
/// `WinHttpAddRequestHeaders` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpszHeaders` is NULL or points to memory valid for what `WinHttpAddRequestHeaders` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeaders_w16(
    hRequest: HINTERNET,
    lpszHeaders: *const u16,
    dwHeadersLength: DWORD,
    dwModifiers: DWORD,
) -> BOOL {
    guard_winhttp("WinHttpAddRequestHeaders_w16", FALSE, || {
        // SAFETY: `add_request_headers`: `lpszHeaders` is NULL or points to `dwHeadersLength` readable units (or a
        // NUL-terminated string when `dwHeadersLength` is -1).
        unsafe { add_request_headers(hRequest, lpszHeaders, dwHeadersLength, dwModifiers) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpQueryHeaders` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `name` is its `pwszName`,
/// `len` is its `lpdwBufferLength`, `index` is its `lpdwIndex`. In particular: `name` is NULL or points to a readable
/// NUL-terminated array of `U`; `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len` writable
/// bytes; `index` is NULL or points to a writable, aligned `T`.
unsafe fn query_headers<U: WideUnit>(
    h: HINTERNET,
    level: DWORD,
    name: *const U,
    buf: LPVOID,
    len: *mut DWORD,
    index: *mut DWORD,
) -> WinResult<BOOL> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) };
    tracing::trace!(target: T, "WinHttpQueryHeaders({h:?}, {level:#x}, {name:?}, {buf:?})");
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: a non-NULL `lpdwIndex` is the caller's DWORD.
    let mut idx = if index.is_null() { 0 } else { unsafe { *index } };
    let v = api::query_headers(raw(h), level, name.as_deref(), &mut idx)?;
    match v {
        // SAFETY: `put_wide_bytes`: As [`put_value`].
        QueryValue::Text(s) => unsafe { put_wide_bytes::<U>(&s, buf, len) }?,
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        QueryValue::Number(n) => unsafe { put_value(n, buf, len) }?,
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        QueryValue::Number64(n) => unsafe { put_value(n, buf, len) }?,
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        QueryValue::Time(t) => unsafe { put_value(systemtime_of(&t), buf, len) }?,
    }
    // The index moves on only when the value was delivered.
    // SAFETY: `write_opt`: `index` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(index, idx) };
    Ok(TRUE)
}

/// `WinHttpQueryHeaders`: a `WINHTTP_QUERY_*` level (or `_CUSTOM` with `pwszName`) of the response, or
/// of the request with `WINHTTP_QUERY_FLAG_REQUEST_HEADERS`; as text (length in bytes without the
/// NUL), `DWORD` (`_FLAG_NUMBER`), `ULONGLONG` (`_FLAG_NUMBER64`) or `SYSTEMTIME` (`_FLAG_SYSTEMTIME`).
/// `RAW_HEADERS` is NUL-separated lines ending in an empty one, `RAW_HEADERS_CRLF` CRLF-separated.
/// `*lpdwIndex` picks the occurrence and moves to the next. Errors: `ERROR_INSUFFICIENT_BUFFER` (bytes
/// needed in `*lpdwBufferLength`), `ERROR_WINHTTP_HEADER_NOT_FOUND`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no response yet), `ERROR_WINHTTP_INVALID_QUERY_REQUEST`.
///
/// # Safety
/// `pwszName`, `lpdwBufferLength`, `lpdwIndex` are each NULL or point to memory valid for what
/// `WinHttpQueryHeaders` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
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
        // SAFETY: `query_headers`: `pwszName`, `lpdwBufferLength`, `lpdwIndex` are this export's own arguments, passed
        // on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpQueryHeaders` reads
        // or writes through them; in particular `pwszName` is NULL or points to a readable NUL-terminated array of `U`;
        // `lpdwBufferLength` is NULL or points to a writable `u32`; `lpBuffer` is NULL or points to `*len` writable
        // bytes; `lpdwIndex` is NULL or points to a writable, aligned `T`.
        unsafe { query_headers(hRequest, dwInfoLevel, pwszName, lpBuffer, lpdwBufferLength, lpdwIndex) }
    })
}
/// `WinHttpQueryHeaders` for `-fshort-wchar` callers.
///
/// # Safety
/// `pwszName`, `lpdwBufferLength`, `lpdwIndex` are each NULL or point to memory valid for what
/// `WinHttpQueryHeaders` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
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
        // SAFETY: `query_headers`: `pwszName`, `lpdwBufferLength`, `lpdwIndex` are this export's own arguments, passed
        // on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpQueryHeaders` reads
        // or writes through them; in particular `pwszName` is NULL or points to a readable NUL-terminated array of `U`;
        // `lpdwBufferLength` is NULL or points to a writable `u32`; `lpBuffer` is NULL or points to `*len` writable
        // bytes; `lpdwIndex` is NULL or points to a writable, aligned `T`.
        unsafe { query_headers(hRequest, dwInfoLevel, pwszName, lpBuffer, lpdwBufferLength, lpdwIndex) }
    })
}

/// A string of `WINHTTP_EXTENDED_HEADER`/`WINHTTP_HEADER_NAME`: wide of the caller's width, or narrow
/// (UTF-8, the Linux "ANSI" page).
///
/// # Safety
/// `p` is NULL or points to a readable NUL-terminated string: of `U` when `wide`, of bytes otherwise.
unsafe fn ex_string<U: WideUnit>(p: *const c_void, wide: bool) -> Option<String> {
    if wide {
        // SAFETY: `wide_cstr`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { wide_cstr(p as *const U) }
    } else {
        // SAFETY: `narrow_cstr`: `p as *const std::ffi::c_char` is NULL or points to a readable NUL-terminated
        // string.
        unsafe { narrow_cstr(p as *const std::ffi::c_char) }
    }
}

/// # Safety
/// The pointers are the arguments of `WinHttpAddRequestHeadersEx` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `headers` is its
/// `pHeaders`.
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
        // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
        let x = unsafe { headers.add(i).read_unaligned() };
        // SAFETY: `ex_string`: `x.pszName` and `x.pszValue` are each NULL or a readable NUL-terminated string of the
        // width `wide` says (the caller's `WINHTTP_EXTENDED_HEADER` array, this function's `# Safety`).
        let (Some(n), Some(v)) =
            (unsafe { ex_string::<U>(x.pszName, wide) }, unsafe { ex_string::<U>(x.pszValue, wide) })
        else {
            return Err(ERROR_INVALID_PARAMETER);
        };
        pairs.push((n, v));
    }
    // As WinHttpAddRequestHeaders: no modifier given means WINHTTP_ADDREQ_FLAG_ADD.
    let modifiers = if modifiers & 0xFFFF_0000 == 0 { modifiers | WINHTTP_ADDREQ_FLAG_ADD } else { modifiers };
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
///
/// # Safety
/// `pHeaders` is NULL or points to memory valid for what `WinHttpAddRequestHeadersEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeadersEx(
    hRequest: HINTERNET,
    dwModifiers: DWORD,
    ullFlags: u64,
    ullExtra: u64,
    cHeaders: DWORD,
    pHeaders: *mut WINHTTP_EXTENDED_HEADER,
) -> DWORD {
    guard_winhttp_code("WinHttpAddRequestHeadersEx", || {
        // SAFETY: `add_request_headers_ex`: `pHeaders` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `WinHttpAddRequestHeadersEx` reads or writes
        // through it.
        unsafe { add_request_headers_ex::<u32>(hRequest, dwModifiers, ullFlags, ullExtra, cHeaders, pHeaders) }
    })
}
/// `WinHttpAddRequestHeadersEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pHeaders` is NULL or points to memory valid for what `WinHttpAddRequestHeadersEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpAddRequestHeadersEx_w16(
    hRequest: HINTERNET,
    dwModifiers: DWORD,
    ullFlags: u64,
    ullExtra: u64,
    cHeaders: DWORD,
    pHeaders: *mut WINHTTP_EXTENDED_HEADER,
) -> DWORD {
    guard_winhttp_code("WinHttpAddRequestHeadersEx_w16", || {
        // SAFETY: `add_request_headers_ex`: `pHeaders` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `WinHttpAddRequestHeadersEx` reads or writes
        // through it.
        unsafe { add_request_headers_ex::<u16>(hRequest, dwModifiers, ullFlags, ullExtra, cHeaders, pHeaders) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpQueryHeadersEx` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `index` is its
/// `pdwIndex`, `name` is its `pHeaderName`, `buf` is its `pBuffer`, `len` is its `pdwBufferLength`, `headers_out` is
/// its `ppHeaders`, `count_out` is its `pdwHeadersCount`. In particular: `headers_out` is NULL or points to a writable,
/// aligned `T`; `index` is NULL or points to a writable, aligned `T`.
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
    let wide = level & WINHTTP_QUERY_FLAG_WIRE_ENCODING == 0;
    let wanted = if level & 0xFFFF == WINHTTP_QUERY_CUSTOM {
        if name.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // WINHTTP_HEADER_NAME is a union of one pointer.
        // SAFETY: `name` is non-NULL (checked above) and points to the caller's `WINHTTP_HEADER_NAME`, a union of one
        // pointer, readable; `ex_string`: that pointer is NULL or a readable NUL-terminated string of the width `wide`
        // says (this function's `# Safety`).
        unsafe { ex_string::<U>(*(name as *const *const c_void), wide) }
    } else {
        None
    };
    // SAFETY: a non-NULL `lpdwIndex` is the caller's DWORD.
    let mut idx = if index.is_null() { 0 } else { unsafe { *index } };
    let pairs = query::query_ex(&req, level, wanted.as_deref(), &mut idx)?;
    // Layout: the header array first, then each name and value with its NUL.
    // Each string with its NUL, in the caller's WCHAR width or as the bytes on the wire.
    let size = |s: &str| if wide { wide_bytes::<U>(s) } else { wide_bytes::<u8>(s) };
    let put =
        |out: &mut [u8], at: usize, s: &str| if wide { put_wide::<U>(out, at, s) } else { put_wide::<u8>(out, at, s) };
    let array = pairs.len() * std::mem::size_of::<WINHTTP_EXTENDED_HEADER>();
    let need = array + pairs.iter().map(|(n, v)| size(n) + size(v)).sum::<usize>();
    // SAFETY: `len` is non-NULL (checked above) and the caller's DWORD.
    if buf.is_null() || (unsafe { *len } as usize) < need {
        // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
        unsafe { *len = need as u32 };
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `bytes_out`: `buf as *mut u8` is NULL or points to `need` writable bytes, not aliased, valid for `'a`.
    let out = unsafe { bytes_out(buf as *mut u8, need) }?;
    let mut at = array;
    for (i, (n, v)) in pairs.iter().enumerate() {
        let name = put(out, at, n);
        at += size(n);
        let value = put(out, at, v);
        at += size(v);
        let hdr = WINHTTP_EXTENDED_HEADER { pszName: name as *const c_void, pszValue: value as *const c_void };
        let base = out.as_mut_ptr();
        // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
        unsafe {
            (base.add(i * std::mem::size_of::<WINHTTP_EXTENDED_HEADER>()) as *mut WINHTTP_EXTENDED_HEADER)
                .write_unaligned(hdr)
        };
    }
    // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
    unsafe { *len = need as u32 };
    // SAFETY: `count_out` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
    unsafe { *count_out = pairs.len() as u32 };
    // SAFETY: `write_opt`: `headers_out` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(headers_out, buf as *mut WINHTTP_EXTENDED_HEADER) };
    // SAFETY: `write_opt`: `index` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(index, idx) };
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
///
/// # Safety
/// `pdwIndex`, `pHeaderName`, `pBuffer`, `pdwBufferLength`, `ppHeaders`, `pdwHeadersCount` are each NULL or point
/// to memory valid for what `WinHttpQueryHeadersEx` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
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
    guard_winhttp_code("WinHttpQueryHeadersEx", || {
        // SAFETY: `query_headers_ex`: `pdwIndex`, `pHeaderName`, `pBuffer`, `pdwBufferLength`, `ppHeaders`,
        // `pdwHeadersCount` are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or
        // valid for what Windows documents `WinHttpQueryHeadersEx` reads or writes through them; in particular
        // `ppHeaders` is NULL or points to a writable, aligned `T`; `pdwIndex` is NULL or points to a writable, aligned
        // `T`.
        unsafe {
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
        }
    })
}
/// `WinHttpQueryHeadersEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pdwIndex`, `pHeaderName`, `pBuffer`, `pdwBufferLength`, `ppHeaders`, `pdwHeadersCount` are each NULL or point
/// to memory valid for what `WinHttpQueryHeadersEx` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
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
    guard_winhttp_code("WinHttpQueryHeadersEx_w16", || {
        // SAFETY: `query_headers_ex`: `pdwIndex`, `pHeaderName`, `pBuffer`, `pdwBufferLength`, `ppHeaders`,
        // `pdwHeadersCount` are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or
        // valid for what Windows documents `WinHttpQueryHeadersEx` reads or writes through them; in particular
        // `ppHeaders` is NULL or points to a writable, aligned `T`; `pdwIndex` is NULL or points to a writable, aligned
        // `T`.
        unsafe {
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
        }
    })
}
