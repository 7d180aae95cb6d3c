//! Exports of `winhttp.h`'s proxy resolver, proxy settings store and proxy change notification
//! functions. Same rules as `winhttp.rs`: each export checks and converts its arguments, then calls
//! the engine (`client::resolver`, `client::proxy`); wide-string logic is generic over [`WideUnit`]
//! and exported twice (`Name`, `Name_w16`).
#![allow(non_snake_case)]
use super::guard::{guard_httpapi, guard_infallible};
use super::ptr::{free_wide, leak_array, leak_wide, take_array, wide_cstr, write_opt};
use super::types::*;
use super::winhttp_types::WINHTTP_AUTOPROXY_OPTIONS;
use crate::client::api;
use crate::client::proxy::{self, StoredSettings};
use crate::client::resolver::{self, AutoProxyOptions, ProxyEntry};
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::mem::{offset_of, size_of};
use std::ptr::null_mut;

const T: &str = "winhttpapi::winhttp";

/// `WINHTTP_PROXY_RESULT_ENTRY`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_RESULT_ENTRY {
    pub fProxy: BOOL,
    pub fBypass: BOOL,
    pub ProxyScheme: i32,
    pub pwszProxy: *mut c_void,
    pub ProxyPort: u16,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT_ENTRY>() == 32);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_ENTRY, pwszProxy) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_ENTRY, ProxyPort) == 24);

/// `WINHTTP_PROXY_RESULT`.
#[repr(C)]
pub struct WINHTTP_PROXY_RESULT {
    pub cEntries: DWORD,
    pub pEntries: *mut WINHTTP_PROXY_RESULT_ENTRY,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT>() == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT, pEntries) == 8);

/// `WINHTTP_PROXY_RESULT_EX`.
#[repr(C)]
pub struct WINHTTP_PROXY_RESULT_EX {
    pub cEntries: DWORD,
    pub pEntries: *mut WINHTTP_PROXY_RESULT_ENTRY,
    pub hProxyDetectionHandle: HANDLE,
    pub dwProxyInterfaceAffinity: DWORD,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT_EX>() == 32);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_EX, hProxyDetectionHandle) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_EX, dwProxyInterfaceAffinity) == 24);

/// `WINHTTP_PROXY_SETTINGS`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_SETTINGS {
    pub dwStructSize: DWORD,
    pub dwFlags: DWORD,
    pub dwCurrentSettingsVersion: DWORD,
    pub pwszConnectionName: *mut c_void,
    pub pwszProxy: *mut c_void,
    pub pwszProxyBypass: *mut c_void,
    pub pwszAutoconfigUrl: *mut c_void,
    pub pwszAutoconfigSecondaryUrl: *mut c_void,
    pub dwAutoDiscoveryFlags: DWORD,
    pub pwszLastKnownGoodAutoConfigUrl: *mut c_void,
    pub dwAutoconfigReloadDelayMins: DWORD,
    pub ftLastKnownDetectTime: [DWORD; 2],
    pub dwDetectedInterfaceIpCount: DWORD,
    pub pdwDetectedInterfaceIp: *mut DWORD,
    pub cNetworkKeys: DWORD,
    pub pNetworkKeys: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS>() == 112);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pwszConnectionName) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, dwAutoDiscoveryFlags) == 56);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, ftLastKnownDetectTime) == 76);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pdwDetectedInterfaceIp) == 88);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pNetworkKeys) == 104);

const INTERNET_SCHEME_HTTP: i32 = 1;

// ---------------------------------------------------------------------------------------------
// Resolver

unsafe fn create_proxy_resolver(h: HINTERNET, out: *mut HINTERNET) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpCreateProxyResolver({h:?}, {out:?})");
    let r = resolver::create(raw(h))?;
    if out.is_null() {
        let _ = resolver::close(r);
        return Err(ERROR_INVALID_PARAMETER);
    }
    *out = r as HINTERNET;
    Ok(())
}

/// `WinHttpCreateProxyResolver`: a resolver handle for `WinHttpGetProxyForUrlEx`, closed with
/// `WinHttpCloseHandle`; it copies the session's status callback. Returns `ERROR_SUCCESS`,
/// `ERROR_INVALID_HANDLE` (NULL/closed session), `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a session,
/// or a session opened without `WINHTTP_FLAG_ASYNC`), `ERROR_INVALID_PARAMETER` (NULL `phResolver`).
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateProxyResolver(hSession: HINTERNET, phResolver: *mut HINTERNET) -> DWORD {
    guard_httpapi("WinHttpCreateProxyResolver", || create_proxy_resolver(hSession, phResolver))
}
/// `WinHttpCreateProxyResolver` (same for both widths).
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateProxyResolver_w16(hSession: HINTERNET, phResolver: *mut HINTERNET) -> DWORD {
    guard_httpapi("WinHttpCreateProxyResolver_w16", || create_proxy_resolver(hSession, phResolver))
}

