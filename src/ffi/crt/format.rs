//! Formatting: `sprintf_s`, `swprintf_s`, `_snprintf`, `_snwprintf`, `_snprintf_s`, `_snwprintf_s`,
//! `_scprintf`, `_scwprintf`, `printf_s`, `fprintf_s`, `wprintf_s`, `fwprintf_s` and their `v` forms, in
//! both `WCHAR` widths (the narrow ones too: their `%S` reads the caller's `WCHAR` strings), plus glibc's
//! `swprintf`, `wprintf` and `fwprintf` for UTF-16 callers (engine: `crt::format`).
//!
//! The `v` functions hold the logic, inside the guard. Stable Rust cannot define a C-variadic function, so
//! each variadic export is a naked jump to its C body in `src/crt/format.c`, which starts the `va_list` and
//! calls the `v` function: the caller's arguments reach the C body untouched (the jump keeps every register
//! and the stack), and nothing runs outside a guard but that forwarding.
#![allow(non_snake_case)]
use crate::crt::format::{self, Call, FormatResult, VaList};
use crate::crt::invalid::invalid_parameter;
use crate::ffi::guard::*;
use std::ffi::{c_char, c_int, c_void};

/// The jump a variadic export makes to its C body.
#[cfg(target_arch = "x86_64")]
macro_rules! jump {
    () => {
        "jmp {}"
    };
}
#[cfg(target_arch = "aarch64")]
macro_rules! jump {
    () => {
        "b {}"
    };
}

/// A formatting function's C return value: errors go through the invalid parameter handler, then -1.
fn result_of(function: &str, r: FormatResult) -> c_int {
    match r {
        Ok(n) => n,
        Err(code) => {
            invalid_parameter(function, code);
            -1
        }
    }
}

fn call(wchar_size: usize, wide: bool, fmt: *const c_void, ap: *mut c_void) -> Call {
    Call { wchar_size, wide, fmt, args: VaList(ap) }
}

/// `vsprintf_s`: formats into `buffer` of `size` characters. The output and its terminator must fit: else the buffer is emptied and it is `ERANGE` (through the handler, then -1). NULL buffer, zero size or NULL format: `EINVAL`, -1. Returns the length written.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `vsprintf_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vsprintf_s(
    buffer: *mut c_char,
    size: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("vsprintf_s", -1, || {
        result_of(
            "vsprintf_s",
            // SAFETY: `sprintf_s`: As [`Call::raw`], with `buffer as *mut c_void` valid for `size` units when not
            // NULL.
            unsafe { format::sprintf_s(call(4, false, format as *const c_void, argptr), buffer as *mut c_void, size) },
        )
    })
}

/// `vsprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `vsprintf_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vsprintf_s_w16(
    buffer: *mut c_char,
    size: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("vsprintf_s", -1, || {
        result_of(
            "vsprintf_s",
            // SAFETY: `sprintf_s`: As [`Call::raw`], with `buffer as *mut c_void` valid for `size` units when not
            // NULL.
            unsafe { format::sprintf_s(call(2, false, format as *const c_void, argptr), buffer as *mut c_void, size) },
        )
    })
}

/// `vswprintf_s`: `vsprintf_s` for wide strings (`%s` is a `WCHAR` string).
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `vswprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vswprintf_s(buffer: *mut u32, size: usize, format: *const u32, argptr: *mut c_void) -> c_int {
    guard_infallible("vswprintf_s", -1, || {
        result_of(
            "vswprintf_s",
            // SAFETY: `sprintf_s`: As [`Call::raw`], with `buffer as *mut c_void` valid for `size` units when not
            // NULL.
            unsafe { format::sprintf_s(call(4, true, format as *const c_void, argptr), buffer as *mut c_void, size) },
        )
    })
}

/// `vswprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `vswprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vswprintf_s_w16(
    buffer: *mut u16,
    size: usize,
    format: *const u16,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("vswprintf_s", -1, || {
        result_of(
            "vswprintf_s",
            // SAFETY: `sprintf_s`: As [`Call::raw`], with `buffer as *mut c_void` valid for `size` units when not
            // NULL.
            unsafe { format::sprintf_s(call(2, true, format as *const c_void, argptr), buffer as *mut c_void, size) },
        )
    })
}

/// `_vsnprintf`: the legacy MSVC form. Fits with its terminator: the length; exactly `size` characters: the length, no terminator; longer: the first `size` characters, no terminator, -1. A NULL buffer with size 0 returns the length needed.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnprintf` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnprintf(
    buffer: *mut c_char,
    size: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnprintf", -1, || {
        result_of(
            "_vsnprintf",
            // SAFETY: `snprintf_legacy`: As [`sprintf_s`].
            unsafe {
                format::snprintf_legacy(call(4, false, format as *const c_void, argptr), buffer as *mut c_void, size)
            },
        )
    })
}

