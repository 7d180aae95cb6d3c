//! The proxy settings store (in-process: Linux has no WinHTTP registry) and proxy change
//! notifications (engine: `client::proxy`).
use super::*;
use crate::client::abi::*;
use crate::client::api;
use crate::client::proxy::{self, StoredSettings};
use crate::ffi::guard::{guard_infallible, guard_winhttp_code};
use crate::ffi::ptr::{free_wide, leak_wide, wide_cstr, write_opt};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::mem::size_of;
use std::ptr::null_mut;

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxySettingsVersion` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `pdwProxySettingsVersion`.
unsafe fn get_proxy_settings_version(h: HINTERNET, out: *mut DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsVersion({h:?}, {out:?})");
    api::session(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = proxy::settings_version() };
    Ok(())
}

/// `WinHttpGetProxySettingsVersion`: the version of this process's proxy settings (bumped by
/// `WinHttpWriteProxySettings` and `WinHttpSetDefaultProxyConfiguration`). Errors:
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL out).
///
/// # Safety
/// `pdwProxySettingsVersion` is NULL or points to memory valid for what `WinHttpGetProxySettingsVersion` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsVersion(
    hSession: HINTERNET,
    pdwProxySettingsVersion: *mut DWORD,
) -> DWORD {
    // SAFETY: `get_proxy_settings_version`: `pdwProxySettingsVersion` is this export's own argument, passed on
    // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxySettingsVersion`
    // reads or writes through it.
    guard_winhttp_code("WinHttpGetProxySettingsVersion", || unsafe {
        get_proxy_settings_version(hSession, pdwProxySettingsVersion)
    })
}
w16_alias!(WinHttpGetProxySettingsVersion);

