//! UTF-16 versions of glibc's wide functions for `-fshort-wchar` callers: `include/corecrt.h` renames
//! `wcslen`, `wcscpy` ... `wcstombs` to these `_w16` exports by assembler name in that mode, because glibc's
//! own read 32-bit units. ISO C semantics in the "C" locale, multibyte strings as UTF-8; a NULL where ISO C
//! requires a string gives 0 / NULL here rather than a crash. (The formatting ones are in `format.rs`.)
#![allow(non_snake_case)]
use super::*;
use crate::crt::invalid::set_errno;
use crate::crt::strings;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::text;
use std::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

type W = u16;

/// The string at `p` (empty for NULL).
///
/// # Safety
/// `p` is NULL or points to a readable NUL-terminated array of UTF-16 units, unchanged while the slice is used.
unsafe fn s<'a>(p: *const W) -> &'a [W] {
    if p.is_null() {
        &[]
    } else {
        // SAFETY: `whole`: `p` is non-NULL and points to a NUL-terminated array of `U`.
        unsafe { whole(p) }
    }
}

/// `wcslen` for UTF-16 strings: the units before the terminator.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcslen` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcslen_w16(str: *const W) -> usize {
    // SAFETY: `s`: `str` is NULL or points to a NUL-terminated array of `U`.
    guard_infallible("wcslen", 0, || unsafe { s(str) }.len())
}

/// `wcsnlen` for UTF-16 strings: the length, at most `maxlen`.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcsnlen` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsnlen_w16(str: *const W, maxlen: usize) -> usize {
    // SAFETY: `prefix`: `str` is non-NULL and readable up to its terminator or `max` units, whichever comes first.
    guard_infallible("wcsnlen", 0, || if str.is_null() { 0 } else { unsafe { prefix(str, maxlen) }.len() })
}

/// `wcscpy` for UTF-16 strings; returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wcscpy` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscpy_w16(dest: *mut W, src: *const W) -> *mut W {
    guard_infallible("wcscpy", dest, || {
        // SAFETY: `s`: `src` is NULL or points to a NUL-terminated array of `U`.
        let from = unsafe { s(src) };
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(from.as_ptr(), dest, from.len()) };
        // SAFETY: `dest` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
        unsafe { *dest.add(from.len()) = 0 };
        dest
    })
}

/// `wcsncpy` for UTF-16 strings: at most `n` units, the rest of the `n` filled with zeros (no terminator when
/// the source has `n` units or more); returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wcsncpy` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncpy_w16(dest: *mut W, src: *const W, n: usize) -> *mut W {
    guard_infallible("wcsncpy", dest, || {
        // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes
        // first.
        let from = if src.is_null() { &[][..] } else { unsafe { prefix(src, n) } };
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(from.as_ptr(), dest, from.len()) };
        // SAFETY: `write_bytes`: the destination is valid for writing the count given
        unsafe { std::ptr::write_bytes(dest.add(from.len()), 0, n - from.len()) };
        dest
    })
}

/// `wcscat` for UTF-16 strings; returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wcscat` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscat_w16(dest: *mut W, src: *const W) -> *mut W {
    guard_infallible("wcscat", dest, || {
        // SAFETY: `units_strlen`: `dest as *const W` is non-NULL and points to a readable NUL-terminated array of
        // `U`.
        let at = unsafe { units_strlen(dest as *const W) };
        // SAFETY: `s`: `src` is NULL or points to a NUL-terminated array of `U`.
        let from = unsafe { s(src) };
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(from.as_ptr(), dest.add(at), from.len()) };
        // SAFETY: `dest` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
        unsafe { *dest.add(at + from.len()) = 0 };
        dest
    })
}

/// `wcsncat` for UTF-16 strings: appends at most `n` units and a terminator; returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wcsncat` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncat_w16(dest: *mut W, src: *const W, n: usize) -> *mut W {
    guard_infallible("wcsncat", dest, || {
        // SAFETY: `units_strlen`: `dest as *const W` is non-NULL and points to a readable NUL-terminated array of
        // `U`.
        let at = unsafe { units_strlen(dest as *const W) };
        // SAFETY: `prefix`: `src` is non-NULL and readable up to its terminator or `max` units, whichever comes
        // first.
        let from = if src.is_null() { &[][..] } else { unsafe { prefix(src, n) } };
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(from.as_ptr(), dest.add(at), from.len()) };
        // SAFETY: `dest` is the caller's pointer, valid for writing what is stored (this function's `# Safety`)
        unsafe { *dest.add(at + from.len()) = 0 };
        dest
    })
}