/// `_vsnprintf` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnprintf` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnprintf_w16(
    buffer: *mut c_char,
    size: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnprintf", -1, || {
        result_of(
            "_vsnprintf",
            // SAFETY: `snprintf_legacy`: As [`sprintf_s`].
            unsafe {
                format::snprintf_legacy(call(2, false, format as *const c_void, argptr), buffer as *mut c_void, size)
            },
        )
    })
}

/// `_vsnwprintf`: `_vsnprintf` for wide strings.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnwprintf` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnwprintf(buffer: *mut u32, size: usize, format: *const u32, argptr: *mut c_void) -> c_int {
    guard_infallible("_vsnwprintf", -1, || {
        result_of(
            "_vsnwprintf",
            // SAFETY: `snprintf_legacy`: As [`sprintf_s`].
            unsafe {
                format::snprintf_legacy(call(4, true, format as *const c_void, argptr), buffer as *mut c_void, size)
            },
        )
    })
}

/// `_vsnwprintf` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnwprintf` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnwprintf_w16(
    buffer: *mut u16,
    size: usize,
    format: *const u16,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnwprintf", -1, || {
        result_of(
            "_vsnwprintf",
            // SAFETY: `snprintf_legacy`: As [`sprintf_s`].
            unsafe {
                format::snprintf_legacy(call(2, true, format as *const c_void, argptr), buffer as *mut c_void, size)
            },
        )
    })
}

/// `_vsnprintf_s`: at most `count` characters and a terminator into `buffer` of `size`. Cut by `count`: -1 without error; `count` = `_TRUNCATE`: what fits, -1 when cut; not fitting otherwise: the buffer is emptied, `ERANGE` (through the handler), -1.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnprintf_s(
    buffer: *mut c_char,
    size: usize,
    count: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnprintf_s", -1, || {
        result_of(
            "_vsnprintf_s",
            // SAFETY: `snprintf_s`: As [`sprintf_s`].
            unsafe {
                format::snprintf_s(call(4, false, format as *const c_void, argptr), buffer as *mut c_void, size, count)
            },
        )
    })
}

/// `_vsnprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnprintf_s_w16(
    buffer: *mut c_char,
    size: usize,
    count: usize,
    format: *const c_char,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnprintf_s", -1, || {
        result_of(
            "_vsnprintf_s",
            // SAFETY: `snprintf_s`: As [`sprintf_s`].
            unsafe {
                format::snprintf_s(call(2, false, format as *const c_void, argptr), buffer as *mut c_void, size, count)
            },
        )
    })
}

/// `_vsnwprintf_s`: `_vsnprintf_s` for wide strings.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnwprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnwprintf_s(
    buffer: *mut u32,
    size: usize,
    count: usize,
    format: *const u32,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnwprintf_s", -1, || {
        result_of(
            "_vsnwprintf_s",
            // SAFETY: `snprintf_s`: As [`sprintf_s`].
            unsafe {
                format::snprintf_s(call(4, true, format as *const c_void, argptr), buffer as *mut c_void, size, count)
            },
        )
    })
}

/// `_vsnwprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `_vsnwprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vsnwprintf_s_w16(
    buffer: *mut u16,
    size: usize,
    count: usize,
    format: *const u16,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("_vsnwprintf_s", -1, || {
        result_of(
            "_vsnwprintf_s",
            // SAFETY: `snprintf_s`: As [`sprintf_s`].
            unsafe {
                format::snprintf_s(call(2, true, format as *const c_void, argptr), buffer as *mut c_void, size, count)
            },
        )
    })
}

