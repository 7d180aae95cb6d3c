//! Files: `fopen_s`, `_wfopen`, `_wfopen_s`.
#![allow(non_snake_case)]
use crate::crt::abi::EINVAL;
use crate::crt::invalid::{self, invalid_parameter, set_errno};
use crate::crt::Unit;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use std::ffi::{c_char, c_int};

/// Opens `name` with an MSVC mode string: `\` in the path is `/` (as CreateFile reads it); the mode letters
/// glibc does not know (`t` text, `c`/`n` commit, `S`/`R`/`T`/`D`/`N` hints) and a `, ccs=` encoding are
/// dropped. Returns the stream, or NULL with errno set by `fopen`.
///
/// # Safety
/// None beyond `fopen`'s: the strings are Rust strings; it is `unsafe` because the returned stream must be closed with
/// `fclose` once.
unsafe fn open_stream(name: &str, mode: &str) -> *mut libc::FILE {
    let path = crate::win32::file::linux_path(name);
    let mode: String = mode.split(',').next().unwrap_or("").chars().filter(|c| "rwa+bx".contains(*c)).collect();
    let (Ok(p), Ok(m)) = (std::ffi::CString::new(path.as_os_str().as_encoded_bytes()), std::ffi::CString::new(mode))
    else {
        set_errno(EINVAL);
        return std::ptr::null_mut();
    };
    // SAFETY: `libc::fopen`: `p` and `m` are NUL-terminated `CString`s made above.
    unsafe { libc::fopen(p.as_ptr(), m.as_ptr()) }
}

/// The checks `_wfopen` and `fopen_s` share: NULL name or mode, or an empty mode: the handler.
///
/// # Safety
/// The pointers are the arguments of `_wfopen` (and of its twins), which its `# Safety` asks the caller to make NULL or
/// valid for what Windows documents the function reads or writes through them: `name` is its `filename`, `mode` is its
/// `mode`. In particular: `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `name` is
/// NULL or points to a readable NUL-terminated array of `U`.
unsafe fn open_checked<U: Unit>(function: &str, name: *const U, mode: *const U) -> Result<*mut libc::FILE, c_int> {
    // SAFETY: a non-NULL `mode` is the caller's NUL-terminated string: its first unit is readable.
    if name.is_null() || mode.is_null() || unsafe { *mode }.is_zero() {
        return Err(invalid_parameter(function, EINVAL));
    }
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`; `wide_cstr`: `mode`
    // is NULL or points to a readable NUL-terminated array of `U`.
    let (name, mode) = (unsafe { wide_cstr(name) }.unwrap_or_default(), unsafe { wide_cstr(mode) }.unwrap_or_default());
    // SAFETY: `open_stream` takes Rust strings (`name`, `mode`, copied out of the caller's strings above); it only
    // calls `fopen`.
    Ok(unsafe { open_stream(&name, &mode) })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`_wfopen_s`, `fopen_s`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `_wfopen_s`: `pf` is its `pFile`, `name` is its `filename`, `mode` is its `mode`. In
/// particular: `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `name` is NULL or
/// points to a readable NUL-terminated array of `U`.
unsafe fn fopen_s_body<U: Unit>(function: &str, pf: *mut *mut libc::FILE, name: *const U, mode: *const U) -> c_int {
    if pf.is_null() {
        return invalid_parameter(function, EINVAL);
    }
    // SAFETY: `pf` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *pf = std::ptr::null_mut() };
    // SAFETY: `open_checked`: `name` and `mode` are this function's own arguments, each NULL or a readable
    // NUL-terminated string of `U` (its `# Safety`).
    match unsafe { open_checked(function, name, mode) } {
        Err(e) => e,
        Ok(f) if f.is_null() => invalid::errno(),
        Ok(f) => {
            // SAFETY: `pf` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
            // function's `# Safety`)
            unsafe { *pf = f };
            0
        }
    }
}

/// `fopen_s`: opens a file into `*pFile`. Returns 0, or the errno of the failed open (`*pFile` NULL); NULL
/// arguments go through the handler (`EINVAL`).
///
/// # Safety
/// `pFile`, `filename`, `mode` are each NULL or point to memory valid for what `fopen_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn fopen_s(pFile: *mut *mut libc::FILE, filename: *const c_char, mode: *const c_char) -> c_int {
    // SAFETY: `fopen_s_body`: `pFile`, `filename`, `mode` are this export's own arguments, passed on (cast to the
    // helper's types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `fopen_s`
    // reads or writes through them.
    guard_infallible("fopen_s", EINVAL, || unsafe {
        fopen_s_body("fopen_s", pFile, filename as *const u8, mode as *const u8)
    })
}

/// `_wfopen`: `fopen` with a wide name and mode; NULL with errno on failure, NULL arguments through the
/// handler.
///
/// # Safety
/// `filename`, `mode` are each NULL or point to memory valid for what `_wfopen` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wfopen(filename: *const u32, mode: *const u32) -> *mut libc::FILE {
    guard_infallible("_wfopen", std::ptr::null_mut(), || {
        // SAFETY: `open_checked`: `filename`, `mode` are this export's own arguments, passed on unchanged; its
        // `# Safety` makes them NULL or valid for what Windows documents `_wfopen` reads or writes through them; in
        // particular `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `filename` is
        // NULL or points to a readable NUL-terminated array of `U`.
        unsafe { open_checked("_wfopen", filename, mode) }.unwrap_or(std::ptr::null_mut())
    })
}

/// `_wfopen` for `-fshort-wchar` callers.
///
/// # Safety
/// `filename`, `mode` are each NULL or point to memory valid for what `_wfopen` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_w16(filename: *const u16, mode: *const u16) -> *mut libc::FILE {
    guard_infallible("_wfopen", std::ptr::null_mut(), || {
        // SAFETY: `open_checked`: `filename`, `mode` are this export's own arguments, passed on unchanged; its
        // `# Safety` makes them NULL or valid for what Windows documents `_wfopen` reads or writes through them; in
        // particular `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `filename` is
        // NULL or points to a readable NUL-terminated array of `U`.
        unsafe { open_checked("_wfopen", filename, mode) }.unwrap_or(std::ptr::null_mut())
    })
}

/// `_wfopen_s`: `fopen_s` with a wide name and mode.
///
/// # Safety
/// `pFile`, `filename`, `mode` are each NULL or point to memory valid for what `_wfopen_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_s(pFile: *mut *mut libc::FILE, filename: *const u32, mode: *const u32) -> c_int {
    // SAFETY: `fopen_s_body`: `pFile`, `filename`, `mode` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `_wfopen_s` reads or writes through them; in
    // particular `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `filename` is NULL
    // or points to a readable NUL-terminated array of `U`.
    guard_infallible("_wfopen_s", EINVAL, || unsafe { fopen_s_body("_wfopen_s", pFile, filename, mode) })
}

/// `_wfopen_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `pFile`, `filename`, `mode` are each NULL or point to memory valid for what `_wfopen_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wfopen_s_w16(pFile: *mut *mut libc::FILE, filename: *const u16, mode: *const u16) -> c_int {
    // SAFETY: `fopen_s_body`: `pFile`, `filename`, `mode` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `_wfopen_s` reads or writes through them; in
    // particular `mode` is NULL or the caller's NUL-terminated string: its first unit is readable; `filename` is NULL
    // or points to a readable NUL-terminated array of `U`.
    guard_infallible("_wfopen_s", EINVAL, || unsafe { fopen_s_body("_wfopen_s", pFile, filename, mode) })
}
