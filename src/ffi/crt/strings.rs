//! String functions: comparisons, copies, `_s` copies and appends, case mapping (engine: `crt::strings`).
#![allow(non_snake_case)]
use super::*;
use crate::crt::abi::EINVAL;
use crate::crt::invalid::{invalid_parameter, set_errno};
use crate::crt::strings;
use crate::crt::{Unit, TRUNCATE};
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use std::ffi::{c_char, c_int, c_void};

// ---- comparisons -------------------------------------------------------------------------------------

/// # Safety
/// The pointers are arguments of the exports that call it (`_stricmp`, `_strnicmp`, `_wcsicmp`, `_wcsnicmp`, and their
/// `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function
/// reads or writes through them; as called from `_wcsicmp`: `a` is its `string1`, `b` is its `string2`. In particular:
/// `a` is NULL or points to a NUL-terminated array of `U`; `a` is NULL or readable up to its terminator or `max` units,
/// whichever comes first..
unsafe fn icmp<U: Unit>(function: &str, a: *const U, b: *const U, max: Option<usize>) -> c_int {
    if a.is_null() || b.is_null() {
        invalid_parameter(function, EINVAL);
        return NLSCMPERROR;
    }
    match max {
        // SAFETY: `whole`: `a` is non-NULL and points to a NUL-terminated array of `U`; `whole`: `b` is non-NULL
        // and points to a NUL-terminated array of `U`.
        None => strings::icmp(unsafe { whole(a) }, unsafe { whole(b) }),
        // SAFETY: `prefix`: `a` is non-NULL and readable up to its terminator or `max` units, whichever comes
        // first.; `prefix`: `b` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
        Some(n) => strings::icmp(unsafe { prefix(a, n) }, unsafe { prefix(b, n) }),
    }
}

/// `_stricmp`: compares ignoring ASCII case (MSVC's "C" locale); NULL: the handler, `_NLSCMPERROR`.
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_stricmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _stricmp(string1: *const c_char, string2: *const c_char) -> c_int {
    // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on (cast to the helper's types where
    // they differ); its `# Safety` makes them NULL or valid for what Windows documents `_stricmp` reads or writes
    // through them.
    guard_infallible("_stricmp", NLSCMPERROR, || unsafe {
        icmp("_stricmp", string1 as *const u8, string2 as *const u8, None)
    })
}

/// `_strnicmp`: `_stricmp` on at most `count` characters.
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_strnicmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _strnicmp(string1: *const c_char, string2: *const c_char, count: usize) -> c_int {
    guard_infallible("_strnicmp", NLSCMPERROR, || {
        // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on (cast to the helper's types
        // where they differ); its `# Safety` makes them NULL or valid for what Windows documents `_strnicmp` reads or
        // writes through them.
        unsafe { icmp("_strnicmp", string1 as *const u8, string2 as *const u8, Some(count)) }
    })
}

/// `_wcsicmp`: `_stricmp` for wide strings (ASCII letters folded).
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_wcsicmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcsicmp(string1: *const u32, string2: *const u32) -> c_int {
    // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `_wcsicmp` reads or writes through them; in particular `string1` is
    // NULL or points to a NUL-terminated array of `U`; `string1` is NULL or readable up to its terminator or `None`
    // units, whichever comes first..
    guard_infallible("_wcsicmp", NLSCMPERROR, || unsafe { icmp("_wcsicmp", string1, string2, None) })
}

/// `_wcsicmp` for `-fshort-wchar` callers.
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_wcsicmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcsicmp_w16(string1: *const u16, string2: *const u16) -> c_int {
    // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `_wcsicmp` reads or writes through them; in particular `string1` is
    // NULL or points to a NUL-terminated array of `U`; `string1` is NULL or readable up to its terminator or `None`
    // units, whichever comes first..
    guard_infallible("_wcsicmp", NLSCMPERROR, || unsafe { icmp("_wcsicmp", string1, string2, None) })
}