/// `_vscprintf`: the length the output would have; NULL format: `EINVAL`, -1.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `_vscprintf` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vscprintf(format: *const c_char, argptr: *mut c_void) -> c_int {
    guard_infallible("_vscprintf", -1, || {
        // SAFETY: `count`: As [`Call::raw`].
        result_of("_vscprintf", unsafe { format::count(call(4, false, format as *const c_void, argptr)) })
    })
}

/// `_vscprintf` for `-fshort-wchar` callers.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `_vscprintf` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vscprintf_w16(format: *const c_char, argptr: *mut c_void) -> c_int {
    guard_infallible("_vscprintf", -1, || {
        // SAFETY: `count`: As [`Call::raw`].
        result_of("_vscprintf", unsafe { format::count(call(2, false, format as *const c_void, argptr)) })
    })
}

/// `_vscwprintf`: `_vscprintf` for wide strings.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `_vscwprintf` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vscwprintf(format: *const u32, argptr: *mut c_void) -> c_int {
    guard_infallible("_vscwprintf", -1, || {
        // SAFETY: `count`: As [`Call::raw`].
        result_of("_vscwprintf", unsafe { format::count(call(4, true, format as *const c_void, argptr)) })
    })
}

/// `_vscwprintf` for `-fshort-wchar` callers.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `_vscwprintf` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _vscwprintf_w16(format: *const u16, argptr: *mut c_void) -> c_int {
    guard_infallible("_vscwprintf", -1, || {
        // SAFETY: `count`: As [`Call::raw`].
        result_of("_vscwprintf", unsafe { format::count(call(2, true, format as *const c_void, argptr)) })
    })
}

/// `vswprintf` for `-fshort-wchar` callers, with Windows' meanings of `%s`/`%S` (as MSVC's `vswprintf`):
/// the output cut to `size - 1` units and terminated; -1 when it did not fit. A NULL buffer with size 0
/// returns the length needed; NULL format: `EINVAL` through the handler, -1.
///
/// # Safety
/// `buffer`, `format`, `argptr` are each NULL or point to memory valid for what `vswprintf` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vswprintf_w16(
    buffer: *mut u16,
    size: usize,
    format: *const u16,
    argptr: *mut c_void,
) -> c_int {
    guard_infallible("vswprintf", -1, || {
        result_of(
            "vswprintf",
            // SAFETY: `swprintf_iso`: As [`sprintf_s`].
            unsafe {
                format::swprintf_iso(call(2, true, format as *const c_void, argptr), buffer as *mut c_void, size)
            },
        )
    })
}

/// Formats the call and writes it to `stream` (`crt::format::print`): the units formatted, or -1 (NULL
/// stream or format: `EINVAL` through the handler; a write error).
///
/// # Safety
/// `stream` is NULL or an open `FILE`; `call.fmt` is NULL or a NUL-terminated format of the kind `call.wide` says, and
/// `call.args` holds arguments matching it, not yet consumed (as [`crate::crt::format::Call::raw`]).
unsafe fn print(function: &str, stream: *mut libc::FILE, call: Call) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    result_of(function, unsafe { format::print(call, stream) })
}

extern "C" {
    fn winhttpapi_crt_stdout() -> *mut libc::FILE;
}

/// `vwprintf` for `-fshort-wchar` callers: formats (Windows' `%s`/`%S`) and writes UTF-8 to `stdout`;
/// returns the `WCHAR`s written, -1 on error.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `vwprintf` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn vwprintf_w16(format: *const u16, argptr: *mut c_void) -> c_int {
    guard_infallible("vwprintf", -1, || {
        // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
        unsafe { print("vwprintf", winhttpapi_crt_stdout(), call(2, true, format as *const c_void, argptr)) }
    })
}

/// `vfwprintf` for `-fshort-wchar` callers: as `vwprintf_w16` to `stream`.
///
/// # Safety
/// `stream`, `format`, `argptr` are each NULL or point to memory valid for what `vfwprintf` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vfwprintf_w16(stream: *mut libc::FILE, format: *const u16, argptr: *mut c_void) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    guard_infallible("vfwprintf", -1, || unsafe {
        print("vfwprintf", stream, call(2, true, format as *const c_void, argptr))
    })
}