/// `wcscmp` for UTF-16 strings (unit order).
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wcscmp` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcscmp_w16(s1: *const W, s2: *const W) -> c_int {
    // SAFETY: `s`: `s1` and `s2` are each NULL or a readable NUL-terminated UTF-16 string (this export's `# Safety`).
    guard_infallible("wcscmp", 0, || strings::cmp(unsafe { s(s1) }, unsafe { s(s2) }))
}

/// `wcsncmp` for UTF-16 strings: at most `n` units.
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wcsncmp` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsncmp_w16(s1: *const W, s2: *const W, n: usize) -> c_int {
    guard_infallible("wcsncmp", 0, || {
        let (a, b) = if s1.is_null() || s2.is_null() {
            // SAFETY: `s`: `s1` and `s2` are each NULL or a readable NUL-terminated UTF-16 string (this export's
            // `# Safety`).
            (unsafe { s(s1) }, unsafe { s(s2) })
        } else {
            // SAFETY: `prefix`: `s1` and `s2` are non-NULL (checked above) and readable up to their terminator or `n`
            // units, whichever comes first (this export's `# Safety`).
            (unsafe { prefix(s1, n) }, unsafe { prefix(s2, n) })
        };
        strings::cmp(a, b)
    })
}

/// `wcscoll` for UTF-16 strings: `wcscmp` (the "C" locale's collation).
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wcscoll` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcscoll_w16(s1: *const W, s2: *const W) -> c_int {
    // SAFETY: `s`: `s1` and `s2` are each NULL or a readable NUL-terminated UTF-16 string (this export's `# Safety`).
    guard_infallible("wcscoll", 0, || strings::cmp(unsafe { s(s1) }, unsafe { s(s2) }))
}

/// `wcscasecmp` for UTF-16 strings: compares after simple Unicode lowercasing of each unit.
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wcscasecmp` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscasecmp_w16(s1: *const W, s2: *const W) -> c_int {
    guard_infallible("wcscasecmp", 0, || {
        // SAFETY: `s`: `s1` and `s2` are each NULL or a readable NUL-terminated UTF-16 string (this export's
        // `# Safety`).
        strings::compare_by(unsafe { s(s1) }, unsafe { s(s2) }, strings::unicode_lower).signum()
    })
}

/// `wcsncasecmp` for UTF-16 strings: `wcscasecmp` on at most `n` units.
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wcsncasecmp` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsncasecmp_w16(s1: *const W, s2: *const W, n: usize) -> c_int {
    guard_infallible("wcsncasecmp", 0, || {
        let (a, b) = if s1.is_null() || s2.is_null() {
            // SAFETY: `s`: `s1` and `s2` are each NULL or a readable NUL-terminated UTF-16 string (this export's
            // `# Safety`).
            (unsafe { s(s1) }, unsafe { s(s2) })
        } else {
            // SAFETY: `prefix`: `s1` and `s2` are non-NULL (checked above) and readable up to their terminator or `n`
            // units, whichever comes first (this export's `# Safety`).
            (unsafe { prefix(s1, n) }, unsafe { prefix(s2, n) })
        };
        strings::compare_by(a, b, strings::unicode_lower).signum()
    })
}

/// The first (or `last`) unit `c` of the string at `str`; for `c` = 0 its terminator; NULL when absent.
///
/// # Safety
/// The pointers are arguments of the exports that call it (`wcschr`, `wcsrchr`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `wcschr`: `str` is its `str`. In particular: `str` is NULL or points to a
/// NUL-terminated array of `U`.
unsafe fn find_unit(str: *const W, c: W, last: bool) -> *mut W {
    // SAFETY: `s`: `str` is NULL or points to a NUL-terminated array of `U`.
    let t = unsafe { s(str) };
    let at = if last { t.iter().rposition(|&u| u == c) } else { t.iter().position(|&u| u == c) };
    match at {
        // SAFETY: `add`: the offset stays inside the caller's buffer
        Some(i) => (unsafe { str.add(i) }) as *mut W,
        // SAFETY: `add`: the offset stays inside the caller's buffer
        None if c == 0 && !str.is_null() => (unsafe { str.add(t.len()) }) as *mut W,
        None => std::ptr::null_mut(),
    }
}

