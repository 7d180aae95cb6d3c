//! Numbers: `_wtoi`, `_wtol`, `_wtoi64`, `_atoi64`, `_wtof`, `_strtoi64`, `_wcstoui64`..., and `_itoa`,
//! `_itow`, `_itoa_s`... (engine: `crt::numbers`).
#![allow(non_snake_case)]
use super::*;
use crate::crt::abi::EINVAL;
use crate::crt::invalid::{invalid_parameter, set_errno};
use crate::crt::numbers::{self, Parsed};
use crate::crt::Unit;
use crate::ffi::guard::*;
use std::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

/// Parses `s` in `base` and clamps to [min, max] (`ERANGE` in errno when it did not fit); stores the end in
/// `*end`. NULL string or a bad base: the handler, 0.
///
/// # Safety
/// The pointers are arguments of the exports that call it (`_atoi64`, `_strtoi64`, `_wcstoi64`, `_wtoi`, `_wtoi64`,
/// `_wtol`, and their `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows
/// documents the function reads or writes through them; as called from `_wcstoi64`: `s` is its `strSource`, `end` is
/// its `endptr`. In particular: `s` is NULL or points to a NUL-terminated array of `U`; `end` is NULL or a writable
/// pointer.
pub(crate) unsafe fn to_int<U: Unit>(
    function: &str,
    s: *const U,
    end: *mut *mut U,
    base: c_int,
    min: i64,
    max: i64,
) -> i64 {
    if !end.is_null() {
        // SAFETY: `end` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
        // `# Safety`)
        unsafe { *end = s as *mut U };
    }
    if s.is_null() || !numbers::base_ok(base) {
        invalid_parameter(function, EINVAL);
        return 0;
    }
    // SAFETY: `whole`: `s` is non-NULL and points to a NUL-terminated array of `U`.
    let p = numbers::parse(unsafe { whole(s) }, base as u32);
    if !end.is_null() {
        // SAFETY: `end` is the caller's writable pointer (non-NULL, checked); `s` + `consumed` stays inside the
        // string just parsed.
        unsafe { *end = (s as *mut U).add(p.consumed) };
    }
    let (v, e) = numbers::to_signed(p, min, max);
    if let Some(e) = e {
        set_errno(e);
    }
    v
}

/// As [`to_int`] for an unsigned 64-bit result (`strtoull` rules: a minus sign negates).
///
/// # Safety
/// The pointers are arguments of the exports that call it (`_strtoui64`, `_wcstoui64`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `_wcstoui64`: `s` is its `strSource`, `end` is its `endptr`. In particular: `s` is NULL
/// or points to a NUL-terminated array of `U`.
pub(crate) unsafe fn to_uint<U: Unit>(function: &str, s: *const U, end: *mut *mut U, base: c_int, max: u64) -> u64 {
    if !end.is_null() {
        // SAFETY: `end` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
        // `# Safety`)
        unsafe { *end = s as *mut U };
    }
    if s.is_null() || !numbers::base_ok(base) {
        invalid_parameter(function, EINVAL);
        return 0;
    }
    // SAFETY: `whole`: `s` is non-NULL and points to a NUL-terminated array of `U`.
    let p: Parsed = numbers::parse(unsafe { whole(s) }, base as u32);
    if !end.is_null() {
        // SAFETY: `end` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
        // `# Safety`); `add`: the offset stays inside the caller's buffer
        unsafe { *end = (s as *mut U).add(p.consumed) };
    }
    let (v, e) = numbers::to_unsigned(p, max);
    if let Some(e) = e {
        set_errno(e);
    }
    v
}

const I32: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);

/// `_wtoi`: the decimal number at the start of the string (after spaces and a sign); out of `int` range:
/// `INT_MAX`/`INT_MIN` with errno `ERANGE`; NULL: the handler, 0.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtoi` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtoi(str: *const u32) -> c_int {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtoi` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtoi", 0, || unsafe { to_int("_wtoi", str, std::ptr::null_mut(), 10, I32.0, I32.1) } as c_int)
}

/// `_wtoi` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtoi` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtoi_w16(str: *const u16) -> c_int {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtoi` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtoi", 0, || unsafe { to_int("_wtoi", str, std::ptr::null_mut(), 10, I32.0, I32.1) } as c_int)
}