unsafe fn get_proxy_for_url_ex<U: WideUnit>(
    h: HINTERNET,
    url: *const U,
    opts: *const WINHTTP_AUTOPROXY_OPTIONS,
    context: usize,
) -> WinResult<()> {
    let url_s = wide_cstr(url);
    tracing::trace!(target: T, "WinHttpGetProxyForUrlEx({h:?}, {url_s:?}, {opts:?}, {context:#x})");
    let o = (!opts.is_null()).then(|| {
        let o = opts.read_unaligned();
        AutoProxyOptions {
            flags: o.dwFlags,
            detect_flags: o.dwAutoDetectFlags,
            config_url: wide_cstr(o.lpszAutoConfigUrl as *const U),
            reserved_ptr: !o.lpvReserved.is_null(),
            reserved: o.dwReserved,
        }
    });
    resolver::get_proxy_for_url(raw(h), url_s, o, context)
}

/// `WinHttpGetProxyForUrlEx`: starts resolving the proxy for `pcwszUrl`; returns `ERROR_IO_PENDING`
/// and completes through the resolver's status callback: `WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE`
/// (then `WinHttpGetProxyResult`) or `WINHTTP_CALLBACK_STATUS_REQUEST_ERROR` with
/// `API_GET_PROXY_FOR_URL` and `ERROR_WINHTTP_AUTODETECTION_FAILED` (auto-detect: no WPAD here),
/// `ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT` (PAC URL: no script engine here) or
/// `ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR`. With `WINHTTP_AUTOPROXY_ALLOW_STATIC` the static settings
/// answer instead (environment variables, else the process default, else direct).
/// Synchronous errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a resolver),
/// `ERROR_INVALID_PARAMETER` (NULL URL/options, no method flag, auto-detect without DHCP/DNS_A,
/// CONFIG_URL without a URL, reserved fields set), `ERROR_WINHTTP_INVALID_URL`,
/// `ERROR_WINHTTP_UNRECOGNIZED_SCHEME`, `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (one already pending).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx(
    hResolver: HINTERNET,
    pcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyForUrlEx", || get_proxy_for_url_ex(hResolver, pcwszUrl, pAutoProxyOptions, pContext))
}
/// `WinHttpGetProxyForUrlEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx_w16(
    hResolver: HINTERNET,
    pcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyForUrlEx_w16", || {
        get_proxy_for_url_ex(hResolver, pcwszUrl, pAutoProxyOptions, pContext)
    })
}

unsafe fn get_proxy_for_url_ex2<U: WideUnit>(
    h: HINTERNET,
    url: *const U,
    opts: *const WINHTTP_AUTOPROXY_OPTIONS,
    cb: DWORD,
    ctx: *mut u8,
    context: usize,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxyForUrlEx2({h:?}, {cb}, {ctx:?})");
    // The interface selection context is opaque data for Windows' network-interface choice; Linux
    // routes by its own tables, so it is only checked for consistency.
    if (cb != 0) == ctx.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    get_proxy_for_url_ex(h, url, opts, context)
}

/// `WinHttpGetProxyForUrlEx2`: `WinHttpGetProxyForUrlEx` with an interface selection context
/// (`cbInterfaceSelectionContext` bytes at `pInterfaceSelectionContext`: both zero/NULL or both set,
/// else `ERROR_INVALID_PARAMETER`; the context does not change the answer on Linux).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx2(
    hResolver: HINTERNET,
    pcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    cbInterfaceSelectionContext: DWORD,
    pInterfaceSelectionContext: *mut u8,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyForUrlEx2", || {
        get_proxy_for_url_ex2(
            hResolver,
            pcwszUrl,
            pAutoProxyOptions,
            cbInterfaceSelectionContext,
            pInterfaceSelectionContext,
            pContext,
        )
    })
}
/// `WinHttpGetProxyForUrlEx2` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx2_w16(
    hResolver: HINTERNET,
    pcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    cbInterfaceSelectionContext: DWORD,
    pInterfaceSelectionContext: *mut u8,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyForUrlEx2_w16", || {
        get_proxy_for_url_ex2(
            hResolver,
            pcwszUrl,
            pAutoProxyOptions,
            cbInterfaceSelectionContext,
            pInterfaceSelectionContext,
            pContext,
        )
    })
}

/// The result entries, allocated for the caller (freed by `WinHttpFreeProxyResult(Ex)`).
fn leak_entries<U: WideUnit>(entries: Vec<ProxyEntry>) -> (DWORD, *mut WINHTTP_PROXY_RESULT_ENTRY) {
    let n = entries.len() as DWORD;
    let v = entries
        .into_iter()
        .map(|e| WINHTTP_PROXY_RESULT_ENTRY {
            fProxy: e.proxy.is_some() as BOOL,
            fBypass: e.bypass as BOOL,
            ProxyScheme: if e.proxy.is_some() { INTERNET_SCHEME_HTTP } else { 0 },
            pwszProxy: leak_wide::<U>(e.proxy.as_ref().map(|p| p.0.as_str())) as *mut c_void,
            ProxyPort: e.proxy.as_ref().map_or(0, |p| p.1),
        })
        .collect();
    (n, leak_array(v))
}

