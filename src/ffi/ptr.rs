//! Pointer and string helpers for the C edge. Every raw pointer the library reads or writes passes
//! through one of these, each with its `# Safety` contract, so the engines see only safe Rust values.
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::{c_char, CStr};

/// Reads a NUL-terminated wide string; `Ok(None)` for NULL.
///
/// # Safety
/// `p` is NULL or points to a readable NUL-terminated array of `U`.
pub unsafe fn wide_cstr<U: WideUnit>(p: *const U) -> Option<String> {
    if p.is_null() {
        return None;
    }
    let mut n = 0usize;
    while !(*p.add(n)).is_zero() {
        n += 1;
    }
    Some(wstr::decode(std::slice::from_raw_parts(p, n)))
}

/// Reads a wide string of `len` units, or up to its NUL when `len` is `u32::MAX` (-1, as WinHTTP's
/// `dwHeadersLength` allows); `Ok(None)` for NULL.
///
/// # Safety
/// `p` is NULL or points to `len` readable units (or a NUL-terminated string when `len` is -1).
pub unsafe fn wide_str_len<U: WideUnit>(p: *const U, len: u32) -> Option<String> {
    if p.is_null() {
        return None;
    }
    if len == u32::MAX {
        return wide_cstr(p);
    }
    let units = std::slice::from_raw_parts(p, len as usize);
    // A string shorter than its stated length ends at its NUL, as Windows reads it.
    let end = units.iter().position(|u| u.is_zero()).unwrap_or(units.len());
    Some(wstr::decode(&units[..end]))
}

/// Reads a NUL-terminated narrow (UTF-8, the Linux "ANSI" page) string; `Ok(None)` for NULL.
///
/// # Safety
/// `p` is NULL or points to a readable NUL-terminated string.
pub unsafe fn narrow_cstr(p: *const c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    Some(CStr::from_ptr(p).to_string_lossy().into_owned())
}

/// Borrows a caller's input buffer; NULL with length 0 is an empty slice, NULL with a length is
/// `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes that stay valid and unchanged for `'a`.
pub unsafe fn bytes_in<'a>(p: *const u8, len: usize) -> WinResult<&'a [u8]> {
    match (p.is_null(), len) {
        (true, 0) => Ok(&[]),
        (true, _) => Err(ERROR_INVALID_PARAMETER),
        _ => Ok(std::slice::from_raw_parts(p, len)),
    }
}

/// Borrows a caller's output buffer, as [`bytes_in`] does.
///
/// # Safety
/// `p` is NULL or points to `len` writable bytes, not aliased, valid for `'a`.
pub unsafe fn bytes_out<'a>(p: *mut u8, len: usize) -> WinResult<&'a mut [u8]> {
    match (p.is_null(), len) {
        (true, 0) => Ok(&mut []),
        (true, _) => Err(ERROR_INVALID_PARAMETER),
        _ => Ok(std::slice::from_raw_parts_mut(p, len)),
    }
}

/// Writes `value` through an optional out-pointer (does nothing for NULL).
///
/// # Safety
/// `p` is NULL or points to a writable, aligned `T`.
pub unsafe fn write_opt<T>(p: *mut T, value: T) {
    if !p.is_null() {
        p.write(value);
    }
}

/// Writes `value` through a required out-pointer: NULL is `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `p` is NULL or points to a writable, aligned `T`.
pub unsafe fn write_req<T>(p: *mut T, value: T) -> WinResult<()> {
    if p.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    p.write(value);
    Ok(())
}

/// Borrows `len` code units of a caller's array (wide or narrow string with a known length).
///
/// # Safety
/// `p` points to `len` readable units valid for `'a` (it may be NULL only when `len` is 0).
pub unsafe fn units_in<'a, U>(p: *const U, len: usize) -> &'a [U] {
    if len == 0 {
        return &[];
    }
    std::slice::from_raw_parts(p, len)
}

/// Borrows `len` writable code units of a caller's array.
///
/// # Safety
/// `p` points to `len` writable units valid for `'a`, not aliased (NULL only when `len` is 0).
pub unsafe fn units_out<'a, U>(p: *mut U, len: usize) -> &'a mut [U] {
    if len == 0 {
        return &mut [];
    }
    std::slice::from_raw_parts_mut(p, len)
}