/// `_wtol`: as `_wtoi`, clamped to Windows' 32-bit `long`.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtol` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtol(str: *const u32) -> c_long {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtol` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtol", 0, || unsafe { to_int("_wtol", str, std::ptr::null_mut(), 10, I32.0, I32.1) } as c_long)
}

/// `_wtol` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtol` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtol_w16(str: *const u16) -> c_long {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtol` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtol", 0, || unsafe { to_int("_wtol", str, std::ptr::null_mut(), 10, I32.0, I32.1) } as c_long)
}

/// `_wtoi64`: as `_wtoi` for 64-bit values.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtoi64` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wtoi64(str: *const u32) -> c_longlong {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtoi64` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtoi64", 0, || unsafe { to_int("_wtoi64", str, std::ptr::null_mut(), 10, i64::MIN, i64::MAX) })
}

/// `_wtoi64` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtoi64` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wtoi64_w16(str: *const u16) -> c_longlong {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_wtoi64` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_wtoi64", 0, || unsafe { to_int("_wtoi64", str, std::ptr::null_mut(), 10, i64::MIN, i64::MAX) })
}

/// `_atoi64`: as `_wtoi64` for a narrow string.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_atoi64` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _atoi64(str: *const c_char) -> c_longlong {
    // SAFETY: `to_int`: `str` is this export's own argument, passed on (cast to the helper's types where they differ);
    // its `# Safety` makes it NULL or valid for what Windows documents `_atoi64` reads or writes through it; `end` is
    // NULL.
    guard_infallible("_atoi64", 0, || unsafe {
        to_int("_atoi64", str as *const u8, std::ptr::null_mut(), 10, i64::MIN, i64::MAX)
    })
}

/// `_strtoi64`: `strtoll` with MSVC's checks (NULL string or a base other than 0 and 2..=36: the handler, 0).
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_strtoi64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _strtoi64(strSource: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_longlong {
    guard_infallible("_strtoi64", 0, || {
        // SAFETY: `to_int`: `strSource`, `endptr` are this export's own arguments, passed on (cast to the helper's
        // types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `_strtoi64`
        // reads or writes through them.
        unsafe { to_int("_strtoi64", strSource as *const u8, endptr as *mut *mut u8, base, i64::MIN, i64::MAX) }
    })
}

/// `_strtoui64`: `strtoull` with MSVC's checks.
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_strtoui64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _strtoui64(strSource: *const c_char, endptr: *mut *mut c_char, base: c_int) -> c_ulonglong {
    guard_infallible("_strtoui64", 0, || {
        // SAFETY: `to_uint`: `strSource`, `endptr` are this export's own arguments, passed on (cast to the helper's
        // types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `_strtoui64`
        // reads or writes through them.
        unsafe { to_uint("_strtoui64", strSource as *const u8, endptr as *mut *mut u8, base, u64::MAX) }
    })
}

/// `_wcstoi64`: `_strtoi64` for wide strings.
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_wcstoi64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcstoi64(strSource: *const u32, endptr: *mut *mut u32, base: c_int) -> c_longlong {
    // SAFETY: `to_int`: `strSource`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety`
    // makes them NULL or valid for what Windows documents `_wcstoi64` reads or writes through them; in particular
    // `strSource` is NULL or points to a NUL-terminated array of `U`; `endptr` is NULL or a writable pointer.
    guard_infallible("_wcstoi64", 0, || unsafe { to_int("_wcstoi64", strSource, endptr, base, i64::MIN, i64::MAX) })
}

/// `_wcstoi64` for `-fshort-wchar` callers.
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_wcstoi64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcstoi64_w16(strSource: *const u16, endptr: *mut *mut u16, base: c_int) -> c_longlong {
    // SAFETY: `to_int`: `strSource`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety`
    // makes them NULL or valid for what Windows documents `_wcstoi64` reads or writes through them; in particular
    // `strSource` is NULL or points to a NUL-terminated array of `U`; `endptr` is NULL or a writable pointer.
    guard_infallible("_wcstoi64", 0, || unsafe { to_int("_wcstoi64", strSource, endptr, base, i64::MIN, i64::MAX) })
}

/// `_wcstoui64`: `_strtoui64` for wide strings.
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_wcstoui64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcstoui64(strSource: *const u32, endptr: *mut *mut u32, base: c_int) -> c_ulonglong {
    // SAFETY: `to_uint`: `strSource`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety`
    // makes them NULL or valid for what Windows documents `_wcstoui64` reads or writes through them; in particular
    // `strSource` is NULL or points to a NUL-terminated array of `U`.
    guard_infallible("_wcstoui64", 0, || unsafe { to_uint("_wcstoui64", strSource, endptr, base, u64::MAX) })
}

/// `_wcstoui64` for `-fshort-wchar` callers.
///
/// # Safety
/// `strSource`, `endptr` are each NULL or point to memory valid for what `_wcstoui64` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcstoui64_w16(strSource: *const u16, endptr: *mut *mut u16, base: c_int) -> c_ulonglong {
    // SAFETY: `to_uint`: `strSource`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety`
    // makes them NULL or valid for what Windows documents `_wcstoui64` reads or writes through them; in particular
    // `strSource` is NULL or points to a NUL-terminated array of `U`.
    guard_infallible("_wcstoui64", 0, || unsafe { to_uint("_wcstoui64", strSource, endptr, base, u64::MAX) })
}