unsafe fn free_entries<U: WideUnit>(n: DWORD, p: *mut WINHTTP_PROXY_RESULT_ENTRY) {
    for e in take_array(p, n as usize) {
        free_wide(e.pwszProxy as *mut U);
    }
}

unsafe fn get_proxy_result<U: WideUnit>(h: HINTERNET, out: *mut WINHTTP_PROXY_RESULT) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxyResult({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (n, p) = leak_entries::<U>(resolver::result(raw(h))?);
    *out = WINHTTP_PROXY_RESULT { cEntries: n, pEntries: p };
    Ok(())
}

/// `WinHttpGetProxyResult`: the entries of the resolver's last completed `WinHttpGetProxyForUrlEx`
/// (allocated by the library; free them with `WinHttpFreeProxyResult`). Each entry is a proxy
/// (`fProxy`, scheme HTTP, host, port) or direct access (`fBypass` when the bypass list said so).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (NULL result), `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no successful completion yet).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResult(hResolver: HINTERNET, pProxyResult: *mut WINHTTP_PROXY_RESULT) -> DWORD {
    guard_httpapi("WinHttpGetProxyResult", || get_proxy_result::<u32>(hResolver, pProxyResult))
}
/// `WinHttpGetProxyResult` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResult_w16(
    hResolver: HINTERNET,
    pProxyResult: *mut WINHTTP_PROXY_RESULT,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyResult_w16", || get_proxy_result::<u16>(hResolver, pProxyResult))
}

unsafe fn get_proxy_result_ex<U: WideUnit>(h: HINTERNET, out: *mut WINHTTP_PROXY_RESULT_EX) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxyResultEx({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (n, p) = leak_entries::<U>(resolver::result(raw(h))?);
    *out = WINHTTP_PROXY_RESULT_EX {
        cEntries: n,
        pEntries: p,
        hProxyDetectionHandle: null_mut(),
        dwProxyInterfaceAffinity: 0,
    };
    Ok(())
}

/// `WinHttpGetProxyResultEx`: as `WinHttpGetProxyResult`, with `hProxyDetectionHandle` NULL and
/// `dwProxyInterfaceAffinity` 0 (no per-interface detection on Linux). Free with
/// `WinHttpFreeProxyResultEx`. Same errors.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResultEx(
    hResolver: HINTERNET,
    pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyResultEx", || get_proxy_result_ex::<u32>(hResolver, pProxyResultEx))
}
/// `WinHttpGetProxyResultEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResultEx_w16(
    hResolver: HINTERNET,
    pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX,
) -> DWORD {
    guard_httpapi("WinHttpGetProxyResultEx_w16", || get_proxy_result_ex::<u16>(hResolver, pProxyResultEx))
}

unsafe fn free_proxy_result<U: WideUnit>(r: *mut WINHTTP_PROXY_RESULT) {
    tracing::trace!(target: T, "WinHttpFreeProxyResult({r:?})");
    if r.is_null() {
        return;
    }
    free_entries::<U>((*r).cEntries, (*r).pEntries);
    (*r).cEntries = 0;
    (*r).pEntries = null_mut();
}

/// `WinHttpFreeProxyResult`: frees what `WinHttpGetProxyResult` allocated and zeroes the structure
/// (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResult(pProxyResult: *mut WINHTTP_PROXY_RESULT) {
    guard_infallible("WinHttpFreeProxyResult", (), || free_proxy_result::<u32>(pProxyResult))
}
/// `WinHttpFreeProxyResult` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResult_w16(pProxyResult: *mut WINHTTP_PROXY_RESULT) {
    guard_infallible("WinHttpFreeProxyResult_w16", (), || free_proxy_result::<u16>(pProxyResult))
}

unsafe fn free_proxy_result_ex<U: WideUnit>(r: *mut WINHTTP_PROXY_RESULT_EX) {
    tracing::trace!(target: T, "WinHttpFreeProxyResultEx({r:?})");
    if r.is_null() {
        return;
    }
    free_entries::<U>((*r).cEntries, (*r).pEntries);
    (*r).cEntries = 0;
    (*r).pEntries = null_mut();
}

/// `WinHttpFreeProxyResultEx`: frees what `WinHttpGetProxyResultEx` allocated (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResultEx(pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX) {
    guard_infallible("WinHttpFreeProxyResultEx", (), || free_proxy_result_ex::<u32>(pProxyResultEx))
}
/// `WinHttpFreeProxyResultEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResultEx_w16(pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX) {
    guard_infallible("WinHttpFreeProxyResultEx_w16", (), || free_proxy_result_ex::<u16>(pProxyResultEx))
}

