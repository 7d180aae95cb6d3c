//! Handles: `WinHttpOpen`, `WinHttpConnect`, `WinHttpOpenRequest`, `WinHttpCloseHandle`,
//! `WinHttpCheckPlatform` (engine: `client::api`).
use super::*;
use crate::client::api;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::wide_cstr;
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ptr::null_mut;

/// # Safety
/// The pointers are the arguments of `WinHttpOpen` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `agent` is its `pszAgentW`,
/// `proxy` is its `pszProxyW`, `bypass` is its `pszProxyBypassW`. In particular: `agent` is NULL or points to a
/// readable NUL-terminated array of `U`.
unsafe fn open<U: WideUnit>(
    agent: *const U,
    access: DWORD,
    proxy: *const U,
    bypass: *const U,
    flags: DWORD,
) -> WinResult<HINTERNET> {
    // SAFETY: `wide_cstr`: `agent` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`:
    // `proxy` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`: `bypass` is NULL or points
    // to a readable NUL-terminated array of `U`.
    let (agent, proxy, bypass) =
        (unsafe { wide_cstr(agent) }, unsafe { wide_cstr(proxy) }, unsafe { wide_cstr(bypass) });
    tracing::trace!(target: T, "WinHttpOpen({agent:?}, {access}, {proxy:?}, {bypass:?}, {flags:#x})");
    api::open_session(agent, access, proxy, bypass, flags).map(to_handle)
}

/// `WinHttpOpen`: a session handle. `dwAccessType` NO_PROXY, DEFAULT_PROXY and AUTOMATIC_PROXY go
/// direct (Linux has no WinHTTP proxy store); NAMED_PROXY needs `pszProxyW` (`ERROR_INVALID_PARAMETER`
/// otherwise) and sends http requests to it in absolute form. `WINHTTP_FLAG_ASYNC` is recorded; the
/// asynchronous completions are issue 6. NULL + last error on failure.
///
/// # Safety
/// `pszAgentW`, `pszProxyW`, `pszProxyBypassW` are each NULL or point to memory valid for what `WinHttpOpen` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpen(
    pszAgentW: *const WCHAR,
    dwAccessType: DWORD,
    pszProxyW: *const WCHAR,
    pszProxyBypassW: *const WCHAR,
    dwFlags: DWORD,
) -> HINTERNET {
    // SAFETY: `open`: `pszAgentW`, `pszProxyW`, `pszProxyBypassW` are this export's own arguments, passed on unchanged;
    // its `# Safety` makes them NULL or valid for what Windows documents `WinHttpOpen` reads or writes through them; in
    // particular `pszAgentW` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpOpen", null_mut(), || unsafe {
        open(pszAgentW, dwAccessType, pszProxyW, pszProxyBypassW, dwFlags)
    })
}
/// `WinHttpOpen` for `-fshort-wchar` callers.
///
/// # Safety
/// `pszAgentW`, `pszProxyW`, `pszProxyBypassW` are each NULL or point to memory valid for what `WinHttpOpen` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpOpen_w16(
    pszAgentW: *const u16,
    dwAccessType: DWORD,
    pszProxyW: *const u16,
    pszProxyBypassW: *const u16,
    dwFlags: DWORD,
) -> HINTERNET {
    // SAFETY: `open`: `pszAgentW`, `pszProxyW`, `pszProxyBypassW` are this export's own arguments, passed on unchanged;
    // its `# Safety` makes them NULL or valid for what Windows documents `WinHttpOpen` reads or writes through them; in
    // particular `pszAgentW` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpOpen_w16", null_mut(), || unsafe {
        open(pszAgentW, dwAccessType, pszProxyW, pszProxyBypassW, dwFlags)
    })
}

/// # Safety
/// `server` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn connect<U: WideUnit>(h: HINTERNET, server: *const U, port: u16, reserved: DWORD) -> WinResult<HINTERNET> {
    // SAFETY: `wide_cstr`: `server` is NULL or points to a readable NUL-terminated array of `U`.
    let server = unsafe { wide_cstr(server) };
    tracing::trace!(target: T, "WinHttpConnect({h:?}, {server:?}, {port}, {reserved})");
    api::connect(raw(h), server, port).map(to_handle)
}

