//! The proxy resolver: `WinHttpCreateProxyResolver`, `WinHttpGetProxyForUrlEx(2)`,
//! `WinHttpGetProxyResult(Ex)`, `WinHttpFreeProxyResult(Ex)`, and the extended proxy settings read through
//! resolver handles (`WinHttpGetProxySettingsEx`, `WinHttpGetProxySettingsResultEx`,
//! `WinHttpFreeProxySettingsEx`) (engine: `client::resolver`).
use super::*;
use crate::client::abi::*;
use crate::client::resolver::{self, AutoProxyOptions, ProxyEntry};
use crate::ffi::guard::{guard_infallible, guard_winhttp_code};
use crate::ffi::ptr::{free_wide, leak_array, leak_wide, take_array, wide_cstr};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::mem::size_of;
use std::ptr::null_mut;

/// # Safety
/// The pointers are the arguments of `WinHttpCreateProxyResolver` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `phResolver`.
unsafe fn create_proxy_resolver(h: HINTERNET, out: *mut HINTERNET) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpCreateProxyResolver({h:?}, {out:?})");
    let r = resolver::create(raw(h))?;
    if out.is_null() {
        let _ = resolver::close(r);
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = r as HINTERNET };
    Ok(())
}

/// `WinHttpCreateProxyResolver`: a resolver handle for `WinHttpGetProxyForUrlEx`, closed with
/// `WinHttpCloseHandle`; it copies the session's status callback. Returns `ERROR_SUCCESS`,
/// `ERROR_INVALID_HANDLE` (NULL/closed session), `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a session,
/// or a session opened without `WINHTTP_FLAG_ASYNC`), `ERROR_INVALID_PARAMETER` (NULL `phResolver`).
///
/// # Safety
/// `phResolver` is NULL or points to memory valid for what `WinHttpCreateProxyResolver` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateProxyResolver(hSession: HINTERNET, phResolver: *mut HINTERNET) -> DWORD {
    // SAFETY: `create_proxy_resolver`: `phResolver` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpCreateProxyResolver` reads or writes through it.
    guard_winhttp_code("WinHttpCreateProxyResolver", || unsafe { create_proxy_resolver(hSession, phResolver) })
}
w16_alias!(WinHttpCreateProxyResolver);

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxyForUrlEx` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `url` is its `pcwszUrl`,
/// `opts` is its `pAutoProxyOptions`. In particular: `url` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn get_proxy_for_url_ex<U: WideUnit>(
    h: HINTERNET,
    url: *const U,
    opts: *const WINHTTP_AUTOPROXY_OPTIONS,
    context: usize,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `url` is NULL or points to a readable NUL-terminated array of `U`.
    let url_s = unsafe { wide_cstr(url) };
    tracing::trace!(target: T, "WinHttpGetProxyForUrlEx({h:?}, {url_s:?}, {opts:?}, {context:#x})");
    let o = (!opts.is_null()).then(|| {
        // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
        let o = unsafe { opts.read_unaligned() };
        AutoProxyOptions {
            flags: o.dwFlags,
            detect_flags: o.dwAutoDetectFlags,
            // SAFETY: `wide_cstr`: `o.lpszAutoConfigUrl as *const U` is NULL or points to a readable NUL-terminated
            // array of `U`.
            config_url: unsafe { wide_cstr(o.lpszAutoConfigUrl as *const U) },
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
///
/// # Safety
/// `pcwszUrl`, `pAutoProxyOptions` are each NULL or point to memory valid for what `WinHttpGetProxyForUrlEx` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx(
    hResolver: HINTERNET,
    pcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pContext: usize,
) -> DWORD {
    // SAFETY: `get_proxy_for_url_ex`: `pcwszUrl`, `pAutoProxyOptions` are this export's own arguments, passed on
    // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpGetProxyForUrlEx` reads or
    // writes through them; in particular `pcwszUrl` is NULL or points to a readable NUL-terminated array of `U`.
    guard_winhttp_code("WinHttpGetProxyForUrlEx", || unsafe {
        get_proxy_for_url_ex(hResolver, pcwszUrl, pAutoProxyOptions, pContext)
    })
}
/// `WinHttpGetProxyForUrlEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pcwszUrl`, `pAutoProxyOptions` are each NULL or point to memory valid for what `WinHttpGetProxyForUrlEx` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx_w16(
    hResolver: HINTERNET,
    pcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    pContext: usize,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxyForUrlEx_w16", || {
        // SAFETY: `get_proxy_for_url_ex`: `pcwszUrl`, `pAutoProxyOptions` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpGetProxyForUrlEx` reads
        // or writes through them; in particular `pcwszUrl` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { get_proxy_for_url_ex(hResolver, pcwszUrl, pAutoProxyOptions, pContext) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxyForUrlEx2` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `url` is its
