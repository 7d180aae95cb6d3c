//! URLs: `WinHttpCrackUrl`, `WinHttpCreateUrl` (engine: `client::url`).
use super::*;
use crate::client::abi::*;
use crate::client::url;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::{wide_cstr, wide_str_len};
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_void;

/// A `URL_COMPONENTS` pointer field and its length field.
type Slot = (*mut *mut c_void, *mut u32);

/// Delivers one cracked component: a pointer into the URL (caller's pointer NULL, length non-zero;
/// NULL and 0 for a part the URL does not have), a copy into the caller's buffer (pointer non-NULL;
/// length = capacity in characters), or nothing (length 0). A buffer too small gets the length needed
/// (NUL included) and sets `*overflow`; the other components are still delivered, as Windows does.
///
/// # Safety
/// `ptr` and `len` point to a component's pointer and length fields in the caller's `URL_COMPONENTS`, readable and
/// writable; a non-NULL component pointer there points to as many writable units as its length says; `base` is the URL
/// `units` was read from (the pointers handed back point into it).
unsafe fn put_component<U: WideUnit>(
    base: *const U,
    units: &[U],
    range: Option<std::ops::Range<usize>>,
    (ptr, len): Slot,
    flags: u32,
    overflow: &mut bool,
    escapable: bool,
) {
    // SAFETY: `ptr` and `len` point into the caller's URL_COMPONENTS (crack_url checked it is non-NULL and of
    // the right size).
    let (p0, n0) = unsafe { (*ptr, *len) };
    if n0 == 0 {
        return;
    }
    if p0.is_null() {
        match range {
            Some(r) => {
                // SAFETY: `ptr` is the caller's pointer, valid for writing what is stored (this function's `# Safety`);
                // `add`: the offset stays inside the caller's buffer
                unsafe { *ptr = base.add(r.start) as *mut c_void };
                // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
                unsafe { *len = r.len() as u32 };
            }
            // SAFETY: as above.
            None => unsafe { *len = 0 },
        }
        return;
    }
    let mut text = range.map(|r| wstr::decode(&units[r])).unwrap_or_default();
    if flags & ICU_DECODE != 0 {
        text = url::decode(&text);
    }
    if flags & ICU_ESCAPE != 0 && escapable {
        text = url::escape(&text);
    }
    let out = wstr::encode_nul::<U>(&text);
    if (n0 as usize) < out.len() {
        // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
        unsafe { *len = out.len() as u32 };
        *overflow = true;
        return;
    }
    // SAFETY: the caller's buffer `p0` holds `n0` >= out.len() units; `out` is ours, so they do not overlap.
    unsafe { std::ptr::copy_nonoverlapping(out.as_ptr(), p0 as *mut U, out.len()) };
    // SAFETY: `len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
    unsafe { *len = (out.len() - 1) as u32 };
}