/// `vprintf_s`: formats with Windows' meanings (`%S` a `WCHAR` string, as UTF-8) and writes the bytes to
/// `stdout`; returns the bytes written. NULL format: `EINVAL` through the handler, -1; a write error: -1.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `vprintf_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn vprintf_s(format: *const c_char, argptr: *mut c_void) -> c_int {
    guard_infallible("vprintf_s", -1, || {
        // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
        unsafe { print("vprintf_s", winhttpapi_crt_stdout(), call(4, false, format as *const c_void, argptr)) }
    })
}

/// `vprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `vprintf_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn vprintf_s_w16(format: *const c_char, argptr: *mut c_void) -> c_int {
    guard_infallible("vprintf_s", -1, || {
        // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
        unsafe { print("vprintf_s", winhttpapi_crt_stdout(), call(2, false, format as *const c_void, argptr)) }
    })
}

/// `vfprintf_s`: `vprintf_s` to `stream` (NULL: `EINVAL`).
///
/// # Safety
/// `stream`, `format`, `argptr` are each NULL or point to memory valid for what `vfprintf_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vfprintf_s(stream: *mut libc::FILE, format: *const c_char, argptr: *mut c_void) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    guard_infallible("vfprintf_s", -1, || unsafe {
        print("vfprintf_s", stream, call(4, false, format as *const c_void, argptr))
    })
}

/// `vfprintf_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `stream`, `format`, `argptr` are each NULL or point to memory valid for what `vfprintf_s` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vfprintf_s_w16(stream: *mut libc::FILE, format: *const c_char, argptr: *mut c_void) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    guard_infallible("vfprintf_s", -1, || unsafe {
        print("vfprintf_s", stream, call(2, false, format as *const c_void, argptr))
    })
}

/// `vwprintf_s`: formats with Windows' meanings (`%s` a `WCHAR` string) and writes to `stdout` as glibc's
/// `wprintf` does (its locale conversion; the stream becomes wide-oriented); returns the `WCHAR`s written.
/// NULL format: `EINVAL` through the handler, -1; a write error: -1.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `vwprintf_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vwprintf_s(format: *const u32, argptr: *mut c_void) -> c_int {
    guard_infallible("vwprintf_s", -1, || {
        // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
        unsafe { print("vwprintf_s", winhttpapi_crt_stdout(), call(4, true, format as *const c_void, argptr)) }
    })
}

/// `vwprintf_s` for `-fshort-wchar` callers: writes UTF-8 bytes, as `vwprintf_w16`.
///
/// # Safety
/// `format`, `argptr` are each NULL or point to memory valid for what `vwprintf_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vwprintf_s_w16(format: *const u16, argptr: *mut c_void) -> c_int {
    guard_infallible("vwprintf_s", -1, || {
        // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
        unsafe { print("vwprintf_s", winhttpapi_crt_stdout(), call(2, true, format as *const c_void, argptr)) }
    })
}

/// `vfwprintf_s`: `vwprintf_s` to `stream` (NULL: `EINVAL`).
///
/// # Safety
/// `stream`, `format`, `argptr` are each NULL or point to memory valid for what `vfwprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vfwprintf_s(stream: *mut libc::FILE, format: *const u32, argptr: *mut c_void) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    guard_infallible("vfwprintf_s", -1, || unsafe {
        print("vfwprintf_s", stream, call(4, true, format as *const c_void, argptr))
    })
}

/// `vfwprintf_s` for `-fshort-wchar` callers: writes UTF-8 bytes, as `vfwprintf_w16`.
///
/// # Safety
/// `stream`, `format`, `argptr` are each NULL or point to memory valid for what `vfwprintf_s` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn vfwprintf_s_w16(stream: *mut libc::FILE, format: *const u16, argptr: *mut c_void) -> c_int {
    // SAFETY: `print`: As [`Call::raw`]; `stream` is NULL or an open `FILE`.
    guard_infallible("vfwprintf_s", -1, || unsafe {
        print("vfwprintf_s", stream, call(2, true, format as *const c_void, argptr))
    })
}