/// `pcwszUrl`, `opts` is its `pAutoProxyOptions`, `ctx` is its `pInterfaceSelectionContext`. In particular: `url` is
/// NULL or points to a readable NUL-terminated array of `U`.
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
    // SAFETY: `get_proxy_for_url_ex`: `url` and `opts` are this function's own arguments, those of
    // `WinHttpGetProxyForUrlEx2` (NULL or a NUL-terminated string of `U`; NULL or a `WINHTTP_AUTOPROXY_OPTIONS`), as
    // its `# Safety` asks.
    unsafe { get_proxy_for_url_ex(h, url, opts, context) }
}

/// `WinHttpGetProxyForUrlEx2`: `WinHttpGetProxyForUrlEx` with an interface selection context
/// (`cbInterfaceSelectionContext` bytes at `pInterfaceSelectionContext`: both zero/NULL or both set,
/// else `ERROR_INVALID_PARAMETER`; the context does not change the answer on Linux).
///
/// # Safety
/// `pcwszUrl`, `pAutoProxyOptions`, `pInterfaceSelectionContext` are each NULL or point to memory valid for what
/// `WinHttpGetProxyForUrlEx2` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx2(
    hResolver: HINTERNET,
    pcwszUrl: *const WCHAR,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    cbInterfaceSelectionContext: DWORD,
    pInterfaceSelectionContext: *mut u8,
    pContext: usize,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxyForUrlEx2", || {
        // SAFETY: `get_proxy_for_url_ex2`: `pcwszUrl`, `pAutoProxyOptions`, `pInterfaceSelectionContext` are this
        // export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `WinHttpGetProxyForUrlEx2` reads or writes through them; in particular `pcwszUrl` is NULL or points
        // to a readable NUL-terminated array of `U`.
        unsafe {
            get_proxy_for_url_ex2(
                hResolver,
                pcwszUrl,
                pAutoProxyOptions,
                cbInterfaceSelectionContext,
                pInterfaceSelectionContext,
                pContext,
            )
        }
    })
}
/// `WinHttpGetProxyForUrlEx2` for `-fshort-wchar` callers.
///
/// # Safety
/// `pcwszUrl`, `pAutoProxyOptions`, `pInterfaceSelectionContext` are each NULL or point to memory valid for what
/// `WinHttpGetProxyForUrlEx2` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyForUrlEx2_w16(
    hResolver: HINTERNET,
    pcwszUrl: *const u16,
    pAutoProxyOptions: *mut WINHTTP_AUTOPROXY_OPTIONS,
    cbInterfaceSelectionContext: DWORD,
    pInterfaceSelectionContext: *mut u8,
    pContext: usize,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxyForUrlEx2_w16", || {
        // SAFETY: `get_proxy_for_url_ex2`: `pcwszUrl`, `pAutoProxyOptions`, `pInterfaceSelectionContext` are this
        // export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `WinHttpGetProxyForUrlEx2` reads or writes through them; in particular `pcwszUrl` is NULL or points
        // to a readable NUL-terminated array of `U`.
        unsafe {
            get_proxy_for_url_ex2(
                hResolver,
                pcwszUrl,
                pAutoProxyOptions,
                cbInterfaceSelectionContext,
                pInterfaceSelectionContext,
                pContext,
            )
        }
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

