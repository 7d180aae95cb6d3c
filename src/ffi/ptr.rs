//! Pointer and string helpers for the C edge. Every raw pointer the library reads or writes passes
//! through one of these, each with its `# Safety` contract, so the engines see only safe Rust values.
//!
//! - Strings in: [`wide_cstr`], [`wide_str_len`], [`narrow_cstr`], [`units_in`], [`units_strlen`].
//! - Buffers: [`bytes_in`], [`bytes_out`], [`units_out`], [`CallerBuf`] (held until an operation completes).
//! - Fixed-size values in: [`read_exact`], [`read_struct`]; out: [`write_opt`], [`write_req`].
//! - Sized outputs, by family convention: WinHTTP's `*lpdwBufferLength` in/out ([`put_value`],
//!   [`put_wide_bytes`]); http.sys' `ReturnLength` and `ERROR_MORE_DATA` ([`put_with_return_length`], [`out_buffer`],
//!   with [`put_wide`] and [`wide_bytes`] to lay strings out inside it); kernel32's "length or size
//!   needed" ([`copy_out_or_size`]).
//! - Memory handed to the caller: [`alloc_wide`] (`GlobalFree`), [`leak_wide`]/[`free_wide`] and
//!   [`leak_array`]/[`take_array`] (freed by a `WinHttpFree*` function).
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::{c_char, c_void, CStr};
use std::mem::size_of;
use std::ptr::null_mut;

