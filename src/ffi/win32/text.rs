//! Code pages and strings: `MultiByteToWideChar`, `WideCharToMultiByte`, `lstrlen*`,
//! `OutputDebugString*` (engine: `win32::text`, `win32::wstr`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::text;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_char;

/// The body of `MultiByteToWideChar` for either `wchar_t` width.
///
/// # Safety
/// The pointers are the arguments of `MultiByteToWideChar` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `lpMultiByteStr` is its
/// `lpMultiByteStr`, `lpWideCharStr` is its `lpWideCharStr`.
unsafe fn multi_byte_to_wide_char<U: WideUnit>(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut U,
    cchWideChar: i32,
) -> WinResult<i32> {
    tracing::trace!(target: "winhttpapi::win32", "MultiByteToWideChar({CodePage}, {dwFlags:#x}, {lpMultiByteStr:?}, {cbMultiByte}, {lpWideCharStr:?}, {cchWideChar})");
    text::check_code_page(CodePage)?;
    let allowed =
        if CodePage == CP_UTF8 { MB_ERR_INVALID_CHARS } else { MB_ERR_INVALID_CHARS | MB_PRECOMPOSED | 0x2 | 0x4 };
    if dwFlags & !allowed != 0 {
        return Err(ERROR_INVALID_FLAGS);
    }
    if lpMultiByteStr.is_null()
        || cbMultiByte == 0
        || cbMultiByte < -1
        || cchWideChar < 0
        || (lpWideCharStr.is_null() && cchWideChar != 0)
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let src = lpMultiByteStr as *const u8;
    // -1: the string up to and including its NUL, which is converted too.
    // SAFETY: `units_strlen`: `src` is non-NULL and points to a readable NUL-terminated array of `U`.
    let len = if cbMultiByte == -1 { (unsafe { units_strlen(src) }) + 1 } else { cbMultiByte as usize };
    // SAFETY: `units_in`: `src` points to `len` readable units valid for `'a` (it may be NULL only when `len` is 0).
    let wide = text::utf8_to_wide::<U>(unsafe { units_in(src, len) }, dwFlags & MB_ERR_INVALID_CHARS != 0)?;
    let needed = i32::try_from(wide.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if cchWideChar == 0 {
        return Ok(needed);
    }
    if needed > cchWideChar {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `units_out`: `lpWideCharStr` points to `wide.len()` writable units valid for `'a`, not aliased (NULL
    // only when `wide.len()` is 0).
    unsafe { units_out(lpWideCharStr, wide.len()) }.copy_from_slice(&wide);
    Ok(needed)
}

/// `MultiByteToWideChar`: UTF-8 (`CP_UTF8`, and `CP_ACP`/`CP_OEMCP`/`CP_THREAD_ACP`, which are UTF-8
/// on Linux) to `wchar_t`. `cbMultiByte` = -1 converts up to and including the NUL; `cchWideChar` = 0
/// returns the size needed; a small buffer: 0 with `ERROR_INSUFFICIENT_BUFFER`; invalid input with
/// `MB_ERR_INVALID_CHARS`: `ERROR_NO_UNICODE_TRANSLATION`, otherwise U+FFFD; other pages:
/// `ERROR_INVALID_PARAMETER`; flags `CP_UTF8` does not take: `ERROR_INVALID_FLAGS`.
///
/// # Safety
/// `lpMultiByteStr`, `lpWideCharStr` are each NULL or point to memory valid for what `MultiByteToWideChar` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn MultiByteToWideChar(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut u32,
    cchWideChar: i32,
) -> i32 {
    guard_win32("MultiByteToWideChar", 0, || {
        // SAFETY: `multi_byte_to_wide_char`: `lpMultiByteStr`, `lpWideCharStr` are this export's own arguments, passed
        // on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `MultiByteToWideChar` reads
        // or writes through them.
        unsafe { multi_byte_to_wide_char(CodePage, dwFlags, lpMultiByteStr, cbMultiByte, lpWideCharStr, cchWideChar) }
    })
}

/// `MultiByteToWideChar` for `-fshort-wchar` callers (UTF-16).
///
/// # Safety
/// `lpMultiByteStr`, `lpWideCharStr` are each NULL or point to memory valid for what `MultiByteToWideChar` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn MultiByteToWideChar_w16(
    CodePage: u32,
    dwFlags: DWORD,
    lpMultiByteStr: *const c_char,
    cbMultiByte: i32,
    lpWideCharStr: *mut u16,
    cchWideChar: i32,
) -> i32 {
    guard_win32("MultiByteToWideChar", 0, || {
        // SAFETY: `multi_byte_to_wide_char`: `lpMultiByteStr`, `lpWideCharStr` are this export's own arguments, passed
        // on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `MultiByteToWideChar` reads
        // or writes through them.
        unsafe { multi_byte_to_wide_char(CodePage, dwFlags, lpMultiByteStr, cbMultiByte, lpWideCharStr, cchWideChar) }
    })
}

/// The body of `WideCharToMultiByte` for either `wchar_t` width.
///
/// # Safety
/// The pointers are the arguments of `WideCharToMultiByte` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `lpWideCharStr` is its
/// `lpWideCharStr`, `lpMultiByteStr` is its `lpMultiByteStr`, `lpDefaultChar` is its `lpDefaultChar`,
/// `lpUsedDefaultChar` is its `lpUsedDefaultChar`. In particular: `lpWideCharStr` is NULL or points to a readable
/// NUL-terminated array of `U`; `lpUsedDefaultChar` is NULL or points to a writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn wide_char_to_multi_byte<U: WideUnit>(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const U,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> WinResult<i32> {
    tracing::trace!(target: "winhttpapi::win32", "WideCharToMultiByte({CodePage}, {dwFlags:#x}, {lpWideCharStr:?}, {cchWideChar}, {lpMultiByteStr:?}, {cbMultiByte})");
    text::check_code_page(CodePage)?;
    if CodePage == CP_UTF8 {
        // CP_UTF8 takes no default character (WideCharToMultiByte docs).
        if !lpDefaultChar.is_null() || !lpUsedDefaultChar.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if dwFlags & !WC_ERR_INVALID_CHARS != 0 {
            return Err(ERROR_INVALID_FLAGS);
        }
    } else if dwFlags & !(WC_ERR_INVALID_CHARS | WC_NO_BEST_FIT_CHARS | WC_COMPOSITECHECK | 0x10 | 0x20 | 0x40) != 0 {
        return Err(ERROR_INVALID_FLAGS);
    }
    if lpWideCharStr.is_null()
        || cchWideChar == 0
        || cchWideChar < -1
        || cbMultiByte < 0
        || (lpMultiByteStr.is_null() && cbMultiByte != 0)
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `units_strlen`: `lpWideCharStr` is non-NULL and points to a readable NUL-terminated array of `U`.
    let len = if cchWideChar == -1 { (unsafe { units_strlen(lpWideCharStr) }) + 1 } else { cchWideChar as usize };
    // SAFETY: `units_in`: `lpWideCharStr` points to `len` readable units valid for `'a` (it may be NULL only when
    // `len` is 0).
    let bytes = text::wide_to_utf8(unsafe { units_in(lpWideCharStr, len) }, dwFlags & WC_ERR_INVALID_CHARS != 0)?;
    // SAFETY: `write_opt`: `lpUsedDefaultChar` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(lpUsedDefaultChar, FALSE) };
    let needed = i32::try_from(bytes.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if cbMultiByte == 0 {
        return Ok(needed);
    }
    if needed > cbMultiByte {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `units_out`: `lpMultiByteStr as *mut u8` points to `bytes.len()` writable units valid for `'a`, not
    // aliased (NULL only when `bytes.len()` is 0).
    unsafe { units_out(lpMultiByteStr as *mut u8, bytes.len()) }.copy_from_slice(&bytes);
    Ok(needed)
}

/// `WideCharToMultiByte`: `wchar_t` to UTF-8 (every accepted page is UTF-8 on Linux). `cchWideChar`
/// = -1 converts up to and including the NUL; `cbMultiByte` = 0 returns the size needed; a small
/// buffer: `ERROR_INSUFFICIENT_BUFFER`; a lone surrogate or invalid code point with
/// `WC_ERR_INVALID_CHARS`: `ERROR_NO_UNICODE_TRANSLATION`, otherwise U+FFFD; `CP_UTF8` with a default
/// character: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpWideCharStr`, `lpMultiByteStr`, `lpDefaultChar`, `lpUsedDefaultChar` are each NULL or point to memory valid
/// for what `WideCharToMultiByte` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WideCharToMultiByte(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const u32,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> i32 {
    guard_win32("WideCharToMultiByte", 0, || {
        // SAFETY: `wide_char_to_multi_byte`: `lpWideCharStr`, `lpMultiByteStr`, `lpDefaultChar`, `lpUsedDefaultChar`
        // are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what
        // Windows documents `WideCharToMultiByte` reads or writes through them; in particular `lpWideCharStr` is NULL
        // or points to a readable NUL-terminated array of `U`; `lpUsedDefaultChar` is NULL or points to a writable,
        // aligned `T`.
        unsafe {
            wide_char_to_multi_byte(
                CodePage,
                dwFlags,
                lpWideCharStr,
                cchWideChar,
                lpMultiByteStr,
                cbMultiByte,
                lpDefaultChar,
                lpUsedDefaultChar,
            )
        }
    })
}

/// `WideCharToMultiByte` for `-fshort-wchar` callers (UTF-16).
///
/// # Safety
/// `lpWideCharStr`, `lpMultiByteStr`, `lpDefaultChar`, `lpUsedDefaultChar` are each NULL or point to memory valid
/// for what `WideCharToMultiByte` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WideCharToMultiByte_w16(
    CodePage: u32,
    dwFlags: DWORD,
    lpWideCharStr: *const u16,
    cchWideChar: i32,
    lpMultiByteStr: *mut c_char,
    cbMultiByte: i32,
    lpDefaultChar: *const c_char,
    lpUsedDefaultChar: *mut BOOL,
) -> i32 {
    guard_win32("WideCharToMultiByte", 0, || {
        // SAFETY: `wide_char_to_multi_byte`: `lpWideCharStr`, `lpMultiByteStr`, `lpDefaultChar`, `lpUsedDefaultChar`
        // are this export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what
        // Windows documents `WideCharToMultiByte` reads or writes through them; in particular `lpWideCharStr` is NULL
        // or points to a readable NUL-terminated array of `U`; `lpUsedDefaultChar` is NULL or points to a writable,
        // aligned `T`.
        unsafe {
            wide_char_to_multi_byte(
                CodePage,
                dwFlags,
                lpWideCharStr,
                cchWideChar,
                lpMultiByteStr,
                cbMultiByte,
                lpDefaultChar,
                lpUsedDefaultChar,
            )
        }
    })
}