/// The length in units of a NUL-terminated string, without the NUL.
///
/// # Safety
/// `p` is non-NULL and points to a readable NUL-terminated array of `U`.
pub unsafe fn units_strlen<U: WideUnit>(p: *const U) -> usize {
    let mut n = 0usize;
    while !(*p.add(n)).is_zero() {
        n += 1;
    }
    n
}

pub use crate::win32::overlapped::CallerBuf;

/// A wide string (with terminator) allocated for the caller, freed by [`free_wide`] (NULL for None).
/// For out-structures a `WinHttpFree*` function releases (not `GlobalFree`).
pub fn leak_wide<U: WideUnit>(s: Option<&str>) -> *mut U {
    match s {
        Some(s) => Box::into_raw(crate::win32::wstr::encode_nul::<U>(s).into_boxed_slice()) as *mut U,
        None => std::ptr::null_mut(),
    }
}

/// Frees a string from [`leak_wide`] (NULL is ignored).
///
/// # Safety
/// `p` is NULL or came from `leak_wide::<U>` and was not freed yet.
pub unsafe fn free_wide<U: WideUnit>(p: *mut U) {
    if !p.is_null() {
        let n = units_strlen(p as *const U) + 1;
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)));
    }
}

/// An array allocated for the caller, freed by [`free_array`] with the same length (NULL if empty).
pub fn leak_array<T>(v: Vec<T>) -> *mut T {
    if v.is_empty() {
        return std::ptr::null_mut();
    }
    Box::into_raw(v.into_boxed_slice()) as *mut T
}

/// Takes back an array from [`leak_array`] (NULL gives an empty Vec).
///
/// # Safety
/// `p` is NULL or came from `leak_array` with `n` elements and was not freed yet.
pub unsafe fn take_array<T>(p: *mut T, n: usize) -> Vec<T> {
    if p.is_null() {
        return Vec::new();
    }
    Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)).into_vec()
}

/// A wide string (with terminator) in a new process-heap block, which the caller frees with
/// `LocalFree`, `GlobalFree` or `HeapFree` (Windows serves all three from the process heap).
pub fn heap_wide<U: WideUnit>(s: &str) -> WinResult<*mut U> {
    let units = crate::win32::wstr::encode_nul::<U>(s);
    let block = crate::win32::heap::alloc(units.len() * U::SIZE, false)?;
    // SAFETY: a fresh block of exactly `units.len()` units, suitably aligned (malloc, 16-byte header).
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), block as *mut U, units.len()) };
    Ok(block as *mut U)
}

/// An array in a new process-heap block (freed like [`heap_wide`]'s strings); NULL if empty.
pub fn heap_array<T>(v: Vec<T>) -> WinResult<*mut T> {
    if v.is_empty() {
        return Ok(std::ptr::null_mut());
    }
    let block = crate::win32::heap::alloc(std::mem::size_of_val(v.as_slice()), false)? as *mut T;
    // SAFETY: a fresh block of `v.len()` elements (malloc alignment suits every C type); the values
    // move into it and `v` gives up ownership without dropping them.
    unsafe {
        let mut v = std::mem::ManuallyDrop::new(v);
        std::ptr::copy_nonoverlapping(v.as_mut_ptr(), block, v.len());
        let _ = Vec::from_raw_parts(v.as_mut_ptr(), 0, v.capacity());
    }
    Ok(block)
}

/// A caller's out-location that an operation completing later writes: the overlapped form of an
/// out-parameter. Windows' contract for overlapped calls keeps it valid until the completion.
pub struct CallerOut<T> {
    addr: usize,
    _t: std::marker::PhantomData<fn(T)>,
}

// SAFETY: only an address; writing through it is `unsafe` and bound by the contract of `new`.
unsafe impl<T> Send for CallerOut<T> {}

impl<T> CallerOut<T> {
    /// `None` for NULL.
    ///
    /// # Safety
    /// `p` is NULL or points to a writable, aligned `T` that stays valid until the operation it is
    /// given to completes (the caller's `OVERLAPPED` contract).
    pub unsafe fn new(p: *mut T) -> Option<Self> {
        (!p.is_null()).then_some(CallerOut { addr: p as usize, _t: std::marker::PhantomData })
    }

    /// # Safety
    /// Before the operation's completion is reported (the contract of [`CallerOut::new`]).
    pub unsafe fn write(&self, value: T) {
        (self.addr as *mut T).write(value)
    }
}
