//! File-handle data chunks (`HttpDataChunkFromFileHandle`): the bytes of a byte range of a file the
//! application opened with `CreateFile` (the Win32 core's [`File`]). The range is read during the
//! send call, so the application may close the file as soon as the call returns.
use crate::win32::error::*;
use crate::win32::file::File;
use crate::win32::handle;

/// Reads `length` bytes (`u64::MAX` = `HTTP_BYTE_RANGE_TO_EOF`: to the end) from `start` of the file
/// behind `handle`. Not a file: `ERROR_INVALID_HANDLE`; a range past the end of the file:
/// `ERROR_INVALID_PARAMETER` (http.sys refuses a range it cannot send in full).
pub fn read_range(handle: usize, start: u64, length: u64) -> WinResult<Vec<u8>> {
    let file = handle::get_typed::<File>(handle)?;
    let size = file.size()?;
    if start > size {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let len = if length == u64::MAX { size - start } else { length };
    if start.checked_add(len).is_none_or(|end| end > size) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut buf = vec![0u8; len as usize];
    let n = file.read_at(&mut buf, start)?;
    if n != buf.len() {
        return Err(ERROR_HANDLE_EOF); // the file shrank under us
    }
    Ok(buf)
}