/// # Safety
/// The pointers are the arguments of `WinHttpCrackUrl` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `u` is its `pwszUrl`, `comps` is
/// its `lpUrlComponents`.
unsafe fn crack_url<U: WideUnit>(
    u: *const U,
    ulen: DWORD,
    flags: DWORD,
    comps: *mut URL_COMPONENTS,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCrackUrl({u:?}, {ulen}, {flags:#x}, {comps:?})");
    if u.is_null()
        || comps.is_null()
        // SAFETY: `comps` is non-NULL (checked just before) and the caller's URL_COMPONENTS (this function's contract).
        || (unsafe { (*comps).dwStructSize }) as usize != std::mem::size_of::<URL_COMPONENTS>()
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut n = 0usize;
    if ulen == 0 {
        // SAFETY: with length 0 the URL is NUL-terminated (WinHttpCrackUrl's contract): reading stops at the NUL.
        while !unsafe { *u.add(n) }.is_zero() {
            n += 1;
        }
    } else {
        n = ulen as usize;
    }
    // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
    let units = unsafe { std::slice::from_raw_parts(u, n) };
    let widened: Vec<u32> = units
        .iter()
        .map(|&c| wstr::decode(std::slice::from_ref(&c)).chars().next().map(|ch| ch as u32).unwrap_or(0xFFFD))
        .collect();
    let mut c = url::crack(&widened)?;
    // SAFETY: `comps` is non-NULL (checked above) and the caller's, not aliased during the call.
    let uc = unsafe { &mut *comps };
    // Extra info not asked for: the query stays part of the path.
    if uc.lpszExtraInfo.is_null() && uc.dwExtraInfoLength == 0 {
        c.path = c.path.start..c.extra.end;
    }
    // Path and extra info last: ICU_ESCAPE applies to them only.
    let parts: [(Option<std::ops::Range<usize>>, Slot); 6] = [
        (Some(c.scheme), (&mut uc.lpszScheme as *mut _, &mut uc.dwSchemeLength as *mut _)),
        (Some(c.host), (&mut uc.lpszHostName as *mut _, &mut uc.dwHostNameLength as *mut _)),
        (c.user, (&mut uc.lpszUserName as *mut _, &mut uc.dwUserNameLength as *mut _)),
        (c.password, (&mut uc.lpszPassword as *mut _, &mut uc.dwPasswordLength as *mut _)),
        (Some(c.path), (&mut uc.lpszUrlPath as *mut _, &mut uc.dwUrlPathLength as *mut _)),
        (Some(c.extra), (&mut uc.lpszExtraInfo as *mut _, &mut uc.dwExtraInfoLength as *mut _)),
    ];
    // Checked before anything is written: a buffer with length 0, or a pointer into the URL where the
    // text would have to be decoded or escaped, is ERROR_INVALID_PARAMETER (Wine's tests on Windows).
    for (range, (ptr, len)) in &parts {
        let pointer_mode_changes = flags & (ICU_DECODE | ICU_ESCAPE) != 0
            // SAFETY: `ptr` points into `uc`, the caller's URL_COMPONENTS.
            && unsafe { (**ptr).is_null() }
            // SAFETY: `len` points into `uc`, the caller's URL_COMPONENTS.
            && unsafe { **len } != 0
            && range.as_ref().is_some_and(|r| !r.is_empty());
        // SAFETY: as above.
        if (unsafe { !(**ptr).is_null() && **len == 0 }) || pointer_mode_changes {
            return Err(ERROR_INVALID_PARAMETER);
        }
    }
    let mut overflow = false;
    for (i, (range, slot)) in parts.into_iter().enumerate() {
        // SAFETY: `put_component`: `u` is the caller's URL (`units` the slice read from it); `slot` points into
        // `comps`, the caller's URL_COMPONENTS, non-NULL and of the right size (checked above; this function's
        // `# Safety`).
        unsafe { put_component(u, units, range, slot, flags, &mut overflow, i >= 4) };
    }
    uc.nScheme = c.n_scheme;
    uc.nPort = c.port;
    if overflow {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    Ok(TRUE)
}

/// `WinHttpCrackUrl`: splits an http/https URL (`dwUrlLength` 0 = NUL-terminated) into the components
/// the caller asks for in `URL_COMPONENTS` (pointers into the URL, or copies into caller buffers with
/// lengths in characters; `ICU_DECODE` decodes, `ICU_ESCAPE` escapes path and extra info).
/// Errors: `ERROR_WINHTTP_UNRECOGNIZED_SCHEME`, `ERROR_WINHTTP_INVALID_URL`, `ERROR_INVALID_PARAMETER`,
/// `ERROR_INSUFFICIENT_BUFFER` (length = characters needed with the NUL).
///
/// # Safety
/// `pwszUrl`, `lpUrlComponents` are each NULL or point to memory valid for what `WinHttpCrackUrl` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl(
    pwszUrl: *const WCHAR,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    // SAFETY: `crack_url`: `pwszUrl`, `lpUrlComponents` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpCrackUrl` reads or writes through them.
    guard_winhttp("WinHttpCrackUrl", FALSE, || unsafe { crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents) })
}
/// `WinHttpCrackUrl` for `-fshort-wchar` callers.
///
/// # Safety
/// `pwszUrl`, `lpUrlComponents` are each NULL or point to memory valid for what `WinHttpCrackUrl` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl_w16(
    pwszUrl: *const u16,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    // SAFETY: `crack_url`: `pwszUrl`, `lpUrlComponents` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `WinHttpCrackUrl` reads or writes through them.
    guard_winhttp("WinHttpCrackUrl_w16", FALSE, || unsafe { crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents) })
}

/// # Safety
/// `p as *const U` is NULL or points to a readable NUL-terminated array of `U`; `p as *const U` is NULL or points to
/// `len` readable units (or a NUL-terminated string when `len` is -1).
unsafe fn component<U: WideUnit>(p: *mut c_void, len: u32) -> Option<String> {
    if p.is_null() {
        return None;
    }
    if len == 0 {
        // SAFETY: `wide_cstr`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { wide_cstr(p as *const U) }
    } else {
        // SAFETY: `wide_str_len`: `p as *const U` is NULL or points to `len` readable units (or a NUL-terminated
        // string when `len` is -1).
        unsafe { wide_str_len(p as *const U, len) }
    }
}

