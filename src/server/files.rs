//! File-handle data chunks (`HttpDataChunkFromFileHandle`): the bytes of a byte range of a file the
//! application opened with `CreateFile`.
//!
//! The file objects belong to the Win32 core; until its file object lands, a file chunk is refused with
//! `ERROR_NOT_SUPPORTED` (documented in docs/porting-httpapi.md).
use crate::win32::error::*;

/// Reads `length` bytes (`u64::MAX`: to the end, `HTTP_BYTE_RANGE_TO_EOF`) from `start` of the file
/// behind `handle`.
pub fn read_range(handle: usize, start: u64, length: u64) -> WinResult<Vec<u8>> {
    let _ = (handle, start, length);
    tracing::warn!(target: "winhttpapi::httpapi", "file-handle data chunks need the Win32 file object (not merged yet)");
    Err(ERROR_NOT_SUPPORTED)
}
