//! C type names used at the edge, with Windows widths (DESIGN.md section 3).
#![allow(non_camel_case_types, clippy::upper_case_acronyms)]
use std::ffi::c_void;

pub type BOOL = i32;
pub type DWORD = u32;
pub type ULONG = u32;
pub type USHORT = u16;
pub type ULONGLONG = u64;
pub type ULONG_PTR = usize;
pub type HANDLE = *mut c_void;
pub type HINTERNET = *mut c_void;
pub type LPVOID = *mut c_void;
pub type LPCVOID = *const c_void;
/// `wchar_t` of a normal Linux caller; `_w16` exports take `u16` instead.
pub type WCHAR = u32;

pub const TRUE: BOOL = 1;
pub const FALSE: BOOL = 0;
pub const INVALID_HANDLE_VALUE: HANDLE = usize::MAX as HANDLE;
pub const INFINITE: DWORD = u32::MAX;

/// A handle value as the handle table knows it.
pub fn raw(h: HANDLE) -> usize {
    h as usize
}

/// A handle-table value as C sees it.
pub fn to_handle(v: usize) -> HANDLE {
    v as HANDLE
}