/// `_wcsnicmp`: `_wcsicmp` on at most `count` characters.
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_wcsnicmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcsnicmp(string1: *const u32, string2: *const u32, count: usize) -> c_int {
    // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `_wcsnicmp` reads or writes through them; in particular `string1`
    // is NULL or points to a NUL-terminated array of `U`; `string1` is NULL or readable up to its terminator or
    // `Some(count)` units, whichever comes first..
    guard_infallible("_wcsnicmp", NLSCMPERROR, || unsafe { icmp("_wcsnicmp", string1, string2, Some(count)) })
}

/// `_wcsnicmp` for `-fshort-wchar` callers.
///
/// # Safety
/// `string1`, `string2` are each NULL or point to memory valid for what `_wcsnicmp` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn _wcsnicmp_w16(string1: *const u16, string2: *const u16, count: usize) -> c_int {
    // SAFETY: `icmp`: `string1`, `string2` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `_wcsnicmp` reads or writes through them; in particular `string1`
    // is NULL or points to a NUL-terminated array of `U`; `string1` is NULL or readable up to its terminator or
    // `Some(count)` units, whichever comes first..
    guard_infallible("_wcsnicmp", NLSCMPERROR, || unsafe { icmp("_wcsnicmp", string1, string2, Some(count)) })
}

// ---- copies that allocate, case mapping ----------------------------------------------------------------

/// A copy of `s` in `malloc` memory (freed with `free`), NULL for NULL or when memory runs out (errno ENOMEM).
///
/// # Safety
/// The pointers are arguments of the exports that call it (`_strdup`, `_wcsdup`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `_wcsdup`: `s` is its `strSource`. In particular: `s` is NULL or points to a
/// NUL-terminated array of `U`.
pub(crate) unsafe fn dup<U: Unit>(s: *const U) -> *mut U {
    if s.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: `whole`: `s` is non-NULL and points to a NUL-terminated array of `U`.
    let src = unsafe { whole(s) };
    // SAFETY: `libc::malloc` only allocates (size computed from `src.len()`, no overflow for a string that exists in
    // memory).
    let out = unsafe { libc::malloc((src.len() + 1) * std::mem::size_of::<U>()) } as *mut U;
    if out.is_null() {
        set_errno(libc::ENOMEM);
        return out;
    }
    // SAFETY: `copy_nonoverlapping`: both ranges are valid for the count given and do not overlap
    unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), out, src.len()) };
    // SAFETY: `out` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe { *out.add(src.len()) = U::from_u32(0) };
    out
}

/// `_strdup`: a `malloc`'d copy (free it with `free`); NULL for NULL.
///
/// # Safety
/// `strSource` is NULL or points to memory valid for what `_strdup` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _strdup(strSource: *const c_char) -> *mut c_char {
    // SAFETY: `dup`: `strSource` is this export's own argument, passed on (cast to the helper's types where they
    // differ); its `# Safety` makes it NULL or valid for what Windows documents `_strdup` reads or writes through it.
    guard_infallible("_strdup", std::ptr::null_mut(), || unsafe { dup(strSource as *const u8) } as *mut c_char)
}

/// `_wcsdup`: `_strdup` for wide strings.
///
/// # Safety
/// `strSource` is NULL or points to memory valid for what `_wcsdup` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcsdup(strSource: *const u32) -> *mut u32 {
    // SAFETY: `dup`: `strSource` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcsdup` reads or writes through it; in particular `strSource` is NULL or
    // points to a NUL-terminated array of `U`.
    guard_infallible("_wcsdup", std::ptr::null_mut(), || unsafe { dup(strSource) })
}

