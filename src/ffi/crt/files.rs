//! Files: `fopen_s`, `_wfopen`, `_wfopen_s`.
#![allow(non_snake_case)]
use crate::crt::invalid::{self, invalid_parameter, set_errno, EINVAL};
use crate::crt::Unit;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use std::ffi::{c_char, c_int};

/// Opens `name` with an MSVC mode string: `\` in the path is `/` (as CreateFile reads it); the mode letters
/// glibc does not know (`t` text, `c`/`n` commit, `S`/`R`/`T`/`D`/`N` hints) and a `, ccs=` encoding are
/// dropped. Returns the stream, or NULL with errno set by `fopen`.
unsafe fn open_stream(name: &str, mode: &str) -> *mut libc::FILE {
    let path = crate::win32::file::linux_path(name);
    let mode: String = mode.split(',').next().unwrap_or("").chars().filter(|c| "rwa+bx".contains(*c)).collect();
    let (Ok(p), Ok(m)) = (std::ffi::CString::new(path.as_os_str().as_encoded_bytes()), std::ffi::CString::new(mode))
    else {
        set_errno(EINVAL);
        return std::ptr::null_mut();
    };
    libc::fopen(p.as_ptr(), m.as_ptr())
}

/// The checks `_wfopen` and `fopen_s` share: NULL name or mode, or an empty mode: the handler.
unsafe fn open_checked<U: Unit>(function: &str, name: *const U, mode: *const U) -> Result<*mut libc::FILE, c_int> {
    if name.is_null() || mode.is_null() || (*mode).is_zero() {
        return Err(invalid_parameter(function, EINVAL));
    }
    let (name, mode) = (wide_cstr(name).unwrap_or_default(), wide_cstr(mode).unwrap_or_default());
    Ok(open_stream(&name, &mode))
}

unsafe fn fopen_s_body<U: Unit>(function: &str, pf: *mut *mut libc::FILE, name: *const U, mode: *const U) -> c_int {
    if pf.is_null() {
        return invalid_parameter(function, EINVAL);
    }
    *pf = std::ptr::null_mut();
    match open_checked(function, name, mode) {
        Err(e) => e,
        Ok(f) if f.is_null() => invalid::errno(),
        Ok(f) => {
            *pf = f;
            0
        }
    }
}

/// `fopen_s`: opens a file into `*pFile`. Returns 0, or the errno of the failed open (`*pFile` NULL); NULL
/// arguments go through the handler (`EINVAL`).
#[no_mangle]
pub unsafe extern "C" fn fopen_s(pFile: *mut *mut libc::FILE, filename: *const c_char, mode: *const c_char) -> c_int {
    guard_infallible("fopen_s", EINVAL, || fopen_s_body("fopen_s", pFile, filename as *const u8, mode as *const u8))
}

/// `_wfopen`: `fopen` with a wide name and mode; NULL with errno on failure, NULL arguments through the
/// handler.
#[no_mangle]
pub unsafe extern "C" fn _wfopen(filename: *const u32, mode: *const u32) -> *mut libc::FILE {
    guard_infallible("_wfopen", std::ptr::null_mut(), || {
        open_checked("_wfopen", filename, mode).unwrap_or(std::ptr::null_mut())
    })
}

/// `_wfopen` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_w16(filename: *const u16, mode: *const u16) -> *mut libc::FILE {
    guard_infallible("_wfopen", std::ptr::null_mut(), || {
        open_checked("_wfopen", filename, mode).unwrap_or(std::ptr::null_mut())
    })
}

/// `_wfopen_s`: `fopen_s` with a wide name and mode.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_s(pFile: *mut *mut libc::FILE, filename: *const u32, mode: *const u32) -> c_int {
    guard_infallible("_wfopen_s", EINVAL, || fopen_s_body("_wfopen_s", pFile, filename, mode))
}

/// `_wfopen_s` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_s_w16(pFile: *mut *mut libc::FILE, filename: *const u16, mode: *const u16) -> c_int {
    guard_infallible("_wfopen_s", EINVAL, || fopen_s_body("_wfopen_s", pFile, filename, mode))
}
