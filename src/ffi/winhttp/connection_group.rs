//! Connection groups: `WinHttpQueryConnectionGroup`, `WinHttpFreeQueryConnectionGroupResult`
//! (engine: the session pool through `client::api`).
use super::*;
use crate::client::abi::*;
use crate::ffi::guard::{guard_infallible, guard_winhttp_code};
use crate::ffi::ptr::{free_wide, leak_array, leak_wide, take_array};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `WinHttpQueryConnectionGroup` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `guid` is its
/// `pGuidConnection`, `out` is its `ppResult`.
unsafe fn query_connection_group<U: WideUnit>(
    h: HINTERNET,
    guid: *const [u8; 16],
    flags: u64,
    out: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpQueryConnectionGroup({h:?}, {guid:?}, {flags:#x}, {out:?})");
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let g = (!guid.is_null()).then(|| unsafe { guid.read_unaligned() });
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
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out = Box::into_raw(result) };
    Ok(())
}

/// `WinHttpQueryConnectionGroup`: the connections (in use or idle) the session holds to the host of
/// `hInternet` (a connect handle: HTTPS unless `WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE`; a
/// request handle: its scheme), in one GUID_NULL group (connections carry no GUID here); a host with
/// none is left out (`cHosts` 0). `*ppResult` is allocated by the library: free it with
/// `WinHttpFreeQueryConnectionGroupResult`. Errors: `ERROR_INVALID_HANDLE`,
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`, `ERROR_INVALID_PARAMETER` (NULL `ppResult`, unknown flags).
///
/// # Safety
/// `pGuidConnection`, `ppResult` are each NULL or point to memory valid for what `WinHttpQueryConnectionGroup`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryConnectionGroup(
    hInternet: HINTERNET,
    pGuidConnection: *const [u8; 16],
    ullFlags: u64,
    ppResult: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> DWORD {
    guard_winhttp_code("WinHttpQueryConnectionGroup", || {
        // SAFETY: `query_connection_group`: `pGuidConnection`, `ppResult` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpQueryConnectionGroup`
        // reads or writes through them.
        unsafe { query_connection_group::<u32>(hInternet, pGuidConnection, ullFlags, ppResult) }
    })
}
/// `WinHttpQueryConnectionGroup` for `-fshort-wchar` callers.
///
/// # Safety
/// `pGuidConnection`, `ppResult` are each NULL or point to memory valid for what `WinHttpQueryConnectionGroup`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryConnectionGroup_w16(
    hInternet: HINTERNET,
    pGuidConnection: *const [u8; 16],
    ullFlags: u64,
    ppResult: *mut *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) -> DWORD {
    guard_winhttp_code("WinHttpQueryConnectionGroup_w16", || {
        // SAFETY: `query_connection_group`: `pGuidConnection`, `ppResult` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpQueryConnectionGroup`
        // reads or writes through them.
        unsafe { query_connection_group::<u16>(hInternet, pGuidConnection, ullFlags, ppResult) }
    })
}

/// # Safety
/// The pointers are the arguments of `WinHttpFreeQueryConnectionGroupResult` (and of its twins), which its `# Safety`
/// asks the caller to make NULL or valid for what Windows documents the function reads or writes through them: `p` is
/// its `pResult`.
unsafe fn free_query_connection_group_result<U: WideUnit>(p: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT) {
    tracing::trace!(target: T, "WinHttpFreeQueryConnectionGroupResult({p:?})");
    if p.is_null() {
        return;
    }
    // SAFETY: `from_raw`: the pointer came from the matching into_raw/leak
    let r = unsafe { Box::from_raw(p) };
    // SAFETY: `take_array`: `r.pHostConnectionGroups` is NULL or came from `leak_array` with `r.cHosts as usize`
    // elements and was not freed yet.
    for hg in unsafe { take_array(r.pHostConnectionGroups, r.cHosts as usize) } {
        // SAFETY: `free_wide`: `hg.pwszHost as *mut U` is NULL or came from `leak_wide::<U>` and was not freed yet.
        unsafe { free_wide(hg.pwszHost as *mut U) };
        // SAFETY: `take_array`: `hg.pConnectionGroups` is NULL or came from `leak_array` with
        // `hg.cConnectionGroups as usize` elements and was not freed yet.
        drop(unsafe { take_array(hg.pConnectionGroups, hg.cConnectionGroups as usize) });
    }
}

/// `WinHttpFreeQueryConnectionGroupResult`: frees a `WinHttpQueryConnectionGroup` result (NULL is ignored).
///
/// # Safety
/// `pResult` is NULL or points to memory valid for what `WinHttpFreeQueryConnectionGroupResult` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeQueryConnectionGroupResult(pResult: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT) {
    // SAFETY: `free_query_connection_group_result`: `pResult` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `WinHttpFreeQueryConnectionGroupResult` reads or
    // writes through it.
    guard_infallible("WinHttpFreeQueryConnectionGroupResult", (), || unsafe {
        free_query_connection_group_result::<u32>(pResult)
    })
}
/// `WinHttpFreeQueryConnectionGroupResult` for `-fshort-wchar` callers.
///
/// # Safety
/// `pResult` is NULL or points to memory valid for what `WinHttpFreeQueryConnectionGroupResult` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpFreeQueryConnectionGroupResult_w16(
    pResult: *mut WINHTTP_QUERY_CONNECTION_GROUP_RESULT,
) {
    guard_infallible("WinHttpFreeQueryConnectionGroupResult_w16", (), || {
        // SAFETY: `free_query_connection_group_result`: `pResult` is this export's own argument: NULL or a result
        // `WinHttpQueryConnectionGroup` filled and not freed yet (its `# Safety`).
        unsafe { free_query_connection_group_result::<u16>(pResult) }
    })
}