/// `wcschr` for UTF-16 strings: the first `c` (the terminator itself for 0), or NULL.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcschr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcschr_w16(str: *const W, c: W) -> *mut W {
    // SAFETY: `find_unit`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `wcschr` reads or writes through it; in particular `str` is NULL or points to a
    // NUL-terminated array of `U`.
    guard_infallible("wcschr", std::ptr::null_mut(), || unsafe { find_unit(str, c, false) })
}

/// `wcsrchr` for UTF-16 strings: the last `c` (the terminator for 0), or NULL.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcsrchr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsrchr_w16(str: *const W, c: W) -> *mut W {
    // SAFETY: `find_unit`: `str` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL or
    // valid for what Windows documents `wcsrchr` reads or writes through it; in particular `str` is NULL or points to a
    // NUL-terminated array of `U`.
    guard_infallible("wcsrchr", std::ptr::null_mut(), || unsafe { find_unit(str, c, true) })
}

/// `wcsstr` for UTF-16 strings: the first occurrence of `needle` (the haystack for an empty needle), or NULL.
///
/// # Safety
/// `haystack`, `needle` are each NULL or point to memory valid for what `wcsstr` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsstr_w16(haystack: *const W, needle: *const W) -> *mut W {
    guard_infallible("wcsstr", std::ptr::null_mut(), || {
        if haystack.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `s`: `haystack` (non-NULL here) and `needle` are each NULL or a readable NUL-terminated UTF-16
        // string (this export's `# Safety`).
        match strings::find(unsafe { s(haystack) }, unsafe { s(needle) }) {
            // SAFETY: `add`: the offset stays inside the caller's buffer
            Some(i) => (unsafe { haystack.add(i) }) as *mut W,
            None => std::ptr::null_mut(),
        }
    })
}

/// `wcspbrk` for UTF-16 strings: the first unit that is in `accept`, or NULL.
///
/// # Safety
/// `str`, `accept` are each NULL or point to memory valid for what `wcspbrk` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcspbrk_w16(str: *const W, accept: *const W) -> *mut W {
    guard_infallible("wcspbrk", std::ptr::null_mut(), || {
        // SAFETY: `s`: `accept` is NULL or points to a NUL-terminated array of `U`.
        let set = unsafe { s(accept) };
        // SAFETY: `s`: `str` is NULL or points to a NUL-terminated array of `U`.
        match unsafe { s(str) }.iter().position(|u| set.contains(u)) {
            // SAFETY: `add`: the offset stays inside the caller's buffer
            Some(i) => (unsafe { str.add(i) }) as *mut W,
            None => std::ptr::null_mut(),
        }
    })
}

/// `wcsspn` for UTF-16 strings: the length of the start made only of units in `accept`.
///
/// # Safety
/// `str`, `accept` are each NULL or point to memory valid for what `wcsspn` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcsspn_w16(str: *const W, accept: *const W) -> usize {
    guard_infallible("wcsspn", 0, || {
        // SAFETY: `s`: `accept` is NULL or points to a NUL-terminated array of `U`.
        let set = unsafe { s(accept) };
        // SAFETY: `s`: `str` is NULL or points to a NUL-terminated array of `U`.
        unsafe { s(str) }.iter().take_while(|u| set.contains(u)).count()
    })
}

/// `wcscspn` for UTF-16 strings: the length of the start made of units not in `reject`.
///
/// # Safety
/// `str`, `reject` are each NULL or point to memory valid for what `wcscspn` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcscspn_w16(str: *const W, reject: *const W) -> usize {
    guard_infallible("wcscspn", 0, || {
        // SAFETY: `s`: `reject` is NULL or points to a NUL-terminated array of `U`.
        let set = unsafe { s(reject) };
        // SAFETY: `s`: `str` is NULL or points to a NUL-terminated array of `U`.
        unsafe { s(str) }.iter().take_while(|u| !set.contains(u)).count()
    })
}

