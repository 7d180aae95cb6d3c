//! Authentication: `WinHttpQueryAuthSchemes`, `WinHttpQueryAuthParams`, `WinHttpSetCredentials`
//! (engine: `client::auth`).
use super::*;
use crate::client::api;
use crate::client::auth;
use crate::ffi::guard::{guard_winhttp, not_implemented};
use crate::ffi::ptr::wide_cstr;
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `WinHttpQueryAuthSchemes` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `supported` is its
/// `lpdwSupportedSchemes`, `first` is its `lpdwFirstScheme`, `target` is its `pdwAuthTarget`.
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
    // SAFETY: `supported` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
    // function's `# Safety`)
    unsafe { *supported = s };
    // SAFETY: `first` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *first = f };
    // SAFETY: `target` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *target = t };
    Ok(TRUE)
}

/// `WinHttpQueryAuthSchemes`: after a 401 (or 407) response, the `WINHTTP_AUTH_SCHEME_*` bits the
/// server's (or proxy's) challenge offers, the first of them, and `WINHTTP_AUTH_TARGET_SERVER`/`_PROXY`.
/// Every scheme offered is reported, also those this port cannot answer (NTLM, Negotiate, Passport).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (a NULL out-pointer), `ERROR_INVALID_OPERATION` (no response yet, or no challenge); the outputs
/// are untouched on failure.
///
/// # Safety
/// `lpdwSupportedSchemes`, `lpdwFirstScheme`, `pdwAuthTarget` are each NULL or point to memory valid for what
/// `WinHttpQueryAuthSchemes` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryAuthSchemes(
    hRequest: HINTERNET,
    lpdwSupportedSchemes: *mut DWORD,
    lpdwFirstScheme: *mut DWORD,
    pdwAuthTarget: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpQueryAuthSchemes", FALSE, || {
        // SAFETY: `query_auth_schemes`: `lpdwSupportedSchemes`, `lpdwFirstScheme`, `pdwAuthTarget` are this export's
        // own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpQueryAuthSchemes` reads or writes through them.
        unsafe { query_auth_schemes(hRequest, lpdwSupportedSchemes, lpdwFirstScheme, pdwAuthTarget) }
    })
}
w16_alias!(WinHttpQueryAuthSchemes);

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
w16_alias!(WinHttpQueryAuthParams);

/// # Safety
/// The pointers are the arguments of `WinHttpSetCredentials` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `user` is its
/// `pwszUserName`, `password` is its `pwszPassword`. In particular: `user` is NULL or points to a readable
/// NUL-terminated array of `U`.
unsafe fn set_credentials<U: WideUnit>(
    h: HINTERNET,
    target: DWORD,
    scheme: DWORD,
    user: *const U,
    password: *const U,
    params: LPVOID,
) -> WinResult<BOOL> {
    // SAFETY: `wide_cstr`: `user` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`:
    // `password` is NULL or points to a readable NUL-terminated array of `U`.
    let (user, password) = (unsafe { wide_cstr(user) }, unsafe { wide_cstr(password) });
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
///
/// # Safety
/// `pwszUserName`, `pwszPassword` are each NULL or point to memory valid for what `WinHttpSetCredentials` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
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
        // SAFETY: `set_credentials`: `pwszUserName`, `pwszPassword` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpSetCredentials` reads
        // or writes through them; in particular `pwszUserName` is NULL or points to a readable NUL-terminated array of
        // `U`.
        unsafe { set_credentials(hRequest, AuthTargets, AuthScheme, pwszUserName, pwszPassword, pAuthParams) }
    })
}
/// `WinHttpSetCredentials` for `-fshort-wchar` callers.
///
/// # Safety
/// `pwszUserName`, `pwszPassword` are each NULL or point to memory valid for what `WinHttpSetCredentials` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
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
        // SAFETY: `set_credentials`: `pwszUserName`, `pwszPassword` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpSetCredentials` reads
        // or writes through them; in particular `pwszUserName` is NULL or points to a readable NUL-terminated array of
        // `U`.
        unsafe { set_credentials(hRequest, AuthTargets, AuthScheme, pwszUserName, pwszPassword, pAuthParams) }
    })
}