/// `WinHttpConnect`: a connect handle for `pswzServerName:nServerPort` (0 = 80 or 443 by the request's
/// scheme). No connection is made yet. Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL server).
///
/// # Safety
/// `pswzServerName` is NULL or points to memory valid for what `WinHttpConnect` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpConnect(
    hSession: HINTERNET,
    pswzServerName: *const WCHAR,
    nServerPort: u16,
    dwReserved: DWORD,
) -> HINTERNET {
    // SAFETY: `connect`: `pswzServerName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpConnect", null_mut(), || unsafe {
        connect(hSession, pswzServerName, nServerPort, dwReserved)
    })
}
/// `WinHttpConnect` for `-fshort-wchar` callers.
///
/// # Safety
/// `pswzServerName` is NULL or points to memory valid for what `WinHttpConnect` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpConnect_w16(
    hSession: HINTERNET,
    pswzServerName: *const u16,
    nServerPort: u16,
    dwReserved: DWORD,
) -> HINTERNET {
    // SAFETY: `connect`: `pswzServerName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp("WinHttpConnect_w16", null_mut(), || unsafe {
        connect(hSession, pswzServerName, nServerPort, dwReserved)
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpOpenRequest` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `verb` is its `pwszVerb`,
/// `object` is its `pwszObjectName`, `version` is its `pwszVersion`, `referrer` is its `pwszReferrer`, `accept` is its
/// `ppwszAcceptTypes`. In particular: `verb` is NULL or points to a readable NUL-terminated array of `U`; `accept` is
/// the caller's NULL-terminated array of string pointers (WinHttpOpenRequest's contract).
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
        // SAFETY: `wide_cstr`: `verb` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`:
        // `object` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`: `version` is NULL or
        // points to a readable NUL-terminated array of `U`; `wide_cstr`: `referrer` is NULL or points to a readable
        // NUL-terminated array of `U`.
        (unsafe { wide_cstr(verb) }, unsafe { wide_cstr(object) }, unsafe { wide_cstr(version) }, unsafe { wide_cstr(referrer) });
    let mut accept_types = Vec::new();
    if !accept.is_null() {
        // A NULL-terminated array of strings (WINHTTP_DEFAULT_ACCEPT_TYPES is NULL itself).
        let mut i = 0;
        // SAFETY: `accept` is the caller's NULL-terminated array of string pointers (WinHttpOpenRequest's contract).
        while i < 256 && !unsafe { *accept.add(i) }.is_null() {
            // SAFETY: `wide_cstr`: `*accept.add(i)` is NULL or points to a readable NUL-terminated array of `U`.
            accept_types.extend(unsafe { wide_cstr(*accept.add(i)) });
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
///
/// # Safety
/// `pwszVerb`, `pwszObjectName`, `pwszVersion`, `pwszReferrer`, `ppwszAcceptTypes` are each NULL or point to memory
/// valid for what `WinHttpOpenRequest` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call.
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
        // SAFETY: `open_request`: `pwszVerb`, `pwszObjectName`, `pwszVersion`, `pwszReferrer`, `ppwszAcceptTypes` are
        // this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `WinHttpOpenRequest` reads or writes through them; in particular `pwszVerb` is NULL or points to a
        // readable NUL-terminated array of `U`; `ppwszAcceptTypes` is the caller's NULL-terminated array of string
        // pointers (WinHttpOpenRequest's contract).
        unsafe {
            open_request(hConnect, pwszVerb, pwszObjectName, pwszVersion, pwszReferrer, ppwszAcceptTypes, dwFlags)
        }
    })
}
/// `WinHttpOpenRequest` for `-fshort-wchar` callers.
///
/// # Safety
/// `pwszVerb`, `pwszObjectName`, `pwszVersion`, `pwszReferrer`, `ppwszAcceptTypes` are each NULL or point to memory
/// valid for what `WinHttpOpenRequest` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call.
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
        // SAFETY: `open_request`: `pwszVerb`, `pwszObjectName`, `pwszVersion`, `pwszReferrer`, `ppwszAcceptTypes` are
        // this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `WinHttpOpenRequest` reads or writes through them; in particular `pwszVerb` is NULL or points to a
        // readable NUL-terminated array of `U`; `ppwszAcceptTypes` is the caller's NULL-terminated array of string
        // pointers (WinHttpOpenRequest's contract).
        unsafe {
            open_request(hConnect, pwszVerb, pwszObjectName, pwszVersion, pwszReferrer, ppwszAcceptTypes, dwFlags)
        }
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
w16_alias!(WinHttpCloseHandle);

/// `WinHttpCheckPlatform`: TRUE (this platform supports WinHTTP).
#[no_mangle]
pub extern "C" fn WinHttpCheckPlatform() -> BOOL {
    guard_winhttp("WinHttpCheckPlatform", FALSE, || {
        tracing::trace!(target: T, "WinHttpCheckPlatform()");
        Ok(TRUE)
    })
}
w16_alias!(WinHttpCheckPlatform);