// ---------------------------------------------------------------------------------------------
// Proxy settings store (in-process: Linux has no WinHTTP registry)

unsafe fn get_proxy_settings_version(h: HINTERNET, out: *mut DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsVersion({h:?}, {out:?})");
    api::session(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    *out = proxy::settings_version();
    Ok(())
}

/// `WinHttpGetProxySettingsVersion`: the version of this process's proxy settings (bumped by
/// `WinHttpWriteProxySettings` and `WinHttpSetDefaultProxyConfiguration`). Errors:
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL out).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsVersion(
    hSession: HINTERNET,
    pdwProxySettingsVersion: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsVersion", || get_proxy_settings_version(hSession, pdwProxySettingsVersion))
}
/// `WinHttpGetProxySettingsVersion` (same for both widths).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsVersion_w16(
    hSession: HINTERNET,
    pdwProxySettingsVersion: *mut DWORD,
) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsVersion_w16", || {
        get_proxy_settings_version(hSession, pdwProxySettingsVersion)
    })
}

unsafe fn read_proxy_settings<U: WideUnit>(
    h: HINTERNET,
    name: *const U,
    fallback: BOOL,
    autodetect: BOOL,
    version: *mut DWORD,
    defaults: *mut BOOL,
    out: *mut WINHTTP_PROXY_SETTINGS,
) -> WinResult<()> {
    let name_s = wide_cstr(name);
    tracing::trace!(target: T, "WinHttpReadProxySettings({h:?}, {name_s:?}, {fallback}, {autodetect}, {version:?}, {defaults:?}, {out:?})");
    api::session(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (s, v, d) = proxy::read_settings(name_s.as_deref().unwrap_or(""), fallback != 0, autodetect != 0)?;
    *out = WINHTTP_PROXY_SETTINGS {
        dwStructSize: size_of::<WINHTTP_PROXY_SETTINGS>() as DWORD,
        dwFlags: s.flags,
        dwCurrentSettingsVersion: v,
        pwszConnectionName: leak_wide::<U>(name_s.as_deref()) as *mut c_void,
        pwszProxy: leak_wide::<U>(s.proxy.as_deref()) as *mut c_void,
        pwszProxyBypass: leak_wide::<U>(s.bypass.as_deref()) as *mut c_void,
        pwszAutoconfigUrl: leak_wide::<U>(s.autoconfig_url.as_deref()) as *mut c_void,
        pwszAutoconfigSecondaryUrl: leak_wide::<U>(s.autoconfig_secondary_url.as_deref()) as *mut c_void,
        dwAutoDiscoveryFlags: s.auto_discovery_flags,
        pwszLastKnownGoodAutoConfigUrl: null_mut(),
        dwAutoconfigReloadDelayMins: 0,
        ftLastKnownDetectTime: [0, 0],
        dwDetectedInterfaceIpCount: 0,
        pdwDetectedInterfaceIp: null_mut(),
        cNetworkKeys: 0,
        pNetworkKeys: null_mut(),
    };
    write_opt(version, v);
    write_opt(defaults, d as BOOL);
    Ok(())
}

/// `WinHttpReadProxySettings` (undocumented by Microsoft): reads this process's stored proxy settings
/// for a connection name (NULL = LAN) into `*pWinHttpProxySettings` (strings allocated by the library:
/// free with `WinHttpFreeProxySettings`). Nothing written for that name: the defaults (`PROXY_TYPE_DIRECT`,
/// plus `PROXY_TYPE_AUTO_DETECT` with `fSetAutoDiscoverForDefaultSettings`) when
/// `fFallBackToDefaultSettings`, with `*pfDefaultSettingsAreReturned` TRUE, else `ERROR_FILE_NOT_FOUND`.
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadProxySettings(
    hSession: HINTERNET,
    pcwszConnectionName: *const WCHAR,
    fFallBackToDefaultSettings: BOOL,
    fSetAutoDiscoverForDefaultSettings: BOOL,
    pdwSettingsVersion: *mut DWORD,
    pfDefaultSettingsAreReturned: *mut BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_httpapi("WinHttpReadProxySettings", || {
        read_proxy_settings(
            hSession,
            pcwszConnectionName,
            fFallBackToDefaultSettings,
            fSetAutoDiscoverForDefaultSettings,
            pdwSettingsVersion,
            pfDefaultSettingsAreReturned,
            pWinHttpProxySettings,
        )
    })
}
/// `WinHttpReadProxySettings` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadProxySettings_w16(
    hSession: HINTERNET,
    pcwszConnectionName: *const u16,
    fFallBackToDefaultSettings: BOOL,
    fSetAutoDiscoverForDefaultSettings: BOOL,
    pdwSettingsVersion: *mut DWORD,
    pfDefaultSettingsAreReturned: *mut BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_httpapi("WinHttpReadProxySettings_w16", || {
        read_proxy_settings(
            hSession,
            pcwszConnectionName,
            fFallBackToDefaultSettings,
            fSetAutoDiscoverForDefaultSettings,
            pdwSettingsVersion,
            pfDefaultSettingsAreReturned,
            pWinHttpProxySettings,
        )
    })
}