/// The floating-point number at the start of a wide string, read by the C library from its ASCII text;
/// returns the value and the units consumed (0: no number).
///
/// # Safety
/// Nothing beyond the slice's own validity: `s` is read only through the slice (it is `unsafe` because callers build
/// that slice from a caller's pointer).
pub(crate) unsafe fn wide_to_double<U: Unit>(s: &[U]) -> (f64, usize) {
    let mut i = 0;
    while i < s.len() && char::from_u32(s[i].into()).is_some_and(char::is_whitespace) {
        i += 1;
    }
    // The syntax of a C floating-point number is ASCII: one byte per unit.
    let ascii: Vec<u8> =
        s[i..].iter().map(|&u| u.into()).take_while(|&v: &u32| v != 0 && v < 0x80).map(|v| v as u8).collect();
    let c = std::ffi::CString::new(ascii).unwrap_or_default();
    let mut end: *mut c_char = std::ptr::null_mut();
    // SAFETY: `libc::strtod`: `c` is a NUL-terminated `CString` we own; `end` is a local it sets to a point inside `c`.
    let v = unsafe { libc::strtod(c.as_ptr(), &mut end) };
    // SAFETY: `offset_from`: `strtod` left `end` inside `c` (at its start when nothing was read), so both pointers are
    // in the same allocation.
    let used = unsafe { end.offset_from(c.as_ptr()) } as usize;
    (v, if used == 0 { 0 } else { i + used })
}

/// # Safety
/// The pointers are the arguments of `_wtof` (and of its twins), which its `# Safety` asks the caller to make NULL or
/// valid for what Windows documents the function reads or writes through them: `s` is its `str`.
unsafe fn to_double<U: Unit>(function: &str, s: *const U) -> f64 {
    if s.is_null() {
        invalid_parameter(function, EINVAL);
        return 0.0;
    }
    // SAFETY: `wide_to_double` reads only the slice it is given: `whole(s)` is the caller's NUL-terminated string (`s`
    // non-NULL, checked above; this function's `# Safety`).
    unsafe { wide_to_double(whole(s)) }.0
}

/// `_wtof`: the floating-point number at the start of the string (C locale); NULL: the handler, 0.0.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtof` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtof(str: *const u32) -> f64 {
    // SAFETY: `to_double`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wtof` reads or writes through it.
    guard_infallible("_wtof", 0.0, || unsafe { to_double("_wtof", str) })
}

/// `_wtof` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wtof` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wtof_w16(str: *const u16) -> f64 {
    // SAFETY: `to_double`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wtof` reads or writes through it.
    guard_infallible("_wtof", 0.0, || unsafe { to_double("_wtof", str) })
}

