//! The process heap (`HeapAlloc`, `HeapReAlloc`, `HeapFree`, `HeapSize`) and `LocalAlloc`/`GlobalAlloc`,
//! all on `malloc`. Each block carries a 16-byte header with its requested size, so `HeapSize` and
//! `HEAP_ZERO_MEMORY` on `HeapReAlloc` are exact, and blocks of any of these families may be freed by
//! any other (Windows serves all of them from the process heap).
use super::error::*;

/// The value `GetProcessHeap` returns: never NULL, never a live handle-table value (its upper half is
/// zero, a generation the table never uses).
pub const PROCESS_HEAP: usize = 0x4845_4150;

const HEADER: usize = 16;
const MAGIC: usize = 0x5741_4C4C_4F43_4B21; // "WALLOCK!": catches frees of foreign pointers

/// Allocates `size` bytes (zeroed if asked). Returns the block address.
pub fn alloc(size: usize, zero: bool) -> WinResult<usize> {
    let total = size.checked_add(HEADER).ok_or(ERROR_NOT_ENOUGH_MEMORY)?;
    // SAFETY: plain C allocation; the result is checked for NULL.
    let p = unsafe {
        if zero {
            libc::calloc(1, total)
        } else {
            libc::malloc(total)
        }
    } as *mut usize;
    if p.is_null() {
        return Err(ERROR_NOT_ENOUGH_MEMORY);
    }
    // SAFETY: `p` points to at least HEADER (16) writable, 16-aligned bytes.
    unsafe {
        p.write(size);
        p.add(1).write(MAGIC);
    }
    Ok(p as usize + HEADER)
}

fn header(block: usize) -> WinResult<*mut usize> {
    if block < HEADER || block % 8 != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let h = (block - HEADER) as *mut usize;
    // SAFETY: the caller passes a block from `alloc` (the Windows contract); the magic word catches
    // the common mistake of passing another allocator's pointer without touching anything else.
    if unsafe { h.add(1).read() } != MAGIC {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(h)
}

/// The requested size of a block (`HeapSize`).
pub fn size_of(block: usize) -> WinResult<usize> {
    // SAFETY: `header` checked the block.
    Ok(unsafe { header(block)?.read() })
}

/// Frees a block (NULL is accepted and does nothing).
pub fn free(block: usize) -> WinResult<()> {
    if block == 0 {
        return Ok(());
    }
    let h = header(block)?;
    // SAFETY: `h` is the start of a block from `alloc`; the magic is cleared so a double free is caught.
    unsafe {
        h.add(1).write(0);
        libc::free(h as *mut libc::c_void);
    }
    Ok(())
}

/// Resizes a block; with `zero` the bytes beyond the old size are zeroed; with `in_place` the block
/// may not move (`HEAP_REALLOC_IN_PLACE_ONLY`: only shrinking or same size succeed here).
pub fn realloc(block: usize, size: usize, zero: bool, in_place: bool) -> WinResult<usize> {
    let h = header(block)?;
    // SAFETY: `header` checked the block.
    let old = unsafe { h.read() };
    if in_place {
        if size > old {
            return Err(ERROR_NOT_ENOUGH_MEMORY);
        }
        // SAFETY: as above.
        unsafe { h.write(size) };
        return Ok(block);
    }
    let total = size.checked_add(HEADER).ok_or(ERROR_NOT_ENOUGH_MEMORY)?;
    // SAFETY: `h` came from malloc/calloc; realloc keeps the header bytes.
    let p = unsafe { libc::realloc(h as *mut libc::c_void, total) } as *mut usize;
    if p.is_null() {
        return Err(ERROR_NOT_ENOUGH_MEMORY);
    }
    // SAFETY: `p` points to `total` bytes; the zeroed range lies within them.
    unsafe {
        p.write(size);
        if zero && size > old {
            std::ptr::write_bytes((p as *mut u8).add(HEADER + old), 0, size - old);
        }
    }
    Ok(p as usize + HEADER)
}