/// `_wcsdup` for `-fshort-wchar` callers.
///
/// # Safety
/// `strSource` is NULL or points to memory valid for what `_wcsdup` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcsdup_w16(strSource: *const u16) -> *mut u16 {
    // SAFETY: `dup`: `strSource` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcsdup` reads or writes through it; in particular `strSource` is NULL or
    // points to a NUL-terminated array of `U`.
    guard_infallible("_wcsdup", std::ptr::null_mut(), || unsafe { dup(strSource) })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`_strlwr`, `_strupr`, `_wcslwr`, `_wcsupr`, and their `_w16`
/// twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or
/// writes through them; as called from `_wcslwr`: `s` is its `str`. In particular: `s as *const U` is non-NULL and
/// points to a readable NUL-terminated array of `U`.
unsafe fn map_case<U: Unit>(function: &str, s: *mut U, f: fn(u32) -> u32) -> *mut U {
    if s.is_null() {
        invalid_parameter(function, EINVAL);
        return s;
    }
    // SAFETY: `units_strlen`: `s as *const U` is non-NULL and points to a readable NUL-terminated array of `U`.
    let n = unsafe { units_strlen(s as *const U) };
    // SAFETY: `units_out`: `s` points to `n` writable units valid for `'a`, not aliased (NULL only when `n` is 0).
    strings::map_in_place(unsafe { units_out(s, n) }, f);
    s
}

/// `_strlwr`: lowercases ASCII letters in place; returns the string. NULL: the handler, NULL.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_strlwr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _strlwr(str: *mut c_char) -> *mut c_char {
    guard_infallible("_strlwr", std::ptr::null_mut(), || {
        // SAFETY: `map_case`: `str` is this export's own argument, passed on (cast to the helper's types where they
        // differ); its `# Safety` makes it NULL or valid for what Windows documents `_strlwr` reads or writes through
        // it.
        (unsafe { map_case("_strlwr", str as *mut u8, strings::ascii_lower) }) as *mut c_char
    })
}

/// `_strupr`: uppercases ASCII letters in place.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_strupr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _strupr(str: *mut c_char) -> *mut c_char {
    guard_infallible("_strupr", std::ptr::null_mut(), || {
        // SAFETY: `map_case`: `str` is this export's own argument, passed on (cast to the helper's types where they
        // differ); its `# Safety` makes it NULL or valid for what Windows documents `_strupr` reads or writes through
        // it.
        (unsafe { map_case("_strupr", str as *mut u8, strings::ascii_upper) }) as *mut c_char
    })
}

/// `_wcslwr`: `_strlwr` for wide strings.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wcslwr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcslwr(str: *mut u32) -> *mut u32 {
    // SAFETY: `map_case`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcslwr` reads or writes through it; in particular `str as *const U` is
    // non-NULL and points to a readable NUL-terminated array of `U`.
    guard_infallible("_wcslwr", std::ptr::null_mut(), || unsafe { map_case("_wcslwr", str, strings::ascii_lower) })
}

/// `_wcslwr` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wcslwr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcslwr_w16(str: *mut u16) -> *mut u16 {
    // SAFETY: `map_case`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcslwr` reads or writes through it; in particular `str as *const U` is
    // non-NULL and points to a readable NUL-terminated array of `U`.
    guard_infallible("_wcslwr", std::ptr::null_mut(), || unsafe { map_case("_wcslwr", str, strings::ascii_lower) })
}

/// `_wcsupr`: `_strupr` for wide strings.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wcsupr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcsupr(str: *mut u32) -> *mut u32 {
    // SAFETY: `map_case`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcsupr` reads or writes through it; in particular `str as *const U` is
    // non-NULL and points to a readable NUL-terminated array of `U`.
    guard_infallible("_wcsupr", std::ptr::null_mut(), || unsafe { map_case("_wcsupr", str, strings::ascii_upper) })
}

/// `_wcsupr` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `_wcsupr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn _wcsupr_w16(str: *mut u16) -> *mut u16 {
    // SAFETY: `map_case`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `_wcsupr` reads or writes through it; in particular `str as *const U` is
    // non-NULL and points to a readable NUL-terminated array of `U`.
    guard_infallible("_wcsupr", std::ptr::null_mut(), || unsafe { map_case("_wcsupr", str, strings::ascii_upper) })
}

