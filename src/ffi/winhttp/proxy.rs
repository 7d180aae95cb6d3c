//! Proxy configuration: default and IE settings, auto-proxy, `WinHttpGetProxyForUrl`, bypass lists
//! (engine: `client::proxy`).
use super::*;
use crate::client::abi::*;
use crate::client::api;
use crate::client::proxy;
use crate::ffi::guard::{guard_winhttp, guard_winhttp_code};
use crate::ffi::ptr::{alloc_wide, wide_cstr};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::ptr::null_mut;

/// # Safety
/// The pointers are the arguments of `WinHttpGetDefaultProxyConfiguration` (and of its twins), which its `# Safety`
/// asks the caller to make NULL or valid for what Windows documents the function reads or writes through them: `info`
/// is its `pProxyInfo`.
unsafe fn get_default_proxy<U: WideUnit>(info: *mut WINHTTP_PROXY_INFO) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpGetDefaultProxyConfiguration({info:?})");
    if info.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let cfg = proxy::default_config();
    let value = WINHTTP_PROXY_INFO {
        dwAccessType: cfg.access_type,
        lpszProxy: alloc_wide::<U>(cfg.proxy.as_deref()),
        lpszProxyBypass: alloc_wide::<U>(cfg.bypass.as_deref()),
    };
    // SAFETY: `info` is non-NULL (checked above) and points to the caller's writable structure.
    unsafe { *info = value };
    Ok(TRUE)
}