/// # Safety
/// The pointers are the arguments of `WinHttpReadProxySettings` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `name` is its
/// `pcwszConnectionName`, `version` is its `pdwSettingsVersion`, `defaults` is its `pfDefaultSettingsAreReturned`,
/// `out` is its `pWinHttpProxySettings`. In particular: `name` is NULL or points to a readable NUL-terminated array of
/// `U`; `version` is NULL or points to a writable, aligned `T`; `defaults` is NULL or points to a writable, aligned
/// `T`.
unsafe fn read_proxy_settings<U: WideUnit>(
    h: HINTERNET,
    name: *const U,
    fallback: BOOL,
    autodetect: BOOL,
    version: *mut DWORD,
    defaults: *mut BOOL,
    out: *mut WINHTTP_PROXY_SETTINGS,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name_s = unsafe { wide_cstr(name) };
    tracing::trace!(target: T, "WinHttpReadProxySettings({h:?}, {name_s:?}, {fallback}, {autodetect}, {version:?}, {defaults:?}, {out:?})");
    api::session(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (s, v, d) = proxy::read_settings(name_s.as_deref().unwrap_or(""), fallback != 0, autodetect != 0)?;
    let value = WINHTTP_PROXY_SETTINGS {
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
    // SAFETY: `out` is non-NULL (checked above) and points to the caller's writable structure.
    unsafe { *out = value };
    // SAFETY: `write_opt`: `version` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(version, v) };
    // SAFETY: `write_opt`: `defaults` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(defaults, d as BOOL) };
    Ok(())
}

/// `WinHttpReadProxySettings` (undocumented by Microsoft): reads this process's stored proxy settings
/// for a connection name (NULL = LAN) into `*pWinHttpProxySettings` (strings allocated by the library:
/// free with `WinHttpFreeProxySettings`). Nothing written for that name: the defaults (`PROXY_TYPE_DIRECT`,
/// plus `PROXY_TYPE_AUTO_DETECT` with `fSetAutoDiscoverForDefaultSettings`) when
/// `fFallBackToDefaultSettings`, with `*pfDefaultSettingsAreReturned` TRUE, else `ERROR_FILE_NOT_FOUND`.
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `pcwszConnectionName`, `pdwSettingsVersion`, `pfDefaultSettingsAreReturned`, `pWinHttpProxySettings` are each
/// NULL or point to memory valid for what `WinHttpReadProxySettings` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
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
    guard_winhttp_code("WinHttpReadProxySettings", || {
        // SAFETY: `read_proxy_settings`: `pcwszConnectionName`, `pdwSettingsVersion`, `pfDefaultSettingsAreReturned`,
        // `pWinHttpProxySettings` are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL
        // or valid for what Windows documents `WinHttpReadProxySettings` reads or writes through them; in particular
        // `pcwszConnectionName` is NULL or points to a readable NUL-terminated array of `U`; `pdwSettingsVersion` is
        // NULL or points to a writable, aligned `T`; `pfDefaultSettingsAreReturned` is NULL or points to a writable,
        // aligned `T`.
        unsafe {
            read_proxy_settings(
                hSession,
                pcwszConnectionName,
                fFallBackToDefaultSettings,
                fSetAutoDiscoverForDefaultSettings,
                pdwSettingsVersion,
                pfDefaultSettingsAreReturned,
                pWinHttpProxySettings,
            )
        }
    })
}
/// `WinHttpReadProxySettings` for `-fshort-wchar` callers.
///
/// # Safety
/// `pcwszConnectionName`, `pdwSettingsVersion`, `pfDefaultSettingsAreReturned`, `pWinHttpProxySettings` are each
/// NULL or point to memory valid for what `WinHttpReadProxySettings` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
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
    guard_winhttp_code("WinHttpReadProxySettings_w16", || {
        // SAFETY: `read_proxy_settings`: `pcwszConnectionName`, `pdwSettingsVersion`, `pfDefaultSettingsAreReturned`,
        // `pWinHttpProxySettings` are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL
        // or valid for what Windows documents `WinHttpReadProxySettings` reads or writes through them; in particular
        // `pcwszConnectionName` is NULL or points to a readable NUL-terminated array of `U`; `pdwSettingsVersion` is
        // NULL or points to a writable, aligned `T`; `pfDefaultSettingsAreReturned` is NULL or points to a writable,
        // aligned `T`.
        unsafe {
            read_proxy_settings(
                hSession,
                pcwszConnectionName,
                fFallBackToDefaultSettings,
                fSetAutoDiscoverForDefaultSettings,
                pdwSettingsVersion,
                pfDefaultSettingsAreReturned,
                pWinHttpProxySettings,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpWriteProxySettings` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `s` is its
/// `pWinHttpProxySettings`. In particular: `s.pwszConnectionName as *const U` is NULL or points to a readable
/// NUL-terminated array of `U`; `s.pwszProxy as *const U` is NULL or points to a readable NUL-terminated array of `U`;
/// `s.pwszProxyBypass as *const U` is NULL or points to a readable NUL-terminated array of `U`;
/// `s.pwszAutoconfigUrl as *const U` is NULL or points to a readable NUL-terminated array of `U`;
/// `s.pwszAutoconfigSecondaryUrl as *const U` is NULL or points to a readable NUL-terminated array of `U`.
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
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let s = unsafe { s.read_unaligned() };
    if s.dwStructSize as usize != size_of::<WINHTTP_PROXY_SETTINGS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `wide_cstr`: `s.pwszConnectionName as *const U` is NULL or points to a readable NUL-terminated array
    // of `U`.
    let name = unsafe { wide_cstr(s.pwszConnectionName as *const U) }.unwrap_or_default();
    let stored = StoredSettings {
        flags: s.dwFlags,
        // SAFETY: `wide_cstr`: `s.pwszProxy as *const U` is NULL or points to a readable NUL-terminated array of
        // `U`.
        proxy: unsafe { wide_cstr(s.pwszProxy as *const U) },
        // SAFETY: `wide_cstr`: `s.pwszProxyBypass as *const U` is NULL or points to a readable NUL-terminated array
        // of `U`.
        bypass: unsafe { wide_cstr(s.pwszProxyBypass as *const U) },
        // SAFETY: `wide_cstr`: `s.pwszAutoconfigUrl as *const U` is NULL or points to a readable NUL-terminated
        // array of `U`.
        autoconfig_url: unsafe { wide_cstr(s.pwszAutoconfigUrl as *const U) },
        // SAFETY: `wide_cstr`: `s.pwszAutoconfigSecondaryUrl as *const U` is NULL or points to a readable
        // NUL-terminated array of `U`.
        autoconfig_secondary_url: unsafe { wide_cstr(s.pwszAutoconfigSecondaryUrl as *const U) },
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
///
/// # Safety
/// `pWinHttpProxySettings` is NULL or points to memory valid for what `WinHttpWriteProxySettings` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteProxySettings(
    hSession: HINTERNET,
    fForceUpdate: BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_winhttp_code("WinHttpWriteProxySettings", || {
        // SAFETY: `write_proxy_settings`: `pWinHttpProxySettings` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `WinHttpWriteProxySettings` reads or writes
        // through it; in particular `pWinHttpProxySettings.pwszConnectionName as *const U` is NULL or points to a
        // readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszProxy as *const U` is NULL or points to a
        // readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszProxyBypass as *const U` is NULL or points
        // to a readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszAutoconfigUrl as *const U` is NULL or
        // points to a readable NUL-terminated array of `U`;
        // `pWinHttpProxySettings.pwszAutoconfigSecondaryUrl as *const U` is NULL or points to a readable NUL-terminated
        // array of `U`.
        unsafe { write_proxy_settings::<u32>(hSession, fForceUpdate, pWinHttpProxySettings) }
    })
}
/// `WinHttpWriteProxySettings` for `-fshort-wchar` callers.
///
/// # Safety
/// `pWinHttpProxySettings` is NULL or points to memory valid for what `WinHttpWriteProxySettings` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteProxySettings_w16(
    hSession: HINTERNET,
    fForceUpdate: BOOL,
    pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS,
) -> DWORD {
    guard_winhttp_code("WinHttpWriteProxySettings_w16", || {
        // SAFETY: `write_proxy_settings`: `pWinHttpProxySettings` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `WinHttpWriteProxySettings` reads or writes
        // through it; in particular `pWinHttpProxySettings.pwszConnectionName as *const U` is NULL or points to a
        // readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszProxy as *const U` is NULL or points to a
        // readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszProxyBypass as *const U` is NULL or points
        // to a readable NUL-terminated array of `U`; `pWinHttpProxySettings.pwszAutoconfigUrl as *const U` is NULL or
        // points to a readable NUL-terminated array of `U`;
        // `pWinHttpProxySettings.pwszAutoconfigSecondaryUrl as *const U` is NULL or points to a readable NUL-terminated
        // array of `U`.
        unsafe { write_proxy_settings::<u16>(hSession, fForceUpdate, pWinHttpProxySettings) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpFreeProxySettings` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `s` is its
/// `pWinHttpProxySettings`.
unsafe fn free_proxy_settings<U: WideUnit>(s: *mut WINHTTP_PROXY_SETTINGS) {
    tracing::trace!(target: T, "WinHttpFreeProxySettings({s:?})");
    if s.is_null() {
        return;
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let v = unsafe { s.read_unaligned() };
    for p in [
        v.pwszConnectionName,
        v.pwszProxy,
        v.pwszProxyBypass,
        v.pwszAutoconfigUrl,
        v.pwszAutoconfigSecondaryUrl,
        v.pwszLastKnownGoodAutoConfigUrl,
    ] {
        // SAFETY: `free_wide`: `p as *mut U` is NULL or came from `leak_wide::<U>` and was not freed yet.
        unsafe { free_wide(p as *mut U) };
    }
    // SAFETY: `write_bytes`: the destination is valid for writing the count given
    unsafe { std::ptr::write_bytes(s, 0, 1) };
}

/// `WinHttpFreeProxySettings`: frees the strings `WinHttpReadProxySettings` allocated and zeroes the
/// structure (NULL is ignored).
///
/// # Safety
/// `pWinHttpProxySettings` is NULL or points to memory valid for what `WinHttpFreeProxySettings` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettings(pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS) {
    // SAFETY: `free_proxy_settings`: `pWinHttpProxySettings` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxySettings` reads or writes through
    // it.
    guard_infallible("WinHttpFreeProxySettings", (), || unsafe { free_proxy_settings::<u32>(pWinHttpProxySettings) })
}
/// `WinHttpFreeProxySettings` for `-fshort-wchar` callers.
///
/// # Safety
/// `pWinHttpProxySettings` is NULL or points to memory valid for what `WinHttpFreeProxySettings` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettings_w16(pWinHttpProxySettings: *mut WINHTTP_PROXY_SETTINGS) {
    // SAFETY: `free_proxy_settings`: `pWinHttpProxySettings` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxySettings` reads or writes through
    // it.
    guard_infallible("WinHttpFreeProxySettings_w16", (), || unsafe {
        free_proxy_settings::<u16>(pWinHttpProxySettings)
    })
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
    guard_winhttp_code("WinHttpSetProxySettingsPerUser", || set_proxy_settings_per_user(fProxySettingsPerUser))
}
w16_alias!(WinHttpSetProxySettingsPerUser);

/// # Safety
/// The pointers are the arguments of `WinHttpRegisterProxyChangeNotification` (and of its twins), which its `# Safety`
/// asks the caller to make NULL or valid for what Windows documents the function reads or writes through them: `ctx` is
/// its `pvContext`, `out` is its `hRegistration`.
unsafe fn register_proxy_change(
    flags: u64,
    cb: Option<proxy::ProxyChangeCallback>,
    ctx: *mut c_void,
    out: *mut *mut c_void,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpRegisterProxyChangeNotification({flags:#x}, {cb:?}, {ctx:?}, {out:?})");
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let token = proxy::register_change_notification(flags, cb, ctx as usize)?;
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = token as *mut c_void };
    Ok(())
}

/// `WinHttpRegisterProxyChangeNotification`: `pfnCallback(ullFlags, pvContext)` is called (on its own
/// thread) whenever this process changes its proxy settings (`WinHttpSetDefaultProxyConfiguration`,
/// `WinHttpWriteProxySettings`); Linux has no system proxy settings to watch. Errors:
/// `ERROR_INVALID_PARAMETER` (NULL callback or `hRegistration`).
///
/// # Safety
/// `pvContext`, `hRegistration` are each NULL or point to memory valid for what
/// `WinHttpRegisterProxyChangeNotification` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call. `pfnCallback`: NULL or
/// a function of the documented signature, callable until it is removed.
#[no_mangle]
pub unsafe extern "C" fn WinHttpRegisterProxyChangeNotification(
    ullFlags: u64,
    pfnCallback: Option<proxy::ProxyChangeCallback>,
    pvContext: *mut c_void,
    hRegistration: *mut *mut c_void,
) -> DWORD {
    guard_winhttp_code("WinHttpRegisterProxyChangeNotification", || {
        // SAFETY: `register_proxy_change`: `pvContext`, `hRegistration` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `WinHttpRegisterProxyChangeNotification` reads or writes through them.
        unsafe { register_proxy_change(ullFlags, pfnCallback, pvContext, hRegistration) }
    })
}
w16_alias!(WinHttpRegisterProxyChangeNotification);

fn unregister_proxy_change(h: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpUnregisterProxyChangeNotification({h:?})");
    proxy::unregister_change_notification(h as usize)
}

/// `WinHttpUnregisterProxyChangeNotification`: removes a registration (callbacks already started
/// may still run). Errors: `ERROR_INVALID_HANDLE` (NULL, unknown or already removed).
#[no_mangle]
pub extern "C" fn WinHttpUnregisterProxyChangeNotification(hRegistration: *mut c_void) -> DWORD {
    guard_winhttp_code("WinHttpUnregisterProxyChangeNotification", || unregister_proxy_change(hRegistration))
}
w16_alias!(WinHttpUnregisterProxyChangeNotification);