// ---- the _s copies -----------------------------------------------------------------------------------

/// # Safety
/// `dst` is NULL or writable for `size` units; `src` is NULL or readable up to its terminator or `max` units, whichever
/// comes first.
unsafe fn copy_s<U: Unit>(function: &str, dst: *mut U, size: usize, src: *const U) -> c_int {
    if dst.is_null() || size == 0 {
        return invalid_parameter(function, EINVAL);
    }
    // SAFETY: `buffer`: `dst` is non-NULL and writable for `size` units.
    let d = unsafe { buffer(dst, size) };
    if src.is_null() {
        d[0] = U::from_u32(0);
        return invalid_parameter(function, EINVAL);
    }
    // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
    errno_of(function, strings::copy_s(d, unsafe { prefix(src, size) }))
}

/// # Safety
/// `dst` is NULL or writable for `size` units; `src` is NULL or readable up to its terminator or `max` units, whichever
/// comes first.
unsafe fn ncopy_s<U: Unit>(function: &str, dst: *mut U, size: usize, src: *const U, count: usize) -> c_int {
    if count == 0 && dst.is_null() && size == 0 {
        return 0;
    }
    if dst.is_null() || size == 0 {
        return invalid_parameter(function, EINVAL);
    }
    // SAFETY: `buffer`: `dst` is non-NULL and writable for `size` units.
    let d = unsafe { buffer(dst, size) };
    if count == 0 {
        d[0] = U::from_u32(0);
        return 0;
    }
    if src.is_null() {
        d[0] = U::from_u32(0);
        return invalid_parameter(function, EINVAL);
    }
    let limit = if count == TRUNCATE { size } else { count.min(size) };
    // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
    errno_of(function, strings::ncopy_s(d, unsafe { prefix(src, limit) }, count))
}

/// # Safety
/// `dst` is NULL or writable for `size` units; `src` is NULL or readable up to its terminator or `max` units, whichever
/// comes first.
unsafe fn cat_s<U: Unit>(function: &str, dst: *mut U, size: usize, src: *const U, count: Option<usize>) -> c_int {
    if count == Some(0) && dst.is_null() && size == 0 {
        return 0;
    }
    if dst.is_null() || size == 0 {
        return invalid_parameter(function, EINVAL);
    }
    // SAFETY: `buffer`: `dst` is non-NULL and writable for `size` units.
    let d = unsafe { buffer(dst, size) };
    if src.is_null() && count != Some(0) {
        d[0] = U::from_u32(0);
        return invalid_parameter(function, EINVAL);
    }
    let r = match count {
        // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes
        // first.
        None => strings::cat_s(d, unsafe { prefix(src, size) }),
        Some(0) => strings::ncat_s(d, &[], 0),
        // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes
        // first.
        Some(n) => strings::ncat_s(d, unsafe { prefix(src, if n == TRUNCATE { size } else { n.min(size) }) }, n),
    };
    errno_of(function, r)
}

/// `strcpy_s`: copies `strSource` with its terminator into `dest` of `size` bytes. 0, or through the
/// invalid parameter handler: `EINVAL` (NULL `dest` or zero size: `dest` untouched; NULL source: `dest`
/// emptied), `ERANGE` (too small: `dest` emptied).
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `strcpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn strcpy_s(dest: *mut c_char, size: usize, strSource: *const c_char) -> c_int {
    // SAFETY: `copy_s`: `dest as *mut u8` is NULL or writable for `size` units; `strSource as *const u8` is NULL or
    // readable up to its terminator or `max` units, whichever comes first.
    guard_infallible("strcpy_s", EINVAL, || unsafe {
        copy_s("strcpy_s", dest as *mut u8, size, strSource as *const u8)
    })
}

/// `wcscpy_s`: `strcpy_s` for wide strings (`size` in `WCHAR`s).
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcscpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscpy_s(dest: *mut u32, size: usize, strSource: *const u32) -> c_int {
    // SAFETY: `copy_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcscpy_s", EINVAL, || unsafe { copy_s("wcscpy_s", dest, size, strSource) })
}