/// Reads a NUL-terminated wide string; `Ok(None)` for NULL.
///
/// # Safety
/// `p` is NULL or points to a readable NUL-terminated array of `U`.
pub unsafe fn wide_cstr<U: WideUnit>(p: *const U) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` is a NUL-terminated array of `U` (caller's contract).
    let n = unsafe { units_strlen(p) };
    // SAFETY: the `n` units before the NUL are readable.
    Some(wstr::decode(unsafe { std::slice::from_raw_parts(p, n) }))
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
        // SAFETY: with -1 the caller passes a NUL-terminated string.
        return unsafe { wide_cstr(p) };
    }
    // SAFETY: `p` points to `len` readable units (caller's contract).
    let units = unsafe { std::slice::from_raw_parts(p, len as usize) };
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
    // SAFETY: non-NULL and NUL-terminated (caller's contract).
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
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
        // SAFETY: non-NULL, `len` readable bytes valid for 'a (caller's contract).
        _ => Ok(unsafe { std::slice::from_raw_parts(p, len) }),
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
        // SAFETY: non-NULL, `len` writable unaliased bytes valid for 'a (caller's contract).
        _ => Ok(unsafe { std::slice::from_raw_parts_mut(p, len) }),
    }
}

/// Writes `value` through an optional out-pointer (does nothing for NULL).
///
/// # Safety
/// `p` is NULL or points to a writable, aligned `T`.
pub unsafe fn write_opt<T>(p: *mut T, value: T) {
    if !p.is_null() {
        // SAFETY: non-NULL, writable and aligned (caller's contract).
        unsafe { p.write(value) };
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
    // SAFETY: non-NULL, writable and aligned (caller's contract).
    unsafe { p.write(value) };
    Ok(())
}

/// Reads a `S` from a caller's buffer that must be exactly its size (a `ULONG` property, a structure
/// whose length the caller states): NULL or any other length is `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes (alignment not required).
pub unsafe fn read_exact<S: Copy>(p: *const c_void, len: u32) -> WinResult<S> {
    if p.is_null() || len as usize != size_of::<S>() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `p` holds `size_of::<S>()` readable bytes (checked above, caller's contract); unaligned read.
    Ok(unsafe { (p as *const S).read_unaligned() })
}

/// Reads a `S` from a caller's buffer of at least its size: NULL is `ERROR_INVALID_PARAMETER`, a
/// shorter length is `short` (each function names its own code).
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes (alignment not required).
pub unsafe fn read_struct<S: Copy>(p: *const c_void, len: u32, short: Win32Error) -> WinResult<S> {
    if p.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if (len as usize) < size_of::<S>() {
        return Err(short);
    }
    // SAFETY: `p` holds at least `size_of::<S>()` readable bytes (checked above); unaligned read.
    Ok(unsafe { (p as *const S).read_unaligned() })
}

/// Copies a fixed-size value into a caller buffer of `*len` bytes, with WinHTTP's sizing rule: `*len`
/// is the capacity in and the size out; too small (or NULL) is `ERROR_INSUFFICIENT_BUFFER` with the
/// size needed in `*len`; NULL `len` is `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `len` is NULL or points to a writable `u32`; `buf` is NULL or points to `*len` writable bytes.
pub unsafe fn put_value<V: Copy>(v: V, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let need = size_of::<V>();
    // SAFETY: `len` is non-NULL and writable (caller's contract).
    let cap = unsafe { &mut *len };
    if buf.is_null() || (*cap as usize) < need {
        *cap = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `buf` holds `*len` >= `size_of::<V>()` writable bytes; unaligned write.
    unsafe { (buf as *mut V).write_unaligned(v) };
    *cap = need as u32;
    Ok(())
}

/// Copies a wide string and its terminator into a caller buffer of `*len` bytes, WinHTTP style:
/// too small (or NULL) -> `ERROR_INSUFFICIENT_BUFFER` with the bytes needed (terminator included);
/// success -> the length in bytes without the terminator.
///
/// # Safety
/// As [`put_value`].
pub unsafe fn put_wide_bytes<U: WideUnit>(s: &str, buf: *mut c_void, len: *mut u32) -> WinResult<()> {
    if len.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `len` is non-NULL and writable (caller's contract).
    let cap = unsafe { &mut *len };
    let units = wstr::encode_nul::<U>(s);
    let need = units.len() * U::SIZE;
    if buf.is_null() || (*cap as usize) < need {
        *cap = need as u32;
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `buf` holds `*len` >= `need` writable bytes (caller's contract).
    let out = unsafe { bytes_out(buf as *mut u8, need) }?;
    put_wide::<U>(out, 0, s);
    *cap = (need - U::SIZE) as u32;
    Ok(())
}

/// Writes a fixed-size value into a caller's buffer, http.sys style: its size goes to `*ret` (if given)
/// either way; NULL or a shorter buffer is `ERROR_MORE_DATA`.
///
/// # Safety
/// `ret` is NULL or points to a writable `u32`; `info` is NULL or points to `len` writable bytes.
pub unsafe fn put_with_return_length<V: Copy>(v: V, info: *mut c_void, len: u32, ret: *mut u32) -> WinResult<()> {
    let size = size_of::<V>() as u32;
    // SAFETY: `ret` is NULL or writable (caller's contract).
    unsafe { write_opt(ret, size) };
    if info.is_null() || len < size {
        return Err(ERROR_MORE_DATA);
    }
    // SAFETY: `info` holds at least `size_of::<V>()` writable bytes (checked above); unaligned write.
    unsafe { (info as *mut V).write_unaligned(v) };
    Ok(())
}

/// Checks an http.sys output buffer against `needed` (reported through `ret` either way) and borrows
/// its first `needed` bytes; NULL or too short is `short`.
///
/// # Safety
/// `ret` is NULL or points to a writable `u32`; `out` is NULL or points to `out_len` writable bytes,
/// not aliased, valid for `'a`.
pub unsafe fn out_buffer<'a>(
    out: *mut c_void,
    out_len: u32,
    ret: *mut u32,
    needed: usize,
    short: Win32Error,
) -> WinResult<&'a mut [u8]> {
    // SAFETY: `ret` is NULL or writable (caller's contract).
    unsafe { write_opt(ret, needed as u32) };
    if out.is_null() || (out_len as usize) < needed {
        return Err(short);
    }
    // SAFETY: `out` holds `out_len` >= `needed` writable bytes (checked above, caller's contract).
    unsafe { bytes_out(out as *mut u8, needed) }
}

/// Writes `s` NUL-terminated as `U` units at byte offset `at` of `buf` (unaligned); returns its
/// address, for a pointer field of a structure laid out in the same buffer. Panics (caught by the
/// guard) if it does not fit: the caller sizes `buf` with [`wide_bytes`].
pub fn put_wide<U: WideUnit>(buf: &mut [u8], at: usize, s: &str) -> usize {
    let units = wstr::encode_nul::<U>(s);
    assert!(at + units.len() * U::SIZE <= buf.len(), "put_wide past the buffer");
    let start = buf.as_mut_ptr();
    for (i, u) in units.iter().enumerate() {
        // SAFETY: `at + (i + 1) * SIZE <= buf.len()` (asserted above): in bounds; unaligned write.
        unsafe { (start.add(at + i * U::SIZE) as *mut U).write_unaligned(*u) };
    }
    start as usize + at
}

/// The bytes [`put_wide`] writes for `s` (terminator included).
pub fn wide_bytes<U: WideUnit>(s: &str) -> usize {
    wstr::encode_nul::<U>(s).len() * U::SIZE
}

/// Copies `s` with a NUL into a caller's buffer of `cap` units, GetTempPath-style: returns the length
/// without the NUL, or, when it does not fit, the size needed including the NUL (nothing written).
///
/// # Safety
/// `buf` is NULL or points to `cap` writable units.
pub unsafe fn copy_out_or_size<U: WideUnit>(s: &str, buf: *mut U, cap: u32) -> WinResult<u32> {
    tracing::trace!(target: "winhttpapi::win32", "copy out {s:?} to {buf:?} of {cap}");
    let units = wstr::encode_nul::<U>(s);
    if units.len() > cap as usize {
        return Ok(units.len() as u32);
    }
    if buf.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `buf` holds `cap` >= `units.len()` writable units (checked above, caller's contract).
    unsafe { units_out(buf, units.len()) }.copy_from_slice(&units);
    Ok(units.len() as u32 - 1)
}

/// Borrows `len` code units of a caller's array (wide or narrow string with a known length).
///
/// # Safety
/// `p` points to `len` readable units valid for `'a` (it may be NULL only when `len` is 0).
pub unsafe fn units_in<'a, U>(p: *const U, len: usize) -> &'a [U] {
    if len == 0 {
        return &[];
    }
    // SAFETY: `len` readable units valid for 'a (caller's contract).
    unsafe { std::slice::from_raw_parts(p, len) }
}

/// Borrows `len` writable code units of a caller's array.
///
/// # Safety
/// `p` points to `len` writable units valid for `'a`, not aliased (NULL only when `len` is 0).
pub unsafe fn units_out<'a, U>(p: *mut U, len: usize) -> &'a mut [U] {
    if len == 0 {
        return &mut [];
    }
    // SAFETY: `len` writable unaliased units valid for 'a (caller's contract).
    unsafe { std::slice::from_raw_parts_mut(p, len) }
}

/// The length in units of a NUL-terminated string, without the NUL.
///
/// # Safety
/// `p` is non-NULL and points to a readable NUL-terminated array of `U`.
pub unsafe fn units_strlen<U: WideUnit>(p: *const U) -> usize {
    let mut n = 0usize;
    // SAFETY: every unit up to and including the NUL is readable (caller's contract).
    while !unsafe { *p.add(n) }.is_zero() {
        n += 1;
    }
    n
}

pub use crate::win32::overlapped::CallerBuf;

/// A freshly allocated wide string for the caller to free with `GlobalFree` (NULL for None, or when
/// the heap is exhausted).
pub fn alloc_wide<U: WideUnit>(s: Option<&str>) -> *mut c_void {
    let Some(s) = s else { return null_mut() };
    let units = wstr::encode_nul::<U>(s);
    // From the process heap, so the caller's `GlobalFree` (which checks the block header) takes it.
    let Ok(p) = crate::win32::heap::alloc(units.len() * U::SIZE, false) else { return null_mut() };
    // SAFETY: `p` is a fresh block of `units.len() * SIZE` bytes, aligned for any unit.
    unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), p as *mut U, units.len()) };
    p as *mut c_void
}

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
        // SAFETY: a string of `leak_wide`: NUL-terminated, and its box held exactly that many units.
        let n = unsafe { units_strlen(p as *const U) } + 1;
        // SAFETY: the same allocation `leak_wide` leaked, with its length; freed once.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)) });
    }
}

/// An array allocated for the caller, taken back by [`take_array`] with the same length (NULL if empty).
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
    // SAFETY: the allocation `leak_array` leaked, with its length (caller's contract); taken once.
    unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)) }.into_vec()
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
        // SAFETY: `write`: Before the operation's completion is reported (the contract of [`CallerOut::new`]).
        unsafe { (self.addr as *mut T).write(value) }
    }
}