/// `wcstok` for UTF-16 strings (the ISO form with the caller's `ptr`): the next token of `str` (or of the
/// string left in `*ptr` when `str` is NULL) separated by units of `delim`; NULL at the end.
///
/// # Safety
/// `str`, `delim`, `ptr` are each NULL or point to memory valid for what `wcstok` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstok_w16(str: *mut W, delim: *const W, ptr: *mut *mut W) -> *mut W {
    guard_infallible("wcstok", std::ptr::null_mut(), || {
        if ptr.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `ptr` is non-NULL (checked above) and the caller's context pointer (this function's
        // `# Safety`).
        let start = if str.is_null() { unsafe { *ptr } } else { str };
        if start.is_null() {
            return std::ptr::null_mut();
        }
        // SAFETY: `s`: `delim` is NULL or points to a NUL-terminated array of `U`.
        let set = unsafe { s(delim) };
        // SAFETY: `whole`: `start as *const W` is non-NULL and points to a NUL-terminated array of `U`.
        let rest = unsafe { whole(start as *const W) };
        let Some(first) = rest.iter().position(|u| !set.contains(u)) else {
            // SAFETY: `ptr` is the caller's pointer, valid for writing what is stored (this function's `# Safety`);
            // `add`: the offset stays inside the caller's buffer
            unsafe { *ptr = start.add(rest.len()) };
            return std::ptr::null_mut();
        };
        // SAFETY: `add`: the offset stays inside the caller's buffer
        let token = unsafe { start.add(first) };
        let tail = &rest[first..];
        match tail.iter().position(|u| set.contains(u)) {
            Some(end) => {
                // SAFETY: `token` is the caller's pointer, valid for writing what is stored (this function's
                // `# Safety`)
                unsafe { *token.add(end) = 0 };
                // SAFETY: `ptr` is the caller's pointer, valid for writing what is stored (this function's `# Safety`);
                // `add`: the offset stays inside the caller's buffer
                unsafe { *ptr = token.add(end + 1) };
            }
            // SAFETY: `add`: the offset stays inside the caller's buffer
            // SAFETY: `ptr` as above; `token` + its length stays inside the string being split.
            None => unsafe { *ptr = token.add(tail.len()) },
        }
        token
    })
}

/// `wcsdup` for UTF-16 strings: a `malloc`'d copy.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wcsdup` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wcsdup_w16(str: *const W) -> *mut W {
    // SAFETY: `dup`: `str` is this export's own argument, NULL or a readable NUL-terminated UTF-16 string (its
    // `# Safety`).
    guard_infallible("wcsdup", std::ptr::null_mut(), || unsafe { super::strings::dup(str) })
}

/// The ISO `strtol` family's errors: a bad base is `EINVAL` in errno (no handler: these are the C functions).
///
/// # Safety
/// The pointers are arguments of the exports that call it (`wcstol`, `wcstoll`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `wcstol`: `str` is its `str`, `end` is its `endptr`.
unsafe fn iso_int(str: *const W, end: *mut *mut W, base: c_int, min: i64, max: i64) -> i64 {
    if !end.is_null() {
        // SAFETY: `end` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
        // `# Safety`)
        unsafe { *end = str as *mut W };
    }
    if str.is_null() || !crate::crt::numbers::base_ok(base) {
        set_errno(crate::crt::EINVAL);
        return 0;
    }
    // SAFETY: `to_int`: `str` and `end` are this function's own arguments, those of `wcstol` (NULL or a readable
    // NUL-terminated string; NULL or a writable pointer), as its `# Safety` asks.
    unsafe { super::numbers::to_int("wcstol", str, end, base, min, max) }
}

/// # Safety
/// The pointers are arguments of the exports that call it (`wcstoul`, `wcstoull`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `wcstoul`: `str` is its `str`, `end` is its `endptr`.
unsafe fn iso_uint(str: *const W, end: *mut *mut W, base: c_int, max: u64) -> u64 {
    if !end.is_null() {
        // SAFETY: `end` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
        // `# Safety`)
        unsafe { *end = str as *mut W };
    }
    if str.is_null() || !crate::crt::numbers::base_ok(base) {
        set_errno(crate::crt::EINVAL);
        return 0;
    }
    // SAFETY: `to_uint`: `str` and `end` are this function's own arguments, those of `wcstoul` (NULL or a readable
    // NUL-terminated string; NULL or a writable pointer), as its `# Safety` asks.
    unsafe { super::numbers::to_uint("wcstoul", str, end, base, max) }
}

/// `wcstol` for UTF-16 strings (Linux `long`, 64 bits): out of range gives `LONG_MAX`/`LONG_MIN` and `ERANGE`.
///
/// # Safety
/// `str`, `endptr` are each NULL or point to memory valid for what `wcstol` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstol_w16(str: *const W, endptr: *mut *mut W, base: c_int) -> c_long {
    // SAFETY: `iso_int`: `str`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wcstol` reads or writes through them.
    guard_infallible("wcstol", 0, || unsafe { iso_int(str, endptr, base, c_long::MIN, c_long::MAX) } as c_long)
}