extern "C" {
    fn winhttpapi_impl_sprintf_s_body();
    fn winhttpapi_impl_sprintf_s_w16_body();
    fn winhttpapi_impl_swprintf_s_body();
    fn winhttpapi_impl_swprintf_s_w16_body();
    fn winhttpapi_impl__snprintf_body();
    fn winhttpapi_impl__snprintf_w16_body();
    fn winhttpapi_impl__snwprintf_body();
    fn winhttpapi_impl__snwprintf_w16_body();
    fn winhttpapi_impl__snprintf_s_body();
    fn winhttpapi_impl__snprintf_s_w16_body();
    fn winhttpapi_impl__snwprintf_s_body();
    fn winhttpapi_impl__snwprintf_s_w16_body();
    fn winhttpapi_impl__scprintf_body();
    fn winhttpapi_impl__scprintf_w16_body();
    fn winhttpapi_impl__scwprintf_body();
    fn winhttpapi_impl__scwprintf_w16_body();
    fn winhttpapi_impl_swprintf_w16_body();
    fn winhttpapi_impl_wprintf_w16_body();
    fn winhttpapi_impl_fwprintf_w16_body();
    fn winhttpapi_impl_printf_s_body();
    fn winhttpapi_impl_printf_s_w16_body();
    fn winhttpapi_impl_fprintf_s_body();
    fn winhttpapi_impl_fprintf_s_w16_body();
    fn winhttpapi_impl_wprintf_s_body();
    fn winhttpapi_impl_wprintf_s_w16_body();
    fn winhttpapi_impl_fwprintf_s_body();
    fn winhttpapi_impl_fwprintf_s_w16_body();
}

/// `sprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vsprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `sprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn sprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_sprintf_s_body)
}

/// `sprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vsprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `sprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn sprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_sprintf_s_w16_body)
}

/// `swprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vswprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `swprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn swprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_swprintf_s_body)
}

/// `swprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vswprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `swprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn swprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_swprintf_s_w16_body)
}

/// `_snprintf(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnprintf`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snprintf() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snprintf_body)
}

/// `_snprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snprintf_w16_body)
}

/// `_snwprintf(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnwprintf`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snwprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snwprintf() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snwprintf_body)
}

/// `_snwprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnwprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snwprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snwprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snwprintf_w16_body)
}

/// `_snprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snprintf_s_body)
}

/// `_snprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snprintf_s_w16_body)
}

/// `_snwprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnwprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snwprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snwprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snwprintf_s_body)
}

/// `_snwprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vsnwprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_snwprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _snwprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__snwprintf_s_w16_body)
}

/// `_scprintf(...)`: C-variadic; a naked jump to its C body, which calls [`_vscprintf`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_scprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _scprintf() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__scprintf_body)
}

/// `_scprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vscprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_scprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _scprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__scprintf_w16_body)
}

/// `_scwprintf(...)`: C-variadic; a naked jump to its C body, which calls [`_vscwprintf`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_scwprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _scwprintf() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__scwprintf_body)
}

/// `_scwprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`_vscwprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `_scwprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn _scwprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl__scwprintf_w16_body)
}

/// `swprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vswprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `swprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn swprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_swprintf_w16_body)
}

/// `wprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vwprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `wprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn wprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_wprintf_w16_body)
}

/// `fwprintf_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vfwprintf_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `fwprintf`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn fwprintf_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_fwprintf_w16_body)
}

/// `printf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `printf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn printf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_printf_s_body)
}

/// `printf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `printf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn printf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_printf_s_w16_body)
}

/// `fprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vfprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `fprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn fprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_fprintf_s_body)
}

/// `fprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vfprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `fprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn fprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_fprintf_s_w16_body)
}

/// `wprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vwprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `wprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn wprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_wprintf_s_body)
}

/// `wprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vwprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `wprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn wprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_wprintf_s_w16_body)
}

/// `fwprintf_s(...)`: C-variadic; a naked jump to its C body, which calls [`vfwprintf_s`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `fwprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn fwprintf_s() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_fwprintf_s_body)
}

/// `fwprintf_s_w16(...)`: C-variadic; a naked jump to its C body, which calls [`vfwprintf_s_w16`] with the arguments.
///
/// # Safety
/// The arguments are as Windows documents them for `fwprintf_s`.
#[unsafe(naked)]
#[no_mangle]
pub unsafe extern "C" fn fwprintf_s_w16() {
    core::arch::naked_asm!(jump!(), sym winhttpapi_impl_fwprintf_s_w16_body)
}