/// `wcscpy_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcscpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscpy_s_w16(dest: *mut u16, size: usize, strSource: *const u16) -> c_int {
    // SAFETY: `copy_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcscpy_s", EINVAL, || unsafe { copy_s("wcscpy_s", dest, size, strSource) })
}

/// `strncpy_s`: copies at most `count` characters and a terminator. `count` = `_TRUNCATE` copies what fits
/// and returns `STRUNCATE` when it cut (no handler); count 0 empties `dest` (NULL `dest` with size 0 is
/// allowed then). Otherwise as `strcpy_s`.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `strncpy_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn strncpy_s(dest: *mut c_char, size: usize, strSource: *const c_char, count: usize) -> c_int {
    // SAFETY: `ncopy_s`: `dest as *mut u8` is NULL or writable for `size` units; `strSource as *const u8` is NULL or
    // readable up to its terminator or `max` units, whichever comes first.
    guard_infallible("strncpy_s", EINVAL, || unsafe {
        ncopy_s("strncpy_s", dest as *mut u8, size, strSource as *const u8, count)
    })
}

/// `wcsncpy_s`: `strncpy_s` for wide strings.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcsncpy_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncpy_s(dest: *mut u32, size: usize, strSource: *const u32, count: usize) -> c_int {
    // SAFETY: `ncopy_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcsncpy_s", EINVAL, || unsafe { ncopy_s("wcsncpy_s", dest, size, strSource, count) })
}

/// `wcsncpy_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcsncpy_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncpy_s_w16(dest: *mut u16, size: usize, strSource: *const u16, count: usize) -> c_int {
    // SAFETY: `ncopy_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcsncpy_s", EINVAL, || unsafe { ncopy_s("wcsncpy_s", dest, size, strSource, count) })
}

/// `strcat_s`: appends `strSource`. A `dest` without a terminator within `size`: emptied, `EINVAL`; the
/// result does not fit: emptied, `ERANGE` (both through the handler).
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `strcat_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn strcat_s(dest: *mut c_char, size: usize, strSource: *const c_char) -> c_int {
    // SAFETY: `cat_s`: `dest as *mut u8` is NULL or writable for `size` units; `strSource as *const u8` is NULL or
    // readable up to its terminator or `max` units, whichever comes first.
    guard_infallible("strcat_s", EINVAL, || unsafe {
        cat_s("strcat_s", dest as *mut u8, size, strSource as *const u8, None)
    })
}

/// `wcscat_s`: `strcat_s` for wide strings.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcscat_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscat_s(dest: *mut u32, size: usize, strSource: *const u32) -> c_int {
    // SAFETY: `cat_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcscat_s", EINVAL, || unsafe { cat_s("wcscat_s", dest, size, strSource, None) })
}

/// `wcscat_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcscat_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscat_s_w16(dest: *mut u16, size: usize, strSource: *const u16) -> c_int {
    // SAFETY: `cat_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcscat_s", EINVAL, || unsafe { cat_s("wcscat_s", dest, size, strSource, None) })
}

