//! Proxy configuration: default and IE settings, auto-proxy, `WinHttpGetProxyForUrl`, bypass lists
//! (engine: `client::proxy`).
use super::*;
use crate::client::abi::*;
use crate::client::api;
use crate::client::proxy;
use crate::ffi::guard::{guard_httpapi, guard_winhttp};
use crate::ffi::ptr::{alloc_wide, wide_cstr};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::ptr::null_mut;

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
w16_alias!(WinHttpResetAutoProxy);

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
