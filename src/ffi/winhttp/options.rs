//! Options and timeouts: `WinHttpSetOption`, `WinHttpQueryOption`, `WinHttpSetTimeouts`
//! (engine: `client::options`).
use super::*;
use crate::client::abi::*;
use crate::client::api;
use crate::client::link::Schannel;
use crate::client::options::{self, Kind, Value};
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::{alloc_wide, put_value, put_wide_bytes, wide_cstr, wide_str_len};
use crate::ffi::types::*;
use crate::win32::abi::CERT_CONTEXT;
use crate::win32::cert_context::CertRef;
use crate::win32::error::*;
use crate::win32::sockaddr;
use crate::win32::time::filetime_from_value;
use crate::win32::wstr::WideUnit;
use std::mem::size_of;

/// # Safety
/// `buf` is NULL or points to `len` readable bytes laid out as Windows documents for `option` (a DWORD, a string of
/// `U`, a structure whose pointers are valid in turn), for the length of the call.
unsafe fn set_option<U: WideUnit>(h: HINTERNET, option: DWORD, buf: LPVOID, len: DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSetOption({h:?}, {option}, {buf:?}, {len})");
    if option == WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT {
        if buf.is_null() || (len as usize) != std::mem::size_of::<HANDLE>() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
        api::set_unload_event(raw(h), unsafe { (buf as *const usize).read_unaligned() })?;
        return Ok(TRUE);
    }
    let kind = options::kind(option)?;
    if buf.is_null() && len != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let value = match kind {
        // Windows takes a WINHTTP_HTTP2_RECEIVE_WINDOW here ("the initial HTTP/2 stream receive window size and
        // the threshold for sending window updates", option-flags page).
        Kind::Dword
            if option == WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW
                && len as usize == size_of::<WINHTTP_HTTP2_RECEIVE_WINDOW>()
                && !buf.is_null() =>
        {
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            let w = unsafe { (buf as *const WINHTTP_HTTP2_RECEIVE_WINDOW).read_unaligned() };
            Value::ReceiveWindow(w.ulStreamWindow, w.ulStreamWindowUpdateDelta)
        }
        Kind::Dword => {
            if len != 4 || buf.is_null() {
                return Err(options::wrong_dword_size(option, len));
            }
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            Value::Dword(unsafe { (buf as *const u32).read_unaligned() })
        }
        Kind::Usize => {
            if (len as usize) != std::mem::size_of::<usize>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            Value::Usize(unsafe { (buf as *const usize).read_unaligned() })
        }
        // String options give their length in characters.
        // SAFETY: `wide_str_len`: `buf as *const U` is NULL or points to `len` readable units (or a NUL-terminated
        // string when `len` is -1).
        Kind::Str => Value::Str(unsafe { wide_str_len(buf as *const U, len) }.unwrap_or_default()),
        Kind::Flag => Value::Dword(0),
        Kind::Info => return Err(ERROR_WINHTTP_OPTION_NOT_SETTABLE),
        // WinHTTP keeps its own reference to the program's context (Windows duplicates it).
        Kind::CertContext => Value::ClientCert(match buf.is_null() {
            true => None,
            false => Some(CertRef::dup(buf as *const CERT_CONTEXT).ok_or(ERROR_INVALID_PARAMETER)?),
        }),
        Kind::Proxy => {
            if (len as usize) < std::mem::size_of::<WINHTTP_PROXY_INFO>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            let p = unsafe { (buf as *const WINHTTP_PROXY_INFO).read_unaligned() };
            // SAFETY: `wide_cstr`: `p.lpszProxy as *const U` is NULL or points to a readable NUL-terminated array of
            // `U`; `wide_cstr`: `p.lpszProxyBypass as *const U` is NULL or points to a readable NUL-terminated
            // array of `U`.
            Value::Proxy(p.dwAccessType, unsafe { wide_cstr(p.lpszProxy as *const U) }, unsafe {
                wide_cstr(p.lpszProxyBypass as *const U)
            })
        }
        Kind::Version => {
            if (len as usize) < std::mem::size_of::<HTTP_VERSION_INFO>() || buf.is_null() {
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
            let v = unsafe { (buf as *const HTTP_VERSION_INFO).read_unaligned() };
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
///
/// # Safety
/// The arguments are as Windows documents them for `WinHttpSetOption`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetOption(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    dwBufferLength: DWORD,
) -> BOOL {
    // SAFETY: `set_option`: `lpBuffer` is this export's own argument, NULL or valid for `dwBufferLength` bytes of what
    // the option takes (its `# Safety`).
    guard_winhttp("WinHttpSetOption", FALSE, || unsafe {
        set_option::<u32>(hInternet, dwOption, lpBuffer, dwBufferLength)
    })
}
/// `WinHttpSetOption` for `-fshort-wchar` callers.
///
/// # Safety
/// The arguments are as Windows documents them for `WinHttpSetOption`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetOption_w16(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    dwBufferLength: DWORD,
) -> BOOL {
    // SAFETY: `set_option`: `lpBuffer` is this export's own argument, NULL or valid for `dwBufferLength` bytes of what
    // the option takes (its `# Safety`).
    guard_winhttp("WinHttpSetOption_w16", FALSE, || unsafe {
        set_option::<u16>(hInternet, dwOption, lpBuffer, dwBufferLength)
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpQueryOption` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `len` is its
/// `lpdwBufferLength`. In particular: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
/// writable bytes.
unsafe fn query_option<U: WideUnit>(h: HINTERNET, option: DWORD, buf: LPVOID, len: *mut DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpQueryOption({h:?}, {option}, {buf:?})");
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    options::query_kind(option)?;
    let need = options::query_size::<U>(option);
    // SAFETY: `len` is non-NULL (checked above) and the caller's writable DWORD (this function's `# Safety`).
    if need != 0 && (buf.is_null() || (unsafe { *len } as usize) < need) {
        // SAFETY: as above.
        unsafe { *len = need as u32 };
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    match api::query_option(raw(h), option)? {
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        Value::Dword(v) => unsafe { put_value(v, buf, len) }?,
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        Value::Usize(v) => unsafe { put_value(v, buf, len) }?,
        // SAFETY: `put_wide_bytes`: As [`put_value`].
        Value::Str(s) => unsafe { put_wide_bytes::<U>(&s, buf, len) }?,
        Value::Version(a, b) => {
            // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
            // writable bytes.
            unsafe { put_value(HTTP_VERSION_INFO { dwMajorVersion: a, dwMinorVersion: b }, buf, len) }?
        }
        Value::Connection(local, remote) => {
            let info = WINHTTP_CONNECTION_INFO {
                cbSize: size_of::<WINHTTP_CONNECTION_INFO>() as u32,
                LocalAddress: sockaddr::to_storage(&local),
                RemoteAddress: sockaddr::to_storage(&remote),
            };
            // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
            // writable bytes.
            unsafe { put_value(info, buf, len) }?
        }
        // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
        // writable bytes.
        Value::Security(s) => unsafe { put_value(security_info::<U>(s.unwrap_or_default()), buf, len) }?,
        // The size was checked above, so the new context always reaches the caller.
        Value::ServerCert(der) => {
            let ctx = crate::win32::cert_context::create(der)? as usize;
            // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
            // writable bytes.
            unsafe { put_value(ctx, buf, len) }?
        }
        // A value WinHttpSetOption takes; no query gives it.
        Value::ClientCert(_) | Value::ReceiveWindow(..) => return Err(ERROR_INVALID_PARAMETER),
        Value::Certificate(c) => {
            let info = WINHTTP_CERTIFICATE_INFO {
                ftExpiry: filetime_from_value(c.not_after),
                ftStart: filetime_from_value(c.not_before),
                lpszSubjectInfo: alloc_wide::<U>(Some(&c.subject)),
                lpszIssuerInfo: alloc_wide::<U>(Some(&c.issuer)),
                lpszProtocolName: std::ptr::null_mut(),
                lpszSignatureAlgName: std::ptr::null_mut(),
                lpszEncryptionAlgName: std::ptr::null_mut(),
                dwKeySize: c.key_bits,
            };
            // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
            // writable bytes.
            unsafe { put_value(info, buf, len) }?
        }
        Value::Proxy(access, proxy, bypass) => {
            // SAFETY: `len` is non-NULL (checked above) and the caller's DWORD.
            if (unsafe { *len } as usize) < std::mem::size_of::<WINHTTP_PROXY_INFO>() || buf.is_null() {
                // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
                unsafe { *len = std::mem::size_of::<WINHTTP_PROXY_INFO>() as u32 };
                return Err(ERROR_INSUFFICIENT_BUFFER);
            }
            let info = WINHTTP_PROXY_INFO {
                dwAccessType: access,
                lpszProxy: alloc_wide::<U>(proxy.as_deref()),
                lpszProxyBypass: alloc_wide::<U>(bypass.as_deref()),
            };
            // SAFETY: `put_value`: `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len`
            // writable bytes.
            unsafe { put_value(info, buf, len) }?;
        }
    }
    Ok(TRUE)
}

/// `WINHTTP_SECURITY_INFO` in the caller's `WCHAR` width (all zeros before a TLS handshake).
fn security_info<U: WideUnit>(s: Schannel) -> WINHTTP_SECURITY_INFO<U> {
    WINHTTP_SECURITY_INFO {
        ConnectionInfo: SecPkgContext_ConnectionInfo {
            dwProtocol: s.protocol,
            aiCipher: s.cipher_alg,
            dwCipherStrength: s.cipher_bits,
            aiHash: s.hash_alg,
            dwHashStrength: s.hash_bits,
            aiExch: s.exch_alg,
            dwExchStrength: s.exch_bits,
        },
        CipherInfo: s.cipher_info(),
    }
}

/// `WinHttpQueryOption`: reads an option. Too small or NULL buffer: `ERROR_INSUFFICIENT_BUFFER` with
/// the bytes needed; strings come back with their length in bytes without the NUL. The strings of
/// `WINHTTP_OPTION_PROXY` are allocated for the caller (`GlobalFree`).
///
/// # Safety
/// `lpdwBufferLength` is NULL or points to memory valid for what `WinHttpQueryOption` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryOption(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
) -> BOOL {
    // SAFETY: `query_option`: `lpdwBufferLength` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpQueryOption` reads or writes through it; in particular
    // `lpdwBufferLength` is NULL or points to a writable `u32`; `lpBuffer` is NULL or points to `*len` writable bytes.
    guard_winhttp("WinHttpQueryOption", FALSE, || unsafe {
        query_option::<u32>(hInternet, dwOption, lpBuffer, lpdwBufferLength)
    })
}
/// `WinHttpQueryOption` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpdwBufferLength` is NULL or points to memory valid for what `WinHttpQueryOption` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryOption_w16(
    hInternet: HINTERNET,
    dwOption: DWORD,
    lpBuffer: LPVOID,
    lpdwBufferLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryOption_w16", FALSE, || {
        // SAFETY: `query_option`: `lpdwBufferLength` is this export's own argument, passed on unchanged; its `# Safety`
        // makes it NULL or valid for what Windows documents `WinHttpQueryOption` reads or writes through it; in
        // particular `lpdwBufferLength` is NULL or points to a writable `u32`; `lpBuffer` is NULL or points to `*len`
        // writable bytes.
        unsafe { query_option::<u16>(hInternet, dwOption, lpBuffer, lpdwBufferLength) }
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
w16_alias!(WinHttpSetTimeouts);