/// `strncat_s`: appends at most `count` characters; `_TRUNCATE` appends what fits (`STRUNCATE` when cut).
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `strncat_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn strncat_s(dest: *mut c_char, size: usize, strSource: *const c_char, count: usize) -> c_int {
    guard_infallible("strncat_s", EINVAL, || {
        // SAFETY: `cat_s`: `dest as *mut u8` is NULL or writable for `size` units; `strSource as *const u8` is NULL or
        // readable up to its terminator or `max` units, whichever comes first.
        unsafe { cat_s("strncat_s", dest as *mut u8, size, strSource as *const u8, Some(count)) }
    })
}

/// `wcsncat_s`: `strncat_s` for wide strings.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcsncat_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncat_s(dest: *mut u32, size: usize, strSource: *const u32, count: usize) -> c_int {
    // SAFETY: `cat_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcsncat_s", EINVAL, || unsafe { cat_s("wcsncat_s", dest, size, strSource, Some(count)) })
}

/// `wcsncat_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `strSource` are each NULL or point to memory valid for what `wcsncat_s` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncat_s_w16(dest: *mut u16, size: usize, strSource: *const u16, count: usize) -> c_int {
    // SAFETY: `cat_s`: `dest` is NULL or writable for `size` units; `strSource` is NULL or readable up to its
    // terminator or `max` units, whichever comes first.
    guard_infallible("wcsncat_s", EINVAL, || unsafe { cat_s("wcsncat_s", dest, size, strSource, Some(count)) })
}

/// # Safety
/// `s` is NULL or readable up to its terminator or `max` units, whichever comes first.
unsafe fn nlen_s<U: Unit>(s: *const U, max: usize) -> usize {
    if s.is_null() {
        0
    } else {
        // SAFETY: `prefix`: `s` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
        unsafe { prefix(s, max) }.len()
    }
}

/// `strnlen_s`: the length, at most `numberOfElements`; 0 for NULL.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `strnlen_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn strnlen_s(str: *const c_char, numberOfElements: usize) -> usize {
    // SAFETY: `nlen_s`: `str as *const u8` is NULL or readable up to its terminator or `numberOfElements` units,
    // whichever comes first.
    guard_infallible("strnlen_s", 0, || unsafe { nlen_s(str as *const u8, numberOfElements) })
}

/// `wcsnlen_s`: `strnlen_s` for wide strings.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcsnlen_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsnlen_s(str: *const u32, numberOfElements: usize) -> usize {
    // SAFETY: `nlen_s`: `str` is NULL or readable up to its terminator or `numberOfElements` units, whichever comes
    // first.
    guard_infallible("wcsnlen_s", 0, || unsafe { nlen_s(str, numberOfElements) })
}

/// `wcsnlen_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcsnlen_s` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsnlen_s_w16(str: *const u16, numberOfElements: usize) -> usize {
    // SAFETY: `nlen_s`: `str` is NULL or readable up to its terminator or `numberOfElements` units, whichever comes
    // first.
    guard_infallible("wcsnlen_s", 0, || unsafe { nlen_s(str, numberOfElements) })
}

/// The UCRT's `memcpy_s` rules in units of `U`: nothing to copy is success; NULL destination `EINVAL`;
/// NULL source or too small a destination zero the destination first (`EINVAL` / `ERANGE`).
///
/// # Safety
/// The pointers are arguments of the exports that call it (`memcpy_s`, `wmemcpy_s`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `wmemcpy_s`: `dst` is its `dest`, `src` is its `src`.
unsafe fn mem_copy_s<U: Unit>(function: &str, dst: *mut U, size: usize, src: *const U, count: usize) -> c_int {
    if count == 0 {
        return 0;
    }
    if dst.is_null() {
        return invalid_parameter(function, EINVAL);
    }
    if src.is_null() || size < count {
        // SAFETY: `write_bytes`: the destination is valid for writing the count given
        unsafe { std::ptr::write_bytes(dst, 0, size) };
        return invalid_parameter(function, if src.is_null() { EINVAL } else { crate::crt::ERANGE });
    }
    // SAFETY: `copy`: both ranges are valid for the count given
    unsafe { std::ptr::copy(src, dst, count) };
    0
}