/// The shared body of the integer-to-text functions. `size` None: the non-`_s` forms (the buffer is
/// trusted to be large enough). Returns the errno (0 on success); errors went through the handler.
///
/// # Safety
/// `buf` is NULL or writable for `size` units when `size` is `Some`; with `None`, non-NULL `buf` has room for the
/// longest result in `radix` (65 units: 64 digits and the NUL), as the non-`_s` functions assume.
unsafe fn xtoa<U: Unit>(function: &str, parts: (bool, u64), buf: *mut U, size: Option<usize>, radix: c_int) -> c_int {
    if buf.is_null() || size == Some(0) {
        return invalid_parameter(function, EINVAL);
    }
    let written = match size {
        // SAFETY: `buffer`: `buf` is non-NULL and writable for `size` units (the `_s` contract).
        Some(size) => numbers::write_integer(unsafe { buffer(buf, size) }, parts.0, parts.1, radix),
        None => {
            // The non-_s forms trust the buffer to hold the text, whatever its real size: written here
            // first (room for 64 binary digits, a sign and the terminator), then only the text and its
            // terminator are copied out.
            let mut local = [U::from_u32(0); 66];
            let r = numbers::write_integer(&mut local, parts.0, parts.1, radix);
            let len = local.iter().position(|&u| Into::<u32>::into(u) == 0).map_or(local.len(), |n| n + 1);
            // SAFETY: `buf` is non-NULL and, by the caller's contract for the non-`_s` forms, writable
            // for the text and its terminator (`len` units); `local` is ours, so the two do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(local.as_ptr(), buf, len) };
            r
        }
    };
    match written {
        Ok(()) => 0,
        Err(e) => invalid_parameter(function, e),
    }
}

/// `_itoa`: writes `value` in `radix` (2..=36; negative only in radix 10, other radices show the 32 bits
/// unsigned), lowercase digits; returns `buffer`. A bad radix empties it (through the handler).
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itoa` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itoa(value: c_int, buffer: *mut c_char, radix: c_int) -> *mut c_char {
    guard_infallible("_itoa", buffer, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or has room for the longest result in `radix` (what the non-`_s`
        // function assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_itoa", numbers::signed_parts(value as i64, 32, radix), buffer as *mut u8, None, radix) };
        buffer
    })
}

/// `_ltoa`: `_itoa` for Windows' 32-bit `long` (the value is taken as 32 bits).
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ltoa` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ltoa(value: c_long, buffer: *mut c_char, radix: c_int) -> *mut c_char {
    guard_infallible("_ltoa", buffer, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or has room for the longest result in `radix` (what the non-`_s`
        // function assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ltoa", numbers::signed_parts(value as i32 as i64, 32, radix), buffer as *mut u8, None, radix) };
        buffer
    })
}

/// `_ultoa`: `_itoa` for an unsigned 32-bit value.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ultoa` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ultoa(value: c_ulong, buffer: *mut c_char, radix: c_int) -> *mut c_char {
    guard_infallible("_ultoa", buffer, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or has room for the longest result in `radix` (what the non-`_s`
        // function assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ultoa", (false, value as u32 as u64), buffer as *mut u8, None, radix) };
        buffer
    })
}

/// `_i64toa`: `_itoa` for 64-bit values.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64toa` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64toa(value: c_longlong, buffer: *mut c_char, radix: c_int) -> *mut c_char {
    guard_infallible("_i64toa", buffer, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or has room for the longest result in `radix` (what the non-`_s`
        // function assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_i64toa", numbers::signed_parts(value, 64, radix), buffer as *mut u8, None, radix) };
        buffer
    })
}

/// `_ui64toa`: `_itoa` for unsigned 64-bit values.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ui64toa` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ui64toa(value: c_ulonglong, buffer: *mut c_char, radix: c_int) -> *mut c_char {
    guard_infallible("_ui64toa", buffer, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or has room for the longest result in `radix` (what the non-`_s`
        // function assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ui64toa", (false, value), buffer as *mut u8, None, radix) };
        buffer
    })
}

/// `_itoa_s`: `_itoa` into a buffer of `size` characters: 0, or through the handler `EINVAL` (NULL buffer,
/// zero size, bad radix) / `ERANGE` (too small; the buffer is emptied).
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itoa_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itoa_s(value: c_int, buffer: *mut c_char, size: usize, radix: c_int) -> c_int {
    guard_infallible("_itoa_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_itoa_s", numbers::signed_parts(value as i64, 32, radix), buffer as *mut u8, Some(size), radix) }
    })
}

/// `_i64toa_s`: `_itoa_s` for 64-bit values.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64toa_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64toa_s(value: c_longlong, buffer: *mut c_char, size: usize, radix: c_int) -> c_int {
    guard_infallible("_i64toa_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer as *mut u8` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_i64toa_s", numbers::signed_parts(value, 64, radix), buffer as *mut u8, Some(size), radix) }
    })
}

/// `_itow`: `_itoa` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itow(value: c_int, buffer: *mut u32, radix: c_int) -> *mut u32 {
    guard_infallible("_itow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_itow", numbers::signed_parts(value as i64, 32, radix), buffer, None, radix) };
        buffer
    })
}