/// `wcstoul` for UTF-16 strings.
///
/// # Safety
/// `str`, `endptr` are each NULL or point to memory valid for what `wcstoul` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstoul_w16(str: *const W, endptr: *mut *mut W, base: c_int) -> c_ulong {
    // SAFETY: `iso_uint`: `str`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wcstoul` reads or writes through them.
    guard_infallible("wcstoul", 0, || unsafe { iso_uint(str, endptr, base, c_ulong::MAX) } as c_ulong)
}

/// `wcstoll` for UTF-16 strings.
///
/// # Safety
/// `str`, `endptr` are each NULL or point to memory valid for what `wcstoll` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstoll_w16(str: *const W, endptr: *mut *mut W, base: c_int) -> c_longlong {
    // SAFETY: `iso_int`: `str`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wcstoll` reads or writes through them.
    guard_infallible("wcstoll", 0, || unsafe { iso_int(str, endptr, base, i64::MIN, i64::MAX) })
}

/// `wcstoull` for UTF-16 strings.
///
/// # Safety
/// `str`, `endptr` are each NULL or point to memory valid for what `wcstoull` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstoull_w16(str: *const W, endptr: *mut *mut W, base: c_int) -> c_ulonglong {
    // SAFETY: `iso_uint`: `str`, `endptr` are this export's own arguments, passed on unchanged; its `# Safety` makes
    // them NULL or valid for what Windows documents `wcstoull` reads or writes through them.
    guard_infallible("wcstoull", 0, || unsafe { iso_uint(str, endptr, base, u64::MAX) })
}

/// `wcstod` for UTF-16 strings (the "C" locale's syntax).
///
/// # Safety
/// `str`, `endptr` are each NULL or point to memory valid for what `wcstod` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstod_w16(str: *const W, endptr: *mut *mut W) -> f64 {
    guard_infallible("wcstod", 0.0, || {
        // SAFETY: `s`: `str` is NULL or a readable NUL-terminated UTF-16 string (this export's `# Safety`);
        // `wide_to_double` reads only that slice.
        let (v, used) = unsafe { super::numbers::wide_to_double(s(str)) };
        if !endptr.is_null() {
            // SAFETY: `endptr` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
            // function's `# Safety`); `add`: the offset stays inside the caller's buffer
            unsafe { *endptr = (str as *mut W).add(used) };
        }
        v
    })
}

/// `wmemcpy` for UTF-16 units; returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemcpy` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemcpy_w16(dest: *mut W, src: *const W, n: usize) -> *mut W {
    guard_infallible("wmemcpy", dest, || {
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(src, dest, n) };
        dest
    })
}

/// `wmemmove` for UTF-16 units; returns `dest`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wmemmove` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wmemmove_w16(dest: *mut W, src: *const W, n: usize) -> *mut W {
    guard_infallible("wmemmove", dest, || {
        // SAFETY: `copy`: both ranges are valid for the count given
        unsafe { std::ptr::copy(src, dest, n) };
        dest
    })
}

/// `wmemset` for UTF-16 units; returns `dest`.
///
/// # Safety
/// `dest` is NULL or points to memory valid for what `wmemset` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wmemset_w16(dest: *mut W, c: W, n: usize) -> *mut W {
    guard_infallible("wmemset", dest, || {
        // SAFETY: `units_out`: `dest` points to `n` writable units valid for `'a`, not aliased (NULL only when `n`
        // is 0).
        unsafe { units_out(dest, n) }.fill(c);
        dest
    })
}

/// `wmemcmp` for UTF-16 units.
///
/// # Safety
/// `s1`, `s2` are each NULL or point to memory valid for what `wmemcmp` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wmemcmp_w16(s1: *const W, s2: *const W, n: usize) -> c_int {
    // SAFETY: `units_in`: `s1` points to `n` readable units valid for `'a` (it may be NULL only when `n` is 0).;
    // `units_in`: `s2` points to `n` readable units valid for `'a` (it may be NULL only when `n` is 0).
    guard_infallible("wmemcmp", 0, || match unsafe { units_in(s1, n) }.cmp(unsafe { units_in(s2, n) }) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    })
}