unsafe fn write_proxy_settings<U: WideUnit>(
    h: HINTERNET,
    force: BOOL,
    s: *const WINHTTP_PROXY_SETTINGS,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpWriteProxySettings({h:?}, {force}, {s:?})");
    api::session(raw(h))?;
    if s.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = s.read_unaligned();
    if s.dwStructSize as usize != size_of::<WINHTTP_PROXY_SETTINGS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let name = wide_cstr(s.pwszConnectionName as *const U).unwrap_or_default();
    let stored = StoredSettings {
        flags: s.dwFlags,
        proxy: wide_cstr(s.pwszProxy as *const U),
        bypass: wide_cstr(s.pwszProxyBypass as *const U),
        autoconfig_url: wide_cstr(s.pwszAutoconfigUrl as *const U),
        autoconfig_secondary_url: wide_cstr(s.pwszAutoconfigSecondaryUrl as *const U),
        auto_discovery_flags: s.dwAutoDiscoveryFlags,
    };
    proxy::write_settings(&name, stored, force != 0, s.dwCurrentSettingsVersion)
}

/// `WinHttpWriteProxySettings` (undocumented by Microsoft): stores the settings for
/// `pwszConnectionName` (NULL = LAN) in this process's store (Windows writes the registry; Linux has
/// no WinHTTP registry), bumps the version and calls the proxy change callbacks. Without
/// `fForceUpdate`, `dwCurrentSettingsVersion` must be the current version
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE` otherwise). Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL, wrong `dwStructSize`,
/// unknown `PROXY_TYPE_*` flags).
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteProxySettings(
    hSession: HINTERNET,
    fForceUpdate: BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_httpapi("WinHttpWriteProxySettings", || {
        write_proxy_settings::<u32>(hSession, fForceUpdate, pWinHttpProxySettings)
    })
}
/// `WinHttpWriteProxySettings` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteProxySettings_w16(
    hSession: HINTERNET,
    fForceUpdate: BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_httpapi("WinHttpWriteProxySettings_w16", || {
        write_proxy_settings::<u16>(hSession, fForceUpdate, pWinHttpProxySettings)
    })
}

unsafe fn free_proxy_settings<U: WideUnit>(s: *mut WINHTTP_PROXY_SETTINGS) {
    tracing::trace!(target: T, "WinHttpFreeProxySettings({s:?})");
    if s.is_null() {
        return;
    }
    let v = s.read_unaligned();
    for p in [
        v.pwszConnectionName,
        v.pwszProxy,
        v.pwszProxyBypass,
        v.pwszAutoconfigUrl,
        v.pwszAutoconfigSecondaryUrl,
        v.pwszLastKnownGoodAutoConfigUrl,
    ] {
        free_wide(p as *mut U);
    }
    std::ptr::write_bytes(s, 0, 1);
}

/// `WinHttpFreeProxySettings`: frees the strings `WinHttpReadProxySettings` allocated and zeroes the
/// structure (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettings(pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS) {
    guard_infallible("WinHttpFreeProxySettings", (), || free_proxy_settings::<u32>(pWinHttpProxySettings))
}
/// `WinHttpFreeProxySettings` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettings_w16(pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS) {
    guard_infallible("WinHttpFreeProxySettings_w16", (), || free_proxy_settings::<u16>(pWinHttpProxySettings))
}

fn set_proxy_settings_per_user(per_user: BOOL) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpSetProxySettingsPerUser({per_user})");
    proxy::set_settings_per_user(per_user != 0);
    Ok(())
}

/// `WinHttpSetProxySettingsPerUser` (undocumented by Microsoft): records the choice and returns
/// `ERROR_SUCCESS`; this process has one settings store either way.
#[no_mangle]
pub extern "C" fn WinHttpSetProxySettingsPerUser(fProxySettingsPerUser: BOOL) -> DWORD {
    guard_httpapi("WinHttpSetProxySettingsPerUser", || set_proxy_settings_per_user(fProxySettingsPerUser))
}
/// `WinHttpSetProxySettingsPerUser` (same for both widths).
#[no_mangle]
pub extern "C" fn WinHttpSetProxySettingsPerUser_w16(fProxySettingsPerUser: BOOL) -> DWORD {
    guard_httpapi("WinHttpSetProxySettingsPerUser_w16", || set_proxy_settings_per_user(fProxySettingsPerUser))
}

// ---------------------------------------------------------------------------------------------
// Proxy change notifications

unsafe fn register_proxy_change(flags: u64, cb: *mut c_void, ctx: *mut c_void, out: *mut *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpRegisterProxyChangeNotification({flags:#x}, {cb:?}, {ctx:?}, {out:?})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let token = proxy::register_change_notification(flags, cb as usize, ctx as usize)?;
    *out = token as *mut c_void;
    Ok(())
}

/// `WinHttpRegisterProxyChangeNotification`: `pfnCallback(ullFlags, pvContext)` is called (on its own
/// thread) whenever this process changes its proxy settings (`WinHttpSetDefaultProxyConfiguration`,
/// `WinHttpWriteProxySettings`); Linux has no system proxy settings to watch. Errors:
/// `ERROR_INVALID_PARAMETER` (NULL callback or `hRegistration`).
#[no_mangle]
pub unsafe extern "C" fn WinHttpRegisterProxyChangeNotification(
    ullFlags: u64,
    pfnCallback: *mut c_void,
    pvContext: *mut c_void,
    hRegistration: *mut *mut c_void,
) -> DWORD {
    guard_httpapi("WinHttpRegisterProxyChangeNotification", || {
        register_proxy_change(ullFlags, pfnCallback, pvContext, hRegistration)
    })
}
/// `WinHttpRegisterProxyChangeNotification` (same for both widths).
#[no_mangle]
pub unsafe extern "C" fn WinHttpRegisterProxyChangeNotification_w16(
    ullFlags: u64,
    pfnCallback: *mut c_void,
    pvContext: *mut c_void,
    hRegistration: *mut *mut c_void,
) -> DWORD {
    guard_httpapi("WinHttpRegisterProxyChangeNotification_w16", || {
        register_proxy_change(ullFlags, pfnCallback, pvContext, hRegistration)
    })
}

fn unregister_proxy_change(h: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpUnregisterProxyChangeNotification({h:?})");
    proxy::unregister_change_notification(h as usize)
}

/// `WinHttpUnregisterProxyChangeNotification`: removes a registration (callbacks already started
/// may still run). Errors: `ERROR_INVALID_HANDLE` (NULL, unknown or already removed).
#[no_mangle]
pub extern "C" fn WinHttpUnregisterProxyChangeNotification(hRegistration: *mut c_void) -> DWORD {
    guard_httpapi("WinHttpUnregisterProxyChangeNotification", || unregister_proxy_change(hRegistration))
}
/// `WinHttpUnregisterProxyChangeNotification` (same for both widths).
#[no_mangle]
pub extern "C" fn WinHttpUnregisterProxyChangeNotification_w16(hRegistration: *mut c_void) -> DWORD {
    guard_httpapi("WinHttpUnregisterProxyChangeNotification_w16", || unregister_proxy_change(hRegistration))
}

// ---------------------------------------------------------------------------------------------
// Extended proxy settings (resolver handles)

/// `WINHTTP_PROXY_SETTINGS_EX`.
#[repr(C)]
pub struct WINHTTP_PROXY_SETTINGS_EX {
    pub ullGenerationId: u64,
    pub ullFlags: u64,
    pub pcwszAutoconfigUrl: *mut c_void,
    pub pcwszProxy: *mut c_void,
    pub pcwszSecureProxy: *mut c_void,
    pub cProxyBypasses: DWORD,
    pub rgpcwszProxyBypasses: *mut *mut c_void,
    pub dwInterfaceIndex: DWORD,
    pub pcwszConnectionName: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS_EX>() == 72);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, cProxyBypasses) == 40);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, rgpcwszProxyBypasses) == 48);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, pcwszConnectionName) == 64);

/// `WINHTTP_PROXY_SETTINGS_PARAM`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_SETTINGS_PARAM {
    pub ullFlags: u64,
    pub pcwszConnectionName: *const c_void,
    pub pcwszProbeHost: *const c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS_PARAM>() == 24);

unsafe fn get_proxy_settings_ex<U: WideUnit>(
    h: HINTERNET,
    ty: i32,
    param: *const WINHTTP_PROXY_SETTINGS_PARAM,
    context: usize,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsEx({h:?}, {ty}, {param:?}, {context:#x})");
    let name = if param.is_null() { None } else { wide_cstr((*param).pcwszConnectionName as *const U) };
    resolver::get_proxy_settings(raw(h), ty, name, context)
}

/// `WinHttpGetProxySettingsEx`: returns `ERROR_IO_PENDING` and completes with
/// `WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE` through the resolver's status callback; then
/// `WinHttpGetProxySettingsResultEx` gives the settings. Both types (`WinHttpProxySettingsTypeWsl`,
/// `_Wsa`) get this process's static settings (environment variables, else the default proxy).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a resolver),
/// `ERROR_INVALID_PARAMETER` (unknown type).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsEx(
    hResolver: HINTERNET,
    ProxySettingsType: i32,
    pProxySettingsParam: *mut WINHTTP_PROXY_SETTINGS_PARAM,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsEx", || {
        get_proxy_settings_ex::<u32>(hResolver, ProxySettingsType, pProxySettingsParam, pContext)
    })
}
/// `WinHttpGetProxySettingsEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsEx_w16(
    hResolver: HINTERNET,
    ProxySettingsType: i32,
    pProxySettingsParam: *mut WINHTTP_PROXY_SETTINGS_PARAM,
    pContext: usize,
) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsEx_w16", || {
        get_proxy_settings_ex::<u16>(hResolver, ProxySettingsType, pProxySettingsParam, pContext)
    })
}