/// `WinHttpGetDefaultProxyConfiguration`: the process's default proxy (what
/// `WinHttpSetDefaultProxyConfiguration` set), else `WINHTTP_ACCESS_TYPE_NO_PROXY` with NULL strings.
/// The strings are the caller's to free with `GlobalFree`. Errors: `ERROR_INVALID_PARAMETER` (NULL).
///
/// # Safety
/// `pProxyInfo` is NULL or points to memory valid for what `WinHttpGetDefaultProxyConfiguration` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetDefaultProxyConfiguration(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    // SAFETY: `get_default_proxy`: `pProxyInfo` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpGetDefaultProxyConfiguration` reads or writes through
    // it.
    guard_winhttp("WinHttpGetDefaultProxyConfiguration", FALSE, || unsafe { get_default_proxy::<u32>(pProxyInfo) })
}
/// `WinHttpGetDefaultProxyConfiguration` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyInfo` is NULL or points to memory valid for what `WinHttpGetDefaultProxyConfiguration` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetDefaultProxyConfiguration_w16(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    // SAFETY: `get_default_proxy`: `pProxyInfo` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpGetDefaultProxyConfiguration` reads or writes through
    // it.
    guard_winhttp("WinHttpGetDefaultProxyConfiguration_w16", FALSE, || unsafe { get_default_proxy::<u16>(pProxyInfo) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetIEProxyConfigForCurrentUser` (and of its twins), which its `# Safety`
/// asks the caller to make NULL or valid for what Windows documents the function reads or writes through them: `cfg` is
/// its `pProxyConfig`.
unsafe fn get_ie_proxy<U: WideUnit>(cfg: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpGetIEProxyConfigForCurrentUser({cfg:?})");
    if cfg.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (auto, url, proxy_list, bypass) = proxy::user_config(|n| std::env::var(n).ok());
    let value = WINHTTP_CURRENT_USER_IE_PROXY_CONFIG {
        fAutoDetect: auto as BOOL,
        lpszAutoConfigUrl: alloc_wide::<U>(url.as_deref()),
        lpszProxy: alloc_wide::<U>(proxy_list.as_deref()),
        lpszProxyBypass: alloc_wide::<U>(bypass.as_deref()),
    };
    // SAFETY: `cfg` is non-NULL (checked above) and points to the caller's writable structure.
    unsafe { *cfg = value };
    Ok(TRUE)
}

/// `WinHttpGetIEProxyConfigForCurrentUser`: the user's proxy settings. Linux has no Internet Explorer
/// settings; the user's are the `http_proxy`/`https_proxy`/`no_proxy` environment variables (upper
/// case too): `lpszProxy` is `host:port` (both the same) or `http=host:port;https=host:port`,
/// `lpszProxyBypass` the `no_proxy` entries joined by `;` (`.x.com` as `*.x.com`), NULL when unset;
/// no auto-detect, no script URL. Strings are freed with `GlobalFree`. Errors: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `pProxyConfig` is NULL or points to memory valid for what `WinHttpGetIEProxyConfigForCurrentUser` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetIEProxyConfigForCurrentUser(
    pProxyConfig: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG,
) -> BOOL {
    // SAFETY: `get_ie_proxy`: `pProxyConfig` is this export's own argument, passed on unchanged; its `# Safety` makes
    // it NULL or valid for what Windows documents `WinHttpGetIEProxyConfigForCurrentUser` reads or writes through it.
    guard_winhttp("WinHttpGetIEProxyConfigForCurrentUser", FALSE, || unsafe { get_ie_proxy::<u32>(pProxyConfig) })
}
/// `WinHttpGetIEProxyConfigForCurrentUser` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyConfig` is NULL or points to memory valid for what `WinHttpGetIEProxyConfigForCurrentUser` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetIEProxyConfigForCurrentUser_w16(
    pProxyConfig: *mut WINHTTP_CURRENT_USER_IE_PROXY_CONFIG,
) -> BOOL {
    // SAFETY: `get_ie_proxy`: `pProxyConfig` is this export's own argument, passed on unchanged; its `# Safety` makes
    // it NULL or valid for what Windows documents `WinHttpGetIEProxyConfigForCurrentUser` reads or writes through it.
    guard_winhttp("WinHttpGetIEProxyConfigForCurrentUser_w16", FALSE, || unsafe { get_ie_proxy::<u16>(pProxyConfig) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpDetectAutoProxyConfigUrl` (and of its twins), which its `# Safety` asks
/// the caller to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `ppwstrAutoConfigUrl`.
unsafe fn detect_auto_proxy_config_url(flags: DWORD, out: *mut *mut c_void) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpDetectAutoProxyConfigUrl({flags:#x}, {out:?})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = null_mut() };
    proxy::detect_auto_proxy_config_url(flags).map(|_| TRUE)
}

/// `WinHttpDetectAutoProxyConfigUrl`: WPAD discovery. There is no WPAD client here, so a valid call
/// fails with `ERROR_WINHTTP_AUTODETECTION_FAILED` (as on a network without WPAD) and sets
/// `*ppwstrAutoConfigUrl` to NULL. Errors: `ERROR_INVALID_PARAMETER` (NULL out-pointer, flags not a
/// non-empty set of `WINHTTP_AUTO_DETECT_TYPE_DHCP`/`_DNS_A`).
///
/// # Safety
/// `ppwstrAutoConfigUrl` is NULL or points to memory valid for what `WinHttpDetectAutoProxyConfigUrl` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpDetectAutoProxyConfigUrl(
    dwAutoDetectFlags: DWORD,
    ppwstrAutoConfigUrl: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpDetectAutoProxyConfigUrl", FALSE, || {
        // SAFETY: `detect_auto_proxy_config_url`: `ppwstrAutoConfigUrl` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `WinHttpDetectAutoProxyConfigUrl`
        // reads or writes through it.
        unsafe { detect_auto_proxy_config_url(dwAutoDetectFlags, ppwstrAutoConfigUrl) }
    })
}
/// `WinHttpDetectAutoProxyConfigUrl` (same for both widths: no string is ever returned).
///
/// # Safety
/// `ppwstrAutoConfigUrl` is NULL or points to memory valid for what `WinHttpDetectAutoProxyConfigUrl` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpDetectAutoProxyConfigUrl_w16(
    dwAutoDetectFlags: DWORD,
    ppwstrAutoConfigUrl: *mut *mut c_void,
) -> BOOL {
    guard_winhttp("WinHttpDetectAutoProxyConfigUrl_w16", FALSE, || {
        // SAFETY: `detect_auto_proxy_config_url`: `ppwstrAutoConfigUrl` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `WinHttpDetectAutoProxyConfigUrl`
        // reads or writes through it.
        unsafe { detect_auto_proxy_config_url(dwAutoDetectFlags, ppwstrAutoConfigUrl) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpSetDefaultProxyConfiguration` (and of its twins), which its `# Safety`
/// asks the caller to make NULL or valid for what Windows documents the function reads or writes through them: `info`
/// is its `pProxyInfo`.
unsafe fn set_default_proxy<U: WideUnit>(info: *const WINHTTP_PROXY_INFO) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpSetDefaultProxyConfiguration({info:?})");
    if info.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let i = unsafe { info.read_unaligned() };
    proxy::set_default_config(
        i.dwAccessType,
        // SAFETY: `wide_cstr`: `i.lpszProxy as *const U` is NULL or points to a readable NUL-terminated array of
        // `U`.
        unsafe { wide_cstr(i.lpszProxy as *const U) },
        // SAFETY: `wide_cstr`: `i.lpszProxyBypass as *const U` is NULL or points to a readable NUL-terminated array
        // of `U`.
        unsafe { wide_cstr(i.lpszProxyBypass as *const U) },
    )
    .map(|_| TRUE)
}

/// `WinHttpSetDefaultProxyConfiguration`: sets the default proxy that `WinHttpGetDefaultProxyConfiguration`
/// returns and that sessions opened with `WINHTTP_ACCESS_TYPE_DEFAULT_PROXY` use. Windows stores it
/// in the registry for every process; here it lasts for this process. `dwAccessType` must be
/// `WINHTTP_ACCESS_TYPE_NO_PROXY` or `_NAMED_PROXY` (with a proxy name). Errors: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `pProxyInfo` is NULL or points to memory valid for what `WinHttpSetDefaultProxyConfiguration` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetDefaultProxyConfiguration(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    // SAFETY: `set_default_proxy`: `pProxyInfo` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpSetDefaultProxyConfiguration` reads or writes through
    // it.
    guard_winhttp("WinHttpSetDefaultProxyConfiguration", FALSE, || unsafe { set_default_proxy::<u32>(pProxyInfo) })
}
/// `WinHttpSetDefaultProxyConfiguration` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyInfo` is NULL or points to memory valid for what `WinHttpSetDefaultProxyConfiguration` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpSetDefaultProxyConfiguration_w16(pProxyInfo: *mut WINHTTP_PROXY_INFO) -> BOOL {
    // SAFETY: `set_default_proxy`: `pProxyInfo` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpSetDefaultProxyConfiguration` reads or writes through
    // it.
    guard_winhttp("WinHttpSetDefaultProxyConfiguration_w16", FALSE, || unsafe { set_default_proxy::<u16>(pProxyInfo) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxyForUrl` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `url` is its
/// `lpcwszUrl`, `opts` is its `pAutoProxyOptions`, `info` is its `pProxyInfo`. In particular: `url` is NULL or points
/// to a readable NUL-terminated array of `U`.
unsafe fn get_proxy_for_url<U: WideUnit>(
    h: HINTERNET,
    url: *const U,
    opts: *const WINHTTP_AUTOPROXY_OPTIONS,
    info: *mut WINHTTP_PROXY_INFO,
) -> WinResult<BOOL> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url_s = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "WinHttpGetProxyForUrl({h:?}, {url_s:?}, {opts:?}, {info:?})");
    api::session(raw(h))?;
    let (Some(url), false, false) = (url_s, opts.is_null(), info.is_null()) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let o = unsafe { opts.read_unaligned() };
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
///
/// # Safety
/// `lpcwszUrl`, `pAutoProxyOptions`, `pProxyInfo` are each NULL or point to memory valid for what
/// `WinHttpGetProxyForUrl` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrl(
    hSession: HINTERNET,
    lpcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pProxyInfo: *mut WINHTTP_PROXY_INFO,
) -> BOOL {
    guard_winhttp("WinHttpGetProxyForUrl", FALSE, || {
        // SAFETY: `get_proxy_for_url`: `lpcwszUrl`, `pAutoProxyOptions`, `pProxyInfo` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpGetProxyForUrl` reads or writes through them; in particular `lpcwszUrl` is NULL or points to a
        // readable NUL-terminated array of `U`.
        unsafe { get_proxy_for_url(hSession, lpcwszUrl, pAutoProxyOptions, pProxyInfo) }
    })
}
/// `WinHttpGetProxyForUrl` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpcwszUrl`, `pAutoProxyOptions`, `pProxyInfo` are each NULL or point to memory valid for what
/// `WinHttpGetProxyForUrl` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrl_w16(
    hSession: HINTERNET,
    lpcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pProxyInfo: *mut WINHTTP_PROXY_INFO,
) -> BOOL {
    guard_winhttp("WinHttpGetProxyForUrl_w16", FALSE, || {
        // SAFETY: `get_proxy_for_url`: `lpcwszUrl`, `pAutoProxyOptions`, `pProxyInfo` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpGetProxyForUrl` reads or writes through them; in particular `lpcwszUrl` is NULL or points to a
        // readable NUL-terminated array of `U`.
        unsafe { get_proxy_for_url(hSession, lpcwszUrl, pAutoProxyOptions, pProxyInfo) }
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
    guard_winhttp_code("WinHttpResetAutoProxy", || reset_auto_proxy(hSession, dwFlags))
}
w16_alias!(WinHttpResetAutoProxy);

/// # Safety
/// The pointers are the arguments of `WinHttpIsHostInProxyBypassList` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `pProxyInfo`, `host` is its `pwszHost`, `out` is its `pfIsInBypassList`. In particular: `host` is NULL or points to
/// a readable NUL-terminated array of `U`.
unsafe fn is_host_in_bypass_list<U: WideUnit>(
    info: *const WINHTTP_PROXY_INFO,
    host: *const U,
    scheme: i32,
    port: u16,
    out: *mut BOOL,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `host` is NULL or points to a readable NUL-terminated array of `U`.
    let host_s = unsafe { wide_cstr(host) };
    tracing::trace!(target: T, "WinHttpIsHostInProxyBypassList({info:?}, {host_s:?}, {scheme}, {port}, {out:?})");
    let (Some(host), false, false) = (host_s, info.is_null(), out.is_null()) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let i = unsafe { info.read_unaligned() };
    // SAFETY: `wide_cstr`: `i.lpszProxyBypass as *const U` is NULL or points to a readable NUL-terminated array of
    // `U`.
    let bypass = unsafe { wide_cstr(i.lpszProxyBypass as *const U) };
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = proxy::is_host_in_bypass_list(bypass.as_deref(), &host, scheme, port)? as BOOL };
    Ok(())
}

/// `WinHttpIsHostInProxyBypassList`: whether `pwszHost` (with scheme `tScheme` and port `nPort`, 0 =
/// the scheme's default) matches `pProxyInfo->lpszProxyBypass`: `<local>` (names without a dot),
/// `*` wildcards, optional `scheme://` prefix and `:port` suffix. Returns `ERROR_SUCCESS` with
/// `*pfIsInBypassList` set, or `ERROR_INVALID_PARAMETER` (NULL argument, scheme not HTTP/HTTPS).
///
/// # Safety
/// `pProxyInfo`, `pwszHost`, `pfIsInBypassList` are each NULL or point to memory valid for what
/// `WinHttpIsHostInProxyBypassList` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpIsHostInProxyBypassList(
    pProxyInfo: *const WINHTTP_PROXY_INFO,
    pwszHost: *const WCHAR,
    tScheme: i32,
    nPort: u16,
    pfIsInBypassList: *mut BOOL,
) -> DWORD {
    guard_winhttp_code("WinHttpIsHostInProxyBypassList", || {
        // SAFETY: `is_host_in_bypass_list`: `pProxyInfo`, `pwszHost`, `pfIsInBypassList` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpIsHostInProxyBypassList` reads or writes through them; in particular `pwszHost` is NULL or points to
        // a readable NUL-terminated array of `U`.
        unsafe { is_host_in_bypass_list(pProxyInfo, pwszHost, tScheme, nPort, pfIsInBypassList) }
    })
}
/// `WinHttpIsHostInProxyBypassList` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyInfo`, `pwszHost`, `pfIsInBypassList` are each NULL or point to memory valid for what
/// `WinHttpIsHostInProxyBypassList` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpIsHostInProxyBypassList_w16(
    pProxyInfo: *const WINHTTP_PROXY_INFO,
    pwszHost: *const u16,
    tScheme: i32,
    nPort: u16,
    pfIsInBypassList: *mut BOOL,
) -> DWORD {
    guard_winhttp_code("WinHttpIsHostInProxyBypassList_w16", || {
        // SAFETY: `is_host_in_bypass_list`: `pProxyInfo`, `pwszHost`, `pfIsInBypassList` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpIsHostInProxyBypassList` reads or writes through them; in particular `pwszHost` is NULL or points to
        // a readable NUL-terminated array of `U`.
        unsafe { is_host_in_bypass_list(pProxyInfo, pwszHost, tScheme, nPort, pfIsInBypassList) }
    })
}
