//! C type names used at the edge (defined with Windows widths in [`crate::win32::abi`]) and the handle
//! conversions.
pub use crate::win32::abi::{
    BOOL, DWORD, FALSE, HANDLE, HINTERNET, INFINITE, INVALID_HANDLE_VALUE, LPCVOID, LPVOID, TRUE, ULONG, ULONGLONG,
    ULONG_PTR, USHORT, WCHAR,
};

/// A handle value as the handle table knows it.
pub fn raw(h: HANDLE) -> usize {
    h as usize
}

/// A handle-table value as C sees it.
pub fn to_handle(v: usize) -> HANDLE {
    v as HANDLE
}