/// # Safety
/// `p` is NULL or came from `leak_array` with `n` entries whose `pwszProxy` strings came from `leak_wide::<U>`, none
/// freed yet.
unsafe fn free_entries<U: WideUnit>(n: DWORD, p: *mut WINHTTP_PROXY_RESULT_ENTRY) {
    // SAFETY: `take_array`: `p` is NULL or came from `leak_array` with `n as usize` elements and was not freed yet.
    for e in unsafe { take_array(p, n as usize) } {
        // SAFETY: `free_wide`: `e.pwszProxy as *mut U` is NULL or came from `leak_wide::<U>` and was not freed yet.
        unsafe { free_wide(e.pwszProxy as *mut U) };
    }
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxyResult` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `pProxyResult`.
unsafe fn get_proxy_result<U: WideUnit>(h: HINTERNET, out: *mut WINHTTP_PROXY_RESULT) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxyResult({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (n, p) = leak_entries::<U>(resolver::result(raw(h))?);
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = WINHTTP_PROXY_RESULT { cEntries: n, pEntries: p } };
    Ok(())
}

/// `WinHttpGetProxyResult`: the entries of the resolver's last completed `WinHttpGetProxyForUrlEx`
/// (allocated by the library; free them with `WinHttpFreeProxyResult`). Each entry is a proxy
/// (`fProxy`, scheme HTTP, host, port) or direct access (`fBypass` when the bypass list said so).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER`
/// (NULL result), `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no successful completion yet).
///
/// # Safety
/// `pProxyResult` is NULL or points to memory valid for what `WinHttpGetProxyResult` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResult(hResolver: HINTERNET, pProxyResult: *mut WINHTTP_PROXY_RESULT) -> DWORD {
    // SAFETY: `get_proxy_result`: `pProxyResult` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpGetProxyResult` reads or writes through it.
    guard_winhttp_code("WinHttpGetProxyResult", || unsafe { get_proxy_result::<u32>(hResolver, pProxyResult) })
}
/// `WinHttpGetProxyResult` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyResult` is NULL or points to memory valid for what `WinHttpGetProxyResult` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResult_w16(
    hResolver: HINTERNET,
    pProxyResult: *mut WINHTTP_PROXY_RESULT,
) -> DWORD {
    // SAFETY: `get_proxy_result`: `pProxyResult` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpGetProxyResult` reads or writes through it.
    guard_winhttp_code("WinHttpGetProxyResult_w16", || unsafe { get_proxy_result::<u16>(hResolver, pProxyResult) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxyResultEx` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `pProxyResultEx`.
unsafe fn get_proxy_result_ex<U: WideUnit>(h: HINTERNET, out: *mut WINHTTP_PROXY_RESULT_EX) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxyResultEx({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (n, p) = leak_entries::<U>(resolver::result(raw(h))?);
    let value = WINHTTP_PROXY_RESULT_EX {
        cEntries: n,
        pEntries: p,
        hProxyDetectionHandle: null_mut(),
        dwProxyInterfaceAffinity: 0,
    };
    // SAFETY: `out` is non-NULL (checked above) and points to the caller's writable structure.
    unsafe { *out = value };
    Ok(())
}

/// `WinHttpGetProxyResultEx`: as `WinHttpGetProxyResult`, with `hProxyDetectionHandle` NULL and
/// `dwProxyInterfaceAffinity` 0 (no per-interface detection on Linux). Free with
/// `WinHttpFreeProxyResultEx`. Same errors.
///
/// # Safety
/// `pProxyResultEx` is NULL or points to memory valid for what `WinHttpGetProxyResultEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResultEx(
    hResolver: HINTERNET,
    pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX,
) -> DWORD {
    // SAFETY: `get_proxy_result_ex`: `pProxyResultEx` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxyResultEx` reads or writes through
    // it.
    guard_winhttp_code("WinHttpGetProxyResultEx", || unsafe { get_proxy_result_ex::<u32>(hResolver, pProxyResultEx) })
}
/// `WinHttpGetProxyResultEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyResultEx` is NULL or points to memory valid for what `WinHttpGetProxyResultEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxyResultEx_w16(
    hResolver: HINTERNET,
    pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX,
) -> DWORD {
    // SAFETY: `get_proxy_result_ex`: `pProxyResultEx` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxyResultEx` reads or writes through
    // it.
    guard_winhttp_code("WinHttpGetProxyResultEx_w16", || unsafe {
        get_proxy_result_ex::<u16>(hResolver, pProxyResultEx)
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpFreeProxyResult` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `r` is its
/// `pProxyResult`.
unsafe fn free_proxy_result<U: WideUnit>(r: *mut WINHTTP_PROXY_RESULT) {
    tracing::trace!(target: T, "WinHttpFreeProxyResult({r:?})");
    if r.is_null() {
        return;
    }
    // SAFETY: `free_entries`: `r` is non-NULL (checked above) and the caller's result, filled by
    // `WinHttpGetProxyResult(Ex)` and not freed yet (this function's `# Safety`): `pEntries` came from `leak_array`
    // with `cEntries` entries.
    unsafe { free_entries::<U>((*r).cEntries, (*r).pEntries) };
    // SAFETY: `r` is non-NULL (checked above) and the caller's result, valid for writing (this function's `# Safety`)
    unsafe {
        (*r).cEntries = 0;
    }
    // SAFETY: `r` is non-NULL (checked above) and the caller's result, valid for writing (this function's `# Safety`)
    unsafe {
        (*r).pEntries = null_mut();
    }
}

/// `WinHttpFreeProxyResult`: frees what `WinHttpGetProxyResult` allocated and zeroes the structure
/// (NULL is ignored).
///
/// # Safety
/// `pProxyResult` is NULL or points to memory valid for what `WinHttpFreeProxyResult` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResult(pProxyResult: *mut WINHTTP_PROXY_RESULT) {
    // SAFETY: `free_proxy_result`: `pProxyResult` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpFreeProxyResult` reads or writes through it.
    guard_infallible("WinHttpFreeProxyResult", (), || unsafe { free_proxy_result::<u32>(pProxyResult) })
}
/// `WinHttpFreeProxyResult` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyResult` is NULL or points to memory valid for what `WinHttpFreeProxyResult` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResult_w16(pProxyResult: *mut WINHTTP_PROXY_RESULT) {
    // SAFETY: `free_proxy_result`: `pProxyResult` is this export's own argument, passed on unchanged; its `# Safety`
    // makes it NULL or valid for what Windows documents `WinHttpFreeProxyResult` reads or writes through it.
    guard_infallible("WinHttpFreeProxyResult_w16", (), || unsafe { free_proxy_result::<u16>(pProxyResult) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpFreeProxyResultEx` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `r` is its
/// `pProxyResultEx`.
unsafe fn free_proxy_result_ex<U: WideUnit>(r: *mut WINHTTP_PROXY_RESULT_EX) {
    tracing::trace!(target: T, "WinHttpFreeProxyResultEx({r:?})");
    if r.is_null() {
        return;
    }
    // SAFETY: `free_entries`: `r` is non-NULL (checked above) and the caller's result, filled by
    // `WinHttpGetProxyResult(Ex)` and not freed yet (this function's `# Safety`): `pEntries` came from `leak_array`
    // with `cEntries` entries.
    unsafe { free_entries::<U>((*r).cEntries, (*r).pEntries) };
    // SAFETY: `r` is non-NULL (checked above) and the caller's result, valid for writing (this function's `# Safety`)
    unsafe {
        (*r).cEntries = 0;
    }
    // SAFETY: `r` is non-NULL (checked above) and the caller's result, valid for writing (this function's `# Safety`)
    unsafe {
        (*r).pEntries = null_mut();
    }
}

/// `WinHttpFreeProxyResultEx`: frees what `WinHttpGetProxyResultEx` allocated (NULL is ignored).
///
/// # Safety
/// `pProxyResultEx` is NULL or points to memory valid for what `WinHttpFreeProxyResultEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResultEx(pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX) {
    // SAFETY: `free_proxy_result_ex`: `pProxyResultEx` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxyResultEx` reads or writes through
    // it.
    guard_infallible("WinHttpFreeProxyResultEx", (), || unsafe { free_proxy_result_ex::<u32>(pProxyResultEx) })
}
/// `WinHttpFreeProxyResultEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxyResultEx` is NULL or points to memory valid for what `WinHttpFreeProxyResultEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxyResultEx_w16(pProxyResultEx: *mut WINHTTP_PROXY_RESULT_EX) {
    // SAFETY: `free_proxy_result_ex`: `pProxyResultEx` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxyResultEx` reads or writes through
    // it.
    guard_infallible("WinHttpFreeProxyResultEx_w16", (), || unsafe { free_proxy_result_ex::<u16>(pProxyResultEx) })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxySettingsEx` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `param` is its
/// `pProxySettingsParam`. In particular: `(*param).pcwszConnectionName as *const U` is NULL or points to a readable
/// NUL-terminated array of `U`.
unsafe fn get_proxy_settings_ex<U: WideUnit>(
    h: HINTERNET,
    ty: i32,
    param: *const WINHTTP_PROXY_SETTINGS_PARAM,
    context: usize,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsEx({h:?}, {ty}, {param:?}, {context:#x})");
    // SAFETY: `wide_cstr`: `(*param).pcwszConnectionName as *const U` is NULL or points to a readable NUL-terminated
    // array of `U`.
    let name = if param.is_null() { None } else { unsafe { wide_cstr((*param).pcwszConnectionName as *const U) } };
    resolver::get_proxy_settings(raw(h), ty, name, context)
}

/// `WinHttpGetProxySettingsEx`: returns `ERROR_IO_PENDING` and completes with
/// `WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE` through the resolver's status callback; then
/// `WinHttpGetProxySettingsResultEx` gives the settings. Both types (`WinHttpProxySettingsTypeWsl`,
/// `_Wsa`) get this process's static settings (environment variables, else the default proxy).
/// Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a resolver),
/// `ERROR_INVALID_PARAMETER` (unknown type).
///
/// # Safety
/// `pProxySettingsParam` is NULL or points to memory valid for what `WinHttpGetProxySettingsEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsEx(
    hResolver: HINTERNET,
    ProxySettingsType: i32,
    pProxySettingsParam: *mut WINHTTP_PROXY_SETTINGS_PARAM,
    pContext: usize,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxySettingsEx", || {
        // SAFETY: `get_proxy_settings_ex`: `pProxySettingsParam` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxySettingsEx` reads or writes
        // through it; in particular `(*param).pcwszConnectionName as *const U` is NULL or points to a readable
        // NUL-terminated array of `U`.
        unsafe { get_proxy_settings_ex::<u32>(hResolver, ProxySettingsType, pProxySettingsParam, pContext) }
    })
}
/// `WinHttpGetProxySettingsEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxySettingsParam` is NULL or points to memory valid for what `WinHttpGetProxySettingsEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsEx_w16(
    hResolver: HINTERNET,
    ProxySettingsType: i32,
    pProxySettingsParam: *mut WINHTTP_PROXY_SETTINGS_PARAM,
    pContext: usize,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxySettingsEx_w16", || {
        // SAFETY: `get_proxy_settings_ex`: `pProxySettingsParam` is this export's own argument, passed on unchanged;
        // its `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxySettingsEx` reads or writes
        // through it; in particular `(*param).pcwszConnectionName as *const U` is NULL or points to a readable
        // NUL-terminated array of `U`.
        unsafe { get_proxy_settings_ex::<u16>(hResolver, ProxySettingsType, pProxySettingsParam, pContext) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpGetProxySettingsResultEx` (and of its twins), which its `# Safety` asks
/// the caller to make NULL or valid for what Windows documents the function reads or writes through them: `out` is its
/// `pProxySettingsEx`.
unsafe fn get_proxy_settings_result_ex<U: WideUnit>(h: HINTERNET, out: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpGetProxySettingsResultEx({h:?}, {out:?})");
    resolver::check(raw(h))?;
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = resolver::proxy_settings_result(raw(h))?;
    let bypasses: Vec<*mut c_void> = s.bypasses.iter().map(|b| leak_wide::<U>(Some(b)) as *mut c_void).collect();
    let n = bypasses.len() as DWORD;
    // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
    unsafe {
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
        })
    };
    Ok(())
}

