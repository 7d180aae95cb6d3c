//! `FormatMessage*` (engine: `win32::message`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::heap;
use crate::win32::message;
use crate::win32::module;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::{c_char, c_void};

/// The message text `FormatMessage` formats, before escapes.
///
/// # Safety
/// `source as *const U` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn message_source<U: WideUnit>(
    flags: DWORD,
    source: *const c_void,
    id: DWORD,
    language: DWORD,
) -> WinResult<(String, bool)> {
    if flags & FORMAT_MESSAGE_FROM_STRING != 0 {
        // SAFETY: `wide_cstr`: `source as *const U` is NULL or points to a readable NUL-terminated array of `U`.
        let s = unsafe { wide_cstr(source as *const U) }.ok_or(ERROR_INVALID_PARAMETER)?;
        return Ok((s, false));
    }
    if flags & (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_FROM_HMODULE) == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & FORMAT_MESSAGE_FROM_HMODULE != 0
        && !source.is_null()
        && !module::is_known(source as usize)
        && flags & FORMAT_MESSAGE_FROM_SYSTEM == 0
    {
        return Err(ERROR_MR_MID_NOT_FOUND);
    }
    // English only: LANG_NEUTRAL (0, any sublanguage) or LANG_ENGLISH (9, any sublanguage).
    let primary = language & 0x3FF;
    if primary != 0 && primary != 9 {
        return Err(ERROR_RESOURCE_LANG_NOT_FOUND);
    }
    let text = message::message_text(id).ok_or(ERROR_MR_MID_NOT_FOUND)?;
    Ok((text.to_string(), true))
}

/// # Safety
/// The pointers are arguments of the exports that call it (`FormatMessageA`, `FormatMessageW`, and their `_w16` twins),
/// whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `FormatMessageW`: `lpSource` is its `lpSource`, `lpBuffer` is its `lpBuffer`,
/// `Arguments` is its `Arguments`. In particular: `lpSource as *const U` is NULL or points to a readable NUL-terminated
/// array of `U`.
#[allow(clippy::too_many_arguments)]
unsafe fn format_message<U: WideUnit>(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut U,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> WinResult<DWORD> {
    tracing::trace!(target: "winhttpapi::win32", "FormatMessage({dwFlags:#x}, {lpSource:?}, {dwMessageId}, {dwLanguageId:#x}, {lpBuffer:?}, {nSize}, {Arguments:?})");
    if lpBuffer.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `message_source`: `lpSource as *const U` is NULL or points to a readable NUL-terminated array of `U`.
    let (text, from_table) = unsafe { message_source::<U>(dwFlags, lpSource, dwMessageId, dwLanguageId) }?;
    let width = dwFlags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
    // Inserts need arguments; reading a va_list is not possible from here, so only
    // FORMAT_MESSAGE_IGNORE_INSERTS (or a text without inserts) is supported (docs/porting.md).
    let mut out = message::expand(
        &text,
        dwFlags & FORMAT_MESSAGE_IGNORE_INSERTS != 0,
        from_table && width != FORMAT_MESSAGE_MAX_WIDTH_MASK,
    )
    .ok_or(ERROR_INVALID_PARAMETER)?;
    if width == FORMAT_MESSAGE_MAX_WIDTH_MASK {
        out = out.replace("\r\n", " ").trim_end().to_string();
    }
    let units = wstr::encode_nul::<U>(&out);
    let len = (units.len() - 1) as DWORD;
    if dwFlags & FORMAT_MESSAGE_ALLOCATE_BUFFER != 0 {
        // lpBuffer is really an LPTSTR* receiving a LocalAlloc'ed buffer of at least nSize units.
        let count = units.len().max(nSize as usize);
        let block = heap::alloc(count * U::SIZE, true)?;
        // SAFETY: `units_out`: `block as *mut U` points to `units.len()` writable units valid for `'a`, not aliased
        // (NULL only when `units.len()` is 0).
        unsafe { units_out(block as *mut U, units.len()) }.copy_from_slice(&units);
        // SAFETY: `lpBuffer` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
        // function's `# Safety`)
        unsafe {
            *(lpBuffer as *mut *mut U) = block as *mut U;
        }
        return Ok(len);
    }
    if units.len() > nSize as usize {
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `units_out`: `lpBuffer` points to `units.len()` writable units valid for `'a`, not aliased (NULL only
    // when `units.len()` is 0).
    unsafe { units_out(lpBuffer, units.len()) }.copy_from_slice(&units);
    Ok(len)
}

/// `FormatMessageA`: the English text of a Win32 or WinHTTP error code (`FORMAT_MESSAGE_FROM_SYSTEM`,
/// or `FORMAT_MESSAGE_FROM_HMODULE` with a handle from `GetModuleHandle("winhttp.dll")` and the like;
/// both tables answer either flag), ending in "\r\n" as on Windows; or a `FORMAT_MESSAGE_FROM_STRING`
/// text. `FORMAT_MESSAGE_ALLOCATE_BUFFER` puts a `LocalAlloc` block (free it with `LocalFree`) in
/// `*(LPSTR*)lpBuffer`. Returns the length without the NUL; 0 with last-error on failure (unknown id:
/// `ERROR_MR_MID_NOT_FOUND`; small buffer: `ERROR_INSUFFICIENT_BUFFER`; inserts without
/// `FORMAT_MESSAGE_IGNORE_INSERTS`: `ERROR_INVALID_PARAMETER`).
///
/// # Safety
/// `lpSource`, `lpBuffer`, `Arguments` are each NULL or point to memory valid for what `FormatMessageA` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn FormatMessageA(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut c_char,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageA", 0, || {
        // SAFETY: `format_message`: `lpSource`, `lpBuffer`, `Arguments` are this export's own arguments, passed on
        // (cast to the helper's types where they differ); its `# Safety` makes them NULL or valid for what Windows
        // documents `FormatMessageA` reads or writes through them.
        unsafe { format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer as *mut u8, nSize, Arguments) }
    })
}

/// `FormatMessageW`: as `FormatMessageA`, in `WCHAR`s.
///
/// # Safety
/// `lpSource`, `lpBuffer`, `Arguments` are each NULL or point to memory valid for what `FormatMessageW` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn FormatMessageW(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut u32,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageW", 0, || {
        // SAFETY: `format_message`: `lpSource`, `lpBuffer`, `Arguments` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `FormatMessageW` reads or
        // writes through them; in particular `lpSource as *const U` is NULL or points to a readable NUL-terminated
        // array of `U`.
        unsafe { format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer, nSize, Arguments) }
    })
}

/// `FormatMessageW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpSource`, `lpBuffer`, `Arguments` are each NULL or point to memory valid for what `FormatMessageW` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn FormatMessageW_w16(
    dwFlags: DWORD,
    lpSource: *const c_void,
    dwMessageId: DWORD,
    dwLanguageId: DWORD,
    lpBuffer: *mut u16,
    nSize: DWORD,
    Arguments: *mut c_void,
) -> DWORD {
    guard_win32("FormatMessageW", 0, || {
        // SAFETY: `format_message`: `lpSource`, `lpBuffer`, `Arguments` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents `FormatMessageW` reads or
        // writes through them; in particular `lpSource as *const U` is NULL or points to a readable NUL-terminated
        // array of `U`.
        unsafe { format_message(dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer, nSize, Arguments) }
    })
}