/// # Safety
/// `p` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn string_length<U: WideUnit>(p: *const U) -> i32 {
    if p.is_null() {
        0
    } else {
        // SAFETY: `units_strlen`: `p` is non-NULL and points to a readable NUL-terminated array of `U`.
        unsafe { units_strlen(p) }.min(i32::MAX as usize) as i32
    }
}

/// `lstrlenA`: the length in bytes, without the NUL; NULL gives 0.
///
/// # Safety
/// `lpString` is NULL or points to memory valid for what `lstrlenA` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn lstrlenA(lpString: *const c_char) -> i32 {
    // SAFETY: `string_length`: `lpString as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
    guard_infallible("lstrlenA", 0, || unsafe { string_length(lpString as *const u8) })
}

/// `lstrlenW`: the length in `WCHAR`s, without the NUL; NULL gives 0.
///
/// # Safety
/// `lpString` is NULL or points to memory valid for what `lstrlenW` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn lstrlenW(lpString: *const u32) -> i32 {
    // SAFETY: `string_length`: `lpString` is NULL or points to a readable NUL-terminated array of `U`.
    guard_infallible("lstrlenW", 0, || unsafe { string_length(lpString) })
}

/// `lstrlenW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpString` is NULL or points to memory valid for what `lstrlenW` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn lstrlenW_w16(lpString: *const u16) -> i32 {
    // SAFETY: `string_length`: `lpString` is NULL or points to a readable NUL-terminated array of `U`.
    guard_infallible("lstrlenW", 0, || unsafe { string_length(lpString) })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`OutputDebugStringA`, `OutputDebugStringW`, and their `_w16`
/// twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or
/// writes through them; as called from `OutputDebugStringW`: `s` is its `lpOutputString`.
unsafe fn output_debug_string<U: WideUnit>(s: *const U) {
    // There is no debugger channel on Linux: the text goes to stderr when logging is on.
    if s.is_null() || std::env::var_os("WINHTTPAPI_LOG").is_none() {
        return;
    }
    // SAFETY: `units_in`: `s` points to `units_strlen(s)` readable units valid for `'a` (it may be NULL only when
    // `units_strlen(s)` is 0).
    let text = wstr::decode(unsafe { units_in(s, units_strlen(s)) });
    eprint!("{text}");
}

/// `OutputDebugStringA`: writes the text to stderr when `WINHTTPAPI_LOG` is set, else nothing.
///
/// # Safety
/// `lpOutputString` is NULL or points to memory valid for what `OutputDebugStringA` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringA(lpOutputString: *const c_char) {
    // SAFETY: `output_debug_string`: `lpOutputString` is this export's own argument, passed on (cast to the helper's
    // types where they differ); its `# Safety` makes it NULL or valid for what Windows documents `OutputDebugStringA`
    // reads or writes through it.
    guard_infallible("OutputDebugStringA", (), || unsafe { output_debug_string(lpOutputString as *const u8) })
}

/// `OutputDebugStringW`: as `OutputDebugStringA`.
///
/// # Safety
/// `lpOutputString` is NULL or points to memory valid for what `OutputDebugStringW` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringW(lpOutputString: *const u32) {
    // SAFETY: `output_debug_string`: `lpOutputString` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `OutputDebugStringW` reads or writes through it.
    guard_infallible("OutputDebugStringW", (), || unsafe { output_debug_string(lpOutputString) })
}

/// `OutputDebugStringW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpOutputString` is NULL or points to memory valid for what `OutputDebugStringW` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn OutputDebugStringW_w16(lpOutputString: *const u16) {
    // SAFETY: `output_debug_string`: `lpOutputString` is this export's own argument, passed on unchanged; its
    // `# Safety` makes it NULL or valid for what Windows documents `OutputDebugStringW` reads or writes through it.
    guard_infallible("OutputDebugStringW", (), || unsafe { output_debug_string(lpOutputString) })
}