/// The UCRT's `memmove_s` rules: as `memcpy_s` without zeroing, and overlap allowed.
///
/// # Safety
/// The pointers are arguments of the exports that call it (`memmove_s`, `wmemmove_s`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `wmemmove_s`: `dst` is its `dest`, `src` is its `src`.
unsafe fn mem_move_s<U: Unit>(function: &str, dst: *mut U, size: usize, src: *const U, count: usize) -> c_int {
    if count == 0 {
        return 0;
    }
    if dst.is_null() || src.is_null() {
        return invalid_parameter(function, EINVAL);
    }
    if size < count {
        return invalid_parameter(function, crate::crt::ERANGE);
    }
    // SAFETY: `copy`: both ranges are valid for the count given
    unsafe { std::ptr::copy(src, dst, count) };
    0
}

/// `memcpy_s`: copies `count` bytes into `dest` of `destSize` (see the UCRT rules above).
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `memcpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn memcpy_s(dest: *mut c_void, destSize: usize, src: *const c_void, count: usize) -> c_int {
    // SAFETY: `mem_copy_s`: `dest`, `src` are this export's own arguments, passed on (cast to the helper's types where
    // they differ); its `# Safety` makes them NULL or valid for what Windows documents `memcpy_s` reads or writes
    // through them.
    guard_infallible("memcpy_s", EINVAL, || unsafe {
        mem_copy_s("memcpy_s", dest as *mut u8, destSize, src as *const u8, count)
    })
}

/// `memmove_s`: `memcpy_s` for overlapping buffers (the destination is not zeroed on error).
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `memmove_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn memmove_s(
    dest: *mut c_void,
    numberOfElements: usize,
    src: *const c_void,
    count: usize,
) -> c_int {
    guard_infallible("memmove_s", EINVAL, || {
        // SAFETY: `mem_move_s`: `dest`, `src` are this export's own arguments, passed on (cast to the helper's types
        // where they differ); its `# Safety` makes them NULL or valid for what Windows documents `memmove_s` reads or
        // writes through them.
        unsafe { mem_move_s("memmove_s", dest as *mut u8, numberOfElements, src as *const u8, count) }
    })
}

/// `wmemcpy_s`: `memcpy_s` in `WCHAR`s.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemcpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemcpy_s(dest: *mut u32, destSize: usize, src: *const u32, count: usize) -> c_int {
    // SAFETY: `mem_copy_s`: `dest`, `src` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wmemcpy_s` reads or writes through them.
    guard_infallible("wmemcpy_s", EINVAL, || unsafe { mem_copy_s("wmemcpy_s", dest, destSize, src, count) })
}

/// `wmemcpy_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemcpy_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemcpy_s_w16(dest: *mut u16, destSize: usize, src: *const u16, count: usize) -> c_int {
    // SAFETY: `mem_copy_s`: `dest`, `src` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wmemcpy_s` reads or writes through them.
    guard_infallible("wmemcpy_s", EINVAL, || unsafe { mem_copy_s("wmemcpy_s", dest, destSize, src, count) })
}

/// `wmemmove_s`: `memmove_s` in `WCHAR`s.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemmove_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemmove_s(dest: *mut u32, numberOfElements: usize, src: *const u32, count: usize) -> c_int {
    // SAFETY: `mem_move_s`: `dest`, `src` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wmemmove_s` reads or writes through them.
    guard_infallible("wmemmove_s", EINVAL, || unsafe { mem_move_s("wmemmove_s", dest, numberOfElements, src, count) })
}

/// `wmemmove_s` for `-fshort-wchar` callers.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemmove_s` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemmove_s_w16(
    dest: *mut u16,
    numberOfElements: usize,
    src: *const u16,
    count: usize,
) -> c_int {
    // SAFETY: `mem_move_s`: `dest`, `src` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wmemmove_s` reads or writes through them.
    guard_infallible("wmemmove_s", EINVAL, || unsafe { mem_move_s("wmemmove_s", dest, numberOfElements, src, count) })
}