/// # Safety
/// The pointers are the arguments of `WinHttpCreateUrl` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `comps` is its
/// `lpUrlComponents`, `out` is its `pwszUrl`, `out_len` is its `pdwUrlLength`.
unsafe fn create_url<U: WideUnit>(
    comps: *const URL_COMPONENTS,
    flags: DWORD,
    out: *mut U,
    out_len: *mut DWORD,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCreateUrl({comps:?}, {flags:#x}, {out:?}, {out_len:?})");
    if comps.is_null()
        || out_len.is_null()
        // SAFETY: `comps` is non-NULL (checked just before) and the caller's URL_COMPONENTS (this function's contract).
        || (unsafe { (*comps).dwStructSize }) as usize != std::mem::size_of::<URL_COMPONENTS>()
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: as above; only read.
    let c = unsafe { &*comps };
    let parts = url::Parts {
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwSchemeLength` readable units (or a NUL-terminated string when
        // `c.dwSchemeLength` is -1).
        scheme: unsafe { component::<U>(c.lpszScheme, c.dwSchemeLength) },
        n_scheme: c.nScheme,
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwHostNameLength` readable units (or a NUL-terminated string when
        // `c.dwHostNameLength` is -1).
        host: unsafe { component::<U>(c.lpszHostName, c.dwHostNameLength) },
        port: c.nPort,
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwUserNameLength` readable units (or a NUL-terminated string when
        // `c.dwUserNameLength` is -1).
        user: unsafe { component::<U>(c.lpszUserName, c.dwUserNameLength) },
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwPasswordLength` readable units (or a NUL-terminated string when
        // `c.dwPasswordLength` is -1).
        password: unsafe { component::<U>(c.lpszPassword, c.dwPasswordLength) },
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwUrlPathLength` readable units (or a NUL-terminated string when
        // `c.dwUrlPathLength` is -1).
        path: unsafe { component::<U>(c.lpszUrlPath, c.dwUrlPathLength) },
        // SAFETY: `component`: `p as *const U` is NULL or points to a readable NUL-terminated array of `U`;
        // `p as *const U` is NULL or points to `c.dwExtraInfoLength` readable units (or a NUL-terminated string when
        // `c.dwExtraInfoLength` is -1).
        extra: unsafe { component::<U>(c.lpszExtraInfo, c.dwExtraInfoLength) },
    };
    let s = url::create(&parts, flags)?;
    let units = wstr::encode_nul::<U>(&s);
    // SAFETY: `out_len` is non-NULL (checked above) and the caller's DWORD.
    if (unsafe { *out_len } as usize) < units.len() {
        // SAFETY: `out_len` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
        // function's `# Safety`)
        unsafe { *out_len = units.len() as u32 };
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // A length big enough with no buffer: ERROR_INVALID_PARAMETER, the length left alone (Windows 7+).
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `copy_nonoverlapping`: both ranges are valid for the count given and do not overlap
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len()) };
    // SAFETY: `out_len` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
    unsafe { *out_len = (units.len() - 1) as u32 };
    Ok(TRUE)
}

/// `WinHttpCreateUrl`: joins `URL_COMPONENTS` into a URL (`ICU_ESCAPE` escapes path and extra info,
/// `ICU_REJECT_USERPWD` refuses credentials). `*pdwUrlLength` is in characters: too small ->
/// `ERROR_INSUFFICIENT_BUFFER` with the characters needed (NUL included); big enough but `pwszUrl` NULL
/// -> `ERROR_INVALID_PARAMETER`, length unchanged; success -> the length without the NUL.
///
/// # Safety
/// `lpUrlComponents`, `pwszUrl`, `pdwUrlLength` are each NULL or point to memory valid for what `WinHttpCreateUrl`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut WCHAR,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    // SAFETY: `create_url`: `lpUrlComponents`, `pwszUrl`, `pdwUrlLength` are this export's own arguments, passed on
    // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpCreateUrl` reads or writes
    // through them.
    guard_winhttp("WinHttpCreateUrl", FALSE, || unsafe { create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength) })
}
/// `WinHttpCreateUrl` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpUrlComponents`, `pwszUrl`, `pdwUrlLength` are each NULL or point to memory valid for what `WinHttpCreateUrl`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl_w16(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut u16,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    // SAFETY: `create_url`: `lpUrlComponents`, `pwszUrl`, `pdwUrlLength` are this export's own arguments, passed on
    // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `WinHttpCreateUrl` reads or writes
    // through them.
    guard_winhttp("WinHttpCreateUrl_w16", FALSE, || unsafe {
        create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength)
    })
}