/// `wmemchr` for UTF-16 units: the first `c` among `n` units, or NULL.
///
/// # Safety
/// `str` is NULL or points to memory valid for what `wmemchr` reads or writes there, as Windows documents it
/// (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn wmemchr_w16(str: *const W, c: W, n: usize) -> *mut W {
    guard_infallible("wmemchr", std::ptr::null_mut(), || {
        // SAFETY: `units_in`: `str` points to `n` readable units valid for `'a` (it may be NULL only when `n` is 0).
        match unsafe { units_in(str, n) }.iter().position(|&u| u == c) {
            // SAFETY: `add`: the offset stays inside the caller's buffer
            Some(i) => (unsafe { str.add(i) }) as *mut W,
            None => std::ptr::null_mut(),
        }
    })
}

/// `wcstombs` for UTF-16 strings, to UTF-8: at most `n` bytes (never part of a character), a terminator when
/// it fits; returns the bytes written without it (NULL `dest`: the bytes needed). A lone surrogate:
/// `(size_t)-1` with errno `EILSEQ`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `wcstombs` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn wcstombs_w16(dest: *mut c_char, src: *const W, n: usize) -> usize {
    guard_infallible("wcstombs", usize::MAX, || {
        // NULL `dest`: the whole string's length; else the characters that fit in `n` bytes.
        let max = if dest.is_null() { usize::MAX } else { n };
        // SAFETY: `s`: `src` is NULL or points to a NUL-terminated array of `U`.
        let Ok(out) = text::wide_to_utf8_prefix(unsafe { s(src) }, max) else {
            set_errno(libc::EILSEQ);
            return usize::MAX;
        };
        if !dest.is_null() {
            // SAFETY: `copy_nonoverlapping`: `out` is ours; `dest` is non-NULL (checked above) and holds `n` >=
            // `out.len()` writable bytes (this export's `# Safety`); they do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(out.as_ptr(), dest as *mut u8, out.len()) };
            if out.len() < n {
                // SAFETY: `dest` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
                // function's `# Safety`)
                unsafe { *dest.add(out.len()) = 0 };
            }
        }
        out.len()
    })
}

/// `mbstowcs` for UTF-16 strings, from UTF-8: at most `n` units (a surrogate pair is never split), a
/// terminator when it fits; returns the units written without it (NULL `dest`: the units needed). Invalid
/// UTF-8: `(size_t)-1` with errno `EILSEQ`.
///
/// # Safety
/// `dest`, `src` are each NULL or point to memory valid for what `mbstowcs` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn mbstowcs_w16(dest: *mut W, src: *const c_char, n: usize) -> usize {
    guard_infallible("mbstowcs", usize::MAX, || {
        if src.is_null() {
            return 0;
        }
        // SAFETY: `CStr::from_ptr`: `src` is non-NULL (checked above) and a readable NUL-terminated string, unchanged
        // during the call (this export's `# Safety`).
        let bytes = unsafe { std::ffi::CStr::from_ptr(src) }.to_bytes();
        // NULL `dest`: the whole string's length; else the characters that fit in `n` units.
        let max = if dest.is_null() { usize::MAX } else { n };
        let Ok(units) = text::utf8_to_wide_prefix::<W>(bytes, max) else {
            set_errno(libc::EILSEQ);
            return usize::MAX;
        };
        if !dest.is_null() {
            // SAFETY: `copy_nonoverlapping`: `units` is ours; `dest` is non-NULL (checked above) and holds `n` >=
            // `units.len()` writable units (this export's `# Safety`); they do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), dest, units.len()) };
            if units.len() < n {
                // SAFETY: `dest` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
                // function's `# Safety`)
                unsafe { *dest.add(units.len()) = 0 };
            }
        }
        units.len()
    })
}

/// `fputws` for UTF-16 strings: writes the string as UTF-8; a non-negative value, or -1 on a write error.
///
/// # Safety
/// `ws`, `stream` are each NULL or point to memory valid for what `fputws` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn fputws_w16(ws: *const W, stream: *mut libc::FILE) -> c_int {
    guard_infallible("fputws", -1, || {
        // SAFETY: `s`: `ws` is NULL or points to a NUL-terminated array of `U`.
        // Lossy: an unpaired surrogate is written as U+FFFD (the conversion cannot fail then).
        let Ok(utf8) = text::wide_to_utf8(unsafe { s(ws) }, false) else { return -1 };
        if stream.is_null()
            // SAFETY: `libc::fwrite`: reads `utf8.len()` bytes of `utf8`, a local `Vec`; `stream` is non-NULL
            // (checked first) and an open `FILE` (this export's `# Safety`).
            || unsafe { libc::fwrite(utf8.as_ptr() as *const libc::c_void, 1, utf8.len(), stream) } != utf8.len()
        {
            return -1;
        }
        0
    })
}
