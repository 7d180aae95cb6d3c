//! URLs: `WinHttpCrackUrl`, `WinHttpCreateUrl` (engine: `client::url`).
use super::*;
use crate::client::url;
use crate::ffi::guard::guard_winhttp;
use crate::ffi::ptr::{wide_cstr, wide_str_len};
use crate::ffi::types::*;
use crate::ffi::winhttp::types::*;
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_void;

/// Delivers one cracked component: a pointer into the URL (caller's pointer NULL, length non-zero), a
/// copy into the caller's buffer (pointer non-NULL; length = capacity in characters), or nothing
/// (length 0).
unsafe fn put_component<U: WideUnit>(
    base: *const U,
    units: &[U],
    range: std::ops::Range<usize>,
    ptr: *mut *mut c_void,
    len: *mut u32,
    flags: u32,
    escapable: bool,
) -> WinResult<()> {
    if *len == 0 && (*ptr).is_null() {
        return Ok(());
    }
    if (*ptr).is_null() {
        *ptr = base.add(range.start) as *mut c_void;
        *len = range.len() as u32;
        return Ok(());
    }
    let mut text = wstr::decode(&units[range]);
    if flags & url::ICU_DECODE != 0 {
        text = url::decode(&text);
    }
    if flags & url::ICU_ESCAPE != 0 && escapable {
        text = url::escape(&text);
    }
    let out = wstr::encode_nul::<U>(&text);
    if (*len as usize) < out.len() {
        *len = out.len() as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    std::ptr::copy_nonoverlapping(out.as_ptr(), *ptr as *mut U, out.len());
    *len = (out.len() - 1) as u32;
    Ok(())
}

unsafe fn crack_url<U: WideUnit>(
    u: *const U,
    ulen: DWORD,
    flags: DWORD,
    comps: *mut URL_COMPONENTS,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCrackUrl({u:?}, {ulen}, {flags:#x}, {comps:?})");
    if u.is_null() || comps.is_null() || (*comps).dwStructSize as usize != std::mem::size_of::<URL_COMPONENTS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut n = 0usize;
    if ulen == 0 {
        while !(*u.add(n)).is_zero() {
            n += 1;
        }
    } else {
        n = ulen as usize;
    }
    let units = std::slice::from_raw_parts(u, n);
    let widened: Vec<u32> = units
        .iter()
        .map(|&c| wstr::decode(std::slice::from_ref(&c)).chars().next().map(|ch| ch as u32).unwrap_or(0xFFFD))
        .collect();
    let c = url::crack(&widened)?;
    let uc = &mut *comps;
    put_component(u, units, c.scheme.clone(), &mut uc.lpszScheme, &mut uc.dwSchemeLength, flags, false)?;
    put_component(u, units, c.host.clone(), &mut uc.lpszHostName, &mut uc.dwHostNameLength, flags, false)?;
    put_component(u, units, c.user.clone(), &mut uc.lpszUserName, &mut uc.dwUserNameLength, flags, false)?;
    put_component(u, units, c.password.clone(), &mut uc.lpszPassword, &mut uc.dwPasswordLength, flags, false)?;
    put_component(u, units, c.path.clone(), &mut uc.lpszUrlPath, &mut uc.dwUrlPathLength, flags, true)?;
    put_component(u, units, c.extra.clone(), &mut uc.lpszExtraInfo, &mut uc.dwExtraInfoLength, flags, true)?;
    uc.nScheme = c.n_scheme;
    uc.nPort = c.port;
    Ok(TRUE)
}

/// `WinHttpCrackUrl`: splits an http/https URL (`dwUrlLength` 0 = NUL-terminated) into the components
/// the caller asks for in `URL_COMPONENTS` (pointers into the URL, or copies into caller buffers with
/// lengths in characters; `ICU_DECODE` decodes, `ICU_ESCAPE` escapes path and extra info).
/// Errors: `ERROR_WINHTTP_UNRECOGNIZED_SCHEME`, `ERROR_WINHTTP_INVALID_URL`, `ERROR_INVALID_PARAMETER`,
/// `ERROR_INSUFFICIENT_BUFFER` (length = characters needed with the NUL).
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl(
    pwszUrl: *const WCHAR,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    guard_winhttp("WinHttpCrackUrl", FALSE, || crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents))
}
/// `WinHttpCrackUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCrackUrl_w16(
    pwszUrl: *const u16,
    dwUrlLength: DWORD,
    dwFlags: DWORD,
    lpUrlComponents: *mut URL_COMPONENTS,
) -> BOOL {
    guard_winhttp("WinHttpCrackUrl_w16", FALSE, || crack_url(pwszUrl, dwUrlLength, dwFlags, lpUrlComponents))
}

unsafe fn component<U: WideUnit>(p: *mut c_void, len: u32) -> Option<String> {
    if p.is_null() {
        return None;
    }
    if len == 0 {
        wide_cstr(p as *const U)
    } else {
        wide_str_len(p as *const U, len)
    }
}

unsafe fn create_url<U: WideUnit>(
    comps: *const URL_COMPONENTS,
    flags: DWORD,
    out: *mut U,
    out_len: *mut DWORD,
) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpCreateUrl({comps:?}, {flags:#x}, {out:?}, {out_len:?})");
    if comps.is_null() || out_len.is_null() || (*comps).dwStructSize as usize != std::mem::size_of::<URL_COMPONENTS>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let c = &*comps;
    let parts = url::Parts {
        scheme: component::<U>(c.lpszScheme, c.dwSchemeLength),
        n_scheme: c.nScheme,
        host: component::<U>(c.lpszHostName, c.dwHostNameLength),
        port: c.nPort,
        user: component::<U>(c.lpszUserName, c.dwUserNameLength),
        password: component::<U>(c.lpszPassword, c.dwPasswordLength),
        path: component::<U>(c.lpszUrlPath, c.dwUrlPathLength),
        extra: component::<U>(c.lpszExtraInfo, c.dwExtraInfoLength),
    };
    let s = url::create(&parts, flags)?;
    let units = wstr::encode_nul::<U>(&s);
    if out.is_null() || (*out_len as usize) < units.len() {
        *out_len = units.len() as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    std::ptr::copy_nonoverlapping(units.as_ptr(), out, units.len());
    *out_len = (units.len() - 1) as u32;
    Ok(TRUE)
}

/// `WinHttpCreateUrl`: joins `URL_COMPONENTS` into a URL (`ICU_ESCAPE` escapes path and extra info,
/// `ICU_REJECT_USERPWD` refuses credentials). `*pdwUrlLength` is in characters: too small or NULL buffer
/// -> `ERROR_INSUFFICIENT_BUFFER` with the characters needed (NUL included); success -> the length
/// without the NUL.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut WCHAR,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpCreateUrl", FALSE, || create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength))
}
/// `WinHttpCreateUrl` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn WinHttpCreateUrl_w16(
    lpUrlComponents: *const URL_COMPONENTS,
    dwFlags: DWORD,
    pwszUrl: *mut u16,
    pdwUrlLength: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpCreateUrl_w16", FALSE, || create_url(lpUrlComponents, dwFlags, pwszUrl, pdwUrlLength))
}