unsafe fn get_proxy_settings_result_ex<U: WideUnit>(h: HINTERNET, out: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsResultEx({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = resolver::proxy_settings_result(raw(h))?;
    let bypasses: Vec<*mut c_void> = s.bypasses.iter().map(|b| leak_wide::<U>(Some(b)) as *mut c_void).collect();
    let n = bypasses.len() as DWORD;
    (out as *mut WINHTTP_PROXY_SETTINGS_EX).write_unaligned(WINHTTP_PROXY_SETTINGS_EX {
        ullGenerationId: s.generation,
        ullFlags: s.flags,
        pcwszAutoconfigUrl: leak_wide::<U>(s.autoconfig_url.as_deref()) as *mut c_void,
        pcwszProxy: leak_wide::<U>(s.proxy.as_deref()) as *mut c_void,
        pcwszSecureProxy: leak_wide::<U>(s.secure_proxy.as_deref()) as *mut c_void,
        cProxyBypasses: n,
        rgpcwszProxyBypasses: leak_array(bypasses),
        dwInterfaceIndex: 0,
        pcwszConnectionName: leak_wide::<U>(s.connection_name.as_deref()) as *mut c_void,
    });
    Ok(())
}

/// `WinHttpGetProxySettingsResultEx`: fills the `WINHTTP_PROXY_SETTINGS_EX` at `pProxySettingsEx`
/// with the last `WinHttpGetProxySettingsEx` answer (strings and bypass array allocated by the
/// library: free with `WinHttpFreeProxySettingsEx`; `dwInterfaceIndex` 0). Errors:
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL),
/// `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no completed `WinHttpGetProxySettingsEx`).
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsResultEx(hResolver: HINTERNET, pProxySettingsEx: *mut c_void) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsResultEx", || {
        get_proxy_settings_result_ex::<u32>(hResolver, pProxySettingsEx)
    })
}
/// `WinHttpGetProxySettingsResultEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsResultEx_w16(
    hResolver: HINTERNET,
    pProxySettingsEx: *mut c_void,
) -> DWORD {
    guard_httpapi("WinHttpGetProxySettingsResultEx_w16", || {
        get_proxy_settings_result_ex::<u16>(hResolver, pProxySettingsEx)
    })
}