/// `_itow` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itow_w16(value: c_int, buffer: *mut u16, radix: c_int) -> *mut u16 {
    guard_infallible("_itow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_itow", numbers::signed_parts(value as i64, 32, radix), buffer, None, radix) };
        buffer
    })
}

/// `_ltow`: `_ltoa` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ltow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ltow(value: c_long, buffer: *mut u32, radix: c_int) -> *mut u32 {
    guard_infallible("_ltow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ltow", numbers::signed_parts(value as i32 as i64, 32, radix), buffer, None, radix) };
        buffer
    })
}

/// `_ltow` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ltow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ltow_w16(value: c_long, buffer: *mut u16, radix: c_int) -> *mut u16 {
    guard_infallible("_ltow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ltow", numbers::signed_parts(value as i32 as i64, 32, radix), buffer, None, radix) };
        buffer
    })
}

/// `_ultow`: `_ultoa` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ultow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ultow(value: c_ulong, buffer: *mut u32, radix: c_int) -> *mut u32 {
    guard_infallible("_ultow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ultow", (false, value as u32 as u64), buffer, None, radix) };
        buffer
    })
}

/// `_ultow` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ultow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ultow_w16(value: c_ulong, buffer: *mut u16, radix: c_int) -> *mut u16 {
    guard_infallible("_ultow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ultow", (false, value as u32 as u64), buffer, None, radix) };
        buffer
    })
}

/// `_i64tow`: `_i64toa` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64tow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64tow(value: c_longlong, buffer: *mut u32, radix: c_int) -> *mut u32 {
    guard_infallible("_i64tow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_i64tow", numbers::signed_parts(value, 64, radix), buffer, None, radix) };
        buffer
    })
}

/// `_i64tow` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64tow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64tow_w16(value: c_longlong, buffer: *mut u16, radix: c_int) -> *mut u16 {
    guard_infallible("_i64tow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_i64tow", numbers::signed_parts(value, 64, radix), buffer, None, radix) };
        buffer
    })
}

/// `_ui64tow`: `_ui64toa` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ui64tow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ui64tow(value: c_ulonglong, buffer: *mut u32, radix: c_int) -> *mut u32 {
    guard_infallible("_ui64tow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ui64tow", (false, value), buffer, None, radix) };
        buffer
    })
}

/// `_ui64tow` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_ui64tow` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _ui64tow_w16(value: c_ulonglong, buffer: *mut u16, radix: c_int) -> *mut u16 {
    guard_infallible("_ui64tow", buffer, || {
        // SAFETY: `xtoa`: `buffer` is NULL or has room for the longest result in `radix` (what the non-`_s` function
        // assumes of its caller's buffer, this export's `# Safety`).
        unsafe { xtoa("_ui64tow", (false, value), buffer, None, radix) };
        buffer
    })
}

/// `_itow_s`: `_itoa_s` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itow_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itow_s(value: c_int, buffer: *mut u32, size: usize, radix: c_int) -> c_int {
    guard_infallible("_itow_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_itow_s", numbers::signed_parts(value as i64, 32, radix), buffer, Some(size), radix) }
    })
}

/// `_itow_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_itow_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _itow_s_w16(value: c_int, buffer: *mut u16, size: usize, radix: c_int) -> c_int {
    guard_infallible("_itow_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_itow_s", numbers::signed_parts(value as i64, 32, radix), buffer, Some(size), radix) }
    })
}

/// `_i64tow_s`: `_i64toa_s` for wide strings.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64tow_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64tow_s(value: c_longlong, buffer: *mut u32, size: usize, radix: c_int) -> c_int {
    guard_infallible("_i64tow_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_i64tow_s", numbers::signed_parts(value, 64, radix), buffer, Some(size), radix) }
    })
}

/// `_i64tow_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `buffer` is NULL or points to memory valid for what `_i64tow_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _i64tow_s_w16(value: c_longlong, buffer: *mut u16, size: usize, radix: c_int) -> c_int {
    guard_infallible("_i64tow_s", EINVAL, || {
        // SAFETY: `xtoa`: `buffer` is NULL or writable for `Some(size)` units.
        unsafe { xtoa("_i64tow_s", numbers::signed_parts(value, 64, radix), buffer, Some(size), radix) }
    })
}
