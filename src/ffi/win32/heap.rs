//! The process heap and `Local*`/`Global*` (engine: `win32::heap`).
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::win32::abi;
use crate::win32::error::*;
use crate::win32::heap;

/// `GetProcessHeap`: the one heap of the process.
#[no_mangle]
pub extern "C" fn GetProcessHeap() -> HANDLE {
    guard_infallible("GetProcessHeap", to_handle(heap::PROCESS_HEAP), || to_handle(heap::PROCESS_HEAP))
}

fn check_heap(hHeap: HANDLE) -> WinResult<()> {
    if hHeap.is_null() {
        Err(ERROR_INVALID_HANDLE)
    } else {
        Ok(())
    }
}

/// `HeapAlloc`: `HEAP_ZERO_MEMORY` zeroes the block. NULL with `ERROR_NOT_ENOUGH_MEMORY` on failure.
#[no_mangle]
pub extern "C" fn HeapAlloc(hHeap: HANDLE, dwFlags: DWORD, dwBytes: usize) -> LPVOID {
    guard_win32("HeapAlloc", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "HeapAlloc({hHeap:?}, {dwFlags:?}, {dwBytes:?})");
        check_heap(hHeap)?;
        Ok(heap::alloc(dwBytes, dwFlags & abi::HEAP_ZERO_MEMORY != 0)? as LPVOID)
    })
}

/// `HeapReAlloc`: resizes; `HEAP_ZERO_MEMORY` zeroes the new tail; `HEAP_REALLOC_IN_PLACE_ONLY`
/// fails (`ERROR_NOT_ENOUGH_MEMORY`) rather than move. A NULL block: `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn HeapReAlloc(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPVOID, dwBytes: usize) -> LPVOID {
    guard_win32("HeapReAlloc", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "HeapReAlloc({hHeap:?}, {dwFlags:?}, {lpMem:?}, {dwBytes:?})");
        check_heap(hHeap)?;
        if lpMem.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(heap::realloc(
            lpMem as usize,
            dwBytes,
            dwFlags & abi::HEAP_ZERO_MEMORY != 0,
            dwFlags & abi::HEAP_REALLOC_IN_PLACE_ONLY != 0,
        )? as LPVOID)
    })
}

/// `HeapFree`: frees a block (NULL is accepted). TRUE on success.
#[no_mangle]
pub extern "C" fn HeapFree(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPVOID) -> BOOL {
    guard_win32("HeapFree", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "HeapFree({hHeap:?}, {dwFlags:?}, {lpMem:?})");
        let _ = dwFlags;
        check_heap(hHeap)?;
        heap::free(lpMem as usize)?;
        Ok(TRUE)
    })
}

/// `HeapSize`: the size asked for the block, or `(SIZE_T)-1` on failure.
#[no_mangle]
pub extern "C" fn HeapSize(hHeap: HANDLE, dwFlags: DWORD, lpMem: LPCVOID) -> usize {
    guard_win32("HeapSize", usize::MAX, || {
        tracing::trace!(target: "winhttpapi::win32", "HeapSize({hHeap:?}, {dwFlags:?}, {lpMem:?})");
        let _ = dwFlags;
        check_heap(hHeap)?;
        heap::size_of(lpMem as usize)
    })
}

/// `LocalAlloc`: `LMEM_ZEROINIT` zeroes; `LMEM_MOVEABLE` blocks are fixed here (the handle is the
/// pointer), which every use through `LocalLock`-free code cannot tell apart.
#[no_mangle]
pub extern "C" fn LocalAlloc(uFlags: u32, uBytes: usize) -> LPVOID {
    guard_win32("LocalAlloc", std::ptr::null_mut(), || {
        Ok(heap::alloc(uBytes, uFlags & abi::LMEM_ZEROINIT != 0)? as LPVOID)
    })
}

/// `LocalFree`: NULL on success (and for NULL), the block itself on failure.
#[no_mangle]
pub extern "C" fn LocalFree(hMem: LPVOID) -> LPVOID {
    guard_win32("LocalFree", hMem, || {
        tracing::trace!(target: "winhttpapi::win32", "LocalFree({hMem:?})");
        heap::free(hMem as usize)?;
        Ok(std::ptr::null_mut())
    })
}

/// `GlobalAlloc`: as `LocalAlloc` (`GMEM_ZEROINIT`).
#[no_mangle]
pub extern "C" fn GlobalAlloc(uFlags: u32, dwBytes: usize) -> LPVOID {
    guard_win32("GlobalAlloc", std::ptr::null_mut(), || {
        Ok(heap::alloc(dwBytes, uFlags & abi::GMEM_ZEROINIT != 0)? as LPVOID)
    })
}

/// `GlobalFree`: as `LocalFree`.
#[no_mangle]
pub extern "C" fn GlobalFree(hMem: LPVOID) -> LPVOID {
    guard_win32("GlobalFree", hMem, || {
        tracing::trace!(target: "winhttpapi::win32", "GlobalFree({hMem:?})");
        heap::free(hMem as usize)?;
        Ok(std::ptr::null_mut())
    })
}