unsafe fn free_proxy_settings_ex<U: WideUnit>(ty: i32, p: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpFreeProxySettingsEx({ty}, {p:?})");
    if (ty != resolver::WINHTTP_PROXY_SETTINGS_TYPE_WSL && ty != resolver::WINHTTP_PROXY_SETTINGS_TYPE_WSA)
        || p.is_null()
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = p as *mut WINHTTP_PROXY_SETTINGS_EX;
    let v = s.read_unaligned();
    for b in take_array(v.rgpcwszProxyBypasses, v.cProxyBypasses as usize) {
        free_wide(b as *mut U);
    }
    for w in [v.pcwszAutoconfigUrl, v.pcwszProxy, v.pcwszSecureProxy, v.pcwszConnectionName] {
        free_wide(w as *mut U);
    }
    std::ptr::write_bytes(s as *mut u8, 0, size_of::<WINHTTP_PROXY_SETTINGS_EX>());
    Ok(())
}

/// `WinHttpFreeProxySettingsEx`: frees what `WinHttpGetProxySettingsResultEx` allocated and zeroes
/// the structure. Errors: `ERROR_INVALID_PARAMETER` (unknown type, NULL pointer).
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettingsEx(ProxySettingsType: i32, pProxySettingsEx: *mut c_void) -> DWORD {
    guard_httpapi("WinHttpFreeProxySettingsEx", || free_proxy_settings_ex::<u32>(ProxySettingsType, pProxySettingsEx))
}
/// `WinHttpFreeProxySettingsEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettingsEx_w16(
    ProxySettingsType: i32,
    pProxySettingsEx: *mut c_void,
) -> DWORD {
    guard_httpapi("WinHttpFreeProxySettingsEx_w16", || {
        free_proxy_settings_ex::<u16>(ProxySettingsType, pProxySettingsEx)
    })
}

// ---------------------------------------------------------------------------------------------
// Connection groups

/// `WINHTTP_CONNECTION_GROUP` (4-byte aligned: `ULONG` then `GUID`).
#[repr(C)]
pub struct WINHTTP_CONNECTION_GROUP {
    pub cConnections: u32,
    pub guidGroup: [u8; 16],
}
const _: () = assert!(size_of::<WINHTTP_CONNECTION_GROUP>() == 20);