/// `WinHttpGetProxySettingsResultEx`: fills the `WINHTTP_PROXY_SETTINGS_EX` at `pProxySettingsEx`
/// with the last `WinHttpGetProxySettingsEx` answer (strings and bypass array allocated by the
/// library: free with `WinHttpFreeProxySettingsEx`; `dwInterfaceIndex` 0). Errors:
/// `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL),
/// `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (no completed `WinHttpGetProxySettingsEx`).
///
/// # Safety
/// `pProxySettingsEx` is NULL or points to memory valid for what `WinHttpGetProxySettingsResultEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsResultEx(hResolver: HINTERNET, pProxySettingsEx: *mut c_void) -> DWORD {
    guard_winhttp_code("WinHttpGetProxySettingsResultEx", || {
        // SAFETY: `get_proxy_settings_result_ex`: `pProxySettingsEx` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxySettingsResultEx`
        // reads or writes through it.
        unsafe { get_proxy_settings_result_ex::<u32>(hResolver, pProxySettingsEx) }
    })
}
/// `WinHttpGetProxySettingsResultEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxySettingsEx` is NULL or points to memory valid for what `WinHttpGetProxySettingsResultEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpGetProxySettingsResultEx_w16(
    hResolver: HINTERNET,
    pProxySettingsEx: *mut c_void,
) -> DWORD {
    guard_winhttp_code("WinHttpGetProxySettingsResultEx_w16", || {
        // SAFETY: `get_proxy_settings_result_ex`: `pProxySettingsEx` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `WinHttpGetProxySettingsResultEx`
        // reads or writes through it.
        unsafe { get_proxy_settings_result_ex::<u16>(hResolver, pProxySettingsEx) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpFreeProxySettingsEx` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `p` is its
/// `pProxySettingsEx`.
unsafe fn free_proxy_settings_ex<U: WideUnit>(ty: i32, p: *mut c_void) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpFreeProxySettingsEx({ty}, {p:?})");
    if (ty != WINHTTP_PROXY_SETTINGS_TYPE_WSL && ty != WINHTTP_PROXY_SETTINGS_TYPE_WSA) || p.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = p as *mut WINHTTP_PROXY_SETTINGS_EX;
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let v = unsafe { s.read_unaligned() };
    // SAFETY: `take_array`: `v.rgpcwszProxyBypasses` is NULL or came from `leak_array` with `v.cProxyBypasses as usize`
    // elements and was not freed yet.
    for b in unsafe { take_array(v.rgpcwszProxyBypasses, v.cProxyBypasses as usize) } {
        // SAFETY: `free_wide`: `b as *mut U` is NULL or came from `leak_wide::<U>` and was not freed yet.
        unsafe { free_wide(b as *mut U) };
    }
    for w in [v.pcwszAutoconfigUrl, v.pcwszProxy, v.pcwszSecureProxy, v.pcwszConnectionName] {
        // SAFETY: `free_wide`: `w as *mut U` is NULL or came from `leak_wide::<U>` and was not freed yet.
        unsafe { free_wide(w as *mut U) };
    }
    // SAFETY: `write_bytes`: the destination is valid for writing the count given
    unsafe { std::ptr::write_bytes(s as *mut u8, 0, size_of::<WINHTTP_PROXY_SETTINGS_EX>()) };
    Ok(())
}

/// `WinHttpFreeProxySettingsEx`: frees what `WinHttpGetProxySettingsResultEx` allocated and zeroes
/// the structure. Errors: `ERROR_INVALID_PARAMETER` (unknown type, NULL pointer).
///
/// # Safety
/// `pProxySettingsEx` is NULL or points to memory valid for what `WinHttpFreeProxySettingsEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettingsEx(ProxySettingsType: i32, pProxySettingsEx: *mut c_void) -> DWORD {
    // SAFETY: `free_proxy_settings_ex`: `pProxySettingsEx` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxySettingsEx` reads or writes through
    // it.
    guard_winhttp_code("WinHttpFreeProxySettingsEx", || unsafe {
        free_proxy_settings_ex::<u32>(ProxySettingsType, pProxySettingsEx)
    })
}
/// `WinHttpFreeProxySettingsEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `pProxySettingsEx` is NULL or points to memory valid for what `WinHttpFreeProxySettingsEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeProxySettingsEx_w16(
    ProxySettingsType: i32,
    pProxySettingsEx: *mut c_void,
) -> DWORD {
    guard_winhttp_code("WinHttpFreeProxySettingsEx_w16", || {
        // SAFETY: `free_proxy_settings_ex`: `pProxySettingsEx` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeProxySettingsEx` reads or writes
        // through it.
        unsafe { free_proxy_settings_ex::<u16>(ProxySettingsType, pProxySettingsEx) }
    })
}