/// `WINHTTP_HOST_CONNECTION_GROUP`.
#[repr(C)]
pub struct WINHTTP_HOST_CONNECTION_GROUP {
    pub pwszHost: *mut c_void,
    pub cConnectionGroups: u32,
    pub pConnectionGroups: *mut WINHTTP_CONNECTION_GROUP,
}
const _: () = assert!(size_of::<WINHTTP_HOST_CONNECTION_GROUP>() == 24);
const _: () = assert!(offset_of!(WINHTTP_HOST_CONNECTION_GROUP, pConnectionGroups) == 16);

/// `WINHTTP_QUERY_CONNECTION_GROUP_RESULT`.
#[repr(C)]
pub struct WINHTTP_QUERY_CONNECTION_GROUP_RESULT {
    pub cHosts: u32,
    pub pHostConnectionGroups: *mut WINHTTP_HOST_CONNECTION_GROUP,
}
const _: () = assert!(size_of::<WINHTTP_QUERY_CONNECTION_GROUP_RESULT>() == 16);

unsafe fn query_connection_group<U: WideUnit>(
    h: HINTERNET,
    guid: *const [u8; 16],
    flags: u64,
    out: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpQueryConnectionGroup({h:?}, {guid:?}, {flags:#x}, {out:?})");
    let g = (!guid.is_null()).then(|| guid.read_unaligned());
    let hosts = crate::client::conn_group::query(raw(h), g, flags)?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let n = hosts.len() as u32;
    let arr: Vec<WINHTTP_HOST_CONNECTION_GROUP> = hosts
        .into_iter()
        .map(|hg| {
            let groups: Vec<WINHTTP_CONNECTION_GROUP> = hg
                .groups
                .into_iter()
                .map(|(c, g)| WINHTTP_CONNECTION_GROUP { cConnections: c, guidGroup: g })
                .collect();
            WINHTTP_HOST_CONNECTION_GROUP {
                pwszHost: leak_wide::<U>(Some(&hg.host)) as *mut c_void,
                cConnectionGroups: groups.len() as u32,
                pConnectionGroups: leak_array(groups),
            }
        })
        .collect();
    let result = Box::new(WINHTTP_QUERY_CONNECTION_GROUP_RESULT { cHosts: n, pHostConnectionGroups: leak_array(arr) });
    *out = Box::into_raw(result);
    Ok(())
}

/// `WinHttpQueryConnectionGroup`: the connections (in use or idle) the session holds to the host of
/// `hInternet` (a connect handle: HTTPS unless `WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE`; a
/// request handle: its scheme), in one GUID_NULL group (connections carry no GUID here); a host with
/// none is left out (`cHosts` 0). `*ppResult` is allocated by the library: free it with
/// `WinHttpFreeQueryConnectionGroupResult`. Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL `ppResult`, unknown flags).
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryConnectionGroup(
    hInternet: HINTERNET,
    pGuidConnection: *const [u8; 16],
    ullFlags: u64,
    ppResult: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> DWORD {
    guard_httpapi("WinHttpQueryConnectionGroup", || {
        query_connection_group::<u32>(hInternet, pGuidConnection, ullFlags, ppResult)
    })
}
/// `WinHttpQueryConnectionGroup` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryConnectionGroup_w16(
    hInternet: HINTERNET,
    pGuidConnection: *const [u8; 16],
    ullFlags: u64,
    ppResult: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> DWORD {
    guard_httpapi("WinHttpQueryConnectionGroup_w16", || {
        query_connection_group::<u16>(hInternet, pGuidConnection, ullFlags, ppResult)
    })
}

unsafe fn free_query_connection_group_result<U: WideUnit>(p: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT) {
    tracing::trace!(target: T, "WinHttpFreeQueryConnectionGroupResult({p:?})");
    if p.is_null() {
        return;
    }
    let r = Box::from_raw(p);
    for hg in take_array(r.pHostConnectionGroups, r.cHosts as usize) {
        free_wide(hg.pwszHost as *mut U);
        drop(take_array(hg.pConnectionGroups, hg.cConnectionGroups as usize));
    }
}

/// `WinHttpFreeQueryConnectionGroupResult`: frees a `WinHttpQueryConnectionGroup` result (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeQueryConnectionGroupResult(pResult: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT) {
    guard_infallible("WinHttpFreeQueryConnectionGroupResult", (), || free_query_connection_group_result::<u32>(pResult))
}
/// `WinHttpFreeQueryConnectionGroupResult` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeQueryConnectionGroupResult_w16(
    pResult: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) {
    guard_infallible("WinHttpFreeQueryConnectionGroupResult_w16", (), || {
        free_query_connection_group_result::<u16>(pResult)
    })
}
